"""LanguageTool as an optional backend, through its documented HTTP API (``POST /v2/check``).

Off unless configured (``languagetool = "http://localhost:8081"`` or ``"local"``). With a URL,
copylint talks to that server directly; with ``"local"`` it asks language-tool-python (the
``languagetool`` extra, which needs Java) to start a server on this machine and then talks to it
the same way. LanguageTool counts offsets in UTF-16 code units; they are converted to code points
here, exactly, before they are mapped back to the source.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from copylint.core.errors import CopylintError
from copylint.core.finding import Category

TIMEOUT = 60
CATEGORIES = {
    "TYPOS": Category.TYPO,
    "CONFUSED_WORDS": Category.REAL_WORD,
    "SEMANTICS": Category.REAL_WORD,
    "GRAMMAR": Category.GRAMMAR,
    "CASING": Category.GRAMMAR,
    "COLLOCATIONS": Category.GRAMMAR,
    "COMPOUNDING": Category.GRAMMAR,
    "PUNCTUATION": Category.PUNCTUATION,
    "TYPOGRAPHY": Category.PUNCTUATION,
    "REPETITIONS": Category.REPETITION,
    "REPETITIONS_STYLE": Category.STYLE,
    "REDUNDANCY": Category.STYLE,
    "STYLE": Category.STYLE,
    "PLAIN_ENGLISH": Category.STYLE,
}


@dataclass(frozen=True, slots=True)
class LanguageToolMatch:
    """One match, with offsets already in code points."""

    start: int
    end: int
    message: str
    replacements: tuple[str, ...]
    rule_id: str
    category: Category


def utf16_to_code_points(text: str) -> list[int]:
    """``table[u]`` is the code-point offset of UTF-16 offset ``u`` (for every ``u`` up to the end)."""
    table: list[int] = []
    for index, char in enumerate(text):
        table.append(index)
        if ord(char) > 0xFFFF:
            table.append(index)  # the second half of a surrogate pair
    table.append(len(text))
    return table


def parse_matches(text: str, payload: dict[str, Any]) -> list[LanguageToolMatch]:
    table = utf16_to_code_points(text)
    matches = []
    for raw in payload.get("matches", []):
        offset, length = int(raw["offset"]), int(raw["length"])
        end = min(offset + length, len(table) - 1)
        rule = raw.get("rule", {})
        category = CATEGORIES.get(rule.get("category", {}).get("id", ""), Category.STYLE)
        matches.append(
            LanguageToolMatch(
                start=table[min(offset, len(table) - 1)],
                end=table[end],
                message=str(raw.get("message", "")),
                replacements=tuple(str(r.get("value", "")) for r in raw.get("replacements", [])[:5]),
                rule_id=str(rule.get("id", "UNKNOWN")),
                category=category,
            )
        )
    return matches


def check(server: str, text: str, language: str = "en-US") -> list[LanguageToolMatch]:
    """Ask the LanguageTool server at ``server`` about ``text``; a clear error when it cannot."""
    url = resolve_server(server).rstrip("/") + "/v2/check"
    data = urllib.parse.urlencode({"text": text, "language": language}).encode()
    request = urllib.request.Request(url, data=data, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 - a configured server
            payload = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        raise CopylintError(f"LanguageTool at {url} answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise CopylintError(
            f"cannot reach LanguageTool at {url} ({reason}); start a server or remove the 'languagetool' setting"
        ) from None
    except ValueError:
        raise CopylintError(f"LanguageTool at {url} did not answer with JSON") from None
    return parse_matches(text, payload)


@lru_cache(maxsize=4)
def resolve_server(server: str) -> str:
    """A URL as is; ``"local"`` starts LanguageTool through language-tool-python (needs Java)."""
    if server != "local":
        return server
    try:
        import language_tool_python  # optional: copylint[languagetool]
    except ImportError:
        raise CopylintError("languagetool = \"local\" needs the extra: pip install 'copylint[languagetool]'") from None
    try:
        tool = language_tool_python.LanguageTool("en-US")
    except Exception as exc:  # noqa: BLE001 - the library raises many kinds when Java or the download is missing
        raise CopylintError(f"cannot start a local LanguageTool ({type(exc).__name__}: {exc})") from None
    return str(tool._url).removesuffix("v2/")  # noqa: SLF001 - the library keeps the URL of the server it started
