"""Which rules run: ``--select`` and ``--ignore`` by rule id or family prefix; longest prefix wins."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from copylint.errors import UsageError

ALL = "ALL"


def split_selectors(values: Iterable[str]) -> tuple[str, ...]:
    """Flatten ``("a,b", "c")`` into ``("a", "b", "c")``, dropping blanks."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _specificity(selector: str, rule_id: str) -> int:
    """How specifically ``selector`` names ``rule_id``: -1 if not at all, else its length."""
    if selector == ALL:
        return 0
    if rule_id == selector or rule_id.startswith(selector.rstrip(".") + "."):
        return len(selector.rstrip("."))
    return -1


@dataclass(frozen=True)
class RuleSelection:
    """Selectors after validation. Ties between select and ignore go to ignore."""

    select: tuple[str, ...] = (ALL,)
    ignore: tuple[str, ...] = ()

    def enabled(self, rule_id: str) -> bool:
        selected = max((_specificity(s, rule_id) for s in self.select), default=-1)
        ignored = max((_specificity(s, rule_id) for s in self.ignore), default=-1)
        return selected >= 0 and selected > ignored

    def validate(self, known_ids: Sequence[str]) -> None:
        """Raise :class:`UsageError` for a selector that names no rule, with a did-you-mean."""
        validate_selectors("--select", self.select, known_ids)
        validate_selectors("--ignore", self.ignore, known_ids)


def validate_selectors(option: str, selectors: Sequence[str], known_ids: Sequence[str]) -> None:
    """Raise :class:`UsageError` naming ``option`` for a selector that matches no rule."""
    for selector in selectors:
        if any(_specificity(selector, rule_id) >= 0 for rule_id in known_ids):
            continue
        families = sorted({rule_id.split(".")[0] for rule_id in known_ids})
        close = difflib.get_close_matches(selector, [*known_ids, *families], n=1)
        hint = f"; did you mean '{close[0]}'?" if close else "; see 'copylint rules'"
        raise UsageError(f"{option}: unknown rule or prefix '{selector}'{hint}")
