"""Partial dates: parsing, intervals and range checks."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nato_relations import PartialDate, Precision
from nato_relations._dates import check_range, coerce_date

from .strategies import partial_dates


@given(partial_dates())
def test_text_round_trip(value: PartialDate) -> None:
    assert PartialDate.parse(str(value)) == value


@given(partial_dates())
def test_interval_is_ordered_and_matches_precision(value: PartialDate) -> None:
    length = (value.latest - value.earliest).days + 1
    assert value.earliest <= value.latest
    expected = {Precision.DAY: {1}, Precision.MONTH: {28, 29, 30, 31}, Precision.YEAR: {365, 366}}
    assert length in expected[value.precision]
    assert value.earliest.year == value.latest.year == value.year


@given(st.dates())
def test_from_date_is_exact(day: datetime.date) -> None:
    value = PartialDate.from_date(day)
    assert value.precision is Precision.DAY
    assert value.earliest == value.latest == day


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("1994", datetime.date(1994, 1, 1), datetime.date(1994, 12, 31)),
        ("2000-02", datetime.date(2000, 2, 1), datetime.date(2000, 2, 29)),
        ("1900-02", datetime.date(1900, 2, 1), datetime.date(1900, 2, 28)),
        ("2024-03-07", datetime.date(2024, 3, 7), datetime.date(2024, 3, 7)),
    ],
)
def test_known_intervals(text: str, earliest: datetime.date, latest: datetime.date) -> None:
    value = PartialDate.parse(text)
    assert (value.earliest, value.latest) == (earliest, latest)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "94",
        "1994-2",
        "1994-02-1",
        "1994-13",
        "1994-00",
        "2023-02-29",
        "0000",
        "1994/02",
        "1994-02-03-04",
        " 1994",
        "\uff11\uff19\uff19\uff14",
        "1994-02-",
        "-1994",
        "+1994",
    ],
)
def test_malformed_text_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the messages vary by cause
        PartialDate.parse(text)


@pytest.mark.parametrize("value", [1994, None, b"1994", datetime.date(1994, 1, 1)])
def test_non_text_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="a partial date is a string"):
        PartialDate.parse(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [(0, None, None), (10000, None, None), (1994, 13, None), (1994, None, 3), (1994, 2, 30), (True, None, None)],
)
def test_impossible_fields_are_rejected(year: int, month: int | None, day: int | None) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        PartialDate(year, month, day)


def test_coerce_date_refuses_a_datetime() -> None:
    with pytest.raises(TypeError, match=r"not a datetime\.datetime: pass its \.date\(\)"):
        coerce_date(datetime.datetime(2024, 3, 7, 23, 59), "on")


@pytest.mark.parametrize("value", [20240307, None, PartialDate(2024), 1.5, b"2024-03-07"])
def test_coerce_date_rejects_non_dates(value: object) -> None:
    with pytest.raises(TypeError, match=r"on must be a datetime\.date or an ISO date string"):
        coerce_date(value, "on")


@pytest.mark.parametrize(
    ("value", "side", "day"),
    [
        ("2024-03-07", None, datetime.date(2024, 3, 7)),
        (" 2024-03-07 ", "end", datetime.date(2024, 3, 7)),
        ("1996", "start", datetime.date(1996, 1, 1)),
        ("1996", "end", datetime.date(1996, 12, 31)),
        ("1996-02", "end", datetime.date(1996, 2, 29)),
        ("1996-02", "start", datetime.date(1996, 2, 1)),
    ],
)
def test_coerce_date_reads_iso_strings(value: str, side: str | None, day: datetime.date) -> None:
    assert coerce_date(value, "start" if side is None else side, side=side) == day


@pytest.mark.parametrize(
    ("value", "match"),
    [("1996", "whole year"), ("1996-02", "whole month"), ("20240101", "not a date"), ("2024-13-01", "not a date")],
)
def test_coerce_date_refuses_ambiguous_or_bad_strings(value: str, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        coerce_date(value, "on")


@given(st.dates(), st.dates())
def test_check_range_orders_or_refuses(a: datetime.date, b: datetime.date) -> None:
    if a <= b:
        assert check_range(a, b) == (a, b)
    else:
        with pytest.raises(ValueError, match="is after end"):
            check_range(a, b)


def test_open_range_ends_run_to_the_extremes() -> None:
    assert check_range(None, None) == (datetime.date.min, datetime.date.max)


class _NaT(datetime.datetime):
    """Like pandas' NaT: a datetime unequal to itself."""

    def __ne__(self, other: object) -> bool:
        return True


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: PartialDate(10000), ValueError, "year out of range: 10000"),
        (lambda: PartialDate(0), ValueError, "year out of range: 0"),
        (lambda: PartialDate(2000, None, 5), ValueError, "a day needs a month"),
        (lambda: PartialDate(2000, 13), ValueError, "month out of range: 13"),
        (lambda: PartialDate(2000, 2, 30), ValueError, "day out of range: 30"),
        (lambda: PartialDate.parse(5),  # type: ignore[arg-type]
         TypeError, "a partial date is a string, not int"),
        (lambda: PartialDate.parse("2000-1"), ValueError, "not a YYYY, YYYY-MM or YYYY-MM-DD date: '2000-1'"),
        (lambda: PartialDate.parse("2000-01-01-01"), ValueError, "not a YYYY, YYYY-MM or YYYY-MM-DD date: "),
        (lambda: coerce_date(_NaT(2000, 1, 1), "on"), TypeError, "on is a missing value (NaT), not a day"),
        (lambda: coerce_date("x", "on"), ValueError, "on='x' is not a date: use YYYY-MM-DD (or YYYY, YYYY-MM for a "
         "range)"),
        (lambda: coerce_date("1996", "on"), ValueError, "on='1996' is a whole year, not a day: give YYYY-MM-DD (a "
         "year or a month is read only as the start or end of a range)"),
        (lambda: coerce_date(5, "when"), TypeError, "when must be a datetime.date or an ISO date string, not int"),
        (lambda: check_range(None, "x"), ValueError, "end='x' is not a date"),
        (lambda: check_range("x", None), ValueError, "start='x' is not a date"),
        (lambda: check_range("2000-01-02", "2000-01-01"), ValueError, "start 2000-01-02 is after end 2000-01-01"),
    ],
)  # fmt: skip
def test_error_messages_say_what_is_wrong(call: Callable[[], object], error: type[Exception], message: str) -> None:
    with pytest.raises(error) as caught:
        call()
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1994", PartialDate(1994)), ("1994-02", PartialDate(1994, 2)), ("1994-02-10", PartialDate(1994, 2, 10))],
)
def test_parse_each_precision(text: str, expected: PartialDate) -> None:
    assert PartialDate.parse(text) == expected
    assert str(expected) == text
