"""The real pre-commit tool runs copylint's hooks from this checkout (installing it from the
package registry into its own environment): a bad article fails, a clean one passes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def head() -> str:
    return subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.mark.slow
def test_pre_commit_hooks(tmp_path: Path, head: str) -> None:
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    project = tmp_path / "site"
    project.mkdir()
    for args in (
        ["git", "init", "-q"],
        ["git", "config", "user.email", "t@example.invalid"],
        ["git", "config", "user.name", "T"],
    ):
        run(args, project, env)
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT}\n  rev: {head}\n  hooks:\n  - id: copylint\n  - id: copylint-fix\n", encoding="utf-8"
    )
    (project / ".copylint.toml").write_text('exclude = ["drafts/*"]\n', encoding="utf-8")
    (project / "drafts").mkdir()
    (project / "drafts" / "wip.md").write_text("the the draft\n", encoding="utf-8")
    (project / "good.md").write_text("# Notes\n\nEverything here is spelled right.\n", encoding="utf-8")
    run(["git", "add", "."], project, env)
    pre_commit = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    clean = run(pre_commit, project, env)
    assert clean.returncode == 0, clean.stdout + clean.stderr  # the excluded draft is not checked

    (project / "bad.md").write_text("We recieve the the report.\n", encoding="utf-8")
    run(["git", "add", "bad.md"], project, env)
    bad = run(pre_commit, project, env)
    assert bad.returncode == 1
    assert "bad.md:1:4: error spelling.typo" in bad.stdout
    assert "Fixed bad.md" in bad.stdout + bad.stderr or "files were modified by this hook" in bad.stdout
    assert (project / "bad.md").read_text(encoding="utf-8") == "We receive the the report.\n"
