#!/usr/bin/env python3
"""Train the spam language model and write ``src/copylint/data/spam/language-model.tsv.gz``.

    python scripts/build_spam_model.py MIRROR_DIR CORPUS_DIR [--report benchmarks/spam-model.md]

MIRROR_DIR holds the git mirrors (``owner+name/repo``) of the sources in ``scripts/spam_model/sources.py``
(spam e-mails, spam blocklists, a comment-spam keyword list: public domain, CC0/PDDL, MIT, BSD-3-Clause,
the Unlicense) and of the edited prose of ``scripts/TRAINING_SOURCES.md``, each read at its pinned
commit; CORPUS_DIR is the prose ``scripts/training_corpus.py`` extracts from the latter. Nothing is
downloaded, and no text is shipped: only weights of words. Never add a source reserved for
evaluation (see common rules), the shared clean corpus or ``fixtures/spam-links/``.

What is learnt: a multinomial logistic model over the features of
:func:`copylint.language.links.language_model.features` (words and word pairs of the link text and of
its sentence, words of the domain, kept apart) with eleven classes: legitimate link language, the nine
kinds of link spam of issue 20, and other spam language. The spam e-mails and the domains of the lists
that mix kinds are sorted into kinds by their words (``CATEGORY_WORDS``; an e-mail that names none is
"other spam"); lists of one kind (gambling, essay mills, drugs, piracy, referrer spam) give their kind.
The seed phrases of ``scripts/spam_model/seeds.tsv`` add the vocabulary of kinds the collections lack.

Examples are single parts (a sentence, a link text or a domain alone) and links put together from a
text, a sentence and a domain of one class; legitimate links also come whole from the prose. Every
pool is split 80/20 by a hash before anything is put together, so no held-out sentence, domain or
e-mail is trained on. On the held-out fifth the raw spam probability is calibrated (Platt scaling,
for one spam link in twenty) and the threshold chosen where at most one held-out legitimate link
context in a thousand reaches it; ``--report`` writes those figures.

Build-time dependencies only (not copylint's): scikit-learn, numpy, scipy, publicsuffixlist.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from publicsuffixlist import PublicSuffixList
from scipy.sparse import csr_matrix  # type: ignore[import-untyped]
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

sys.path.insert(0, str(Path(__file__).resolve().parent))

from spam_model import report as spam_report  # noqa: E402
from spam_model.sources import (  # noqa: E402
    SPAM_SOURCES,
    corpus_sentences,
    domain_lines,
    legitimate_links,
    parse_mail,
    read_source,
)

from copylint.language.links.language_model import SpamCategory, features, segment, tokens  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/copylint/data/spam/language-model.tsv.gz"
SEEDS = Path(__file__).resolve().parent / "spam_model/seeds.tsv"
LEGIT_DOMAINS = Path(__file__).resolve().parent / "spam_model/legitimate-domains.txt"

C = SpamCategory
CATEGORY_WORDS: dict[SpamCategory, str] = {
    C.PIRACY: r"movies?|films?|torrents?|stream(?:ing)?|episodes?|anime|putlocker|123movies|mp3|magnet",
    C.CRACKED: r"crack(?:ed|s)?|keygen|warez|serials?|nulled|activator|patch|licen[cs]e key|product key|full version"
    r"|apk|mod|repack|software",
    C.GAMBLING: r"casinos?|poker|slots?|jackpot|betting|bets?|roulette|blackjack|bingo|sportsbook|wager|gambl\w*"
    r"|spins|lotto|lottery|baccarat",
    C.ESSAY_MILL: r"essays?|thesis|dissertations?|term papers?|homework|assignments?|coursework|research papers?"
    r"|writers?|grades?",
    C.PHARMACY: r"viagra|cialis|levitra|pharmac(?:y|ies)|pills?|prescriptions?|meds|drugs?(?:tore)?|tramadol|xanax"
    r"|valium|phentermine|generics?|rx|diet|weight loss|enhancement|herbal|vitamins?",
    C.CRYPTO: r"bitcoins?|btc|eth|ethereum|crypto\w*|airdrops?|giveaways?|wallets?|tokens?|nft|usdt|coins?|metamask"
    r"|binance|defi|claim|mining|exchange|trading",
    C.FOLLOWERS: r"followers?|likes|views|subscribers?|smm|retweets?|fans|plays|listeners",
    C.LOANS: r"loans?|payday|mortgages?|credit|debts?|refinanc\w*|cash advance|lenders?|lending|borrow",
    C.SEO: r"seo|backlinks?|traffic|rank(?:ing)?|search engines?|link building|promotion|visitors|dofollow"
    r"|directory|directories|submit|buttons?",
}
_CATEGORY_RE = {category: re.compile(rf"\b(?:{words})\b") for category, words in CATEGORY_WORDS.items()}
_CUES = re.compile(
    r"\b(?:free|click|offer|order|buy|cheap|discount|save|money|cash|win|winner|prize|guarantee\w*|earn|income"
    r"|limited|bonus|deal|opportunity|risk|instant\w*|approv\w*|credit|price|lowest|profit|million|dollars|\$)\b"
)
"""Words of selling and promising: a spam e-mail's sentence is taken only if it has one or a word of a
kind (its greetings, addresses and small print are no spam language)."""
MIXED_LISTS_TAKE = (C.CRYPTO, C.FOLLOWERS, C.LOANS, C.CRACKED, C.GAMBLING, C.ESSAY_MILL, C.PHARMACY)
"""The kinds a domain of a list that mixes kinds (phishing, scams, comment spam) is taken for."""

PER_CLASS = 16000
"""Training examples put together per spam class; legitimate gets ``LEGIT_FACTOR`` times as many."""
LEGIT_FACTOR = 6
PER_LEGIT_SOURCE = 6000
"""Whole legitimate links taken per prose source (the Rust compiler team's minutes alone hold 33,000)."""
LEGIT_SENTENCES = 200000
MIN_COUNT = 4
"""A feature is kept if this many training examples have it."""


@dataclass(frozen=True)
class Item:
    """One piece of training material: any of its three parts may be empty."""

    text: str = ""
    sentence: str = ""
    domain: tuple[str, ...] = ()
    key: str = ""  # what the train/held-out split hashes


def held_out(key: str) -> bool:
    return hashlib.sha256(key.encode()).digest()[0] < 52  # about one in five


def categorise(text: str, allowed: Iterable[SpamCategory] = tuple(CATEGORY_WORDS)) -> SpamCategory | None:
    """The kind whose words ``text`` uses most (none when it uses none)."""
    folded = " ".join(tokens(text))
    counts = {category: len(_CATEGORY_RE[category].findall(folded)) for category in allowed}
    best = max(counts, key=lambda category: counts[category])
    return best if counts[best] else None


class Domains:
    """Host -> the pieces of its labels (public suffix and ``www`` dropped, split at hyphens and
    digits), and those pieces split into dictionary words for sorting by kind."""

    def __init__(self, dictionary: frozenset[str]) -> None:
        self.psl = PublicSuffixList()
        self.dictionary = dictionary

    def pieces(self, host: str) -> tuple[str, ...]:
        suffix = self.psl.publicsuffix(host) or host.rsplit(".", 1)[-1]
        labels = host[: -len(suffix) - 1].split(".") if host != suffix else []
        return tuple(
            piece for label in labels if label != "www" for piece in re.split(r"[-_\d]+", label) if len(piece) > 1
        )

    def words(self, pieces: Sequence[str]) -> list[str]:
        return [word for piece in pieces for word in (segment(piece, self.dictionary) or [piece])]


def read_seeds() -> dict[SpamCategory, list[str]]:
    seeds: dict[SpamCategory, list[str]] = defaultdict(list)
    for line in SEEDS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            category, phrase = line.split("\t")
            seeds[SpamCategory(category)].append(phrase)
    return seeds


@dataclass
class Pools:
    """Per class: sentences, link texts, domains and whole links, each split into train and held out."""

    sentences: dict[SpamCategory, list[Item]]
    texts: dict[SpamCategory, list[Item]]
    domains: dict[SpamCategory, list[Item]]
    links: dict[SpamCategory, list[Item]]

    @classmethod
    def empty(cls) -> Pools:
        return cls(defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list))

    def split(self, test: bool) -> Pools:
        def part(pool: dict[SpamCategory, list[Item]]) -> dict[SpamCategory, list[Item]]:
            return {
                category: [item for item in items if held_out(item.key) == test] for category, items in pool.items()
            }

        return Pools(part(self.sentences), part(self.texts), part(self.domains), part(self.links))


