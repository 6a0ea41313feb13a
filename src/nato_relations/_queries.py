"""The public questions: look-ups by country, programme and date.

Date semantics: every fact has a possible interval, from the earliest to
the latest day its (possibly partial) dates allow. A fact matches a date
or range when that interval overlaps it, ends included. A spell dated
"1994" to "1996-06" therefore matches 15 March 1994 and 30 June 1996.
"""

from __future__ import annotations

import bisect
import datetime
import enum
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TypeVar

from . import _dataset
from ._dataset import event_order, first_country, get_dataset
from ._dates import DateLike, check_range, coerce_date
from ._model import Country, Event, EventKind, Status
from ._names import key, resolve, suggest
from .exceptions import (
    AmbiguousCountryError,
    BeyondDataWarning,
    CountryNotFoundError,
    NotFoundError,
    ProgrammeNotFoundError,
    quote,
)

if TYPE_CHECKING:
    from ._catalogue import DatasetInfo, Programme

__all__ = [
    "countries",
    "dataset_info",
    "events",
    "get_country",
    "get_programme",
    "members",
    "participants",
    "programmes",
]


E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")
_YEAR = datetime.timedelta(days=366)
_FLOOR = datetime.date.min + _YEAR


def _member(enum_type: type[E], value: object, name: str) -> E:
    """``value`` as a member of ``enum_type``: the member itself or its value, any case."""
    if isinstance(value, enum_type):
        return value
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a {enum_type.__name__} or its value, not {type(value).__name__}")
    try:
        return enum_type(value.strip().lower())
    except ValueError:
        allowed = ", ".join(str(member.value) for member in enum_type)
        raise ValueError(f"unknown {name} {quote(value)}; expected one of: {allowed}") from None


#: No code or name is longer; longer input is not folded at all (it cannot match).
_LONGEST_NAME = 200
#: At most this many identifiers not written as the data writes them are remembered with what they named.
_REMEMBERED = 4096


def _find(
    value: object,
    exact: Mapping[str, T],
    folded: Mapping[str, T],
    names: Mapping[str, str],
    error: type[NotFoundError],
    *,
    aliases: Callable[[str], tuple[T, ...]] | None = None,
    remembered: dict[str, T] | None = None,
) -> T:
    """Look ``value`` up as the data writes it, then by its key (:func:`~._names.key`), then in ``aliases``.

    ``aliases`` maps a key to what it names besides the records' own names
    (several things when the name is ambiguous); a name that names nothing
    whole is read part by part (:func:`~._names.resolve`). ``remembered``
    keeps what each identifier not written as the data writes it named (a
    bounded number), so that asking again is as fast as an exact name.
    """
    if type(value) is str:  # the fast path
        found = exact.get(value)
        if found is None and remembered is not None:
            found = remembered.get(value)
        if found is not None:
            return found
    if not isinstance(value, str):
        raise TypeError(f"a {error.what} identifier is a string, not {type(value).__name__}")
    text = value.strip()
    if len(text) > _LONGEST_NAME:  # extra white space is ignored, however long its runs
        text = " ".join(text.split())
    if len(text) > _LONGEST_NAME:
        raise error(value, suggest(value, names))
    found = folded.get(key(text))
    if found is None and aliases is not None:

        def named(name_key: str) -> tuple[T, ...]:
            own = folded.get(name_key)
            return aliases(name_key) if own is None else (own,)

        candidates = resolve(text, named)
        if len(candidates) > 1:
            raise AmbiguousCountryError(value, tuple(sorted(str(getattr(c, "name", c)) for c in candidates)))
        found = candidates[0] if candidates else None
    if found is None:
        raise error(value, suggest(value, names))
    if remembered is not None and len(remembered) < _REMEMBERED:
        remembered[value] = found
    return found


