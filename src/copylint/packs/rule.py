"""A rule defined by data at run time: :class:`PackRule` runs one
:class:`~copylint.packs.spec.RuleSpec` through its kind (:data:`~copylint.packs.kinds.KINDS`), and
:func:`rule_class` makes the rule class for a spec, from a pack or a Vale style alike.

Complexity: one regular-expression pass per pattern over the prose or each unit, O(characters);
a rule with literal trigger words visits only the words that can start a match, from a word
index shared by every pack rule of the run (:mod:`copylint.packs.search`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from copylint.core.finding import Finding
from copylint.core.rule import Rule, RuleContext
from copylint.packs.kinds import KINDS
from copylint.packs.search import Search
from copylint.packs.spec import Reach, RuleSpec


class PackRule(Rule):
    """A rule defined by data; subclasses are made by :func:`rule_class`."""

    spec: ClassVar[RuleSpec]

    @classmethod
    def cache_identity(cls) -> str:
        return cls.spec.definition

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        findings = KINDS[self.spec.kind](self.spec, Search(ctx, self.spec))
        if self.spec.reach is not Reach.VALE:
            yield from findings
            return
        reported: set[int] = set()
        for finding in findings:  # Vale reads a paragraph whole, by sentence and as text: once a place
            if finding.span.start not in reported:
                reported.add(finding.span.start)
                yield finding


def rule_class(spec: RuleSpec) -> type[Rule]:
    """A :class:`Rule` subclass for one rule of a pack or a Vale style, documented from it."""
    attributes: dict[str, Any] = {
        "id": spec.rule_id,
        "category": spec.category,
        "default_severity": spec.severity,
        "fixable": spec.fixable,
        "spec": spec,
        "__doc__": spec.documentation,
    }
    return type(re.sub(r"\W", "_", f"Pack_{spec.rule_id}"), (PackRule,), attributes)
