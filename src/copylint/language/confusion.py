"""Confusion pairs learnt from prose: which of two words that sound alike, are an apostrophe apart
or are known to be confused ("their"/"there", "its"/"it's", "then"/"than") the two words before
and after a use call for. Logistic models trained offline by ``scripts/build_confusion_model.py`` on openly
licensed prose are shipped as ``data/language/confusion-model.tsv.gz``.

The features are shared by the training script and the rule, so both see a window the same way:
the neighbouring forms in lower case, pairs of them, the word classes of the nearest two, a
comparative before the word, and where punctuation or the sentence start cuts the window. The
target word itself is never a feature: a slip keeps its context, so the context alone must tell
the words apart.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from copylint.core.tokens import Word
from copylint.language.wordclass import WordClass, load_word_classes
from copylint.store.shipped import data_lines
from copylint.store.tables import cached

SENTENCE = "<s>"
"""A window cut by the start of a sentence."""
BREAK = "<p>"
"""A window cut by punctuation or markup between words."""
_DEGREE = frozenset(("more", "less", "fewer", "rather", "other", "otherwise"))
_BITS: tuple[tuple[str, WordClass], ...] = tuple((member.name or "", member) for member in WordClass)


def window(
    text: str, words: Sequence[Word], folded: Sequence[str], index: int, starts_sentence: bool
) -> tuple[str, str, str, str]:
    """The two words before and after ``words[index]`` (``folded``: the words in lower case), each
    replaced by a marker where punctuation, a line break between blocks or the sentence start
    comes first."""
    before1 = before2 = after2 = ""
    if starts_sentence or index == 0:
        before1 = SENTENCE
    elif not joined(text, words[index - 1].end, words[index].start):
        before1 = BREAK
    else:
        before1 = _straight(folded[index - 1])
        if index == 1:
            before2 = SENTENCE
        elif not joined(text, words[index - 2].end, words[index - 1].start):
            before2 = BREAK
        else:
            before2 = _straight(folded[index - 2])
    after1 = next_form(text, words, folded, index)
    if after1 != BREAK:
        after2 = next_form(text, words, folded, index + 1)
    return before2, before1, after1, after2


def next_form(text: str, words: Sequence[Word], folded: Sequence[str], index: int) -> str:
    """The word after ``words[index]`` as a window reads it, or ``BREAK`` where the window is cut."""
    after = index + 1
    if after == len(words) or not joined(text, words[index].end, words[after].start):
        return BREAK
    return _straight(folded[after])


def _straight(form: str) -> str:
    return form.replace("’", "'") if "’" in form else form


def fold(written: str) -> str:
    """A word's form as the model knows it: lower case, straight apostrophe."""
    return written.lower().replace("’", "'")


def joined(text: str, end: int, start: int) -> bool:
    """Whether only spaces, and at most one line break, come between two words."""
    if start - end == 1:
        return text[end].isspace()
    gap = text[end:start]
    return not gap.strip() and "\n\n" not in gap


@lru_cache(maxsize=65536)
def _class_features(place: str, form: str) -> tuple[str, ...]:
    kind = _kind(form)
    return (f"{place}c={kind}", *(f"{place}:{name}" for name, bit in _BITS if kind & bit))


def features(around: tuple[str, str, str, str]) -> list[str]:
    """The features of a window (two before, two after): forms, pairs, classes, comparatives."""
    before2, before1, after1, after2 = around
    found = [
        f"-2={before2}",
        f"-1={before1}",
        f"+1={after1}",
        f"+2={after2}",
        f"-1+1={before1}|{after1}",
        f"-2-1={before2}|{before1}",
        f"+1+2={after1}|{after2}",
        *_class_features("-1", before1),
        *_class_features("+1", after1),
    ]
    if _comparative(before2, before1):
        found.append("comparative")
    if after1.endswith("ing"):
        found.append("+1ing")
    return found


_FLAGS = ("comparative", "+1ing")


