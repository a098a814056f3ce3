"""How a rule defined by data searches one document: the units its reach picks (the whole prose,
blocks or sentences, by scope), a pattern's matches in them, and the values of the front matter.

Complexity: one regular-expression pass per pattern over the prose (or each unit), O(characters);
a pattern with literal trigger words is tried only at the words that can start a match, from a
word index built once per document and shared by every pack rule of the run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from copylint.core.rule import Rule, RuleContext
from copylint.core.source import Span
from copylint.core.tokens import Tokens
from copylint.packs.spec import Reach, RuleSpec

_FRONT_MATTER_VALUE = re.compile(
    r"^[ \t]*(?:-[ \t]+)?(?:[\w-]+[ \t]*[:=][ \t]*)?(?P<value>[^\n]*?)[ \t]*\r?$", re.MULTILINE
)


@dataclass(frozen=True)
class Search:
    """One document as one rule searches it."""

    ctx: RuleContext
    spec: RuleSpec

    @property
    def text(self) -> str:
        return self.ctx.view.text

    def units(self) -> Iterator[Span]:
        """The stretches of prose the rule's reach picks: the whole prose, or its blocks or
        sentences that start in the rule's scopes."""
        view = self.ctx.view
        if self.spec.reach is Reach.TEXT:
            yield Span(0, len(view.text))
            return
        spans: Sequence[Span] = self.ctx.tokens.sentences if self.spec.reach is Reach.SENTENCES else view.blocks
        yield from (span for span in spans if view.scope_at(span.start) in self.spec.scopes)

    def within(
        self, unit: Span, pattern: re.Pattern[str], trigger: frozenset[str] | None = None
    ) -> Iterator[re.Match[str]]:
        """``pattern``'s matches in ``unit``; for a rule that reaches the whole text, those whose
        first and last characters are in its scopes, tried only at ``trigger`` words if given."""
        if self.spec.reach is not Reach.TEXT:
            yield from pattern.finditer(self.text, unit.start, unit.end)
            return
        view, scopes = self.ctx.view, self.spec.scopes
        for match in self._anywhere(pattern, trigger):
            if view.scope_at(match.start()) in scopes and view.scope_at(match.end() - 1) in scopes:
                yield match

    def matches(self, pattern: re.Pattern[str], trigger: frozenset[str] | None = None) -> Iterator[re.Match[str]]:
        """``pattern``'s matches in every unit, in order."""
        for unit in self.units():
            yield from self.within(unit, pattern, trigger)

    def front_matter(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """``pattern``'s matches in the values of the front matter's fields, in source offsets."""
        region = self.ctx.view.front_matter
        if region is None:
            return
        source = self.ctx.document.text
        for field_match in _FRONT_MATTER_VALUE.finditer(source, region.start, region.end):
            start, end = field_match.span("value")
            yield from pattern.finditer(source, start, end)

    def _anywhere(self, pattern: re.Pattern[str], trigger: frozenset[str] | None) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` in the whole prose, tried only at words that can start one."""
        text, ctx = self.text, self.ctx
        if trigger is None:
            yield from pattern.finditer(text)
            return
        wanted = _run_triggers(ctx)
        if trigger <= wanted:
            starts_by_key = ctx.shared("packs.word-starts", lambda: _word_starts_by_key(ctx.tokens, wanted))
        else:  # a rule run outside its settings (an API caller): an index of its own
            starts_by_key = _word_starts_by_key(ctx.tokens, trigger)
        starts = sorted(start for key in trigger for start in starts_by_key.get(key, ()))
        position = 0
        for start in starts:
            if start < position:
                continue
            match = pattern.match(text, start)
            if match is not None and match.end() > match.start():
                yield match
                position = match.end()


def _run_triggers(ctx: RuleContext) -> frozenset[str]:
    """Every trigger key of the run's rules defined by data (what the shared word index holds)."""
    return _triggers_of(tuple(ctx.settings.rules) if ctx.settings is not None else ())


@lru_cache(maxsize=16)
def _triggers_of(rules: tuple[type[Rule], ...]) -> frozenset[str]:
    specs = [spec for rule in rules if isinstance(spec := getattr(rule, "spec", None), RuleSpec)]
    return frozenset(key for spec in specs if spec.trigger is not None for key in spec.trigger)


def _word_starts_by_key(tokens: Tokens, wanted: frozenset[str]) -> dict[str, list[int]]:
    """Where each word whose trigger key (lower case; ``#`` for a number) is ``wanted`` starts:
    built once per document and shared by every pack rule, which then visits only the words that
    can start a match. Only the few forms with a wanted key are looked for among the words."""
    keys = {text: key for text in tokens.forms if (key := "#" if text.isdigit() else text.lower()) in wanted}
    found: dict[str, list[int]] = {}
    for index in [index for index, text in enumerate(tokens.texts) if text in keys]:
        word = tokens.words[index]
        found.setdefault(keys[word.text], []).append(word.start)
    return found
