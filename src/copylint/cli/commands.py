"""The ``copylint`` commands: options in, a :class:`~copylint.project.session.Session`, then the
runner or the fixer, and a reporter out. Only this package and the reporters print."""

from __future__ import annotations

import difflib
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, ClassVar, NoReturn

import click

from copylint._version import __version__
from copylint.cli.options import run_options, selection_options
from copylint.core.errors import CopylintError, close_match
from copylint.core.finding import RunResult, Severity
from copylint.core.rule import LintSettings
from copylint.core.selection import split_selectors
from copylint.project.plugins import PluginSet, load_plugins
from copylint.project.resolver import CommandLine
from copylint.project.session import Session, open_session
from copylint.reporters import Reporter
from copylint.reporters.display import printable
from copylint.run import cluster
from copylint.run.results import ResultCache
from copylint.run.runner import run

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _plugins() -> PluginSet:
    plugins = load_plugins()
    for error in plugins.errors:
        click.echo(f"copylint: warning: {printable(str(error))}", err=True)
    return plugins


def _use_color(no_color: bool) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _fail(message: str, details: str = "") -> NoReturn:
    """Print the error (on one line) and any ``details`` under it, and exit 2."""
    click.echo(f"copylint: error: {printable(str(message))}", err=True)
    if details:
        click.echo(details, err=True, nl=False)
    sys.exit(EXIT_ERROR)


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = close_match(word, choices)
    return f" (did you mean '{close}'?)" if close else ""


def _session(plugins: PluginSet, options: dict[str, Any], fail_level: str | None = None) -> Session:
    """Load and check the configuration, then combine it with the command line."""
    family_values = {
        key: tuple(options.get(option, ()))
        for key, option in (("accept", "accept_lists"), ("reject", "reject_lists"))
        if options.get(option)
    }
    try:
        command_line = CommandLine(
            select=split_selectors(options.get("select", ())),
            ignore=split_selectors(options.get("ignore", ())),
            extend_select=split_selectors(options.get("extend_select", ())),
            include=split_selectors(options.get("include", ())),
            exclude=split_selectors(options.get("exclude", ())),
            force_exclude=bool(options.get("force_exclude")),
            family_values=family_values,
            fail_level=Severity(fail_level) if fail_level else None,
            max_file_mb=options.get("max_file_mb"),
        )
        session = open_session(plugins, command_line, options.get("config_path"))
    except CopylintError as exc:
        _fail(str(exc))
    for note in session.notes:
        click.echo(f"copylint: note: {printable(note)}", err=True)
    return session


class CommandGroup(click.Group):
    """The ``copylint`` group. A command with a module of its own (``vocabulary``) is imported only
    when it is run or listed, so it costs the other commands nothing at start-up."""

    own_modules: ClassVar[dict[str, str]] = {
        "lsp": "copylint.cli.lsp",
        "serve": "copylint.cli.serve",
        "vocabulary": "copylint.cli.vocabulary",
    }
    """Command name: the module whose attribute of that name is the command."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.own_modules})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.own_modules and cmd_name not in self.commands:
            self.add_command(getattr(importlib.import_module(self.own_modules[cmd_name]), cmd_name))
        return super().get_command(ctx, cmd_name)


@click.group(cls=CommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="copylint")
def cli() -> None:
    """copylint: an editorial linter for Markdown, HTML and plain text.

    It finds typos, doubled words, stray punctuation, invisible characters and spam links, each
    at its exact line and column, with suggestions and safe fixes. Settings come from
    .copylint.toml or [tool.copylint] in pyproject.toml (searched from the current folder up);
    command-line flags win.

    \b
    Examples:
      copylint check content/
      copylint check --format json article.md
      copylint fix --diff content/
      copylint vocabulary content/
      copylint rules
      copylint explain repetition.word
    """


def _reporter_rows(reporters: Mapping[str, type[Reporter]]) -> list[tuple[str, str]]:
    """Each registered output format and what it is for, in registration order (built-ins first)."""
    return [(printable(name), printable(reporter.description) or "-") for name, reporter in reporters.items()]


def _reporter_list(reporters: Mapping[str, type[Reporter]]) -> str:
    """The output formats as an indented two-column list, for an error message."""
    formatter = click.HelpFormatter()
    formatter.indent()
    formatter.write_dl(_reporter_rows(reporters))
    return formatter.getvalue()


class CheckCommand(click.Command):
    """``check``, whose help ends with every registered output format.

    Click builds the help text when the command is defined, before any plugin is loaded, so a
    fixed help string could only name the built-in formats. This section is written when the help
    is printed instead: only ``--help`` loads the plugins for it, and a plugin's reporter is listed
    like the built-in ones."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Output formats (--format)"):
            formatter.write_dl(_reporter_rows(_plugins().reporters))
        super().format_epilog(ctx, formatter)


