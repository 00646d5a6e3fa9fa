#!/usr/bin/env python3
"""Writes the n-gram counts the default model is built from, as `ngram<TAB>count` lines.

Reads the word and word-pair frequency lists shipped in the `symspellpy` wheel (MIT; derived
from the Google Books Ngram data, CC BY 3.0) from an unpacked wheel directory given as the
first argument. The lists are lower-case and have no apostrophes ("it's" is counted as "its"),
which is why confusion rules name stand-ins for such words.

The two lists come from corpora of different sizes: a word pair is counted about 35 times as
often as its first word. The model reads P(next | word) as count(pair) / count(word), so each
word's count is put on the pairs' scale: the larger of its pairs' totals (as first word, as
second word) and its own count times the median ratio of pair totals to word counts among
words common enough (over 10^8) that few of their pairs were pruned.

Usage: counts_from_packages.py UNPACKED_WHEEL_DIR > counts.tsv
"""

import statistics
import sys
from collections import Counter
from pathlib import Path

UNIGRAMS = "symspellpy/frequency_dictionary_en_82_765.txt"
BIGRAMS = "symspellpy/frequency_bigramdictionary_en_243_342.txt"
COMMON = 10**8


def main() -> None:
    root = Path(sys.argv[1])
    words = {}
    for line in (root / UNIGRAMS).read_text(encoding="utf-8").splitlines():
        word, count = line.split()
        words[word] = int(count)
    pairs = []
    as_first, as_second = Counter(), Counter()
    for line in (root / BIGRAMS).read_text(encoding="utf-8").splitlines():
        first, second, count = line.split()
        pairs.append((f"{first} {second}", int(count)))
        as_first[first] += int(count)
        as_second[second] += int(count)
    scale = statistics.median(as_first[w] / c for w, c in words.items() if c > COMMON)
    out = sys.stdout
    for word in sorted(set(words) | set(as_first) | set(as_second)):
        count = max(as_first[word], as_second[word], round(words.get(word, 0) * scale))
        out.write(f"{word}\t{count}\n")
    for pair, count in pairs:
        out.write(f"{pair}\t{count}\n")
    print(f"words on the pairs' scale: x{scale:.1f}", file=sys.stderr)


if __name__ == "__main__":
    main()
