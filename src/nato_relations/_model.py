"""The records of the dataset: frozen, slotted attrs classes."""

from __future__ import annotations

import datetime
import enum
import warnings
from collections.abc import Callable
from typing import Any

import attr

from ._dates import DateLike, PartialDate, coerce_date

__all__ = [
    "Country",
    "Event",
    "EventKind",
    "FormerName",
    "Participation",
    "Source",
    "Status",
    "Suspension",
    "SystemMembership",
]


class StrEnum(str, enum.Enum):
    """An enum whose members are their string values (``Status.MEMBER == "member"``), as
    :class:`enum.StrEnum` on Python 3.11 and later, here for 3.10 too."""

    __str__ = str.__str__
    __format__ = str.__format__  # type: ignore[assignment]


class EventKind(StrEnum):
    """What sort of thing happened on an event's date."""

    ACCESSION = "accession"
    AGREEMENT = "agreement"
    APPLICATION = "application"
    DECISION = "decision"
    DESIGNATION = "designation"
    FOUNDING = "founding"
    INVITATION = "invitation"
    OTHER = "other"
    PROTOCOL = "protocol"
    REFERENDUM = "referendum"
    RESUMPTION = "resumption"
    REVOCATION = "revocation"
    SIGNATURE = "signature"
    STATEMENT = "statement"
    SUMMIT = "summit"
    SUSPENSION = "suspension"
    WITHDRAWAL = "withdrawal"


class Status(StrEnum):
    """A country's standing with NATO on a given day, by one rule for everyone.

    - ``MEMBER``: a NATO member state (from its accession).
    - ``ASPIRANT``: not a member, but NATO has recognised its aspiration to
      membership (programme ``ASPIRANT``): from the dated NATO act that
      did so (an Intensified Dialogue on membership, a Membership Action
      Plan, a summit declaration or invitation) until accession, or until
      the country itself gave the aspiration up (Ukraine's non-bloc law of
      2010). Being in the MAP, an Intensified Dialogue or an Annual
      National Programme does not by itself make a country an aspirant.
    - ``PARTNER``: in any other programme run by NATO, even while NATO has
      suspended its practical cooperation (Russia from 1 April 2014,
      Belarus from November 2021, Afghanistan from 20 August 2021): NATO's
      own lists of partners kept counting them, marked as suspended.
      :meth:`Country.suspensions_on` says which spells are suspended on a
      day, and the map gives such a partner a colour of its own.
    - ``NONE``: none of these. A designation by another state, such as the
      United States' Major non-NATO ally, confers no NATO status.

    The rule, with its hard cases, is written out in ``docs/data.md``.
    """

    MEMBER = "member"
    ASPIRANT = "aspirant"
    PARTNER = "partner"
    NONE = "none"


#: Programmes whose participants NATO counts as aspiring to membership.
ASPIRANT_PROGRAMMES = frozenset({"ASPIRANT"})


class InvalidField(ValueError):
    """A field's value breaks the model's rules; ``field`` names it (for the loader)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field} {message}")
        self.field = field


def _clean_text(_instance: object, attribute: attr.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise InvalidField(attribute.name, f"must be non-empty text without surrounding spaces, not {value!r:.60}")


def _clean_texts(instance: object, attribute: attr.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise InvalidField(attribute.name, f"must be a tuple, not {type(value).__name__}")
    for item in value:
        _clean_text(instance, attribute, item)


def _programmes(value: object) -> tuple[str, ...]:
    """An event's programmes as a tuple; a lone code, the shape before 2026.12.2, is read as ``(code,)``."""
    if value is None:
        return ()
    if isinstance(value, str):
        warnings.warn(
            "an Event names its programmes as a tuple since 2026.12.2: pass (code,), not a lone code",
            DeprecationWarning,
            stacklevel=3,
        )
        return (value,)
    return tuple(value) if isinstance(value, (tuple, list)) else value  # type: ignore[return-value]


def _distinct_texts(instance: object, attribute: attr.Attribute[Any], value: object) -> None:
    _clean_texts(instance, attribute, value)
    if isinstance(value, tuple) and len(set(value)) != len(value):
        raise InvalidField(attribute.name, f"names a programme twice: {value!r:.60}")


def _not_before(instance: Any, attribute: attr.Attribute[Any], value: PartialDate | None) -> None:
    # An end that certainly falls before the start is a curator's typo, whatever the precision.
    if value is not None and value.latest < instance.start.earliest:
        raise InvalidField(attribute.name, f"{value} is before the start, {instance.start}")


