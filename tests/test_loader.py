"""The loader: one schema (the cattrs converter) for any file that is not the release's own, a trusted
construction gated by the SHA-256 of every file for the release's own, and the first look-up that
builds one country from the index."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import attr
import pytest
from hypothesis import given

from nato_relations import DataError, Event, Participation
from nato_relations._converter import FILE_TYPES, converter, file_converter
from nato_relations._dataset import _lone, build, get_dataset
from nato_relations._index import run_by, spans
from nato_relations._loader import RECORD_FILES, load, read_files, structure_file, verified

from .strategies import events, participations

SOURCE = {"url": "https://example.org/", "title": "T", "publisher": "P", "accessed": "2026-01-01"}
SPELL = {"country": "MT", "programme": "PfP", "start": "1995-04-26", "end": None, "sources": [SOURCE]}


def encode(document: object) -> bytes:
    return json.dumps(document).encode()


@pytest.mark.parametrize("name", RECORD_FILES)
def test_the_trusted_and_the_strict_path_agree_on_the_shipped_files(name: str) -> None:
    """The release's own files, built without checks, equal what the schema makes of them."""
    contents = read_files()
    assert verified(contents)
    trusted, strict = load(contents), load(contents, verify=False)
    assert trusted == strict
    assert structure_file(name, contents[name]) == file_converter.structure(
        json.loads(contents[name]), FILE_TYPES[name]
    )


def test_one_country_alone_equals_the_same_country_in_the_dataset() -> None:
    contents = read_files()
    lines = contents["index.txt"].decode("utf-8").split("\n")
    for country in get_dataset().countries:
        assert _lone(contents, spans(lines, country.alpha2), run_by(lines)) == country


@pytest.mark.parametrize(
    ("record", "location", "problem"),
    [
        ({**SPELL, "colour": "blue"}, "data/participations.json[0]", "unknown keys ['colour']"),
        ({k: v for k, v in SPELL.items() if k != "start"}, "data/participations.json[0].start", "missing"),
        ({**SPELL, "start": "1995-13"}, "data/participations.json[0].start", "month out of range: 13"),
        ({**SPELL, "start": "26 April 1995"}, "data/participations.json[0].start", "not a YYYY, YYYY-MM or YYYY-MM-DD"),
        ({**SPELL, "start": 1995}, "data/participations.json[0].start", "a partial date is a string"),
        ({**SPELL, "sources": []}, "data/participations.json[0]", "sources must be a non-empty tuple of Source"),
        (
            {**SPELL, "sources": [{**SOURCE, "accessed": "2026"}]},
            "data/participations.json[0].sources[0].accessed",
            "Invalid isoformat",
        ),
        ({**SPELL, "sources": [{**SOURCE, "url": ""}]}, "data/participations.json[0].sources[0]", "url must be"),
        ({**SPELL, "country": 7}, "data/participations.json[0].country", "expected a string"),
        ({**SPELL, "country": " MT"}, "data/participations.json[0]", "without surrounding spaces"),
        ({**SPELL, "qualifiers": "suspended"}, "data/participations.json[0].qualifiers", "expected a list, got str"),
        ([SPELL], "data/participations.json[0]", "list"),
    ],
)
def test_a_bad_record_is_named_by_file_and_path(record: object, location: str, problem: str) -> None:
    with pytest.raises(DataError) as caught:
        structure_file("participations.json", encode([record]))
    assert caught.value.location == location
    assert problem in caught.value.problem


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
                        "programmes": [],
                        "kind": "party",
                        "summary": "S",
                        "sources": [SOURCE],
                    }
                ]
            ),
            "'party' is not a valid EventKind",
        ),
        ("meta.json", encode({"as_of": "2026-11", "sha256": {}}), "Invalid isoformat"),
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
    assert not verified(contents)
    with pytest.raises(DataError, match=r"^data/participations.json: SHA-256 .* differs from the .* pinned"):
        load(contents)


def test_a_file_edited_together_with_meta_is_still_detected() -> None:
    """meta.json's own SHA-256 is pinned in the package's code, so rewriting both is caught."""
    import hashlib

    contents = read_files()
    contents["participations.json"] = contents["participations.json"].replace(b"2024-03-07", b"2024-03-08", 1)
    meta = json.loads(contents["meta.json"])
    meta["sha256"]["participations.json"] = hashlib.sha256(contents["participations.json"]).hexdigest()
    contents["meta.json"] = json.dumps(meta, indent=2).encode()
    assert not verified(contents)
    with pytest.raises(DataError, match=r"^data/meta.json: SHA-256 .* pinned in this package's code"):
        load(contents)


def test_editing_only_meta_is_detected() -> None:
    contents = read_files()
    contents["meta.json"] = contents["meta.json"].replace(b'"as_of": "', b'"as_of": "1', 1).replace(b'"12026', b'"2027')
    with pytest.raises(DataError, match=r"^data/meta.json"):
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
    # The file does not hold run_by (the programme's): it is joined at load, and refused in the file.
    record = file_converter.unstructure(spell)
    assert "run_by" not in record
    assert structure_file("participations.json", f"[{json.dumps(record)}]".encode()) == (
        attr.evolve(spell, run_by=None),
    )
    with pytest.raises(DataError, match=r"participations\.json\[0\]: unknown keys \['run_by'\]"):
        structure_file("participations.json", f"[{json.dumps({**record, 'run_by': 'NATO'})}]".encode())


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
        assert (record.participations, record.events) == ((), ())
        assert attr.evolve(by_code[record.alpha2], participations=(), events=()) == record


def test_the_first_look_up_reads_one_country_and_skips_cattrs() -> None:
    code = (
        "import sys, nato_relations, nato_relations._dataset as d;"
        "assert d._dataset is None and 'json' not in sys.modules;"
        "assert nato_relations.get_country('AT').name == 'Austria';"
        "assert d._dataset is None, 'one country, not the dataset';"
        "assert nato_relations.get_country('Austria') is nato_relations.get_country('aUsTrIa ');"
        "assert 'cattrs' not in sys.modules, 'the release is trusted: no schema on the first query';"
        "assert not {'nato_relations._export', 'nato_relations._chart', 'matplotlib', 'pandas'} & set(sys.modules);"
        "sweden = nato_relations.get_country('SE');"
        "import datetime; members = nato_relations.members(datetime.date(2024, 3, 7));"
        "assert d._dataset is not None and 'cattrs' not in sys.modules;"
        "assert nato_relations.get_country('SE') is sweden, 'the object handed out first stays the one';"
        "assert any(m is sweden for m in members)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_country_record_cannot_carry_relations() -> None:
    """Spells and events live in their own files; the strict schema refuses them inside a country."""
    countries = json.loads(read_files()["countries.json"])
    countries[3]["events"] = []
    with pytest.raises(DataError, match=r"^data/countries.json\[3\]: unknown keys \['events'\]"):
        structure_file("countries.json", encode(countries))
