"""Block rules for markdown-it: the site syntax that Python-Markdown, MkDocs Material, Docusaurus,
VitePress, Starlight and MyST add to Markdown, so that its markup never reaches the prose and the
prose it holds is read as Markdown.

- Containers whose body is Markdown: admonitions and collapsible blocks (``!!! note "Title"``,
  ``??? tip``, ``???+ warning``) and content tabs (``=== "Tab"``), whose body is indented four
  spaces (not an indented code block); ``:::tip``, ``:::note[Title]``, ``::: warning Title``,
  MyST's ``:::{note}`` and pymdownx's ``/// details | Title``, closed by a line of colons or
  slashes; (mkdocstrings' ``::: package.module`` lines are markup); MyST directives in backtick fences
  (```` ```{note} ````). The keyword is markup; a title is prose (a ``container_title`` block);
  a directive that holds code or options (``{code-block}``, ``{toctree}``) is left out whole.
- Footnote definitions (``[^note]: text``): the label is markup, the text is prose.
- Lines that render no prose: abbreviation definitions (``*[HTML]: Hyper Text Markup Language``),
  MyST targets (``(label)=``), included files (``{* docs_src/app.py *}``, ``{!a.md!}``), ESM
  imports that MDX-reading sites allow in Markdown (``import Tabs from '@theme/Tabs';``) and LaTeX
  environments (``\\begin{align}`` … ``\\end{align}``).

A title is an ``inline`` token whose ``meta["source_start"]`` is where its text starts in the
source, so the walker maps it there and not to an earlier copy of the same word on the line.
"""

from __future__ import annotations

import bisect
import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

TITLE_OPEN = "container_title_open"
TITLE_CLOSE = "container_title_close"
"""The block around a container's title; the walker reads the title as a heading."""

_INTERRUPTS = ["paragraph", "reference", "blockquote", "list"]
# "!!! note", "??? tip "Title"", "???+ danger inline end "Title"", "=== "Tab"", "===! "First tab"".
_INDENTED = re.compile(
    r"(?:(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*|===[!+]{0,2})(?:[ \t]+\"(?P<title>[^\"\n]*)\")?[ \t]*$"
)
# ":::tip", ":::note[Title]", "::: warning Title", ":::{note} Title", "::: {.callout}", and
# pymdownx.blocks' "/// details | Title": a name or attributes, then a title.
_FENCED_OPENER = re.compile(
    r"(?P<fence>:{3,}|/{3,})[ \t]*(?:\{(?P<directive>[\w-]+)\}|(?P<name>[A-Za-z][\w-]*)|(?P<attributes>\{[^{}\n]*\}))"
    r"(?:\[(?P<bracketed>[^\]\n]*)\]|[ \t]*\{[^{}\n]*\}|[ \t]*\|(?P<piped>[^\n]*))?(?P<rest>(?:[ \t][^\n]*)?)$"
)
_FENCED_CLOSER = re.compile(r"(:{3,}|/{3,})[ \t]*$")
_FENCE_LINE = re.compile(r"^[ \t]*(?P<fence>:{3,}|/{3,}|`{3,}|~{3,})(?P<rest>[^\n]*)", re.MULTILINE)
# mkdocstrings' "::: package.module" (options indented under it): documentation generated from code.
_AUTODOC = re.compile(r":::[ \t]+[A-Za-z_][\w]*(?:\.[\w]+)+[ \t]*$")
_FENCE_DIRECTIVE = re.compile(r"(?P<fence>`{3,}|~{3,})[ \t]*\{(?P<directive>[\w-]+)\}(?P<rest>[^`\n]*)$")
_OPTION = re.compile(r"[ \t]*:[\w-]+:")
_FOOTNOTE_LABEL = re.compile(r"\[\^[^\]\s]{1,200}\]:")
_ABBREVIATION = re.compile(r"\*\[[^\]\n]+\]:[^\n]*$")
_MYST_TARGET = re.compile(r"\([\w.:-]+\)=[ \t]*$")
# An ESM import, which sites that read Markdown as MDX (Docusaurus) allow in .md: "import Tabs from '@theme/Tabs';".
_IMPORT = re.compile(r"""import[ \t]+(?:[\w$*{][^\n'"]*[ \t]from[ \t]+)?(['"])[^'"\n]+\1;?[ \t]*$""")
# A file included by the build: "{* docs_src/app.py hl[3] *}" (FastAPI's docs), "{!./docs/a.md!}" (markdown-include).
_INCLUDE = re.compile(r"\{([*!])[^\n]*\1\}[ \t]*$")
_BEGIN = re.compile(r"\\begin\{(?P<environment>[A-Za-z]+\*?)\}")

