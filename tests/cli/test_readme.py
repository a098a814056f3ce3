"""Every shell command in the README's Integrations section runs, in a folder with articles and a
git history, and produces what it promises."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema

from conftest import ROOT, SARIF_SCHEMA

SCHEMA = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Integrations", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_readme_has_the_integration_examples() -> None:
    commands = readme_commands()
    assert len(commands) >= 7
    assert any("--format sarif" in c for c in commands) and any("--diff-base" in c for c in commands)


def test_every_readme_command_runs(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1"}
    env.pop("GITHUB_STEP_SUMMARY", None)

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True, env=env)

    (tmp_path / "content").mkdir()
    article = tmp_path / "content" / "article.md"
    article.write_text("# News\n\nThe orginal plan.\n\nA quiet paragraph.\n", encoding="utf-8")
    git("init", "-q", "-b", "main")
    git("config", "user.email", "t@example.invalid")
    git("config", "user.name", "T")
    git("add", ".")
    git("commit", "-q", "-m", "base")
    git("checkout", "-q", "-b", "feature")
    article.write_text("# News\n\nThe orginal plan.\n\nA quiet the the paragraph.\n", encoding="utf-8")
    for command in readme_commands():
        process = subprocess.run(
            ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
        )
        assert process.returncode in (0, 1), (command, process.stderr)
        assert "Traceback" not in process.stderr, command
        if command.startswith("copylint check --diff-base"):
            assert "the the" in process.stdout and "orginal" not in process.stdout
        if command.startswith("copylint check --baseline"):
            assert process.returncode == 0 and "No findings" in process.stdout
    jsonschema.validate(json.loads((tmp_path / "copylint.sarif").read_text(encoding="utf-8")), SCHEMA)
    assert all(
        json.loads(line)["location"]["path"] for line in (tmp_path / "copylint.rdjsonl").read_text().splitlines()
    )
    assert json.loads((tmp_path / "gl-code-quality-report.json").read_text(encoding="utf-8"))
