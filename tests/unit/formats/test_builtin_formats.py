"""The built-in Markdown, MDX and HTML formats are registered before their modules are imported, under
the same names and suffixes as the classes that do the work, and read documents as those do."""

from __future__ import annotations

import importlib
import subprocess
import sys
from typing import Any

import pytest

from copylint.core.source import Document
from copylint.formats.builtin import HTML, MARKDOWN, MDX, FormatOnFirstUse


@pytest.mark.parametrize("where", [MARKDOWN, MDX, HTML])
def test_registered_names_suffixes_and_traits_are_the_classes_own(where: tuple[Any, ...]) -> None:
    name, suffixes, traits, module, class_name = where
    real = getattr(importlib.import_module(module), class_name)
    assert (name, suffixes, traits) == (real.name, real.suffixes, real.traits)


@pytest.mark.parametrize(
    ("where", "text"),
    [
        (MARKDOWN, "# Title\n\nSome *prose* with `code`.\n"),
        (MDX, "import X from 'x';\n\n<X>Some *prose*</X>\n"),
        (HTML, "<p>Some <b>prose</b><script>x</script></p>"),
    ],
)
def test_a_view_is_the_real_formats_view(where: tuple[Any, ...], text: str) -> None:
    name, _, _, module, class_name = where
    document = Document(f"a.{name}", text)
    lazy = FormatOnFirstUse(*where)
    real = getattr(importlib.import_module(module), class_name)()
    assert lazy.build_view(document).text == real.build_view(document).text
    assert lazy.build_view(document).text == real.build_view(document).text  # the same instance again


def test_a_plain_text_run_imports_neither_module() -> None:
    script = (
        "import sys, tempfile, os\n"
        "from copylint.cli.commands import cli\n"
        "path = os.path.join(tempfile.mkdtemp(), 'a.txt')\n"
        "open(path, 'w').write('A quiet night.\\n')\n"
        "try: cli(['check', '--no-cache', path])\n"
        "except SystemExit: pass\n"
        "print(sorted(m for m in ('copylint.formats.markdown', 'copylint.formats.html') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=300)
    assert result.stdout.strip().splitlines()[-1] == "[]"
