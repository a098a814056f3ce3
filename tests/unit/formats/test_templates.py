"""Template tags keep the Markdown structure around them: the prose beside a Hugo shortcode, a Go
template action, a Liquid, Jinja or Markdoc tag or a leaked WordPress shortcode is checked wherever
the tag stands; paired tags whose content is code are skipped whole; site-specific shortcodes are
configured with ``code-shortcodes`` and ``prose-shortcodes``."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_prose import verbatim_segments_match

from conftest import TESTS, run_cli
from copylint.core.engine import lint_document
from copylint.core.finding import Finding
from copylint.core.prose import PLACEHOLDER, Mask, ProseView, Scope, ViewBuilder
from copylint.core.rule import LintSettings
from copylint.core.source import Document
from copylint.formats.html import HtmlFormat
from copylint.formats.markdown import MarkdownFormat
from copylint.formats.masks import masked_text
from copylint.formats.templates import DEFAULT_SETTINGS, TemplateSettings, template_masks
from copylint.project.plugins import load_plugins

PLUGINS = load_plugins(entry_points=False)
SITES = TESTS / "fixtures" / "templates"  # short MIT excerpts of real sites, each naming its source
P = PLACEHOLDER


def blocks(text: str, settings: TemplateSettings = DEFAULT_SETTINGS, path: str = "a.md") -> list[str]:
    document = Document(path, text)
    view = (HtmlFormat() if path.endswith(".html") else MarkdownFormat()).build_view(document, settings)
    verbatim_segments_match(view, document)
    return [view.text[block.start : block.end] for block in view.blocks]


def findings(text: str, *rule_ids: str, settings: LintSettings | None = None) -> list[Finding]:
    rules = tuple(PLUGINS.rules[rule_id] for rule_id in rule_ids)
    document = Document("a.md", text)
    return list(lint_document(document, PLUGINS.format_for("a.md"), settings or LintSettings(rules=rules)).findings)


def flagged(text: str, *rule_ids: str) -> list[str]:
    return [text[f.span.start : f.span.end] for f in findings(text, *rule_ids)]


@pytest.mark.parametrize(
    ("source", "typo"),
    [
        # a tag opening a line was blanked to spaces: CommonMark read an indented code block
        ('{{< glossary_tooltip text="Pods" term_id="pod" >}} are the smalest units', "smalest"),
        ("{% if x %}Liquid: the smalest units.{% endif %}", "smalest"),
        ("{{ page.title }} is the smalest unit.", "smalest"),
        ("- {{% param x %}} Teh cat sat.", "Teh"),
        ("{{% param x %}} {{< param y >}} the smalest units", "smalest"),
        ("  {{< tab >}}the smalest units{{< /tab >}}", "smalest"),
    ],
)
def test_the_prose_after_a_tag_opening_a_line_is_checked(source: str, typo: str) -> None:
    assert flagged(source + "\n", "spelling.typo") == [typo]


@pytest.mark.parametrize(
    ("source", "prose"),
    [
        ("# {{< param title >}} smalest guide", f"{P} smalest guide"),
        ("| a |\n|---|\n| {{< param x >}} smalest cell |", f"{P} smalest cell"),
        ("> {{< param x >}} smalest quote", f"{P} smalest quote"),
        ("1. {% include step.md %} smalest step", f"{P} smalest step"),
        ("- item\n\n  {{< param x >}} smalest continuation", f"{P} smalest continuation"),
        ("**{{< param x >}}** smalest bold", f"{P} smalest bold"),
        ("Text {{< param x >}}\n{{< param y >}} smalest line", f"Text {P}\n{P} smalest line"),
    ],
)
def test_the_prose_beside_a_tag_is_checked_in_every_block(source: str, prose: str) -> None:
    assert prose in blocks(source)
    assert flagged(source, "spelling.typo") == ["smalest"]


def test_a_tag_keeps_the_scope_of_its_block() -> None:
    view = MarkdownFormat().build_view(Document("a.md", "- {{% param x %}} listed\n\n# {{< param t >}} headed\n"))
    assert view.scope_at(view.text.index("listed")) is Scope.LIST_ITEM
    assert view.scope_at(view.text.index("headed")) is Scope.HEADING


@pytest.mark.parametrize(
    ("source", "prose"),
    [
        # a tag that outputs something reads as one unknown word, never joining its neighbours
        ("Set {{< param x >}} to true.", f"Set {P} to true."),
        ("Use {{ site.url }}/docs and {% link a.md %} or {{% ref b %}}.", f"Use {P}/docs and {P} or {P}."),
        ('Shown {{</* hint "x" */>}} as written.', f"Shown {P} as written."),
        ('Self-closing {% partial file="a.md" /%} tag.', f"Self-closing {P} tag."),
        # a tag that only steers the page leaves nothing, or a space between two words
        ("Shown{% if x %} only{% endif %}.", "Shown only."),
        ("One{% else %}two.", "One two."),
        ("Set {% assign x = 1 %}{{- if .y -}}it{{ end }} now.{# note #}{{/* comment */}}", "Set it now."),
    ],
)
def test_what_stands_for_a_tag(source: str, prose: str) -> None:
    assert blocks(source) == [prose]


@pytest.mark.parametrize(
    "source",
    [
        "The value {{< param x >}} the value.",
        "Set {{< param x >}} {{< param x >}} twice.",
        "The end {{< param x >}}. Then more.",
        "The value is {{< param x >}} .",
        "See {{< param a >}}.{{< param b >}} here.",
        "The the{{< param x >}}.",
    ],
)
def test_a_placeholder_makes_no_repetition_or_spacing_finding(source: str) -> None:
    rules = ("repetition.word", "punctuation.missing-space", "punctuation.space-before", "punctuation.spacing")
    assert [f.rule for f in findings(source, *rules)] == (["repetition.word"] if "the the" in source.lower() else [])


@pytest.mark.parametrize(
    "source",
    [
        "{{< highlight go >}}\nfunc teh() {}\n{{< /highlight >}}",
        '{{< code lang="go" >}}\nfunc teh() {}\n{{< /code >}}',
        "{{< code-toggle file=hugo >}}\n[teh]\nx = 1\n{{< /code-toggle >}}",
        '{{< tabpane >}}\n{{< tab header="Go" >}}\nfunc teh() {}\n{{< /tab >}}\n{{< /tabpane >}}',
        '{{< tab header="Go" lang="go" >}}\nfunc teh() {}\n{{< /tab >}}',
        "{{< card code=true >}}\nlet teh = 1;\n{{< /card >}}",
        "{{< mermaid >}}\ngraph LR\nteh --> b\n{{< /mermaid >}}",
        "{% highlight ruby %}\ndef teh; end\n{% endhighlight %}",
        "{%- comment -%}\nteh draft\n{%- endcomment -%}",
        "{% code %}\nteh()\n{% /code %}",
        '[sourcecode language="python"]\nteh = 1\n[/sourcecode]',
        "Inline {{< katex >}}\\teh(x){{< /katex >}} math.",
    ],
)
def test_paired_tags_that_hold_code_are_skipped(source: str) -> None:
    assert "teh" not in "".join(blocks(source))
    assert "teh" not in "".join(blocks(source.replace("\n", "\n  ")))  # indented, inside a list


@pytest.mark.parametrize(
    "source",
    [
        "{{< hint info >}}\n**Note** teh text.\n{{< /hint >}}",
        '{{% alert title="Warning" color="warning" %}}\nteh text.\n{{% /alert %}}',
        '{{< callout type="info" lang="en" >}}\nteh text.\n{{< /callout >}}',
        "{{< details title=More >}}teh text.{{< /details >}}",
        '{{< tabpane text=true >}}\n{{% tab header="About" %}}\nteh text.\n{{% /tab %}}\n{{< /tabpane >}}',
        "{% callout %}\nteh text.\n{% /callout %}",
        "{% capture note %}\nteh text.\n{% endcapture %}",
        '[caption id="attachment_1" align="alignleft"]<img src="x.jpg"> teh text.[/caption]',
    ],
)
def test_paired_tags_that_hold_prose_are_read_as_markdown(source: str) -> None:
    text = "\n\n".join(blocks(source))
    assert "teh text." in text and not {"{", "}", "[", "]", "=", P} & set(text)
    assert flagged(source, "spelling.typo") == ["teh"]


def test_liquid_raw_shows_its_tags_as_written_and_skips_nothing_else() -> None:
    assert blocks("Use {% raw %}{{ site.url }} and {% if %}{% endraw %} in a smalest layout.") == [
        f"Use {P} and {P} in a smalest layout."
    ]


def test_a_pair_on_lines_of_its_own_is_a_box_of_its_own() -> None:
    source = '{{< tab name="A" >}}Same words here.{{< /tab >}}\n{{< tab name="B" >}}Same words here.{{< /tab >}}\n'
    assert blocks(source) == ["Same words here.", "Same words here."]
    assert blocks("Press {{< kbd >}}Ctrl{{< /kbd >}} now.") == ["Press Ctrl now."]


@pytest.mark.parametrize(
    ("site", "prose", "never"),
    [
        (
            "hextra-tabs.md",
            ["JSON: JavaScript Object Notation", "YAML: YAML is a human-readable", "TOML: TOML aims"],
            ['"hello"', "hello: world"],
        ),
        ("hugo-book-hints.md", ["Default hint\nWithout a specified type.", "Info\nUse for"], ["Markdown content"]),
        ("hugo-geekdoc-katex-mermaid.md", [f"for example {P}, or as display math"], ["infty", "Alice", "Bob"]),
        ("just-the-docs-raw.md", ["Line numbers can", "More code", "Mermaid Diagrams"], ["Some code", "Long, single"]),
    ],
)
def test_real_site_constructs(site: str, prose: list[str], never: list[str]) -> None:
    text = "\n\n".join(blocks((SITES / site).read_text(encoding="utf-8")))
    for kept in prose:
        assert kept in text, kept
    for skipped in never:
        assert skipped not in text, skipped


def test_hugo_link_targets_and_titles_stay_out_of_the_prose() -> None:
    source = 'See [the page]({{< ref "page.md" >}} "Teh Title") and [more]({{< relref "x.md" >}}).\n'
    document = Document("a.md", source)
    view = MarkdownFormat().build_view(document)
    assert view.text == "See the page and more."
    titles = {view.text[link.text.start : link.text.end]: link.title for link in view.links if link.text}
    assert titles == {"the page": "Teh Title", "more": None}
    assert blocks("[api]: /docs/{{< param version >}}/learning/api\n\nText.") == ["Text."]  # a reference definition


@pytest.mark.parametrize(
    ("source", "prose"),
    [
        (
            'Listen [soundcloud url="https://api.soundcloud.com/tracks/1" params="auto_play=false"] now.',
            f"Listen {P} now.",
        ),
        ("Watch [youtube=http://www.youtube.com/watch?v=abc] now.", f"Watch {P} now."),
        ("Watch [youtube http://www.youtube.com/watch?v=abc] now.", f"Watch {P} now."),
        ('See [gallery ids="1,2"] here.', f"See {P} here."),
        ("Embed [embed]https://example.com/v[/embed] here.", "Embed https://example.com/v here."),
        # bracketed prose and Markdown links are not shortcodes
        ("He wrote [sic] and [1] and [see below].", "He wrote [sic] and [1] and [see below]."),
        ("A [link](https://example.com) and [ref][r] here.\n\n[r]: https://example.com", "A link and ref here."),
        ("- [x] done", "[x] done"),
    ],
)
def test_wordpress_shortcodes_are_markup(source: str, prose: str) -> None:
    assert blocks(source)[0] == prose


def test_html_reads_template_tags_the_same_way() -> None:
    source = (
        "<h1>{{ page.title }} guide</h1><p>{% if x %}The smalest units.{% endif %}</p>\n"
        '<img src="a.png" alt="{{ alt }} picture"><p>[youtube=http://x.example/v] and [sic]</p>\n'
        "{% highlight ruby %}\ndef teh; end\n{% endhighlight %}\n"
    )
    assert blocks(source, path="a.html") == [f"{P} guide", "The smalest units.", f"{P} picture", f"{P} and [sic]"]


def test_masked_text_keeps_every_offset_and_the_structure() -> None:
    source = "{% if x %}Line start.\n{% endraw %}```\n  {{< tabs >}}  \n- {{% param x %}} item\n```{% endraw %}\n"
    masks = template_masks(source)
    masked = masked_text(source, masks)
    assert len(masked) == len(source) and masked.count("\n") == source.count("\n")
    lines = masked.split("\n")
    assert lines[0] == P * len("{% if x %}") + "Line start."  # never indentation
    assert lines[1].startswith("```") and not lines[1][3:].strip()  # the fence still closes
    assert not lines[2].strip()  # a tag alone on its line leaves a blank line
    assert lines[3].startswith("- " + P)
    assert lines[4].rstrip() == "```"


def test_fences_glued_to_silent_tags_still_open_and_close() -> None:
    source = (
        "```python{% raw %}\ncode {{ x }}\n{% endraw %}```\n\nThe smalest text.\n\n"
        "```\ncode\n```{% endraw %}\n\nMore.\n"
    )
    assert blocks(source) == ["The smalest text.", "More."]


def test_a_mask_stands_in_once_and_may_end_the_block() -> None:
    text = "one TAG\nTAG two three"
    document = Document("a.txt", text)
    builder = ViewBuilder(document, [Mask(4, 11, P), Mask(15, 16, "", breaks=True)])
    builder.add(0, 8, Scope.TEXT)  # a tag spanning two lines is added line by line
    builder.add(8, len(text), Scope.TEXT)
    view = builder.build()
    assert [view.text[b.start : b.end] for b in view.blocks] == [f"one {P} two", "three"]


def test_unclosed_and_stray_tags_stay_text_or_stand_alone() -> None:
    assert blocks("Curly {{ never closed, and a stray }} here.") == [f"Curly {P} here."]
    assert blocks("An {% endif %} alone and {{< /hint >}} too.") == ["An  alone and  too."]
    assert blocks("Sets {a, b} and {#id} stay.") == ["Sets {a, b} and {#id} stay."]  # no Jinja comment


def test_configured_shortcodes(tmp_path: Path) -> None:
    source = "{{< terminal >}}\nteh command\n{{< /terminal >}}\n\n{{< highlight >}}\nteh prose\n{{< /highlight >}}\n"
    settings = TemplateSettings.from_values({"code-shortcodes": ("Terminal",), "prose-shortcodes": ("highlight",)})
    assert blocks(source) == ["teh command"]
    assert blocks(source, settings) == ["teh prose"]
    assert "highlight" not in settings.code and "terminal" in settings.code and "hint" in settings.prose
    (tmp_path / "a.md").write_text(source, encoding="utf-8")
    (tmp_path / ".copylint.toml").write_text(
        'code-shortcodes = ["terminal"]\nprose-shortcodes = ["highlight"]\n', encoding="utf-8"
    )
    result = run_cli("check", "--no-cache", "--format", "json", "a.md", cwd=tmp_path)
    assert '"line": 6' in result.output and '"line": 2' not in result.output
    assert '"terminal"' in run_cli("config", "a.md", cwd=tmp_path).output


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('code-shortcodes = ["two words"]', "code-shortcodes: 'two words' is not a shortcode or tag name"),
        ("prose-shortcodes = 3", "prose-shortcodes: expected a list of strings, got 3"),
    ],
)
def test_a_wrong_shortcode_list_is_a_one_line_error(tmp_path: Path, body: str, message: str) -> None:
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    (tmp_path / ".copylint.toml").write_text(body + "\n", encoding="utf-8")
    result = run_cli("check", "a.md", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"copylint: error: {tmp_path / '.copylint.toml'}: {message}"]


def test_the_engine_hands_the_configured_shortcodes_to_the_format() -> None:
    source = "{{< terminal >}}\nteh command\n{{< /terminal >}}\n"
    rules = (PLUGINS.rules["spelling.typo"],)
    configured = TemplateSettings.from_values({"code-shortcodes": ("terminal",)})
    assert len(findings(source, "spelling.typo")) == 1
    assert findings(source, settings=LintSettings(rules=rules, family=(configured,))) == []
    assert LintSettings(rules=rules, family=(configured,)).digest != LintSettings(rules=rules).digest


def test_view_is_whole_for_a_view_of_a_tag_spanning_lines() -> None:
    source = 'See {{< figure src="x.png"\n  caption="A" >}} for the smalest detail.\n'
    view: ProseView = MarkdownFormat().build_view(Document("a.md", source))
    assert view.text == f"See {P}\n for the smalest detail."
