"""Held-out calibration and figures of the spam language model (``benchmarks/spam-model.md``).

Every score here is computed by the runtime model (``copylint.language.links.language_model``) from
the weights about to be written, so the figures are those of the shipped table.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

from copylint.language.links.language_model import LanguageModel, SpamCategory

C = SpamCategory
PER_SET = 1500
SPAM_PRIOR = 0.05
"""The share of spam among the links the calibrated score assumes: one in twenty."""
"""Held-out examples put together per spam class and part."""


@dataclass
class Row:
    name: str
    raw: list[float] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    categories: list[SpamCategory] = field(default_factory=list)


@dataclass
class Evaluation:
    slope: float
    intercept: float
    threshold: float
    legitimate: list[Row]
    spam: dict[SpamCategory, list[Row]]
    examples: list[tuple[str, str, str, float, str, str]]


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def evaluate(
    pools: Any,
    classes: Sequence[SpamCategory],
    bias: Sequence[float],
    weights: Mapping[str, tuple[float, ...]],
    compose: Callable[..., list[Any]],
    rng: random.Random,
) -> Evaluation:
    vocabulary = frozenset(name[2:] for name in weights if name.startswith("d:"))
    raw_model = LanguageModel(tuple(classes), tuple(bias), weights, vocabulary, 1.0, 0.0, 0.5)

    def run(name: str, items: Sequence[Any]) -> Row:
        row = Row(name)
        for item in items:
            result = raw_model.score(item.text, item.sentence, item.domain)
            row.raw.append(result.score)
            row.categories.append(result.category)
        return row

    legit = [
        run("links of edited prose (text, sentence, domain)", pools.links.get(C.LEGITIMATE, [])),
        run("sentences of the training corpus, alone", rng.sample(pools.sentences[C.LEGITIMATE], 8000)),
        run("link texts alone", pools.texts.get(C.LEGITIMATE, [])),
        run("domains alone", pools.domains.get(C.LEGITIMATE, [])),
        run("links put together from the above", compose(pools, C.LEGITIMATE, PER_SET * 2, rng)),
    ]
    spam: dict[SpamCategory, list[Row]] = {}
    for category in classes:
        if category is C.LEGITIMATE:
            continue
        rows = [run("links put together (text, sentence, domain)", compose(pools, category, PER_SET, rng))]
        for label, pool in (
            ("sentences alone", pools.sentences.get(category, [])),
            ("link texts alone", pools.texts.get(category, [])),
            ("domains alone", pools.domains.get(category, [])),
        ):
            if pool:
                rows.append(run(label, rng.sample(pool, min(len(pool), PER_SET))))
        spam[category] = rows
    # Platt scaling on every other held-out score, spam weighed as SPAM_PRIOR of all links
    xs: list[float] = []
    ys: list[int] = []
    for row in legit:
        xs += [_logit(p) for p in row.raw[::2]]
        ys += [0] * len(row.raw[::2])
    for rows in spam.values():
        for row in rows:
            xs += [_logit(p) for p in row.raw[::2]]
            ys += [1] * len(row.raw[::2])
    spam_count, legit_count = sum(ys), len(ys) - sum(ys)
    prior = {0: (1 - SPAM_PRIOR) / legit_count, 1: SPAM_PRIOR / spam_count}
    platt = LogisticRegression(C=100.0, class_weight=prior).fit(np.array(xs).reshape(-1, 1), np.array(ys))
    slope, intercept = float(platt.coef_[0][0]), float(platt.intercept_[0])
    for row in [*legit, *(r for rows in spam.values() for r in rows)]:
        row.scores = [1 / (1 + math.exp(-(slope * _logit(p) + intercept))) for p in row.raw]
    threshold = choose_threshold(legit[:2])
    examples = []
    for category in spam:
        items = compose(pools, category, 3, rng)
        for item in items[2:3]:
            result = LanguageModel(tuple(classes), tuple(bias), weights, vocabulary, slope, intercept, threshold).score(
                item.text, item.sentence, item.domain
            )
            examples.append(
                (category.value, item.text, item.sentence, result.score, result.category.value, result.explain())
            )
    return Evaluation(slope, intercept, threshold, legit, spam, examples)


def choose_threshold(rows: Sequence[Row], max_rate: float = 0.001) -> float:
    """The lowest score (to three decimals) that at most ``max_rate`` of each legitimate set reaches,
    scored on the half not used for calibration."""
    threshold = 0.5
    for row in rows:
        ordered = sorted(row.scores[1::2], reverse=True)
        allowed = int(max_rate * len(ordered))
        if allowed < len(ordered):
            threshold = max(threshold, math.floor(ordered[allowed] * 1000 + 1) / 1000)
    return min(threshold, 0.999)


def _rate(scores: Sequence[float], threshold: float) -> float:
    return sum(score >= threshold for score in scores) / max(1, len(scores))


def _quantiles(scores: Sequence[float]) -> str:
    ordered = sorted(scores)
    pick = [ordered[min(len(ordered) - 1, int(q * len(ordered)))] for q in (0.5, 0.9, 0.99, 0.999)]
    return " | ".join(f"{value:.3f}" for value in (*pick, ordered[-1]))


def markdown(evaluation: Evaluation, counts: Counter[str], examples: int, features: int) -> str:
    t = evaluation.threshold
    out = [
        "# Spam language model: held-out figures",
        "",
        "Made by `scripts/build_spam_model.py` (the model is `src/copylint/data/spam/language-model.tsv.gz`, read",
        "by `copylint.language.links.language_model.score_link_language`). Every pool of training material was",
        "split 80/20 by a hash before examples were put together; all figures below are on the held-out fifth,",
        "scored by the runtime code with the shipped weights. Scores are calibrated (Platt scaling fitted on every",
        "other held-out example, spam weighed as one link in twenty); the rates are on the other half.",
        "",
        f"- Training examples: {examples:,}; features kept: {features:,}.",
        f"- Calibration: score = sigmoid({evaluation.slope:.3f} · logit(p_spam) + {evaluation.intercept:.3f}).",
        f"- **Suggested threshold: {t:.3f}**, the lowest at which at most one held-out legitimate link context",
        "  (whole links of edited prose, and their sentences alone) in a thousand scores as spam.",
        "",
        "## Training material",
        "",
        "| material | items |",
        "|---|---:|",
    ]
    out += [f"| {name} | {count:,} |" for name, count in sorted(counts.items())]
    out += [
        "",
        "## Legitimate link contexts (held out)",
        "",
        f"| set | n | median | 90% | 99% | 99.9% | max | ≥ 0.5 | ≥ 0.9 | ≥ {t:.3f} |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in evaluation.legitimate:
        half = row.scores[1::2]
        out.append(
            f"| {row.name} | {len(half):,} | {_quantiles(half)} | {_rate(half, 0.5):.2%} | {_rate(half, 0.9):.2%} "
            f"| {_rate(half, t):.2%} |"
        )
    out += [
        "",
        "## Spam (held out), per category",
        "",
        f"Recall is the share scoring ≥ {t:.3f}; 'kind right' is the share of those whose most likely kind is",
        "the true one ('other spam' is spam language that names no kind).",
        "",
        "| category | set | n | median | 10% | recall ≥ 0.5 | recall ≥ threshold | kind right |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for category, rows in evaluation.spam.items():
        for row in rows:
            half = row.scores[1::2]
            cats = row.categories[1::2]
            hits = [c for s, c in zip(half, cats, strict=True) if s >= t]
            right = sum(c is category for c in hits) / max(1, len(hits))
            ordered = sorted(half)
            out.append(
                f"| {category} | {row.name} | {len(half):,} | {ordered[len(ordered) // 2]:.3f} | "
                f"{ordered[len(ordered) // 10]:.3f} | {_rate(half, 0.5):.1%} | {_rate(half, t):.1%} | {right:.1%} |"
            )
    out += [
        "",
        "## Limits",
        "",
        "- The held-out spam is of the same collections as the training spam (old e-mails, blocklists' domains,",
        "  comment-spam phrases, seed phrases), and the links are put together from parts; the labelled",
        "  articles of issue 20 are the real test. An e-mail's kind is given to all its sentences and links,",
        "  so its small print ('unsubscribe page') counts as that kind: the 'kind right' figures are a floor.",
        "- The legitimate side is documentation, design proposals, blogs, government guidance and",
        "  1890-1922 novels; news and shop pages are represented only by the seed sentences and domains.",
        "- A topic word alone ('pharmacy', 'loan') scores low but not nothing; spam language needs several",
        "  such words, or a call to action with them, to reach the threshold.",
        "",
        "## Examples (held out, put together)",
        "",
        "| true kind | link text | sentence | score | kind | strongest words |",
        "|---|---|---|---:|---|---|",
    ]
    for kind, text, sentence, score, found, why in evaluation.examples:
        cell = sentence.replace("|", "/")[:90]
        out.append(f"| {kind} | {text.replace('|', '/')[:60]} | {cell} | {score:.3f} | {found} | {why} |")
    return "\n".join(out) + "\n"
