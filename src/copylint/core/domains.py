"""Hosts and registrable domains, checked against the public suffix list that publicsuffixlist
bundles (read from the installed package; it never updates itself over the network)."""

from __future__ import annotations

import ipaddress
from collections.abc import Collection
from functools import lru_cache
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList

from copylint.store.tables import cached


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    return cached("public-suffixes", ("publicsuffixlist",), lambda: PublicSuffixList(accept_unknown=False))


def host_of(target: str) -> str | None:
    """The lower-case host of a URL or bare domain (``None`` when there is none)."""
    target = target.strip()
    if "://" not in target:
        target = "http://" + target.lstrip("/")
    try:
        host = urlsplit(target).hostname
    except ValueError:
        return None
    return host.rstrip(".").lower() if host else None


def is_ip(host: str) -> bool:
    if not (host[:1].isdigit() or ":" in host):
        return False  # an IPv4 address starts with a digit, an IPv6 one holds a colon: a name
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def registrable(host: str) -> str | None:
    """``www.bbc.co.uk`` -> ``bbc.co.uk``; ``None`` for an unknown top-level domain or an IP."""
    if is_ip(host):
        return None
    result: str | None = _psl().privatesuffix(host)
    return result


def top_level(host: str) -> str:
    return host.rsplit(".", 1)[-1]


def has_known_suffix(host: str) -> bool:
    return not is_ip(host) and _psl().publicsuffix(host) is not None


def listed(host: str, domains: Collection[str]) -> str | None:
    """The entry of ``domains`` that ``host`` is, or is a subdomain of."""
    parts = host.split(".")
    for index in range(len(parts) - 1):
        candidate = ".".join(parts[index:])
        if candidate in domains:
            return candidate
    return None
