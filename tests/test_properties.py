"""Properties of the date semantics over the real data and generated records."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from nato_relations import Participation, countries, events, participants, programmes

from .strategies import dates, participations

CODES = st.sampled_from([p.code for p in programmes()])


@given(CODES, dates)
def test_participants_on_a_day_are_those_whose_spells_contain_it(code: str, day: datetime.date) -> None:
    expected = {
        c.alpha2
        for c in countries()
        if any(
            p.programme == code and p.start.earliest <= day and (p.end is None or day <= p.end.latest)
            for p in c.participations
        )
    }
    assert {c.alpha2 for c in participants(code, on=day)} == expected


@given(CODES, st.lists(dates, min_size=3, max_size=3, unique=True).map(sorted))
def test_splitting_a_range_neither_loses_nor_invents(code: str, cut: list[datetime.date]) -> None:
    low, middle, high = cut
    whole = set(participants(code, start=low, end=high))
    halves = set(participants(code, start=low, end=middle)) | set(
        participants(code, start=middle + datetime.timedelta(days=1), end=high)
    )
    assert whole == halves
    assert set(events(start=low, end=high)) == set(events(start=low, end=middle)) | set(
        events(start=middle + datetime.timedelta(days=1), end=high)
    )


@given(CODES, dates)
def test_a_day_is_a_one_day_range(code: str, day: datetime.date) -> None:
    assert participants(code, on=day) == participants(code, start=day, end=day)


@given(CODES, st.lists(dates, min_size=2, max_size=2).map(sorted))
def test_a_range_holds_every_day_inside_it(code: str, bounds: list[datetime.date]) -> None:
    low, high = bounds
    ranged = set(participants(code, start=low, end=high))
    for day in (low, high):
        assert set(participants(code, on=day)) <= ranged


@given(participations(), dates, dates)
def test_a_spell_overlaps_a_range_iff_some_day_of_it_is_possible(
    spell: Participation, a: datetime.date, b: datetime.date
) -> None:
    low, high = min(a, b), max(a, b)
    inside = max(low, spell.first_day)
    assert spell.overlaps(low, high) == (inside <= high and inside <= spell.last_day)
