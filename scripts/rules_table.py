"""Print the README's rule table from the rule registry: every built-in rule and bundled pack rule
with its category, default severity, whether it has a fix, and its one-line summary.

``python scripts/rules_table.py`` prints the table; ``--write`` puts it in README.md's ``## Rules``
section in place of the table there. ``tests/rules/test_registry.py`` fails when the two differ.
"""

from __future__ import annotations

import sys
from pathlib import Path

from copylint.project.plugins import PluginSet, load_plugins

README = Path(__file__).resolve().parents[1] / "README.md"
SECTION = "## Rules"


def rules_table(plugins: PluginSet) -> str:
    """The Markdown table of ``plugins``' rules, by id."""
    rows = ["| id | category | severity | fix | what |", "|---|---|---|---|---|"]
    for rule in plugins.rules.values():
        fix = "yes" if rule.fixable else "-"
        what = rule.summary().replace("|", "\\|")  # a pipe would end the cell
        rows.append(f"| `{rule.id}` | {rule.category.value} | {rule.default_severity.value} | {fix} | {what} |")
    return "\n".join(rows) + "\n"


def table_lines(readme: str) -> tuple[int, int]:
    """The line range of the table in the README's rules section (the first run of table rows)."""
    lines = readme.splitlines()
    heading = lines.index(SECTION)
    start = next(index for index in range(heading + 1, len(lines)) if lines[index].startswith("|"))
    if any(line.startswith("## ") for line in lines[heading + 1 : start]):
        raise ValueError(f"README.md's {SECTION} section has no table")
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return start, end


def readme_table(readme: str) -> str:
    """The table now in the README's rules section."""
    start, end = table_lines(readme)
    return "".join(line + "\n" for line in readme.splitlines()[start:end])


def with_table(readme: str, table: str) -> str:
    """``readme`` with the table of its rules section replaced by ``table``."""
    start, end = table_lines(readme)
    lines = readme.splitlines(keepends=True)
    return "".join(lines[:start]) + table + "".join(lines[end:])


def main(argv: list[str]) -> int:
    table = rules_table(load_plugins(entry_points=False))
    if argv == ["--write"]:
        README.write_text(with_table(README.read_text(encoding="utf-8"), table), encoding="utf-8")
    elif not argv:
        sys.stdout.write(table)
    else:
        sys.stderr.write("usage: python scripts/rules_table.py [--write]\n")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
