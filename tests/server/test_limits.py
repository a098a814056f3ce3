"""The app's time limit and cap on requests in flight, in process (httpx's ASGI transport) with a
check that waits until it is released."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence

import httpx

from copylint.core.finding import Finding
from copylint.server.app import Limits, create_app
from copylint.server.checker import Choice

FIELDS = {"text": "Hello.", "language": "en-US"}


class WaitingChecker:
    """A checker whose check says it started, waits for ``release`` and finds nothing."""

    rules: dict[str, object] = {}

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()

    def check(self, text: str, choice: Choice) -> Sequence[Finding]:
        self.started.set()
        self.release.wait(10)
        return []


def client_for(checker: WaitingChecker, limits: Limits) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=create_app(checker, limits))  # type: ignore[arg-type]
    return httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1")


def test_a_check_over_the_time_limit_is_refused_and_the_next_one_answered() -> None:
    checker = WaitingChecker()

    async def scenario() -> None:
        async with client_for(checker, Limits(timeout=0.2)) as client:
            response = await client.post("/v2/check", data=FIELDS)
            assert response.status_code == 503
            assert response.text.startswith("Error: Checking took longer than 0.2 seconds")
            checker.release.set()
            assert (await client.post("/v2/check", data=FIELDS)).json()["matches"] == []

    asyncio.run(scenario())


def test_a_request_beyond_the_cap_in_flight_gets_503_and_the_first_is_answered() -> None:
    checker = WaitingChecker()

    async def scenario() -> None:
        async with client_for(checker, Limits(max_in_flight=1)) as client:
            first = asyncio.create_task(client.post("/v2/check", data=FIELDS))
            assert await asyncio.to_thread(checker.started.wait, 10)
            refused = await client.post("/v2/check", data=FIELDS)
            assert (refused.status_code, refused.text) == (
                503,
                "Error: Too many requests in flight (this server's limit is 1).",
            )
            checker.release.set()
            assert (await first).status_code == 200
            assert (await client.get("/v2/languages")).status_code == 200

    asyncio.run(scenario())
