"""The ``copylint`` command line: argv to settings, then the runner, the fixer and a reporter."""

from __future__ import annotations

import dataclasses
import difflib
import gc
import json
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NoReturn

import click

from copylint import __version__
from copylint.cache import DEFAULT_FOLDER as DEFAULT_CACHE
from copylint.cache import ResultCache
from copylint.changes import changed_lines, only_changed, without_baseline, write_baseline
from copylint.config import Config, locate_config, pack_paths, parse_config
from copylint.discovery import DEFAULT_INCLUDE, discover
from copylint.display import printable
from copylint.engine import lint_document
from copylint.errors import CopylintError
from copylint.fastexit import exit_now
from copylint.finding import Severity
from copylint.fixer import fix_document, write_atomically
from copylint.interactive import review_document
from copylint.packs import load_pack_paths, rule_class
from copylint.plugins import PluginSet, load_plugins
from copylint.rule import Rule
from copylint.runner import RunResult, run
from copylint.selection import split_selectors, validate_selectors
from copylint.settings import CommandLine, Resolver
from copylint.source import encode, read_source
from copylint.vale import ValeSetup, find_vale_ini, load_vale

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


def _fail(message: str) -> NoReturn:
    click.echo(f"copylint: error: {printable(str(message))}", err=True)
    sys.exit(EXIT_ERROR)


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def selection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by ``check``, ``fix`` and ``config``: which files and rules."""
    options = [
        click.option("--select", multiple=True, metavar="IDS",
                     help="Only run these rules: ids or family prefixes, comma-separated (default: ALL)."),
        click.option("--extend-select", multiple=True, metavar="IDS", help="Add rules to the selection."),
        click.option("--ignore", multiple=True, metavar="IDS",
                     help="Skip these rules: ids or prefixes, comma-separated. The longest matching prefix wins."),
        click.option("--include", multiple=True, metavar="GLOB",
                     help=f"File globs to lint inside folders (replaces the default: {' '.join(DEFAULT_INCLUDE)})."),
        click.option("--exclude", multiple=True, metavar="GLOB", help="File or folder globs to skip."),
        click.option("--force-exclude", is_flag=True,
                     help="Apply --include/--exclude to files named on the command line too."),
        click.option("--accept", "accept_lists", multiple=True, metavar="FILE", type=click.Path(dir_okay=False),
                     help="Word list of words never reported as misspelled: one word or regex a line."),
        click.option("--reject", "reject_lists", multiple=True, metavar="FILE", type=click.Path(dir_okay=False),
                     help="Word list of words always reported (spelling.rejected), even correct ones."),
        click.option("--max-file-size", "max_file_mb", type=click.FloatRange(min=0), metavar="MB",
                     help="Refuse files larger than this, with an error (default: 10; 0: no limit)."),
        click.option("--config", "config_path", metavar="FILE", type=click.Path(dir_okay=False, exists=True),
                     help="Use this configuration file instead of searching from the current folder."),
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def _resolver(plugins: PluginSet, options: dict[str, Any], fail_level: str | None = None) -> Resolver:
    """Load and check the configuration, then combine it with the command line."""
    try:
        config, plugins = _config(plugins, options.get("config_path"))
        command_line = CommandLine(
            select=split_selectors(options.get("select", ())),
            ignore=split_selectors(options.get("ignore", ())),
            extend_select=split_selectors(options.get("extend_select", ())),
            include=split_selectors(options.get("include", ())),
            exclude=split_selectors(options.get("exclude", ())),
            force_exclude=bool(options.get("force_exclude")),
            accept=tuple(options.get("accept_lists", ())),
            reject=tuple(options.get("reject_lists", ())),
            fail_level=Severity(fail_level) if fail_level else None,
            max_file_mb=options.get("max_file_mb"),
        )
        for option, selectors in (
            ("--select", command_line.select),
            ("--ignore", command_line.ignore),
            ("--extend-select", command_line.extend_select),
        ):
            validate_selectors(option, selectors, list(plugins.rules))
        resolver = Resolver(plugins, config, command_line)
        resolver.settings_for(".")  # reads the word and domain lists now, so errors surface early
        return resolver
    except CopylintError as exc:
        _fail(str(exc))


def _config(plugins: PluginSet, path: str | None) -> tuple[Config, PluginSet]:
    """The configuration, and the plugin set with the rules of its packs and Vale setup added.

    Without a copylint configuration, a ``.vale.ini`` found from the current folder upward (the
    way Vale finds it) is used: its styles' rules run, and its vocabularies are word lists.
    """
    found = locate_config(os.getcwd(), path)
    if found is None:
        vale_ini = find_vale_ini(os.getcwd())
        if vale_ini is None:
            return Config(), plugins
        found_setup = load_vale(vale_ini)
        _say_skipped(found_setup)
        return Config(accept=found_setup.accept, reject=found_setup.reject), _with_rules(
            plugins, found_setup.rules, vale_ini
        )
    config_path, table = found
    packs = load_pack_paths(pack_paths(config_path, table))
    extra: dict[str, type[Rule]] = {spec.rule_id: rule_class(spec) for spec in packs}
    setup: ValeSetup | None = None
    if isinstance(table.get("vale"), str):
        setup = load_vale(os.path.join(os.path.dirname(os.path.abspath(config_path)), table["vale"]))
        _say_skipped(setup)
        extra.update(setup.rules)
    plugins = _with_rules(plugins, extra, config_path)
    rule_options = {rule_id: dict(rule.options) for rule_id, rule in plugins.rules.items()}
    config = parse_config(config_path, table, rule_options)
    if setup is not None:
        config = dataclasses.replace(config, accept=config.accept + setup.accept, reject=config.reject + setup.reject)
    return config, plugins


def _with_rules(plugins: PluginSet, extra: Mapping[str, type[Rule]], source: str) -> PluginSet:
    clash = sorted(set(extra) & set(plugins.rules))
    if clash:
        raise CopylintError(f"{source}: rule ids already defined: {', '.join(clash)}")
    if not extra:
        return plugins
    return dataclasses.replace(plugins, rules=dict(sorted({**plugins.rules, **extra}.items())))


def _say_skipped(setup: ValeSetup) -> None:
    for name, reason in setup.skipped.items():
        click.echo(f"copylint: note: Vale rule {name} skipped: {reason}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
      copylint rules
      copylint explain repetition.word
    """


