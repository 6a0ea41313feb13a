"""Read the shipped JSON files into model objects, strictly and cheaply.

This is the first-query path, so it avoids cattrs (whose import alone
costs about as much as a whole cold lookup). Its rules match the cattrs
converter in ``_converter.py``: unknown keys, missing keys and malformed
values are rejected with the file and record named. The test suite checks
that both agree on the shipped data and on a corpus of bad records.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attr

from ._dates import PartialDate
from ._model import (
    Event,
    EventKind,
    InvalidField,
    Participation,
    Programme,
    ProgrammeKind,
    Source,
    Suspension,
    SystemMembership,
    _clean_text,
    _clean_texts,
)
from .exceptions import DataError

__all__ = ["DATA_FILES", "RawData", "load", "read_files", "structure_file"]

#: The shipped data files, in the order their digests are combined.
DATA_FILES = ("countries.json", "events.json", "meta.json", "participations.json", "programmes.json")

T = TypeVar("T")
Parser = Callable[[Any, str], Any]


@attr.frozen
class CountryRecord:
    """A country as the data file gives it, before its relations are attached."""

    alpha2: str = attr.field(validator=_clean_text)
    alpha3: str = attr.field(validator=_clean_text)
    numeric: str | None
    name: str = attr.field(validator=_clean_text)
    official_name: str = attr.field(validator=_clean_text)
    region: str = attr.field(validator=_clean_text)
    aliases: tuple[str, ...] = attr.field(default=(), validator=_clean_texts)
    cow_code: int | None = None
    gw_code: int | None = None
    wikidata: str | None = None
    valid_from: PartialDate | None = None
    valid_until: PartialDate | None = None
    successors: tuple[str, ...] = ()
    systems: tuple[SystemMembership, ...] = ()
    summary: str = ""
    sources: tuple[Source, ...] = ()
    notes: str = ""


@attr.frozen
class Meta:
    """Facts about the release itself.

    ``sha256`` maps every other data file to the SHA-256 it had when the
    release was made (``scripts/format_data.py`` writes it).
    ``code_sources`` cites each code set (``iso``, ``cow``, ``gw``,
    ``wikidata``) that the country records carry.
    """

    as_of: datetime.date
    sha256: dict[str, str]
    code_sources: dict[str, tuple[Source, ...]] = attr.field(factory=dict)


@attr.frozen
class RawData:
    """Everything the files hold, structured but not yet indexed."""

    meta: Meta
    countries: tuple[CountryRecord, ...]
    programmes: tuple[Programme, ...]
    participations: tuple[Participation, ...]
    events: tuple[Event, ...]
    digests: tuple[tuple[str, str], ...]


def _fail(location: str, problem: str) -> DataError:
    return DataError(location, problem)


def _text(value: Any, location: str) -> str:
    if not isinstance(value, str):
        raise _fail(location, f"expected a string, got {type(value).__name__}")
    return value


def _nonempty(value: Any, location: str) -> str:
    text = _text(value, location)
    if not text.strip() or text != text.strip():
        raise _fail(location, "must be non-empty text without surrounding spaces")
    return text


def _as_is(value: Any, _location: str) -> Any:
    """For fields whose rules the model's validators enforce (they name the field)."""
    return value


def _optional(parser: Parser) -> Parser:
    def parse(value: Any, location: str) -> Any:
        return None if value is None else parser(value, location)

    return parse


def _tuple_of(parser: Parser, *, nonempty: bool = False) -> Parser:
    def parse(value: Any, location: str) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _fail(location, f"expected a list, got {type(value).__name__}")
        if nonempty and not value:
            raise _fail(location, "expected at least one entry")
        return tuple(parser(item, f"{location}[{i}]") for i, item in enumerate(value))

    return parse


