"""Rule packs: every shipped and example pack rule's own examples, loading errors, and packs
named in the configuration."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from conftest import ROOT, run_json
from copylint.core.engine import lint_document
from copylint.core.errors import CopylintError
from copylint.core.fixer import apply_fixes
from copylint.core.rule import LintSettings
from copylint.core.source import Document
from copylint.packs.builtin import bundled_packs
from copylint.packs.rule import rule_class
from copylint.packs.schema import load_pack_paths, load_pack_text
from copylint.packs.spec import RuleSpec
from copylint.project.plugins import load_plugins

PLUGINS = load_plugins(entry_points=False)
SPECS = bundled_packs() + load_pack_paths([str(ROOT / "docs" / "examples")])


def lint(spec: RuleSpec, text: str) -> list[str]:
    document = Document("example.md", text)
    result = lint_document(document, PLUGINS.format_for("example.md"), LintSettings(rules=(rule_class(spec),)))
    return [document.text[f.span.start : f.span.end] for f in result.findings]


@pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.rule_id)
def test_pack_rule_examples(spec: RuleSpec) -> None:
    for example in spec.examples_fire:
        assert lint(spec, example), f"{spec.rule_id} should fire on {example!r}"
    for example in spec.examples_quiet:
        assert lint(spec, example) == [], f"{spec.rule_id} should stay quiet on {example!r}"


def test_shipped_packs_are_registered() -> None:
    assert {"redundancy.pleonasm", "compounds.prefix", "compounds.before-noun", "articles.a-an"} <= set(PLUGINS.rules)
    assert "house.email" not in PLUGINS.rules  # the example pack is opt-in


def test_fixes_from_packs() -> None:
    spec = next(s for s in SPECS if s.rule_id == "compounds.before-noun")
    document = Document("a.md", "With a red hot desire and a well known author.\n")
    result = lint_document(document, PLUGINS.format_for("a.md"), LintSettings(rules=(rule_class(spec),)))
    fixed, _ = apply_fixes(document.text, [f.fix for f in result.findings if f.fix])
    assert fixed == "With a red-hot desire and a well-known author.\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("pack: x\nrules: []\n", "rules: expected a list of rules"),
        ("pack: Bad Name\nrules: [{}]\n", "pack: expected a kebab-case name"),
        ("pack: x\nrulez: []\n", "rulez: unknown key; did you mean 'rules'?"),
        (
            "pack: x\nrules:\n- {name: a, kind: existance, message: m}\n",
            "kind: unknown kind 'existance'; did you mean 'existence'?",
        ),
        (
            "pack: x\nrules:\n- {name: a, kind: existence, message: m, tokens: [x], examples: {fire: [x]}}\n",
            "every rule needs examples",
        ),
        (
            "pack: x\nrules:\n- {name: a, kind: existence, messgae: m}\n",
            "messgae: unknown key; did you mean 'message'?",
        ),
        (
            "pack: x\nrules:\n- {name: a, kind: existence, message: m, tokens: ['(a+)+b'],"
            " examples: {fire: [a], quiet: [b]}}\n",
            "could run for ever",
        ),
        (
            "pack: x\nrules:\n- {name: a, kind: existence, message: m, tokens: ['(ab'],"
            " examples: {fire: [a], quiet: [b]}}\n",
            "invalid pattern",
        ),
        ("pack: [\n", "invalid YAML"),
        (
            "pack: x\nrules:\n- {name: a, kind: substitution, message: m, swap: {'(?P<s1>x)': y, z: w},"
            " examples: {fire: [x], quiet: [b]}}\n",
            "the rule's patterns do not combine",
        ),
    ],
)
def test_loading_errors_name_the_file_rule_and_key(text: str, message: str) -> None:
    with pytest.raises(CopylintError, match="pack.yml") as error:
        load_pack_text(text, "pack.yml")
    assert message in str(error.value)


def test_packs_named_in_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "house.yml").write_text(
        (ROOT / "docs" / "examples" / "house.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / ".copylint.toml").write_text('packs = ["house.yml"]\nselect = ["house"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("# A Title In Title Case\n\nWe utilize e-mail.\n", encoding="utf-8")
    code, payload = run_json("a.md", cwd=tmp_path)
    assert [f["rule"] for f in payload["findings"]] == ["house.headings", "house.no-utilize", "house.email"]
    assert payload["findings"][2]["suggestions"] == ["email"]


def test_front_matter_scope_reports_and_fixes_at_the_source() -> None:
    spec = next(s for s in SPECS if s.rule_id == "house.email")
    document = Document("a.md", "---\ntitle: Our e-mail policy\ntags: [web site]\n---\n\nSend an e-mail.\n")
    result = lint_document(document, PLUGINS.format_for("a.md"), LintSettings(rules=(rule_class(spec),)))
    spans = [document.text[f.span.start : f.span.end] for f in result.findings]
    assert spans == ["e-mail", "web site", "e-mail"]
    fixed, _ = apply_fixes(document.text, [f.fix for f in result.findings if f.fix])
    assert fixed == "---\ntitle: Our email policy\ntags: [website]\n---\n\nSend an email.\n"


def test_pack_rules_find_the_same_alone_and_sharing_one_word_index() -> None:
    """Run together, pack rules share one index of the words their triggers name; each must find
    what it finds alone (its own index) and what a whole-text search finds."""
    text = (
        "A well known author wrote a full time job ad for a 12 month, non professional role.\n\n"
        "It was, in the end result, a red hot and well received brand new idea, the true facts say.\n"
    )
    together = LintSettings(rules=tuple(rule_class(spec) for spec in SPECS))
    document = Document("a.md", text)
    shared = lint_document(document, PLUGINS.format_for("a.md"), together).findings
    alone = [finding for spec in SPECS for finding in _findings(spec, document)]
    key = lambda finding: (finding.rule, finding.span.start, finding.span.end)  # noqa: E731
    assert sorted(map(key, shared)) == sorted(map(key, alone))
    assert {finding.rule for finding in shared} >= {"compounds.before-noun", "compounds.prefix", "redundancy.pleonasm"}


def _findings(spec: RuleSpec, document: Document) -> list:  # type: ignore[type-arg]
    settings = LintSettings(rules=(rule_class(spec),))
    return list(lint_document(document, PLUGINS.format_for(document.path), settings).findings)


def test_bundled_pack_patterns_compile_only_when_a_document_needs_them() -> None:
    """The data cache holds pattern sources, not compiled patterns (compiling them all took 7 ms of
    every start); a rule compiles its own the first time it looks at a document."""
    specs = pickle.loads(pickle.dumps(SPECS))
    assert all("compiled" not in spec.__dict__ for spec in specs)
    spec = next(s for s in specs if s.rule_id == "compounds.before-noun")
    document = Document("a.md", "With a red hot desire.\n")
    result = lint_document(document, PLUGINS.format_for("a.md"), LintSettings(rules=(rule_class(spec),)))
    assert [finding.rule for finding in result.findings] == ["compounds.before-noun"]
    assert "compiled" in spec.__dict__