def _run_check(
    targets: list[str],
    resolver: Resolver,
    plugins: PluginSet,
    jobs: int | None,
    cache: ResultCache | None,
    scheduler: str | None,
) -> RunResult:
    """Run locally, or on the Dask cluster at ``scheduler``."""
    if not scheduler:
        return run(targets, resolver.file_filter(), plugins, resolver.settings_for, jobs or os.cpu_count() or 1, cache)
    from copylint import cluster

    try:
        client = cluster.connect(scheduler)
    except CopylintError as exc:
        _fail(str(exc))
    try:
        return run(targets, resolver.file_filter(), plugins, resolver.settings_for, cache=cache, client=client)
    finally:
        cluster.close(client)


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
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: the number of CPUs; small runs stay in one process).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Lint on a Dask cluster: tcp://host:8786, or 'local[:N]' to start N local workers (needs copylint[dask]).",
)
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option(
    "--cache-dir",
    default=DEFAULT_CACHE,
    show_default=True,
    metavar="DIR",
    help="Where cached results are kept (keyed by file content and settings).",
)
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
            f"unknown --format '{output_format}'{_did_you_mean(output_format, plugins.reporters)}; "
            f"choose from {', '.join(sorted(plugins.reporters))}"
        )
    resolver = _resolver(plugins, options, fail_level)
    targets = list(paths) or ["."]
    if apply_fix:
        _fix_paths(plugins, resolver, targets, unsafe_fixes, diff=False, interactive=False, quiet=True)
    cache = None if no_cache or apply_fix else ResultCache(cache_dir, "")
    result = _run_check(targets, resolver, plugins, jobs, cache, scheduler)
    if cache is not None:
        cache.prune()
    try:
        if diff_base:
            result = only_changed(result, changed_lines(diff_base))
        if baseline_file:
            result = without_baseline(result, baseline_file)
    except CopylintError as exc:
        _fail(str(exc))
    _report_errors(result)
    reporter_class(sys.stdout, color=_use_color(no_color), quiet=quiet, rules=resolver.plugins.rules).report(result)
    if result.errors:
        sys.exit(EXIT_ERROR)
    failing = result.findings_at_or_above(resolver.fail_level()) and not exit_zero
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


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
    resolver = _resolver(plugins, options)
    changed, errors = _fix_paths(plugins, resolver, list(paths) or ["."], unsafe_fixes, diff, interactive, quiet)
    if errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if changed else EXIT_CLEAN)


def _fix_paths(
    plugins: PluginSet,
    resolver: Resolver,
    paths: Sequence[str],
    unsafe: bool,
    diff: bool,
    interactive: bool,
    quiet: bool,
) -> tuple[int, int]:
    changed = errors = 0
    for found in discover(paths, resolver.file_filter()):
        try:
            if found.error:
                raise CopylintError(found.error)
            document, original = read_source(found.path)
            settings = resolver.settings_for(found.path)
            document_format = plugins.format_for(found.path)

            def lint(doc: Any, fmt: Any = document_format, lint_settings: Any = settings) -> Any:
                return lint_document(doc, fmt, lint_settings).findings

            if interactive:
                text = review_document(document, lint(document))
            else:
                text = fix_document(document, lint, unsafe).text
            if text == document.text:
                continue
            changed += 1
            if diff:
                _print_diff(found.path, document.text, text)
                continue
            write_atomically(found.path, original, encode(document, text))
            if not quiet:
                click.echo(f"Fixed {found.path}", err=True)
        except CopylintError as exc:
            errors += 1
            click.echo(f"copylint: error: {printable(str(exc))}", err=True)
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
    resolver = _resolver(plugins, options)
    result = run(list(paths) or ["."], resolver.file_filter(), plugins, resolver.settings_for)
    _report_errors(result)
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
    resolver = _resolver(plugins, options)
    click.echo(json.dumps(resolver.describe(path), ensure_ascii=False, indent=2))


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
    """Print a rule's documentation."""
    plugins = _plugins()
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


GC_THRESHOLDS = (1_000_000, 50, 100)
"""A run creates millions of small records (words, spans) that live until their document is done
and form no reference cycles; Python's default first threshold (700) makes the cycle collector
rescan them over and over. Measured on the clean corpus, serial: 12 % of the run at 700, and
another 2-3 % (0.15-0.2 s) at 100,000 rather than 1,000,000, with the same peak memory."""


def main() -> NoReturn:
    """The ``copylint`` console script: the command, then an exit that skips the interpreter's
    teardown (see :mod:`copylint.fastexit`). Errors that escape the command still end as usual."""
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        cli()
    except SystemExit as stop:
        exit_now(stop.code)
    exit_now(0)