def gather(mirrors: Path, corpus: Path, counts: Counter[str]) -> tuple[Pools, Domains]:
    pools = Pools.empty()
    corpus_rows = list(corpus_sentences(corpus))
    word_counts: Counter[str] = Counter()
    for _, sentence in corpus_rows:
        word_counts.update(tokens(sentence))
    mails = [
        parse_mail(text)
        for source in SPAM_SOURCES
        if source.kind == "emails"
        for _, text in read_source(mirrors, source)
    ]
    for mail in mails:
        for sentence in mail.sentences:
            word_counts.update(tokens(sentence))
    seeds = read_seeds()
    seed_words = {word for phrases in seeds.values() for phrase in phrases for word in tokens(phrase)}
    dictionary = frozenset(
        word for word, count in word_counts.items() if count >= 5 and len(word) >= 3 and word.isalpha()
    ) | frozenset(word for word in seed_words if len(word) >= 3)
    domains = Domains(dictionary)
    counts["segmentation dictionary words"] = len(dictionary)

    def add_domain(category: SpamCategory, host: str, origin: str) -> None:
        pieces = domains.pieces(host)
        if pieces:
            pools.domains[category].append(Item(domain=pieces, key=f"d:{'.'.join(pieces)}"))
            counts[f"{origin} domains -> {category}"] += 1

    # spam e-mails: the e-mail's kind for all its sentences, links and link domains
    for index, mail in enumerate(mails):
        category = categorise(" ".join((mail.subject, *mail.sentences))) or C.OTHER
        key = f"mail:{index}"
        counts[f"spam e-mails -> {category}"] += 1
        for sentence in (mail.subject, *mail.sentences):
            if len(sentence.split()) >= 2 and (_CUES.search(" ".join(tokens(sentence))) or categorise(sentence)):
                pools.sentences[category].append(Item(sentence=sentence, key=key))
        for link in mail.links:
            pieces = domains.pieces(link.host)
            pools.links[category].append(Item(link.text, link.sentence, pieces, key))
            if link.text:
                pools.texts[category].append(Item(text=link.text, key=key))
    # blocklists
    for source in SPAM_SOURCES:
        if source.kind == "domains":
            for _, text in read_source(mirrors, source):
                for host in domain_lines(text):
                    words = " ".join(domains.words(domains.pieces(host)))
                    if source.category:
                        category = SpamCategory(source.category)
                        if category in (C.PIRACY, C.SEO):
                            category = categorise(words, (C.CRACKED, C.PHARMACY, C.GAMBLING, C.LOANS)) or category
                        add_domain(category, host, source.name)
                    else:
                        found = categorise(words, MIXED_LISTS_TAKE)
                        if found:
                            add_domain(found, host, source.name)
        elif source.kind == "keywords":
            for _, text in read_source(mirrors, source):
                for line in text.splitlines():
                    phrase = " ".join(re.split(r"[^a-z]+", line.lower())).strip()
                    found = categorise(phrase, MIXED_LISTS_TAKE + (C.PIRACY, C.SEO))
                    if found and len(phrase.split()) >= 2:
                        pools.texts[found].append(Item(text=phrase, key=f"kw:{phrase}"))
                        pools.domains[found].append(Item(domain=tuple(phrase.split()), key=f"kw:{phrase}"))
                        counts[f"{source.name} phrases -> {found}"] += 1
    # seeds: each phrase as link text, as sentence and as domain words
    for category, phrases in seeds.items():
        for phrase in phrases:
            key = f"seed:{phrase}"
            pools.sentences[category].append(Item(sentence=phrase, key=key))
            if category is not C.LEGITIMATE:
                pools.texts[category].append(Item(text=phrase, key=key))
                words = tuple(word for word in tokens(phrase) if word.isalpha() and len(word) > 2)
                pools.domains[category].append(Item(domain=words, key=key))
            counts[f"seed phrases -> {category}"] += 1
    # legitimate: links of edited prose, its sentences, well-known sites
    per_source: Counter[str] = Counter()
    for link in legitimate_links(mirrors):
        if per_source[link.source] >= PER_LEGIT_SOURCE:
            continue
        per_source[link.source] += 1
        pieces = domains.pieces(link.host)
        item = Item(link.text, link.sentence, pieces, f"link:{link.host}:{link.text}:{link.sentence}")
        pools.links[C.LEGITIMATE].append(item)
        pools.texts[C.LEGITIMATE].append(Item(text=link.text, key=item.key))
        pools.domains[C.LEGITIMATE].append(Item(domain=pieces, key=item.key))
    counts["legitimate links of edited prose"] = sum(per_source.values())
    rng = random.Random(20)
    for _, sentence in rng.sample(corpus_rows, min(len(corpus_rows), LEGIT_SENTENCES)):
        pools.sentences[C.LEGITIMATE].append(Item(sentence=sentence, key=f"s:{sentence}"))
    counts["legitimate sentences of the training corpus"] = min(len(corpus_rows), LEGIT_SENTENCES)
    for line in LEGIT_DOMAINS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            add_domain(C.LEGITIMATE, line, "well-known")
    return pools, domains


