"""A learnt model of spam language: how much a link's own text, its sentence and the words of its
domain sound like link spam, and of which kind (piracy, gambling, essay mill, pharmacy, crypto
giveaway, bought followers, loans, cracked software, SEO link farm).

A multinomial logistic model over word unigrams and bigrams, trained offline by
``scripts/build_spam_model.py`` on openly licensed spam text, spam blocklists' domains and the links
of edited prose, is shipped as ``data/spam/language-model.tsv.gz`` (sources in its header and in
``NOTICE``). The three parts are kept apart (a word in the domain weighs differently from the same
word in the sentence), and the features are computed here for both the training script and the rule,
so both read a link the same way. Pure Python: scoring a link is a few dictionary look-ups.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from copylint.store.shipped import data_lines
from copylint.store.tables import cached

MODEL_FILE = "spam/language-model.tsv.gz"


class SpamCategory(StrEnum):
    """The kinds of spam the model tells apart; ``LEGITIMATE`` is the link language of edited prose
    and ``OTHER`` spam language that names no one kind ("act now", "100% free")."""

    LEGITIMATE = "legitimate"
    PIRACY = "piracy"
    GAMBLING = "gambling"
    ESSAY_MILL = "essay mill"
    PHARMACY = "pharmacy"
    CRYPTO = "crypto giveaway"
    FOLLOWERS = "bought followers"
    LOANS = "loans"
    CRACKED = "cracked software"
    SEO = "SEO link farm"
    OTHER = "other spam"


class Part(StrEnum):
    """Where a feature comes from; its prefix in the model table is the first letter."""

    TEXT = "link text"
    SENTENCE = "sentence"
    DOMAIN = "domain"


_PREFIX = {Part.TEXT: "t:", Part.SENTENCE: "s:", Part.DOMAIN: "d:"}
_PART_OF = {prefix: part for part, prefix in _PREFIX.items()}
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+(?:[.,]\d+)*|[$€£%]")
_ADDRESS = re.compile(r"\S+://\S*|\bwww\.\S+|\S+@\S+|\b(?:[\w-]+\.)+[a-z]{2,}\b(?:/\S*)?", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")
NUMBER = "<n>"
_STOP = frozenset(
    """a an the and or nor but if of to in on at by for with from as into onto about than then so that this these
    those it its it's is are was were be been being am do does did done have has had will would can could should
    may might must shall i i'm me my mine we we're us our ours you you're your yours he him his she her hers they
    they're them their theirs there what which who whom whose when where why how all any some both each either
    not only just also very too up out over under again once such own same other another one s t d ll re ve m
    via per etc""".split()
)
"""Words every kind of prose uses: their rate tells the training collections apart (old e-mails and
technical documentation), not spam from edited prose, so they are not features."""
_MIN_PIECE = 3
"""A domain token not in the model's vocabulary is read as the longest run of known words it is
made of ("luckyreelscasino" -> lucky reels casino); pieces shorter than this are not looked for."""


def tokens(text: str) -> list[str]:
    """Lower-case words, numbers as ``<n>`` and currency signs as ``$``; addresses (URLs, hosts,
    e-mail addresses) are left out, being the link itself rather than its language."""
    found: list[str] = []
    for match in _TOKEN.finditer(_ADDRESS.sub(" ", text).lower()):
        token = match.group()
        if token[0].isdigit():
            found.append(NUMBER)
        elif token in "$€£":
            found.append("$")
        else:
            found.append(token.replace("’", "'"))
    return found


def _grams(prefix: str, words: Sequence[str]) -> set[str]:
    """Content words, and pairs of neighbouring content words (numbers and currency signs count
    only in pairs: "<n> followers", "$ <n>")."""
    content = [word for word in words if word not in _STOP and (len(word) > 1 or word in "$%")]
    grams = {prefix + word for word in content if word != NUMBER and word not in "$%"}
    grams.update(f"{prefix}{first} {second}" for first, second in zip(content, content[1:], strict=False))
    return grams


def segment(token: str, vocabulary: Mapping[str, object] | frozenset[str], max_piece: int = 24) -> list[str]:
    """The known words ``token`` is made of, covering as many of its letters as possible with as few
    words as possible; letters no known word covers are dropped."""
    if token in vocabulary or len(token) < _MIN_PIECE:
        return [token] if token in vocabulary else []
    size = len(token)
    # best[i]: (letters covered, -words, words) for token[:i]
    empty: tuple[str, ...] = ()
    best = [(0, 0, empty)] + [(-1, 0, empty)] * size
    for start in range(size):
        covered, pieces, words = best[start]
        if covered < 0:
            continue
        if best[start + 1][:2] < (covered, pieces):
            best[start + 1] = (covered, pieces, words)
        for end in range(start + _MIN_PIECE, min(size, start + max_piece) + 1):
            piece = token[start:end]
            if piece in vocabulary:
                candidate = (covered + len(piece), pieces - 1, (*words, piece))
                if best[end][:2] < candidate[:2]:
                    best[end] = candidate
    return list(best[size][2])


def features(
    link_text: str,
    sentence: str,
    domain_words: Iterable[str],
    vocabulary: Mapping[str, object] | frozenset[str] = frozenset(),
) -> set[str]:
    """The features of one link: ``t:`` words and word pairs of its text, ``s:`` those of its
    sentence (the link text taken out once, so it is not read twice), ``d:`` the words of its domain.
    A domain word not in ``vocabulary`` (the model's ``d:`` words, without the prefix) is split into
    the known words it is made of."""
    found = _grams("t:", tokens(link_text))
    rest = sentence
    if link_text.strip():
        at = sentence.lower().find(link_text.lower())
        rest = sentence if at < 0 else f"{sentence[:at]} {sentence[at + len(link_text) :]}"
    found |= _grams("s:", tokens(rest))
    for word in domain_words:
        for token in _LETTERS.findall(word.lower()):
            pieces = segment(token, vocabulary) if vocabulary else [token]
            found.update("d:" + piece for piece in pieces if piece not in _STOP)
    return found


@dataclass(frozen=True, slots=True)
class Contribution:
    """One word (or word pair) that pushed the link towards its category, with its weight (in
    log-odds against legitimate link language)."""

    word: str
    part: Part
    weight: float


@dataclass(frozen=True)
class LanguageScore:
    """How spammy a link's language is: ``score`` is the calibrated probability that it is spam
    language, ``category`` the most likely kind of spam, ``contributions`` the words that weigh
    most for that kind, strongest first."""

    score: float
    category: SpamCategory
    contributions: tuple[Contribution, ...]
    threshold: float

    @property
    def is_spam(self) -> bool:
        """Whether the score reaches the threshold suggested by the held-out calibration."""
        return self.score >= self.threshold

    def explain(self, limit: int = 4) -> str:
        """``casino (domain), free spins (sentence)``: the strongest words, for a finding's reason."""
        return ", ".join(f"{item.word} ({item.part})" for item in self.contributions[:limit])


@dataclass(frozen=True)
class LanguageModel:
    """The shipped weights: per feature one weight per class (in ``classes`` order), the biases, and
    the calibration (``score = sigmoid(slope * logit(p_spam) + intercept)``)."""

    classes: tuple[SpamCategory, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    domain_vocabulary: frozenset[str]
    slope: float
    intercept: float
    threshold: float

    def score(self, link_text: str, sentence: str, domain_words: Sequence[str], top: int = 6) -> LanguageScore:
        found = sorted(
            name for name in features(link_text, sentence, domain_words, self.domain_vocabulary) if name in self.weights
        )
        logits = list(self.bias)
        for name in found:
            for index, weight in enumerate(self.weights[name]):
                logits[index] += weight
        peak = max(logits)
        exps = [math.exp(value - peak) for value in logits]
        total = sum(exps)
        probabilities = [value / total for value in exps]
        legit = self.classes.index(SpamCategory.LEGITIMATE)
        spam = min(max(1.0 - probabilities[legit], 1e-9), 1 - 1e-9)
        score = _sigmoid(self.slope * math.log(spam / (1 - spam)) + self.intercept)
        best = max((index for index in range(len(self.classes)) if index != legit), key=lambda i: probabilities[i])
        pushes = sorted(
            ((self.weights[name][best] - self.weights[name][legit], name) for name in found),
            key=lambda item: (-item[0], item[1]),
        )
        contributions = tuple(
            Contribution(name[2:], _PART_OF[name[:2]], round(weight, 2)) for weight, name in pushes[:top] if weight > 0
        )
        return LanguageScore(round(score, 4), self.classes[best], contributions, self.threshold)


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-value)) if value >= 0 else math.exp(value) / (1.0 + math.exp(value))


