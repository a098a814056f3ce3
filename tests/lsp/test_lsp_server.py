"""``copylint lsp`` driven by a real LSP client (pytest-lsp starts it as a subprocess)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

pytestmark = pytest.mark.asyncio

# An emoji (one code point, two UTF-16 units, four UTF-8 bytes) before a doubled word and a typo.
LINE = "Hi 😀 this is is a tset.\n"
DOUBLED, TYPO = (10, 15), (18, 22)  # code points
OFFERS = {
    None: {"doubled": (11, 16), "typo": (19, 23)},  # UTF-16, the default
    types.PositionEncodingKind.Utf8: {"doubled": (13, 18), "typo": (21, 25)},
    types.PositionEncodingKind.Utf32: {"doubled": DOUBLED, "typo": TYPO},
}


def _read_code_actions_by_the_spec(client: LanguageClient) -> None:
    """lsprotocol's client-side reading of ``Command | CodeAction`` takes any object with a
    ``command`` member for a Command, so a CodeAction that runs a command would arrive mangled;
    read it as the specification says: a Command's ``command`` is a string."""
    converter = client.protocol._converter

    def read(data: Any, _: type) -> types.Command | types.CodeAction:
        kind = types.Command if isinstance(data.get("command"), str) else types.CodeAction
        return converter.structure(data, kind)  # type: ignore[no-any-return]

    converter.register_structure_hook(types.Command | types.CodeAction, read)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "copylint", "lsp"]))
async def client(lsp_client: LanguageClient) -> None:
    _read_code_actions_by_the_spec(lsp_client)
    yield
    await lsp_client.shutdown_session()


async def _start(client: LanguageClient, encoding: str | None = None) -> None:
    general = types.GeneralClientCapabilities(position_encodings=[encoding]) if encoding else None
    capabilities = types.ClientCapabilities(general=general)
    await client.initialize_session(types.InitializeParams(capabilities=capabilities))


async def _open(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> list[types.Diagnostic]:
    path.write_text(text, encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=path.as_uri(), language_id=language, version=1, text=text)
        )
    )
    return await _diagnostics(client, path)


async def _diagnostics(client: LanguageClient, path: Path) -> list[types.Diagnostic]:
    """The next diagnostics published for ``path`` (call it before any other await after the edit)."""
    client.diagnostics.pop(path.as_uri(), None)
    while path.as_uri() not in client.diagnostics:
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[path.as_uri()]


def _by_rule(diagnostics: list[types.Diagnostic]) -> dict[str, types.Diagnostic]:
    return {str(diagnostic.code): diagnostic for diagnostic in diagnostics}


@pytest.mark.parametrize("encoding", list(OFFERS))
async def test_diagnostics_at_exact_positions_in_the_negotiated_encoding(
    client: LanguageClient, tmp_path: Path, encoding: str | None
) -> None:
    await _start(client, encoding)
    found = _by_rule(await _open(client, tmp_path / "draft.md", "# Notes\n\n" + LINE))
    doubled, typo = found["repetition.word"], found["spelling.typo"]
    for diagnostic, (start, end) in ((doubled, OFFERS[encoding]["doubled"]), (typo, OFFERS[encoding]["typo"])):
        assert diagnostic.range == types.Range(
            start=types.Position(line=2, character=start), end=types.Position(line=2, character=end)
        )
        assert diagnostic.source == "copylint"
    assert typo.severity == types.DiagnosticSeverity.Warning
    assert typo.message == "Unknown word “tset”: did you mean “test”?"
    assert doubled.data == {"category": "repetition"}


async def test_code_action_fixes_the_typo_and_its_diagnostic_goes_away(client: LanguageClient, tmp_path: Path) -> None:
    await _start(client)
    path = tmp_path / "draft.md"
    typo = _by_rule(await _open(client, path, LINE))["spelling.typo"]
    actions = await _actions(client, path, typo)
    assert [action.title for action in actions][:3] == [
        "Replace with “test”",
        "Replace with “set”",
        "Replace with “taste”",
    ]
    assert not any(action.title.startswith("Add ") for action in actions)  # no accept list configured
    chosen = actions[0]
    assert chosen.edit is not None and chosen.edit.document_changes is not None
    document_edit = chosen.edit.document_changes[0]
    assert isinstance(document_edit, types.TextDocumentEdit)
    (edit,) = document_edit.edits
    assert edit.range == typo.range and edit.new_text == "test"
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
            content_changes=[types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)],
        )
    )
    after = _by_rule(await _diagnostics(client, path))
    assert "spelling.typo" not in after
    assert "repetition.word" in after


