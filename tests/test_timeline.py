"""The per-programme timeline index against a brute-force oracle, on spells built here (not the real data).

Each test builds its own ``Timeline``, so the index is exercised afresh every time
(the dataset's own timelines are built once per process and cached).
"""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from nato_relations import Country, PartialDate, Participation, Source
from nato_relations._timeline import Timeline

from .strategies import participations

CODES = ("AT", "FI", "MT", "SE", "UA")
ORDER = {"UA": 0, "SE": 1, "AT": 2, "FI": 3, "MT": 4}  # not alphabetical: results must follow the order given
COUNTRIES = {code: Country(code, code + "X", None, code, code, "Europe") for code in CODES}
DAYS = st.dates(min_value=datetime.date(1935, 1, 1), max_value=datetime.date(2045, 12, 31))


def _build(spells: list[Participation]) -> Timeline:
    return Timeline.build(((s, COUNTRIES[s.country]) for s in spells), ORDER)


def _oracle(spells: list[Participation], start: datetime.date, end: datetime.date) -> tuple[Country, ...]:
    codes = {s.country for s in spells if s.overlaps(start, end)}
    return tuple(COUNTRIES[c] for c in sorted(codes, key=ORDER.__getitem__))


@given(st.lists(participations(), max_size=8), DAYS)
def test_on_a_day_equals_every_spell_checked(spells: list[Participation], day: datetime.date) -> None:
    assert _build(spells).on(day) == _oracle(spells, day, day)


@given(st.lists(participations(), max_size=8), DAYS, DAYS)
def test_during_a_range_equals_every_spell_checked(
    spells: list[Participation], first: datetime.date, second: datetime.date
) -> None:
    start, end = min(first, second), max(first, second)
    assert _build(spells).during(start, end) == _oracle(spells, start, end)


SOURCE = Source("https://example.org/", "A page", "Example", datetime.date(2026, 11, 30))


def _spell(country: str, start: str, end: str | None) -> Participation:
    last = None if end is None else PartialDate.parse(end)
    return Participation(country, "PfP", PartialDate.parse(start), last, sources=(SOURCE,))


def test_edges_of_a_spell() -> None:
    """The first and last possible days count; the day after does not."""
    spells = [_spell("SE", "1994-05-09", "2024-03-06"), _spell("AT", "1995", None)]
    timeline = _build(spells)
    d = datetime.date
    assert timeline.on(d(1994, 5, 8)) == ()
    assert timeline.on(d(1994, 5, 9)) == (COUNTRIES["SE"],)
    assert timeline.on(d(1995, 1, 1)) == (COUNTRIES["SE"], COUNTRIES["AT"])  # in the order given
    assert timeline.on(d(2024, 3, 6)) == (COUNTRIES["SE"], COUNTRIES["AT"])
    assert timeline.on(d(2024, 3, 7)) == (COUNTRIES["AT"],)
    assert timeline.on(datetime.date.max) == (COUNTRIES["AT"],)  # an open spell runs for ever
    assert timeline.during(d(2024, 3, 6), d(2030, 1, 1)) == (COUNTRIES["SE"], COUNTRIES["AT"])  # on its last day
    assert timeline.during(d(2024, 3, 7), d(2030, 1, 1)) == (COUNTRIES["AT"],)
    assert timeline.during(d(1990, 1, 1), d(1994, 5, 9)) == (COUNTRIES["SE"],)  # ends on its first day
    assert timeline.during(d(1990, 1, 1), d(1994, 5, 8)) == ()


def test_a_country_with_two_spells_is_listed_once() -> None:
    spells = [_spell("MT", "1995-04-26", "1996-10-27"), _spell("MT", "2008-04-03", None)]
    timeline = _build(spells)
    assert timeline.during(datetime.date(1990, 1, 1), datetime.date(2020, 1, 1)) == (COUNTRIES["MT"],)
    assert timeline.on(datetime.date(2000, 1, 1)) == ()


def test_no_spells() -> None:
    timeline = _build([])
    assert timeline.on(datetime.date(2000, 1, 1)) == ()
    assert timeline.during(datetime.date.min, datetime.date.max) == ()


def test_a_range_inside_one_segment_takes_the_short_way() -> None:
    """Within one segment the answer is the segment's own tuple: no spells are scanned (speed, not meaning)."""
    timeline = _build([_spell("SE", "1994-05-09", "2024-03-06"), _spell("AT", "1995", None)])
    inside = timeline.during(datetime.date(2000, 1, 1), datetime.date(2010, 1, 1))
    assert inside is timeline.on(datetime.date(2005, 1, 1))
    across = timeline.during(datetime.date(1994, 1, 1), datetime.date(2010, 1, 1))
    assert across == (COUNTRIES["SE"], COUNTRIES["AT"])
    assert across is not timeline.on(datetime.date(2005, 1, 1))
