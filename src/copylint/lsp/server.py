"""The pygls server: keeps each open document's latest lint, relints on open, change (debounced)
and save, and answers code actions and hovers from it.

Linting runs on one worker thread, so the server keeps reading messages while a large document
is linted, and a result for a version the editor has since changed is dropped, not published.
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from copylint._version import __version__
from copylint.lsp import convert
from copylint.lsp.projects import Linted, Projects, add_to_list

DEBOUNCE_SECONDS = 0.15
"""How long typing must pause before a changed document is linted again."""
CONFIG_FILES = (".copylint.toml", "pyproject.toml")
_SUFFIXES = {"markdown": ".md", "html": ".html"}


@dataclass(frozen=True)
class _Latest:
    version: int | None
    linted: Linted


class CopylintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("copylint", __version__)
        self.projects = Projects()
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copylint-lint")
        self.latest: dict[str, _Latest] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)

    def log(self, message: str, kind: types.MessageType = types.MessageType.Warning) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=f"copylint: {message}"))

    async def lint(self, uri: str) -> _Latest | None:
        """Lint the open document at ``uri`` now and publish its diagnostics."""
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source
        try:
            linted = await asyncio.get_running_loop().run_in_executor(
                self.executor, self.projects.lint, _path(document), text
            )
        except Exception as exc:  # noqa: BLE001 - a bug in one lint must not end the editor's session
            self.log(f"{uri}: could not be linted ({type(exc).__name__}: {exc})", types.MessageType.Error)
            return None
        for note in self.projects.notes:
            self.log(note)
        self.projects.notes.clear()
        if linted.problem:
            self.log(linted.problem)
        if uri not in self.workspace.text_documents or self.workspace.get_text_document(uri).source != text:
            return None  # changed or closed meanwhile: a newer lint is on its way
        latest = _Latest(version, linted)
        self.latest[uri] = latest
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=version, diagnostics=convert.diagnostics(linted, self.encoding)
            )
        )
        return latest

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Lint ``uri`` after ``delay`` seconds, replacing a lint of it not yet started."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.ensure_future(self._later(uri, delay))

    async def _later(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        self.pending.pop(uri, None)
        await self.lint(uri)

    async def current(self, uri: str) -> Linted | None:
        """The lint of the document as it is now, linting it again if it changed since."""
        latest = self.latest.get(uri)
        if latest is not None and latest.linted.document.text == self.workspace.get_text_document(uri).source:
            return latest.linted
        fresh = await self.lint(uri)
        return fresh.linted if fresh is not None else None

    def reload(self) -> None:
        """A configuration file changed: forget the sessions and lint every open document again."""
        self.projects.reload()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri)


def _path(document: TextDocument) -> str:
    """The file path the document is linted as; an unsaved one is named after its language."""
    path = document.path if document.uri.startswith("file:") else None
    if path:
        return path
    return os.path.join(os.getcwd(), "untitled" + _SUFFIXES.get(document.language_id or "", ".txt"))


server = CopylintServer()


@server.feature(types.INITIALIZED)
async def initialized(ls: CopylintServer, params: types.InitializedParams) -> None:
    dynamic = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
    if dynamic and dynamic.dynamic_registration:
        watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES]
        registration = types.Registration(
            id="copylint-config",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
        )
        await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: CopylintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: CopylintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: CopylintServer, params: types.DidSaveTextDocumentParams) -> None:
    if os.path.basename(to_fs_path(params.text_document.uri) or "") in CONFIG_FILES:
        ls.reload()
    else:
        ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: CopylintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    waiting = ls.pending.pop(uri, None)
    if waiting is not None:
        waiting.cancel()
    ls.latest.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: CopylintServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(os.path.basename(to_fs_path(change.uri) or "") in CONFIG_FILES for change in params.changes):
        ls.reload()


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]),
)
async def code_action(ls: CopylintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    linted = await ls.current(uri)
    if linted is None:
        return []
    document = ls.workspace.get_text_document(uri)
    accept_list = ls.projects.accept_list(_path(document))
    return convert.code_actions(uri, document.version, linted, params.range, ls.encoding, accept_list)


@server.command(convert.ACCEPT_WORD)
def accept_word(ls: CopylintServer, uri: str, word: str) -> None:
    """Add ``word`` to the accept list of the project ``uri`` belongs to (the server chooses the
    file, never the client), then lint every open document again."""
    if not word or any(char.isspace() for char in word):
        raise ValueError(f"not a word: {word!r}")
    accept_list = ls.projects.accept_list(_path(ls.workspace.get_text_document(uri)))
    if accept_list is None:
        raise ValueError("the project's configuration names no accept list")
    add_to_list(accept_list, word)
    ls.reload()


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: CopylintServer, params: types.HoverParams) -> types.Hover | None:
    linted = await ls.current(params.text_document.uri)
    return convert.hover(linted, params.position, ls.encoding) if linted is not None else None


def serve_stdio() -> None:
    """Run the server on standard input and output until the client says exit."""
    server.start_io()
