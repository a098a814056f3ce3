"""spelling.variety beyond its cases: the shipped table tested like code, the script that learns it
from word lists, and the ``variety`` configuration key end to end."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

from conftest import ROOT, run_cli, run_json
from copylint.rules.spelling.variety import Variety, variety_table
from copylint.store.shipped import data_lines, data_text

KINDS = {"our", "ize", "yse", "re", "ogue", "ll", "pp", "ae", "oe", "ence", "oul", "ough", "sc"}
NOTES = {"-", "us-accepts", "ca-american", "us-accepts,ca-american"}


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_variety_table", ROOT / "scripts" / "build_variety_table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()


def test_the_table_is_sorted_unique_and_well_formed() -> None:
    rows = [line.split("\t") for line in data_lines("spelling/varieties.tsv")]
    assert len(rows) > 6000
    assert all(len(row) == 4 for row in rows)
    americans = [row[0] for row in rows]
    britons = [row[1] for row in rows]
    assert americans == sorted(americans), "keep data/spelling/varieties.tsv sorted"
    assert len(set(americans)) == len(americans) and len(set(britons)) == len(britons)
    assert not set(americans) & set(britons), "a form on both sides"
    for american, british, kind, note in rows:
        assert american != british and american.isalpha() and american.islower() and british.islower()
        assert set(kind.split("+")) <= KINDS and note in NOTES, (american, kind, note)
    assert {row[0] for row in rows if row[2] == "ize"} >= {"organize", "realization", "recognized"}


def test_the_table_names_its_source_and_holds_no_sense_split() -> None:
    header = data_text("spelling/varieties.tsv").split("\naccessorize\t", 1)[0]
    assert "SCOWL" in header and "2020.12.07-2" in header and "scripts/build_variety_table.py" in header
    table = variety_table()
    for american, british in SCRIPT.SENSE_SPLITS:
        assert table.get(american) is None or table[american].partner != british, american
    assert table["colour"].variety is Variety.BRITISH and table["colour"].partner == "color"
    assert table["travelled"].evidence is False  # American lists take it too
    assert table["organize"].evidence is False  # Oxford spelling takes it too


# Small word lists in the shape of SCOWL's: the pairs the script must find, and the traps it
# must not fall into (a sense split, a British word with a prefix, a rare -ize variant).
AMERICAN = {
    "color", "colors", "colored", "center", "centered", "meter", "program", "check", "organize",
    "organized", "traveled", "travelled", "catalog", "catalogue", "defense", "estrogen",
    "advertise", "advertize", "unscored", "scored", "pediatric",
}  # fmt: skip
BRITISH = {
    "colour", "colours", "coloured", "centre", "centred", "meter", "metre", "program", "programme",
    "check", "cheque", "organise", "organised", "travelled", "catalogue", "defence", "oestrogen",
    "advertise", "scored", "unscoured", "paediatric",
}  # fmt: skip
CANADIAN = {"colour", "centre", "estrogen", "travelled", "catalogue", "defence", "pediatric", "paediatric"}


def test_the_script_pairs_systematic_spellings_and_leaves_the_traps() -> None:
    pairs = {
        (pair.american, pair.british): (pair.kind, pair.note) for pair in SCRIPT.pairs_of(AMERICAN, BRITISH, CANADIAN)
    }
    assert pairs == {
        ("color", "colour"): ("our", "-"),
        ("colors", "colours"): ("our", "-"),
        ("colored", "coloured"): ("our", "-"),
        ("center", "centre"): ("re", "-"),
        ("centered", "centred"): ("re", "-"),
        ("organize", "organise"): ("ize", "-"),
        ("organized", "organised"): ("ize", "-"),
        ("traveled", "travelled"): ("ll", "us-accepts"),
        ("catalog", "catalogue"): ("ogue", "us-accepts"),
        ("defense", "defence"): ("ence", "-"),
        ("estrogen", "oestrogen"): ("oe", "ca-american"),
        ("pediatric", "paediatric"): ("ae", "-"),
    }


def test_the_script_reads_unpacked_packages(tmp_path: Path) -> None:
    lists = {"american": AMERICAN, "british": BRITISH, "canadian": CANADIAN}
    for name, (package, list_name) in SCRIPT.PACKAGES.items():
        folder = tmp_path / package / "usr" / "share" / "dict"
        folder.mkdir(parents=True)
        (folder / list_name).write_text("\n".join(sorted(lists[name] | {"Colorado", "color's"})) + "\n")
        changelog = tmp_path / package / "usr" / "share" / "doc" / package / "changelog.Debian.gz"
        changelog.parent.mkdir(parents=True)
        changelog.write_bytes(gzip.compress(b"scowl (2020.12.07-2) unstable; urgency=medium\n"))
    output = tmp_path / "varieties.tsv"
    assert SCRIPT.main(["--sources", str(tmp_path), "--output", str(output)]) == 0
    text = output.read_text(encoding="utf-8")
    assert "wbritish-huge 2020.12.07-2" in text and "12 pairs" in text
    assert "color\tcolour\tour\t-\n" in text and "Colorado" not in text


def test_the_configuration_pins_the_variety(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("The color of the sky, and we organized the rest.\n", encoding="utf-8")
    code, payload = run_json("--select", "spelling.variety", "a.md", cwd=tmp_path)
    assert code == 0 and payload["findings"] == []  # one American word is no majority
    (tmp_path / ".copylint.toml").write_text('variety = "en-GB"\n', encoding="utf-8")
    code, payload = run_json("--select", "spelling.variety", "a.md", cwd=tmp_path)
    assert [(f["rule"], f["column"], f["suggestions"]) for f in payload["findings"]] == [
        ("spelling.variety", 5, ["colour"])
    ]
    result = run_cli("config", "a.md", cwd=tmp_path)
    assert json.loads(result.stdout)["variety"] == "en-GB"
    (tmp_path / ".copylint.toml").write_text('variety = "en-AU"\n', encoding="utf-8")
    result = run_cli("check", "a.md", cwd=tmp_path)
    assert result.exit_code == 2 and "variety: expected one of auto, en-US, en-GB, got 'en-AU'" in result.stderr
