#!/usr/bin/env python3
"""Learn which words never follow a possessive or a contraction, and write
``src/copylint/data/language/unseen-after.tsv``.

    python scripts/build_unseen_after.py CORPUS_DIR [--output PATH]

CORPUS_DIR is the prose that ``scripts/training_corpus.py`` extracts (sources in
``scripts/TRAINING_SOURCES.md``; never a source reserved for evaluation). For each possessive and
its contraction ("its"/"it's", "your"/"you're", "their"/"they're", "whose"/"who's"), a word is
listed after one of them when the training prose never shows it there (or in at most three uses in a
hundred of those expected: edited prose has slips too), yet shows it after the other often enough
that, were both equally at home before it, at least ``MIN_EXPECTED`` uses after the first would be
expected: "its eyes" is common and "it's eyes" (or "it is eyes") never written, so "eyes" is listed
after "it's". A contraction counts with its spelled-out form ("it is", "it has"), so formal prose
that never contracts still shows what may follow it.

The rules read the list together with the word classes: a listing alone says only "unseen".
Nothing is downloaded; only the word lists are shipped, never the text.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from build_confusion_model import _SENTENCE_END, documents, words_of

from copylint.language.confusion import BREAK, next_form

PAIRS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("its", "it's", ("it is", "it has")),
    ("your", "you're", ("you are",)),
    ("their", "they're", ("they are",)),
    ("whose", "who's", ("who is", "who has")),
)
"""Possessive, contraction, and the contraction spelled out."""
MIN_SEEN = 3
"""Uses after the other word needed before a word is listed (fewer is chance)."""
MIN_EXPECTED = 5.0
"""Uses after the listed-after word expected if it were as much at home there as the other
(one in 150 such words would show no use by chance)."""
MAX_SEEN_SHARE = 0.03
"""Uses actually seen there, as a share of those expected, still counted as none: edited prose
has its own slips ("it's name" 7 times against 204 "its name"). In the training prose, the nouns
seen after "its" at least 50 times (in expectation) show "it's" in 0 to 10 % of the expected uses
and then none between 10 and 30 %: a slip rate, not a second reading. 3 % keeps well below that
gap."""
OUTPUT = Path(__file__).resolve().parent.parent / "src/copylint/data/language/unseen-after.tsv"


def count(folder: Path) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Uses of each possessive and contraction (lower case or opening a sentence) and of each
    (word, next word) after them, spelled-out contractions counted as the contraction."""
    spelled = {full.split()[0]: {} for _, _, fulls in PAIRS for full in fulls}
    for _, contraction, fulls in PAIRS:
        for full in fulls:
            first, second = full.split()
            spelled[first][second] = contraction
    wanted = {word for possessive, contraction, _ in PAIRS for word in (possessive, contraction)}
    uses: Counter[str] = Counter()
    after: Counter[tuple[str, str]] = Counter()
    for _, paragraphs in documents(folder):
        for paragraph in paragraphs:
            words = words_of(paragraph)
            folded = [word.text.lower() for word in words]
            for position, word in enumerate(words):
                form = folded[position]
                written = word.text
                if written[1:] != written[1:].lower():
                    continue  # capitals: a name, a heading
                if written[0].isupper() and position and not _SENTENCE_END.search(paragraph[: word.start].rstrip()):
                    continue  # a capital mid-sentence: a name
                found = form if form in wanted else None
                at = position
                if found is None and form in spelled:
                    second = next_form(paragraph, words, folded, position)
                    found = spelled[form].get(second)
                    at = position + 1
                if found is None:
                    continue
                uses[found] += 1
                following = next_form(paragraph, words, folded, at)
                if following != BREAK:
                    after[(found, following)] += 1
    return uses, after


def unseen(uses: Counter[str], after: Counter[tuple[str, str]]) -> list[tuple[str, str, list[str]]]:
    """(written, other, words never after ``written`` but expected there from ``other``)."""
    rows = []
    for possessive, contraction, _ in PAIRS:
        for written, other in ((possessive, contraction), (contraction, possessive)):
            if not uses[written] or not uses[other]:
                continue
            scale = uses[written] / uses[other]
            listed = sorted(
                following
                for (word, following), seen in after.items()
                if word == other
                and seen >= MIN_SEEN
                and seen * scale >= MIN_EXPECTED
                and after[(written, following)] <= MAX_SEEN_SHARE * seen * scale
            )
            rows.append((written, other, listed))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    uses, after = count(args.corpus)
    rows = unseen(uses, after)
    lines = [
        "# Words never seen after a possessive or contraction in the training prose, though expected there",
        "# (scripts/build_unseen_after.py; sources: scripts/TRAINING_SOURCES.md).",
        "# written<TAB>other<TAB>uses of written,uses of other<TAB>words, space-separated",
    ]
    for written, other, listed in rows:
        lines.append(f"{written}\t{other}\t{uses[written]},{uses[other]}\t{' '.join(listed)}")
        print(f"{written} → {other}: {len(listed)} words", file=sys.stderr)
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