def _memo(parser: Parser) -> Parser:
    """Share one object between equal JSON values (dates and sources recur often).

    Safe because the results are immutable; failures are never cached, so
    each bad value is still reported at its own location.
    """
    cache: dict[Any, Any] = {}

    def parse(value: Any, location: str) -> Any:
        try:
            memo_key = tuple(value.items()) if isinstance(value, dict) else (type(value), value)
            return cache[memo_key]
        except KeyError:
            result = cache[memo_key] = parser(value, location)
            return result
        except TypeError:  # unhashable: lists inside, so certainly malformed
            return parser(value, location)

    return parse


@_memo
def _partial_date(value: Any, location: str) -> PartialDate:
    try:
        return PartialDate.parse(value)
    except (TypeError, ValueError) as error:
        raise _fail(location, str(error)) from None


def _iso_date(value: Any, location: str) -> datetime.date:
    date: PartialDate = _partial_date(value, location)
    if date.day is None:
        raise _fail(location, f"expected a full YYYY-MM-DD date, got {value!r}")
    return date.earliest


def _enum(enum_type: type[Any]) -> Parser:
    def parse(value: Any, location: str) -> Any:
        try:
            return enum_type(value)
        except ValueError:
            allowed = ", ".join(repr(member.value) for member in enum_type)
            raise _fail(location, f"{value!r} is not one of {allowed}") from None

    return parse


def _record(
    cls: type[T], fields: Mapping[str, Parser], optional: frozenset[str] = frozenset()
) -> Callable[[Any, str], T]:
    """A parser for a JSON object with exactly ``fields`` (``optional`` may be absent)."""
    required = fields.keys() - optional

    def parse(value: Any, location: str) -> T:
        if not isinstance(value, dict):
            raise _fail(location, f"expected an object, got {type(value).__name__}")
        unknown = value.keys() - fields.keys()
        if unknown:
            raise _fail(location, f"unknown keys {sorted(unknown)}")
        missing = required - value.keys()
        if missing:
            raise _fail(location, f"missing keys {sorted(missing)}")
        kwargs = {key: fields[key](item, f"{location}.{key}") for key, item in value.items()}
        try:
            return cls(**kwargs)
        except InvalidField as error:  # the model's own validators name the field
            raise _fail(f"{location}.{error.field}", str(error)) from None
        except (TypeError, ValueError) as error:
            raise _fail(location, str(error)) from None

    return parse


_source = _memo(_record(Source, {"url": _as_is, "title": _as_is, "publisher": _as_is, "accessed": _iso_date}))
_sources = _tuple_of(_source, nonempty=True)
_strings = _tuple_of(_as_is)


def _integer(value: Any, location: str) -> int:
    if type(value) is not int:
        raise _fail(location, f"expected an integer, got {type(value).__name__}")
    return value


_membership = _record(
    SystemMembership,
    {"system": _as_is, "code": _integer, "start": _iso_date, "end": _optional(_iso_date)},
    optional=frozenset({"end"}),
)
_country = _record(
    CountryRecord,
    {
        "alpha2": _as_is,
        "alpha3": _as_is,
        "numeric": _optional(_nonempty),
        "name": _as_is,
        "official_name": _as_is,
        "region": _as_is,
        "aliases": _strings,
        "cow_code": _optional(_integer),
        "gw_code": _optional(_integer),
        "wikidata": _optional(_nonempty),
        "valid_from": _optional(_partial_date),
        "valid_until": _optional(_partial_date),
        "successors": _strings,
        "systems": _tuple_of(_membership),
        "summary": _text,
        "sources": _tuple_of(_source),
        "notes": _text,
    },
    optional=frozenset(
        {"aliases", "cow_code", "gw_code", "wikidata", "valid_from", "valid_until", "successors", "systems"}
        | {"summary", "sources", "notes"}
    ),
)
_suspension = _record(
    Suspension, {"start": _partial_date, "end": _optional(_partial_date)}, optional=frozenset({"end"})
)
_programme = _record(
    Programme,
    {
        "code": _as_is,
        "name": _as_is,
        "kind": _enum(ProgrammeKind),
        "run_by": _as_is,
        "established": _optional(_partial_date),
        "ended": _optional(_partial_date),
        "description": _as_is,
        "sources": _sources,
        "aliases": _strings,
        "notes": _text,
    },
    optional=frozenset({"aliases", "notes"}),
)
_participation = _record(
    Participation,
    {
        "country": _as_is,
        "programme": _as_is,
        "start": _partial_date,
        "end": _optional(_partial_date),
        "sources": _sources,
        "qualifiers": _strings,
        "suspensions": _tuple_of(_suspension),
        "notes": _text,
    },
    optional=frozenset({"qualifiers", "suspensions", "notes"}),
)
_event = _record(
    Event,
    {
        "date": _partial_date,
        "country": _optional(_nonempty),
        "programme": _optional(_nonempty),
        "kind": _enum(EventKind),
        "summary": _as_is,
        "sources": _sources,
        "notes": _text,
    },
    optional=frozenset({"notes"}),
)


