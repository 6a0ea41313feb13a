"""The loaded dataset: records joined up and indexed, built once on first use."""

from __future__ import annotations

import datetime
import os
import threading
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attr

from . import _index, _loader
from ._model import Country, Event, Participation
from ._names import fold, key, resolve
from ._version import __version__
from .exceptions import DataError

if TYPE_CHECKING:
    from ._catalogue import DatasetInfo, Programme
    from ._records import RawData
    from ._timeline import Timeline

__all__ = ["Dataset", "alias_codes", "build", "event_order", "first_country", "get_dataset"]


def event_order(event: Event) -> tuple[datetime.date, datetime.date, str, tuple[str, ...], str, str]:
    return (
        event.date.earliest,
        event.date.latest,
        event.country or "",
        event.programmes,
        event.kind.value,
        event.summary,
    )


class Dataset:
    """All records, with the lookup tables the queries need (a plain class: cheap to define)."""

    __slots__ = (
        "_timelines", "countries", "country_exact", "country_keys", "country_names", "country_remembered",
        "event_ends", "event_starts", "events", "info", "participations", "programme_exact", "programme_keys",
        "programme_names", "programmes",
    )  # fmt: skip
    info: DatasetInfo
    countries: tuple[Country, ...]  # sorted by name
    programmes: tuple[Programme, ...]  # sorted by code
    participations: tuple[Participation, ...]
    events: tuple[Event, ...]  # sorted by date
    country_keys: Mapping[str, Country]
    country_exact: Mapping[str, Country]  # names and codes exactly as the data writes them
    country_names: Mapping[str, str]  # lookup key -> display name, for suggestions
    programme_keys: Mapping[str, Programme]
    programme_exact: Mapping[str, Programme]  # codes and names exactly as the data writes them
    programme_names: Mapping[str, str]
    event_starts: tuple[datetime.date, ...]  # events[i].date.earliest, ascending
    event_ends: tuple[datetime.date, ...]  # events[i].date.latest
    _timelines: dict[str, Timeline]  # built on first use: most sessions ask about a few programmes, not all
    country_remembered: dict[str, Country]  # identifiers looked up by key or alias, and what they named

    def __init__(self, **fields: Any) -> None:
        for name, value in fields.items():
            object.__setattr__(self, name, value)
        self._timelines = {}
        self.country_remembered = {}

    def aliased(self, name_key: str) -> tuple[Country, ...]:
        """The countries the alias table gives for the name key ``name_key`` (:func:`alias_codes`)."""
        exact = self.country_exact
        return tuple(exact[code] for code in alias_codes(name_key) if code in exact)

    def timeline(self, code: str) -> Timeline:
        """Who took part in programme ``code`` when (``code`` must exist)."""
        found = self._timelines.get(code)
        if found is None:
            with _lock:  # its first build imports lazily: under the lock, as every load (see _before_fork)
                found = self._timelines.get(code)
                if found is None:
                    from ._timeline import Timeline

                    order = {c.alpha2: i for i, c in enumerate(self.countries)}
                    spells = [(p, c) for c in self.countries for p in c.participations if p.programme == code]
                    found = self._timelines[code] = Timeline.build(spells, order)
        return found


def _join(record: Country, spells: Iterable[Participation], events: Iterable[Event]) -> Country:
    """The country of ``record`` with its spells (by start, then programme) and events (by date)."""
    return attr.evolve(
        record,
        participations=tuple(sorted(spells, key=lambda p: (p.first_day, p.programme))),
        events=tuple(sorted(events, key=event_order)),
    )


def _by_key(entries: list[tuple[str, object, str]], file: str) -> dict[str, object]:
    """Map each name's key to its record; two records sharing a key is an error."""
    table: dict[str, object] = {}
    for name, record, location in entries:
        name_key = key(name)
        if table.get(name_key, record) != record:
            raise DataError(f"data/{file}{location}", f"the name {name!r} is used twice")
        table[name_key] = record
    return table


def _check_references(raw: RawData) -> None:
    """Every spell and event names a country and programme that exist."""
    programme_codes = {p.code for p in raw.programmes}
    alpha2s = {c.alpha2 for c in raw.countries}
    for i, spell in enumerate(raw.participations):
        if spell.country not in alpha2s:
            raise DataError(f"data/participations.json[{i}].country", f"unknown country {spell.country!r}")
        if spell.programme not in programme_codes:
            raise DataError(f"data/participations.json[{i}].programme", f"unknown programme {spell.programme!r}")
    for i, event in enumerate(raw.events):
        if event.country is not None and event.country not in alpha2s:
            raise DataError(f"data/events.json[{i}].country", f"unknown country {event.country!r}")
        for code in event.programmes:
            if code not in programme_codes:
                raise DataError(f"data/events.json[{i}].programmes", f"unknown programme {code!r}")