def _cited(_instance: object, attribute: attr.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not value or not all(isinstance(s, Source) for s in value):
        raise InvalidField(attribute.name, "must be a non-empty tuple of Source")


def _show(value: object) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    return repr(str(value)) if isinstance(value, (PartialDate, datetime.date)) else repr(value)


def _short_repr(*names: str) -> Callable[[object], str]:
    """A ``__repr__`` showing only ``names``: one short line, even for a record that holds others."""

    def __repr__(self: object) -> str:
        return f"{type(self).__name__}({', '.join(f'{name}={_show(getattr(self, name))}' for name in names)})"

    return __repr__


@attr.frozen(repr=False)
class Source:
    """A page a fact was taken from."""

    url: str = attr.field(validator=_clean_text)
    title: str = attr.field(validator=_clean_text)
    publisher: str = attr.field(validator=_clean_text)
    accessed: datetime.date

    __repr__ = _short_repr("url", "publisher", "accessed")


@attr.frozen(repr=False)
class Suspension:
    """A period in which a spell went on on paper but its cooperation was suspended.

    ``end`` is ``None`` while the suspension lasts; it is dated by the act
    that lifted it. Suspended days confer no status (see :class:`Status`).
    """

    start: PartialDate
    end: PartialDate | None = attr.field(default=None, validator=_not_before)

    __repr__ = _short_repr("start", "end")

    def overlaps(self, start: datetime.date, end: datetime.date) -> bool:
        """Whether the suspension's possible interval meets ``start..end`` (inclusive)."""
        last = datetime.date.max if self.end is None else self.end.latest
        return self.start.earliest <= end and start <= last


@attr.frozen(repr=False)
class Participation:
    """One spell of one country in one programme.

    ``end`` is ``None`` while the spell goes on. The possible interval of a
    spell runs from ``start.earliest`` to ``end.latest`` (or for ever).
    ``run_by`` is who runs the programme (``"NATO"``, or the state that
    designates, as for ``MNNA``), copied from the programme when the
    dataset loads, so that the spell and its country answer about status
    from what they hold. The data file does not repeat it; a spell built
    without it (``None``) confers no status.
    """

    country: str = attr.field(validator=_clean_text)
    programme: str = attr.field(validator=_clean_text)
    start: PartialDate
    end: PartialDate | None = attr.field(validator=_not_before)
    sources: tuple[Source, ...] = attr.field(validator=_cited)
    qualifiers: tuple[str, ...] = attr.field(default=(), validator=_clean_texts)
    suspensions: tuple[Suspension, ...] = ()
    notes: str = ""
    run_by: str | None = attr.field(default=None, kw_only=True, validator=attr.validators.optional(_clean_text))

    __repr__ = _short_repr("country", "programme", "start", "end")

    @property
    def first_day(self) -> datetime.date:
        """The earliest day the spell may have begun."""
        return self.start.earliest

    @property
    def last_day(self) -> datetime.date:
        """The latest day the spell may have lasted to (``date.max`` if ongoing)."""
        return datetime.date.max if self.end is None else self.end.latest

    def overlaps(self, start: datetime.date, end: datetime.date) -> bool:
        """Whether the spell's possible interval meets ``start..end`` (inclusive)."""
        return self.first_day <= end and start <= self.last_day

    def suspended_on(self, when: datetime.date) -> bool:
        """Whether one of the spell's suspensions may have been in force on ``when``."""
        return any(s.overlaps(when, when) for s in self.suspensions)


@attr.frozen(repr=False)
class Event:
    """A dated fact in a relationship: an application, a summit, a statement ...

    One act is one record. ``programmes`` names every programme the act
    concerns, the principal one first (``()`` for none): NATO's decision
    of 3 April 2008 on Georgia is one event under ``("NATO", "MAP")``.
    ``country`` is ``None`` only for events about a programme as a whole.

        >>> from nato_relations import events
        >>> [e.programmes for e in events(country="RU", kind="suspension", start="2014-04-01", end="2014-04-01")]
        [('NRC', 'PfP', 'EAPC')]
    """

    date: PartialDate
    country: str | None
    programmes: tuple[str, ...] = attr.field(converter=_programmes, validator=_distinct_texts)
    kind: EventKind
    summary: str = attr.field(validator=_clean_text)
    sources: tuple[Source, ...] = attr.field(validator=_cited)
    notes: str = ""

    __repr__ = _short_repr("date", "country", "programmes", "kind")

    @property
    def programme(self) -> str | None:
        """Deprecated since 2026.12.2, removed in 2027.1.0: the first of :attr:`programmes`, or ``None``.

        Warns :class:`DeprecationWarning`; ``"X" in event.programmes`` asks
        whether an event concerns programme ``X``.
        """
        warnings.warn(
            "Event.programme is deprecated since 2026.12.2: use Event.programmes, a tuple of codes",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.programmes[0] if self.programmes else None

    def overlaps(self, start: datetime.date, end: datetime.date) -> bool:
        """Whether the event's possible interval meets ``start..end`` (inclusive)."""
        return self.date.earliest <= end and start <= self.date.latest


@attr.frozen(repr=False)
class FormerName:
    """A name a country went by, and the last day it did (``until``), with the pages that date the change.

    A day within a partial ``until`` (``"2022-06"``) still has the former
    name: the change is not known to have happened before it ended.

        >>> from nato_relations import get_country
        >>> [(f.name, str(f.until)) for f in get_country("TR").former_names]
        [('Turkey', '2022-05-31')]
    """

    name: str = attr.field(validator=_clean_text)
    until: PartialDate
    sources: tuple[Source, ...] = attr.field(validator=_cited)
    notes: str = ""

    __repr__ = _short_repr("name", "until")


#: The state systems whose codes the dataset carries: Correlates of War and Gleditsch-Ward.
SYSTEMS = ("cow", "gw")


def _system(_instance: object, attribute: attr.Attribute[Any], value: object) -> None:
    if value not in SYSTEMS:
        raise InvalidField(attribute.name, f"must be one of {', '.join(SYSTEMS)}, not {value!r:.40}")


@attr.frozen(repr=False)
class SystemMembership:
    """A period in which a state belonged to a state system under one code.

    ``system`` is ``"cow"`` (Correlates of War) or ``"gw"`` (Gleditsch and
    Ward); ``end`` is ``None`` while the membership goes on. A code that
    changed (Germany: COW 260 from 1955, 255 from 3 October 1990) gives one
    membership per code.
    """

    system: str = attr.field(validator=_system)
    code: int
    start: datetime.date
    end: datetime.date | None = None

    __repr__ = _short_repr("system", "code", "start", "end")

    def covers(self, day: datetime.date) -> bool:
        """Whether the state was a member on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)


@attr.frozen(cache_hash=True, repr=False)  # a country's hash covers all its relations: compute it once
class Country:
    """A country, or a historical state, and its relations with NATO.

    ``alpha2`` is the ISO 3166-1 alpha-2 code, or for a state that no longer
    exists its ISO 3166-3 code (``"SUHH"``, the Soviet Union). ``cow_code``
    and ``gw_code`` are the state's Correlates of War and Gleditsch-Ward
    codes (the most recent it held; ``systems`` dates each), ``wikidata``
    its Wikidata item. ``former_names`` holds the names it went by before
    its present ``name``, each with the last day it did (see :meth:`name_on`).
    ``valid_from`` and ``valid_until`` bound a state that
    began or ended after 1945 (``None``: earlier, or still existing);
    ``successors`` names the states that took its place. In the data file
    a country has no ``participations`` or ``events``: they are joined to
    it when the dataset loads.

    >>> from nato_relations import get_country
    >>> sweden = get_country("Sweden")
    >>> sweden.alpha3
    'SWE'
    >>> import datetime
    >>> sweden.status_on(datetime.date(2024, 3, 1)).value
    'aspirant'
    >>> sweden.status_on(datetime.date(2024, 3, 7)).value
    'member'
    """

    alpha2: str = attr.field(validator=_clean_text)
    alpha3: str = attr.field(validator=_clean_text)
    numeric: str | None
    name: str = attr.field(validator=_clean_text)
    official_name: str = attr.field(validator=_clean_text)
    region: str = attr.field(validator=_clean_text)
    aliases: tuple[str, ...] = attr.field(default=(), validator=_clean_texts)
    former_names: tuple[FormerName, ...] = ()
    cow_code: int | None = None
    gw_code: int | None = None
    wikidata: str | None = None
    valid_from: PartialDate | None = None
    valid_until: PartialDate | None = None
    successors: tuple[str, ...] = ()
    systems: tuple[SystemMembership, ...] = ()
    summary: str = ""
    sources: tuple[Source, ...] = ()  # of the summary and the dates of existence
    notes: str = ""

    participations: tuple[Participation, ...] = ()
    events: tuple[Event, ...] = ()

    __repr__ = _short_repr("alpha2", "name")

    def participations_on(self, when: DateLike | None = None) -> tuple[Participation, ...]:
        """The spells that may have been running on ``when`` (default: today), suspended ones included.

        Raises :class:`TypeError` when ``when`` is not a date.
        """
        day = datetime.date.today() if when is None else coerce_date(when, "when")
        return tuple(p for p in self.participations if p.overlaps(day, day))

    def name_on(self, when: DateLike | None = None) -> str:
        """The country's name on ``when`` (default: today): a former name on the days it was used, else ``name``.

        Built from ``former_names``, which holds only renamings the data
        cites (Germany before 3 October 1990, Türkiye before June 2022,
        North Macedonia before 12 February 2019); any other record gives its
        present name for every day. Raises :class:`TypeError` when ``when``
        is not a date.

            >>> from nato_relations import get_country
            >>> get_country("DE").name_on("1989-11-09"), get_country("DE").name_on("1990-10-03")
            ('Federal Republic of Germany', 'Germany')
            >>> get_country("TR").name_on("1952-02-18")
            'Turkey'
        """
        day = datetime.date.today() if when is None else coerce_date(when, "when")
        for former in sorted(self.former_names, key=lambda f: f.until.latest):
            if day <= former.until.latest:
                return former.name
        return self.name

    def lifetime(self) -> tuple[tuple[datetime.date, datetime.date | None], ...]:
        """The periods in which this state existed, as (first day, last day or ``None``), earliest first.

        Its ``valid_from``/``valid_until`` where it has either (the widest
        reading of a partial date); otherwise its periods in the state systems
        (``systems``: the Correlates of War and Gleditsch-Ward lists, each
        period counted); ``()`` when it has neither, and then it counts as
        existing throughout (:meth:`exists_on`). Every event and spell of a
        record falls within its lifetime (docs/data.md, "Lifetimes").

            >>> from nato_relations import get_country
            >>> get_country("CSXX").lifetime()  # Serbia and Montenegro
            ((datetime.date(2003, 2, 4), datetime.date(2006, 6, 4)),)
        """
        if self.valid_from is not None or self.valid_until is not None:
            first = datetime.date.min if self.valid_from is None else self.valid_from.earliest
            return ((first, None if self.valid_until is None else self.valid_until.latest),)
        return tuple(sorted(((period.start, period.end) for period in self.systems), key=lambda period: period[0]))

    def exists_on(self, when: DateLike | None = None) -> bool:
        """Whether this state existed on ``when`` (default: today), by :meth:`lifetime`.

        Raises :class:`TypeError` when ``when`` is not a date.

            >>> from nato_relations import get_country
            >>> get_country("RS").exists_on("1999-03-24"), get_country("YUCS").exists_on("1999-03-24")
            (False, True)
        """
        day = datetime.date.today() if when is None else coerce_date(when, "when")
        periods = self.lifetime()
        return not periods or any(first <= day and (last is None or day <= last) for first, last in periods)

    def status_on(self, when: DateLike | None = None) -> Status:
        """This country's :class:`Status` on ``when`` (default: today).

        Raises :class:`TypeError` when ``when`` is not a date.
        """
        day = datetime.date.today() if when is None else coerce_date(when, "when")
        return status_of({p.programme for p in self.participations if p.run_by == "NATO" and p.overlaps(day, day)})

    def suspensions_on(self, when: DateLike | None = None) -> tuple[Participation, ...]:
        """The spells in NATO-run programmes whose cooperation was suspended on ``when`` (default: today).

        A suspended spell goes on, and still makes its country a partner
        (:class:`Status`), as NATO's own lists kept counting the country;
        this says what is suspended. Empty when nothing is. Raises
        :class:`TypeError` when ``when`` is not a date.

            >>> from nato_relations import get_country
            >>> russia = get_country("Russia")
            >>> russia.status_on("2016-01-01").value, [p.programme for p in russia.suspensions_on("2016-01-01")]
            ('partner', ['PfP', 'EAPC', 'NRC'])
            >>> russia.suspensions_on("2010-01-01")
            ()
        """
        day = datetime.date.today() if when is None else coerce_date(when, "when")
        return tuple(
            p for p in self.participations if p.run_by == "NATO" and p.overlaps(day, day) and p.suspended_on(day)
        )


def status_of(nato_programmes: set[str]) -> Status:
    """The status conferred by taking part in these NATO-run programmes at once (suspended or not)."""
    if "NATO" in nato_programmes:
        return Status.MEMBER
    if nato_programmes & ASPIRANT_PROGRAMMES:
        return Status.ASPIRANT
    if nato_programmes:
        return Status.PARTNER
    return Status.NONE
