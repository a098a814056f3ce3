"""Input formats: each turns a :class:`~copylint.core.source.Document` into a prose view.

Plain text (:mod:`.plaintext`), Markdown (:mod:`.markdown`, over markdown-it-py) and HTML
(:mod:`.html`, over the standard library's parser), with the masks both use for front matter and
template tags (:mod:`.masks`, :mod:`.templates`). Each format declares its name, suffixes and
:class:`~copylint.core.prose.FormatTraits`; :mod:`.builtin` registers them through the same hook
as a plugin's formats.
"""

from copylint.core.prose import DocumentFormat

__all__ = ["DocumentFormat"]
