"""The programme catalogue and the release's description: classes the first look-up does not need."""

from __future__ import annotations

import datetime

import attr

from ._dates import PartialDate
from ._model import Source, StrEnum, _cited, _clean_text, _clean_texts

__all__ = ["DatasetInfo", "Programme", "ProgrammeKind"]


class ProgrammeKind(StrEnum):
    """What sort of relationship a programme is."""

    MEMBERSHIP = "membership"
    PARTNERSHIP_FRAMEWORK = "partnership framework"
    ACTION_PLAN = "action plan"
    DIALOGUE = "dialogue"
    BILATERAL_BODY = "bilateral body"
    EXTERNAL_DESIGNATION = "external designation"
    RECOGNITION = "recognition"


@attr.frozen
class Programme:
    """A membership, partnership framework, dialogue, body or designation.

    ``run_by`` is ``"NATO"`` for NATO's own programmes and the designating
    state otherwise (``"United States"`` for Major non-NATO ally).
    ``established`` is ``None`` when no source dates a programme's start
    (one that grew out of practice rather than a decision).
    """

    code: str = attr.field(validator=_clean_text)
    name: str = attr.field(validator=_clean_text)
    kind: ProgrammeKind
    run_by: str = attr.field(validator=_clean_text)
    established: PartialDate | None
    ended: PartialDate | None
    description: str = attr.field(validator=_clean_text)
    sources: tuple[Source, ...] = attr.field(validator=_cited)
    aliases: tuple[str, ...] = attr.field(default=(), validator=_clean_texts)
    notes: str = ""


@attr.frozen
class DatasetInfo:
    """Which data release is installed, and a fingerprint of its files.

    ``files`` pairs every shipped data file (the records, the index, the
    list of changes, the name table and the map's shapes) with its SHA-256,
    in name order; ``sha256`` is the SHA-256 of the lines ``"<name>\\0<sha256>\\n"``
    of those pairs, one fingerprint for the whole release.
    ``code_sources`` pairs each code set the countries carry (``iso``,
    ``cow``, ``gw``, ``wikidata``) with the sources it was taken from.
    """

    version: str
    as_of: datetime.date
    countries: int
    programmes: int
    participations: int
    events: int
    sources: int
    sha256: str
    files: tuple[tuple[str, str], ...]
    code_sources: tuple[tuple[str, tuple[Source, ...]], ...] = ()
