"""Every query against a brute-force oracle over the real dataset: the fast paths give the plain answers."""

from __future__ import annotations

import datetime
import itertools

from hypothesis import given
from hypothesis import strategies as st

import nato_relations as nr
from nato_relations import Country, Event, EventKind, Status
from nato_relations._dataset import get_dataset

DAYS = st.dates(min_value=datetime.date(1940, 1, 1), max_value=datetime.date(2030, 12, 31))
CODES = st.sampled_from(["NATO", "PfP", "EAPC", "MAP", "MNNA", "ASPIRANT", "NACC", "ID", "MD"])
COUNTRIES = st.sampled_from(["UA", "GE", "SE", "MT", "RU", "RS", "CO", "XK", "BY", "AT"])
KINDS = st.none() | st.sampled_from(EventKind)


def _running(country: Country, code: str, start: datetime.date, end: datetime.date) -> bool:
    return any(p.programme == code and p.overlaps(start, end) for p in country.participations)


def _by_name(found: list[Country]) -> tuple[Country, ...]:
    return tuple(c for c in get_dataset().countries if c in found)


@given(CODES, DAYS)
def test_participants_on(code: str, day: datetime.date) -> None:
    expected = _by_name([c for c in get_dataset().countries if _running(c, code, day, day)])
    assert nr.participants(code, on=day) == expected
    if code == "NATO":
        assert nr.members(day) == expected


@given(CODES, st.none() | DAYS, st.none() | DAYS)
def test_participants_during(code: str, start: datetime.date | None, end: datetime.date | None) -> None:
    low, high = start or datetime.date.min, end or datetime.date.max
    if low > high:
        return
    expected = _by_name([c for c in get_dataset().countries if _running(c, code, low, high)])
    assert nr.participants(code, start=start, end=end) == expected


@given(st.none() | CODES, DAYS, st.none() | st.sampled_from(Status))
def test_countries(code: str | None, day: datetime.date, status: Status | None) -> None:
    found = [
        c
        for c in get_dataset().countries
        if (code is None or _running(c, code, day, day)) and (status is None or c.status_on(day) is status)
    ]
    assert nr.countries(programme=code, on=day, status=status) == _by_name(found)


def _events(
    country: str | None, code: str | None, kind: EventKind | None, low: datetime.date, high: datetime.date
) -> tuple[Event, ...]:
    pool: tuple[Event, ...] = nr.get_country(country).events if country else get_dataset().events
    return tuple(
        e
        for e in pool
        if e.overlaps(low, high) and (code is None or code in e.programmes) and (kind is None or e.kind is kind)
    )


@given(st.none() | COUNTRIES, st.none() | CODES, KINDS, st.none() | DAYS, st.none() | DAYS)
def test_events(
    country: str | None,
    code: str | None,
    kind: EventKind | None,
    start: datetime.date | None,
    end: datetime.date | None,
) -> None:
    low, high = start or datetime.date.min, end or datetime.date.max
    if low > high:
        return
    found = nr.events(country=country, programme=code, kind=kind, start=start, end=end)
    assert found == _events(country, code, kind, low, high)
    assert all(a.date.earliest <= b.date.earliest for a, b in itertools.pairwise(found))


def test_the_earliest_and_latest_days_are_reachable() -> None:
    """Ranges touching the ends of the calendar still find what they should."""
    every = get_dataset().events
    assert nr.events(start=datetime.date.min) == every
    assert nr.events(end=datetime.date.max) == every
    assert nr.events(start=datetime.date.min, end=datetime.date.max) == every
    first = every[0].date.latest
    assert nr.events(end=first) == tuple(e for e in every if e.date.earliest <= first)
