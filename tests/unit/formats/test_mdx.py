"""MDX: ESM statements, JSX elements with their props, and expressions are markup; the Markdown
between a component's tags is prose, read as Markdown, with exact offsets; indentation never makes
code; ``.mdx`` files get this format."""

from __future__ import annotations

import pytest
from test_prose import verbatim_segments_match

from copylint.core.engine import lint_document
from copylint.core.prose import PLACEHOLDER, ProseView
from copylint.core.rule import LintSettings
from copylint.core.source import Document, Span
from copylint.formats.mdx import MdxFormat
from copylint.project.plugins import load_plugins

PLUGINS = load_plugins(entry_points=False)


def mdx(text: str) -> ProseView:
    document = Document("a.mdx", text)
    view = MdxFormat().build_view(document)
    verbatim_segments_match(view, document)
    return view


@pytest.mark.parametrize(
    ("source", "prose"),
    [
        # ESM: one line or several, and an export with braces and a blank line inside them
        ("import { Tabs, TabItem } from '@astrojs/starlight/components';\n\nText.", "Text."),
        ("import {\n  Card,\n  LinkCard,\n} from '@astrojs/starlight/components';\n\nText.", "Text."),
        ("export const meta = {\n  a: 1,\n\n  b: 'x }',\n};\n\nText.", "Text."),
        ("---\ntitle: T\n---\n\nimport X from 'x'\n\n# Title", "Title"),
        # JSX elements and their props, on lines of their own
        ('<Tabs groupId="x">\n  <TabItem value="a" label="Label">\n\nTab text.\n\n  </TabItem>\n</Tabs>', "Tab text."),
        ('<Card title="A title" icon="star" />\n\nAfter.', "After."),
        ('<Card\n  title="Multi"\n  icon={icons.x}\n  onClick={() => a > b}\n/>\n\nAfter.', "After."),
        ('<CommandTabs\n  npm="npm run tauri build -- --no-bundle\n# a comment,dmg"\n/>\n\nAfter.', "After."),
        ("<>\n\nIn a fragment.\n\n</>", "In a fragment."),
        ("<Foo {...props} bar={{ a: '}' }} />\n\nAfter.", "After."),
        # expressions and comments
        ("{/* TODO: a comment */}\n{/* another */}\n\nText.", "Text."),
        ("Text with {props.value} and {/* hidden */} done.", f"Text with {PLACEHOLDER} and  done."),
        ("## Heading {#custom-id}", "Heading "),
        # Markdown inside JSX children is prose, and inline components are markup
        ('<Aside type="tip">Teh aside text</Aside>', "Teh aside text"),
        ('Click <Icon name="x" /> here.', "Click  here."),
        ("<TabItem label=\"npm\">\n\n  Some **bold** text.\n\n</TabItem>", "Some bold text."),
        # indentation makes no code: an indented paragraph is prose, an indented fence is code
        ("<Steps>\n\n1. Step\n\n        Deeply indented prose.\n\n    ```js\n    const x = 1;\n    ```\n\n</Steps>",
         "Step\n\nDeeply indented prose."),
        # elements that hold code
        ("<pre>\nconst x = 1;\n</pre>\n\nAfter.", "After."),
        ("Use <code>x y</code> here.", f"Use {PLACEHOLDER} here."),
        # template tags are no template language here
        ("<Code code={{ a: 1 }} lang=\"js\" />\n\nAfter.", "After."),
    ],
)  # fmt: skip
def test_jsx_and_esm_are_markup(source: str, prose: str) -> None:
    assert mdx(source).text == prose


@pytest.mark.parametrize(
    ("source", "prose"),
    [
        ("Important: the export of data is slow.", "Important: the export of data is slow."),
        ("Imports and exports grew.", "Imports and exports grew."),
        ("It is 3 < 4 and 5 > 4.", "It is 3 < 4 and 5 > 4."),
        ("A <https://example.com> link.", f"A {PLACEHOLDER} link."),
        ("Price is $5 and <b>bold</b> {x}.", f"Price is $5 and bold {PLACEHOLDER}."),
    ],
)
def test_prose_that_looks_like_mdx_stays(source: str, prose: str) -> None:
    assert mdx(source).text == prose


def test_html_links_stay_links() -> None:
    view = mdx('A <a href="https://example.com">link</a> here.')
    assert [link.url for link in view.links] == ["https://example.com"]
    assert view.text == "A link here."


def test_a_typo_inside_a_component_is_reported_where_it_is() -> None:
    source = "import { Aside } from 'x';\n\n<Aside type=\"tip\">Teh text</Aside>\n"
    document = Document("a.mdx", source)
    result = lint_document(document, MdxFormat(), LintSettings(rules=tuple(PLUGINS.rules.values())))
    typos = [finding for finding in result.findings if finding.rule.startswith("spelling")]
    assert [(document.text[f.span.start : f.span.end], f.span.start) for f in typos] == [("Teh", source.index("Teh"))]


def test_mdx_files_get_the_mdx_format() -> None:
    assert PLUGINS.format_for("docs/page.mdx").name == "mdx"
    assert PLUGINS.format_for("docs/PAGE.MDX").name == "mdx"
    assert "*.mdx" in PLUGINS.default_include()


def test_offsets_map_back_through_jsx() -> None:
    source = '<Tabs>\n  <TabItem label="a">\n\n  Deep teh word.\n\n  </TabItem>\n</Tabs>\n'
    view = mdx(source)
    start = view.text.index("teh")
    assert view.to_source(Span(start, start + 3)).start == source.index("teh")


@pytest.mark.parametrize("unit", ["{ text\n", '<Foo a="x\n', "export const x = {\n", "a { b ", "<Card title={\n\n"])
def test_unclosed_javascript_is_read_as_text(unit: str) -> None:
    # every later brace in the same stretch is known to be unclosed too: the scan stays linear
    view = mdx("Intro.\n\n" + unit * 2000)
    assert view.text.startswith("Intro.")
