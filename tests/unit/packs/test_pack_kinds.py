"""The one engine behind packs and Vale styles: each rule kind on a small rule, written as a
copylint pack and (for every kind) as a Vale style, run on the same document; the casing
standards; Vale's messages, scopes and literal replacements as data; and the errors for Vale rules
copylint cannot read."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from conftest import MICROSOFT
from copylint.core.engine import lint_document
from copylint.core.errors import CopylintError
from copylint.core.finding import Finding
from copylint.core.fixer import apply_fixes
from copylint.core.rule import LintSettings, Rule
from copylint.core.source import Document
from copylint.packs.casing import STANDARDS, Casing
from copylint.packs.kinds import KINDS
from copylint.packs.rule import rule_class
from copylint.packs.schema import load_pack_text
from copylint.packs.spec import Case, Exceptions, Kind, RuleSpec
from copylint.packs.vale import load_vale
from copylint.project.plugins import load_plugins

PLUGINS = load_plugins(entry_points=False)


def pack_rule(rule: str) -> type[Rule]:
    """The one rule of a pack ``house`` whose rule is the YAML mapping ``rule``."""
    text = "pack: house\nrules:\n  - name: r\n    examples: {fire: [x], quiet: [y]}\n" + "".join(
        f"    {line}\n" for line in rule.strip().splitlines()
    )
    (spec,) = load_pack_text(text, "house.yml")
    return rule_class(spec)


def vale_rule(tmp_path: Path, definition: str) -> type[Rule]:
    """The one rule ``Test.Rule`` of a Vale style whose file is ``definition``."""
    style = tmp_path / "styles" / "Test"
    style.mkdir(parents=True, exist_ok=True)
    (style / "Rule.yml").write_text(definition, encoding="utf-8")
    (tmp_path / "vale.ini").write_text("StylesPath = styles\n[*.md]\nBasedOnStyles = Test\n", encoding="utf-8")
    setup = load_vale(str(tmp_path / "vale.ini"))
    assert list(setup.rules) == ["vale.test.rule"], setup.skipped
    return setup.rules["vale.test.rule"]


def lint(rule: type[Rule], text: str) -> list[Finding]:
    document = Document("a.md", text)
    result = lint_document(document, PLUGINS.format_for("a.md"), LintSettings(rules=(rule,)))
    assert result.error is None, result.error
    return list(result.findings)


def seen(rule: type[Rule], text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """Each finding's text, message and suggestions."""
    return [(text[f.span.start : f.span.end], f.message, f.suggestions) for f in lint(rule, text)]


def fixed(rule: type[Rule], text: str) -> str:
    return apply_fixes(text, [finding.fix for finding in lint(rule, text) if finding.fix])[0]


def test_every_kind_has_one_implementation() -> None:
    assert set(KINDS) == set(Kind)


def test_existence_from_both_front_ends(tmp_path: Path) -> None:
    text = "# Utilize it\n\nWe utilize it. Utilized, not UTILIZE.\n"
    pack = pack_rule("kind: existence\nmessage: 'Avoid {match}.'\ntokens: ['utiliz(?:e|ed)']\nexceptions: [utilized]")
    assert seen(pack, text) == [("utilize", "Avoid utilize.", ()), ("UTILIZE", "Avoid UTILIZE.", ())]
    vale = vale_rule(tmp_path, "extends: existence\nmessage: \"No '%s'.\"\ntokens: ['utiliz(?:e|ed)']\n")
    assert seen(vale, text) == [("utilize", "No 'utilize'.", ())]  # in every block, but in its case only


def test_vale_exceptions_are_exact_and_a_pack_ignores_case(tmp_path: Path) -> None:
    text = "Acme and ACME and acme.\n"
    pack = pack_rule("kind: existence\nmessage: '{match}'\ntokens: [acme]\nexceptions: [Acme]")
    assert seen(pack, text) == []
    vale = vale_rule(
        tmp_path, "extends: existence\nmessage: '%s'\nignorecase: true\ntokens: [acme]\nexceptions: [Acme]\n"
    )
    assert [found for found, _, _ in seen(vale, text)] == ["ACME", "acme"]


def test_substitution_from_both_front_ends(tmp_path: Path) -> None:
    text = "Send an E-mail from the web site.\n"
    pack = pack_rule(
        "kind: substitution\nmessage: 'Write {suggestion}, not {match}.'\nfix: safe\n"
        "swap: {'e-mail': email, '(web) (site)': '\\1\\2'}"
    )
    assert seen(pack, text) == [
        ("E-mail", "Write Email, not E-mail.", ("Email",)),
        ("web site", "Write website, not web site.", ("website",)),
    ]
    assert fixed(pack, text) == "Send an Email from the website.\n"
    assert {finding.fix.title for finding in lint(pack, text) if finding.fix} == {
        "Replace with “Email”",
        "Replace with “website”",
    }
    vale = vale_rule(
        tmp_path,
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\n"
        "swap:\n  e-?mail: email|e-mail\n  '(web) (site)': '\\1\\2'\n",
    )
    assert seen(vale, text) == [
        ("E-mail", "Use 'Email' instead of 'E-mail'.", ("Email",)),
        ("web site", "Use '\\1\\2' instead of 'web site'.", ("\\1\\2",)),  # Vale's replacements are plain text
    ]
    assert {finding.fix.title for finding in lint(vale, text) if finding.fix} == {""}


