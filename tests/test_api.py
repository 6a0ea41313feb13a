"""The query API's contract, table by table."""

from __future__ import annotations

import datetime

import attr
import pytest

import nato_relations as nr
from nato_relations import (
    CountryNotFoundError,
    EventKind,
    ProgrammeNotFoundError,
    Status,
    countries,
    events,
    get_country,
    get_programme,
    members,
    participants,
)

D = datetime.date


@pytest.mark.parametrize(
    ("identifier", "alpha2"),
    [
        ("SE", "SE"),
        ("se", "SE"),
        ("SWE", "SE"),
        ("752", "SE"),
        ("Sweden", "SE"),
        ("  sWEDEN ", "SE"),
        ("Kingdom of Sweden", "SE"),
        ("40", "AT"),
        ("040", "AT"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("TURKIYE", "TR"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("Macedonia", "MK"),
        ("FYROM", "MK"),
        ("the former Yugoslav Republic of Macedonia", "MK"),
        ("Bosnia   and\tHerzegovina", "BA"),
        ("United Kingdom", "GB"),
        ("UK", "GB"),
        ("Russian Federation", "RU"),
    ],
)
def test_get_country_accepts_every_kind_of_identifier(identifier: str, alpha2: str) -> None:
    assert get_country(identifier).alpha2 == alpha2


def test_get_country_accepts_a_country_and_returns_the_shared_object() -> None:
    sweden = get_country("SE")
    assert get_country(sweden) is sweden
    assert get_country("Sweden") is sweden


@pytest.mark.parametrize(("typed", "suggested"), [("Swedn", "Sweden"), ("Fnland", "Finland"), ("Hungry", "Hungary")])
def test_unknown_country_suggests_close_names(typed: str, suggested: str) -> None:
    with pytest.raises(CountryNotFoundError) as caught:
        get_country(typed)
    assert suggested in caught.value.suggestions
    assert len(caught.value.suggestions) <= 3
    assert f"unknown country {typed!r}; did you mean" in str(caught.value)
    assert isinstance(caught.value, LookupError)


@pytest.mark.parametrize("identifier", ["", "   ", "\t\n", "Atlantis", "ZZ", "999", "0"])
def test_unknown_or_empty_country_is_not_found(identifier: str) -> None:
    with pytest.raises(CountryNotFoundError) as caught:
        get_country(identifier)
    assert caught.value.identifier == identifier


@pytest.mark.parametrize("identifier", [None, b"SE", ["SE"]])
def test_non_string_country_is_a_type_error(identifier: object) -> None:
    with pytest.raises(TypeError, match="a country identifier is a string"):
        get_country(identifier)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("PfP", "PfP"),
        ("pfp", "PfP"),
        ("Partnership for Peace", "PfP"),
        ("nato", "NATO"),
        ("Membership Action Plan", "MAP"),
        ("Major non-NATO ally", "MNNA"),
        ("mediterranean dialogue", "MD"),
    ],
)
def test_get_programme(name: str, code: str) -> None:
    assert get_programme(name).code == code


def test_unknown_programme() -> None:
    with pytest.raises(ProgrammeNotFoundError) as caught:
        get_programme("Partnership for Peas")
    assert "Partnership for Peace" in caught.value.suggestions
    with pytest.raises(ProgrammeNotFoundError):
        get_programme("")


def test_programmes_are_sorted_by_code() -> None:
    codes = [p.code for p in nr.programmes()]
    assert codes == sorted(codes)


@pytest.mark.parametrize(
    ("day", "count", "includes", "excludes"),
    [
        (D(1949, 8, 23), 0, (), ("US",)),
        (D(1949, 8, 24), 12, ("US", "CA", "IS"), ("GR",)),
        (D(1952, 2, 17), 12, (), ("GR", "TR")),
        (D(1952, 2, 18), 14, ("GR", "TR"), ("DE",)),
        (D(1955, 5, 6), 15, ("DE",), ("ES",)),
        (D(1982, 5, 30), 16, ("ES",), ("PL",)),
        (D(1999, 3, 12), 19, ("PL", "CZ", "HU"), ("EE",)),
        (D(2004, 3, 29), 26, ("EE", "SI"), ("HR",)),
        (D(2009, 4, 1), 28, ("AL", "HR"), ("ME",)),
        (D(2017, 6, 5), 29, ("ME",), ("MK",)),
        (D(2020, 3, 27), 30, ("MK",), ("FI",)),
        (D(2023, 4, 4), 31, ("FI",), ("SE",)),
        (D(2024, 3, 6), 31, (), ("SE",)),
        (D(2024, 3, 7), 32, ("SE",), ()),
    ],
)
def test_members_on_enlargement_days(day: D, count: int, includes: tuple[str, ...], excludes: tuple[str, ...]) -> None:
    found = {c.alpha2 for c in members(day)}
    assert len(found) == count
    assert set(includes) <= found
    assert not set(excludes) & found