@dataclass(frozen=True)
class ConfusionPair:
    """Two words, the model's weights (positive: the second fits), and for each word how far the
    score toward the other must go before the written word is reported (at most one correct use in
    a thousand went that far in held-out prose; ``inf``: never reported).

    The weights of :func:`features` are kept by template, keyed by the words themselves, so a
    window is scored without building its feature strings: ``score`` equals the bias plus the
    weights of ``features(around)``.
    """

    words: tuple[str, str]
    bias: float
    margins: tuple[float, float]
    forms: tuple[Mapping[str, float], Mapping[str, float], Mapping[str, float], Mapping[str, float]]
    """The weight of each form two before, one before, one after and two after."""
    neighbours: tuple[
        Mapping[str, Mapping[str, float]], Mapping[str, Mapping[str, float]], Mapping[str, Mapping[str, float]]
    ]
    """Pairs of forms: (one before, one after), (two before, one before), (one after, two after)."""
    classes: tuple[Mapping[str, float], Mapping[str, float]]
    """The word classes one before and one after: ``c=<bits>`` or a class name → weight."""
    flags: Mapping[str, float]
    """"comparative", "+1ing" → weight."""
    reach: tuple[float, float]
    """The most the far features (``_far``) can add toward the other word, for each written word:
    a window whose near features fall short by more is not scored further."""
    _by_kind: dict[tuple[int, int], float] = field(default_factory=dict, compare=False, repr=False)
    """The class features' weight per (place, classes of a form), summed once per process."""

    def score(self, around: tuple[str, str, str, str]) -> float:
        """The model's score for a window (positive: the second word fits)."""
        return self._near(around) + self._far(around)

    def toward_other(self, around: tuple[str, str, str, str], written: int) -> float:
        """How strongly the window calls for the word that was not written; ``-inf`` as soon as
        the nearest words show it cannot reach the written word's margin."""
        sign = 1.0 if written == 0 else -1.0
        near = sign * self._near(around)
        if near + self.reach[written] < self.margins[written]:
            return -math.inf
        return near + sign * self._far(around)

    def _near(self, around: tuple[str, str, str, str]) -> float:
        """The bias and the weights of the words right before and after, and of their classes."""
        _, before1, after1, _ = around
        return (
            self.bias
            + self.forms[1].get(before1, 0.0)
            + self.forms[2].get(after1, 0.0)
            + self._by_kind_weight(0, _kind(before1))
            + self._by_kind_weight(1, _kind(after1))
        )

    def _far(self, around: tuple[str, str, str, str]) -> float:
        """The weights of the words two away, of pairs of words, and of the flags."""
        before2, before1, after1, after2 = around
        total = self.forms[0].get(before2, 0.0) + self.forms[3].get(after2, 0.0)
        across, left, right = self.neighbours
        inner = across.get(before1)
        if inner is not None:
            total += inner.get(after1, 0.0)
        inner = left.get(before2)
        if inner is not None:
            total += inner.get(before1, 0.0)
        inner = right.get(after1)
        if inner is not None:
            total += inner.get(after2, 0.0)
        if self.flags:
            if _comparative(before2, before1):
                total += self.flags.get("comparative", 0.0)
            if after1.endswith("ing"):
                total += self.flags.get("+1ing", 0.0)
        return total

    def _by_kind_weight(self, place: int, kind: int) -> float:
        known = self._by_kind.get((place, kind))
        if known is None:
            table = self.classes[place]
            known = table.get(f"c={kind}", 0.0) + sum(table.get(name, 0.0) for name, bit in _BITS if kind & bit)
            self._by_kind[(place, kind)] = known
        return known


@lru_cache(maxsize=65536)
def _kind(form: str) -> int:
    return int(load_word_classes().of(form))


def following_kind(after1: str) -> int:
    """The word classes of the word after a use (their bits), or -1 where the window is cut."""
    return -1 if after1 in (BREAK, "") else _kind(after1)


def _comparative(before2: str, before1: str) -> bool:
    return before1 in _DEGREE or before2 in _DEGREE or _can_compare(before1)


@lru_cache(maxsize=65536)
def _can_compare(form: str) -> bool:
    return load_word_classes().can_be(form, WordClass.COMPARATIVE)


