"""Real pages of Starlight, Docusaurus, MkDocs Material (pymdownx) and MyST sites
(tests/fixtures/sites, MIT excerpts): none of their markup reaches the prose, all of their prose
does, and no rule reports anything on a line of markup."""

from __future__ import annotations

import pytest
from test_prose import verbatim_segments_match

from conftest import TESTS
from copylint.core.engine import lint_document
from copylint.core.rule import LintSettings
from copylint.core.source import Document
from copylint.project.plugins import load_plugins

PLUGINS = load_plugins(entry_points=False)
SITES = TESTS / "fixtures" / "sites"

CASES = {
    "tauri-starlight.mdx": (
        ["Vite is a build tool", "Update Tauri configuration", "You can configure the Tauri CLI",
         "Don't see a framework listed?", "Framework Not Listed?"],
        ["import", "Steps", "TabItem", "LinkCard", "TODO", "tauri.conf.json", "frontendDist", ":::", "<"],
    ),
    "redux-docusaurus.mdx": (
        ["What You'll Learn", "How to modernize legacy", "This example shows several"],
        ["import", "DetailedExplanation", "Detailed Example", ":::", "{/*"],
    ),
    "typer-blocks.md": (
        ["Notice that we don't have to get the", "Check it:"],
        ["///", "docs_src", "tip\n"],
    ),
    "sqlmodel-tabs.md": (
        ["That's why this package is called", "Python 3.10+", "Python 3.7+"],
        ["////", "tab |", "hl_lines", "docs_src"],
    ),
    "myst-directives.md": (
        ["The alert extension provides", "Let's give readers a helpful hint!", "Explanation of the deprecation."],
        ["{seealso}", "myst-example", "{tip}", "myclass1", "1.2.3", ":::"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CASES))
def test_markup_stays_out_and_prose_stays_in(name: str) -> None:
    path = SITES / name
    document = Document(str(path), path.read_text(encoding="utf-8"))
    view = PLUGINS.format_for(str(path)).build_view(document)
    verbatim_segments_match(view, document)
    prose, markup = CASES[name]
    for text in prose:
        assert text in view.text
    for text in markup:
        assert text not in view.text


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_finding_on_a_line_of_markup(name: str) -> None:
    path = SITES / name
    text = path.read_text(encoding="utf-8")
    document = Document(str(path), text)
    result = lint_document(document, PLUGINS.format_for(str(path)), LintSettings(rules=tuple(PLUGINS.rules.values())))
    for finding in result.findings:
        line = text[text.rfind("\n", 0, finding.span.start) + 1 : text.find("\n", finding.span.start)]
        assert not line.lstrip().startswith(("<", "{", "import ", ":::", "///", "!!!", "```")), (finding, line)