def compose(pools: Pools, category: SpamCategory, count: int, rng: random.Random) -> list[Item]:
    """``count`` examples of one class: a third single parts, a third whole links (where the pools
    have them) and the rest links put together from a text, a sentence and a domain."""
    sentences, texts, domains = (
        pools.sentences.get(category, []),
        pools.texts.get(category, []),
        pools.domains.get(category, []),
    )
    links = pools.links.get(category, [])
    singles = [pool for pool in (sentences, texts, domains) if pool]
    examples: list[Item] = []
    for index in range(count):
        kind = index % 6
        if kind < 2 and singles:
            examples.append(rng.choice(singles[index % len(singles)]))
        elif kind == 2 and links:
            examples.append(rng.choice(links))
        else:
            text = rng.choice(texts).text if texts and rng.random() < 0.8 else ""
            sentence = rng.choice(sentences).sentence if sentences and rng.random() < 0.8 else ""
            domain = rng.choice(domains).domain if domains and rng.random() < 0.8 else ()
            examples.append(Item(text, f"{sentence} {text}".strip() if rng.random() < 0.5 else sentence, domain))
    return examples


def vectorise(
    examples: Sequence[Item], vocabulary: frozenset[str], index: dict[str, int] | None = None
) -> tuple[csr_matrix, dict[str, int]]:
    rows = [features(item.text, item.sentence, item.domain, vocabulary) for item in examples]
    if index is None:
        df: Counter[str] = Counter(name for row in rows for name in row)
        index = {name: position for position, name in enumerate(sorted(n for n, c in df.items() if c >= MIN_COUNT))}
    data, cols, ptr = [], [], [0]
    for row in rows:
        kept = sorted(index[name] for name in row if name in index)
        cols.extend(kept)
        data.extend([1.0] * len(kept))
        ptr.append(len(cols))
    return csr_matrix((data, cols, ptr), shape=(len(rows), len(index))), index


