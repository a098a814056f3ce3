"""``copylint serve``: LanguageTool's HTTP API (``POST /v2/check``, ``GET /v2/languages``) over
copylint's rules, so that LanguageTool clients (browser add-ons, LTeX, Obsidian, LibreOffice) work
unchanged when pointed at it. An ASGI app on Starlette; the command line serves it with uvicorn.
"""

from __future__ import annotations
