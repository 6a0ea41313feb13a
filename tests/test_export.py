"""Exports: flat tables, CSV/JSON files, the Frictionless Data Package, DataFrames."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

import nato_relations as nr
from nato_relations._cli import main
from nato_relations._dataset import get_dataset
from nato_relations._dictionary import COLUMNS, FIELDS
from nato_relations._export import _KEYS, columns, tables


def test_every_table_has_its_columns_and_unique_ids() -> None:
    for name, rows in tables().items():
        described = list(columns(name, get_dataset()))
        assert all(len(row) == len(described) for row in rows), name
        key = [described.index(column) for column in _KEYS.get(name, {}).get("primaryKey", ["id"])]
        assert len({tuple(row[i] for i in key) for row in rows}) == len(rows), f"duplicate keys in {name}"


def test_tables_match_the_api() -> None:
    exported = tables()
    info = nr.dataset_info()
    assert len(exported["countries"]) == info.countries
    assert len(exported["participations"]) == info.participations
    assert len(exported["events"]) == info.events
    source_ids = {row[0] for row in exported["sources"]}
    for name in ("programmes", "participations", "events"):
        for row in exported[name]:
            assert set(row[-1].split("; ")) <= source_ids


@pytest.mark.parametrize("fmt", ["csv", "json", "datapackage"])
def test_export_writes_every_table(tmp_path: Path, fmt: str) -> None:
    written = nr.export(tmp_path / "out", format=fmt)
    suffix = ".json" if fmt == "json" else ".csv"
    assert [p.name for p in written][: len(COLUMNS)] == [f"{name}{suffix}" for name in COLUMNS]
    for name in COLUMNS:
        path = tmp_path / "out" / f"{name}{suffix}"
        if fmt == "json":
            records = json.loads(path.read_text(encoding="utf-8"))
            assert list(records[0]) == list(columns(name, get_dataset()))
        else:
            with path.open(encoding="utf-8", newline="") as handle:
                assert next(csv.reader(handle)) == list(columns(name, get_dataset()))


def test_export_is_deterministic(tmp_path: Path) -> None:
    first, second = nr.export(tmp_path / "a", format="datapackage"), nr.export(tmp_path / "b", format="datapackage")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_the_data_package_validates_with_frictionless(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    nr.export(tmp_path, format="datapackage")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == nr.__version__
    assert descriptor["licenses"][0]["name"] == "MIT"


def test_export_argument_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        nr.export(tmp_path, format="xml")
    with pytest.raises(TypeError, match="out_dir must be a path"):
        nr.export(42)  # type: ignore[arg-type]


def test_cli_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "csv", "--out", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("countries.csv")
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert main(["export", "--out", str(blocker / "sub")]) == 1  # cannot create a folder inside a file
    assert "nato-relations:" in capsys.readouterr().err


def test_to_dataframe() -> None:
    pd = pytest.importorskip("pandas")
    frame = nr.to_dataframe("participations")
    assert list(frame.columns) == list(COLUMNS["participations"])
    assert str(frame["first_day"].dtype).startswith("datetime64")
    nato = frame[frame.programme == "NATO"]
    assert len(nato) == len(nr.members(nr.dataset_info().as_of))
    assert nato["end"].isna().all()
    assert isinstance(frame, pd.DataFrame)
    with pytest.raises(ValueError, match="unknown table"):
        nr.to_dataframe("treaties")


def test_missing_extras_give_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes "import pandas" fail
    with pytest.raises(nr.ExtraNotInstalledError, match=r"pip install 'nato-relations\[pandas\]'"):
        nr.to_dataframe("countries")
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(nr.ExtraNotInstalledError, match=r"pip install 'nato-relations\[plot\]'"):
        nr.timeline(tmp_path / "x.svg")
    assert main(["timeline", "--out", str(tmp_path / "x.svg")]) == 1


def test_every_field_and_column_is_described() -> None:
    import attr

    for cls in (
        nr.Country, nr.Programme, nr.Participation, nr.Suspension, nr.SystemMembership, nr.Event, nr.Source,
        nr.DatasetInfo, nr.PartialDate,
    ):  # fmt: skip
        assert [f.name for f in attr.fields(cls)] == list(FIELDS[cls.__name__]), cls.__name__
    assert all(text for columns in COLUMNS.values() for _, text in columns.values())