TITLED_DIRECTIVES = frozenset(
    {"admonition", "topic", "sidebar", "dropdown", "card", "tab-item", "grid-item-card", "table", "list-table"}
)
"""MyST directives whose argument is a title (prose); other arguments are paths or versions."""
PROSE_DIRECTIVES = TITLED_DIRECTIVES | frozenset(
    {
        "note", "warning", "tip", "hint", "important", "caution", "attention", "danger", "error", "seealso",
        "margin", "tab-set", "grid", "grid-item", "div", "epigraph", "pull-quote", "highlights", "rubric",
        "figure", "versionadded", "versionchanged", "deprecated", "glossary", "todo", "aside",
    }
)  # fmt: skip
"""MyST directives whose body is Markdown prose: in a backtick fence, only these are read (any
other is code, as the fence says); in a colon fence, which MyST made for Markdown bodies, every
directive is read but those of :data:`CODE_DIRECTIVES`."""
CODE_DIRECTIVES = frozenset(
    {
        "code", "code-block", "code-cell", "sourcecode", "literalinclude", "include", "literal", "parsed-literal",
        "math", "eval-rst", "raw", "toctree", "csv-table", "mermaid", "graphviz", "image", "highlight", "index",
        "bibliography", "automodule", "autoclass", "autofunction", "automethod", "autodata", "autosummary",
    }
)  # fmt: skip
"""MyST directives that hold code, options or file names, never prose."""


def _line(state: StateBlock, line: int) -> tuple[int, int]:
    """The start (after indentation) and end of ``line`` in ``state.src``."""
    return state.bMarks[line] + state.tShift[line], state.eMarks[line]


def _push_title(state: StateBlock, line: int, title: str, source_start: int) -> None:
    """Push ``title`` (prose at ``source_start`` on ``line``) as a container's title block."""
    if not title.strip():
        return
    lead = len(title) - len(title.lstrip())
    state.push(TITLE_OPEN, "", 1).map = [line, line + 1]
    inline = state.push("inline", "", 0)
    inline.content = title.strip()
    inline.map = [line, line + 1]
    inline.children = []
    inline.meta = {"source_start": source_start + lead}
    state.push(TITLE_CLOSE, "", -1)


def _tokenize(state: StateBlock, name: str, start: int, end: int, line: int, indent: int | None = None) -> None:
    """Parse lines ``[start, end)`` as the Markdown body of a container opened on ``line``."""
    state.push(f"{name}_open", "div", 1).map = [line, end]
    old_indent, old_parent = state.blkIndent, state.parentType
    if indent is not None:
        state.blkIndent = indent
    state.parentType = "container"
    state.md.block.tokenize(state, start, end)
    state.blkIndent, state.parentType = old_indent, old_parent
    state.push(f"{name}_close", "div", -1)


