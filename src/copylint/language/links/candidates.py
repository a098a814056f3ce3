"""Every link-like thing in a document, once: markup links and images, bare URLs and domains in the
prose, and obfuscated forms ("example[.]com", "example dot click", "hxxp://").

Complexity: one pass over the links and URL tokens, plus one regular-expression pass over the
prose for obfuscated forms, O(characters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from copylint.core.domains import has_known_suffix, host_of, is_ip
from copylint.core.prose import ProseView
from copylint.core.source import Span
from copylint.core.tokens import Tokens

_SCHEME = re.compile(r"^(?:https?|hxxps?|ftp)://|^//|^www\.", re.IGNORECASE)
_OBFUSCATED = re.compile(
    r"\bhxxps?://[^\s<>\"']+"
    r"|\b[a-z0-9][a-z0-9-]*(?:\s*(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\))\s*|\s+dot\s+|\s+\.\s+)[a-z]{2,24}\b",
    re.IGNORECASE,
)
# Every obfuscated form holds one of these; prose rarely does, so the search starts only near one.
# Spelled out in both cases rather than with IGNORECASE, which keeps the engine from skipping
# ahead to the characters a mark can start with.
_OBFUSCATION_MARK = re.compile(r"[hH][xX][xX][pP]|[\[({](?:\.|[dD][oO][tT])[\])}]|\s(?:[dD][oO][tT]|\.)\s")
_LABEL_OR_SPACE = re.compile(r"[a-z0-9\s-]*", re.IGNORECASE)
_DEOBFUSCATE = re.compile(r"\s*(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\))\s*|\s+dot\s+|\s+\.\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class LinkCandidate:
    """A link target and where it sits."""

    target: str
    host: str
    anchor: Span
    """Prose span of the link text, the bare URL, or the placeholder an autolink leaves."""
    kind: str
    """markdown, image, autolink, html, bare or obfuscated."""
    source: Span | None = None
    """Source span of the whole link markup, when there is markup."""
    hidden: bool = False
    rel: tuple[str, ...] = ()


def collect(view: ProseView, tokens: Tokens) -> list[LinkCandidate]:
    found: list[LinkCandidate] = []
    text_spans: list[Span] = []
    for link in view.links:
        if not _SCHEME.match(link.url):
            continue  # relative links, anchors, mailto: the site's own pages are not spam
        host = host_of(link.url)
        if not host:
            continue
        anchor = link.text or Span(0, 0)
        kind = "markdown" if link.kind == "link" else link.kind
        found.append(LinkCandidate(link.url, host, anchor, kind, link.source, link.hidden, link.rel))
        if link.text:
            text_spans.append(link.text)
    for url in tokens.urls:
        if url.kind == "email" or any(span.start <= url.start < span.end for span in text_spans):
            continue
        host = host_of(url.text)
        if not host or not (is_ip(host) or has_known_suffix(host)):
            continue
        found.append(LinkCandidate(url.text, host, url.span, "bare"))
    for match in obfuscated_matches(view.text):
        target = _DEOBFUSCATE.sub(".", match.group()).replace("hxxp", "http").replace("HXXP", "HTTP")
        host = host_of(target)
        if host and has_known_suffix(host):
            found.append(LinkCandidate(target, host, Span(*match.span()), "obfuscated"))
    return found


def obfuscated_matches(text: str) -> list[re.Match[str]]:
    """``_OBFUSCATED``'s matches in ``text``, searched only from just before each mark of
    obfuscation (a match is a domain label, spaces, then the mark, or starts with ``hxxp``).

    The same matches as a whole-text search, which would try the pattern at every word.
    """
    reversed_text = text[::-1]
    length = len(text)
    found: list[re.Match[str]] = []
    position = 0
    while mark := _OBFUSCATION_MARK.search(text, position):
        # back over the label and the spaces before the mark: no match can start further left
        before = _LABEL_OR_SPACE.match(reversed_text, length - mark.start())
        start = max(position, mark.start() - (before.end() - before.start() if before else 0))
        match = _OBFUSCATED.search(text, start)
        if match is None:
            break
        found.append(match)
        position = match.end()
    return found


def link_text_domains(view: ProseView, tokens: Tokens, candidate: LinkCandidate) -> list[str]:
    """Hosts named in the candidate's link text ("Visit paypal.com" over a link elsewhere)."""
    if candidate.kind not in ("markdown", "html") or candidate.anchor.start == candidate.anchor.end:
        return []
    hosts = []
    for url in tokens.urls:
        if candidate.anchor.start <= url.start and url.end <= candidate.anchor.end and url.kind != "email":
            host = host_of(url.text)
            if host:
                hosts.append(host)
    return hosts
