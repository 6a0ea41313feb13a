"""State-year panels, the code crosswalk and historical states."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nato_relations as nr
from nato_relations import Status
from nato_relations._panel import RULES

from .conftest import run_cli

D = datetime.date
RANK = {s.value: i for i, s in enumerate((Status.NONE, Status.PARTNER, Status.ASPIRANT, Status.MEMBER))}


def rows(system: str, rule: str, year: int) -> dict[object, dict[str, int | str | None]]:
    """One year of a panel, by state key. Built afresh by every test that asks (a year costs a few ms), so
    that mutation testing, which runs the tests that called the code, reaches every test of the panel."""
    table = nr.panel(system=system, rule=rule, start=year, end=year)
    at = table.columns.index({"cow": "ccode", "gw": "gwcode", "iso": "iso3"}[system])
    return {row[at]: dict(zip(table.columns, row, strict=True)) for row in table.rows}


# --- the crosswalk ------------------------------------------------------------------------------

CODES = [
    # alpha2, current COW, current G-W
    ("US", 2, 2),
    ("DE", 255, 260),  # COW 260 for the German Federal Republic, 255 for Germany from 3 October 1990
    ("RU", 365, 365),
    ("RS", 345, 340),  # COW continues Yugoslavia as Serbia; G-W numbers Serbia 340
    ("CZ", 316, 316),
    ("SK", 317, 317),
    ("XK", 347, 347),
    ("TW", 713, 713),
    ("SUHH", 365, 365),
    ("CSHH", 315, 315),
    ("YUCS", 345, 345),
    ("CSXX", 345, 345),
    ("DDDE", 265, 265),
    ("AQ", None, None),  # not a state
]


@pytest.mark.parametrize(("alpha2", "cow", "gw"), CODES)
def test_codes(alpha2: str, cow: int | None, gw: int | None) -> None:
    country = nr.get_country(alpha2)
    assert (country.cow_code, country.gw_code) == (cow, gw)


LOOKUPS = [
    ("cow:260", "DE"),  # a former code finds the state that held it
    ("cow:255", "DE"),
    ("gw:260", "DE"),
    ("cow:365", "RU"),  # a code held in turn finds the latest holder
    ("gw:340", "RS"),
    ("cow:315", "CSHH"),
    ("Q183", "DE"),
    ("SUHH", "SUHH"),
    ("USSR", "SUHH"),
    ("East Germany", "DDDE"),
    ("West Germany", "DE"),
    ("891", "CSXX"),  # ISO 3166-3 gave 891 to Yugoslavia and then to Serbia and Montenegro
]


@pytest.mark.parametrize(("identifier", "alpha2"), LOOKUPS)
def test_lookups_by_code(identifier: str, alpha2: str) -> None:
    assert nr.get_country(identifier).alpha2 == alpha2


def test_a_number_needs_its_system() -> None:
    assert nr.get_country(365, system="cow").alpha2 == "RU"
    assert nr.get_country(260, system="gw").alpha2 == "DE"
    assert nr.get_country(40, system="iso").alpha2 == "AT"
    assert nr.get_country("365", system="cow").alpha2 == "RU"
    with pytest.raises(TypeError, match="could be an ISO, COW or G-W code"):
        nr.get_country(365)
    with pytest.raises(ValueError, match="unknown system"):
        nr.get_country(365, system="ccode")
    with pytest.raises(nr.CountryNotFoundError):
        nr.get_country(9999, system="cow")


HISTORICAL = [
    # alpha2, valid_from, valid_until, successors include
    ("SUHH", "1922-12-30", "1991-12-25", {"RU", "UA", "BY"}),
    ("CSHH", "1918-10-28", "1992-12-31", {"CZ", "SK"}),
    ("YUCS", "1945-11-29", "2003-02-03", {"SI", "HR", "CSXX"}),
    ("CSXX", "2003-02-04", "2006-06-04", {"RS", "ME"}),
    ("DDDE", "1949-10-07", "1990-10-02", {"DE"}),
]


@pytest.mark.parametrize(("alpha2", "valid_from", "valid_until", "successors"), HISTORICAL)
def test_historical_states(alpha2: str, valid_from: str, valid_until: str, successors: set[str]) -> None:
    state = nr.get_country(alpha2)
    assert (str(state.valid_from), str(state.valid_until)) == (valid_from, valid_until)
    assert successors <= set(state.successors)
    assert all(nr.get_country(s) for s in state.successors)
    assert state.sources  # the dates are cited
    assert all(m.end is not None and m.end <= state.valid_until.latest for m in state.systems)  # type: ignore[union-attr]


def test_facts_go_to_the_state_that_took_part() -> None:
    founding = D(1991, 12, 20)
    in_nacc = {c.alpha2 for c in nr.participants("NACC", on=founding)}
    assert {"SUHH", "CSHH"} <= in_nacc
    assert "RU" not in in_nacc  # Russia held the Soviet seat from the union's end (lifetimes, docs/data.md)
    assert "RU" in {c.alpha2 for c in nr.participants("NACC", on=D(1991, 12, 26))}
    assert not {"CZ", "SK"} & in_nacc
    assert nr.get_country("CZ").status_on(D(1994, 1, 1)) is Status.PARTNER
    assert nr.get_country("CSHH").status_on(D(1993, 6, 1)) is Status.NONE  # gone


def test_every_country_answers_none_without_relations() -> None:
    tuvalu = nr.get_country("Tuvalu")
    assert tuvalu.participations == ()
    assert tuvalu.events == ()
    assert tuvalu.status_on(D(2020, 1, 1)) is Status.NONE
    assert tuvalu in nr.countries()
    assert tuvalu in nr.countries(status="none", on=D(2020, 1, 1))


def test_every_code_set_is_cited() -> None:
    cited = dict(nr.dataset_info().code_sources)
    assert set(cited) == {"iso", "cow", "gw", "wikidata"}
    assert all(cited.values())


# --- the panel ---------------------------------------------------------------------------------

PANEL_CASES = [
    # system, rule, key, year, column, value
    ("cow", "any", 380, 2024, "status", "member"),
    ("cow", "first", 380, 2024, "status", "aspirant"),
    ("cow", "last", 380, 2024, "nato", 1),
    ("cow", "first", 380, 2024, "nato", 0),
    ("cow", "majority", 380, 2024, "nato", 1),  # joined on 7 March
    ("cow", "majority", 375, 2023, "nato", 1),  # joined on 4 April
    ("cow", "any", 260, 1989, "nato", 1),
    ("cow", "any", 260, 1990, "iso3", "DEU"),
    ("cow", "any", 255, 1991, "nato", 1),
    ("cow", "any", 265, 1989, "nato", 0),
    ("cow", "any", 365, 1991, "country", "Soviet Union"),
    ("cow", "last", 365, 1991, "country", "Russia"),
    ("cow", "any", 365, 2015, "status", "partner"),  # suspended since April 2014, still on NATO's lists
    ("cow", "any", 365, 2015, "pfp", 1),  # the spell goes on, suspended
    ("cow", "any", 345, 2010, "country", "Serbia"),
    ("gw", "any", 340, 2010, "country", "Serbia"),
    ("gw", "any", 260, 2000, "nato", 1),
    ("cow", "any", 2, 1960, "pfp", None),  # before the programme existed
    ("cow", "any", 2, 1960, "nato", 1),
    ("cow", "any", 200, 1999, "nacc", None),  # after it ended (1997)
    ("iso", "any", "SWE", 1995, "pfp", 1),
    ("iso", "any", "SCG", 2005, "status", "none"),
]


@pytest.mark.parametrize(("system", "rule", "key", "year", "column", "value"), PANEL_CASES)
def test_panel_cases(system: str, rule: str, key: object, year: int, column: str, value: object) -> None:
    assert rows(system, rule, year)[key][column] == value


def test_panel_shape() -> None:
    cow = nr.panel(system="cow", rule="any")
    assert cow.columns[:5] == ("year", "ccode", "iso3", "country", "status")
    assert cow.columns[5] == "nato"
    assert {"pfp", "eapc", "nacc", "map", "id", "ipap", "anp", "eop", "md", "ici", "patg", "mnna"} <= set(cow.columns)
    years = {int(str(r[0])) for r in cow.rows}
    assert min(years) == 1949
    assert max(years) == nr.dataset_info().as_of.year
    keys = [(r[1], r[0]) for r in cow.rows]
    assert len(keys) == len(set(keys))  # one row per state and year
    assert all(value in (0, 1, None) for row in cow.rows for value in row[5:])


def test_years_after_the_data_are_missing_not_zero() -> None:
    as_of = nr.dataset_info().as_of.year
    later = nr.panel(start=as_of + 1, end=as_of + 2)
    assert later.rows
    assert all(value is None for row in later.rows for value in row[4:])


@pytest.mark.parametrize("system", ["cow", "gw", "iso"])
@pytest.mark.parametrize("rule", RULES)
def test_row_count_is_the_states_in_the_system(system: str, rule: str) -> None:
    """Each year has one row per state in the system that year, by the same rule."""
    as_of = nr.dataset_info().as_of
    for year in (1950, 1989, 1991, 1992, 2006, 2024, as_of.year):
        first, last = D(year, 1, 1), min(D(year, 12, 31), as_of)
        keys = set()
        for country in nr.countries():
            for key, start, end in _spans(country, system):
                days = {d for d in _days(first, last) if start <= d <= end}
                if _by_rule(days, rule, first, last):
                    keys.add(key)
        assert len(rows(system, rule, year)) == len(keys), (year, system, rule)


def _spans(country: nr.Country, system: str) -> list[tuple[object, D, D]]:
    if system == "iso":
        start = country.valid_from.earliest if country.valid_from else D.min
        end = country.valid_until.latest if country.valid_until else D.max
        return [(country.alpha3, start, end)]
    return [(m.code, m.start, m.end or D.max) for m in country.systems if m.system == system]


def _days(first: D, last: D) -> list[D]:
    return [first + datetime.timedelta(days=i) for i in range((last - first).days + 1)]


def _by_rule(days: set[D], rule: str, first: D, last: D) -> bool:
    if rule == "any":
        return bool(days)
    if rule == "first":
        return first in days
    if rule == "last":
        return last in days
    return 2 * len(days) > (last - first).days + 1


@settings(max_examples=60)
@given(
    country=st.sampled_from(["SE", "FI", "UA", "GE", "RU", "MT", "MK", "BA", "DE", "RS", "AT", "CZ", "JO"]),
    year=st.integers(1990, 2025),
    rule=st.sampled_from(RULES),
)
def test_panel_agrees_with_status_on_and_participations_on(country: str, year: int, rule: str) -> None:
    """Property: each row is what asking status_on/participations_on on every day of the year gives, by the rule."""
    state = nr.get_country(country)
    memberships = [m for m in state.systems if m.system == "cow"]
    found = [r for code, r in rows("cow", rule, year).items() if any(m.code == code for m in memberships)]
    first, last = D(year, 1, 1), D(year, 12, 31)
    days = [d for d in _days(first, last) if any(m.covers(d) for m in memberships)]
    if not found:
        assert not _by_rule(set(days), rule, first, last)
        return
    row = found[0]
    statuses = {d: RANK[state.status_on(d).value] for d in days}
    best = max(
        (rank for rank in range(4) if _by_rule({d for d in days if statuses[d] >= rank}, rule, first, last)),
        default=0,
    )
    assert RANK[str(row["status"])] == best
    for programme in ("NATO", "PfP", "EAPC", "MAP", "ASPIRANT"):
        value = row[programme.lower()]
        if value is None:
            continue
        in_it = {d for d in days if any(p.programme == programme for p in state.participations_on(d))}
        assert value == int(_by_rule(in_it, rule, first, last)), programme


_BEFORE = (
    "is before 1949: the panel starts in 1949, the year the North Atlantic Treaty was signed and entered into force"
)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"unit": "dyad-year"},
            ValueError,
            "unknown unit 'dyad-year'; expected 'state-year' (see the docs on dyad-years)",
        ),
        ({"system": "ISO"}, ValueError, "unknown system 'ISO'; expected one of: cow, gw, iso"),
        ({"rule": "all"}, ValueError, "unknown rule 'all'; expected one of: any, first, last, majority"),
        ({"start": 2001, "end": 2000}, ValueError, "start 2001 is after end 2000"),
        ({"start": 1948}, ValueError, f"start 1948 {_BEFORE}"),
        ({"start": 1900, "end": 1950}, ValueError, f"start 1900 {_BEFORE}"),
        ({"end": 1945}, ValueError, f"end 1945 {_BEFORE}"),
        ({"start": "2000"}, TypeError, "start must be a year (an int), not str"),
        ({"end": 2000.0}, TypeError, "end must be a year (an int), not float"),
        ({"unit": 1}, TypeError, "unit must be a string, not int"),
        ({"system": None}, TypeError, "system must be a string, not NoneType"),
        ({"system": b"cow"}, TypeError, "system must be a string, not bytes"),
        ({"rule": ["any"]}, TypeError, "rule must be a string, not list"),
        ({"unit": 1, "rule": 2}, TypeError, "unit must be a string, not int"),  # the first wrong one is named
    ],
)
def test_panel_errors_say_what_is_wrong(kwargs: dict[str, object], error: type[Exception], message: str) -> None:
    with pytest.raises(error) as caught:
        nr.panel(**kwargs)  # type: ignore[arg-type]
    assert type(caught.value) is error
    assert str(caught.value) == message


def test_the_first_year_is_1949_and_the_command_line_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert {row[0] for row in nr.panel(start=1949, end=1949).rows} == {1949}
    code, out, err = run_cli(capsys, "panel", "--from", "1945", "--to", "1950")
    assert (code, out) == (2, "")
    assert "start 1945 is before 1949: the panel starts in 1949" in err


def test_columns_with_a_founding_date_before_their_first_participant() -> None:
    """ASPIRANT exists from the treaty's Article 10 (1949), so its column is 0 until Greece and Turkey's 1951
    recognition; PATG is missing before 1990, when the first relationship NATO counts in it began."""
    assert {r["aspirant"] for r in rows("cow", "any", 1949).values()} == {0}
    assert rows("cow", "any", 1951)[350]["aspirant"] == 1
    assert rows("cow", "first", 1952)[640]["status"] == "aspirant"
    assert rows("cow", "last", 1952)[640]["status"] == "member"
    assert {r["patg"] for r in rows("cow", "any", 1989).values()} == {None}
    assert rows("cow", "any", 1990)[740]["patg"] == 1


def test_founders_are_members_from_entry_into_force() -> None:
    """The treaty entered into force on 24 August 1949: under "first" and "majority" no state is a member in
    1949, under "any" and "last" the twelve founders are (docs/panels.md, conventions)."""
    for rule, expected in (("first", 0), ("majority", 0), ("any", 12), ("last", 12)):
        assert sum(r["nato"] == 1 for r in rows("cow", rule, 1949).values()) == expected, rule
    assert rows("cow", "majority", 1950)[2]["nato"] == 1


def test_one_year_panel_and_its_records() -> None:
    one = nr.panel(system="gw", rule="last", start=2000, end=2000)
    assert (one.system, one.rule, one.as_of) == ("gw", "last", nr.dataset_info().as_of)
    assert {row[0] for row in one.rows} == {2000}
    records = list(one.records())
    assert [tuple(r.values()) for r in records] == list(one.rows)
    assert all(tuple(r) == one.columns for r in records)
    keys = [r["gwcode"] for r in records]
    assert keys == sorted(keys, key=lambda k: str(k).zfill(4))  # by state key, numerically


def test_records_slice_like_a_sequence() -> None:
    one = nr.panel(system="cow", start=2000, end=2000)
    records = one.records()
    assert len(records) == len(one.rows) > 3
    part = records[1:4]
    assert repr(part) == "<3 panel records>"
    assert len(part) == 3
    assert list(part) == [records[1], records[2], records[3]]
    assert [tuple(r.values()) for r in part] == list(one.rows[1:4])
    assert records[::-1][0] == records[-1] == dict(zip(one.columns, one.rows[-1], strict=True))
    assert list(records[::-1]) == list(records)[::-1]
    assert list(records[len(records) :]) == []


# --- the interval arithmetic, on intervals written here --------------------------------------------------

J = D(2001, 1, 1)


def day(n: int) -> D:
    return J + datetime.timedelta(days=n)


@pytest.mark.parametrize(
    ("given", "merged"),
    [
        ([(0, 5), (6, 9)], [(0, 9)]),  # adjacent days join
        ([(0, 5), (7, 9)], [(0, 5), (7, 9)]),  # a day apart stay apart
        ([(0, 5), (5, 9)], [(0, 9)]),  # sharing a day
        ([(0, 9), (2, 4)], [(0, 9)]),  # one inside the other
        ([(0, 9), (2, 9)], [(0, 9)]),
        ([(6, 9), (0, 5)], [(0, 9)]),  # in any order
        ([], []),
    ],
)
def test_merge(given: list[tuple[int, int]], merged: list[tuple[int, int]]) -> None:
    from nato_relations._panel import _merge

    assert _merge([(day(a), day(b)) for a, b in given]) == [(day(a), day(b)) for a, b in merged]


@pytest.mark.parametrize(
    ("given", "clipped"),
    [
        ([(0, 10)], [(3, 7)]),
        ([(0, 3)], [(3, 3)]),  # ends on the first day of the window
        ([(7, 10)], [(7, 7)]),  # starts on its last day
        ([(0, 2), (8, 10)], []),
    ],
)
def test_clip_to_days_3_to_7(given: list[tuple[int, int]], clipped: list[tuple[int, int]]) -> None:
    from nato_relations._panel import _clip

    assert _clip([(day(a), day(b)) for a, b in given], day(3), day(7)) == [(day(a), day(b)) for a, b in clipped]


@pytest.mark.parametrize(
    ("intervals", "rule", "holds"),
    [
        ([], "any", False),
        ([(4, 4)], "any", True),
        ([(0, 0)], "first", True),
        ([(1, 9)], "first", False),
        ([(9, 9)], "last", True),
        ([(0, 8)], "last", False),
        ([(0, 5)], "majority", True),  # 6 of 10 days
        ([(0, 4)], "majority", False),  # 5 of 10: half is not a majority
        ([(0, 1), (5, 8)], "majority", True),  # 2 + 4 days
        ([(0, 1), (6, 8)], "majority", False),  # 2 + 3 days
    ],
)
def test_rules_over_days_0_to_9(intervals: list[tuple[int, int]], rule: str, holds: bool) -> None:
    from nato_relations._panel import _days, _holds

    spans = [(day(a), day(b)) for a, b in intervals]
    assert _holds(spans, rule, day(0), day(9)) is holds
    assert _days(spans) == sum(b - a + 1 for a, b in intervals)


@pytest.mark.parametrize("country", ["RU", "BY", "AF", "UA", "GE", "MT", "SE", "MK", "CZ", "US"])
def test_status_intervals_agree_with_status_on_every_day(country: str) -> None:
    from nato_relations._panel import _RANKS, _status_intervals

    state = nr.get_country(country)
    at_least = _status_intervals(state)
    first, last = D(1949, 1, 1), nr.dataset_info().as_of
    for offset in range((last - first).days + 1):
        d = first + datetime.timedelta(days=offset)
        rank = _RANKS.index(state.status_on(d))
        for level, status in enumerate(_RANKS[1:], start=1):
            inside = any(a <= d <= b for a, b in at_least[status])
            assert inside == (rank >= level), (country, d, status)


@pytest.mark.parametrize("rule", RULES)
def test_the_as_of_year_counts_up_to_the_as_of_date(rule: str) -> None:
    as_of = nr.dataset_info().as_of
    sweden = rows("cow", rule, as_of.year)[380]
    assert (sweden["status"], sweden["nato"]) == ("member", 1)
    for row in rows("cow", rule, as_of.year + 1).values():  # a later year: states, no values
        assert row["status"] is None
        assert row["nato"] is None


def test_programmes_are_missing_outside_their_years() -> None:
    """A programme column is missing in the years the programme did not exist, and 0 or 1 in the years it did."""
    for programme in nr.programmes():
        column = programme.code.lower()
        assert programme.established is not None, programme.code
        year = programme.established.earliest.year
        assert rows("cow", "any", year)[2][column] in (0, 1), programme.code  # the United States
        if year > 1949:
            assert rows("cow", "any", year - 1)[2][column] is None, programme.code
        if programme.ended is not None:
            year = programme.ended.latest.year
            assert rows("cow", "any", year)[2][column] in (0, 1), programme.code
            assert rows("cow", "any", year + 1)[2][column] is None, programme.code


def test_columns_are_nato_then_the_programmes_by_code() -> None:
    columns = nr.panel(start=2000, end=2000).columns
    codes = sorted((p.code for p in nr.programmes() if p.code != "NATO"), key=str.lower)
    assert columns[5:] == ("nato", *(c.lower() for c in codes))


@pytest.mark.parametrize(
    ("rule", "year", "country"),
    [
        ("first", 2003, "Yugoslavia"),  # COW 345 on 1 January 2003
        ("majority", 2003, "Serbia and Montenegro"),  # from 4 February
        ("last", 2003, "Serbia and Montenegro"),
        ("first", 2006, "Serbia and Montenegro"),
        ("any", 2006, "Serbia"),  # most days: from 5 June
        ("first", 1991, "Soviet Union"),
        ("last", 1991, "Russia"),
    ],
)
def test_the_record_that_stands_for_a_state_in_a_year_of_change(rule: str, year: int, country: str) -> None:
    key = 345 if year > 2000 else 365
    assert rows("cow", rule, year)[key]["country"] == country


def test_an_odd_number_of_days_has_a_strict_majority() -> None:
    from nato_relations._panel import _holds

    assert _holds([(day(0), day(4))], "majority", day(0), day(8)) is True  # 5 of 9
    assert _holds([(day(0), day(3))], "majority", day(0), day(8)) is False  # 4 of 9


def _country_with(*spells: nr.Participation) -> nr.Country:
    return nr.Country("ZZ", "ZZZ", None, "Zedland", "Zedland", "Europe", participations=spells)


SOURCE = nr.Source("https://example.org/", "A page", "Example", D(2026, 11, 30))


def test_status_intervals_of_a_suspended_spell() -> None:
    """A suspended spell goes on, and its country stays a partner throughout (NATO's lists keep counting it)."""
    from nato_relations._panel import _status_intervals

    suspension = nr.Suspension(nr.PartialDate(2000, 3, 1), nr.PartialDate(2000, 6, 30))
    spell = nr.Participation(
        "ZZ", "PfP", nr.PartialDate(1995), None, (SOURCE,), suspensions=(suspension,), run_by="NATO"
    )
    partner = _status_intervals(_country_with(spell))[Status.PARTNER]
    assert partner == [(D(1995, 1, 1), D.max)]


def test_status_intervals_start_on_the_first_day_of_1949() -> None:
    """A spell from before 1949 (none in the data: NATO began then) counts from 1 January 1949, not later."""
    from nato_relations._panel import _status_intervals

    spell = nr.Participation("ZZ", "PfP", nr.PartialDate(1940), None, (SOURCE,), run_by="NATO")
    at_least = _status_intervals(_country_with(spell))
    assert at_least[Status.PARTNER] == [(D(1949, 1, 1), D.max)]
    assert at_least[Status.MEMBER] == []


def test_a_programme_without_a_founding_date_counts_in_every_year(monkeypatch: pytest.MonkeyPatch) -> None:
    """The integrity tests refuse such a programme in the shipped data; the panel would still give 0 or 1, not
    a missing value, in every year."""
    import attr

    from nato_relations._dataset import get_dataset

    data = get_dataset()
    programmes = tuple(attr.evolve(p, established=None) if p.code == "DCB" else p for p in data.programmes)
    monkeypatch.setattr(data, "programmes", programmes)
    assert rows("cow", "any", 1950)[2]["dcb"] == 0  # the United States, long before DCB began in 2014


def test_a_spell_ending_on_new_years_day_counts_under_the_first_day_rule() -> None:
    from nato_relations._panel import _Holder, _year_row

    spell = nr.Participation("ZZ", "PfP", nr.PartialDate(1995), nr.PartialDate(2001, 1, 1), (SOURCE,), run_by="NATO")
    holder = _Holder(_country_with(spell), (D.min, D.max))
    everything = [(D.min, D.max)]
    row = _year_row(1, 2001, [holder], rule="first", as_of=D(2026, 11, 30), codes=["PfP"], existed=everything)
    assert row is not None
    assert row[-2:] == ("partner", 1)
    row = _year_row(1, 2001, [holder], rule="last", as_of=D(2026, 11, 30), codes=["PfP"], existed=everything)
    assert row is not None
    assert row[-2:] == ("none", 0)


@pytest.mark.parametrize(
    ("as_of", "established", "value"),
    [
        (D(2014, 9, 5), nr.PartialDate(2014, 9, 5), 0),  # the programme began on the as-of day: a value
        (D(2014, 9, 4), nr.PartialDate(2014, 9, 5), None),  # the day after it: missing
    ],
)
def test_the_as_of_date_bounds_the_last_year(
    monkeypatch: pytest.MonkeyPatch, as_of: D, established: nr.PartialDate, value: int | None
) -> None:
    """The as-of year is measured up to the as-of date: statuses and programmes after it do not count."""
    import attr

    from nato_relations._dataset import get_dataset

    data = get_dataset()
    monkeypatch.setattr(data, "info", attr.evolve(data.info, as_of=as_of))
    programmes = tuple(attr.evolve(p, established=established) if p.code == "DCB" else p for p in data.programmes)
    monkeypatch.setattr(data, "programmes", programmes)
    assert rows("cow", "last", 2014)[2]["dcb"] == value  # the United States


@pytest.mark.parametrize("rule", ["last", "majority"])
def test_status_in_the_as_of_year_stops_at_the_as_of_date(monkeypatch: pytest.MonkeyPatch, rule: str) -> None:
    import attr

    from nato_relations._dataset import get_dataset

    assert rows("cow", rule, 2024)[380]["status"] == "member"  # Sweden, from 7 March 2024
    data = get_dataset()
    monkeypatch.setattr(
        data, "info", attr.evolve(data.info, as_of=D(2024, 3, 6))
    )  # had the data stopped the day before
    assert rows("cow", rule, 2024)[380]["status"] == "aspirant"


def test_a_programme_that_ended_on_new_years_day_has_a_value_that_year(monkeypatch: pytest.MonkeyPatch) -> None:
    import attr

    from nato_relations._dataset import get_dataset

    data = get_dataset()
    programmes = tuple(
        attr.evolve(p, ended=nr.PartialDate(1998, 1, 1)) if p.code == "NACC" else p for p in data.programmes
    )
    monkeypatch.setattr(data, "programmes", programmes)
    assert rows("cow", "any", 1998)[2]["nacc"] == 0
    assert rows("cow", "any", 1999)[2]["nacc"] is None
