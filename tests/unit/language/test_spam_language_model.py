"""The spam language model: its features, its arithmetic on a tiny table, and the shipped weights on
invented links (none of these sentences is in the training material)."""

from __future__ import annotations

import math

import pytest

from copylint.language.links.language_model import (
    Part,
    SpamCategory,
    features,
    load_language_model,
    parse,
    score_link_language,
    segment,
    tokens,
)


def test_tokens_drop_addresses_and_fold_numbers() -> None:
    assert tokens("Visit https://example.com/x or shop.example.net, 25% off $40!") == [
        "visit",
        "or",
        "<n>",
        "%",
        "off",
        "$",
        "<n>",
    ]


def test_features_keep_the_three_parts_apart() -> None:
    found = features("cheap tickets", "Buy cheap tickets for the final here.", ["ticket", "deals"])
    assert {"t:cheap", "t:tickets", "t:cheap tickets", "d:ticket", "d:deals"} <= found
    assert "s:cheap" not in found  # the link text is taken out of its sentence once
    assert {"s:buy", "s:final", "s:buy final"} <= found
    assert not any(name.endswith((":the", ":for")) for name in found)  # function words are no features


def test_a_domain_word_outside_the_vocabulary_is_split_into_known_words() -> None:
    vocabulary = frozenset({"spin", "palace", "bets", "pal"})
    assert segment("spinpalacebets", vocabulary) == ["spin", "palace", "bets"]
    assert segment("bets", vocabulary) == ["bets"]
    assert segment("zz", vocabulary) == []
    assert features("", "", ["spinpalacebets"], vocabulary) == {"d:spin", "d:palace", "d:bets"}


TABLE = [
    "# a two-class table",
    "classes\tlegitimate\tgambling",
    "bias\t1.0,-1.0",
    "calibration\t1.0,0.0",
    "threshold\t0.8",
    "d:casino\t0,2.5",
    "t:bonus spins\t0,1.5",
    "s:regulator\t0.5,-0.5",
]


def test_scores_are_the_softmax_of_the_summed_weights() -> None:
    model = parse(TABLE)
    result = model.score("bonus spins", "Bonus spins tonight", ["casino"])
    logit = (-1.0 + 2.5 + 1.5) - 1.0
    assert result.score == pytest.approx(1 / (1 + math.exp(-logit)), abs=1e-4)
    assert result.category is SpamCategory.GAMBLING
    assert result.is_spam
    assert [(item.word, item.part) for item in result.contributions] == [
        ("casino", Part.DOMAIN),
        ("bonus spins", Part.TEXT),
    ]
    assert result.explain() == "casino (domain), bonus spins (link text)"
    quiet = model.score("the report", "The regulator published the report.", ["gov"])
    assert not quiet.is_spam
    assert quiet.contributions == ()


SPAM = [
    (
        SpamCategory.GAMBLING,
        "Grab 80 bonus spins",
        "New players can grab 80 bonus spins and a matched deposit at our slots lobby.",
        ["royalspinz", "casino"],
    ),
    (
        SpamCategory.ESSAY_MILL,
        "have a pro writer finish your term paper",
        "Deadline tomorrow? Have a pro writer finish your term paper, plagiarism-free.",
        ["paperpros", "writing", "service"],
    ),
    (
        SpamCategory.PHARMACY,
        "cheapest sildenafil tablets",
        "Order the cheapest sildenafil tablets with discreet shipping and no doctor visit.",
        ["rx", "meds", "shop"],
    ),
    (
        SpamCategory.CRYPTO,
        "collect your bonus USDT",
        "Connect your wallet before midnight to collect your bonus USDT tokens.",
        ["usdt", "rewards", "claim"],
    ),
    (
        SpamCategory.FOLLOWERS,
        "20k real Instagram followers",
        "Grow to 20k real Instagram followers and likes this week, delivered instantly.",
        ["insta", "boost", "followers"],
    ),
    (
        SpamCategory.LOANS,
        "cash in your account by tonight",
        "Get cash in your account by tonight with a same-day loan, even with poor credit.",
        ["quick", "cash", "lenders"],
    ),
    (
        SpamCategory.CRACKED,
        "full version with activation patch",
        "Premiere Pro full version with activation patch and keygen, free download.",
        ["softcrack", "hub"],
    ),
    (
        SpamCategory.PIRACY,
        "stream every new blockbuster free",
        "Stream every new blockbuster free in full HD, no sign-up.",
        ["movie", "stream", "hd"],
    ),
    (
        SpamCategory.SEO,
        "500 dofollow backlinks",
        "Boost your rankings with 500 dofollow backlinks from high authority blogs.",
        ["seo", "links", "pro"],
    ),
]


@pytest.mark.parametrize(("category", "text", "sentence", "domain"), SPAM, ids=[item[0].value for item in SPAM])
def test_invented_spam_links_score_as_their_kind(
    category: SpamCategory, text: str, sentence: str, domain: list[str]
) -> None:
    result = score_link_language(text, sentence, domain)
    assert result.is_spam, (result.score, result.explain())
    assert result.category is category, result.explain()
    assert result.contributions and all(item.weight > 0 for item in result.contributions)


LEGITIMATE = [
    ("consultation", "The city council has opened a consultation on the new cycle lanes.", ["city", "council"]),
    ("the release notes", "See the release notes for the full list of changes.", ["docs", "project"]),
    ("find a pharmacy", "Find a pharmacy that is open late near you.", ["nhs"]),
    ("the ruling", "A court ordered internet providers to block three torrent sites, the paper reported.", ["bbc"]),
    ("our reading list", "Our reading list for the seminar is on the department's page.", ["history", "university"]),
    ("order a printed copy", "You can order a printed copy of the report from the library.", ["library"]),
    ("", "", []),
]


@pytest.mark.parametrize(("text", "sentence", "domain"), LEGITIMATE)
def test_invented_legitimate_links_do_not(text: str, sentence: str, domain: list[str]) -> None:
    result = score_link_language(text, sentence, domain)
    assert not result.is_spam, (result.score, result.category, result.explain())


def test_the_shipped_model_has_every_kind_and_a_threshold() -> None:
    model = load_language_model()
    assert set(model.classes) == set(SpamCategory)
    assert 0.5 <= model.threshold < 1.0
    assert len(model.weights) > 1000
    assert "casino" in model.domain_vocabulary