def domain_vocabulary(pools: Pools, dictionary_of: Domains) -> frozenset[str]:
    """The domain words trained on: dictionary words seen in at least ``MIN_COUNT`` training domains."""
    counts: Counter[str] = Counter()
    for items in pools.domains.values():
        for item in items:
            counts.update(set(dictionary_of.words(item.domain)))
    return frozenset(word for word, count in counts.items() if count >= MIN_COUNT and len(word) >= 3)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mirrors", type=Path)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--report", type=Path)
    args = parser.parse_args(argv)

    counts: Counter[str] = Counter()
    pools, domains = gather(args.mirrors, args.corpus, counts)
    train_pools, test_pools = pools.split(False), pools.split(True)
    rng = random.Random(7)
    classes = tuple(SpamCategory)
    train: list[Item] = []
    labels: list[int] = []
    for position, category in enumerate(classes):
        count = PER_CLASS * (LEGIT_FACTOR if category is C.LEGITIMATE else 1)
        made = compose(train_pools, category, count, rng)
        train.extend(made)
        labels.extend([position] * len(made))
    vocabulary = domain_vocabulary(train_pools, domains)
    matrix, index = vectorise(train, vocabulary)
    print(f"{matrix.shape[0]} examples, {matrix.shape[1]} features, {len(vocabulary)} domain words", file=sys.stderr)
    model = LogisticRegression(C=0.25, max_iter=400, tol=1e-4)
    target = np.array(labels)
    spam_total = float((target != 0).sum())
    model.fit(matrix, target, sample_weight=np.where(target == 0, 1.5 * spam_total / float((target == 0).sum()), 1.0))
    weights = model.coef_.T
    names = sorted(index, key=index.__getitem__)
    kept = {
        name: tuple(float(w) for w in weights[index[name]])
        for name in names
        if name.startswith("d:") or float(np.abs(weights[index[name]] - weights[index[name]][0]).max()) >= 0.15
    }
    bias = tuple(float(b) for b in model.intercept_)
    evaluation = spam_report.evaluate(test_pools, classes, bias, kept, compose, rng)
    lines = table(classes, bias, kept, evaluation.slope, evaluation.intercept, evaluation.threshold, counts)
    args.out.write_bytes(gzip.compress("\n".join(lines).encode() + b"\n", mtime=0))
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes, {len(kept)} features)", file=sys.stderr)
    if args.report:
        args.report.write_text(spam_report.markdown(evaluation, counts, len(train), len(kept)), encoding="utf-8")
    return 0