def _country_names(raw: RawData) -> list[tuple[str, object, str]]:
    """Every name and code a country answers to, with its alpha-2 code and file location."""
    country_entries: list[tuple[str, object, str]] = []
    # Codes that several states held in turn answer with the latest holder: "cow:365" is Russia, not the
    # Soviet Union, and ISO 3166-3 gave 891 to both Yugoslavia and Serbia and Montenegro.
    holders: dict[str, tuple[datetime.date, str, int]] = {}

    def hold(code: str, until: datetime.date, alpha2: str, i: int) -> None:
        holders[code] = max(holders.get(code, (until, alpha2, i)), (until, alpha2, i))

    for i, country in enumerate(raw.countries):
        codes = [country.alpha2, country.alpha3]
        if country.wikidata:
            codes.append(country.wikidata)
        for name in (*codes, country.name, country.official_name, *country.aliases):
            country_entries.append((name, country.alpha2, f"[{i}]"))
        until = datetime.date.max if country.valid_until is None else country.valid_until.latest
        for numeric in dict.fromkeys((country.numeric, country.numeric.lstrip("0")) if country.numeric else ()):
            hold(numeric, until, country.alpha2, i)  # with and without leading zeros ("040", "40")
        for m in country.systems:
            hold(f"{m.system}:{m.code}", m.end or datetime.date.max, country.alpha2, i)
    country_entries += [(name, alpha2, f"[{i}]") for name, (_, alpha2, i) in sorted(holders.items())]
    return country_entries


def build(raw: RawData, reuse: Mapping[str, Country] | None = None) -> Dataset:
    """Join and check the structured files.

    ``reuse`` maps alpha-2 codes to countries already handed out (by a
    first look-up); an equal one is kept, so a caller's object stays the
    dataset's own. Raises :class:`DataError` for a reference to an unknown
    country or programme, and for a code or name that two records share.
    """
    _check_references(raw)
    events = tuple(sorted(raw.events, key=event_order))
    spells_of: dict[str, list[Participation]] = {}
    for spell in raw.participations:
        spells_of.setdefault(spell.country, []).append(spell)
    events_of: dict[str, list[Event]] = {}
    for event in events:
        if event.country is not None:
            events_of.setdefault(event.country, []).append(event)

    countries = []
    for record in raw.countries:
        country = _join(record, spells_of.get(record.alpha2, ()), events_of.get(record.alpha2, ()))
        early = (reuse or {}).get(record.alpha2)
        countries.append(early if early == country else country)  # the object a first look-up already handed out
    countries.sort(key=lambda c: (fold(c.name), c.alpha2))

    country_entries = _country_names(raw)
    code_of = _by_key(country_entries, "countries.json")
    by_alpha2 = {c.alpha2: c for c in countries}
    if len(by_alpha2) != len(raw.countries):
        raise DataError("data/countries.json", "an alpha-2 code is used twice")

    programme_entries: list[tuple[str, object, str]] = []
    for i, programme in enumerate(raw.programmes):
        for name in (programme.code, programme.name, *programme.aliases):
            programme_entries.append((name, programme.code, f"[{i}]"))
    programme_code_of = _by_key(programme_entries, "programmes.json")
    by_code = {p.code: p for p in raw.programmes}

    import hashlib

    from ._release import SHA256

    # Every file of the release: those just loaded as read, the others (aliases, changes, shapes) as pinned
    # in code, which is what each is checked against whenever it is read.
    loaded = dict(raw.digests)
    files = tuple(sorted({**SHA256, **loaded}.items()))
    digest = hashlib.sha256()
    for name, file_digest in files:
        digest.update(f"{name}\0{file_digest}\n".encode())
    from ._catalogue import DatasetInfo

    info = DatasetInfo(
        version=__version__,
        as_of=raw.meta.as_of,
        countries=len(countries),
        programmes=len(raw.programmes),
        participations=len(raw.participations),
        events=len(events),
        sources=len(
            {
                s
                for records in (raw.countries, raw.programmes, raw.participations, events)
                for r in records
                for s in r.sources
            }
        ),
        sha256=digest.hexdigest(),
        files=files,
        code_sources=tuple(sorted(raw.meta.code_sources.items())),
    )
    return Dataset(
        info=info,
        countries=tuple(countries),
        programmes=tuple(sorted(raw.programmes, key=lambda p: p.code)),
        participations=raw.participations,
        events=events,
        country_keys={k: by_alpha2[str(code)] for k, code in code_of.items()},
        country_exact={name: by_alpha2[str(code)] for name, code, _ in country_entries},
        country_names={k: by_alpha2[str(code)].name for k, code in code_of.items()},
        programme_keys={k: by_code[str(code)] for k, code in programme_code_of.items()},
        programme_exact={name: by_code[str(code)] for name, code, _ in programme_entries},
        programme_names={k: by_code[str(code)].name for k, code in programme_code_of.items()},
        event_starts=tuple(e.date.earliest for e in events),
        event_ends=tuple(e.date.latest for e in events),
    )


