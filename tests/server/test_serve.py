"""``copylint serve`` as a real process on 127.0.0.1, checked with language-tool-python's own client
and with raw HTTP: UTF-16 offsets, annotated data, rule choice, the languages list, and errors
after which the server still answers."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import language_tool_python
import pytest

MAX_CHARS = 2_000


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The server's base URL and its log file; run from an empty folder (no configuration)."""
    folder = tmp_path_factory.mktemp("serve")
    log = folder / "serve.log"
    command = [sys.executable, "-m", "copylint", "serve", "--port", "0", "--max-text-length", str(MAX_CHARS)]
    with log.open("w") as stderr:
        process = subprocess.Popen(command, cwd=folder, stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        deadline = time.monotonic() + 60
        while not (found := re.search(r"listening on (http://127\.0\.0\.1:\d+)/v2/", log.read_text())):
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "copylint serve did not start"
            time.sleep(0.1)
        yield found.group(1), log
    finally:
        process.terminate()
        process.wait(timeout=10)


def check(url: str, **fields: str) -> httpx.Response:
    return httpx.post(f"{url}/v2/check", data=fields, timeout=30)


def still_answers(url: str) -> None:
    assert httpx.get(f"{url}/v2/languages", timeout=10).status_code == 200


def test_language_tool_pythons_client_reads_the_matches(server: tuple[str, Path]) -> None:
    url, _ = server
    tool = language_tool_python.LanguageTool("en-US", remote_server=url)
    matches = tool.check("We went to the the market. I recieved it.")
    assert [(m.rule_id, m.offset, m.error_length, m.replacements[:1]) for m in matches] == [
        ("repetition.word", 11, 7, ["the"]),
        ("spelling.typo", 29, 8, ["received"]),
    ]
    assert matches[0].category == "REDUNDANCY" and matches[1].rule_issue_type == "misspelling"
    tool.disabled_rules = {"spelling"}
    assert [m.rule_id for m in tool.check("We went to the the market. I recieved it.")] == ["repetition.word"]


def test_offsets_count_utf16_units_after_an_emoji(server: tuple[str, Path]) -> None:
    url, _ = server
    text = "Launch day 🚀🚀 and we we shipped."
    answer = check(url, text=text, language="en-US").json()
    (match,) = answer["matches"]
    assert (match["offset"], match["length"]) == (20, 5)  # 18 code points before it, two of them astral
    assert text.encode("utf-16-le")[2 * 20 : 2 * 25].decode("utf-16-le") == "we we"
    context = match["context"]
    units = context["text"].encode("utf-16-le")[2 * context["offset"] : 2 * (context["offset"] + context["length"])]
    assert units.decode("utf-16-le") == "we we"  # the context's offset counts UTF-16 units too
    assert match["sentence"] == text
    assert match["rule"]["category"] == {"id": "REDUNDANCY", "name": "Redundant Phrases"}
    assert answer["language"]["code"] == "en-US" and answer["software"]["name"] == "copylint"


def test_annotated_markup_is_skipped_and_offsets_count_it(server: tuple[str, Path]) -> None:
    url, _ = server
    parts = [
        {"markup": '<p title="teh recieved">'},
        {"text": "This is "},
        {"markup": "<b>"},
        {"text": "is"},
        {"markup": "</b>"},
        {"text": " fine."},
        {"markup": "</p>", "interpretAs": "\n\n"},
        {"text": "I recieved it."},
    ]
    original = "".join(part.get("text") or part["markup"] for part in parts)
    answer = check(url, data=json.dumps({"annotation": parts}), language="en").json()
    spans = [(m["rule"]["id"], original[m["offset"] : m["offset"] + m["length"]]) for m in answer["matches"]]
    assert spans == [("repetition.word", "is <b>is"), ("spelling.typo", "recieved")]
    assert answer["matches"][1]["offset"] == original.rindex("recieved")


def test_rules_can_be_enabled_disabled_and_chosen_alone(server: tuple[str, Path]) -> None:
    url, _ = server
    text = "We saw the the teh market. I recieved it."

    def rules(**fields: str) -> list[str]:
        return [m["rule"]["id"] for m in check(url, text=text, language="en-US", **fields).json()["matches"]]

    assert rules() == ["repetition.word", "spelling.typo"]  # "teh" is info: only level=picky shows it
    assert rules(level="picky") == ["repetition.word", "spelling.typo", "spelling.typo"]
    assert rules(disabledRules="repetition.word") == ["spelling.typo"]
    assert rules(enabledRules="spelling.typo", enabledOnly="true") == ["spelling.typo"]


def test_the_languages_endpoint_lists_english(server: tuple[str, Path]) -> None:
    url, _ = server
    answer = httpx.get(f"{url}/v2/languages", timeout=10).json()
    assert {"name": "English (US)", "code": "en", "longCode": "en-US"} in answer
    assert {entry["longCode"] for entry in answer} >= {"en", "en-US", "en-GB"}


@pytest.mark.parametrize(
    ("fields", "status", "error"),
    [
        ({"language": "en-US"}, 400, "Error: Missing 'text' or 'data' parameter"),
        ({"text": "Hello.", "language": "xx-YY"}, 400, "Error: 'xx-YY' is not a language code known"),
        ({"data": "{not json", "language": "en"}, 400, "Error: Could not parse JSON"),
        ({"text": "word " * MAX_CHARS, "language": "en"}, 413, f"Error: Your text exceeds the limit of {MAX_CHARS}"),
        ({"text": "x" * (5 * MAX_CHARS + 70_000), "language": "en"}, 413, "Error: Your request exceeds the limit"),
    ],
)
def test_a_refused_request_gets_languagetools_error_and_the_server_goes_on(
    server: tuple[str, Path], fields: dict[str, str], status: int, error: str
) -> None:
    url, _ = server
    response = check(url, **fields)
    assert (response.status_code, response.text[: len(error)]) == (status, error)
    still_answers(url)


def test_a_text_that_names_a_file_is_checked_as_text(server: tuple[str, Path], tmp_path: Path) -> None:
    url, _ = server
    secret = tmp_path / "secret.txt"
    secret.write_text("The the secret.\n")
    assert check(url, text=str(secret), language="en-US").json()["matches"] == []


def test_each_request_is_logged_in_one_line(server: tuple[str, Path]) -> None:
    url, log = server
    check(url, text="A line to log.", language="en-US")
    time.sleep(0.2)
    assert re.search(r"^copylint serve: 127\.0\.0\.1 POST /v2/check 200 \d+ms$", log.read_text(), re.MULTILINE)
