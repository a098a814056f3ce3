"""Spam and piracy links: every link scored with explainable signals; nothing goes online.

Complexity: O(links + sentences) per document after one pass to collect the links; each link
looks at most ``CONTEXT`` characters either side of it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from copylint.core.finding import Applicability, Category, Edit, Finding, Severity
from copylint.core.rule import FamilySettings, FamilyValues, KeyKind, Rule, RuleContext, SettingKey
from copylint.core.source import Span
from copylint.language.links.candidates import LinkCandidate, collect, link_text_domains
from copylint.language.links.data import SpamSettings, read_domain_lists, spam_data
from copylint.language.links.signals import STRONG_TOTAL, THRESHOLD, link_signals


@dataclass(frozen=True)
class SpamConfig(FamilySettings):
    """The project's own spam lists: ``spam-trusted`` domains and the domains in the
    ``spam-trusted-lists`` files are never reported; those in ``spam-blocked-lists`` always weigh."""

    keys = {
        "spam-trusted": SettingKey(KeyKind.STRINGS),
        "spam-trusted-lists": SettingKey(KeyKind.PATHS),
        "spam-blocked-lists": SettingKey(KeyKind.PATHS),
    }
    spam: SpamSettings = field(default_factory=SpamSettings)

    @classmethod
    def from_values(cls, values: FamilyValues) -> SpamConfig:
        trusted = frozenset(domain.lower() for domain in values.get("spam-trusted", ()))
        trusted |= read_domain_lists(tuple(values.get("spam-trusted-lists", ())))
        return cls(SpamSettings(trusted, read_domain_lists(tuple(values.get("spam-blocked-lists", ())))))

    def identity(self) -> object:
        return (sorted(self.spam.trusted), sorted(self.spam.blocked))

    def describe(self) -> Mapping[str, Any]:
        return {"spam-trusted": sorted(self.spam.trusted), "spam-blocked": len(self.spam.blocked)}


_CROWDED_LINKS = 3
_CROWDED_WORDS = 40


class SpamLink(Rule):
    """A spam or piracy link: "Watch Free Movies on MyFlixer-to.click".

    What it does: finds every link-like thing once (Markdown links and images, autolinks, HTML
    links including hidden ones, bare URLs and domains in the prose, and disguised forms such as
    "example[.]com", "example dot click" or "hxxp://"), then weighs signals for each: a call to
    action for piracy, gambling, pharmacy, essay mills, crypto giveaways or bought followers in
    the same sentence; a domain on a shipped blocklist; a much-abused top-level domain; a
    lookalike of a known site or brand ("myflixer-to.click" for myflixer.to, "paypa1"); link
    text that shows one domain while the link goes to another; a hidden link; a URL shortener;
    an IP address; a cluster of links at the very end. The finding names the link and every
    reason.

    Why: scraped, syndicated and pasted articles carry spam links, and no prose linter looks.

    Signals weigh 1 (weak) or 2 (medium); a link is reported when they add up to 3 (option
    ``threshold``).

    Precision: weak signals (an abused TLD, a shortener) never fire alone, and neither does a
    single medium one (a news story may name a piracy site it reports on). Nothing is looked up
    online: no DNS, no HTTP, no reputation service.

    Severity: error when the signals add up to 5 or more, warning otherwise.

    Example: "Watch Free Movies on MyFlixer-to.click" is reported with three reasons: a piracy
    call to action, the much-abused .click domain, and a lookalike of myflixer.to.

    Fix safety: unsafe; the fix deletes the sentence (or the whole line or paragraph) that
    carries the link, without leaving a double space or an empty paragraph.
    """

    id = "spam.link"
    family_settings = SpamConfig
    category = Category.SPAM
    default_severity = Severity.WARNING
    fixable = True
    options = {"threshold": THRESHOLD}

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        candidates = collect(ctx.view, ctx.tokens)
        if not candidates:
            return
        data = spam_data()
        sentences = ctx.tokens.sentences
        starts = [sentence.start for sentence in sentences]
        last_block = ctx.view.blocks[-1] if ctx.view.blocks else Span(0, 0)
        crowded = self._crowded(ctx, candidates, last_block)
        reported: set[tuple[int, int]] = set()
        for candidate in candidates:
            sentence = _sentence_of(sentences, starts, candidate.anchor)
            sentence_text = _around(ctx.view.text, sentence, candidate.anchor) if sentence else ""
            in_ending = crowded and last_block.start <= candidate.anchor.start < last_block.end
            signals = link_signals(
                candidate,
                sentence_text,
                data,
                link_text_domains(ctx.view, ctx.tokens, candidate),
                in_ending,
                ctx.setting(SpamConfig).spam,
            )
            total = sum(signal.weight for signal in signals)
            if total < ctx.option("threshold"):
                continue
            span = sentence or candidate.anchor
            key = (span.start, span.end)
            if key in reported:
                continue
            reported.add(key)
            reasons = "; ".join(signal.reason for signal in signals)
            finding = ctx.finding(
                span,
                f"Spam link {candidate.host}: {reasons}.",
                suggestions=("",),
                applicability=Applicability.UNSAFE,
                fix_title="Delete the spam sentence",
                source_edits=self._removal(ctx, span, candidate.source),
            )
            if candidate.source is not None and sentence is None:
                finding = finding.at(candidate.source)
            yield finding.with_severity(Severity.ERROR) if total >= STRONG_TOTAL else finding

    def _crowded(self, ctx: RuleContext, candidates: list[LinkCandidate], block: Span) -> bool:
        inside = [c for c in candidates if block.start <= c.anchor.start < block.end]
        return len(inside) >= _CROWDED_LINKS and len(ctx.tokens.words_in(block)) <= _CROWDED_WORDS

    def _removal(self, ctx: RuleContext, span: Span, markup: Span | None) -> tuple[Edit, ...]:
        """Source edits that delete the sentence with the link's markup, or its whole lines when it
        fills its paragraph."""
        text = ctx.document.text
        source = ctx.view.to_source(span)
        if markup is not None:
            source = Span(min(source.start, markup.start), max(source.end, markup.end))
        if self._fills_block(ctx, span) and not ctx.traits.tags_share_lines:
            line_start = text.rfind("\n", 0, source.start) + 1
            if not text[line_start : source.start].strip(" \t>-*+#0123456789."):
                return (_delete_lines(text, line_start, _line_end(text, source.end)),)
        end = source.end
        while end < len(text) and text[end] in " \t":
            end += 1
        start = source.start
        if end == source.end:
            while start > 0 and text[start - 1] in " \t":
                start -= 1
        return (Edit(Span(start, end), ""),)

    def _fills_block(self, ctx: RuleContext, span: Span) -> bool:
        prose = ctx.view.text
        for block in ctx.view.blocks:
            if block.start <= span.start < block.end:
                return prose[block.start : block.end].strip() == prose[span.start : span.end].strip()
        return False


def _line_end(text: str, offset: int) -> int:
    """The offset just after the line break that ends the line holding ``offset``."""
    newline = text.find("\n", offset)
    return len(text) if newline < 0 else newline + 1


def _delete_lines(text: str, start: int, end: int) -> Edit:
    """Delete whole lines and the blank lines after them (or before them, at the end of the text)."""
    while end < len(text) and not text[end : _line_end(text, end)].strip():
        end = _line_end(text, end)
    if end >= len(text):
        while start > 0:
            previous = text.rfind("\n", 0, start - 1) + 1
            if text[previous:start].strip():
                break
            start = previous
    return Edit(Span(start, end), "")


CONTEXT = 300
"""Characters of the link's sentence looked at on either side of it for a call to action."""


def _around(text: str, sentence: Span, anchor: Span) -> str:
    """The sentence, clipped to ``CONTEXT`` characters either side of the link: a call to action
    belongs next to its link, and a run-on "sentence" of megabytes must not be searched per link."""
    return text[max(sentence.start, anchor.start - CONTEXT) : min(sentence.end, anchor.end + CONTEXT)]


def _sentence_of(sentences: tuple[Span, ...], starts: list[int], anchor: Span) -> Span | None:
    index = bisect.bisect_right(starts, anchor.start) - 1
    if index >= 0 and sentences[index].start <= anchor.start < sentences[index].end + 1:
        return sentences[index]
    return None
