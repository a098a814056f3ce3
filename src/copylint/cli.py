"""The ``copylint`` command line: argv to settings, then the runner and a reporter. No linting logic."""

from __future__ import annotations

import difflib
import json
import os
import sys
from collections.abc import Iterable, Sequence
from typing import NoReturn

import click

from copylint import __version__
from copylint.discovery import DEFAULT_INCLUDE, FileFilter
from copylint.engine import LintSettings
from copylint.errors import CopylintError
from copylint.finding import Severity
from copylint.plugins import PluginSet, load_plugins
from copylint.runner import run
from copylint.selection import RuleSelection, split_selectors
from copylint.spelling.vocabulary import Vocabulary, read_word_lists

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _plugins() -> PluginSet:
    plugins = load_plugins()
    for error in plugins.errors:
        click.echo(f"copylint: warning: {error}", err=True)
    return plugins


def _use_color(no_color: bool) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="copylint")
def cli() -> None:
    """copylint: an editorial linter for Markdown, HTML and plain text.

    It finds typos, doubled words, stray punctuation, invisible characters and spam links, each
    at its exact line and column, with suggestions and safe fixes.

    \b
    Examples:
      copylint check content/
      copylint check --format json article.md
      copylint rules
      copylint explain repetition.word
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--format",
    "output_format",
    default="text",
    show_default=True,
    metavar="NAME",
    help="Output format: text or json (plugins may add more).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="IDS",
    help="Only run these rules: ids or family prefixes, comma-separated (default: ALL).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="IDS",
    help="Skip these rules: ids or family prefixes, comma-separated. The longest matching prefix wins.",
)
@click.option(
    "--include",
    multiple=True,
    metavar="GLOB",
    help=f"File globs to lint inside folders (replaces the default: {' '.join(DEFAULT_INCLUDE)}).",
)
@click.option("--exclude", multiple=True, metavar="GLOB", help="File or folder globs to skip.")
@click.option("--force-exclude", is_flag=True, help="Apply --include/--exclude to files named on the command line too.")
@click.option(
    "--accept",
    "accept_lists",
    multiple=True,
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Word list of words never reported as misspelled: one word or regex a line.",
)
@click.option(
    "--reject",
    "reject_lists",
    multiple=True,
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Word list of words always reported (spelling.rejected), even correct ones.",
)
@click.option(
    "--fail-level",
    type=click.Choice([s.value for s in Severity]),
    default="warning",
    show_default=True,
    help="Exit 1 when a finding is at or above this severity.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (unreadable files still exit 2).")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no source excerpts, no summary.")
@click.option("--no-color", is_flag=True, help="Never colour the output (also: NO_COLOR=1).")
def check(
    paths: Sequence[str],
    output_format: str,
    select: Sequence[str],
    ignore: Sequence[str],
    include: Sequence[str],
    exclude: Sequence[str],
    force_exclude: bool,
    accept_lists: Sequence[str],
    reject_lists: Sequence[str],
    fail_level: str,
    exit_zero: bool,
    quiet: bool,
    no_color: bool,
) -> None:
    """Lint files and folders (default: the current folder).

    Exit status: 0 when nothing is at or above --fail-level, 1 when something is, 2 for a usage
    error or a file that could not be read or decoded (the other files are still checked).
    """
    plugins = _plugins()
    reporter_class = plugins.reporters.get(output_format)
    if reporter_class is None:
        _fail(
            f"unknown --format '{output_format}'{_did_you_mean(output_format, plugins.reporters)}; "
            f"choose from {', '.join(sorted(plugins.reporters))}"
        )
    selection = RuleSelection(split_selectors(select) or ("ALL",), split_selectors(ignore))
    try:
        selection.validate(list(plugins.rules))
    except CopylintError as exc:
        _fail(str(exc))
    try:
        vocabulary = Vocabulary(read_word_lists(accept_lists), read_word_lists(reject_lists))
    except CopylintError as exc:
        _fail(str(exc))
    settings = LintSettings(
        rules=tuple(rule for rule_id, rule in plugins.rules.items() if selection.enabled(rule_id)),
        vocabulary=vocabulary,
    )
    file_filter = FileFilter(
        include=split_selectors(include) or DEFAULT_INCLUDE,
        exclude=split_selectors(exclude),
        force_exclude=force_exclude,
    )
    result = run(list(paths) or ["."], file_filter, plugins, settings)
    for failed in result.errors:
        click.echo(f"copylint: error: {failed.error}", err=True)
    reporter_class(sys.stdout, color=_use_color(no_color), quiet=quiet).report(result)
    if result.errors:
        sys.exit(EXIT_ERROR)
    failing = result.findings_at_or_above(Severity(fail_level)) and not exit_zero
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@cli.command(name="rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(output_format: str) -> None:
    """List every rule: id, category, default severity, fixability and summary."""
    plugins = _plugins()
    rules = list(plugins.rules.values())
    if output_format == "json":
        rows = [
            {
                "id": rule.id,
                "category": rule.category.value,
                "severity": rule.default_severity.value,
                "fixable": rule.fixable,
                "summary": rule.summary(),
            }
            for rule in rules
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max((len(rule.id) for rule in rules), default=4)
    click.echo(f"{'ID':<{width}}  {'CATEGORY':<11}  {'SEVERITY':<8}  {'FIX':<3}  SUMMARY")
    for rule in rules:
        fix = "yes" if rule.fixable else "-"
        severity = rule.default_severity.value
        click.echo(f"{rule.id:<{width}}  {rule.category.value:<11}  {severity:<8}  {fix:<3}  {rule.summary()}")


@cli.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Print a rule's documentation."""
    plugins = _plugins()
    rule = plugins.rules.get(rule_id)
    if rule is None:
        _fail(f"unknown rule '{rule_id}'{_did_you_mean(rule_id, plugins.rules)}; see 'copylint rules'")
    fixable = "fixable" if rule.fixable else "not fixable"
    click.echo(f"{rule.id} ({rule.category.value}, {rule.default_severity.value}, {fixable})\n")
    click.echo(rule.documentation())


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _fail(message: str) -> NoReturn:
    click.echo(f"copylint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def main() -> None:
    cli()