def parse(lines: Iterable[str]) -> LanguageModel:
    """A model from its table: ``classes``, ``bias``, ``calibration`` and ``threshold`` rows, then one
    ``feature<TAB>weights`` row per feature (weights in class order, comma-separated)."""
    classes: tuple[SpamCategory, ...] = ()
    bias: tuple[float, ...] = ()
    slope, intercept, threshold = 1.0, 0.0, 0.5
    weights: dict[str, tuple[float, ...]] = {}
    for line in lines:
        if line.startswith("#"):
            continue
        key, _, value = line.partition("\t")
        if key == "classes":
            classes = tuple(SpamCategory(name) for name in value.split("\t"))
        elif key == "bias":
            bias = tuple(float(number) for number in value.split(","))
        elif key == "calibration":
            slope, intercept = (float(number) for number in value.split(","))
        elif key == "threshold":
            threshold = float(value)
        else:
            weights[key] = tuple(float(number) for number in value.split(","))
    vocabulary = frozenset(name[2:] for name in weights if name.startswith("d:"))
    return LanguageModel(classes, bias, weights, vocabulary, slope, intercept, threshold)


@lru_cache(maxsize=1)
def load_language_model() -> LanguageModel:
    """The shipped model (parsed once into the data cache)."""
    return cached("spam-language-model", (), lambda: parse(data_lines(MODEL_FILE)))


def score_link_language(link_text: str, sentence: str, domain_words: Sequence[str]) -> LanguageScore:
    """How much a link's text, its sentence and its domain's words (``["lucky", "reels", "casino"]``;
    unsplit labels such as ``"luckyreels"`` are split here) sound like link spam, and of which kind."""
    return load_language_model().score(link_text, sentence, domain_words)
