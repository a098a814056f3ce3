"""Shared helpers: run the CLI in-process and as a real subprocess, and the paths of the test data."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner, Result

from copylint.cli.commands import cli

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = ROOT / "fixtures"  # the golden articles (the README's "Try it" lints them too)
SPAM_LINKS = FIXTURES / "spam-links"  # labelled spam-link articles for benchmarks/spam_links.py, not golden files
PLUGINS = TESTS / "fixtures" / "plugins"  # plugin distributions the tests put on sys.path
MICROSOFT = TESTS / "fixtures" / "vale" / "Microsoft"  # Vale's Microsoft style with its own test suite
SARIF_SCHEMA = TESTS / "fixtures" / "schemas" / "sarif-schema-2.1.0.json"
RULE_CASES = TESTS / "rules" / "cases"  # <rule-id>.toml


def load_benchmark(name: str) -> ModuleType:
    """The script ``benchmarks/NAME.py`` as a module (benchmarks are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def golden_articles() -> list[Path]:
    """Every Markdown, HTML and text file under ``fixtures/`` but the spam-link benchmark's articles,
    which are measured by ``benchmarks/spam_links.py`` and have no golden output."""
    return sorted(
        path
        for path in FIXTURES.rglob("*")
        if path.suffix in {".md", ".html", ".txt"} and not path.is_relative_to(SPAM_LINKS)
    )


def copy_golden(target: Path) -> Path:
    """A copy of ``fixtures/`` at ``target`` without the spam-link articles; returns ``target``."""
    shutil.copytree(FIXTURES, target, ignore=lambda folder, names: ["spam-links"] if Path(folder) == FIXTURES else [])
    return target


def run_cli(*args: str, cwd: Path | None = None) -> Result:
    """Run ``copylint ARGS`` in-process with click's runner (stdout and stderr kept apart)."""
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, list(args), catch_exceptions=False)
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def write(path: Path, text: str | bytes) -> Path:
    """Write ``text`` (UTF-8) or bytes to ``path``, making its folders; returns ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def run_json(*args: str, cwd: Path | None = None) -> tuple[int, dict[str, Any]]:
    result = run_cli("check", "--format", "json", *args, cwd=cwd)
    return result.exit_code, json.loads(result.stdout)


def run_process(*args: str, extra_paths: tuple[Path, ...] = ()) -> subprocess.CompletedProcess[str]:
    """Run ``python -m copylint ARGS`` as a real process, with ``extra_paths`` on PYTHONPATH."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([*map(str, extra_paths), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["NO_COLOR"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "copylint", *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture(autouse=True)
def separate_caches(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own result cache, so no test sees another's results."""
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def example_plugin(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put the example plugin distribution on sys.path, so its entry point is found."""
    path = PLUGINS / "example"
    monkeypatch.syspath_prepend(str(path))
    return path


@contextmanager
def languagetool_stub(matches_for: Callable[[str], list[dict[str, Any]]]) -> Iterator[str]:
    """A stub LanguageTool server on 127.0.0.1, answering ``POST /v2/check`` as LanguageTool's HTTP
    API does with ``matches_for(text)`` (offsets in UTF-16 units, like Java's); yields its URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the http.server API
            form = urllib.parse.parse_qs(self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode())
            if self.path != "/v2/check":
                self.send_error(404)
                return
            matches = matches_for(form["text"][0])
            body = json.dumps({"software": {"name": "LanguageTool"}, "matches": matches}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