def test_a_vale_replacement_fits_a_match_that_needs_its_context(tmp_path: Path) -> None:
    vale = vale_rule(tmp_path, "extends: substitution\nmessage: '%s'\nswap:\n  '(?<=the )colour': color\n")
    assert seen(vale, "Not colour, but the colour.\n") == [("colour", "color", ("color",))]


def test_consistency_from_both_front_ends(tmp_path: Path) -> None:
    text = "The color, the colour, the color. Gray and grey.\n"
    pack = pack_rule(
        "kind: consistency\nmessage: '{match}: mostly {other}, so {suggestion}.'\nfix: unsafe\n"
        "either: {color: colour, gray: grey}"
    )
    assert seen(pack, text) == [
        ("colour", "colour: mostly color, so color.", ("color",)),
        ("grey", "grey: mostly Gray, so gray.", ("gray",)),  # on a tie, the second spelling is reported
    ]
    assert fixed(pack, text) == "The color, the color, the color. Gray and gray.\n"
    vale = vale_rule(
        tmp_path,
        "extends: consistency\nmessage: \"'%s' again.\"\nignorecase: true\neither:\n  color: colour\n  gray: grey\n",
    )
    assert seen(vale, text) == [("colour", "'colour' again.", ()), ("grey", "'grey' again.", ())]
    assert [finding.fix for finding in lint(vale, text)] == [None, None]


def test_vale_consistency_searches_each_side_alone(tmp_path: Path) -> None:
    """Vale's sides may overlap: each is searched on its own, so a word can count for both."""
    vale = vale_rule(tmp_path, "extends: consistency\nmessage: '%s'\neither:\n  'colou?r': colour\n")
    assert [found for found, _, _ in seen(vale, "color colour color\n")] == ["colour"]


def test_capitalization_from_both_front_ends(tmp_path: Path) -> None:
    text = "# A Heading In Title Case\n\n# Why Anora matters\n\nAnora is a film.\n"
    pack = pack_rule("kind: capitalization\nmessage: 'Sentence case: {suggestion}'\nmatch: sentence\nscope: [heading]")
    assert seen(pack, text) == [
        ("A Heading In Title Case", "Sentence case: A heading in title case", ("A heading in title case",))
    ]
    vale = vale_rule(tmp_path, "extends: capitalization\nmessage: \"'%s' in sentence case\"\nscope: heading\n")
    assert seen(vale, text) == [  # Vale knows no names from the body
        ("A Heading In Title Case", "'A Heading In Title Case' in sentence case", ()),
        ("Why Anora matters", "'Why Anora matters' in sentence case", ()),
    ]


@pytest.mark.parametrize(
    ("case", "heading", "expected"),
    [
        (Case.TITLE, "Over the top", "Over the Top"),
        (Case.TITLE, "Lines per File", None),
        (Case.SENTENCE, "Why Anora Matters", "Why Anora matters"),
        (Case.VALE_TITLE, "Lines per File", None),  # the small words are copylint's
        (Case.VALE_TITLE, "Lines Of The file", ""),
        (Case.VALE_TITLE, "Lines Of The File", None),  # Vale also lets a capitalised small word pass
        (Case.VALE_SENTENCE, "8. Do step eight", None),
        (Case.VALE_SENTENCE, "Find the thief: Introduction", None),
        (Case.VALE_SENTENCE, "Find the thief: introduction", ""),
        (Case.VALE_SENTENCE, "Use the Azure CLI", None),
        (Case.VALE_SENTENCE, "Use the Other CLI", ""),
        (Case.LOWER, "all lower", None),
        (Case.LOWER, "Not Lower", "not lower"),
        (Case.UPPER, "NOT UPPER?", None),
        (Case.UPPER, "not upper", "NOT UPPER"),
    ],
)
def test_casing_standards(case: Case, heading: str, expected: str | None) -> None:
    casing = Casing(names=frozenset({"Anora"}), exceptions=Exceptions(frozenset({"Azure", "CLI"})), indicators=(":",))
    assert STANDARDS[case](heading, casing) == expected


def test_vale_occurrence_counts_in_each_unit(tmp_path: Path) -> None:
    text = "One two three four. One two.\n\nOne.\n"
    most = vale_rule(
        tmp_path, "extends: occurrence\nmessage: '%s words'\nscope: sentence\nmax: 3\ntoken: \\b(\\w+)\\b\n"
    )
    assert seen(most, text) == [("One", "4 words", ())]  # Vale reports a unit at its first match
    least = vale_rule(tmp_path, "extends: occurrence\nmessage: 'only %s'\nscope: paragraph\nmin: 3\ntoken: '\\w+'\n")
    assert seen(least, text) == [("One", "only 1", ())]


