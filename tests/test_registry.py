"""Every registered rule is documented, exemplified and listed in the README's rule table."""

from __future__ import annotations

from copylint.core.finding import Category
from copylint.core.rule import Rule
from copylint.project.plugins import load_plugins

PLUGINS = load_plugins(entry_points=False)


class _Spaced(Rule):
    """Two spaces between words,   "the  end",
    reported once.

    What it does: nothing; a docstring for the summary.
    """

    id = "example.spaced"
    category = Category.STYLE


def test_summary_joins_lines_and_keeps_spacing_inside_a_line() -> None:
    assert _Spaced.summary() == 'Two spaces between words,   "the  end", reported once.'
    assert '"the  end"' in PLUGINS.rules["punctuation.spacing"].summary()