def get_country(identifier: str | int | Country, *, system: str | None = None) -> Country:
    """The country or historical state with this code, name, alias or former name.

    Accepts ISO alpha-2, alpha-3 and numeric codes (``"040"``), ISO 3166-3
    codes of former states (``"SUHH"``), short and official names, aliases
    and former names, the names the research and statistical lists print
    (data/aliases.json: "Congo, Dem. Rep.", "Korea South", "Myanmar
    (Burma)"), and Wikidata items (``"Q183"``), ignoring case, accents,
    punctuation, footnote marks, word order and the words "the", "of" and
    "and" (see :func:`~._names.key`); a :class:`Country` is looked up by its
    code. "Congo" alone is the Republic of the Congo, as in ISO 3166 and the
    COW and G-W lists. State-system codes are written ``"cow:365"`` and ``"gw:260"``, or
    given as a number with ``system="cow"``, ``"gw"`` or ``"iso"``; a code a
    state no longer holds still finds it (``"cow:260"``: Germany), and a
    code several states held in turn finds the latest (``"cow:365"``:
    Russia, not the Soviet Union).

    Raises :class:`CountryNotFoundError` (a :class:`LookupError`, with up
    to three ``suggestions``) when nothing matches: names that look alike
    for a name, and for a code only the same number in the other code
    systems (``"365"`` suggests ``"cow:365"`` and ``"gw:365"``, never
    Australia); its subclass :class:`AmbiguousCountryError` for a name
    several countries answer to ("Korea"), suggesting each; :class:`TypeError` for
    a bare number, which could be an ISO, COW or G-W code, and for any
    other non-string; :class:`ValueError` for an unknown ``system``.

        >>> get_country("north macedonia").alpha2
        'MK'
        >>> get_country("FYROM").name
        'North Macedonia'
        >>> get_country("Congo, Dem. Rep.").alpha2, get_country("Korea South").alpha2
        ('CD', 'KR')
        >>> get_country(365, system="cow").name, get_country("gw:260").name
        ('Russia', 'Germany')
    """
    dataset = _dataset._dataset
    if dataset is None:
        if type(identifier) is str and system is None:
            early = first_country(identifier)  # the first question needs one country, not the dataset
            if early is not None:
                return early
        dataset = get_dataset()
    elif system is None and type(identifier) is str:  # the warm path: a name asked before or as the data writes it
        found = dataset.country_exact.get(identifier)
        if found is None:
            found = dataset.country_remembered.get(identifier)
        if found is not None:
            return found
    wanted = _in_system(identifier, system)
    try:
        return _find(
            wanted,
            dataset.country_exact,
            dataset.country_keys,
            dataset.country_names,
            CountryNotFoundError,
            remembered=dataset.country_remembered,
            aliases=dataset.aliased,
        )
    except CountryNotFoundError as error:
        code = _code_number(wanted)
        if code is None:
            raise
        raise _code_miss(error.identifier, code, dataset.country_exact) from None


def _in_system(identifier: object, system: str | None) -> object:
    """The identifier as :func:`get_country` looks it up: a Country by its code, a code with its ``system``
    written in (``"cow:365"``); raises for an unknown system or a bare number without one."""
    if isinstance(identifier, Country):
        return identifier.alpha2
    if system is not None:
        if system not in ("cow", "gw", "iso"):
            raise ValueError(f"unknown system {quote(system)}; expected one of: cow, gw, iso")
        if type(identifier) is int:
            return f"{identifier:03d}" if system == "iso" else f"{system}:{identifier}"
        if isinstance(identifier, str) and system != "iso":
            return f"{system}:{identifier.strip()}"
    elif type(identifier) is int:
        raise TypeError(
            f"the number {identifier} could be an ISO, COW or G-W code: pass system='iso', 'cow' or 'gw', "
            f"or a string such as 'cow:{identifier}'"
        )
    return identifier


#: What a code looks like: digits alone (an ISO numeric code), ``cow:N`` or ``gw:N``, a Wikidata item ``QN``
#: (case and white space aside). A miss on one of these is explained, not answered with look-alike names.
_CODE = re.compile(r"(?:(cow|gw):)?(\d+)|q(\d+)|(cow|gw):(.*)")


def _code_number(identifier: object) -> tuple[str, int] | None:
    """The system (``"iso"``, ``"cow"``, ``"gw"``, ``"wikidata"``) and number of a code-shaped identifier.

    ``None`` for anything else: a name, or a code of letters (those are names' neighbours, and get
    look-alike suggestions).
    """
    if not isinstance(identifier, str) or len(identifier) > _LONGEST_NAME:
        return None
    match = _CODE.fullmatch("".join(identifier.split()).lower())
    if match is None:
        return None
    system, digits, item, prefix, _ = match.groups()
    if prefix is not None:  # "cow:" and something that is not a number
        return (prefix, -1)
    return ("wikidata", int(item)) if item is not None else (system or "iso", int(digits))


