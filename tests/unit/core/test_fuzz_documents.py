"""Fuzzing: hypothesis builds Markdown (with site syntax), MDX, HTML and text documents from markup, prose, slips,
Unicode and CRLF, and every rule runs on each. The invariants: nothing raises; every finding's
span lies inside the document and maps to a line and column that lead back to it; a typo
finding names exactly the source text at its span; fixing everything leaves nothing fixable,
and fixing twice equals fixing once.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from copylint.core.engine import lint_document
from copylint.core.finding import Finding
from copylint.core.fixer import applicable, fix_document
from copylint.core.rule import LintSettings
from copylint.core.source import Document
from copylint.project.plugins import load_plugins

PLUGINS = load_plugins(entry_points=False)
SETTINGS = LintSettings(rules=tuple(PLUGINS.rules.values()))

PROSE = [
    "the", "the the", "a", "an", "apple", "hour", "recieve", "teh", "orginal", "fining", "realism and realism",
    "Watch free movies on", "myflixer-to.click", "https://example.com/a_(b)", "e-mail@example.org", "well known",
    "A sentence. A sentence.", "no, no", "“", "”", '"', "'", "’", "(", ")", "[", "]", "/", " / ", ",", ".", " .",
    "—", " — ", "…", ";", ":", "!", "?", "é", "e\u0301", "👍", "中文", "\u00a0", "\u200b", "\u202e", "\u00ad", "\t",
]  # fmt: skip
SPACE = [" ", " ", "  ", "\n", "\r\n", "\n\n", "\r\n\r\n"]
MARKDOWN = [
    "# ", "## ", "- ", "* ", "1. ", "> ", "> > ", "```\n", "```python\n", "`", "*", "**", "_", "~~", "[", "](",
    "[text](https://x.example/p)", "![alt the the](i.png)", "<b>", "</b>", "<!-- the the -->", "&amp;", "&#x41;",
    "| a | b |\n|---|---|\n| c | d |\n", "---\ntitle: A a title\n---\n", "    indented code\n", "\\*", "<https://a.example>",
    "[ref]: https://r.example\n", "{{ var }}", "{% tag %}", "===\n",
    '!!! note "the the"\n', '=== "Tab"\n', "    ", ":::tip\n", ":::note[Title]\n", ":::\n", "/// tip | the\n", "///\n",
    "```{note}\n", "[^1]", "[^1]: ", "*[HTML]: teh\n", "$x$", "$5", "\\(", "\\)", "{ .md-button }", ":tada:",
]  # fmt: skip
MDX = [
    *MARKDOWN, "import X from 'x'\n", "export const a = {\n", "<Tabs>", "</Tabs>", '<Card title="the the" />',
    "<Aside type='tip'>", "</Aside>", "{x}", "{/* the the */}", "{", "}", "<>", "</>", "<pre>", "</pre>",
]  # fmt: skip
HTML = [
    "<p>", "</p>", "<div>", "</div>", "<a href='https://x.example/'>", "</a>", "<a href=\"https://myflixer-to.click\">",
    "<script>var a = 'the the';</script>", "<style>p {}</style>", "<br>", "&nbsp;", "&amp;", "&#8220;", "<!-- c -->",
    "<h1>", "</h1>", "<li>", "<pre>the the</pre>", "<code>teh</code>", "<img alt='the the' src='x.png'>",
    "<span hidden>",
    "<table><tr><td>", "</td></tr></table>", "<title>", "</title>", "<",  ">",
]  # fmt: skip


def documents(markup: list[str]) -> st.SearchStrategy[str]:
    piece = st.sampled_from(PROSE) | st.sampled_from(SPACE)
    if markup:
        piece = piece | st.sampled_from(markup)
    return st.lists(piece, max_size=40).map("".join)


CASES = st.one_of(
    st.tuples(st.just("a.md"), documents(MARKDOWN)),
    st.tuples(st.just("a.mdx"), documents(MDX)),
    st.tuples(st.just("a.html"), documents(HTML)),
    st.tuples(st.just("a.txt"), documents([])),
)
# cases hypothesis once found: two anchors left open, one inside the other, with the same text
NESTED_ANCHORS = ("a.html", "the<a href=\"https://myflixer-to.click\"><a href='https://x.example/'> ")
SPAM_INSIDE_LINK = ("a.html", "<a href='https://x.example/'>the<a href=\"https://myflixer-to.click\">")
_QUOTED_WORD = re.compile(r"^(?:Unknown word “(.+?)”|“(.+?)” is a common misspelling)")


def lint(name: str, text: str) -> tuple[Document, tuple[Finding, ...]]:
    document = Document(name, text)
    result = lint_document(document, PLUGINS.format_for(name), SETTINGS)
    assert result.error is None, result.error
    return document, result.findings


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CASES)
@example(NESTED_ANCHORS)
@example(SPAM_INSIDE_LINK)
def test_findings_lie_inside_the_document_and_name_their_source(case: tuple[str, str]) -> None:
    name, text = case
    document, findings = lint(name, text)
    for finding in findings:
        start, end = finding.span.start, finding.span.end
        assert 0 <= start <= end <= len(text), finding
        for offset in (start, end):
            position = document.position(offset)
            assert document.line_starts[position.line - 1] + position.column - 1 == offset
        if finding.fix:
            for edit in finding.fix.edits:
                assert 0 <= edit.span.start <= edit.span.end <= len(text)
        quoted = _QUOTED_WORD.match(finding.message)
        if finding.rule == "spelling.typo" and quoted:
            assert (quoted.group(1) or quoted.group(2)) == text[start:end]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CASES)
@example(NESTED_ANCHORS)
@example(SPAM_INSIDE_LINK)
def test_fixing_everything_leaves_nothing_fixable_and_is_idempotent(case: tuple[str, str]) -> None:
    name, text = case

    def findings_of(document: Document) -> tuple[Finding, ...]:
        return lint(name, document.text)[1]

    fixed = fix_document(Document(name, text), findings_of, unsafe=True).text
    left = [f for f in findings_of(Document(name, fixed)) if applicable(f, unsafe=True)]
    changing = [
        f for f in left if f.fix and any(fixed[e.span.start : e.span.end] != e.replacement for e in f.fix.edits)
    ]
    assert changing == [], (fixed, changing)
    assert fix_document(Document(name, fixed), findings_of, unsafe=True).text == fixed
