"""Spam and piracy links: every link scored with explainable signals; nothing goes online.

Complexity: O(links + sentences) per document after one pass to collect the links; each link
looks at most ``CONTEXT`` characters either side of it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from copylint.core.finding import Applicability, Category, Edit, Finding, Severity
from copylint.core.rule import FamilySettings, FamilyValues, KeyKind, Rule, RuleContext, SettingKey
from copylint.core.source import Span
from copylint.language.links.actions import Action, around, sentence_actions
from copylint.language.links.candidates import LinkCandidate, collect, link_text_domains
from copylint.language.links.clauses import clause_removal, fills_block, sentence_removal, spam_clause
from copylint.language.links.data import SpamSettings, read_domain_lists, spam_data
from copylint.language.links.signals import STRONG_TOTAL, THRESHOLD, LinkContext, Signal, link_signals


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
    links, inline HTML links in Markdown, bare URLs and domains in the prose, and disguised forms
    such as "example[.]com", "example dot click" or "hxxp://"), then weighs signals for each:

    - the lists: a domain on a shipped blocklist; a much-abused top-level domain; a URL
      shortener; an IP address; a lookalike of a known site or brand ("myflixer-to.click" for
      myflixer.to, "paypa1");
    - the words: a call to action for piracy, gambling, pharmacy, essay mills, crypto giveaways,
      bought followers or loans that sells this link (the nearest link in its clause); the
      domain's own words, read by splitting its labels ("luckyreels-casino" reads "lucky reels
      casino"): spam vocabulary by category, a public body's name in a domain that is not a
      government one, a label dressed as an official suffix ("cityofmaple-gov.org");
    - the structure: link text that is one address while the link goes to another (strong when
      the target imitates it, medium when the shown address is official or well known, more
      with an affiliate parameter); a link hidden by itself or any enclosing element
      (``hidden``, ``display:none``, ``visibility:hidden``, no size, off screen, text in its
      background's colour); a paragraph that is nothing but a call-to-action link; a cluster of
      links at the very end.

    The finding covers the spam link and its call to action, and its message lists every signal
    with its weight.

    Why: scraped, syndicated and pasted articles carry spam links, and no prose linter looks.

    Signals weigh 1 (weak), 2 (medium) or 3 (strong); a link is reported when they add up to 3
    (option ``threshold``).

    Precision: weak signals (an abused TLD, a shortener, one spam word in a domain) never fire
    alone, and neither does a single medium one (a news story may name a piracy site it reports
    on; a casino's own name holds "casino"). Nothing is looked up online: no DNS, no HTTP, no
    reputation service.

    Severity: error when the signals add up to 5 or more, warning otherwise.

    Example: "Watch Free Movies on MyFlixer-to.click" is reported with three reasons: a piracy
    call to action, the much-abused .click domain, and a lookalike of myflixer.to.

    Fix safety: unsafe; the fix deletes the sentence (or the whole line, paragraph or list item)
    that carries the link, without leaving a double space or an empty paragraph. When the
    sentence also holds a legitimate link, only the spam link's clause goes ("Read [the
    guide](…) or claim free spins at [this casino](…)." keeps "Read [the guide](…).").
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
        settings = ctx.setting(SpamConfig).spam
        grouped: dict[Span | None, list[LinkCandidate]] = {}
        for candidate in candidates:
            grouped.setdefault(_sentence_of(sentences, starts, candidate.anchor), []).append(candidate)
        by_sentence: dict[Span | None, list[_Scored]] = {}
        text = ctx.view.text
        for sentence, members in grouped.items():
            anchors = [candidate.anchor for candidate in members]
            actions = sentence_actions(text, sentence, anchors, data) if sentence else [None] * len(members)
            for candidate, action in zip(members, actions, strict=True):
                window = around(text, sentence, candidate.anchor) if sentence else Span(0, 0)
                context = LinkContext(
                    text[window.start : window.end],
                    text[candidate.anchor.start : candidate.anchor.end],
                    tuple(link_text_domains(ctx.view, ctx.tokens, candidate)),
                    crowded and last_block.start <= candidate.anchor.start < last_block.end,
                    _alone(ctx, candidate),
                    action,
                )
                signals = tuple(link_signals(candidate, context, data, settings))
                by_sentence.setdefault(sentence, []).append(_Scored(candidate, signals, action))
        threshold = ctx.option("threshold")
        for sentence, scored in by_sentence.items():
            if sentence is not None:
                yield from self._sentence_findings(ctx, sentence, scored, threshold)
                continue
            for link in scored:
                if link.total >= threshold:
                    anchor, markup = link.candidate.anchor, link.candidate.source
                    edits = sentence_removal(ctx.document.text, ctx.view, anchor, markup, False)
                    finding = self._report(ctx, (link,), anchor, edits, "Delete the spam link")
                    yield finding if markup is None else finding.at(markup)

    def _sentence_findings(
        self, ctx: RuleContext, sentence: Span, scored: list[_Scored], threshold: int
    ) -> Iterator[Finding]:
        """One finding for each run of spam links in the sentence that no legitimate link
        interrupts: it covers the links and their call to action, and its fix removes the
        sentence, or only the run's clause when a legitimate link shares the sentence."""
        text = ctx.view.text
        for run, before, after in _runs(scored, threshold):
            links = Span(run[0].candidate.anchor.start, run[-1].candidate.anchor.end)
            before_end = before.anchor.end if before else None
            after_start = after.anchor.start if after else None
            # nested or overlapping anchors (``<a><a>`` left open) can put a neighbour inside the run
            region_start = sentence.start if before_end is None else before_end
            region_end = sentence.end if after_start is None else after_start
            region = Span(min(region_start, links.start), max(region_end, links.end))
            covered = _with_actions(links, run, region)
            markup = _markup(run)
            if before is None and after is None:
                edits = sentence_removal(ctx.document.text, ctx.view, sentence, markup, not ctx.traits.tags_share_lines)
                yield self._report(ctx, run, covered, edits, "Delete the spam sentence", markup)
                continue
            if _entangled(run, before, after):  # anchors left open inside each other: no safe cut
                yield self._report(ctx, run, covered, (), "", markup)
                continue
            clause = spam_clause(text, sentence, covered, before_end, after_start)
            source = ctx.view.to_source(clause)
            if markup is not None:
                source = Span(min(source.start, markup.start), max(source.end, markup.end))
            if before is not None and before.source is not None:
                source = Span(max(source.start, before.source.end), source.end)
            if after is not None and after.source is not None:
                source = Span(source.start, min(source.end, after.source.start))
            edits = clause_removal(ctx.document.text, source, clause.start == sentence.start)
            yield self._report(ctx, run, covered, edits, "Delete the spam link's clause", markup)

    def _report(
        self,
        ctx: RuleContext,
        run: Sequence[_Scored],
        span: Span,
        edits: tuple[Edit, ...],
        title: str,
        markup: Span | None = None,
    ) -> Finding:
        """The finding for a run of spam links at prose ``span`` and over their ``markup``,
        explained signal by signal with their weights."""
        if len(run) == 1:
            message = f"Spam link {run[0].candidate.host} (score {run[0].total}): {run[0].explanation}."
        else:
            explained = (f"{link.candidate.host} (score {link.total}: {link.explanation})" for link in run)
            message = "Spam links " + "; ".join(explained) + "."
        finding = ctx.finding(
            span,
            message,
            suggestions=("",),
            applicability=Applicability.UNSAFE,
            fix_title=title,
            source_edits=edits,
        )
        if markup is not None:
            finding = finding.at(Span(min(finding.span.start, markup.start), max(finding.span.end, markup.end)))
        return finding.with_severity(Severity.ERROR) if max(link.total for link in run) >= STRONG_TOTAL else finding

    def _crowded(self, ctx: RuleContext, candidates: list[LinkCandidate], block: Span) -> bool:
        inside = [c for c in candidates if block.start <= c.anchor.start < block.end]
        return len(inside) >= _CROWDED_LINKS and len(ctx.tokens.words_in(block)) <= _CROWDED_WORDS


