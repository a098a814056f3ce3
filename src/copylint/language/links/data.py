"""The shipped spam lists (``copylint/data/spam/``), read once into the data cache (whose key
covers the list files and the installed Public Suffix List) and loaded from it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from copylint.core.listfiles import read_list_file
from copylint.language.links.legitimate import LegitimateSites, read_legitimate_sites
from copylint.store.shipped import data_lines
from copylint.store.tables import cached


@dataclass(frozen=True)
class Brand:
    name: str
    category: str
    official: frozenset[str]


@dataclass(frozen=True)
class SpamData:
    piracy: frozenset[str]
    scam: frozenset[str]
    abused_tlds: frozenset[str]
    shorteners: frozenset[str]
    brands: Mapping[str, Brand]
    call_to_action_sources: tuple[tuple[str, str], ...]
    """Each category and its pattern (case-insensitive), as written in ``calls-to-action.txt``."""
    legitimate: LegitimateSites = field(default_factory=LegitimateSites)
    """Sites never spam by themselves (``host in data.legitimate``; ``.reason(host)`` says why):
    no blocklist entry may be the evidence against them."""
    lookalike_memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Each host's look-alike verdict, found once per process (a site's own links recur)."""

    @cached_property
    def any_call_to_action(self) -> re.Pattern[str]:
        """Every call-to-action pattern in one matcher: most sentences match none, and one search
        says so (the per-category patterns then name the first category that matches)."""
        return re.compile("|".join(f"(?:{pattern})" for _, pattern in self.call_to_action_sources), re.IGNORECASE)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (into the data cache) as the lists alone: no compiled matcher, no memo."""
        state = {name: value for name, value in self.__dict__.items() if name != "any_call_to_action"}
        return {**state, "lookalike_memo": {}}

    def call_to_action(self, sentence: str) -> tuple[str, re.Match[str]] | None:
        """The first category (in the file's order) whose pattern ``sentence`` matches, and its
        match. The per-category patterns are compiled one by one, only as far as needed, and only
        for a sentence the combined matcher says holds one."""
        if not self.any_call_to_action.search(sentence):
            return None
        for category, pattern in self.call_to_action_sources:
            match = re.compile(pattern, re.IGNORECASE).search(sentence)
            if match:
                return category, match
        return None


def _lines(name: str) -> list[str]:
    return data_lines(f"spam/{name}")


@lru_cache(maxsize=1)
def spam_data() -> SpamData:
    return cached("spam", ("publicsuffixlist",), _read_spam_data)


def is_legitimate(host: str) -> bool:
    """Whether ``host`` is under a government, military, education or intergovernmental suffix,
    or is (or is under) a well-known legitimate site: see :mod:`copylint.language.links.legitimate`."""
    return host in spam_data().legitimate


def legitimate_sites() -> LegitimateSites:
    """The shipped allowlist, read afresh (for the list builders and their tests)."""
    return read_legitimate_sites(_lines("legitimate-domains.txt"), _lines("legitimate-suffixes.txt"))


def _read_spam_data() -> SpamData:
    brands: dict[str, Brand] = {}
    for line in _lines("brands.txt"):
        name, category, *rest = line.split("\t")
        official = frozenset(domain.strip() for domain in (rest[0] if rest else "").split(",") if domain.strip())
        brands[name] = Brand(name, category, official)
    actions = tuple(
        (category, pattern) for category, _, pattern in (line.partition("\t") for line in _lines("calls-to-action.txt"))
    )
    return SpamData(
        piracy=frozenset(_lines("piracy-domains.txt")),
        scam=frozenset(_lines("scam-domains.txt")),
        abused_tlds=frozenset(_lines("abused-tlds.txt")),
        shorteners=frozenset(_lines("url-shorteners.txt")),
        brands=brands,
        call_to_action_sources=actions,
        legitimate=legitimate_sites(),
    )


@dataclass(frozen=True)
class SpamSettings:
    """A project's own spam lists: trusted domains never reported, and extra blocked domains."""

    trusted: frozenset[str] = frozenset()
    blocked: frozenset[str] = frozenset()


def read_domain_lists(paths: Sequence[str]) -> frozenset[str]:
    """Domains from list files (one a line, ``#`` comments); errors name the file."""
    domains: set[str] = set()
    for path in paths:
        lines = read_list_file(path, "domain list")
        domains.update(line.strip().lower().lstrip("*.") for line in lines if line.strip() and not line.startswith("#"))
    return frozenset(domains)
