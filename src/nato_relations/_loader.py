"""Reading the shipped data files and turning them into records.

One definition of a valid record, two ways in:

- **Trusted**: when ``meta.json`` has the SHA-256 pinned in ``_release.py``
  and every other file has the SHA-256 that ``meta.json`` records, the files
  are byte for byte the release that was checked, so records are built
  straight from the JSON with no schema checks (the model's own validators
  still run).
- **Strict**: anything else (an edited or damaged install, a test's
  contents) is structured by the cattrs converter of ``_converter.py``, the
  one schema, which names the file and record of the first problem; a
  well-formed but changed file is then reported as changed.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attr

from ._dates import PartialDate
from ._model import Country, Event, EventKind, FormerName, Participation, Source, Suspension, SystemMembership
from .exceptions import DataError

if TYPE_CHECKING:
    from ._catalogue import Programme
    from ._records import RawData

__all__ = [
    "DATA_FILES",
    "PINNED_FILES",
    "RECORD_FILES",
    "load",
    "read_files",
    "read_pinned",
    "structure_file",
    "verified",
]

#: The shipped data files, in the order their digests are combined.
DATA_FILES = ("countries.json", "events.json", "index.txt", "meta.json", "participations.json", "programmes.json")
#: The files that hold records (index.txt is derived from them, and only its SHA-256 is checked).
RECORD_FILES = tuple(name for name in DATA_FILES if name.endswith(".json"))
#: Files read only by the features that need them (the map, the list of changes), each pinned in _release.py;
#: aliases.json is the alias table whose names index.txt holds, shipped with its origins for users.
PINNED_FILES = ("aliases.json", "changes.json", "shapes.json")


def read_files(names: tuple[str, ...] = DATA_FILES) -> dict[str, bytes]:
    """The bytes of the shipped data files ``names``, read as package resources.

    Through the package's own loader where it can (cheap, and zip-safe),
    else through :mod:`importlib.resources`.
    """
    import sys

    contents: dict[str, bytes] = {}
    package = __name__.rpartition(".")[0]
    spec = sys.modules[package].__spec__
    origin = None if spec is None else spec.origin
    get_data = None if spec is None or origin is None else getattr(spec.loader, "get_data", None)
    folder = os.path.join(os.path.dirname(origin or ""), "data")
    for name in names:
        try:
            if get_data is not None:
                contents[name] = get_data(os.path.join(folder, name))
            else:
                contents[name] = _resource(package, name)
        except OSError as error:
            raise DataError(f"data/{name}", f"cannot be read ({error.__class__.__name__})") from None
    return contents


def _resource(package: str, name: str) -> bytes:
    from importlib.resources import files

    return files(package).joinpath("data", name).read_bytes()


def _sha256(payload: bytes) -> str:
    # OpenSSL's SHA-256: its import costs less than the built-in one's slower hashing. Straight from
    # _hashlib, as hashlib itself would give it, without hashlib's set-up of every other algorithm.
    try:
        from _hashlib import openssl_sha256 as sha256
    except ImportError:  # an interpreter without OpenSSL, or not CPython
        from hashlib import sha256
    return sha256(payload).hexdigest()


def verified(contents: Mapping[str, bytes]) -> bool:
    """Whether ``contents`` are byte for byte the files of this release: each has the SHA-256 pinned in code."""
    from ._release import SHA256

    return all(name in contents and _sha256(contents[name]) == SHA256[name] for name in DATA_FILES)


def load(contents: Mapping[str, bytes] | None = None, *, verify: bool = True) -> RawData:
    """The records of the shipped files (or of ``contents``, for tests).

    Trusted construction when the files are the release's own (see
    :func:`verified`); otherwise the strict path, which raises
    :class:`DataError` naming the file and record of anything malformed,
    and then, with ``verify``, naming the file whose SHA-256 differs from
    the one pinned in the package's code.
    """
    if contents is None:
        contents = read_files()
    missing = [name for name in DATA_FILES if name not in contents]
    if missing:
        raise DataError(f"data/{missing[0]}", "missing")
    if verify and verified(contents):
        return _trusted(contents)
    from ._records import RawData

    structured = {name: structure_file(name, contents[name]) for name in RECORD_FILES}
    digests = tuple((name, _sha256(contents[name])) for name in DATA_FILES)
    if verify:
        _check_digests(digests)
    run_by = {p.code: p.run_by for p in structured["programmes.json"]}
    return RawData(
        meta=structured["meta.json"],
        countries=structured["countries.json"],
        programmes=structured["programmes.json"],
        participations=tuple(attr.evolve(p, run_by=run_by.get(p.programme)) for p in structured["participations.json"]),
        events=structured["events.json"],
        digests=digests,
    )


def read_pinned(name: str) -> bytes:
    """The bytes of ``name``, one of :data:`PINNED_FILES`, checked against the SHA-256 pinned in code.

    Raises :class:`DataError` when the file cannot be read or was changed after release.
    """

    payload = read_files((name,))[name]
    _check_digests(((name, _sha256(payload)),))
    return payload


def _check_digests(digests: tuple[tuple[str, str], ...]) -> None:
    from ._release import SHA256

    for name, digest in digests:
        expected = SHA256[name]
        if digest != expected:
            raise DataError(
                f"data/{name}",
                f"SHA-256 {digest[:12]}... differs from the {expected[:12]}... pinned in this package's code: "
                "the file was changed after release",
            )


# --- the strict path: the cattrs converter, the one schema ----------------------------------------


def structure_file(name: str, payload: bytes) -> Any:
    """One data file's records, checked against the schema; a list file gives a tuple.

    Raises :class:`DataError` naming the file and record of the first
    problem (``data/participations.json[41].start: month out of range: 13``).
    """
    import json

    import cattrs

    from ._converter import FILE_TYPES, file_converter

    location = f"data/{name}"
    try:
        document = json.loads(payload)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DataError(location, f"not valid JSON: {error}") from None
    try:
        return file_converter.structure(document, FILE_TYPES[name])
    except cattrs.BaseValidationError as error:
        first = cattrs.transform_error(error, path=location, format_exception=_describe)[0]
        problem, _, where = first.rpartition(" @ ")
        raise DataError(where, problem) from None
    except (TypeError, ValueError, KeyError) as error:
        raise DataError(location, _describe(error, None)) from None


def _describe(error: BaseException, _type: Any) -> str:
    from cattrs.errors import ForbiddenExtraKeysError

    if isinstance(error, ForbiddenExtraKeysError):
        return f"unknown keys {sorted(error.extra_fields)}"
    if isinstance(error, KeyError):
        return "missing"
    return str(error) or type(error).__name__


# --- the trusted path: records built straight from the release's own JSON --------------------------


def _trusted(contents: Mapping[str, bytes]) -> RawData:
    import json

    from ._records import Meta, RawData
    from ._release import SHA256

    meta = json.loads(contents["meta.json"])
    programmes = json.loads(contents["programmes.json"])
    build = _Builder({d["code"]: d["run_by"] for d in programmes})
    return RawData(
        meta=Meta(
            as_of=datetime.date.fromisoformat(meta["as_of"]),
            sha256=meta["sha256"],
            code_sources={k: tuple(map(build.source, v)) for k, v in meta.get("code_sources", {}).items()},
        ),
        countries=tuple(Country(**build.country(d)) for d in json.loads(contents["countries.json"])),
        programmes=tuple(map(build.programme, programmes)),
        participations=tuple(map(build.spell, json.loads(contents["participations.json"]))),
        events=tuple(map(build.event, json.loads(contents["events.json"]))),
        digests=tuple((name, SHA256[name]) for name in DATA_FILES),  # verified equal just before
    )


class _Builder:
    """Builds records from the release's canonical JSON, sharing equal dates and sources.

    ``run_by`` maps each programme's code to who runs it, for the spells.
    """

    def __init__(self, run_by: Mapping[str, str]) -> None:
        self._dates: dict[str, PartialDate] = {}
        self._sources: dict[tuple[str, str, str, str], Source] = {}
        self._run_by = run_by

    def date(self, text: str) -> PartialDate:
        found = self._dates.get(text)
        if found is None:
            found = self._dates[text] = PartialDate.parse(text)
        return found

    def maybe(self, text: str | None) -> PartialDate | None:
        return None if text is None else self.date(text)

    def source(self, d: dict[str, str]) -> Source:
        key = (d["url"], d["title"], d["publisher"], d["accessed"])
        found = self._sources.get(key)
        if found is None:
            found = self._sources[key] = Source(key[0], key[1], key[2], datetime.date.fromisoformat(key[3]))
        return found

    def sources(self, items: list[dict[str, str]]) -> tuple[Source, ...]:
        return tuple(map(self.source, items))

    def country(self, d: dict[str, Any]) -> dict[str, Any]:
        """The fields of a country record (a ``Country`` without its relations)."""
        return {
            **d,
            "aliases": tuple(d["aliases"]),
            "former_names": tuple(
                FormerName(f["name"], self.date(f["until"]), self.sources(f["sources"]), f["notes"])
                for f in d["former_names"]
            ),
            "valid_from": self.maybe(d["valid_from"]),
            "valid_until": self.maybe(d["valid_until"]),
            "successors": tuple(d["successors"]),
            "systems": tuple(
                SystemMembership(
                    m["system"], m["code"], datetime.date.fromisoformat(m["start"]),
                    None if m["end"] is None else datetime.date.fromisoformat(m["end"]),
                )
                for m in d["systems"]
            ),
            "sources": self.sources(d["sources"]),
        }  # fmt: skip

    def programme(self, d: dict[str, Any]) -> Programme:
        from ._catalogue import Programme, ProgrammeKind

        return Programme(
            d["code"], d["name"], ProgrammeKind(d["kind"]), d["run_by"], self.maybe(d["established"]),
            self.maybe(d["ended"]), d["description"], self.sources(d["sources"]), tuple(d["aliases"]), d["notes"],
        )  # fmt: skip

    def spell(self, d: dict[str, Any]) -> Participation:
        return Participation(
            d["country"], d["programme"], self.date(d["start"]), self.maybe(d["end"]), self.sources(d["sources"]),
            tuple(d["qualifiers"]),
            tuple(Suspension(self.date(s["start"]), self.maybe(s["end"])) for s in d["suspensions"]),
            d["notes"], run_by=self._run_by.get(d["programme"]),
        )  # fmt: skip

    def event(self, d: dict[str, Any]) -> Event:
        return Event(
            self.date(d["date"]), d["country"], tuple(d["programmes"]), EventKind(d["kind"]), d["summary"],
            self.sources(d["sources"]), d["notes"],
        )  # fmt: skip