def _runs(
    scored: list[_Scored], threshold: int
) -> Iterator[tuple[list[_Scored], LinkCandidate | None, LinkCandidate | None]]:
    """The runs of spam links in a sentence's links that no legitimate link interrupts, each with
    the legitimate link just before and just after it (``None`` when there is none)."""
    before: LinkCandidate | None = None
    current: list[_Scored] = []
    for link in sorted(scored, key=lambda link: link.candidate.anchor.start):
        if link.total >= threshold:
            current.append(link)
            continue
        if link.candidate.anchor.start == link.candidate.anchor.end:
            continue  # an image without alt text: no words to keep apart
        if current:
            yield current, before, link.candidate
            current = []
        before = link.candidate
    if current:
        yield current, before, None


@dataclass(frozen=True, slots=True)
class _Scored:
    """A link and its signals."""

    candidate: LinkCandidate
    signals: tuple[Signal, ...]
    action: Action | None = None

    @property
    def total(self) -> int:
        return sum(signal.weight for signal in self.signals)

    @property
    def explanation(self) -> str:
        """Every signal with its weight: "piracy call to action (“Watch Free Movies”) +2; …"."""
        return "; ".join(f"{signal.reason} (+{signal.weight})" for signal in self.signals)


def _entangled(run: Sequence[_Scored], before: LinkCandidate | None, after: LinkCandidate | None) -> bool:
    """Whether a legitimate neighbour's text or markup reaches into the run's (anchors nested
    in broken HTML), so that no clause can be cut between them."""
    first, last = run[0].candidate, run[-1].candidate
    if before is not None and (
        before.anchor.end > first.anchor.start
        or (before.source is not None and first.source is not None and before.source.end > first.source.start)
    ):
        return True
    return after is not None and (
        after.anchor.start < last.anchor.end
        or (after.source is not None and last.source is not None and after.source.start < last.source.end)
    )