async def _actions(client: LanguageClient, path: Path, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    return [action for action in actions or [] if isinstance(action, types.CodeAction)]


async def test_adding_a_word_to_the_projects_accept_list(client: LanguageClient, tmp_path: Path) -> None:
    (tmp_path / ".copylint.toml").write_text('accept = ["styles/accept.txt"]\n', encoding="utf-8")
    (tmp_path / "styles").mkdir()
    accept = tmp_path / "styles" / "accept.txt"
    accept.write_text("# house words\nKubernetes", encoding="utf-8")
    await _start(client)
    path = tmp_path / "draft.md"
    typo = _by_rule(await _open(client, path, LINE))["spelling.typo"]
    [add] = [action for action in await _actions(client, path, typo) if action.title.startswith("Add ")]
    assert add.title == "Add “tset” to accept.txt" and add.command is not None
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=add.command.command, arguments=add.command.arguments)
    )
    after = _by_rule(await _diagnostics(client, path))
    assert "spelling.typo" not in after and "repetition.word" in after
    assert accept.read_text(encoding="utf-8") == "# house words\nKubernetes\ntset\n"


async def test_hover_explains_the_rule(client: LanguageClient, tmp_path: Path) -> None:
    await _start(client)
    path = tmp_path / "draft.txt"
    typo = _by_rule(await _open(client, path, LINE, "plaintext"))["spelling.typo"]
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=typo.range.start)
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value.startswith("**spelling.typo** (typo, warning): Unknown word “tset”")
    assert len(hover.contents.value) > 200  # the rule's documentation follows the message


async def test_changed_configuration_changes_the_diagnostics(client: LanguageClient, tmp_path: Path) -> None:
    await _start(client)
    path = tmp_path / "page.html"
    before = _by_rule(await _open(client, path, f"<p>{LINE}</p>\n", "html"))
    assert {"spelling.typo", "repetition.word"} <= set(before)
    config = tmp_path / ".copylint.toml"
    config.write_text('ignore = ["spelling"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]
        )
    )
    after = _by_rule(await _diagnostics(client, path))
    assert "spelling.typo" not in after and "repetition.word" in after


RAISING = Path(__file__).resolve().parents[1] / "fixtures" / "plugins" / "raising"


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "copylint", "lsp"],
        server_env={**os.environ, "PYTHONPATH": os.pathsep.join([str(RAISING), os.environ.get("PYTHONPATH", "")])},
    )
)
async def client_with_raising_rule(lsp_client: LanguageClient) -> None:
    yield
    await lsp_client.shutdown_session()


async def test_a_crashing_rule_costs_its_findings_not_the_server(
    client_with_raising_rule: LanguageClient, tmp_path: Path
) -> None:
    client = client_with_raising_rule
    await _start(client)
    path = tmp_path / "draft.md"
    found = _by_rule(await _open(client, path, "The boom " + LINE))
    assert {"spelling.typo", "repetition.word"} <= set(found)
    assert any("rule 'raising.boom' (from copylint_raising) crashed" in log.message for log in client.log_messages)
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=found["spelling.typo"].range.start
        )
    )
    assert hover is not None


async def test_a_five_megabyte_document_is_linted_and_the_server_keeps_answering(
    client: LanguageClient, tmp_path: Path
) -> None:
    await _start(client)
    paragraph = "The committee met on Tuesday and agreed the budget for the coming year. " * 10 + "\n\n"
    big = tmp_path / "big.md"
    text = (paragraph * 9 + "One paragraph has a tset in it.\n\n") * 800
    assert 5_000_000 < len(text.encode("utf-8")) < 6_000_000
    big.write_text(text, encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=big.as_uri(), language_id="markdown", version=1, text=text)
        )
    )
    small = _by_rule(await _open(client, tmp_path / "small.md", LINE))
    assert {"spelling.typo", "repetition.word"} <= set(small)
    typos = [d for d in client.diagnostics[big.as_uri()] if d.code == "spelling.typo"]
    assert len(typos) == 800
    assert typos[-1].range.start == types.Position(line=len(text.splitlines()) - 2, character=20)
