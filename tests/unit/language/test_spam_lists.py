"""The shipped spam lists hold no legitimate site: no government, military, education or
intergovernmental host, no well-known site, and nothing above one (issue 20)."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from copylint.core.domains import has_known_suffix
from copylint.language.links.data import is_legitimate, legitimate_sites, spam_data
from copylint.language.links.legitimate import LegitimateSites, categorise, icann_suffixes, parents
from copylint.store.shipped import data_lines

SITES = legitimate_sites()
BLOCKLISTS = ("piracy-domains.txt", "scam-domains.txt", "url-shorteners.txt")


def overlaps(entries: Iterable[str], sites: LegitimateSites) -> list[str]:
    """Each entry that is legitimate, is under a legitimate site, or lies above one, with why."""
    found = []
    for entry in entries:
        below = sites.under(entry)
        why = sites.reason(entry) or (f"above {below}" if below else None)
        if why:
            found.append(f"{entry}: {why}")
    return found


@pytest.mark.parametrize("name", BLOCKLISTS)
def test_no_blocklist_lists_a_legitimate_site(name: str) -> None:
    assert overlaps(data_lines(f"spam/{name}"), SITES) == []


@pytest.mark.parametrize("name", BLOCKLISTS)
def test_every_blocklist_entry_is_a_domain(name: str) -> None:
    assert [entry for entry in data_lines(f"spam/{name}") if not has_known_suffix(entry)] == []


def test_the_check_catches_the_entries_the_issue_found() -> None:
    old = ["nasa.gov", "archive.org", "mitworld.mit.edu", "webcast.berkeley.edu", "pentagonchannel.mil"]
    assert overlaps([*old, "bt1.archive.org", "torrent.ubuntu.com", "thepiratebay.org"], SITES) == [
        "nasa.gov: under .gov (government)",
        "archive.org: archive.org is a well-known legitimate site",
        "mitworld.mit.edu: under .edu (education)",
        "webcast.berkeley.edu: under .edu (education)",
        "pentagonchannel.mil: under .mil (military)",
        "bt1.archive.org: archive.org is a well-known legitimate site",
        "torrent.ubuntu.com: ubuntu.com is a well-known legitimate site",
    ]


def test_an_entry_above_a_legitimate_site_is_caught() -> None:
    sites = LegitimateSites(domains=frozenset({"news.example.org"}), suffixes={"gov.uk": "government"})
    assert overlaps(["example.org", "uk", "example.net"], sites) == [
        "example.org: above news.example.org",
        "uk: above gov.uk",
    ]


def test_no_abused_top_level_domain_is_a_category() -> None:
    assert [tld for tld in data_lines("spam/abused-tlds.txt") if tld in SITES.suffixes] == []


def test_no_legitimate_site_bears_the_name_of_a_piracy_brand() -> None:
    names = {line.split("\t")[0] for line in data_lines("spam/brands.txt") if line.split("\t")[1] == "piracy"}
    assert [site for site in SITES.domains | SITES.platforms if site.split(".")[0] in names] == []


def test_the_calls_to_action_name_no_site() -> None:
    words = [word for line in data_lines("spam/calls-to-action.txt") for word in line.split("\t")[1].split()]
    assert [word for word in words if "." in word and has_known_suffix(word)] == []


@pytest.mark.parametrize(
    "host",
    [
        "nasa.gov",
        "www.nasa.gov",
        "pentagonchannel.mil",
        "www.who.int",
        "www.ox.ac.uk",
        "www.gov.uk",
        "www.tokyo-u.ac.jp",
        "www.gob.mx",
        "district.k12.ca.us",
        "web.archive.org",
        "un.org",
        "ec.europa.eu",
        "www.canada.ca",
        "ethz.ch",
        "wordpress.com",
        "www.wordpress.com",
    ],
)
def test_legitimate_hosts(host: str) -> None:
    assert is_legitimate(host)
    assert host in spam_data().legitimate


@pytest.mark.parametrize(
    "host",
    [
        "cityofmaple-gov.org",  # a government imitated by hyphen, not a government suffix
        "nasa.gov.secure-login.net",
        "gov.claims-portal.com",
        "comune.example.go.it",  # go.it is the province of Gorizia
        "spam-blog.wordpress.com",  # a platform's user, not the platform
        "free-gifts.s3.amazonaws.com",
        "bit.ly",  # a shortener hides where it goes
        "eth-airdrop-claim.net",
        "192.0.2.7",
        "",
    ],
)
def test_hosts_that_are_not_vouched_for(host: str) -> None:
    assert not is_legitimate(host)


def test_the_reason_names_the_suffix_or_the_site() -> None:
    assert SITES.reason("WWW.NASA.GOV.") == "under .gov (government)"
    assert SITES.reason("eur-lex.europa.eu") == "europa.eu is a well-known legitimate site"
    assert SITES.reason("x.ac.gov.br") == "under .gov.br (government)"  # Acre, a state, under gov.br


def test_the_categories_are_read_from_the_public_suffix_list() -> None:
    suffixes = SITES.suffixes
    expected = {
        "gov": "government",
        "mil": "military",
        "edu": "education",
        "int": "intergovernmental",
        "gov.uk": "government",
        "gc.ca": "government",
        "go.jp": "government",
        "gouv.fr": "government",
        "govt.nz": "government",
        "ac.uk": "education",
        "edu.au": "education",
        "sch.uk": "education",
        "k12.ca.us": "education",
        "mil.br": "military",
        "int.pt": "intergovernmental",
    }
    assert {suffix: suffixes.get(suffix) for suffix in expected} == expected
    assert not {"go.it", "ac.se", "ac.gov.br", "co.uk", "com"} & set(suffixes)
    assert len(suffixes) > 500


def test_categorise_applies_the_rules_to_the_icann_section_only() -> None:
    psl = "\n".join(
        [
            "// ===BEGIN ICANN DOMAINS===",
            "uk",
            "ac.uk",
            "co.uk",
            "gov.uk",
            "*.sch.uk",
            "it",
            "go.it",
            "br",
            "gov.br",
            "ac.gov.br",
            "// ===END ICANN DOMAINS===",
            "// ===BEGIN PRIVATE DOMAINS===",
            "gov.example.net",
        ]
    )
    rules = [
        "tld\tgov\tgovernment",
        "label\tgov\tgovernment",
        "label\tac\teducation",
        "label\tsch\teducation",
        "label\tgo\tgovernment",
        "except\tgo.it\tGorizia",
    ]
    assert categorise(icann_suffixes(psl), rules) == {
        "gov": "government",
        "ac.uk": "education",
        "gov.uk": "government",
        "sch.uk": "education",
        "gov.br": "government",
    }
    with pytest.raises(ValueError, match="unknown kind"):
        categorise(["gov.uk"], ["labels\tgov\tgovernment"])


def test_the_allowlist_is_small_and_each_entry_counts() -> None:
    lines = data_lines("spam/legitimate-domains.txt")
    assert 1000 < len(lines) < 20000
    assert lines == sorted(set(lines))
    shorteners = set(data_lines("spam/url-shorteners.txt"))
    covering = SITES.domains
    for entry in SITES.domains | SITES.platforms:
        assert entry == entry.lower() and has_known_suffix(entry), entry
        assert entry not in shorteners, entry
        categories = LegitimateSites(suffixes=SITES.suffixes)
        assert categories.reason(entry) is None, f"{entry} is already under a category suffix"
        assert not covering & set(list(parents(entry))[1:]), f"{entry} is already under a listed site"
