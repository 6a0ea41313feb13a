"""Every state of the COW and G-W lists has a record: the panel has one row per state of the list, every year.

The lists' codes and periods since 1949 are in tests/data/state_lists.json (scripts/make_state_lists.py
writes them from the lists read; the lists themselves are not shipped). For each system, each rule and
each year the list covers, the panel's states are exactly the list's states under the same rule.
"""

from __future__ import annotations

import datetime
import json
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

import nato_relations as nr

LISTS = json.loads((Path(__file__).parent / "data" / "state_lists.json").read_text(encoding="utf-8"))
RULES = ("any", "first", "last", "majority")


def _in_list(periods: list[list[Any]], year: int, rule: str) -> set[int]:
    """The codes the list has in ``year`` under ``rule``, computed here from the periods alone."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    days: dict[int, set[datetime.date]] = {}
    for code, start, end in periods:
        lo = max(datetime.date.fromisoformat(start), first)
        hi = min(datetime.date.max if end is None else datetime.date.fromisoformat(end), last)
        if lo <= hi:
            days.setdefault(code, set()).update(lo + datetime.timedelta(n) for n in range((hi - lo).days + 1))
    if rule == "any":
        return set(days)
    if rule in ("first", "last"):
        return {code for code, held in days.items() if (first if rule == "first" else last) in held}
    return {code for code, held in days.items() if 2 * len(held) > (last - first).days + 1}


@cache
def _panel_codes(system: str, rule: str) -> dict[int, set[int]]:
    table = nr.panel(system=system, rule=rule, start=1949, end=LISTS[system]["last_year"])
    found: dict[int, set[int]] = {}
    for row in table.records():
        found.setdefault(int(row["year"]), set()).add(int(row[table.columns[1]]))  # type: ignore[literal-required]
    return found


@pytest.mark.parametrize("rule", RULES)
@pytest.mark.parametrize("system", ["cow", "gw"])
def test_the_panel_has_every_state_of_the_list_every_year(system: str, rule: str) -> None:
    listed = LISTS[system]
    panel = _panel_codes(system, rule)
    wrong = {}
    for year in range(1949, listed["last_year"] + 1):
        expected = _in_list(listed["periods"], year, rule)
        got = panel.get(year, set())
        if got != expected:
            wrong[year] = {"missing": sorted(expected - got), "extra": sorted(got - expected)}
    assert wrong == {}


def test_the_new_states_of_the_lists() -> None:
    assert nr.get_country("cow:817").name == "Republic of Vietnam"
    assert nr.get_country("gw:680").alpha2 == "YDYE"
    assert nr.get_country("cow:511").successors == ("TZ",)
    assert nr.get_country("gw:711").alpha2 == "XTBT"
    assert nr.get_country("cow:678").alpha2 == "YE"  # the Yemen Arab Republic: Yemen under its earlier code
    assert nr.convert(["Yemen"], to="cow", year=1980) == (678,)
    assert nr.convert(["Yemen"], to="cow", year=1995) == (679,)


def test_code_periods_follow_the_lists_day_for_day() -> None:
    gdr = nr.get_country("DDDE")
    assert [(m.system, m.code, m.start) for m in gdr.systems if m.system == "gw"] == [
        ("gw", 265, datetime.date(1949, 10, 5))
    ]
    assert gdr.valid_from is not None
    assert str(gdr.valid_from) == "1949-10-07"  # its own founding, which dates its lifetime
    assert nr.convert(["gw:265"], to="gw", year=1949) == (265,)
    yugoslavia = nr.get_country("YUCS")
    assert any(m.code == 345 and m.start == datetime.date(1944, 10, 20) for m in yugoslavia.systems)


def test_the_fixture_keeps_codes_and_dates_only() -> None:
    for system in ("cow", "gw"):
        assert set(LISTS[system]) == {"list", "copy_read", "last_year", "periods"}
        assert all(len(p) == 3 and isinstance(p[0], int) for p in LISTS[system]["periods"])


def test_states_dated_by_the_lists_cite_them() -> None:
    """A former state dated only by its list periods cites every list that dates it, and has a summary."""
    meta = json.loads(files("nato_relations").joinpath("data", "meta.json").read_text(encoding="utf-8"))
    list_urls = {system: {s["url"] for s in meta["code_sources"][system]} for system in ("cow", "gw")}
    dated_by_lists = [
        c for c in nr.countries() if len(c.alpha2) == 4 and c.valid_from is None and c.valid_until is None and c.systems
    ]
    assert {c.alpha2 for c in dated_by_lists} >= {"XRVN", "XZAN", "XTBT", "YDYE"}
    for country in dated_by_lists:
        cited = {s.url for s in country.sources}
        for system in {m.system for m in country.systems}:
            assert cited & list_urls[system], (country.alpha2, system)
        assert country.summary, country.alpha2
