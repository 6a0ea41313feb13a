"""Converting a column of country names or codes into one code system at once (as R's countrycode does)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, overload

from .exceptions import CountryNotFoundError, quote

if TYPE_CHECKING:
    from ._model import Country

__all__ = ["TARGETS", "convert"]

#: What :func:`convert` can give: the COW or G-W code, ISO alpha-3, the record's key (ISO alpha-2, or ISO 3166-3
#: for a former state), the name, or the Wikidata item.
TARGETS = ("cow", "gw", "iso3", "alpha2", "name", "wikidata")
_SHOWN = 20  # unmatched values named in the warning


@overload
def convert(
    values: Iterable[object], to: Literal["cow", "gw"], *, year: int | None = None
) -> tuple[int | None, ...]: ...
@overload
def convert(
    values: Iterable[object], to: Literal["iso3", "alpha2", "name", "wikidata"], *, year: int | None = None
) -> tuple[str | None, ...]: ...
def convert(values: Iterable[object], to: str, *, year: int | None = None) -> tuple[int | str | None, ...]:
    """Each of ``values`` (names or codes, as :func:`get_country` reads them) as its code in ``to``.

    ``to`` is ``"cow"``, ``"gw"``, ``"iso3"``, ``"alpha2"`` (the record's
    key: ISO alpha-2, or ISO 3166-3 for a former state such as ``"SUHH"``),
    ``"name"`` or ``"wikidata"``. With ``year``, a COW or G-W code is the
    one the state held that year (the last one if it changed: Germany is
    260 in 1989 and 255 in 1991 and 1990), and ``None`` in a year the state
    was not in the system; without it, the most recent the state held.
    ``values`` is any iterable of strings, a pandas Series among them (read
    by iterating: pandas is not imported).

    Returns a tuple as long as ``values``: ``None`` where a value matches
    no country, is ambiguous ("Korea"), is missing (``None``, NaN) or has
    no such code. Warns once (:class:`UserWarning`) naming the values that
    matched nothing and those with no code that year. Raises
    :class:`ValueError` for an unknown ``to`` and :class:`TypeError` for a
    lone string or a ``year`` that is not a whole number.

        >>> import warnings
        >>> convert(["Germany West", "Korea, Rep.", "Côte d'Ivoire"], to="iso3")
        ('DEU', 'KOR', 'CIV')
        >>> convert(["Germany", "USSR"], to="cow", year=1989), convert(["Germany", "Russia", "Serbia"], to="cow")
        ((260, 365), (255, 365, 345))
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     convert(["Korea", "Atlantis", None], to="cow")
        ...     print(caught[0].message)
        (None, None, None)
        2 values match no country: 'Korea', 'Atlantis'
    """
    if isinstance(values, (str, bytes)):
        raise TypeError("values is one string: pass a list of names, e.g. [name]")
    if to not in TARGETS:
        raise ValueError(f"unknown target {quote(to)}; expected one of: {', '.join(TARGETS)}")
    if year is not None and (type(year) is not int or not 1 <= year <= 9999):
        raise TypeError(f"year must be a whole number from 1 to 9999, not {quote(year)}")
    from ._dataset import get_dataset
    from ._queries import get_country

    get_dataset()  # a column names many countries: load them all at once
    unmatched: dict[str, None] = {}
    uncoded: dict[str, None] = {}

    def one(value: object) -> int | str | None:
        if value is None or value != value:  # missing: None, NaN  # noqa: PLR0124
            return None
        try:
            country = get_country(value)  # type: ignore[arg-type]  # anything but a string is reported below
        except (CountryNotFoundError, TypeError):
            unmatched[quote(value)] = None
            return None
        code = _code(country, to, year)
        if code is None:
            uncoded[quote(value)] = None
        return code

    memo: dict[object, int | str | None] = {}
    out: list[int | str | None] = []
    append = out.append
    for value in values:
        try:
            found = memo[value]
        except KeyError:
            found = memo[value] = one(value)
        except TypeError:  # unhashable
            found = one(value)
        append(found)
    if unmatched or uncoded:
        import warnings

        warnings.warn(_message(unmatched, uncoded, to, year), UserWarning, stacklevel=2)
    return tuple(out)


def _code(country: Country, to: str, year: int | None) -> int | str | None:
    """The code ``to`` of ``country``, the one held in ``year`` if given."""
    if to in ("cow", "gw"):
        if year is None:
            return country.cow_code if to == "cow" else country.gw_code
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        held = [m for m in country.systems if m.system == to and m.start <= last and (m.end is None or first <= m.end)]
        return max(held, key=lambda m: m.start).code if held else None
    found: str | None = {"iso3": country.alpha3, "alpha2": country.alpha2, "name": country.name}.get(to)
    return country.wikidata if to == "wikidata" else found


def _message(unmatched: dict[str, None], uncoded: dict[str, None], to: str, year: int | None) -> str:
    def listed(names: dict[str, None]) -> str:
        shown = ", ".join(list(names)[:_SHOWN])
        return shown + (f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else "")

    parts = []
    if unmatched:
        verb = "values match" if len(unmatched) > 1 else "value matches"
        parts.append(f"{len(unmatched)} {verb} no country: {listed(unmatched)}")
    if uncoded:
        when = f" in {year}" if year is not None else ""
        parts.append(f"{len(uncoded)} value{'s' * (len(uncoded) > 1)} had no {to} code{when}: {listed(uncoded)}")
    return "; ".join(parts)
