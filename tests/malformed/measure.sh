#!/usr/bin/env bash
# Time and peak memory of factlint on every file of the malformed corpus, one run each, and the
# largest of each. Fails when any run takes more than 2 s or 200 MB.
#
#   cargo build --release && tests/malformed/measure.sh [path/to/factlint]
set -euo pipefail
cd "$(dirname "$0")/../.."
factlint=${1:-target/release/factlint}
clean=tests/fixtures/packs/clean.txt
max_seconds=0 max_kb=0 slowest="" largest="" runs=0
figures=$(mktemp)
trap 'rm -f "$figures"' EXIT

measure() {
    local file=$1
    shift
    # factlint exits 2 on every broken file: only the figures matter here.
    /usr/bin/time -o "$figures" -f '%e %M' "$factlint" "$@" >/dev/null 2>&1 || true
    local line
    line=$(tail -n 1 "$figures")
    local seconds=${line% *} kb=${line#* }
    runs=$((runs + 1))
    if awk -v a="$seconds" -v b="$max_seconds" 'BEGIN { exit !(a > b) }'; then
        max_seconds=$seconds slowest=$file
    fi
    if [ "$kb" -gt "$max_kb" ]; then
        max_kb=$kb largest=$file
    fi
}

for file in tests/malformed/rules/*.yaml; do measure "$file" check --rules "$file" "$clean"; done
for file in tests/malformed/config/*.yaml; do measure "$file" check --config "$file" "$clean"; done
for file in tests/malformed/stories/*; do measure "$file" check --format short "$file"; done

echo "$runs runs"
echo "slowest: $max_seconds s ($slowest)"
echo "most memory: $((max_kb / 1024)) MB ($largest)"
awk -v s="$max_seconds" -v k="$max_kb" 'BEGIN { exit !(s <= 2 && k <= 200 * 1024) }' || {
    echo "over the limit of 2 s or 200 MB" >&2
    exit 1
}
