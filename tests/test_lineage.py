"""A state's lineage: the states it succeeded, and their records that its history includes."""

from __future__ import annotations

import json

import pytest

import nato_relations as nr

from .conftest import run_cli


@pytest.mark.parametrize(
    ("country", "states"),
    [
        ("Serbia", ["RS", "CSXX", "YUCS"]),
        ("Kosovo", ["XK", "RS", "CSXX", "YUCS"]),
        ("Czechia", ["CZ", "CSHH"]),
        ("Russia", ["RU", "SUHH"]),
        ("Germany", ["DE", "DDDE"]),
        ("Sweden", ["SE"]),
    ],
)
def test_lineage_names_the_predecessors_nearest_first(country: str, states: list[str]) -> None:
    assert [c.alpha2 for c in nr.lineage(country)] == states


def _codes(events: tuple[nr.Event, ...]) -> set[tuple[str | None, str]]:
    return {(e.country, str(e.date)) for e in events}


def test_serbia_and_kosovo_find_the_1999_air_campaign_only_through_their_lineage() -> None:
    campaign = ("YUCS", "1999-03-24")
    assert campaign in _codes(nr.events(country="YUCS"))
    for country in ("Serbia", "Kosovo"):
        assert campaign not in _codes(nr.events(country=country))  # filed on the state that acted
        assert campaign in _codes(nr.events(country=country, lineage=True))
    assert ("YUCS", "1999-06-12") in _codes(nr.events(country="XK", lineage=True))  # KFOR's entry into Kosovo


def test_a_predecessors_records_count_only_before_the_successor_began() -> None:
    # Slovenia succeeded Yugoslavia in 1991-92: the 1999 events of the rump state are not its history.
    assert not {e for e in nr.events(country="SI", lineage=True) if e.country == "YUCS"}
    # Russia's history includes the Soviet Union's seat at the NACC's first meeting (20 December 1991).
    russia = nr.events(country="RU", lineage=True)
    assert ("SUHH", "1991-12-20") in _codes(russia)
    assert all(e.country == "RU" or not nr.get_country("RU").exists_on(e.date.earliest) for e in russia)
    # Czechia's includes Czechoslovakia's end; the GDR joined Germany, so all of its records count.
    assert {e.country for e in nr.events(country="CZ", lineage=True)} == {"CZ", "CSHH"}
    assert set(nr.events(country="DDDE")) <= set(nr.events(country="DE", lineage=True))


def test_lineage_events_stay_sorted_and_filtered() -> None:
    found = nr.events(country="Serbia", lineage=True, start="1999-01-01", end="1999-12-31")
    assert found
    assert {e.country for e in found} == {"YUCS"}
    assert list(found) == sorted(found, key=lambda e: (e.date.earliest, e.date.latest))
    assert nr.events(country="Serbia", lineage=False) == nr.events(country="Serbia")  # the default


def test_cli_lineage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "events", "--country", "Serbia", "--lineage", "--year", "1999", "--format", "json")
    assert code == 0
    assert {e["country"] for e in json.loads(out)} == {"YUCS"}
    code, out, _ = run_cli(capsys, "events", "--country", "Serbia", "--year", "1999", "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = run_cli(capsys, "events", "--country", "Serbia", "--lineage", "--year", "1999")
    assert "Yugoslavia (YUCS)" in out
