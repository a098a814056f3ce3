"""A client that goes away in the middle of a request: the server ends cleanly instead of hanging."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Any


def _message(payload: dict[str, Any]) -> bytes:
    body = json.dumps(payload).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_the_server_ends_when_the_client_disconnects_mid_request() -> None:
    server = subprocess.Popen(
        [sys.executable, "-m", "copylint", "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert server.stdin is not None
    document = {
        "uri": "file:///nowhere/draft.md",
        "languageId": "markdown",
        "version": 1,
        "text": "A tset is is here.\n" * 5000,
    }
    server.stdin.write(_message({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}))
    server.stdin.write(_message({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    server.stdin.write(
        _message({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": document}})
    )
    hover = {"textDocument": {"uri": document["uri"]}, "position": {"line": 0, "character": 3}}
    server.stdin.write(_message({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": hover})[:60])
    server.stdin.flush()
    time.sleep(0.5)  # the document is being linted, and the hover request is half sent
    output, _ = server.communicate(timeout=120)  # closes standard input: the client is gone
    assert server.returncode == 0
    header, _, body = output.partition(b"\r\n\r\n")
    [length] = [int(line.split(b":")[1]) for line in header.split(b"\r\n") if line.startswith(b"Content-Length:")]
    assert json.loads(body[:length])["result"]["serverInfo"]["name"] == "copylint"