def indented_container(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """An admonition, collapsible block or content tab: a header line, then a body indented four spaces."""
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    begin, end = _line(state, start_line)
    if state.src[begin] not in "!?=":
        return False
    match = _INDENTED.match(state.src, begin, end)
    if match is None:
        return False
    if silent:
        return True
    indent = state.sCount[start_line] + 4
    line, body_end = start_line + 1, start_line + 1
    while line < end_line:
        if not state.isEmpty(line):
            if state.sCount[line] < indent:
                break
            body_end = line + 1
        line += 1
    if match.group("title") is not None:
        _push_title(state, start_line, match.group("title"), match.start("title"))
    _tokenize(state, "container", start_line + 1, body_end, start_line, indent)
    state.line = body_end
    return True


def fenced_container(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A ``:::name`` or ``/// name`` container up to its closing line of colons or slashes (to
    the end of the enclosing block without one); a lone closing line is markup too, and so is a
    mkdocstrings line with its indented options."""
    if state.is_code_block(start_line):
        return False
    begin, end = _line(state, start_line)
    if not state.src.startswith((":::", "///"), begin):
        return False
    match = _FENCED_OPENER.match(state.src, begin, end)
    if match is None:
        autodoc = _AUTODOC.match(state.src, begin, end) is not None
        if not autodoc and _FENCED_CLOSER.match(state.src, begin, end) is None:
            return False
        if not silent:
            state.line = _indented_after(state, start_line, end_line) if autodoc else start_line + 1
        return True
    if silent:
        return True
    fence = match.group("fence")
    close = _closing_line(state, start_line, end_line)
    next_line = close + 1 if close >= 0 else start_line + 1
    close = max(close, start_line + 1)  # never closed: the opener is a line of markup, what follows reads as usual
    directive = match.group("directive")
    if directive is not None:
        _directive(state, directive, match.start("rest"), match.group("rest"), start_line, close)
    else:
        for group in ("bracketed", "piped", "rest"):
            if match.group(group) and (group != "rest" or match.group("name")):
                _push_title(state, start_line, match.group(group), match.start(group))
                break
        body = _indented_after(state, start_line, close) if fence[0] == "/" else start_line + 1  # its options
        _tokenize(state, "container", body, close, start_line)
    state.line = next_line  # after the body, whose parsing moves it
    return True


def _closing_line(state: StateBlock, start_line: int, end_line: int) -> int:
    """The line that closes the ``:::`` or ``///`` container opened on ``start_line`` before
    ``end_line``, or -1. Containers nest: a closing line of as many or more of the opener's
    characters closes the innermost one open. The pairs are found once per document, in one pass,
    so that many unclosed openers cost no more than many closed ones."""
    pairs: dict[int, int] | None = state.env.get("fenced-containers")
    if pairs is None:
        pairs = state.env["fenced-containers"] = _pair_fences(state.src)
    close = pairs.get(start_line, -1)
    return close if close < end_line else -1


def _pair_fences(text: str) -> dict[int, int]:
    """Each opening fence line of ``text`` with the line that closes it; lines inside code
    fences (a ``:::`` shown as an example) are neither."""
    pairs: dict[int, int] = {}
    open_fences: list[tuple[str, int]] = []
    code = ""  # the backtick or tilde fence of the code block the scan is in
    line, position = 0, 0
    for match in _FENCE_LINE.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        fence, rest = match.group("fence"), match.group("rest")
        if code or fence[0] in "`~":
            if not code:
                code = fence
            elif fence[0] == code[0] and len(fence) >= len(code) and not rest.strip():
                code = ""
            continue
        if rest.strip() or _FENCED_CLOSER.match(text, match.start("fence"), match.end()) is None:
            if _FENCED_OPENER.match(text, match.start("fence"), match.end()):
                open_fences.append((fence, line))
            continue
        for index in range(len(open_fences) - 1, -1, -1):
            opener, opened = open_fences[index]
            if opener[0] == fence[0] and len(opener) <= len(fence):
                pairs[opened] = line
                del open_fences[index:]  # those opened inside it and left open stay unclosed
                break
    return pairs


def _search_line(state: StateBlock, pattern: str, start_line: int, end_line: int) -> int:
    """The first line after ``start_line`` and before ``end_line`` where ``pattern`` (multi-line)
    matches, or -1. A pattern not found from one line is not looked for again from a later one
    (there is nothing to find), so many unclosed fences stay linear."""
    stop = state.eMarks[end_line - 1]
    missing: dict[tuple[str, int], int] = state.env.setdefault("closers-missing", {})
    if missing.get((pattern, stop), stop + 1) <= state.eMarks[start_line]:
        return -1
    found = re.compile(pattern, re.MULTILINE).search(state.src, state.eMarks[start_line], stop)
    if found is None:
        missing[pattern, stop] = min(missing.get((pattern, stop), stop), state.eMarks[start_line])
        return -1
    return bisect.bisect_right(state.bMarks, found.start(), 0, state.lineMax) - 1


def _indented_after(state: StateBlock, line: int, end_line: int) -> int:
    """The first line after ``line`` that is not indented under it (its options: "    type: warning")."""
    line += 1
    while line < end_line and not state.isEmpty(line) and state.sCount[line] >= state.blkIndent + 4:
        line += 1
    return line


def fenced_directive(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A MyST directive in a backtick or tilde fence whose body is prose (```` ```{note} ````);
    other fences are left to the fence rule (code)."""
    if state.is_code_block(start_line):
        return False
    begin, end = _line(state, start_line)
    if state.src[begin] not in "`~":
        return False
    match = _FENCE_DIRECTIVE.match(state.src, begin, end)
    if match is None or match.group("directive") not in PROSE_DIRECTIVES:
        return False
    if silent:
        return True
    fence = match.group("fence")
    close = _search_line(state, rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", start_line, end_line)
    next_line = close + 1 if close >= 0 else start_line + 1
    _directive(
        state,
        match.group("directive"),
        match.start("rest"),
        match.group("rest"),
        start_line,
        max(close, start_line + 1),
    )
    state.line = next_line  # after the body, whose parsing moves it
    return True


def _directive(state: StateBlock, name: str, rest_start: int, rest: str, start_line: int, close: int) -> None:
    """A MyST directive opened on ``start_line`` and closed on ``close``: its title, then its
    body after the options (``:class: tip``), unless it holds code."""
    if name in CODE_DIRECTIVES:
        return
    if name in TITLED_DIRECTIVES:
        _push_title(state, start_line, rest, rest_start)
    body = start_line + 1
    while body < close and _OPTION.match(state.src, state.bMarks[body], state.eMarks[body]):
        body += 1
    _tokenize(state, "container", body, close, start_line)


def footnote_definition(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``[^label]: text``, its text continued on lines indented four spaces: the text is prose."""
    if state.is_code_block(start_line):
        return False
    begin, end = _line(state, start_line)
    match = _FOOTNOTE_LABEL.match(state.src, begin, end)
    if match is None:
        return False
    if silent:
        return True
    old = state.bMarks[start_line], state.tShift[start_line], state.sCount[start_line]
    position = match.end()
    while position < end and state.src[position] in " \t":
        position += 1
    # the first line starts after the label, as if indented like the lines that continue it
    state.bMarks[start_line] = position
    state.tShift[start_line] = 0
    state.sCount[start_line] = state.blkIndent + 4
    _tokenize(state, "footnote", start_line, end_line, start_line, state.blkIndent + 4)
    state.bMarks[start_line], state.tShift[start_line], state.sCount[start_line] = old
    return True


def markup_line(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A line that renders no prose (an abbreviation's definition, a MyST target, an include, an
    import), or a LaTeX environment up to its ``\\end``."""
    if state.is_code_block(start_line):
        return False
    begin, end = _line(state, start_line)
    last = start_line
    if not any(pattern.match(state.src, begin, end) for pattern in (_ABBREVIATION, _MYST_TARGET, _INCLUDE, _IMPORT)):
        environment = _BEGIN.match(state.src, begin, end)
        if environment is None:
            return False
        last = _search_line(state, re.escape(f"\\end{{{environment.group('environment')}}}"), start_line, end_line)
        if last < 0:
            return False
    if not silent:
        state.line = last + 1
    return True


def install_blocks(parser: MarkdownIt) -> MarkdownIt:
    """``parser`` with the block rules added ahead of the rules that would misread their markup."""
    ruler = parser.block.ruler
    ruler.before("fence", "fenced_directive", fenced_directive, {"alt": _INTERRUPTS})
    ruler.before("code", "indented_container", indented_container, {"alt": _INTERRUPTS})
    ruler.before("fence", "fenced_container", fenced_container, {"alt": _INTERRUPTS})
    ruler.before("reference", "footnote_definition", footnote_definition, {"alt": _INTERRUPTS})
    ruler.before("reference", "markup_line", markup_line, {"alt": _INTERRUPTS})
    return parser
