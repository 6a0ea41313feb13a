"""Hypothesis strategies for the model objects."""

from __future__ import annotations

import calendar
import datetime

from hypothesis import strategies as st

from nato_relations import Event, EventKind, PartialDate, Participation, Source


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1, max_year: int = 9999) -> PartialDate:
    """Any valid partial date, at any precision."""
    year = draw(st.integers(min_year, max_year))
    month = draw(st.none() | st.integers(1, 12))
    if month is None:
        return PartialDate(year)
    day = draw(st.none() | st.integers(1, calendar.monthrange(year, month)[1]))
    return PartialDate(year, month, day)


dates = st.dates(min_value=datetime.date(1940, 1, 1), max_value=datetime.date(2040, 12, 31))
text = st.text(min_size=1, max_size=30).map(str.strip).filter(bool)

sources = st.builds(
    Source,
    url=st.from_regex(r"https://example\.org/[a-z0-9/]{0,20}", fullmatch=True),
    title=text,
    publisher=text,
    accessed=dates,
)


@st.composite
def participations(draw: st.DrawFn) -> Participation:
    start = draw(partial_dates(1940, 2040))
    end = draw(st.none() | partial_dates(start.latest.year, 2040).filter(lambda e: e.earliest >= start.latest))
    return Participation(
        country=draw(st.sampled_from(["AT", "FI", "MT", "SE", "UA"])),
        programme=draw(st.sampled_from(["PfP", "NATO", "MD"])),
        start=start,
        end=end,
        sources=tuple(draw(st.lists(sources, min_size=1, max_size=3))),
        qualifiers=tuple(draw(st.lists(text, max_size=2))),
        notes=draw(st.text(max_size=40)),
        run_by=draw(st.none() | st.sampled_from(["NATO", "United States"])),
    )


events = st.builds(
    Event,
    date=partial_dates(1940, 2040),
    country=st.none() | st.sampled_from(["AT", "FI", "MT"]),
    programmes=st.lists(st.sampled_from(["PfP", "NATO", "EAPC"]), max_size=3, unique=True).map(tuple),
    kind=st.sampled_from(EventKind),
    summary=text,
    sources=st.lists(sources, min_size=1, max_size=3).map(tuple),
    notes=st.text(max_size=40),
)