def table(
    classes: Sequence[SpamCategory],
    bias: Sequence[float],
    weights: dict[str, tuple[float, ...]],
    slope: float,
    intercept: float,
    threshold: float,
    counts: Counter[str],
) -> list[str]:
    lines = [
        "# copylint spam language model: multinomial logistic weights over link text (t:), sentence (s:) and",
        "# domain (d:) words. Built by scripts/build_spam_model.py; figures in benchmarks/spam-model.md.",
        "# Trained on (repository, path, commit, licence):",
    ]
    for source in SPAM_SOURCES:
        lines.append(f"#   {source.repository} {source.paths} @ {source.commit} ({source.licence}): {source.note}")
    lines += [
        "#   seed phrases and well-known legitimate domains in scripts/spam_model/ (copylint team, MIT)",
        "#   legitimate links and sentences of the prose in scripts/TRAINING_SOURCES.md (public domain, CC0, MIT,",
        "#   BSD, Apache-2.0). No text of any source is shipped: only the weights of words.",
        f"# examples: {sum(v for k, v in counts.items() if '->' in k)} spam items sorted into kinds",
        "\t".join(("classes", *classes)),
        "bias\t" + ",".join(f"{value:.3f}" for value in bias),
        f"calibration\t{slope:.4f},{intercept:.4f}",
        f"threshold\t{threshold:.3f}",
    ]
    for name in sorted(weights):
        lines.append(f"{name}\t" + ",".join(_short(value) for value in weights[name]))
    return lines


def _short(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


if __name__ == "__main__":
    raise SystemExit(main())