def _code_miss(identifier: object, code: tuple[str, int], keys: Mapping[str, Country]) -> CountryNotFoundError:
    """The error for a code no record holds: it suggests the same number in the state systems, never names.

    A name-like miss gets the names that look alike; a code that looks like
    another country's name ("365" and "Australia") is no help.
    """
    system, number = code
    if system == "wikidata":
        return CountryNotFoundError(identifier, (), "no country has this Wikidata item")
    if number < 0:
        return CountryNotFoundError(
            identifier, (), f"a {'COW' if system == 'cow' else 'G-W'} code is a number: {system}:N"
        )
    compact = f"{system}:{number}"
    if system != "iso" and compact in keys:  # found once its spaces go: "cow: 2"
        return CountryNotFoundError(identifier, (compact,), f"write it without spaces: {compact}")
    # The same number in the state systems (COW and G-W share their numbering); an ISO numeric code is
    # another numbering altogether, so "cow:678" never suggests ISO 678.
    held = [(other, keys[other]) for other in (f"cow:{number}", f"gw:{number}") if other in keys and other != compact]
    if system == "iso":
        note = f"a number alone is read as an ISO 3166 numeric code, and no country has {number:03d}"
        if held:
            note += "; state-system codes are written cow:N or gw:N"
    else:
        note = "no state held this code"
    if held:
        note += ": " + ", ".join(f"{other} is {country.name}" for other, country in held)
    return CountryNotFoundError(identifier, tuple(other for other, _ in held), note)


def get_programme(code_or_name: str | Programme) -> Programme:
    """The programme with this code (``"PfP"``), name or alias, any case.

    Raises :class:`ProgrammeNotFoundError` (a :class:`LookupError`, with up
    to three ``suggestions``) when nothing matches, and :class:`TypeError`
    for a non-string.

        >>> get_programme("partnership for peace").code
        'PfP'
    """
    dataset = get_dataset()
    if type(code_or_name) is not str:
        from ._catalogue import Programme

        if isinstance(code_or_name, Programme):
            code_or_name = code_or_name.code
    return _find(
        code_or_name, dataset.programme_exact, dataset.programme_keys, dataset.programme_names, ProgrammeNotFoundError
    )


def programmes() -> tuple[Programme, ...]:
    """Every programme in the catalogue, sorted by code.

    >>> "PfP" in [p.code for p in programmes()]
    True
    """
    return get_dataset().programmes


def warn_beyond(day: datetime.date, stacklevel: int = 3) -> None:
    """Warn (:class:`BeyondDataWarning`) when ``day``, a day the caller named, is after the as-of date.

    The one place of the policy: answer from what was known on the as-of date, and say so.
    """
    as_of = get_dataset().info.as_of
    if day > as_of:
        import warnings

        warnings.warn(
            BeyondDataWarning(f"the data stops at {as_of.isoformat()}: the answer for {day.isoformat()} repeats "
                              "what was known then"),
            stacklevel=stacklevel,
        )  # fmt: skip


def participants(
    programme: str | Programme,
    *,
    on: DateLike | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
) -> tuple[Country, ...]:
    """The countries taking part in ``programme``, sorted by name.

    With ``on``: those whose spell may have been running that day. With
    ``start`` and/or ``end``: those with a spell overlapping that range
    (an open end runs to the end of time). With neither: every country
    that ever took part.

    Raises :class:`ProgrammeNotFoundError` for an unknown programme,
    :class:`TypeError` for a non-date, and :class:`ValueError` when ``on``
    is combined with ``start``/``end`` or ``start`` is after ``end``.

        >>> import datetime
        >>> "Malta" in [c.name for c in participants("PfP", on=datetime.date(2000, 1, 1))]
        False
    """
    timeline = get_dataset().timeline(get_programme(programme).code)
    if on is not None:
        if start is not None or end is not None:
            raise ValueError("give either on or start/end, not both")
        day = coerce_date(on, "on")
        warn_beyond(day)
        return timeline.on(day)
    return timeline.during(*check_range(start, end))


def members(on: DateLike | None = None) -> tuple[Country, ...]:
    """The NATO member states on ``on`` (default: today), sorted by name.

    Raises :class:`TypeError` for a non-date.

        >>> import datetime
        >>> len(members(datetime.date(1949, 8, 24)))
        12
    """
    day = datetime.date.today() if on is None else coerce_date(on, "on")
    if on is not None:  # today, the default, is answered from the latest data without a warning
        warn_beyond(day)
    return get_dataset().timeline("NATO").on(day)


def countries(
    *,
    programme: str | Programme | None = None,
    on: DateLike | None = None,
    status: Status | str | None = None,
) -> tuple[Country, ...]:
    """Countries in the dataset, sorted by name, optionally filtered.

    ``programme``: only those that took part in it (on ``on``, if given;
    ever, if not). ``status``: only those with that :class:`Status` (or its
    value, such as ``"partner"``) on ``on``, which defaults to today.

    Raises :class:`ProgrammeNotFoundError`, :class:`TypeError` for a
    non-date, and :class:`ValueError` for an unknown status.

        >>> import datetime
        >>> [c.name for c in countries(status="member", on=datetime.date(1952, 2, 18))][:3]
        ['Belgium', 'Canada', 'Denmark']
    """
    day = None if on is None else coerce_date(on, "on")
    if day is not None:
        warn_beyond(day)
    wanted = None if status is None else _member(Status, status, "status")
    found = get_dataset().countries
    if programme is not None:
        timeline = get_dataset().timeline(get_programme(programme).code)
        found = timeline.during(*check_range(None, None)) if day is None else timeline.on(day)
    if wanted is not None:
        found = tuple(c for c in found if c.status_on(day) is wanted)  # status_on(None): today
    return found