@dataclass(frozen=True)
class ConfusionModel:
    """The enabled pairs, for each word the pairs it belongs to (pair index, its side), and for
    each word the classes of the words seen after it in the training prose (``following_kind``):
    a written word is weighed against another only where the other could stand, "too" before an
    adjective or an adverb but not before a verb or "the"."""

    pairs: tuple[ConfusionPair, ...]
    by_word: Mapping[str, tuple[tuple[int, int], ...]]
    after: Mapping[str, frozenset[int]]

    def may_stand(self, word: str, before: int) -> bool:
        """Whether ``word`` was seen often enough before a word of the classes ``before``."""
        allowed = self.after.get(word)
        return allowed is None or before in allowed


@lru_cache(maxsize=1)
def load_confusion_model() -> ConfusionModel:
    """The shipped model (built once into the data cache)."""
    return cached("confusion-model", (), lambda: parse(data_lines("language/confusion-model.tsv.gz")))


def parse(lines: Sequence[str]) -> ConfusionModel:
    """A model from its table: a ``pair`` row per pair, then its ``feature<TAB>weight`` rows, and
    ``after<TAB>word<TAB>kinds`` rows."""
    pairs: list[ConfusionPair] = []
    header: list[str] | None = None
    weights: dict[str, float] = {}
    after: dict[str, frozenset[int]] = {}

    def close() -> None:
        if header is not None:
            first, second = header[1].split("/")
            pairs.append(_pair((first, second), float(header[4]), _margins(header[3]), weights))

    for line in lines:
        if line.startswith("#"):
            continue
        if line.startswith("pair\t"):
            close()
            header, weights = line.split("\t"), {}
        elif line.startswith("after\t"):
            _, word, kinds = line.split("\t")
            after[word] = frozenset(int(kind) for kind in kinds.split(","))
        else:
            feature, _, weight = line.rpartition("\t")
            weights[feature] = float(weight)
    close()
    by_word: dict[str, list[tuple[int, int]]] = {}
    for number, pair in enumerate(pairs):
        for side, word in enumerate(pair.words):
            if not math.isinf(pair.margins[side]):
                by_word.setdefault(word, []).append((number, side))
    return ConfusionModel(tuple(pairs), {word: tuple(found) for word, found in by_word.items()}, after)


def _pair(
    words: tuple[str, str], bias: float, margins: tuple[float, float], weights: Mapping[str, float]
) -> ConfusionPair:
    """Sort a pair's feature weights by template (see :func:`features` for the names)."""
    places = ("-2", "-1", "+1", "+2")
    forms: tuple[dict[str, float], ...] = tuple({} for _ in places)
    templates = ("-1+1", "-2-1", "+1+2")
    neighbours: tuple[dict[str, dict[str, float]], ...] = tuple({} for _ in templates)
    classes: tuple[dict[str, float], dict[str, float]] = ({}, {})
    flags: dict[str, float] = {}
    for feature, weight in weights.items():
        template, equals, value = feature.partition("=")
        if feature in _FLAGS:
            flags[feature] = weight
        elif template in templates and equals:
            first, _, second = value.partition("|")
            neighbours[templates.index(template)].setdefault(first, {})[second] = weight
        elif template in places and equals:
            forms[places.index(template)][value] = weight
        elif feature[:2] in ("-1", "+1"):
            classes[feature[:2] == "+1"][feature[2:].lstrip(":")] = weight
    reach = tuple(
        sum(max((sign * w for w in table.values()), default=0.0) for table in (forms[0], forms[3]))
        + sum(max((sign * w for inner in table.values() for w in inner.values()), default=0.0) for table in neighbours)
        + sum(max(0.0, sign * w) for w in flags.values())
        for sign in (1.0, -1.0)
    )
    return ConfusionPair(
        words,
        bias,
        margins,
        (forms[0], forms[1], forms[2], forms[3]),
        (neighbours[0], neighbours[1], neighbours[2]),
        classes,
        flags,
        (max(reach[0], 0.0), max(reach[1], 0.0)),
    )


def _margins(given: str) -> tuple[float, float]:
    first, second = (math.inf if value == "inf" else float(value) for value in given.split(","))
    return first, second
