"""The records as the data files hold them, before they are joined up."""

from __future__ import annotations

import datetime

import attr

from ._catalogue import Programme
from ._model import Country, Event, Participation, Source, StrEnum

__all__ = ["Change", "ChangeAction", "Meta", "RawData"]

Slice = tuple[int, int]


@attr.frozen
class Meta:
    """Facts about the release itself.

    ``sha256`` maps every other data file to the SHA-256 it had when the
    release was made (``scripts/format_data.py`` writes it, and pins this
    file's own SHA-256 in ``_release.py``). ``code_sources`` cites each
    code set (``iso``, ``cow``, ``gw``, ``wikidata``) the countries carry.
    """

    as_of: datetime.date
    sha256: dict[str, str]
    code_sources: dict[str, tuple[Source, ...]] = attr.field(factory=dict)


@attr.frozen
class RawData:
    """Everything the files hold, structured but not yet indexed."""

    meta: Meta
    countries: tuple[Country, ...]  # without relations, as the file gives them
    programmes: tuple[Programme, ...]
    participations: tuple[Participation, ...]
    events: tuple[Event, ...]
    digests: tuple[tuple[str, str], ...]


class ChangeAction(StrEnum):
    """What happened to a record between two releases."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@attr.frozen
class Change:
    """One fact that differs between release ``previous`` and release ``release``.

    ``table`` is the data file's table (``countries``, ``programmes``,
    ``participations``, ``events``) and ``key`` the record's key there: a
    country's alpha-2 code, a programme's code, ``"SE PfP 1994-05"``
    (country, programme, start) for a spell, ``"SE 2024-03-07 accession
    NATO"`` (country, date, kind, programmes joined by ``+``, with ``-`` for none and ``#2``
    for a second record with the same key) for an event. A changed record
    is named by its key in the newer release, and has one ``Change`` per
    field, with ``field`` and the ``old`` and ``new`` values; an added or
    removed record has ``field`` ``None`` and the whole record as ``new`` or
    ``old``. Values are text: a string as it is, anything else (a list of
    sources, a number, a record) as compact JSON; ``None`` where there is no
    value.
    """

    release: str
    previous: str
    action: ChangeAction
    table: str
    key: str
    field: str | None = None
    old: str | None = None
    new: str | None = None
