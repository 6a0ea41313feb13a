"""State-year panels: one row per state and year, keyed by COW, Gleditsch-Ward or ISO codes.

Each state's days in each programme and at each status are kept as
intervals, so a year is summarised by interval arithmetic, not by asking
about every day. The ``rule`` decides how a year with a change counts:

- ``any``: the state was in the programme (or at least at the status) on
  any day of the year;
- ``first``: on 1 January; ``last``: on 31 December;
- ``majority``: on more than half the days of the year.

The same rule decides whether a state is in the system that year at all.
The as-of year is measured up to the as-of date (``last`` looks at that day);
years after it have a row where the state is in the system but no values.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TypedDict, cast, overload

import attr

from ._dataset import Dataset, get_dataset
from ._dates import PartialDate
from ._model import Country, Status
from .exceptions import quote

if TYPE_CHECKING:
    from ._catalogue import Programme

__all__ = ["RULES", "UNIT_SYSTEMS", "Panel", "PanelRecord", "panel", "programme_order"]

RULES = ("any", "first", "last", "majority")
UNIT_SYSTEMS = ("cow", "gw", "iso")
_KEY_COLUMN = {"cow": "ccode", "gw": "gwcode", "iso": "iso3"}
_RANKS = (Status.NONE, Status.PARTNER, Status.ASPIRANT, Status.MEMBER)
_FIRST_YEAR = 1949
_DAY = datetime.timedelta(days=1)

Interval = tuple[datetime.date, datetime.date]  # first and last day, inclusive
Value = int | str | None


class _PanelKeys(TypedDict):
    """The columns every panel has."""

    year: int
    iso3: str
    country: str
    status: str | None  # None after the as-of year


class PanelRecord(_PanelKeys, total=False):
    """One row of a :class:`Panel` as a dict, each column with its type: ``row["year"]`` is an ``int``.

    The state's key is ``ccode`` (COW) or ``gwcode`` (Gleditsch-Ward), an
    ``int``, or ``iso3`` alone for ISO panels. Each programme column (its
    code in lower case) is 1, 0, or ``None`` where the programme did not
    exist or the year is after the as-of date. A test checks that every
    programme in the data has its column here.
    """

    ccode: int
    gwcode: int
    nato: int | None
    anp: int | None
    aspirant: int | None
    dcb: int | None
    eapc: int | None
    eop: int | None
    ici: int | None
    id: int | None
    ipap: int | None
    ipcp: int | None
    itpp: int | None
    map: int | None
    md: int | None
    mnna: int | None
    nacc: int | None
    ngc: int | None
    nrc: int | None
    nuc: int | None
    patg: int | None
    pfp: int | None
    pjc: int | None


class _Records(Sequence[PanelRecord]):
    """A panel's rows as :class:`PanelRecord` dicts, each made when asked for."""

    __slots__ = ("_columns", "_rows")

    def __init__(self, columns: tuple[str, ...], rows: tuple[tuple[Value, ...], ...]) -> None:
        self._columns = columns
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> PanelRecord: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[PanelRecord]: ...

    def __getitem__(self, index: int | slice) -> PanelRecord | Sequence[PanelRecord]:
        if isinstance(index, slice):
            return _Records(self._columns, self._rows[index])
        return cast("PanelRecord", dict(zip(self._columns, self._rows[index], strict=True)))

    def __repr__(self) -> str:
        return f"<{len(self)} panel records>"


@attr.frozen
class Panel:
    """A state-year table: ``columns`` names the fields of every tuple in ``rows``.

    ``rows`` are sorted by state key and year. A programme column is 1 or 0
    by the panel's ``rule``, and ``None`` (missing) in a year before the
    programme existed, after it ended, or after the dataset's ``as_of`` date.
    """

    system: str
    rule: str
    as_of: datetime.date
    columns: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...] = attr.field(repr=lambda rows: f"<{len(rows)} rows>")

    def records(self) -> Sequence[PanelRecord]:
        """The rows as dicts from column name to value (a new dict each time one is read).

        A sequence: ``len()``, indexing and slicing work, and each value is
        typed (:class:`PanelRecord`), so ``row["year"]`` is an ``int``.

            >>> rows = panel(start=2024, end=2024).records()
            >>> len(rows) == len(panel(start=2024, end=2024).rows)
            True
            >>> rows[0]["year"] + 1
            2025
        """
        return _Records(self.columns, self.rows)


