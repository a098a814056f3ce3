"""``copylint vocabulary``: the unknown words of a whole tree, likely typos first, and an accept
list of the rest for a person to review, the way a copy desk keeps a style sheet.

The run is ``check``'s (the same configuration, files, exclusions, word lists, cache and runner)
with only ``spelling.typo`` left of the project's rules; :mod:`copylint.cli.stylesheet` gathers its
findings by word.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

from copylint._version import __version__
from copylint.cli.commands import EXIT_CLEAN, EXIT_ERROR, _fail, _plugins, _report_errors, _run_check, _session
from copylint.cli.options import file_options, run_options
from copylint.cli.stylesheet import TYPO_RULE, UnknownWord, accept_entries, accept_list, added_to_list, collect_words
from copylint.core.errors import CopylintError
from copylint.core.finding import RunResult, Severity
from copylint.core.listfiles import read_list_file
from copylint.core.rule import LintSettings
from copylint.language.spelling.vocabulary import WordList, compile_entries
from copylint.project.resolver import Resolver
from copylint.reporters.display import plural, printable
from copylint.run.results import ResultCache
from copylint.store.files import replace_atomically

JSON_VERSION = 1


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A table for people, or JSON for scripts (see the README).",
)
@click.option(
    "--min-count",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="N",
    help="Only words reported at least N times (a typo is usually reported once).",
)
@click.option(
    "--write",
    "write_path",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Write the words that are not likely typos (info only) to FILE as an accept list to review.",
)
@click.option("--merge", is_flag=True, help="With --write: add the new words to an existing FILE, keeping its lines.")
@click.option("--force", is_flag=True, help="With --write: replace an existing FILE.")
@file_options
@run_options
def vocabulary(
    paths: Sequence[str],
    output_format: str,
    min_count: int,
    write_path: str | None,
    merge: bool,
    force: bool,
    jobs: int | None,
    scheduler: str | None,
    no_cache: bool,
    cache_dir: str,
    **options: Any,
) -> None:
    """List the words spelling.typo does not know, across a whole tree (default: the current folder).

    One row per word (case-folded; the most common spelling shown): how many times and in how
    many files it was reported, where first, its severity and the best suggestion. Likely typos
    come first (error, then warning); then words reported only as info (names, jargon, rare
    words), most frequent first. Files, exclusions, configuration and word lists are those of
    'check'.

    With --write FILE, the info-only words become an accept list (the format --accept and the
    'accept' key read), sorted, under a header saying how it was made. Review it before you
    commit it. An existing FILE is left alone unless --merge (add the new words at its end) or
    --force (replace it).

    \b
    Examples:
      copylint vocabulary content/
      copylint vocabulary --min-count 3 --format json content/
      copylint vocabulary --write styles/accept.txt --merge content/

    Exit status: 0 on success, 2 for a usage error or a file that could not be read or decoded
    (the other files are still listed).
    """
    if (merge or force) and not write_path:
        _fail("--merge and --force go with --write FILE")
    if merge and force:
        _fail("--merge and --force exclude each other: --merge adds to FILE, --force replaces it")
    existing = _existing_list(write_path, merge, force) if write_path else None
    session = _session(_plugins(), options)
    settings_for = _typo_rule_only(session.resolver)
    _note_configuration(settings_for("."))
    targets = list(paths) or ["."]
    cache = None if no_cache else ResultCache(cache_dir)
    result = _run_check(targets, session, jobs, cache, scheduler, settings_for)
    if cache is not None:
        cache.prune()
    _report_errors(result)
    words = [word for word in collect_words(result) if word.count >= min_count]
    if output_format == "json":
        click.echo(json.dumps(_payload(words, result), ensure_ascii=False, indent=2))
    else:
        _print_table(words, result)
    if write_path:
        made_by = _made_by(targets, min_count, len(result.checked))
        _write(write_path, existing, made_by, words)
    sys.exit(EXIT_ERROR if result.errors else EXIT_CLEAN)


def _typo_rule_only(resolver: Resolver) -> Callable[[str], LintSettings]:
    """Each path's settings as ``check`` has them, with only ``spelling.typo`` left of the rules:
    it runs where the project runs it (not where an override ignores spelling), with the project's
    severities and word lists. One narrowed object per settings object, as the runner expects."""
    narrowed: dict[int, tuple[LintSettings, LintSettings]] = {}

    def settings_for(path: str) -> LintSettings:
        settings = resolver.settings_for(path)
        pair = narrowed.get(id(settings))
        if pair is None:  # the pair keeps ``settings`` alive, so its id is not reused
            rules = tuple(rule for rule in settings.rules if rule.id == TYPO_RULE)
            pair = narrowed[id(settings)] = (settings, dataclasses.replace(settings, rules=rules))
        return pair[1]

    return settings_for


def _note_configuration(settings: LintSettings) -> None:
    """Say so when the configuration keeps the listing from meaning what it says."""
    if not settings.rules:
        click.echo(
            f"copylint: note: the configuration turns {TYPO_RULE} off; only files whose overrides select it are listed",
            err=True,
        )
    elif settings.severities.get(TYPO_RULE) is Severity.INFO:
        click.echo(
            f"copylint: note: the configuration sets {TYPO_RULE} to info, so likely typos are listed as info "
            "(and --write would accept them)",
            err=True,
        )


def _payload(words: Sequence[UnknownWord], result: RunResult) -> dict[str, Any]:
    """The ``--format json`` object (a documented contract: fields are only ever added)."""
    rows = [
        {
            "word": word.text,
            "count": word.count,
            "files": len(word.paths),
            "severity": word.severity.value,
            "suggestion": word.suggestion,
            "first": {"path": word.first[0], "line": word.first[1], "column": word.first[2]},
            "spellings": dict(word.spellings),
            "paths": list(word.paths),
        }
        for word in words
    ]
    summary = {
        "words": len(words),
        "likely_typos": sum(1 for word in words if word.likely_typo),
        "files_checked": len(result.checked),
        "files_with_errors": [{"path": failed.path, "message": failed.error} for failed in result.errors],
    }
    return {"version": JSON_VERSION, "words": rows, "summary": summary}


_COLUMNS = ("WORD", "COUNT", "FILES", "SEVERITY", "SUGGESTION", "FIRST")
_NUMBERS = frozenset({"COUNT", "FILES"})


def _print_table(words: Sequence[UnknownWord], result: RunResult) -> None:
    """The words as an aligned table, then a summary line."""
    checked = plural(len(result.checked), "file")
    if words:
        rows = [_COLUMNS, *(_cells(word) for word in words)]
        widths = [max(len(row[index]) for row in rows) for index in range(len(_COLUMNS))]
        for row in rows:
            aligned = (
                cell.rjust(width) if name in _NUMBERS else cell.ljust(width)
                for name, cell, width in zip(_COLUMNS, row, widths, strict=True)
            )
            click.echo("  ".join(aligned).rstrip())
        typos = sum(1 for word in words if word.likely_typo)
        files = len({path for word in words for path in word.paths})
        summary = f"\n{plural(len(words), 'unknown word')} ({plural(typos, 'likely typo')}) in {files} of {checked}."
    else:
        summary = f"No unknown words in {checked}."
    if result.errors:
        summary += f" {plural(len(result.errors), 'file')} could not be checked."
    click.echo(summary)


def _cells(word: UnknownWord) -> tuple[str, ...]:
    path, line, column = word.first
    suggestion = printable(word.suggestion) if word.suggestion else "-"
    where = printable(f"{path}:{line}:{column}")
    return (printable(word.text), str(word.count), str(len(word.paths)), word.severity.value, suggestion, where)


def _made_by(targets: Sequence[str], min_count: int, checked: int) -> str:
    """How the list was made, for its header: copylint's version and command, the files read and
    the threshold. Written so that ``check`` finds nothing in it: "Copylint" as a name, paths in
    quotes (a bare "." would read as a stray full stop)."""
    under = ", ".join(f"“{target}”" for target in targets)
    made = f"Copylint {__version__} (its vocabulary command) from the {plural(checked, 'file')} under {under}"
    return printable(made + (f", words reported at least {min_count} times" if min_count > 1 else ""))


def _existing_list(path: str, merge: bool, force: bool) -> tuple[str, WordList] | None:
    """The text and entries of the accept list at ``path`` that --merge adds to; ``None`` for a new
    file or one --force replaces. Checked before the run, so a refusal costs nothing."""
    if not os.path.lexists(path) or force:
        return None
    if not merge:
        _fail(f"{path}: already exists; add --merge to add the new words to it, or --force to replace it")
    try:
        entries = compile_entries(read_list_file(path, "word list"), path)
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read(), entries
    except CopylintError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{path}: cannot read word list ({exc.strerror or exc})")


def _write(path: str, existing: tuple[str, WordList] | None, made_by: str, words: Sequence[UnknownWord]) -> None:
    """Write the accept list (or add to ``existing``) and say what was done."""
    if existing is None:
        entries = accept_entries(words)
        text, done = accept_list(made_by, entries), f"Wrote {plural(len(entries), 'word')} to {path}"
    else:
        entries = accept_entries(words, existing[1])
        text, done = added_to_list(existing[0], made_by, entries), f"Added {plural(len(entries), 'word')} to {path}"
        if not entries:
            click.echo(f"No new words for {printable(path)}; it is unchanged.", err=True)
            return
    try:
        if os.path.lexists(path):  # replaced whole, keeping its permissions (and a link, if it is one)
            target = os.path.realpath(path)
            mode = os.stat(target).st_mode & 0o7777
            replace_atomically(target, lambda handle: handle.write(text.encode("utf-8")), mode=mode)
        else:
            with open(path, "x", encoding="utf-8", newline="") as handle:
                handle.write(text)
    except OSError as exc:
        _fail(f"{path}: cannot write ({exc.strerror or exc})")
    click.echo(f"{printable(done)}: review the list before you commit it.", err=True)
