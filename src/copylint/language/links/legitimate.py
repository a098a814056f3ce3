"""Sites that are never spam hosts by themselves: whole public-suffix categories (.gov, .mil,
.edu, .int and the government and academic second levels of other countries: gov.uk, ac.jp,
gob.mx, k12.ca.us ...) and a shipped list of well-known legitimate sites.

A blocklist can be wrong about them (a torrent list that blocks nasa.gov, a scam list that blocks
a bank), so a blocklist entry must never be the only evidence against such a host; the shipped
blocklists are filtered with this set, and a test keeps them apart.

The categories are rules (``spam/legitimate-suffixes.txt``) applied to the ICANN section of the
Public Suffix List that the publicsuffixlist package bundles, so no suffix is copied into
copylint and a new release of the list brings its new suffixes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from publicsuffixlist import PSLFILE

from copylint.core.domains import is_ip

PLATFORM_MARK = "="
"""Marks a platform in ``legitimate-domains.txt`` (``=wordpress.com``): the site itself is
legitimate, but its users publish under its subdomains, which it does not vouch for."""


@dataclass(frozen=True)
class LegitimateSites:
    """The allowlist: ``host in sites`` says whether a host is legitimate, :meth:`reason` why."""

    domains: frozenset[str] = frozenset()
    """Well-known sites, each with every subdomain (``archive.org`` covers ``web.archive.org``)."""
    platforms: frozenset[str] = frozenset()
    """Sites whose users get subdomains: the domain itself and its ``www.`` host only."""
    suffixes: Mapping[str, str] = field(default_factory=dict)
    """Each public suffix of a category (``gov.uk``) and the category (``government``)."""

    def __contains__(self, host: object) -> bool:
        return isinstance(host, str) and self.reason(host) is not None

    def reason(self, host: str) -> str | None:
        """Why ``host`` is legitimate (``"under .gov (government)"``), or ``None``."""
        host = host.strip().rstrip(".").lower()
        if not host or is_ip(host):
            return None
        for entry in parents(host):
            if entry in self.suffixes:
                return f"under .{entry} ({self.suffixes[entry]})"
            if entry in self.domains:
                return f"{entry} is a well-known legitimate site"
        bare = host.removeprefix("www.")
        if bare in self.platforms:
            return f"{bare} is a well-known legitimate site"
        return None

    def under(self, host: str) -> str | None:
        """A listed site or suffix that lies under ``host`` (a blocklist entry ``example.org``
        would also block a listed ``news.example.org``), or ``None``."""
        return self._above.get(host.strip().rstrip(".").lower())

    @cached_property
    def _above(self) -> dict[str, str]:
        """Each domain above a listed site or suffix, and one such entry (for :meth:`under`)."""
        above: dict[str, str] = {}
        for entry in sorted({*self.suffixes, *self.domains, *self.platforms}):
            for parent in list(parents(entry))[1:]:
                above.setdefault(parent, entry)
        return above


def parents(host: str) -> Iterator[str]:
    """``host`` and each domain above it, down to its top-level domain."""
    labels = host.split(".")
    for index in range(len(labels)):
        yield ".".join(labels[index:])


def icann_suffixes(text: str) -> list[str]:
    """The rules of the Public Suffix List's ICANN section, without wildcards (``*.sch.uk`` is
    ``sch.uk``) and exception marks."""
    inside = False
    suffixes: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("// ===BEGIN ICANN DOMAINS==="):
            inside = True
        elif line.startswith("// ===END ICANN DOMAINS==="):
            break
        elif inside and line and not line.startswith("//"):
            suffixes.append(line.removeprefix("!").removeprefix("*.").lower())
    return suffixes


def categorise(suffixes: Iterable[str], rules: Iterable[str]) -> dict[str, str]:
    """The suffixes that ``rules`` (lines ``kind<TAB>value<TAB>category``) put in a category,
    each once: a suffix under one already taken (``ac.gov.br`` under ``gov.br``) is left out."""
    taken: dict[str, str] = {}
    labels: dict[str, str] = {}
    exceptions: set[str] = set()
    for line in rules:
        kind, value, category = (part.strip() for part in line.split("\t", 2))
        if kind == "tld":
            taken[value] = category
        elif kind == "label":
            labels[value] = category
        elif kind == "except":
            exceptions.add(value)
        else:
            raise ValueError(f"unknown kind of suffix rule: {kind!r}")
    for suffix in sorted(set(suffixes), key=lambda name: (name.count("."), name)):
        first, _, rest = suffix.partition(".")
        if rest and first in labels and suffix not in exceptions:
            if not any(parent in taken for parent in parents(rest)):
                taken[suffix] = labels[first]
    return taken


def read_legitimate_sites(domain_lines: Iterable[str], rule_lines: Iterable[str]) -> LegitimateSites:
    """The sites of ``legitimate-domains.txt`` and the categories of ``legitimate-suffixes.txt``
    (their lines without comments), expanded over the installed Public Suffix List."""
    domains: set[str] = set()
    platforms: set[str] = set()
    for line in domain_lines:
        entry = line.strip().lower()
        (platforms if entry.startswith(PLATFORM_MARK) else domains).add(entry.removeprefix(PLATFORM_MARK))
    with open(PSLFILE, encoding="utf-8") as handle:
        suffixes = categorise(icann_suffixes(handle.read()), rule_lines)
    return LegitimateSites(frozenset(domains), frozenset(platforms), suffixes)