def test_vale_repetition_within_a_unit(tmp_path: Path) -> None:
    vale = vale_rule(tmp_path, "extends: repetition\nmessage: \"'%s' twice\"\nignorecase: true\ntokens: ['[^\\s]+']\n")
    assert seen(vale, "It is is the The end\n\nend of it.\n") == [
        ("is is", "'is' twice", ()),
        ("the The", "'The' twice", ()),
    ]


def test_vale_conditional_reports_what_is_never_defined(tmp_path: Path) -> None:
    vale = vale_rule(
        tmp_path,
        "extends: conditional\nmessage: \"'%s' has no definition.\"\nfirst: '\\b([A-Z]{3,5})\\b'\n"
        "second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\nexceptions: [API]\n",
    )
    text = "The World Health Organization (WHO) and WHO, the API and NASA.\n"
    assert seen(vale, text) == [("NASA", "'NASA' has no definition.", ())]


def test_vale_messages_keep_their_braces_and_fill_percent_s_in_turn(tmp_path: Path) -> None:
    vale = vale_rule(tmp_path, "extends: existence\nmessage: \"'%s' {sic} %s\"\ntokens: [utilize]\n")
    assert seen(vale, "We utilize it.\n") == [("utilize", "'utilize' {sic} %s", ())]


def test_vale_patterns_in_go_syntax_are_translated(tmp_path: Path) -> None:
    vale = vale_rule(tmp_path, "extends: existence\nmessage: '%s'\ntokens: ['\\p{L}+ly']\n")
    assert [found for found, _, _ in seen(vale, "It ran quickly, not 2ly.\n")] == ["quickly"]


def test_the_microsoft_style_loads_whole_and_its_sentence_length_rule_runs(tmp_path: Path) -> None:
    """The occurrence rule's ``token`` was once read as a list of one-character tokens, and refused."""
    (tmp_path / "vale.ini").write_text(
        f"StylesPath = {MICROSOFT}\n[*.md]\nBasedOnStyles = Microsoft\n", encoding="utf-8"
    )
    setup = load_vale(str(tmp_path / "vale.ini"))
    assert setup.skipped == {} and len(setup.rules) == 40
    long = " ".join(["Word"] + ["word"] * 30) + "."
    text = f"A short one. {long}\n"
    assert seen(setup.rules["vale.microsoft.sentence-length"], text) == [
        ("Word", "Try to keep sentences short (< 30 words).", ())
    ]


@pytest.mark.parametrize(
    ("definition", "message"),
    [
        ("- a\n- b\n", "Rule.yml: cannot read Vale rule (expected a mapping"),
        ("extends: conditional\nmessage: x\nfirst: a\n", "Rule.yml: first/second: a conditional rule needs both"),
        ("extends: substitution\nmessage: x\nswap: [a, b]\n", "Rule.yml: swap: expected a mapping, got ['a', 'b']"),
        ("extends: consistency\nmessage: x\neither: [a]\n", "Rule.yml: either: expected a mapping"),
        ("extends: occurrence\nmessage: x\nmax: many\ntoken: a\n", "Rule.yml: max: expected a number, got 'many'"),
    ],
)
def test_a_vale_rule_copylint_cannot_read_is_an_error_naming_its_file(
    tmp_path: Path, definition: str, message: str
) -> None:
    with pytest.raises(CopylintError, match="Rule.yml") as error:
        vale_rule(tmp_path, definition)
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("definition", "reason"),
    [
        ("extends: existence\nmessage: x\ntokens: ['(a+)+b']\n", "a pattern that could run for ever"),
        (
            "extends: consistency\nmessage: x\neither:\n  '(a': b\n",
            "a pattern neither Python's re nor the regex package can compile",
        ),
        ("extends: sequence\nmessage: x\n", "needs part-of-speech tagging"),
    ],
)
def test_a_vale_rule_copylint_cannot_run_is_skipped_with_the_reason(
    tmp_path: Path, definition: str, reason: str
) -> None:
    style = tmp_path / "styles" / "Test"
    style.mkdir(parents=True)
    (style / "Rule.yml").write_text(definition, encoding="utf-8")
    (tmp_path / "vale.ini").write_text("StylesPath = styles\n[*.md]\nBasedOnStyles = Test\n", encoding="utf-8")
    setup = load_vale(str(tmp_path / "vale.ini"))
    assert setup.rules == {} and reason in setup.skipped["Test.Rule"]


def test_specs_from_both_front_ends_pickle_without_compiled_patterns(tmp_path: Path) -> None:
    vale = vale_rule(tmp_path, "extends: substitution\nmessage: '%s'\nswap:\n  utilise: utilize\n")
    pack = pack_rule("kind: existence\nmessage: m\ntokens: [utilize]")
    for rule in (vale, pack):
        spec: RuleSpec = rule.spec  # type: ignore[attr-defined]
        spec.compiled  # noqa: B018 - compiled now
        copy = pickle.loads(pickle.dumps(spec))
        assert "compiled" not in copy.__dict__ and copy == spec