def _run_check(
    targets: list[str],
    session: Session,
    jobs: int | None,
    cache: ResultCache | None,
    scheduler: str | None,
    settings_for: Callable[[str], LintSettings] | None = None,
) -> RunResult:
    """Run locally, or on the Dask cluster at ``scheduler``, with each path's settings from the
    session (or from ``settings_for``, which ``vocabulary`` narrows to one rule)."""
    resolver, plugins = session.resolver, session.plugins
    settings = settings_for or resolver.settings_for
    if not scheduler:
        result = run(targets, resolver.file_filter(), plugins, settings, jobs or os.cpu_count() or 1, cache)
    else:
        try:
            client = cluster.connect(scheduler)
        except CopylintError as exc:
            _fail(str(exc))
        try:
            result = run(targets, resolver.file_filter(), plugins, settings, cache=cache, client=client)
        finally:
            cluster.close(client)
    for note in result.notes:
        click.echo(f"copylint: note: {printable(note)}", err=True)
    return result


@cli.command(cls=CheckCommand)
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--format",
    "output_format",
    default="text",
    show_default=True,
    metavar="NAME",
    help="Output format: one of those listed under 'Output formats' below (plugins may add more).",
)
@selection_options
@click.option(
    "--fail-level",
    type=click.Choice([s.value for s in Severity]),
    default=None,
    help="Exit 1 when a finding is at or above this severity (default: warning).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (unreadable files still exit 2).")
@click.option("--diff-base", metavar="REV", help="Report only findings on lines changed since git revision REV.")
@click.option(
    "--baseline",
    "baseline_file",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Report only findings not recorded in FILE (see 'copylint baseline').",
)
@run_options
@click.option("--fix", "apply_fix", is_flag=True, help="Apply safe fixes first, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix, apply unsafe fixes too.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no source excerpts, no summary.")
@click.option("--no-color", is_flag=True, help="Never colour the output (also: NO_COLOR=1).")
def check(
    paths: Sequence[str],
    output_format: str,
    fail_level: str | None,
    exit_zero: bool,
    diff_base: str | None,
    baseline_file: str | None,
    jobs: int | None,
    scheduler: str | None,
    no_cache: bool,
    cache_dir: str,
    apply_fix: bool,
    unsafe_fixes: bool,
    quiet: bool,
    no_color: bool,
    **options: Any,
) -> None:
    """Lint files and folders (default: the current folder).

    Exit status: 0 when nothing is at or above --fail-level, 1 when something is, 2 for a usage
    error or a file that could not be read or decoded (the other files are still checked).
    """
    plugins = _plugins()
    reporter_class = plugins.reporters.get(output_format)
    if reporter_class is None:
        _fail(
            f"unknown --format '{output_format}'{_did_you_mean(output_format, plugins.reporters)}; choose from:",
            _reporter_list(plugins.reporters),
        )
    session = _session(plugins, options, fail_level)
    targets = list(paths) or ["."]
    if apply_fix:
        _fix(session, targets, unsafe_fixes, diff=False, interactive=False, quiet=True)
    cache = None if no_cache or apply_fix else ResultCache(cache_dir)
    result = _run_check(targets, session, jobs, cache, scheduler)
    if cache is not None:
        cache.prune()
    try:
        result = _narrowed(result, diff_base, baseline_file)
    except CopylintError as exc:
        _fail(str(exc))
    _report_errors(result)
    reporter_class(sys.stdout, color=_use_color(no_color), quiet=quiet, rules=session.plugins.rules).report(result)
    if result.errors:
        sys.exit(EXIT_ERROR)
    failing = result.findings_at_or_above(session.resolver.fail_level()) and not exit_zero
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _narrowed(result: RunResult, diff_base: str | None, baseline_file: str | None) -> RunResult:
    """``result`` without the findings off the lines changed since ``diff_base`` or in ``baseline_file``."""
    if not diff_base and not baseline_file:
        return result
    from copylint.run import changes  # start-up time: only with --diff-base or --baseline

    if diff_base:
        result = changes.only_changed(result, changes.changed_lines(diff_base))
    if baseline_file:
        result = changes.without_baseline(result, baseline_file)
    return result


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@selection_options
@click.option("--unsafe-fixes", is_flag=True, help="Apply unsafe fixes too (suggestions the author should confirm).")
@click.option("--diff", is_flag=True, help="Print a unified diff of the fixes and write nothing.")
@click.option(
    "-i", "--interactive", is_flag=True, help="Go through each finding and choose a suggestion, skip or edit."
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def fix(paths: Sequence[str], unsafe_fixes: bool, diff: bool, interactive: bool, quiet: bool, **options: Any) -> None:
    """Apply fixes to files in place (safe fixes unless --unsafe-fixes).

    Exit status: 1 when a file was changed (or would be, with --diff), 0 when nothing needed
    fixing, 2 when a file could not be read or written.
    """
    plugins = _plugins()
    session = _session(plugins, options)
    changed, errors = _fix(session, list(paths) or ["."], unsafe_fixes, diff, interactive, quiet)
    if errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if changed else EXIT_CLEAN)