def _markup(run: Sequence[_Scored]) -> Span | None:
    """The source span from the first link's markup to the last one's."""
    spans = [link.candidate.source for link in run if link.candidate.source is not None]
    return Span(min(span.start for span in spans), max(span.end for span in spans)) if spans else None


def _with_actions(links: Span, run: Sequence[_Scored], region: Span) -> Span:
    """The links' span, widened to their calls to action within ``region`` (the links' clause,
    bounded by the legitimate links beside them)."""
    start, end = links.start, links.end
    for link in run:
        if link.action is not None:
            start = min(start, max(link.action.span.start, region.start))
            end = max(end, min(link.action.span.end, region.end))
    return Span(start, end)


def _alone(ctx: RuleContext, candidate: LinkCandidate) -> bool:
    """Whether the link is all there is of its paragraph (not of a list item: link lists are
    common and honest)."""
    anchor = candidate.anchor
    if anchor.start == anchor.end or not fills_block(ctx.view, anchor):
        return False
    document = ctx.document.text
    start = candidate.source.start if candidate.source is not None else ctx.view.to_source(anchor).start
    return not _LIST_ITEM_BEFORE.search(document, max(0, start - 400), start)


_LIST_ITEM_BEFORE = re.compile(r"(?:^[ \t>]*(?:[-*+]|\d+[.)])[ \t]+|<li\b[^>]*>)(?:\s*<[^>]*>)*\s*\Z", re.MULTILINE)


def _sentence_of(sentences: tuple[Span, ...], starts: list[int], anchor: Span) -> Span | None:
    index = bisect.bisect_right(starts, anchor.start) - 1
    if index >= 0 and sentences[index].start <= anchor.start < sentences[index].end + 1:
        return sentences[index]
    return None