def _digests(value: Any, location: str) -> dict[str, str]:
    expected = set(DATA_FILES) - {"meta.json"}
    if not isinstance(value, dict) or set(value) != expected:
        raise _fail(location, f"expected an object with exactly the keys {sorted(expected)}")
    for name, digest in value.items():
        if not (isinstance(digest, str) and len(digest) == 64 and all(c in "0123456789abcdef" for c in digest)):
            raise _fail(f"{location}.{name}", "expected 64 lower-case hex digits")
    return dict(value)


def _code_sources(value: Any, location: str) -> dict[str, tuple[Source, ...]]:
    if not isinstance(value, dict):
        raise _fail(location, f"expected an object, got {type(value).__name__}")
    return {name: _sources(cited, f"{location}.{name}") for name, cited in value.items()}


_meta = _record(
    Meta,
    {"as_of": _iso_date, "sha256": _digests, "code_sources": _code_sources},
    optional=frozenset({"code_sources"}),
)


def structure_file(name: str, payload: bytes) -> Any:
    """Parse one data file's bytes; a list file gives a tuple of records.

    Raises :class:`~nato_relations.exceptions.DataError` naming the file
    and record for anything that is not exactly as the format says.
    """
    location = f"data/{name}"
    try:
        document = json.loads(payload)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _fail(location, f"not valid JSON: {error}") from None
    if name == "meta.json":
        return _meta(document, location)
    parser = {
        "countries.json": _country,
        "events.json": _event,
        "participations.json": _participation,
        "programmes.json": _programme,
    }[name]
    return _tuple_of(parser)(document, location)


def read_files() -> dict[str, bytes]:
    """The bytes of every shipped data file, read as package resources."""
    from importlib.resources import files

    folder = files(__package__).joinpath("data")
    contents = {}
    for name in DATA_FILES:
        try:
            contents[name] = folder.joinpath(name).read_bytes()
        except OSError as error:
            raise _fail(f"data/{name}", f"cannot be read ({error.__class__.__name__})") from None
    return contents


def load(contents: Mapping[str, bytes] | None = None, *, verify: bool = True) -> RawData:
    """Structure the shipped files (or ``contents``, for tests) into records.

    Raises :class:`DataError` naming the file and record for anything
    malformed, and then, with ``verify``, naming the file whose SHA-256
    differs from the one ``meta.json`` records for the release.
    """
    if contents is None:
        contents = read_files()
    missing = [name for name in DATA_FILES if name not in contents]
    if missing:
        raise _fail(f"data/{missing[0]}", "missing")
    structured = {name: structure_file(name, contents[name]) for name in DATA_FILES}
    digests = tuple((name, hashlib.sha256(contents[name]).hexdigest()) for name in DATA_FILES)
    if verify:
        recorded = structured["meta.json"].sha256
        for name, digest in digests:
            if name in recorded and recorded[name] != digest:
                raise _fail(
                    f"data/{name}",
                    f"SHA-256 {digest[:12]}... differs from the {recorded[name][:12]}... recorded for this "
                    "release in data/meta.json: the file was changed after release",
                )
    return RawData(
        meta=structured["meta.json"],
        countries=structured["countries.json"],
        programmes=structured["programmes.json"],
        participations=structured["participations.json"],
        events=structured["events.json"],
        digests=digests,
    )
