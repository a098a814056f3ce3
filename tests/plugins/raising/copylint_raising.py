"""A third-party copylint plugin whose rule raises on some documents (used by the tests)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pluggy

from copylint.core.finding import Category, Finding
from copylint.core.rule import Rule, RuleContext

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
