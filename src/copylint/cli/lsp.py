"""``copylint lsp``: the language server, for editors (needs the ``lsp`` extra)."""

from __future__ import annotations

import click


@click.command()
@click.option("--stdio", is_flag=True, help="Speak over standard input and output (the default and only transport).")
def lsp(stdio: bool) -> None:
    """Run a Language Server Protocol server over standard input and output.

    Editors start it and show copylint's findings as diagnostics while you type, with quick fixes
    and the rule's explanation on hover. The configuration is found from each document's folder,
    as `copylint check` finds it. Needs: pip install 'copylint[lsp]'.
    """
    try:
        from copylint.lsp.server import serve_stdio
    except ImportError as exc:
        raise click.ClickException(f"the language server needs pygls: pip install 'copylint[lsp]' ({exc})") from None
    serve_stdio()
