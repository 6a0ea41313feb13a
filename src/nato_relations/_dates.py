"""Partial dates: a year, a month or a day, as precise as the source and no more."""

from __future__ import annotations

import datetime
import enum

import attr

from .exceptions import quote

__all__ = ["DateLike", "PartialDate", "Precision", "check_range", "coerce_date"]

#: What a date parameter accepts: a day, or an ISO string (a year or month only as a range's end).
DateLike = datetime.date | str


def _days_in_month(year: int, month: int) -> int:
    # Not calendar.monthrange: importing calendar costs more than this module.
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


class Precision(enum.Enum):
    """How much of a date the source gives."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


def _validate(instance: PartialDate, _attribute: attr.Attribute[int | None], _value: int | None) -> None:
    # Runs once, after all three fields are set (it is attached to ``day``).
    year, month, day = instance.year, instance.month, instance.day
    if type(year) is not int or not 1 <= year <= 9999:
        raise ValueError(f"year out of range: {quote(year)}")
    if month is None:
        if day is not None:
            raise ValueError("a day needs a month")
        return
    if type(month) is not int or not 1 <= month <= 12:
        raise ValueError(f"month out of range: {quote(month)}")
    if day is not None and (type(day) is not int or not 1 <= day <= _days_in_month(year, month)):
        raise ValueError(f"day out of range: {quote(day)}")


@attr.frozen(order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    A fact dated "1994" happened at some point in 1994: its possible
    interval runs from :attr:`earliest` (1 January) to :attr:`latest`
    (31 December). Queries treat a fact as matching when that interval
    overlaps the range asked about.

        >>> d = PartialDate.parse("1994-02")
        >>> d.precision, d.earliest, d.latest
        (<Precision.MONTH: 'month'>, datetime.date(1994, 2, 1), datetime.date(1994, 2, 28))
        >>> str(d)
        '1994-02'
    """

    year: int
    month: int | None = None
    day: int | None = attr.field(default=None, validator=_validate)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises :class:`TypeError` for a non-string and :class:`ValueError`
        for any other shape or an impossible date.
        """
        if not isinstance(text, str):
            raise TypeError(f"a partial date is a string, not {type(text).__name__}")
        parts = text.split("-")
        if not 1 <= len(parts) <= 3 or any(
            len(part) != (4 if i == 0 else 2) or not (part.isascii() and part.isdigit()) for i, part in enumerate(parts)
        ):
            raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {quote(text)}")
        return cls(*(int(part) for part in parts))

    @classmethod
    def from_date(cls, value: datetime.date) -> PartialDate:
        """The day-precise partial date of ``value``."""
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        """Whether the year, the month or the day is known."""
        if self.month is None:
            return Precision.YEAR
        if self.day is None:
            return Precision.MONTH
        return Precision.DAY

    @property
    def earliest(self) -> datetime.date:
        """The first day this date may stand for."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> datetime.date:
        """The last day this date may stand for."""
        if self.month is None:
            return datetime.date(self.year, 12, 31)
        if self.day is None:
            return datetime.date(self.year, self.month, _days_in_month(self.year, self.month))
        return datetime.date(self.year, self.month, self.day)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


def coerce_date(value: object, name: str, *, side: str | None = None) -> datetime.date:
    """``value`` as a day: a :class:`datetime.date`, or an ISO string.

    ``"2024-03-01"`` is that day. A year or a month (``"1996"``,
    ``"1996-02"``) is a day only as one end of a range: with ``side="start"``
    its first day, with ``side="end"`` its last.

    Raises :class:`TypeError` for anything else, a :class:`datetime.datetime`
    included (an instant is not a day: pass ``.date()``), and pandas' ``NaT``;
    :class:`ValueError` for a string that is not a date, or a year or month
    where a single day is asked for.
    """
    if isinstance(value, datetime.datetime):
        if value != value:  # noqa: PLR0124 - pandas' NaT is a datetime unequal to itself
            raise TypeError(f"{name} is a missing value (NaT), not a day")
        raise TypeError(f"{name} must be a day, not a datetime.datetime: pass its .date()")
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            date = PartialDate.parse(value.strip())
        except ValueError:
            raise ValueError(
                f"{name}={quote(value)} is not a date: use YYYY-MM-DD (or YYYY, YYYY-MM for a range)"
            ) from None
        if date.day is not None or side == "start":
            return date.earliest
        if side == "end":
            return date.latest
        raise ValueError(
            f"{name}={quote(value)} is a whole {date.precision.value}, not a day: give YYYY-MM-DD "
            "(a year or a month is read only as the start or end of a range)"
        )
    raise TypeError(f"{name} must be a datetime.date or an ISO date string, not {type(value).__name__}")


def check_range(start: object, end: object) -> tuple[datetime.date, datetime.date]:
    """Coerce an optional ``start..end`` range to dates, open ends to the extremes.

    Strings are ISO dates; a year or month starts on its first day and ends
    on its last (``start="1996", end="1996"`` is the whole of 1996).

    Raises :class:`TypeError` for non-dates and :class:`ValueError` when
    ``start`` is after ``end``.
    """
    low = datetime.date.min if start is None else coerce_date(start, "start", side="start")
    high = datetime.date.max if end is None else coerce_date(end, "end", side="end")
    if low > high:
        raise ValueError(f"start {low.isoformat()} is after end {high.isoformat()}")
    return low, high
