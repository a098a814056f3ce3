"""The shipped compounds pack on the constructs issue 21 found it wrong on: Latin placeholder text
("non proident"), numbers with thousands separators ("300,000 page views"), verb phrases ("cut and
paste the code"), and the pack key that keeps a rule to English (``english-only``)."""

from __future__ import annotations

import pytest

from copylint.core.engine import lint_document
from copylint.core.errors import CopylintError
from copylint.core.fixer import apply_fixes
from copylint.core.rule import LintSettings
from copylint.core.source import Document
from copylint.packs.builtin import bundled_packs
from copylint.packs.rule import rule_class
from copylint.packs.schema import load_pack_text
from copylint.packs.spec import RuleSpec
from copylint.project.plugins import load_plugins

PLUGINS = load_plugins(entry_points=False)
SPECS = {spec.rule_id: spec for spec in bundled_packs()}
LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Excepteur sint occaecat cupidatat non proident,"
    " sunt in culpa qui officia deserunt mollit anim id est laborum.\n\nNeque porro quisquam est, qui dolorem"
    " ipsum quia dolor sit amet, sed quia non numquam eius modi tempora incidunt."
)


def found(spec: RuleSpec, text: str) -> list[str]:
    document = Document("example.md", text)
    result = lint_document(document, PLUGINS.format_for("example.md"), LintSettings(rules=(rule_class(spec),)))
    return [document.text[f.span.start : f.span.end] for f in result.findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He used non professional actors. She is self employed.", ["non professional", "self employed"]),
        (LOREM, []),
        # English around the Latin is still read, even in the same sentence as a French phrase
        (
            "Their non profit partners, as the French say, travaillent avec nous; the non profit sector grew.",
            ["non profit", "non profit"],
        ),
    ],
)
def test_prefix_reads_english_only(text: str, expected: list[str]) -> None:
    assert found(SPECS["compounds.prefix"], text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She took a full time job with a 35 hour week at a brand new firm.",
            ["full time", "35 hour", "brand new"],
        ),
        # a number with thousands separators counts the noun after it; its last group is no modifier
        ("The site had 300,000 page views last month and 12,000 page loads a day.", []),
        # verb phrases
        ("You can cut and paste code from the examples. Please cut and paste your key here.", []),
        ("We need to follow up any lead, and cut and paste the code.", []),
        ("Use the cut and paste method. Schedule any follow up sessions.", ["cut and paste", "follow up"]),
        # adverbial phrases, and a measure phrase before a comparative
        ("We fix it in real time during the call. I was working full time from home.", []),
        ("The new case is a good two pound heavier.", []),
    ],
)
def test_before_noun_is_a_modifier_before_a_noun(text: str, expected: list[str]) -> None:
    assert found(SPECS["compounds.before-noun"], text) == expected


def test_before_noun_fix_keeps_the_sentence() -> None:
    document = Document("a.md", "She took a full time job with a 35 hour week.\n")
    spec = SPECS["compounds.before-noun"]
    result = lint_document(document, PLUGINS.format_for("a.md"), LintSettings(rules=(rule_class(spec),)))
    assert apply_fixes(document.text, [f.fix for f in result.findings if f.fix])[0] == (
        "She took a full-time job with a 35-hour week.\n"
    )


PACK = """pack: house
rules:
  - name: est
    kind: existence
    message: "Avoid “{match}”."
    english-only: %s
    tokens: [est]
    examples:
      fire: ["It is the best est."]
      quiet: ["It is the best."]
"""


def test_english_only_is_a_key_packs_may_set() -> None:
    latin = "Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet."
    (english_only,) = load_pack_text(PACK % "true", "house.yml")
    (anywhere,) = load_pack_text(PACK % "false", "house.yml")
    assert found(english_only, latin) == [] and found(anywhere, latin) == ["est"]
    assert found(english_only, "The word est is an abbreviation of established, not a word.") == ["est"]
    with pytest.raises(CopylintError, match="english-only: expected true or false"):
        load_pack_text(PACK % "sometimes", "house.yml")
