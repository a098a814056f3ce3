"""The console script's exit skips the interpreter's teardown but nothing anyone can observe:
the exit code, everything written to the standard streams, ``atexit`` handlers and other threads."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import run_process
from copylint.cli.fastexit import exit_code


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter whose streams are buffered (as they are in most shells)."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env, timeout=60, check=False
    )


@pytest.mark.parametrize(("status", "code"), [(None, 0), (0, 0), (1, 1), (2, 2), ("bad input", 1)])
def test_exit_code_follows_sys_exit(status: str | int | None, code: int) -> None:
    assert exit_code(status) == code


def test_buffered_output_and_atexit_handlers_survive() -> None:
    result = run_python(
        """
        import atexit, sys
        from copylint.cli.fastexit import exit_now
        atexit.register(lambda: print("handler ran"))
        sys.stdout.write("x" * 200_000)
        sys.stderr.write("to stderr")
        exit_now(3)
        """
    )
    assert result.returncode == 3
    assert result.stdout == "x" * 200_000 + "handler ran\n"
    assert result.stderr == "to stderr"


def test_a_string_status_is_printed_and_exits_one() -> None:
    result = run_python("from copylint.cli.fastexit import exit_now; exit_now('gave up')")
    assert (result.returncode, result.stderr) == (1, "gave up\n")


def test_waits_for_other_threads_like_a_normal_exit() -> None:
    result = run_python(
        """
        import threading, time
        from copylint.cli.fastexit import exit_now
        def late():
            time.sleep(0.3)
            print("thread finished", flush=True)
        threading.Thread(target=late).start()
        exit_now(0)
        """
    )
    assert (result.returncode, result.stdout) == (0, "thread finished\n")


def test_the_command_line_keeps_its_exit_codes_and_output(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("It was a a quiet night.\n", encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text("It was a quiet night.\n", encoding="utf-8")
    found = run_process("check", "--no-cache", str(article))
    assert found.returncode == 1
    assert "repetition.word" in found.stdout
    assert run_process("check", "--no-cache", str(clean)).returncode == 0
    assert run_process("check", "--no-such-option").returncode == 2
    assert run_process("check", str(tmp_path / "missing.txt")).returncode == 2
