"""A link's host read as words: the segmentation, the spam vocabulary by category, public bodies'
names and labels dressed as official suffixes. Invented domains throughout."""

from __future__ import annotations

import pytest

from copylint.language.links.domainwords import (
    host_words,
    institution_words,
    is_famous_word,
    official_imitation,
    spam_words,
    split_label,
    vocabulary,
)
from copylint.language.links.language_model import SpamCategory
from copylint.store.shipped import data_lines


@pytest.mark.parametrize(
    ("label", "words"),
    [
        ("megaspinpalace", ("mega", "spin", "palace")),
        ("quickpaydayloans", ("quick", "payday", "loans")),
        ("cheapmeds-direct", ("cheap", "meds", "direct")),
        ("essayhelpnow", ("essay", "help", "now")),
        ("goldenreels-casino", ("golden", "reels", "casino")),
        ("bet365", ("bet", "365")),
        ("slotgacor88", ("slot", "gacor", "88")),  # a vocabulary word wordfreq lacks still splits off
        ("freespins", ("free", "spins")),  # a rare run-together form read as its two common words
        # honest names keep their reading
        ("therapistfinder", ("therapist", "finder")),
        ("penisland", ("pen", "island")),
        ("whitehouse", ("whitehouse",)),
        ("github", ("github",)),
        ("xn--pypal-4ve", ("xn--pypal-4ve",)),
    ],
)
def test_labels_split_into_words(label: str, words: tuple[str, ...]) -> None:
    assert split_label(label) == words


def test_host_words_drop_the_suffix_and_www_and_start_with_the_registrable_label() -> None:
    words = host_words("www.promo.luckyreef-casino.co.uk")
    assert words is not None
    assert words.labels == (("lucky", "reef", "casino"), ("promo",))
    assert words.raw_labels == ("luckyreef-casino", "promo")
    assert not words.official
    assert host_words("203.0.113.7") is None


@pytest.mark.parametrize(
    "host", ["parks.example.gov", "www.example.gov.uk", "lib.example.ac.uk", "x.k12.ca.us", "www.gov.je", "x.gouv.fr"]
)
def test_government_and_school_suffixes_are_official(host: str) -> None:
    words = host_words(host)
    assert words is not None and words.official


def test_go_com_is_not_a_government() -> None:
    words = host_words("go.com")
    assert words is not None and not words.official


@pytest.mark.parametrize(
    ("host", "category", "weight"),
    [
        ("goldenjackpot-vegas.com", "gambling", 2),
        ("quickpaydayloan.online", "loans", 2),
        ("realsubscribers-boost.com", "bought followers", 2),
        ("dissertationwriters-pro.net", "essay mill", 2),
        ("keygen-downloads-free.site", "cracked software", 2),
        ("coinairdrop-rewards.io", "crypto giveaway", 2),
        ("canadameds-pharmacy.shop", "pharmacy", 2),
        ("backlinks-cheap-service.com", "SEO link farm", 2),
        # one core word alone is weak: honest sites are named for what they are about
        ("riverpoker.com", "gambling", 1),
        ("torrentfreak.com", "piracy", 1),
        # three words that sell piracy, with no core word
        ("watch-movies-hd.click", "piracy", 1),
    ],
)
def test_spam_vocabulary_by_category(host: str, category: str, weight: int) -> None:
    words = host_words(host)
    assert words is not None
    found = spam_words(words)
    assert found is not None
    assert (found.category, found.weight) == (category, weight)


@pytest.mark.parametrize("host", ["nps.gov", "weather.com", "mapsdirect.org", "freecodecamp.org", "moviesanywhere.com"])
def test_honest_domains_hold_no_spam_vocabulary(host: str) -> None:
    words = host_words(host)
    assert words is not None
    assert spam_words(words) is None


def test_public_bodies_named_in_a_domain() -> None:
    words = host_words("cityofelm-police.net")
    assert words is not None
    assert institution_words(words) == ("city", "police")
    parks = host_words("www.stateparks.org")
    assert parks is not None and "parks" in institution_words(parks)


@pytest.mark.parametrize(
    ("host", "label"),
    [
        ("cityofelm-gov.org", "cityofelm-gov"),
        ("riverton-gouv.com", "riverton-gouv"),
        ("stateuniv-edu.net", "stateuniv-edu"),
        ("irs.gov.refund-status.help", "gov"),
        # not a disguise: a prefix ("e-gov"), a word inside a name, an official suffix
        ("e-gov.az", None),
        ("nextgov.com", None),
        ("opengov-foundation.org", None),
        ("data.example.gov", None),
    ],
)
def test_labels_dressed_as_official_suffixes(host: str, label: str | None) -> None:
    words = host_words(host)
    assert words is not None
    assert official_imitation(words) == label


def test_well_known_names_are_words_people_write() -> None:
    assert is_famous_word("github") and is_famous_word("wikipedia")
    assert not is_famous_word("luckyreef")
    assert not is_famous_word("casino")  # a spam word is never vouched for


def test_the_vocabulary_file_is_well_formed() -> None:
    categories = set()
    for line in data_lines("spam/domain-words.txt"):
        category, role, words = line.split("\t")
        assert role in {"core", "lure", "name"}, line
        assert words.split() and all(word == word.lower() for word in words.split()), line
        categories.add(category)
    kinds = {kind.value for kind in SpamCategory} - {SpamCategory.LEGITIMATE, SpamCategory.OTHER}
    assert categories >= kinds | {"institution"}
    vocabulary_ = vocabulary()
    assert not set(vocabulary_.core) & vocabulary_.institutions
