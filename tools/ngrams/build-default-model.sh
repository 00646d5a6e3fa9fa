#!/usr/bin/env bash
# Rebuilds crates/rules/data/ngrams.bin, the n-gram table factlint ships, from registry data.
# Needs pip and cargo. The package version is pinned so that the table comes out byte for byte
# the same; the test `shipped_model_matches_its_source` in crates/rules guards the header.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
pip download --quiet --no-deps symspellpy==6.10.1 -d "$work"
python3 -m zipfile -e "$work"/symspellpy-6.10.1-py3-none-any.whl "$work/wheel"
python3 "$here/counts_from_packages.py" "$work/wheel" > "$work/counts.tsv"
cargo run --quiet --release -p factlint-rules --example ngram-table -- "$work/counts.tsv" "$root/crates/rules/data/ngrams.bin"
ls -l "$root/crates/rules/data/ngrams.bin"
