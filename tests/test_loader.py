"""The strict loader, the cattrs converter, and their agreement."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import attr
import cattrs
import pytest
from hypothesis import given

from nato_relations import DataError, Event, Participation
from nato_relations._converter import converter, file_converter
from nato_relations._dataset import build, get_dataset
from nato_relations._loader import DATA_FILES, CountryRecord, Meta, load, read_files, structure_file
from nato_relations._model import Programme

from .strategies import events, participations

TYPES: dict[str, Any] = {
    "countries.json": tuple[CountryRecord, ...],
    "events.json": tuple[Event, ...],
    "meta.json": Meta,
    "participations.json": tuple[Participation, ...],
    "programmes.json": tuple[Programme, ...],
}

SOURCE = {"url": "https://example.org/", "title": "T", "publisher": "P", "accessed": "2026-01-01"}
SPELL = {"country": "MT", "programme": "PfP", "start": "1995-04-26", "end": None, "sources": [SOURCE]}


def encode(document: object) -> bytes:
    return json.dumps(document).encode()


@pytest.mark.parametrize("name", DATA_FILES)
def test_lean_loader_and_cattrs_agree_on_the_shipped_files(name: str) -> None:
    payload = read_files()[name]
    assert structure_file(name, payload) == file_converter.structure(json.loads(payload), TYPES[name])


@pytest.mark.parametrize(
    ("record", "location", "problem"),
    [
        ({**SPELL, "colour": "blue"}, "data/participations.json[0]", "unknown keys ['colour']"),
        ({k: v for k, v in SPELL.items() if k != "start"}, "data/participations.json[0]", "missing keys ['start']"),
        ({**SPELL, "start": "1995-13"}, "data/participations.json[0].start", "month out of range: 13"),
        ({**SPELL, "start": "26 April 1995"}, "data/participations.json[0].start", "not a YYYY, YYYY-MM or YYYY-MM-DD"),
        ({**SPELL, "start": 1995}, "data/participations.json[0].start", "a partial date is a string"),
        ({**SPELL, "sources": []}, "data/participations.json[0].sources", "expected at least one entry"),
        (
            {**SPELL, "sources": [{**SOURCE, "accessed": "2026"}]},
            "data/participations.json[0].sources[0].accessed",
            "full YYYY-MM-DD",
        ),
        (
            {**SPELL, "sources": [{**SOURCE, "url": ""}]},
            "data/participations.json[0].sources[0].url",
            "url must be non-empty text",
        ),
        ({**SPELL, "country": 7}, "data/participations.json[0].country", "must be non-empty text"),
        ({**SPELL, "country": " MT"}, "data/participations.json[0].country", "without surrounding spaces"),
        ({**SPELL, "qualifiers": "suspended"}, "data/participations.json[0].qualifiers", "expected a list, got str"),
        ([SPELL], "data/participations.json[0]", "expected an object, got list"),
    ],
)
def test_a_bad_record_is_named_by_file_and_path(record: object, location: str, problem: str) -> None:
    with pytest.raises(DataError) as caught:
        structure_file("participations.json", encode([record]))
    assert caught.value.location == location
    assert problem in caught.value.problem
    # cattrs, with the same rules, refuses it too.
    with pytest.raises((cattrs.BaseValidationError, TypeError, ValueError)):
        file_converter.structure([record], tuple[Participation, ...])


@pytest.mark.parametrize(
    ("name", "payload", "problem"),
    [
        ("events.json", b"[{", "not valid JSON"),
        ("events.json", b"\xff\xfe", "not valid JSON"),
        ("events.json", b"{}", "expected a list, got dict"),
        (
            "events.json",
            encode(
                [
                    {
                        "date": "2008",
                        "country": None,
                        "programme": None,
                        "kind": "party",
                        "summary": "S",
                        "sources": [SOURCE],
                    }
                ]
            ),
            "'party' is not one of",
        ),
        ("meta.json", encode({"as_of": "2026-11", "sha256": {}}), "full YYYY-MM-DD"),
        ("meta.json", encode({"as_of": "2026-11-28", "sha256": {}}), "exactly the keys"),
    ],
)
def test_other_malformed_files(name: str, payload: bytes, problem: str) -> None:
    with pytest.raises(DataError, match=problem):
        structure_file(name, payload)


def test_a_missing_file_is_named() -> None:
    contents = read_files()
    del contents["events.json"]
    with pytest.raises(DataError, match=r"^data/events.json: missing$"):
        load(contents)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda spells: [{**spells[0], "country": "QQ"}],
            r"data/participations.json\[0\].country: unknown country 'QQ'",
        ),
        (
            lambda spells: [{**spells[0], "programme": "XYZ"}],
            r"data/participations.json\[0\].programme: unknown programme 'XYZ'",
        ),
    ],
)
def test_references_must_resolve(edit: Any, message: str) -> None:
    contents = read_files()
    contents["participations.json"] = encode(edit(json.loads(contents["participations.json"])))
    with pytest.raises(DataError, match=message):
        build(load(contents, verify=False))


@pytest.mark.parametrize(
    "tamper",
    [
        lambda text: text.replace(b"2024-03-07", b"2024-03-08", 1),  # an edited fact, still well-formed
        lambda text: text + b"\n",  # even a harmless-looking change
    ],
)
def test_a_tampered_file_is_detected(tamper: Any) -> None:
    contents = read_files()
    contents["participations.json"] = tamper(contents["participations.json"])
    with pytest.raises(DataError, match=r"^data/participations.json: SHA-256 .* differs from the .* recorded"):
        load(contents)


def test_a_truncated_file_is_named() -> None:
    contents = read_files()
    contents["events.json"] = contents["events.json"][: len(contents["events.json"]) // 2]
    with pytest.raises(DataError, match=r"^data/events.json: not valid JSON"):
        load(contents)


def test_a_name_shared_by_two_countries_is_refused() -> None:
    contents = read_files()
    records = json.loads(contents["countries.json"])
    records[1]["aliases"] = [records[0]["name"]]
    contents["countries.json"] = encode(records)
    with pytest.raises(DataError, match=r"data/countries.json\[1\]: the name .* is used twice"):
        build(load(contents, verify=False))


@given(participations())
def test_participation_round_trip_through_json(spell: Participation) -> None:
    text = json.dumps(converter.unstructure(spell))
    assert converter.structure(json.loads(text), Participation) == spell
    assert structure_file("participations.json", f"[{text}]".encode()) == (spell,)


@given(events)
def test_event_round_trip_through_json(event: Event) -> None:
    text = json.dumps(file_converter.unstructure(event))
    assert file_converter.structure(json.loads(text), Event) == event
    assert structure_file("events.json", f"[{text}]".encode()) == (event,)


def test_whole_countries_round_trip() -> None:
    for country in get_dataset().countries:
        plain = json.loads(json.dumps(converter.unstructure(country)))
        assert converter.structure(plain, type(country)) == country


def test_country_records_are_the_countries_without_relations() -> None:
    raw = load()
    by_code = {c.alpha2: c for c in get_dataset().countries}
    for record in raw.countries:
        full = attr.asdict(by_code[record.alpha2], recurse=False)
        del full["participations"], full["events"]
        assert attr.asdict(record, recurse=False) == full


def test_import_parses_nothing_and_skips_cattrs() -> None:
    code = (
        "import sys, nato_relations, nato_relations._dataset as d;"
        "assert d._dataset is None;"
        "assert 'cattrs' not in sys.modules;"
        "nato_relations.get_country('AT');"
        "assert d._dataset is not None;"
        "assert 'cattrs' not in sys.modules, 'the first query must not import cattrs';"
        "assert not {'nato_relations._export', 'nato_relations._chart', 'matplotlib', 'pandas'} & set(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
