"""Every registered rule is documented, exemplified and listed in the README's rule table.

The rules are those ``load_plugins(entry_points=False)`` registers: the built-in rules and the
bundled pack rules. A built-in rule's class docstring is its ``copylint explain`` text and needs
example cases in ``tests/rules/cases/``; a pack rule is documented and exemplified by its YAML.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
from types import ModuleType

import pytest

from conftest import ROOT, RULE_CASES
from copylint.core.finding import Category
from copylint.core.rule import Rule
from copylint.packs.rule import PackRule
from copylint.project.plugins import load_plugins

PLUGINS = load_plugins(entry_points=False)
BUILTIN = [rule for rule in PLUGINS.rules.values() if not issubclass(rule, PackRule)]
PACKED = [rule for rule in PLUGINS.rules.values() if issubclass(rule, PackRule)]
SECTIONS = ("What it does:", "Why:", "Example:", "Fix safety:")


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("rules_table", ROOT / "scripts" / "rules_table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RULES_TABLE = _script()


def test_the_registry_holds_builtin_and_pack_rules() -> None:
    assert len(BUILTIN) >= 23 and len(PACKED) >= 3
    assert {"repetition.word", "style.quote-style", "languagetool.check"} <= {rule.id for rule in BUILTIN}
    assert {"compounds.prefix", "redundancy.pleonasm"} <= {rule.id for rule in PACKED}


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda rule: rule.id)
def test_builtin_rule_has_cases(rule: type[Rule]) -> None:
    path = RULE_CASES / f"{rule.id}.toml"
    assert path.is_file(), f"{rule.id} has no example cases: write {path.relative_to(ROOT)}"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["rule"] == rule.id
    assert data["case"], f"{path.name} has no [[case]]"


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda rule: rule.id)
def test_builtin_rule_lives_in_the_module_of_its_family(rule: type[Rule]) -> None:
    family = rule.id.split(".")[0].replace("-", "")
    assert rule.__module__.split(".")[:3] == ["copylint", "rules", family], rule.__module__


def test_every_case_file_names_a_registered_builtin_rule() -> None:
    names = {path.stem for path in RULE_CASES.glob("*.toml")}
    assert names <= {rule.id for rule in BUILTIN}, names - {rule.id for rule in BUILTIN}


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda rule: rule.id)
def test_builtin_rule_documentation_has_the_four_sections_in_order(rule: type[Rule]) -> None:
    summary, *paragraphs = rule.documentation().split("\n\n")
    assert summary.strip() and not summary.startswith(SECTIONS), f"{rule.id}: the first line is the summary"
    starts = [next((p for p in paragraphs if p.startswith(section)), None) for section in SECTIONS]
    missing = [section for section, paragraph in zip(SECTIONS, starts, strict=True) if paragraph is None]
    assert not missing, f"{rule.id}'s docstring lacks a paragraph starting with {missing}"
    order = [paragraphs.index(paragraph) for paragraph in starts if paragraph is not None]
    assert order == sorted(order), f"{rule.id}: the sections go {', '.join(SECTIONS)}"


@pytest.mark.parametrize("rule", PACKED, ids=lambda rule: rule.id)
def test_pack_rule_has_a_description_and_examples(rule: type[PackRule]) -> None:
    spec = rule.spec
    assert spec.description.strip(), f"{rule.id}: give the rule a description in its pack"
    assert rule.documentation().startswith(spec.description.strip())
    assert spec.examples_fire and spec.examples_quiet, f"{rule.id}: the pack needs fire and quiet examples"


def test_the_readme_lists_exactly_the_registered_rules() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = RULES_TABLE.readme_table(readme).splitlines()[2:]
    listed = {}
    for row in rows:
        cells = [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row)[1:-1]]
        listed[cells[0].strip("`")] = tuple(cells[1:])
    assert sorted(listed) == sorted(PLUGINS.rules), "the README's ## Rules table lists other rules"
    for rule in PLUGINS.rules.values():
        fix = "yes" if rule.fixable else "-"
        expected = (rule.category.value, rule.default_severity.value, fix, rule.summary())
        assert listed[rule.id] == expected, rule.id


def test_the_readme_table_is_the_generated_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert RULES_TABLE.readme_table(readme) == RULES_TABLE.rules_table(PLUGINS), (
        "README.md's rule table has drifted: run python scripts/rules_table.py --write"
    )


def test_the_table_replaces_only_itself() -> None:
    readme = "# X\n\n## Rules\n\nIntro.\n\n| a |\n|---|\n| old |\n\nAfter.\n\n## Next\n\n| keep |\n"
    table = "| a |\n|---|\n| new |\n"
    assert RULES_TABLE.with_table(readme, table) == readme.replace("| old |", "| new |")
    assert RULES_TABLE.readme_table(RULES_TABLE.with_table(readme, table)) == table


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
