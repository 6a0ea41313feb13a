"""The records as the data files hold them, before they are joined up."""

from __future__ import annotations

import datetime

import attr

from ._catalogue import Programme
from ._model import Country, Event, Participation, Source

__all__ = ["Meta", "RawData"]

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
