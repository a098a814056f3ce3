"""How a rule defined by data searches one document: the units its reach picks (the whole prose,
blocks by scope, or the units Vale's scope selectors pick, :mod:`.units`), a pattern's matches in
them, its findings (at source offsets for Vale's ``raw``), and the values of the front matter.

Complexity: one regular-expression pass per pattern over the prose (or each unit), O(characters);
a pattern with literal trigger words is tried only at the words that can start a match, from a
word index built once per document and shared by every pack rule of the run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from copylint.core.finding import Edit, Finding
from copylint.core.rule import ProseEdit, Rule, RuleContext
from copylint.core.source import Span
from copylint.core.tokens import Tokens
from copylint.packs.spec import Match, Pattern, Reach, RuleSpec
from copylint.packs.units import Unit, selected

_FRONT_MATTER_VALUE = re.compile(
    r"^[ \t]*(?:-[ \t]+)?(?:[\w-]+[ \t]*[:=][ \t]*)?(?P<value>[^\n]*?)[ \t]*\r?$", re.MULTILINE
)


@dataclass(frozen=True)
class Search:
    """One document as one rule searches it."""

    ctx: RuleContext
    spec: RuleSpec

    @cached_property
    def _selected(self) -> tuple[Unit, ...]:
        """The units Vale's selectors pick: only the source when they pick it (``raw`` holds all)."""
        units = tuple(selected(self.spec.selectors, self.ctx))
        return tuple(unit for unit in units if unit.source) or units

    @cached_property
    def raw(self) -> bool:
        """Whether the rule reads the source as written (Vale's ``raw``), not the prose."""
        return self.spec.reach is Reach.VALE and any(unit.source for unit in self._selected)

    @cached_property
    def text(self) -> str:
        return self.ctx.document.text if self.raw else self.ctx.view.text

    def units(self) -> Iterator[Unit]:
        """The stretches the rule's reach picks: the whole prose, its blocks that start in the
        rule's scopes, or the units its Vale selectors pick."""
        view = self.ctx.view
        if self.spec.reach is Reach.VALE:
            yield from self._selected
        elif self.spec.reach is Reach.TEXT:
            yield Unit(Span(0, len(view.text)))
        else:
            yield from (Unit(span) for span in view.blocks if view.scope_at(span.start) in self.spec.scopes)

    def within(self, unit: Unit, pattern: Pattern, trigger: frozenset[str] | None = None) -> Iterator[Match]:
        """``pattern``'s matches in ``unit`` (within its parts); for a rule that reaches the whole
        text, those whose first and last characters are in its scopes, tried only at ``trigger``
        words if given."""
        if self.spec.reach is Reach.TEXT:
            view, scopes = self.ctx.view, self.spec.scopes
            for match in self._anywhere(pattern, trigger):
                if view.scope_at(match.start()) in scopes and view.scope_at(match.end() - 1) in scopes:
                    yield match
            return
        for match in pattern.finditer(self.text, unit.span.start, unit.span.end):
            if unit.holds(match.start(), match.end()):
                yield match

    def matches(self, pattern: Pattern, trigger: frozenset[str] | None = None) -> Iterator[Match]:
        """``pattern``'s matches in every unit, in order (a match Vale's units share, once)."""
        if self.spec.reach is not Reach.VALE:
            for unit in self.units():
                yield from self.within(unit, pattern, trigger)
            return
        found: dict[tuple[int, int], Match] = {}
        for unit in self.units():
            for match in self.within(unit, pattern):
                found.setdefault(match.span(), match)
        yield from sorted(found.values(), key=lambda match: match.start())

    def finding(self, span: Span, message: str, suggestion: str | None = None) -> Finding:
        """A finding at ``span`` of :attr:`text` (the prose, or the source for ``raw``), offering
        ``suggestion`` when the rule suggests and applying it when the rule fixes."""
        spec = self.spec
        suggestions = (suggestion,) if suggestion is not None and spec.suggests else ()
        fix = suggestion if spec.fixable else None
        title = spec.fix_title.format(suggestion=fix) if fix is not None else ""
        if not self.raw:
            edits = (ProseEdit(span, fix),) if fix is not None else ()
            return self.ctx.finding(span, message, suggestions, edits, spec.applicability, title)
        source_edits = (Edit(span, fix),) if fix is not None else ()
        found = self.ctx.finding(Span(0, 0), message, suggestions, (), spec.applicability, title, source_edits)
        return found.at(span)

    def front_matter(self, pattern: Pattern) -> Iterator[Match]:
        """``pattern``'s matches in the values of the front matter's fields, in source offsets."""
        region = self.ctx.view.front_matter
        if region is None:
            return
        source = self.ctx.document.text
        for field_match in _FRONT_MATTER_VALUE.finditer(source, region.start, region.end):
            start, end = field_match.span("value")
            yield from pattern.finditer(source, start, end)

    def _anywhere(self, pattern: Pattern, trigger: frozenset[str] | None) -> Iterator[Match]:
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
