"""Whether an HTML element hides what it holds from readers, from its own attributes and what its
ancestors state inline: the ``hidden`` attribute, ``display:none``, ``visibility:hidden``, zero
opacity or font size, a box of no size that clips what overflows, a position far off the
screen, or text drawn in the colour of its background. Hidden links are a spammer's way of
reaching search engines and not readers.

Only inline styles are read (no style sheets): what the markup says, not what a page might do.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])"
    r"|(?<![-\w])(?:left|right|top|text-indent|margin-left|margin-top)\s*:\s*-\d{3,}"
    r"|opacity\s*:\s*0(?![.\d]*[1-9])",
    re.IGNORECASE,
)
_ZERO = r"\s*:\s*(?:0|[01](?:\.0+)?px)(?![.\d]*[1-9])\s*(?:;|$|!)"
_NO_WIDTH = re.compile(rf"(?<![-\w])(?:max-)?width{_ZERO}", re.IGNORECASE)
_NO_HEIGHT = re.compile(rf"(?<![-\w])(?:max-)?height{_ZERO}", re.IGNORECASE)
_CLIPS = re.compile(r"overflow\s*:\s*hidden", re.IGNORECASE)
_COLOUR = re.compile(r"(?<![-\w])color\s*:\s*([^;!]+)", re.IGNORECASE)
_BACKGROUND = re.compile(r"(?<![-\w])background(?:-color)?\s*:\s*([^;!]+)", re.IGNORECASE)
_HEX = re.compile(r"#(?:[0-9a-f]{3}|[0-9a-f]{6})\b", re.IGNORECASE)
_RGB = re.compile(r"rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)", re.IGNORECASE)
_NAMED = {"white": "#ffffff", "black": "#000000", "red": "#ff0000", "blue": "#0000ff", "gray": "#808080"}
_NAMED["grey"] = _NAMED["gray"]


@dataclass(frozen=True, slots=True)
class Visibility:
    """What an element inherits: whether it is hidden, its text colour and the nearest background
    colour stated inline (``None`` when none is)."""

    hidden: bool = False
    colour: str | None = None
    background: str | None = None

    def child(self, attributes: Mapping[str, str]) -> Visibility:
        """The visibility of an element with ``attributes`` inside this one."""
        style = attributes.get("style", "")
        colour = _colour(_COLOUR, style) or self.colour
        background = _colour(_BACKGROUND, style) or self.background
        hidden = (
            self.hidden
            or "hidden" in attributes
            or bool(_HIDDEN_STYLE.search(style))
            or _no_size(style)
            or (colour is not None and colour == background)
        )
        return Visibility(hidden, colour, background)


def _no_size(style: str) -> bool:
    """No width and no height, or either one with the overflow clipped. One alone shows what
    overflows it: the responsive-embed trick (``height:0; padding-bottom:56%``) hides nothing."""
    width, height = bool(_NO_WIDTH.search(style)), bool(_NO_HEIGHT.search(style))
    return (width and height) or ((width or height) and bool(_CLIPS.search(style)))


def _colour(pattern: re.Pattern[str], style: str) -> str | None:
    """The colour a declaration states, as ``#rrggbb`` (``None`` when there is none, or it is
    one this reader does not know, or it is translucent)."""
    match = pattern.search(style)
    if match is None:
        return None
    value = match.group(1).strip().lower()
    hexadecimal = _HEX.search(value)
    if hexadecimal:
        digits = hexadecimal.group()[1:]
        return "#" + ("".join(2 * digit for digit in digits) if len(digits) == 3 else digits)
    rgb = _RGB.search(value)
    if rgb:
        return "#" + "".join(f"{min(int(part), 255):02x}" for part in rgb.groups())
    for word in value.split():
        if word in _NAMED:
            return _NAMED[word]
    return None
