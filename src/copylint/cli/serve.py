"""``copylint serve``: LanguageTool's HTTP API on this machine (see :mod:`copylint.server`).

Imported only when the command is run (it needs the ``server`` extra: Starlette and uvicorn).
"""

from __future__ import annotations

import logging
import socket

import click

from copylint.core.errors import CopylintError

DEFAULT_PORT = 8081
"""LanguageTool's own default port, so a client's usual ``http://localhost:8081`` works."""


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every network).")
@click.option(
    "--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535), help="0: any free port."
)
@click.option(
    "--max-text-length",
    default=100_000,
    show_default=True,
    type=click.IntRange(1),
    help="Characters a text may have; longer ones are refused (413).",
)
@click.option(
    "--timeout", default=20.0, show_default=True, type=click.FloatRange(min=0.1), help="Seconds a check may take."
)
@click.option(
    "--max-in-flight",
    default=8,
    show_default=True,
    type=click.IntRange(1),
    help="Requests handled at once; more are refused (503).",
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Configuration file to use.")
def serve(
    host: str, port: int, max_text_length: int, timeout: float, max_in_flight: int, config_path: str | None
) -> None:
    """Serve LanguageTool's HTTP API (POST /v2/check, GET /v2/languages) so that LanguageTool
    clients check with copylint: browser add-ons, LTeX, Obsidian, LibreOffice.

    The configuration is read once, from the current folder as `copylint check` reads it. The
    server listens on 127.0.0.1 only unless --host says otherwise; it reads no file a request
    names, and logs one line per request.

    \b
    Example:
      copylint serve --port 8081
    """
    try:
        import uvicorn

        from copylint.server.app import Limits, create_app
        from copylint.server.checker import Checker
    except ImportError as exc:
        raise click.ClickException(f"{exc}; install the server extra: pip install 'copylint[server]'") from None
    logging.basicConfig(level=logging.INFO, format="copylint serve: %(message)s")
    try:
        checker = Checker(config_path)
    except CopylintError as exc:
        raise click.ClickException(str(exc)) from None
    for note in checker.notes:
        click.echo(f"copylint: note: {note}", err=True)
    checker.warm_up()
    app = create_app(checker, Limits(max_chars=max_text_length, timeout=timeout, max_in_flight=max_in_flight))
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    bound = listener.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"copylint serve: listening on http://{shown}:{bound}/v2/", err=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False, timeout_graceful_shutdown=2)
    uvicorn.Server(config).run(sockets=[listener])