def test_members_defaults_to_today() -> None:
    assert members() == members(D.today())


def test_sweden_in_one_line() -> None:
    assert get_country("Sweden").status_on(D(2024, 3, 1)) is Status.ASPIRANT  # invited at Madrid, 2022
    assert get_country("Sweden") not in members(D(2024, 3, 1))


@pytest.mark.parametrize(
    ("country", "day", "status"),
    [
        ("SE", D(2024, 3, 7), Status.MEMBER),
        ("SE", D(1994, 4, 30), Status.NONE),
        ("SE", D(1994, 5, 1), Status.PARTNER),  # signed in May 1994: the widest reading of the month
        ("MT", D(2000, 1, 1), Status.NONE),
        ("MT", D(2008, 4, 3), Status.PARTNER),
        ("US", D(1949, 4, 4), Status.NONE),
    ],
)
def test_status_on(country: str, day: D, status: Status) -> None:
    assert get_country(country).status_on(day) is status


def test_participations_on_lists_the_running_spells() -> None:
    finland = get_country("FI")
    on_accession_day = [p.programme for p in finland.participations_on(D(2023, 4, 4))]
    assert {"PfP", "NATO"} <= set(on_accession_day)
    assert on_accession_day[-1] == "NATO"  # spells come in order of their start
    assert finland.participations_on(D(1990, 1, 1)) == ()


def test_participants_on_a_day_in_a_range_and_ever() -> None:
    on_day = {c.alpha2 for c in participants("PfP", on=D(1997, 1, 1))}
    assert {"MT", "AT", "PL"} - on_day == {"MT"}
    in_range = {c.alpha2 for c in participants("PfP", start=D(1996, 1, 1), end=D(1997, 1, 1))}
    assert "MT" in in_range
    ever = participants("PfP")
    assert {c.alpha2 for c in ever} >= in_range | {"SE", "ME"}
    assert [c.name for c in ever] == sorted((c.name for c in ever), key=nr._names.fold)


def test_participants_accepts_a_programme_object() -> None:
    pfp = get_programme("PfP")
    assert participants(pfp, on=D(2000, 1, 1)) == participants("Partnership for Peace", on=D(2000, 1, 1))


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"on": "2000-01-01"}, None, None),
        ({"on": "2000"}, ValueError, "whole year"),
        ({"start": 2000}, TypeError, "start must be a datetime.date"),
        ({"end": None, "start": D(2001, 1, 1)}, None, None),
        ({"start": D(2001, 1, 1), "end": D(2000, 1, 1)}, ValueError, "is after end"),
        ({"on": D(2000, 1, 1), "start": D(2000, 1, 1)}, ValueError, "either on or start/end"),
    ],
)
def test_participants_argument_errors(
    kwargs: dict[str, object], error: type[Exception] | None, match: str | None
) -> None:
    if error is None:
        assert participants("PfP", **kwargs)  # type: ignore[arg-type]
        return
    with pytest.raises(error, match=match):
        participants("PfP", **kwargs)  # type: ignore[arg-type]


def test_dates_as_iso_strings() -> None:
    assert members("2024-03-07") == members(D(2024, 3, 7))
    assert get_country("SE").status_on("2024-03-06") is Status.ASPIRANT
    assert participants("PfP", start="1996", end="1996") == participants(
        "PfP", start=D(1996, 1, 1), end=D(1996, 12, 31)
    )
    assert events(country="MT", start="1996-10", end="1996-10") == events(
        country="MT", start=D(1996, 10, 1), end=D(1996, 10, 31)
    )
    with pytest.raises(ValueError, match="whole year, not a day"):
        members("2024")
    with pytest.raises(TypeError, match="datetime"):
        members(datetime.datetime(2024, 3, 7, 12))


