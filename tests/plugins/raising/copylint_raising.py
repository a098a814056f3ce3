"""A third-party copylint plugin whose rule raises on some documents (used by the tests).

It is written as plugins for copylint 0.1 were, importing ``copylint.finding`` and ``copylint.rule``
(now ``copylint.core.*``): those paths must keep working until 0.3."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pluggy

from copylint.finding import Category, Finding  # type: ignore[import-not-found]
from copylint.rule import Rule, RuleContext  # type: ignore[import-not-found]

hookimpl = pluggy.HookimplMarker("copylint")


class Explodes(Rule):
    """Raises on any document that mentions "boom"; a plugin bug copylint must contain."""

    id = "raising.boom"
    category = Category.STYLE

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if "boom" in ctx.view.text:
            raise RuntimeError("the plugin fell over")
        return iter(())


@hookimpl
def copylint_register_rules() -> Sequence[type[Rule]]:
    return (Explodes,)
