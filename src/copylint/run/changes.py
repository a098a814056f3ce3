"""Narrowing a run to what changed: lines added or changed since a git revision
(``--diff-base``), and findings not yet in a baseline file (``--baseline``)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from copylint.core.errors import CopylintError
from copylint.core.finding import RunResult
from copylint.core.fingerprint import fingerprints

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)
BASELINE_VERSION = 1


def _git(*args: str, cwd: str | None = None) -> str:
    import subprocess  # only for --diff-base: keeps start-up short

    try:
        process = subprocess.run(["git", *args], capture_output=True, text=True, check=False, cwd=cwd)
    except FileNotFoundError:
        raise CopylintError("--diff-base needs git, which is not installed") from None
    if process.returncode != 0:
        raise CopylintError(f"git {' '.join(args)}: {process.stderr.strip() or 'failed'}")
    return process.stdout


def changed_lines(base: str) -> dict[str, set[int]]:
    """Lines added or changed since ``base``, by real path (committed and uncommitted changes)."""
    root = _git("rev-parse", "--show-toplevel").strip()
    diff = _git("diff", "--unified=0", "--no-color", "--no-ext-diff", base, "--", cwd=root)
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:]
            current = (
                None
                if target == "/dev/null"
                else changed.setdefault(os.path.realpath(os.path.join(root, target.removeprefix("b/"))), set())
            )
            continue
        match = _HUNK.match(line)
        if match and current is not None:
            start, count = int(match.group(1)), int(match.group(2) or "1")
            current.update(range(start, start + count))
    return changed


def only_changed(run: RunResult, changed: Mapping[str, set[int]]) -> RunResult:
    """Keep the findings that touch a changed line; errors are always kept."""
    files = []
    for result in run.files:
        lines = changed.get(os.path.realpath(result.path), set())
        if result.document is None:
            files.append(result)
            continue
        kept = tuple(
            finding
            for finding in result.findings
            if any(
                line in lines
                for line in range(
                    result.document.position(finding.span.start).line,
                    result.document.position(finding.span.end).line + 1,
                )
            )
        )
        files.append(replace(result, findings=kept))
    return RunResult(tuple(files))


def _stable_path(baseline_file: str) -> Callable[[str], str]:
    """Paths relative to the baseline file's folder, so the baseline works from any folder."""
    folder = os.path.dirname(os.path.abspath(baseline_file))
    return lambda path: os.path.relpath(os.path.abspath(path), folder).replace(os.sep, "/")


def write_baseline(run: RunResult, baseline_file: str) -> int:
    entries = {
        digest: {
            "rule": finding.rule,
            "path": result.path,
            "text": result.document.slice(finding.span.start, finding.span.end),
        }
        for result, finding, digest in fingerprints(run.files, _stable_path(baseline_file))
        if result.document is not None
    }
    with open(baseline_file, "w", encoding="utf-8") as handle:
        json.dump(
            {"version": BASELINE_VERSION, "findings": entries}, handle, ensure_ascii=False, indent=2, sort_keys=True
        )
        handle.write("\n")
    return len(entries)


def without_baseline(run: RunResult, baseline_file: str) -> RunResult:
    """Drop the findings recorded in ``baseline_file``."""
    try:
        with open(baseline_file, encoding="utf-8") as handle:
            data = json.load(handle)
        known = set(data["findings"])
    except OSError as exc:
        raise CopylintError(f"{baseline_file}: cannot read baseline ({exc.strerror or exc})") from None
    except (ValueError, KeyError, TypeError):
        raise CopylintError(f"{baseline_file}: not a copylint baseline (write one with 'copylint baseline')") from None
    dropped = {
        (id(result), id(finding))
        for result, finding, digest in fingerprints(run.files, _stable_path(baseline_file))
        if digest in known
    }
    return RunResult(
        tuple(
            replace(result, findings=tuple(f for f in result.findings if (id(result), id(f)) not in dropped))
            for result in run.files
        )
    )