def _merge(intervals: Iterable[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for first, last in sorted(intervals):
        if merged and first <= merged[-1][1] + _DAY:
            if last > merged[-1][1]:
                merged[-1] = (merged[-1][0], last)
        else:
            merged.append((first, last))
    return merged


def _clip(intervals: Iterable[Interval], first: datetime.date, last: datetime.date) -> list[Interval]:
    return [(max(a, first), min(b, last)) for a, b in intervals if a <= last and b >= first]


def _days(intervals: Iterable[Interval]) -> int:
    return sum((b - a).days + 1 for a, b in intervals)


def _holds(intervals: Sequence[Interval], rule: str, first: datetime.date, last: datetime.date) -> bool:
    """Whether ``intervals`` (already within ``first..last``) satisfy ``rule`` over that span."""
    if rule == "any":
        return bool(intervals)
    if rule == "first":
        return any(a <= first <= b for a, b in intervals)
    if rule == "last":
        return any(a <= last <= b for a, b in intervals)
    return 2 * _days(intervals) > (last - first).days + 1


def _last_day(p: PartialDate | None) -> datetime.date:
    return datetime.date.max if p is None else p.latest


def _status_intervals(country: Country) -> dict[Status, list[Interval]]:
    """The days at each status or above, by :meth:`Country.status_on` evaluated where it can change."""
    edges = {datetime.date(_FIRST_YEAR, 1, 1)}
    for spell in country.participations:  # a suspension does not change the status (a suspended partner is one)
        edges.add(spell.first_day)
        if spell.last_day < datetime.date.max:
            edges.add(spell.last_day + _DAY)
    starts = sorted(e for e in edges if e.year >= _FIRST_YEAR)
    at_least: dict[Status, list[Interval]] = {status: [] for status in _RANKS}
    for start, following in zip(starts, [*starts[1:], datetime.date.max], strict=True):
        end = following - _DAY if following < datetime.date.max else datetime.date.max
        rank = _RANKS.index(country.status_on(start))
        for status in _RANKS[1 : rank + 1]:
            at_least[status].append((start, end))
    return {status: _merge(intervals) for status, intervals in at_least.items()}


def _programme_intervals(country: Country) -> dict[str, list[Interval]]:
    found: dict[str, list[Interval]] = {}
    for spell in country.participations:
        found.setdefault(spell.programme, []).append((spell.first_day, spell.last_day))
    return {code: _merge(intervals) for code, intervals in found.items()}


def _units(data: Dataset, system: str) -> dict[Value, list[tuple[Country, Interval]]]:
    """Each state key of the system with the records that held it and when."""
    units: dict[Value, list[tuple[Country, Interval]]] = {}
    for country in data.countries:
        if system == "iso":
            first = datetime.date.min if country.valid_from is None else country.valid_from.earliest
            units.setdefault(country.alpha3, []).append((country, (first, _last_day(country.valid_until))))
            continue
        for m in country.systems:
            if m.system == system:
                span = (m.start, datetime.date.max if m.end is None else m.end)
                units.setdefault(m.code, []).append((country, span))
    return units


def programme_order(data: Dataset) -> list[Programme]:
    """The programmes in the order of the panel's columns: NATO first, then by code."""
    return sorted(data.programmes, key=lambda p: (p.code != "NATO", p.code.lower()))


def panel(
    *,
    unit: str = "state-year",
    system: str = "cow",
    rule: str = "any",
    start: int | None = None,
    end: int | None = None,
) -> Panel:
    """A state-year table of NATO status and programme participation.

    One row per state and year in which the state is in ``system``
    (``"cow"``: Correlates of War, key ``ccode``; ``"gw"``: Gleditsch-Ward,
    key ``gwcode``; ``"iso"``: every ISO 3166 country and historical state,
    key ``iso3``), from ``start`` (default 1949) to ``end`` (default the
    as-of year), with ``status`` by the same rule as
    :meth:`Country.status_on` and a 0/1 column per programme. Codes follow
    the years: Germany is COW 260 to 1990 and 255 from 3 October 1990.

    Raises :class:`TypeError` when ``unit``, ``system`` or ``rule`` is not a
    string, :class:`ValueError` for an unknown one, a year before 1949 (the treaty entered into force on
    24 August 1949, so nothing earlier is known), or ``start`` after
    ``end``, and :class:`TypeError` for a year that is not an integer.

        >>> rows = {r["ccode"]: r for r in panel(system="cow", start=2024, end=2024).records()}
        >>> rows[380]["country"], rows[380]["status"], rows[380]["nato"], rows[380]["pfp"]
        ('Sweden', 'member', 1, 1)
    """
    for name, value in (("unit", unit), ("system", system), ("rule", rule)):
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a string, not {type(value).__name__}")
    if unit != "state-year":
        raise ValueError(f"unknown unit {quote(unit)}; expected 'state-year' (see the docs on dyad-years)")
    if system not in UNIT_SYSTEMS:
        raise ValueError(f"unknown system {quote(system)}; expected one of: {', '.join(UNIT_SYSTEMS)}")
    if rule not in RULES:
        raise ValueError(f"unknown rule {quote(rule)}; expected one of: {', '.join(RULES)}")
    data = get_dataset()
    as_of = data.info.as_of
    first_year = _year(start, "start", _FIRST_YEAR)
    last_year = _year(end, "end", as_of.year)
    if first_year > last_year:
        raise ValueError(f"start {first_year} is after end {last_year}")
    codes = [p.code for p in programme_order(data)]
    columns = ("year", _KEY_COLUMN[system], "iso3", "country", "status", *(c.lower() for c in codes))
    existed = [_existed(data, code) for code in codes]
    rows: list[tuple[Value, ...]] = []
    for key, holders in sorted(_units(data, system).items(), key=lambda item: str(item[0]).zfill(4)):
        facts = [_Holder(country, span) for country, span in holders]
        for year in range(first_year, last_year + 1):
            row = _year_row(key, year, facts, rule=rule, as_of=as_of, codes=codes, existed=existed)
            if row is not None:
                rows.append(row)
    return Panel(system=system, rule=rule, as_of=as_of, columns=columns, rows=tuple(rows))


class _Holder:
    """A record that held a state's key, for how long, and its days in programmes and at statuses."""

    __slots__ = ("country", "programmes", "span", "statuses")

    def __init__(self, country: Country, span: Interval) -> None:
        self.country = country
        self.span = span
        self.programmes = _programme_intervals(country)
        self.statuses = _status_intervals(country)


def _year_row(
    key: Value,
    year: int,
    facts: list[_Holder],
    *,
    rule: str,
    as_of: datetime.date,
    codes: list[str],
    existed: list[Interval],
) -> tuple[Value, ...] | None:
    """The row of state ``key`` in ``year``, or ``None`` when the state is not in the system then."""
    jan1 = datetime.date(year, 1, 1)
    known = min(datetime.date(year, 12, 31), as_of) if year <= as_of.year else datetime.date(year, 12, 31)
    held = [(fact, clipped[0]) for fact in facts for clipped in [_clip([fact.span], jan1, known)] if clipped]
    if not _holds(_merge(span for _, span in held), rule, jan1, known):
        return None
    country = _holder([(fact.country, span) for fact, span in held], rule, jan1, known)
    row: list[Value] = [year, key, country.alpha3, country.name]
    if year > as_of.year:
        return (*row, *([None] * (1 + len(codes))))
    status = next((s for s in reversed(_RANKS[1:]) if _holds(_days_in(held, None, s), rule, jan1, known)), Status.NONE)
    row.append(status.value)
    for code, (first, last) in zip(codes, existed, strict=True):
        if first > known or last < jan1:
            row.append(None)
        else:
            row.append(int(_holds(_days_in(held, code, None), rule, jan1, known)))
    return tuple(row)


def _days_in(held: list[tuple[_Holder, Interval]], programme: str | None, status: Status | None) -> list[Interval]:
    """The days in ``programme`` (or at ``status`` or above) within the spans the records held the key."""

    def days(fact: _Holder) -> Sequence[Interval]:
        return fact.programmes.get(programme, ()) if programme is not None else fact.statuses[status or Status.NONE]

    if len(held) == 1:
        fact, (a, b) = held[0]
        return _clip(days(fact), a, b)
    return _merge(d for fact, (a, b) in held for d in _clip(days(fact), a, b))


def _existed(data: Dataset, code: str) -> Interval:
    """The days a programme may have existed on (its whole possible interval)."""
    programme = next(p for p in data.programmes if p.code == code)
    first = datetime.date.min if programme.established is None else programme.established.earliest
    return first, _last_day(programme.ended)


def _year(value: object, name: str, default: int) -> int:
    if value is None:
        return default
    if type(value) is not int:
        raise TypeError(f"{name} must be a year (an int), not {type(value).__name__}")
    if value < _FIRST_YEAR:
        raise ValueError(
            f"{name} {value} is before {_FIRST_YEAR}: the panel starts in {_FIRST_YEAR}, the year the North Atlantic "
            "Treaty was signed and entered into force"
        )
    return value


def _holder(held: list[tuple[Country, Interval]], rule: str, first: datetime.date, last: datetime.date) -> Country:
    """The record that stands for the state this year: on the rule's day, or for the most days."""
    if rule in ("first", "last"):
        day = first if rule == "first" else last
        for country, (a, b) in held:
            if a <= day <= b:
                return country
    return max(held, key=lambda item: ((item[1][1] - item[1][0]).days, item[1][0]))[0]
