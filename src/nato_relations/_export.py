"""The dataset as flat tables: CSV, JSON, or a Frictionless Data Package."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from ._catalogue import Programme
from ._dataset import Dataset, get_dataset
from ._dictionary import COLUMNS, programme_column
from ._files import write_files
from ._model import Country, Event, Participation, Source
from ._version import __version__
from .exceptions import ExtraNotInstalledError, quote

if TYPE_CHECKING:
    import pandas

__all__ = ["FORMATS", "TableName", "export", "tables", "to_dataframe"]

#: The tables :func:`to_dataframe` gives (the keys of the data dictionary's ``COLUMNS``; a test keeps them equal).
TableName = Literal[
    "countries", "state_systems", "programmes", "participations", "events", "event_programmes", "panel", "sources"
]

#: The formats :func:`export` writes.
FORMATS = ("csv", "json", "datapackage")

Row = tuple[str, ...]


def _id(*parts: object) -> str:
    return hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:12]


def source_id(source: Source) -> str:
    return _id(source.url)


def _ids(sources: tuple[Source, ...]) -> str:
    return "; ".join(dict.fromkeys(source_id(s) for s in sources))


def _opt(value: object) -> str:
    return "" if value is None else str(value)


def _spell_row(p: Participation) -> Row:
    return (
        _id(p.country, p.programme, p.start),
        p.country,
        p.programme,
        str(p.start),
        p.start.precision.value,
        p.first_day.isoformat(),
        _opt(p.end),
        "" if p.end is None else p.end.precision.value,
        "" if p.end is None else p.last_day.isoformat(),
        "; ".join(p.qualifiers),
        "; ".join(f"{s.start}..{_opt(s.end)}" for s in p.suspensions),
        p.notes,
        _ids(p.sources),
    )


def _country_row(c: Country) -> Row:
    return (
        c.alpha2, c.alpha3, _opt(c.numeric), c.name, c.official_name, c.region, "; ".join(c.aliases),
        "; ".join(f"{f.name} (to {f.until})" for f in c.former_names),
        _opt(c.cow_code), _opt(c.gw_code), _opt(c.wikidata), _opt(c.valid_from), _opt(c.valid_until),
        "; ".join(c.successors), c.summary, c.notes, _ids(c.sources),
    )  # fmt: skip


def _programme_row(p: Programme) -> Row:
    return (
        p.code, p.name, p.kind.value, p.run_by, _opt(p.established), _opt(p.ended), p.description,
        "; ".join(p.aliases), p.notes, _ids(p.sources),
    )  # fmt: skip


def _event_id(e: Event) -> str:
    # A one-programme event keeps the id it had when events named a single programme.
    return _id(e.date, e.country, "+".join(e.programmes) or None, e.kind.value, e.summary)


def _event_row(e: Event) -> Row:
    return (
        _event_id(e),
        str(e.date),
        e.date.precision.value,
        e.date.earliest.isoformat(),
        e.date.latest.isoformat(),
        _opt(e.country),
        "; ".join(e.programmes),
        e.kind.value,
        e.summary,
        e.notes,
        _ids(e.sources),
    )


def columns(name: str, data: Dataset) -> dict[str, tuple[str, str]]:
    """The columns of export table ``name``: ``COLUMNS``, and for the panel one per programme."""
    if name != "panel":
        return COLUMNS[name]
    from ._panel import programme_order

    return dict([*COLUMNS[name].items(), *(programme_column(p.code, p.name) for p in programme_order(data))])


def _panel_rows() -> tuple[Row, ...]:
    from ._panel import panel

    return tuple(tuple("" if value is None else str(value) for value in row) for row in panel().rows)


def tables(dataset: Dataset | None = None) -> dict[str, tuple[Row, ...]]:
    """Every export table as rows of strings, columns as in :func:`columns`, sorted."""
    data = get_dataset() if dataset is None else dataset
    cited = {
        s
        for records in (data.countries, data.programmes, data.participations, data.events)
        for r in records
        for s in r.sources
    }
    sources: dict[str, Source] = {}
    for source in sorted(cited, key=lambda s: (s.url, s.title, s.publisher, s.accessed)):
        sources.setdefault(source_id(source), source)  # one row per URL
    return {
        "countries": tuple(_country_row(c) for c in sorted(data.countries, key=lambda c: c.alpha2)),
        "state_systems": tuple(
            (c.alpha2, m.system, str(m.code), m.start.isoformat(), _opt(m.end))
            for c in sorted(data.countries, key=lambda c: c.alpha2)
            for m in c.systems
        ),
        "programmes": tuple(_programme_row(p) for p in data.programmes),
        "participations": tuple(
            sorted((_spell_row(p) for p in data.participations), key=lambda r: (r[2], r[1], r[5], r[0]))
        ),
        "events": tuple(sorted((_event_row(e) for e in data.events), key=lambda r: (r[3], r[4], r[5], r[0]))),
        "event_programmes": tuple(
            sorted((_event_id(e), code, str(i)) for e in data.events for i, code in enumerate(e.programmes, start=1))
        ),
        "panel": _panel_rows(),
        "sources": tuple(
            (key, s.url, s.title, s.publisher, s.accessed.isoformat()) for key, s in sorted(sources.items())
        ),
    }


def _csv(header: Row, rows: tuple[Row, ...]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _json_rows(header: Row, rows: tuple[Row, ...]) -> str:
    records = [
        {name: (value if value != "" else None) for name, value in zip(header, row, strict=True)} for row in rows
    ]
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


_KEYS: dict[str, dict[str, Any]] = {
    "countries": {"primaryKey": ["alpha2"]},
    "state_systems": {
        "primaryKey": ["country", "system", "code", "start"],
        "foreignKeys": [{"fields": ["country"], "reference": {"resource": "countries", "fields": ["alpha2"]}}],
    },
    "programmes": {"primaryKey": ["code"]},
    "participations": {
        "primaryKey": ["id"],
        "foreignKeys": [
            {"fields": ["country"], "reference": {"resource": "countries", "fields": ["alpha2"]}},
            {"fields": ["programme"], "reference": {"resource": "programmes", "fields": ["code"]}},
        ],
    },
    "events": {
        "primaryKey": ["id"],
        "foreignKeys": [{"fields": ["country"], "reference": {"resource": "countries", "fields": ["alpha2"]}}],
    },
    "event_programmes": {
        "primaryKey": ["event", "programme"],
        "foreignKeys": [
            {"fields": ["event"], "reference": {"resource": "events", "fields": ["id"]}},
            {"fields": ["programme"], "reference": {"resource": "programmes", "fields": ["code"]}},
        ],
    },
    "panel": {"primaryKey": ["ccode", "year"]},
    "sources": {"primaryKey": ["id"]},
}


def _descriptor(data: Dataset) -> dict[str, Any]:
    return {
        "profile": "tabular-data-package",
        "name": "nato-relations",
        "title": "NATO's relations with the world",
        "description": (
            "Members, partners, programmes and dated events of NATO's relations with other states, "
            "each fact cited to the pages it was taken from."
        ),
        "version": __version__,
        "created": f"{data.info.as_of.isoformat()}T00:00:00Z",
        "homepage": "https://pypi.org/project/nato-relations/",
        "licenses": [{"name": "MIT", "path": "https://opensource.org/licenses/MIT", "title": "MIT License"}],
        "sources": [{"title": "The pages listed in sources.csv, each cited by the rows it supports"}],
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {"name": column, "type": kind, "description": text}
                        for column, (kind, text) in columns(name, data).items()
                    ],
                    **_KEYS[name],
                },
            }
            for name in COLUMNS
        ],
    }


def export(out_dir: str | os.PathLike[str], *, format: str = "csv") -> tuple[Path, ...]:
    """Write the dataset as flat tables into ``out_dir`` (created if needed).

    ``format`` is ``"csv"`` (one CSV file per table), ``"json"`` (one JSON
    array of objects per table) or ``"datapackage"`` (the CSV files and a
    Frictionless ``datapackage.json`` describing them). The tables are
    countries, state_systems, programmes, participations, events,
    event_programmes (one row per programme an event concerns), panel (the
    COW state-year panel) and sources; see the data dictionary for their
    columns. Returns the paths written.

    Every file is written beside its target and renamed into place, all or
    none, and a symbolic link at a target's name is refused (see
    ``_files.py``); the folder is created if it does not exist.

    Raises :class:`ValueError` for an unknown format or an empty
    ``out_dir``, :class:`TypeError` for a non-path or a non-string format,
    and :class:`OSError` when the folder cannot be written (nothing is
    replaced then).

        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     [p.name for p in export(folder, format="datapackage")][-3:]
        ['panel.csv', 'sources.csv', 'datapackage.json']
    """
    if not isinstance(format, str):
        raise TypeError(f"format must be a string, not {type(format).__name__}")
    if format not in FORMATS:
        raise ValueError(f"unknown export format {quote(format)}; expected one of: {', '.join(FORMATS)}")
    if not isinstance(out_dir, (str, os.PathLike)):
        raise TypeError(f"out_dir must be a path, not {type(out_dir).__name__}")
    if not os.fspath(out_dir):
        raise ValueError("out_dir is empty; name a folder ('.' for the current one)")
    folder = Path(out_dir)
    data = get_dataset()
    files: list[tuple[Path, bytes]] = []
    for name, rows in tables(data).items():
        header = tuple(columns(name, data))
        if format == "json":
            files.append((folder / f"{name}.json", _json_rows(header, rows).encode("utf-8")))
        else:
            files.append((folder / f"{name}.csv", _csv(header, rows).encode("utf-8")))
    if format == "datapackage":
        descriptor = json.dumps(_descriptor(data), indent=2, ensure_ascii=False) + "\n"
        files.append((folder / "datapackage.json", descriptor.encode("utf-8")))
    folder.mkdir(parents=True, exist_ok=True)  # the caller named a folder to write into
    write_files(files)
    return tuple(path for path, _ in files)


@overload
def to_dataframe(table: TableName) -> pandas.DataFrame: ...


@overload
def to_dataframe(table: str) -> pandas.DataFrame: ...


def to_dataframe(table: str) -> pandas.DataFrame:
    """One export table as a pandas DataFrame (needs ``nato-relations[pandas]``).

    ``table`` is ``"countries"``, ``"state_systems"``, ``"programmes"``,
    ``"participations"``, ``"events"``, ``"event_programmes"``, ``"panel"`` (the COW state-year panel
    by the rule ``any``; see :func:`~nato_relations.panel` for others) or
    ``"sources"``; columns are those of the CSV export, with date columns as
    ``datetime64``, integer columns as nullable ``Int64`` and empty cells as
    missing values.

    Raises :class:`ValueError` for an unknown table and
    :class:`~nato_relations.exceptions.ExtraNotInstalledError` without pandas.

    Typing: the first overload names the tables (an editor completes them);
    a ``str`` is accepted too and checked at run time. pandas is imported
    for type checkers only, and pandas itself ships no type information: a
    type checker sees ``pandas.DataFrame`` only with ``pandas-stubs``
    installed, and ``Any`` without it.

        >>> frame = to_dataframe("participations")  # doctest: +SKIP
        >>> frame[frame.programme == "NATO"].sort_values("first_day").country.head(3).tolist()  # doctest: +SKIP
        ['BE', 'CA', 'DK']
    """
    if not isinstance(table, str):
        raise TypeError(f"table must be a string, not {type(table).__name__}")
    if table not in COLUMNS:
        raise ValueError(f"unknown table {quote(table)}; expected one of: {', '.join(COLUMNS)}")
    try:
        import pandas as pd
    except ImportError:
        raise ExtraNotInstalledError("to_dataframe", "pandas", "pandas") from None
    described = columns(table, get_dataset())
    frame = pd.DataFrame(list(tables()[table]), columns=list(described)).replace("", None)
    for column, (kind, _) in described.items():
        if kind == "date":
            frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
        elif kind == "integer":
            frame[column] = pd.to_numeric(frame[column]).astype("Int64")
    return frame
