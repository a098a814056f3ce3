"""Explainable spam signals for one link, each with a weight: strong 3, medium 2, weak 1.

A link is spam when its signals add up to ``THRESHOLD``: no weak signal alone, nor a single
medium one (a news story may link a piracy site it reports on), is enough.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from copylint.core.domains import has_known_suffix, is_ip, listed, registrable, top_level
from copylint.language.links.candidates import LinkCandidate
from copylint.language.links.data import Brand, SpamData, SpamSettings
from copylint.language.lookalikes import to_latin

THRESHOLD = 3
STRONG_TOTAL = 5
_LEET = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "$": "s"})


@dataclass(frozen=True, slots=True)
class Signal:
    weight: int
    reason: str


def link_signals(
    candidate: LinkCandidate,
    sentence: str,
    data: SpamData,
    text_hosts: list[str],
    crowded_ending: bool,
    settings: SpamSettings | None = None,
) -> list[Signal]:
    """The signals that apply to ``candidate`` in its ``sentence`` (none for a trusted domain)."""
    host = candidate.host
    signals: list[Signal] = []
    settings = settings or SpamSettings()
    if listed(host, settings.trusted):
        return signals
    blocklisted = False
    for name, domains in (("piracy", data.piracy), ("scam", data.scam), ("project's", settings.blocked)):
        entry = listed(host, domains)
        if entry:
            blocklisted = True
            where = "the project's blocklist" if name == "project's" else f"the shipped {name} blocklist"
            signals.append(Signal(2, f"{entry} is on {where}"))
    action = data.call_to_action(sentence)
    if action:
        category, match = action
        signals.append(Signal(2, f"{category} call to action (“{' '.join(match.group().split())}”)"))
    if not is_ip(host) and top_level(host) in data.abused_tlds:
        signals.append(Signal(1, f".{top_level(host)} is a much-abused top-level domain"))
    if listed(host, data.shorteners):
        signals.append(Signal(1, "a URL shortener hides where the link goes"))
    if is_ip(host):
        signals.append(Signal(1, "it links to a bare IP address"))
    if candidate.hidden:
        signals.append(Signal(2, "the link is hidden from readers"))
    if candidate.kind == "obfuscated":
        signals.append(Signal(1, "the address is disguised to slip past link filters"))
    lookalike = None if blocklisted else _lookalike_once(host, data)
    if lookalike:
        signals.append(lookalike)
    target_site = registrable(host)
    for shown in text_hosts:
        shown_site = registrable(shown)
        if shown_site and target_site and shown_site != target_site:
            signals.append(Signal(1, f"the text shows {shown} but the link goes to {host}"))
            break
    if crowded_ending:
        signals.append(Signal(1, "one of a cluster of links at the very end"))
    return signals


def _unicode(label: str) -> str:
    """A domain label as its owner wrote it: punycode (``xn--pypal-4ve``) decoded."""
    if not label.startswith("xn--"):
        return label
    try:
        return label.encode("ascii").decode("idna")
    except UnicodeError:
        return label


def _lookalike_once(host: str, data: SpamData) -> Signal | None:
    memo = data.lookalike_memo
    if host not in memo:
        memo[host] = _lookalike(host, data.brands)
    found: Signal | None = memo[host]
    return found


def _lookalike(host: str, brands: Mapping[str, Brand]) -> Signal | None:
    """How the host imitates a known site: weight 1 for borrowing a name, 2 for a look-alike,
    3 (enough alone) for letters from another alphabet drawn like Latin ones (an IDN homograph)."""
    site = registrable(host)
    if not site:
        return None
    label = site.split(".", 1)[0]
    for brand in brands.values():
        if site in brand.official:
            return None
    parts = label.split("-")
    if len(parts) >= 2 and has_known_suffix("x." + parts[-1]):
        base = "-".join(parts[:-1]).translate(_LEET)
        if base in brands:
            return Signal(2, f"looks like {base}.{parts[-1]}, with the dot turned into a hyphen")
    written = _unicode(label)
    normalised = to_latin(written).lower().translate(_LEET).replace("rn", "m").replace("vv", "w")
    for name, brand in brands.items():
        if brand.category == "piracy" and (label == name or name in parts):
            return Signal(2, f"named after the piracy site {name}")
        if brand.category != "brand":
            continue
        if normalised == name and not written.isascii():
            return Signal(3, f"spells {name} with look-alike letters from another alphabet (“{written}”)")
        if normalised == name and label != name:
            return Signal(2, f"imitates {name} with look-alike characters")
        if name in parts or (label.startswith(name) and len(label) > len(name)):
            return Signal(1, f"borrows the name {name} without being one of its sites")
        if len(name) >= 6 and OSA.distance(label, name) == 1:
            return Signal(2, f"a one-letter typo of {name}")
    return None
