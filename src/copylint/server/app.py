"""The ASGI app: LanguageTool's routes, with limits that keep a shared machine safe.

A request body over the size limit, a text over the character limit, a check over the time limit
and a request beyond the number in flight are each refused with LanguageTool's plain-text error
shape (``Error: ...``) and its status (413, 503), and the server keeps answering. Each request
is logged in one line.
"""

from __future__ import annotations

import logging
import time
import urllib.parse
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

import anyio
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from copylint.core.selection import split_selectors
from copylint.server.annotated import BadRequest, RequestText, parse_annotated
from copylint.server.checker import Checker, Choice
from copylint.server.languagetool import LANGUAGES, check_answer, languages

log = logging.getLogger("copylint.serve")


@dataclass(frozen=True, slots=True)
class Limits:
    """``max_chars``: characters a text may have (LanguageTool's ``maxTextLength``); the request
    body may be four bytes a character more, for form encoding and markup. ``timeout``: seconds a
    check may take. ``max_in_flight``: requests handled at once; more are refused with 503."""

    max_chars: int = 100_000
    timeout: float = 20.0
    max_in_flight: int = 8

    @property
    def max_body(self) -> int:
        return 4 * self.max_chars + 65_536


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def create_app(checker: Checker, limits: Limits = Limits()) -> Starlette:
    """The app answering ``/v2/check`` and ``/v2/languages`` with ``checker`` under ``limits``."""
    in_flight = 0

    async def check(request: Request) -> Response:
        nonlocal in_flight
        if in_flight >= limits.max_in_flight:
            raise _Refused(503, f"Error: Too many requests in flight (this server's limit is {limits.max_in_flight}).")
        in_flight += 1
        try:
            fields = await _fields(request, limits.max_body)
            language, text, choice = _read(fields, limits.max_chars)
            with anyio.fail_after(limits.timeout):
                # the check goes on in its thread after a timeout; the lock makes the next one wait for it
                findings = await anyio.to_thread.run_sync(checker.check, text.plain, choice, abandon_on_cancel=True)
        except TimeoutError:
            raise _Refused(
                503, f"Error: Checking took longer than {limits.timeout:g} seconds (this server's limit)."
            ) from None
        finally:
            in_flight -= 1
        return JSONResponse(check_answer(language, text, findings, checker.rules))

    async def list_languages(request: Request) -> Response:
        return JSONResponse(languages())

    routes = [
        Route("/v2/check", check, methods=["GET", "POST"]),
        Route("/v2/languages", list_languages, methods=["GET"]),
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(BaseHTTPMiddleware, dispatch=_log_line)],
        exception_handlers={_Refused: _refused, BadRequest: _bad_request},
    )


async def _fields(request: Request, max_body: int) -> dict[str, str]:
    """The query and form-encoded body fields, the body read no further than ``max_body`` bytes."""
    fields = dict(request.query_params)
    if request.method != "POST":
        return fields
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_body:
        raise _Refused(413, _too_big(max_body, int(declared)))
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_body:
            raise _Refused(413, _too_big(max_body, len(body)))
    try:
        parsed = urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except UnicodeDecodeError:
        raise BadRequest("Error: The request body is not UTF-8 form-encoded data") from None
    fields.update(parsed)
    return fields


def _too_big(limit: int, size: int) -> str:
    return f"Error: Your request exceeds the limit of {limit} bytes (it's {size} bytes). Please submit a shorter text."


def _read(fields: Mapping[str, str], max_chars: int) -> tuple[str, RequestText, Choice]:
    """The language, the text and the rule choice of a check, or the error LanguageTool gives."""
    language = fields.get("language")
    if not language:
        raise BadRequest("Error: Missing 'language' parameter. Use 'language=auto' to detect the language.")
    if language != "auto" and language not in LANGUAGES:
        known = ", ".join(LANGUAGES)
        raise BadRequest(
            f"Error: '{language}' is not a language code known to copylint. Supported language codes are: {known}, auto"
        )
    if "data" in fields:
        text = parse_annotated(fields["data"])
    elif "text" in fields:
        text = RequestText.from_text(fields["text"])
    else:
        raise BadRequest("Error: Missing 'text' or 'data' parameter")
    if len(text.plain) > max_chars:
        raise _Refused(
            413,
            f"Error: Your text exceeds the limit of {max_chars} characters (it's {len(text.plain)} characters). "
            "Please submit a shorter text.",
        )
    choice = Choice(
        enabled=split_selectors([fields.get("enabledRules", "")]),
        disabled=split_selectors([fields.get("disabledRules", "")]),
        enabled_only=fields.get("enabledOnly", "false").lower() == "true",
        picky=fields.get("level", "default") == "picky",
    )
    if choice.enabled_only and not choice.enabled:
        raise BadRequest("Error: You must specify enabled rules or categories when using enabledOnly=true")
    return language, text, choice


async def _refused(request: Request, exc: Exception) -> Response:
    status = exc.status if isinstance(exc, _Refused) else 400
    return PlainTextResponse(str(exc), status_code=status)


async def _bad_request(request: Request, exc: Exception) -> Response:
    return PlainTextResponse(str(exc), status_code=400)


async def _log_line(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """One line a request: client, method, path, status, milliseconds."""
    began = time.perf_counter()
    response = await call_next(request)
    client = request.client.host if request.client else "-"
    elapsed = (time.perf_counter() - began) * 1000
    log.info("%s %s %s %d %.0fms", client, request.method, request.url.path, response.status_code, elapsed)
    return response
