"""Edges that a mutation of the query code would change without another test noticing (docs/reliability.md)."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

import nato_relations as nr
from nato_relations._names import suggest

D = datetime.date


def test_a_range_starting_on_a_spells_last_day_finds_it() -> None:
    albania_eapc = [p for p in nr.get_country("AL").participations if p.programme == "EAPC"]
    assert [str(p.end) for p in albania_eapc] == ["2009-04-01"]
    found = nr.participants("EAPC", start=D(2009, 4, 1), end=D(2009, 12, 31))
    assert "AL" in {c.alpha2 for c in found}
    assert "AL" not in {c.alpha2 for c in nr.participants("EAPC", start=D(2009, 4, 2), end=D(2009, 12, 31))}


def test_defaults_are_today() -> None:
    today = D.today()
    assert nr.countries(status="member") == nr.countries(status="member", on=today)
    assert nr.members() == nr.members(today)


def test_events_with_a_start_and_no_end() -> None:
    found = nr.events(country="UA", start=D(2014, 1, 1))
    assert found
    assert all(e.date.latest >= D(2014, 1, 1) for e in found)
    assert found == tuple(e for e in nr.events(country="UA") if e.date.latest >= D(2014, 1, 1))


def test_up_to_three_suggestions() -> None:
    names = {"sweden": "Sweden", "swedes": "Swedes", "swede": "Swede", "sweet": "Sweet", "spain": "Spain"}
    assert len(suggest("Swedn", names)) == 3
    with pytest.raises(nr.CountryNotFoundError) as caught:
        nr.get_country("Swedn")
    assert len(caught.value.suggestions) == 3
    assert caught.value.suggestions[0] == "Sweden"


def test_the_length_limit_at_its_edge_and_inner_white_space() -> None:
    assert nr.get_country("Bosnia and" + " " * 200 + "Herzegovina").alpha2 == "BA"  # long runs are folded
    name = "Bosnia and Herzegovina"
    assert nr.get_country(name + " " * (200 - len(name))).alpha2 == "BA"  # exactly at the limit
    with pytest.raises(nr.CountryNotFoundError):
        nr.get_country("x" * 201)


@pytest.mark.parametrize(
    ("call", "error", "names"),
    [
        (lambda: nr.events(end=2008), TypeError, "end"),  # type: ignore[arg-type]
        (lambda: nr.events(end="2008-13"), ValueError, "end"),
        (lambda: nr.events(start=2008), TypeError, "start"),  # type: ignore[arg-type]
        (lambda: nr.events(kind="party"), ValueError, "kind"),
        (lambda: nr.countries(on="2008"), ValueError, "on"),
        (lambda: nr.countries(status=5), TypeError, "status"),  # type: ignore[arg-type]
        (lambda: nr.countries(status="ally"), ValueError, "status"),
        (lambda: nr.participants("PfP", on=D(2000, 1, 1), start=D(1999, 1, 1)), ValueError, "on"),
    ],
)
def test_errors_name_the_argument(call: Callable[[], object], error: type[Exception], names: str) -> None:
    with pytest.raises(error) as caught:
        call()
    assert names in str(caught.value)
    assert str(caught.value).strip()