_lock = threading.RLock()  # re-entrant: a load may read the alias table, and fork() may come from a loading thread
_dataset: Dataset | None = None
# Before the whole dataset is loaded: the release's files and index, and the countries built alone.
_first: tuple[Mapping[str, bytes], list[str]] | None = None
_early: dict[str, Country] = {}
# What each identifier asked before the whole dataset was loaded named: the warm path of a first look-up.
_early_names: dict[str, Country] = {}
_EARLY_NAMES = 4096  # at most this many identifiers remembered
# The release's index, once read and verified; [] when the installed index is not the release's own.
_lines: list[str] | None = None


def _before_fork() -> None:
    """Let ``fork()`` wait for a load in progress, so that no thread is inside one when the child is made.

    A load imports modules lazily (``json``, the loader's records): a child forked while another thread
    held an import lock would wait on it for ever. Every load and its imports happen under ``_lock``.
    """
    _lock.acquire()


def _after_fork_in_parent() -> None:
    _lock.release()


def _after_fork_in_child() -> None:
    """The child gets its own lock (the copied one is held) and no half-built first-look-up state."""
    global _lock, _first  # noqa: PLW0603 - the child's own lock and first-look-up state
    _lock = threading.RLock()
    if _dataset is None:
        _first = None
        _early.clear()
        _early_names.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_before_fork, after_in_parent=_after_fork_in_parent, after_in_child=_after_fork_in_child)


def get_dataset() -> Dataset:
    """The shipped dataset, loaded on the first call and shared afterwards.

    Thread-safe: concurrent first calls load once. A load that fails
    stores nothing, so the next call tries again and fails the same way.
    """
    global _dataset, _first, _lines  # noqa: PLW0603 - the one cache, guarded by _lock
    if _dataset is None:
        with _lock:
            if _dataset is None:
                _dataset = build(_loader.load(None if _first is None else _first[0]), reuse=_early)
                if _first is not None and _lines is None:
                    _lines = _first[1]
                _first = None
                _early.clear()
                _early_names.clear()
    return _dataset


def alias_codes(name_key: str) -> tuple[str, ...]:
    """The alpha-2 codes the release's index gives for the name key ``name_key`` (several when ambiguous).

    The index holds every name a record answers to and the alias table's
    names (data/aliases.json); it is read once, and only if its SHA-256 is
    the release's own (otherwise no alias is known).
    """
    global _lines  # noqa: PLW0603 - read once, under _lock
    lines = _lines
    if lines is None:
        with _lock:  # its reading imports lazily: under the lock, as every load (see _before_fork)
            lines = _lines
            if lines is None:
                from ._release import SHA256

                payload = _loader.read_files(("index.txt",))["index.txt"]
                verified = _loader._sha256(payload) == SHA256["index.txt"]
                lines = _lines = payload.decode("utf-8").split("\n") if verified else []
    return _index.find(lines, name_key)


def first_country(identifier: str) -> Country | None:
    """The country ``identifier`` names exactly or folded, built alone, before the dataset is loaded.

    The first question about one country needs that country's records
    only: the release's index gives their place in the files. ``None``
    when the dataset is already loaded, when the files are not the
    release's own (the strict load then reports what is wrong), and when
    the index does not know the name or finds it ambiguous (the full
    look-up then suggests). An identifier asked before is answered from
    memory.
    """
    global _first, _lines  # noqa: PLW0603 - guarded by _lock
    found = _early_names.get(identifier)
    if found is not None:
        return found if _dataset is None else None
    if _dataset is not None:
        return None
    with _lock:
        if _dataset is not None:
            return None
        if _first is None:
            files = _loader.read_files()
            if not _loader.verified(files):
                return None
            _first = (files, files["index.txt"].decode("utf-8").split("\n"))
            _lines = _first[1]
        contents, lines = _first
        codes = resolve(identifier, lambda k: _index.find(lines, k)) if len(identifier) <= 200 else ()
        if len(codes) != 1:
            return None
        (alpha2,) = codes
        found = _early.get(alpha2)
        if found is None:
            found = _early[alpha2] = _lone(contents, _index.spans(lines, alpha2), _index.run_by(lines))
        if len(_early_names) < _EARLY_NAMES:
            _early_names[identifier] = found
        return found


def _lone(contents: Mapping[str, bytes], where: _index.Spans, run_by: Mapping[str, str]) -> Country:
    import json

    from ._loader import _Builder

    def records(file: str, spans: tuple[tuple[int, int], ...]) -> list[Any]:
        payload = contents[file]
        return [json.loads(payload[start:end]) for start, end in spans]

    build = _Builder(run_by)
    country, spells, events = where
    (record,) = records("countries.json", country)
    return _join(
        Country(**build.country(record)),
        map(build.spell, records("participations.json", spells)),
        map(build.event, records("events.json", events)),
    )