def _fix(
    session: Session, paths: Sequence[str], unsafe: bool, diff: bool, interactive: bool, quiet: bool
) -> tuple[int, int]:
    """Fix ``paths`` (or show the diff); returns how many files changed and how many failed."""
    # Start-up time: the fixer and the interactive review only for fix and check --fix.
    from copylint.cli.interactive import review_document
    from copylint.run.fixing import fix_paths

    changed = errors = 0
    resolver = session.resolver
    review = review_document if interactive else None
    fixes = fix_paths(
        paths, resolver.file_filter(), session.plugins, resolver.settings_for, unsafe, write=not diff, review=review
    )
    for fixed in fixes:
        if fixed.error is not None:
            errors += 1
            click.echo(f"copylint: error: {printable(fixed.error)}", err=True)
            continue
        changed += 1
        if diff:
            _print_diff(fixed.path, fixed.before, fixed.after)
        elif not quiet:
            click.echo(f"Fixed {fixed.path}", err=True)
    return changed, errors


def _print_diff(path: str, before: str, after: str) -> None:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path.lstrip('/')}",
        tofile=f"b/{path.lstrip('/')}",
    )
    for line in lines:
        click.echo(line if line.endswith("\n") else line + "\n", nl=False)


def _report_errors(result: RunResult) -> None:
    for failed in result.errors:
        click.echo(f"copylint: error: {printable(str(failed.error))}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@selection_options
@click.option(
    "-o",
    "--output",
    default=".copylint-baseline.json",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Where to write the baseline.",
)
def baseline(paths: Sequence[str], output: str, **options: Any) -> None:
    """Record today's findings so that 'check --baseline FILE' reports only new ones.

    Findings are recorded by fingerprint (rule, path, the flagged text and its context), not by
    line, so editing elsewhere in a file does not bring them back.
    """
    plugins = _plugins()
    resolver = _session(plugins, options).resolver
    result = run(list(paths) or ["."], resolver.file_filter(), resolver.plugins, resolver.settings_for)
    _report_errors(result)
    from copylint.run.changes import write_baseline  # start-up time: see _narrowed

    try:
        count = write_baseline(result, output)
    except OSError as exc:
        _fail(f"{output}: cannot write ({exc.strerror or exc})")
    click.echo(f"Recorded {count} findings in {output}.", err=True)
    sys.exit(EXIT_ERROR if result.errors else EXIT_CLEAN)


@cli.command(name="config")
@click.argument("path", default=".", type=click.Path(path_type=str))
@selection_options
def show_config(path: str, **options: Any) -> None:
    """Print the effective settings for PATH as JSON (which config file, rules, severities ...)."""
    plugins = _plugins()
    resolver = _session(plugins, options).resolver
    click.echo(json.dumps(resolver.describe(path), ensure_ascii=False, indent=2))


@cli.command(name="rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(output_format: str) -> None:
    """List every rule: id, category, default severity, fixability and summary.

    The rules of packs and Vale styles the project's configuration names are listed too."""
    rules = list(_session(_plugins(), {}).plugins.rules.values())
    if output_format == "json":
        rows = [
            {
                "id": rule.id,
                "category": rule.category.value,
                "severity": rule.default_severity.value,
                "fixable": rule.fixable,
                "options": dict(rule.options),
                "summary": rule.summary(),
            }
            for rule in rules
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max((len(rule.id) for rule in rules), default=4)
    click.echo(f"{'ID':<{width}}  {'CATEGORY':<11}  {'SEVERITY':<8}  {'FIX':<3}  SUMMARY")
    for rule in rules:
        fix_mark = "yes" if rule.fixable else "-"
        severity = rule.default_severity.value
        click.echo(f"{rule.id:<{width}}  {rule.category.value:<11}  {severity:<8}  {fix_mark:<3}  {rule.summary()}")


@cli.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Print a rule's documentation (also of a rule from a pack or Vale style the project names)."""
    plugins = _session(_plugins(), {}).plugins
    rule = plugins.rules.get(rule_id)
    if rule is None:
        _fail(f"unknown rule '{rule_id}'{_did_you_mean(rule_id, plugins.rules)}; see 'copylint rules'")
    fixable = "fixable" if rule.fixable else "not fixable"
    click.echo(f"{rule.id} ({rule.category.value}, {rule.default_severity.value}, {fixable})\n")
    click.echo(rule.documentation())
    if rule.options:
        click.echo('\nOptions (set in [tool.copylint."' + rule.id + '"]):')
        for name, default in rule.options.items():
            click.echo(f"  {name} = {json.dumps(default)}")