def events(
    *,
    country: str | Country | None = None,
    programme: str | Programme | None = None,
    kind: EventKind | str | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
    lineage: bool = False,
) -> tuple[Event, ...]:
    """Dated events, sorted by date, filtered by every argument given.

    An event matches ``programme`` when it names it among its
    ``programmes`` (one act concerning several programmes is one event).
    An event matches ``start..end`` when its possible interval overlaps it
    (an event dated "2008" matches a range that ends on 1 March 2008).
    Every event is filed on the state that acted, within its lifetime, so
    Serbia's own events begin in 2006; with ``lineage=True`` a ``country``'s
    predecessors' events count too (:func:`lineage`): the 1999 air campaign,
    filed on Yugoslavia (``YUCS``), is found from Serbia and from Kosovo. Such
    an event keeps its own ``country``, which marks it as a predecessor's.

    Raises :class:`CountryNotFoundError`, :class:`ProgrammeNotFoundError`,
    :class:`TypeError` for a non-date, and :class:`ValueError` for an
    unknown kind or ``start`` after ``end``.

        >>> [str(e.date) for e in events(kind="signature", programme="NATO")]
        ['1949-04-04']
    """
    low, high = check_range(start, end)
    if country is not None:
        if lineage:
            selected = tuple(
                sorted(
                    (e for state, absent in _lineage(get_country(country)) for e in state.events
                     if not any(other.exists_on(e.date.earliest) for other in absent)),
                    key=event_order,
                )
            )  # fmt: skip
        else:
            selected = get_country(country).events
        if start is not None or end is not None:
            selected = tuple(e for e in selected if e.overlaps(low, high))
    else:
        # Sorted by earliest possible day, and no event spans more than a year, so
        # only those starting from a year before ``low`` up to ``high`` can match.
        dataset = get_dataset()
        first = bisect.bisect_left(dataset.event_starts, max(low, _FLOOR) - _YEAR)
        last = bisect.bisect_right(dataset.event_starts, high)
        ends, every = dataset.event_ends, dataset.events
        selected = tuple(every[i] for i in range(first, last) if ends[i] >= low)
    code = None if programme is None else get_programme(programme).code
    wanted = None if kind is None else _member(EventKind, kind, "kind")
    if code is None and wanted is None:
        return selected
    return tuple(
        event
        for event in selected
        if (code is None or code in event.programmes) and (wanted is None or event.kind is wanted)
    )


def lineage(country: str | Country) -> tuple[Country, ...]:
    """The country and the states it succeeded, nearest first: whose records its history includes.

    A predecessor is a record that names the country among its
    ``successors``, and so on back. Its records count for the country on the
    days the country (and each state between them) did not exist
    (:meth:`Country.lifetime`), or on every day when the country was its only
    successor (the GDR joining Germany): Yugoslavia's 1999 air campaign is in
    Serbia's history, not in Slovenia's. Raises :class:`CountryNotFoundError`
    as :func:`get_country` does.

        >>> [c.alpha2 for c in lineage("Serbia")]
        ['RS', 'CSXX', 'YUCS']
        >>> [c.alpha2 for c in lineage("Germany")]
        ['DE', 'DDDE']
    """
    return tuple(state for state, _ in _lineage(get_country(country)))


def _lineage(country: Country) -> tuple[tuple[Country, tuple[Country, ...]], ...]:
    """:func:`lineage`, each state with the states that must not have existed on a day its records count."""
    predecessors: dict[str, list[Country]] = {}
    for state in get_dataset().countries:
        for successor in state.successors:
            predecessors.setdefault(successor, []).append(state)
    found: list[tuple[Country, tuple[Country, ...]]] = [(country, ())]
    seen = {country.alpha2}
    for child, absent in found:  # grows while it is read: breadth first, nearest first
        for parent in sorted(predecessors.get(child.alpha2, ()), key=lambda c: c.alpha2):
            if parent.alpha2 not in seen:
                seen.add(parent.alpha2)
                merged = parent.successors == (child.alpha2,)  # it ended by joining the child
                found.append((parent, absent if merged else (*absent, child)))
    return tuple(found)


def dataset_info() -> DatasetInfo:
    """Which data release is installed: version, as-of date, counts, SHA-256.

    >>> from nato_relations import __version__
    >>> dataset_info().version == __version__
    True
    """
    return get_dataset().info
