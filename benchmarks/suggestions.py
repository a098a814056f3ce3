#!/usr/bin/env python3
"""Suggestion quality: copylint's spelling.typo against plain pyspellchecker, side by side.

    python benchmarks/suggestions.py [--shared ../shared] [--wikipedia-sample 400]

For Norvig's spell test set 1 and an evenly spaced sample of Wikipedia's list of common
misspellings (both in ../shared/corpora/misspellings/, not shipped), it reports:

- detection: the share of wrong words flagged, counting only wrong words that are not themselves
  in pyspellchecker's English dictionary (those cannot be caught without context);
- top-1 and top-5: the share of those wrong words whose correction is the first suggestion, or
  among the first five; in brackets, the same over all wrong words, dictionary words included.

copylint is run through its real engine on each word alone (no context); pyspellchecker through
``correction()`` and ``candidates()`` (ranked by word frequency) at its default distance 2.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from spellchecker import SpellChecker

from copylint.core.engine import lint_document
from copylint.core.rule import LintSettings
from copylint.core.source import Document
from copylint.project.plugins import load_plugins


def load_pairs(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))[1:]
    return [(wrong, right) for wrong, right, *_ in rows if " " not in right]


def copylint_suggestions(words: list[str]) -> dict[str, list[str] | None]:
    """For each word: None when not flagged, else its suggestions (best first)."""
    plugins = load_plugins(entry_points=False)
    settings = LintSettings(rules=(plugins.rules["spelling.typo"],))
    document_format = plugins.format_for("word.txt")
    result: dict[str, list[str] | None] = {}
    for word in words:
        findings = lint_document(Document("word.txt", word), document_format, settings).findings
        result[word] = [s.lower() for s in findings[0].suggestions] if findings else None
    return result


def pyspell_suggestions(words: list[str]) -> dict[str, list[str] | None]:
    checker = SpellChecker()
    frequency = checker.word_frequency
    result: dict[str, list[str] | None] = {}
    for word in words:
        if word in checker:
            result[word] = None
            continue
        best = checker.correction(word)
        others = sorted(checker.candidates(word) or (), key=lambda w: -frequency[w])
        ranked = ([best] if best else []) + [w for w in others if w != best]
        result[word] = ranked[:5]
    return result


def score(pairs: list[tuple[str, str]], found: dict[str, list[str] | None], dictionary: SpellChecker) -> str:
    """Detection over detectable words; top-1/top-5 over detectable words and (in brackets) over all."""
    detectable = [(w, r) for w, r in pairs if w not in dictionary]
    detected = sum(1 for w, _ in detectable if found[w] is not None)

    def hits(subset: list[tuple[str, str]], k: int) -> int:
        return sum(1 for w, r in subset if (found[w] or [])[:k].count(r))

    def share(count: int, total: int) -> str:
        return f"{count / total:6.1%}"

    return (
        f"detection {share(detected, len(detectable))} ({detected}/{len(detectable)})  "
        f"top-1 {share(hits(detectable, 1), len(detectable))} [{share(hits(pairs, 1), len(pairs))}]  "
        f"top-5 {share(hits(detectable, 5), len(detectable))} [{share(hits(pairs, 5), len(pairs))}]  "
        f"(n={len(detectable)} [{len(pairs)}])"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[1] / ".." / "shared"))
    parser.add_argument("--wikipedia-sample", type=int, default=400)
    parser.add_argument("--tools", default="copylint,pyspellchecker", help="comma-separated: copylint, pyspellchecker")
    args = parser.parse_args()
    runners = {"copylint": copylint_suggestions, "pyspellchecker": pyspell_suggestions}
    tools = [(tool, runners[tool]) for tool in args.tools.split(",")]
    folder = Path(args.shared) / "corpora" / "misspellings"
    norvig = [(w.lower(), r.lower()) for w, r in load_pairs(folder / "norvig-spell-testset1.tsv")]
    wikipedia = [(w.lower(), r.lower()) for w, r in load_pairs(folder / "wikipedia-common-misspellings.tsv")]
    step = max(len(wikipedia) // args.wikipedia_sample, 1)
    wikipedia = wikipedia[::step][: args.wikipedia_sample]
    dictionary = SpellChecker()
    for name, pairs in (("norvig-spell-testset1", norvig), (f"wikipedia-sample-{len(wikipedia)}", wikipedia)):
        words = sorted({w for w, _ in pairs})
        for tool, run in tools:
            start = time.perf_counter()
            found = run(words)
            elapsed = time.perf_counter() - start
            print(f"{name:28} {tool:15} {score(pairs, found, dictionary)}  {elapsed:6.1f}s", flush=True)


if __name__ == "__main__":
    sys.exit(main())