def test_countries_filters() -> None:
    everyone = countries()
    assert [c.name for c in everyone] == sorted((c.name for c in everyone), key=nr._names.fold)
    on = D(2000, 1, 1)
    assert countries(programme="PfP", on=on) == participants("PfP", on=on)
    assert countries(status=Status.MEMBER, on=on) == members(on)
    assert countries(status="member", on=on) == members(on)
    partners = countries(status="partner", on=on)
    assert all(c.status_on(on) is Status.PARTNER for c in partners)
    assert "AT" in {c.alpha2 for c in partners}


def test_countries_rejects_an_unknown_status() -> None:
    with pytest.raises(ValueError, match=r"unknown status .friend.; expected one of: member, aspirant, partner, none"):
        countries(status="friend")
    with pytest.raises(TypeError):
        countries(status=3)  # type: ignore[arg-type]


def test_events_filters_and_order() -> None:
    every = events()
    assert [e.date.earliest for e in every] == sorted(e.date.earliest for e in every)
    malta = events(country="Malta")
    assert malta == get_country("MT").events
    assert {e.kind for e in events(kind="accession")} == {EventKind.ACCESSION}
    assert all("PfP" in e.programmes for e in events(programme="pfp"))
    in_1999 = events(start=D(1999, 1, 1), end=D(1999, 12, 31))
    assert in_1999
    assert all(e.date.latest >= D(1999, 1, 1) and e.date.earliest <= D(1999, 12, 31) for e in in_1999)


def test_events_partial_dates_match_overlapping_ranges() -> None:
    # France's step out of the integrated command is dated only to 1966: any range touching 1966 finds it.
    found = events(country="FR", kind="other", start=D(1966, 12, 31), end=D(1966, 12, 31))
    assert [str(e.date) for e in found] == ["1966"]
    assert events(country="FR", kind="other", end=D(1965, 12, 31)) == ()


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"country": "Atlantis"}, CountryNotFoundError),
        ({"programme": "XYZ"}, ProgrammeNotFoundError),
        ({"kind": "party"}, ValueError),
        ({"kind": 1}, TypeError),
        ({"start": 1999}, TypeError),
        ({"start": "1999-13"}, ValueError),
        ({"start": D(2000, 1, 2), "end": D(2000, 1, 1)}, ValueError),
    ],
)
def test_events_argument_errors(kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        events(**kwargs)  # type: ignore[arg-type]


def test_results_cannot_be_changed_by_a_caller() -> None:
    sweden = get_country("SE")
    with pytest.raises(attr.exceptions.FrozenInstanceError):
        sweden.name = "Changed"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        sweden.participations.append(None)  # type: ignore[attr-defined]
    with pytest.raises(attr.exceptions.FrozenInstanceError):
        sweden.participations[0].end = None  # type: ignore[misc]
    assert isinstance(members(), tuple)
    assert isinstance(events(), tuple)
    assert get_country("SE") == sweden


def test_dataset_info() -> None:
    info = nr.dataset_info()
    assert info.version == nr.__version__
    assert info.countries == len(countries())
    assert info.events == len(events())
    assert len(info.sha256) == 64
    assert [name for name, _ in info.files] == sorted(name for name, _ in info.files)


def test_exact_and_folded_lookups_agree() -> None:
    for country in countries():
        for name in (country.alpha2, country.alpha3, country.name, country.official_name, *country.aliases):
            assert get_country(name) is country
            assert get_country(f"  {name.upper()} ") is country
    for programme in nr.programmes():
        for name in (programme.code, programme.name, *programme.aliases):
            assert get_programme(name) is programme
            assert get_programme(name.lower()) is programme


def test_reprs_are_one_short_line() -> None:
    sweden = get_country("SE")
    assert repr(sweden) == "Country(alpha2='SE', name='Sweden')"
    assert (
        repr(sweden.participations[0])
        == "Participation(country='SE', programme='PfP', start='1994-05', end='2024-03-07')"
    )
    records = [sweden, *sweden.participations, *sweden.events, *sweden.systems, *sweden.events[0].sources]
    assert all("\n" not in repr(r) and len(repr(r)) < 200 for r in records)
    assert len(repr(members())) < 40 * len(members())
