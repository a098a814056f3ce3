"""Random markup soup (seeded, so failures reproduce): extraction never raises, verbatim segments
equal the source, and every span stays inside the document."""

from __future__ import annotations

import random

import pytest

from copylint.core.engine import lint_document
from copylint.core.rule import LintSettings
from copylint.core.source import Document
from copylint.project.plugins import load_plugins

PLUGINS = load_plugins(entry_points=False)
PIECES = [*"<>/!-[]()*_`\\&;#\"'= \n\r\tab", "the the ", "a a", "<!--", "-->", "<![CDATA[", "]]>", "<![",
          "<a href=", "</a>", "```", "> ", "- ", "| ", "&amp;", "&#x41;", "{{", "}}", "{%", "%}", "---\n",
          "\u00a0", "\u00a0\n", "👍", "e\u0301", "[x]: /u\n", "![", "](", "<http://a.b>", "    ", "1. ", "# ",
          "===\n", "|---|\n", "<p>", "</p>", "<pre>", "<img alt='x &amp; y'>", "<!doctype", "<?x", "<script>",
          "</script>", "\t- ", "  - ", "> > ", "$", "$$", ":tada:", "{: .x}", "{#id}", "\\(", "\\)", "\\[",
          "\\]", "\\alpha", "<kbd>", "</kbd>", "<tt>", "j(at)a", "[dot]g"]  # fmt: skip


@pytest.mark.parametrize("name", ["a.md", "a.html", "a.txt"])
@pytest.mark.parametrize("seed", range(4))
def test_random_markup_keeps_the_invariants(name: str, seed: int) -> None:
    generator = random.Random(seed)
    document_format = PLUGINS.format_for(name)
    settings = LintSettings(rules=tuple(PLUGINS.rules.values()))
    for _ in range(300):
        text = "".join(generator.choice(PIECES) for _ in range(generator.randint(0, 100)))
        document = Document(name, text)
        view = document_format.build_view(document)
        for segment in view.segments:
            assert 0 <= segment.source_start <= segment.source_end <= len(text), (text, segment)
            if segment.verbatim:
                assert (
                    text[segment.source_start : segment.source_end]
                    == view.text[segment.prose_start : segment.prose_end]
                ), (text, segment)
        result = lint_document(document, document_format, settings)
        assert result.error is None
        for finding in result.findings:
            assert 0 <= finding.span.start <= finding.span.end <= len(text)
            if finding.fix:
                for edit in finding.fix.edits:
                    assert finding.span.start <= edit.span.start <= edit.span.end <= finding.span.end
