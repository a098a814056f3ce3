"""Golden files: every article under ``fixtures/`` and the JSON copylint must print for it.

Set ``COPYLINT_UPDATE_GOLDEN=1`` to rewrite the expected files after an intended change; review
the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import FIXTURES, golden_articles, run_cli

ARTICLES = [path.relative_to(FIXTURES).as_posix() for path in golden_articles() if path.name != "SOURCE.md"]


def expected_path(article: str) -> Path:
    return FIXTURES / f"{article}.expected.json"


@pytest.mark.parametrize("article", ARTICLES)
def test_golden(article: str) -> None:
    result = run_cli("check", "--format", "json", article, cwd=FIXTURES)
    assert result.exit_code in (0, 1), result.stderr
    assert result.stderr == ""
    actual = json.loads(result.stdout)
    target = expected_path(article)
    if os.environ.get("COPYLINT_UPDATE_GOLDEN"):
        target.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(target.read_text(encoding="utf-8"))
    assert actual == expected


def test_seed_article_finds_r3_at_its_labelled_position() -> None:
    expected = json.loads(expected_path("anora.txt").read_text(encoding="utf-8"))
    hits = [f for f in expected["findings"] if f["rule"] == "repetition.word"]
    assert [(f["line"], f["column"], f["end_column"], f["suggestions"]) for f in hits] == [(37, 341, 344, ["a"])]
