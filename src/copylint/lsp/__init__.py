"""``copylint lsp``: a Language Server Protocol server, so writers see findings in their editor as
they type. It needs the ``lsp`` extra (pygls); nothing else in copylint imports this package.
"""
