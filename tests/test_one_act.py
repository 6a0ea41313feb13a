"""One act, one record (issue 20 §1): an event names every programme it concerns."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pytest

import nato_relations as nr
from nato_relations import Event, EventKind, PartialDate, Source
from nato_relations._model import InvalidField

SRC = (Source("https://www.nato.int/", "NATO", "NATO", datetime.date(2026, 12, 5)),)


def test_an_event_names_its_programmes_principal_first() -> None:
    (suspension,) = nr.events(country="RU", kind="suspension", start="2014-04-01", end="2014-04-01")
    assert suspension.programmes == ("NRC", "PfP", "EAPC")
    for code in suspension.programmes:  # found by each programme it names, once
        assert nr.events(country="RU", programme=code, start="2014-04-01", end="2014-04-01").count(suspension) == 1
    assert nr.events(country="RU", programme="NACC", start="2014-04-01", end="2014-04-01") == ()


def test_programme_is_a_deprecated_alias_of_the_first_programme() -> None:
    (suspension,) = nr.events(country="RU", kind="suspension", start="2014-04-01", end="2014-04-01")
    with pytest.warns(DeprecationWarning, match=r"Event\.programme is deprecated since 2026\.12\.2"):
        assert suspension.programme == "NRC"
    bare = Event(PartialDate.parse("1999"), "MT", (), EventKind.OTHER, "Something.", SRC)
    with pytest.warns(DeprecationWarning, match="use Event.programmes"):
        assert bare.programme is None


def test_a_lone_code_is_read_as_one_programme_with_a_warning() -> None:
    with pytest.warns(DeprecationWarning, match=r"pass \(code,\), not a lone code"):
        event = Event(PartialDate.parse("1999"), "MT", "PfP", EventKind.OTHER, "Something.", SRC)
    assert event.programmes == ("PfP",)
    assert Event(PartialDate.parse("1999"), "MT", None, EventKind.OTHER, "S.", SRC).programmes == ()
    assert Event(PartialDate.parse("1999"), "MT", ["PfP", "EAPC"], EventKind.OTHER, "S.", SRC).programmes == (
        "PfP",
        "EAPC",
    )


@pytest.mark.parametrize(
    ("programmes", "message"),
    [
        (("PfP", "PfP"), "names a programme twice"),
        (("PfP", " EAPC"), "without surrounding spaces"),
        (("",), "non-empty text"),
        (("PfP", 3), "non-empty text"),
    ],
)
def test_programmes_are_distinct_clean_codes(programmes: tuple[object, ...], message: str) -> None:
    with pytest.raises(InvalidField, match=message):
        Event(PartialDate.parse("1999"), "MT", programmes, EventKind.OTHER, "S.", SRC)


def test_the_data_file_refuses_the_old_single_programme_field() -> None:
    from nato_relations._loader import structure_file
    from nato_relations.exceptions import DataError

    source = {"url": "https://www.nato.int/", "title": "T", "publisher": "NATO", "accessed": "2026-12-05"}
    old = {"date": "2008", "country": "MT", "programme": "PfP", "kind": "other", "summary": "S", "sources": [source]}
    with pytest.raises(DataError, match=r"events\.json\[0\]"):
        structure_file("events.json", json.dumps([old]).encode())
    new = {**{k: v for k, v in old.items() if k != "programme"}, "programmes": ["PfP", "EAPC"]}
    (event,) = structure_file("events.json", json.dumps([new]).encode())
    assert event.programmes == ("PfP", "EAPC")


def test_exports_give_every_programme_of_every_event(tmp_path: Path) -> None:
    from nato_relations._export import tables

    data = tables()
    by_id = {row[0]: row for row in data["events"]}
    links = data["event_programmes"]
    every = nr.events()
    assert len(by_id) == len(every)
    assert len(links) == sum(len(e.programmes) for e in every)
    joined: dict[str, list[tuple[int, str]]] = {}
    for event_id, code, position in links:
        joined.setdefault(event_id, []).append((int(position), code))
    programmes_column = list(nr._dictionary.COLUMNS["events"]).index("programmes")
    for event_id, row in by_id.items():
        codes = [code for _, code in sorted(joined.get(event_id, []))]
        assert row[programmes_column] == "; ".join(codes)
    written = nr.export(tmp_path, format="datapackage")
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == "event_programmes")
    assert {fk["reference"]["resource"] for fk in resource["schema"]["foreignKeys"]} == {"events", "programmes"}
    assert tmp_path / "event_programmes.csv" in written
    rows = list(csv.DictReader(io.StringIO((tmp_path / "event_programmes.csv").read_text(encoding="utf-8"))))
    assert {"event", "programme", "position"} == set(rows[0])


def test_the_command_line_names_every_programme(capsys: pytest.CaptureFixture[str]) -> None:
    from nato_relations._cli import main

    assert main(["events", "--country", "RU", "--kind", "suspension", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert ("2014-04-01", "NRC; PfP; EAPC") in {(r["date"], r["programmes"]) for r in rows}
    assert main(["events", "--country", "RU", "--kind", "suspension", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert ["NRC", "PfP", "EAPC"] in [r["programmes"] for r in records]
