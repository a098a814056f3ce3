"""A pack rule at run time: :class:`PackRule` runs one :class:`~copylint.packs.schema.RuleSpec`
over a document, and :func:`rule_class` makes the rule class for a spec.

Complexity: one regular-expression pass per rule over the prose, O(characters); a rule with
literal trigger words visits only the words that can start a match, from a word index shared by
every pack rule of the run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, ClassVar

from copylint.core.finding import Applicability, Edit, Finding
from copylint.core.rule import ProseEdit, Rule, RuleContext
from copylint.core.source import Span
from copylint.core.tokens import Tokens
from copylint.packs.casing import match_case, names_in_body, sentence_case, title_case
from copylint.packs.schema import RuleSpec

_FRONT_MATTER_VALUE = re.compile(
    r"^[ \t]*(?:-[ \t]+)?(?:[\w-]+[ \t]*[:=][ \t]*)?(?P<value>[^\n]*?)[ \t]*\r?$", re.MULTILINE
)


class PackRule(Rule):
    """A rule from a YAML pack; subclasses are made by :func:`rule_class`."""

    spec: ClassVar[RuleSpec]

    @classmethod
    def cache_identity(cls) -> str:
        return cls.spec.definition

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        spec = self.spec
        if spec.kind == "capitalization":
            yield from self._capitalization(ctx)
            return
        matches = [m for m in self._find(ctx) if self._in_scope(ctx, m.start(), m.end())]
        if spec.front_matter and spec.kind in ("existence", "substitution"):
            yield from self._front_matter(ctx)
        if spec.kind == "consistency":
            yield from self._consistency(ctx, matches)
            return
        for match in matches:
            if match.group().lower() in spec.exceptions:
                continue
            span = Span(*match.span())
            suggestion = self._replacement(match) if spec.kind == "substitution" else None
            message = spec.message.format(match=match.group(), suggestion=suggestion or "")
            edits = (ProseEdit(span, suggestion),) if suggestion is not None else ()
            yield ctx.finding(
                span,
                message,
                suggestions=(suggestion,) if suggestion is not None else (),
                edits=edits if spec.applicability is not Applicability.DISPLAY_ONLY else (),
                applicability=spec.applicability,
                fix_title=f"Replace with “{suggestion}”" if suggestion is not None else "",
            )

    def _find(self, ctx: RuleContext) -> Iterator[re.Match[str]]:
        """Matches of the rule's pattern, tried only at words that can start one."""
        text = ctx.view.text
        pattern, trigger = self.spec.compiled, self.spec.trigger
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

    def _front_matter(self, ctx: RuleContext) -> Iterator[Finding]:
        """Matches in the values of front matter fields, reported at their source spans."""
        region = ctx.view.front_matter
        if region is None:
            return
        source = ctx.document.text
        for field_match in _FRONT_MATTER_VALUE.finditer(source, region.start, region.end):
            start, end = field_match.span("value")
            for match in self.spec.compiled.finditer(source, start, end):
                if match.group().lower() in self.spec.exceptions:
                    continue
                span = Span(*match.span())
                suggestion = self._replacement(match) if self.spec.kind == "substitution" else None
                fixable = suggestion is not None and self.spec.applicability is not Applicability.DISPLAY_ONLY
                finding = ctx.finding(
                    Span(0, 0),
                    self.spec.message.format(match=match.group(), suggestion=suggestion or ""),
                    suggestions=(suggestion,) if suggestion is not None else (),
                    applicability=self.spec.applicability,
                    source_edits=(Edit(span, suggestion),) if fixable and suggestion is not None else (),
                )
                yield finding.at(span)

    def _in_scope(self, ctx: RuleContext, start: int, end: int) -> bool:
        return ctx.view.scope_at(start) in self.spec.scopes and ctx.view.scope_at(end - 1) in self.spec.scopes

    def _replacement(self, match: re.Match[str]) -> str:
        for index, (_, replacement) in enumerate(self.spec.replacements):
            if match.group(f"s{index}") is not None:
                expanded = self.spec.compiled_wrong(index).sub(replacement, match.group(), count=1)
                return match_case(match.group(), expanded)
        return match.group()

    def _consistency(self, ctx: RuleContext, matches: list[re.Match[str]]) -> Iterator[Finding]:
        for index in range(len(self.spec.either)):
            ones = [m for m in matches if m.group(f"a{index}") is not None]
            others = [m for m in matches if m.group(f"b{index}") is not None]
            if not ones or not others:
                continue
            minority, majority = (ones, others) if len(ones) < len(others) else (others, ones)
            preferred = majority[0].group()
            for match in minority:
                suggestion = match_case(match.group(), preferred.lower())
                span = Span(*match.span())
                yield ctx.finding(
                    span,
                    self.spec.message.format(match=match.group(), other=preferred, suggestion=suggestion),
                    suggestions=(suggestion,),
                    edits=(ProseEdit(span, suggestion),)
                    if self.spec.applicability is not Applicability.DISPLAY_ONLY
                    else (),
                    applicability=self.spec.applicability,
                )

    def _capitalization(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.view.text
        names = names_in_body(ctx)
        for block in ctx.view.blocks:
            if ctx.view.scope_at(block.start) not in self.spec.scopes:
                continue
            heading = text[block.start : block.end]
            expected = title_case(heading) if self.spec.case == "title" else sentence_case(heading, names)
            if expected == heading:
                continue
            span = Span(block.start, block.end)
            yield ctx.finding(
                span,
                self.spec.message.format(match=heading, suggestion=expected),
                suggestions=(expected,),
                edits=(ProseEdit(span, expected),) if self.spec.applicability is not Applicability.DISPLAY_ONLY else (),
                applicability=self.spec.applicability,
            )


def rule_class(spec: RuleSpec) -> type[Rule]:
    """A :class:`Rule` subclass for one pack rule, documented from the pack."""
    doc = (spec.description or f"A {spec.kind} rule of the '{spec.pack}' pack.") + "\n\n"
    doc += f"From the rule pack '{spec.pack}' ({spec.kind}).\n\nFires on: " + "; ".join(
        f'"{example}"' for example in spec.examples_fire[:3]
    )
    doc += "\nQuiet on: " + "; ".join(f'"{example}"' for example in spec.examples_quiet[:3])
    if spec.applicability is not Applicability.DISPLAY_ONLY:
        doc += f"\n\nFix safety: {spec.applicability.value}."
    attributes: dict[str, Any] = {
        "id": spec.rule_id,
        "category": spec.category,
        "default_severity": spec.severity,
        "fixable": spec.applicability is not Applicability.DISPLAY_ONLY,
        "spec": spec,
        "__doc__": doc,
    }
    return type(f"Pack_{spec.pack}_{spec.name}".replace("-", "_"), (PackRule,), attributes)


def _run_triggers(ctx: RuleContext) -> frozenset[str]:
    """Every trigger key of the run's pack rules (what the shared word index holds)."""
    return _triggers_of(tuple(ctx.settings.rules) if ctx.settings is not None else ())


@lru_cache(maxsize=16)
def _triggers_of(rules: tuple[type[Rule], ...]) -> frozenset[str]:
    return frozenset(
        key
        for rule in rules
        if issubclass(rule, PackRule) and rule.spec.trigger is not None
        for key in rule.spec.trigger
    )


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
