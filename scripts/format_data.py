"""Rewrite the shipped data files in their one canonical form, or check they are in it.

    python scripts/format_data.py          # rewrite in place
    python scripts/format_data.py --check  # exit 1 if any file would change

Records are structured with the package's cattrs file converter (so a
malformed record is reported by its path), unstructured in field order,
sorted by a stable key and written as two-space-indented UTF-8 JSON. A
diff between two releases then reads as a list of changed facts.
index.txt (where each country's records lie, and the names it answers
to) is generated from the others; meta.json records each other file's
SHA-256 for users, and _release.py pins every file's SHA-256 in the code,
which the loader checks: the data files and those only some features read
(PINNED_FILES: the map's shapes, made by scripts/make_shapes.py, the
list of changes, made by scripts/changes.py, and the alias table, made by
scripts/make_aliases.py, whose names index.txt holds too).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cattrs

from nato_relations._catalogue import Programme
from nato_relations._converter import file_converter
from nato_relations._dataset import _country_names
from nato_relations._index import line
from nato_relations._loader import PINNED_FILES
from nato_relations._model import Country, Event, Participation
from nato_relations._names import key
from nato_relations._records import Meta, RawData

SortKey = Callable[[Any], Any]


def _event_key(e: Event) -> tuple[Any, ...]:
    return (e.date.earliest, e.date.latest, e.country or "", e.programmes, e.kind.value, e.summary)


def _spell_key(p: Participation) -> tuple[Any, ...]:
    return (p.programme, p.country, p.start.earliest, p.start.latest)


FILES: dict[str, tuple[type, SortKey | None]] = {
    "countries.json": (Country, lambda c: c.alpha2),
    "events.json": (Event, _event_key),
    "meta.json": (Meta, None),
    "participations.json": (Participation, _spell_key),
    "programmes.json": (Programme, lambda p: p.code),
}


def canonical(name: str, text: str) -> str:
    """The canonical text of data file ``name`` whose current text is ``text``."""
    cls, sort_key = FILES[name]
    document = json.loads(text)
    if sort_key is None:
        plain = file_converter.unstructure(file_converter.structure(document, cls))
    else:
        records = file_converter.structure(document, tuple[cls, ...])  # type: ignore[valid-type]
        plain = file_converter.unstructure(sorted(records, key=sort_key))
    return json.dumps(plain, indent=2, ensure_ascii=False) + "\n"


def _elements(text: str) -> list[str]:
    """The top-level records of a canonical list file, each as written (indented by two spaces)."""
    plain = json.loads(text)
    elements = [textwrap.indent(json.dumps(item, indent=2, ensure_ascii=False), "  ") for item in plain]
    assert text == ("[\n" + ",\n".join(elements) + "\n]\n" if elements else "[]\n")
    return elements


def _slices(text: str) -> list[tuple[int, int]]:
    """The byte range of each top-level record of a canonical list file."""
    ranges, offset = [], len(b"[\n")
    for element in _elements(text):
        size = len(element.encode("utf-8"))
        ranges.append((offset, offset + size))
        offset += size + len(b",\n")
    return ranges


def aliases_text() -> str:
    """The text of data/aliases.json (written by scripts/make_aliases.py), or of an empty table."""
    path = Path(__file__).resolve().parent.parent / "src" / "nato_relations" / "data" / "aliases.json"
    return path.read_text(encoding="utf-8") if path.is_file() else '{"aliases": [], "ambiguous": []}'


def names(exact: dict[str, str], aliases: dict[str, Any], alpha2s: set[str]) -> dict[str, str]:
    """Each name key of the index and what it names: an alpha-2 code, or several comma-separated.

    ``exact`` maps the records' own names and codes to their countries;
    ``aliases`` is the alias table. A key two countries share, an alias a
    record's name contradicts and an alias of a country with no record are
    errors (:class:`ValueError`): the table must be regenerated.
    """
    table: dict[str, str] = {}
    for name, alpha2 in exact.items():
        if table.setdefault(key(name), alpha2) != alpha2:
            raise ValueError(f"the name {name!r} of {alpha2} has the key of a name of {table[key(name)]}")
    for alias in aliases["aliases"]:
        name, alpha2 = alias["name"], alias["country"]
        if alpha2 not in alpha2s:
            raise ValueError(f"the alias {name!r} names {alpha2}, which has no record: run scripts/make_aliases.py")
        if table.setdefault(key(name), alpha2) != alpha2:
            raise ValueError(f"the alias {name!r} of {alpha2} has the key of a name of {table[key(name)]}")
    for entry in aliases["ambiguous"]:
        name, candidates = entry["name"], [c for c in entry["countries"] if c in alpha2s]
        if key(name) in table:
            raise ValueError(f"{name!r} is declared ambiguous but names {table[key(name)]}")
        if len(candidates) > 1:
            table[key(name)] = ",".join(sorted(candidates))
    return table


def index(texts: dict[str, str]) -> str:
    """The text of index.txt for canonical ``texts``: names, who runs each programme, where records lie.

    The names are the records' own and those of the alias table (``texts["aliases.json"]``, by default
    the shipped one).
    """
    countries = file_converter.structure(json.loads(texts["countries.json"]), tuple[Country, ...])
    meta = Meta(as_of=datetime.date.min, sha256={})
    raw = RawData(meta=meta, countries=countries, programmes=(), participations=(), events=(), digests=())
    exact = {name: str(alpha2) for name, alpha2, _ in _country_names(raw)}
    records: dict[str, tuple[list[tuple[int, int]], ...]] = {
        c.alpha2: ([span], [], []) for c, span in zip(countries, _slices(texts["countries.json"]), strict=True)
    }
    for column, name in enumerate(("participations.json", "events.json"), start=1):
        for record, span in zip(json.loads(texts[name]), _slices(texts[name]), strict=True):
            if record["country"] is not None:
                records[record["country"]][column].append(span)
    aliases = json.loads(texts.get("aliases.json") or aliases_text())
    keys = names(exact, aliases, {c.alpha2 for c in countries})
    assert not any("\t" in name or "\n" in name for name in keys), "a name with a tab or newline"
    lines = [line("name", folded, alpha2) for folded, alpha2 in keys.items()]
    lines += [line("programme", p["code"], p["run_by"]) for p in json.loads(texts["programmes.json"])]
    lines += [
        line("spans", alpha2, *(",".join(f"{a}-{b}" for a, b in field) for field in fields))
        for alpha2, fields in records.items()
    ]
    return "\n".join(sorted(lines)) + "\n"


def canonical_release(texts: dict[str, str]) -> dict[str, str]:
    """Every file in canonical form, index.txt generated, meta.json recording the others' SHA-256."""
    result = {name: canonical(name, text) for name, text in texts.items() if name not in ("meta.json", "index.txt")}
    result["index.txt"] = index(result)
    meta = json.loads(texts["meta.json"])
    meta["sha256"] = {name: hashlib.sha256(text.encode("utf-8")).hexdigest() for name, text in sorted(result.items())}
    result["meta.json"] = canonical("meta.json", json.dumps(meta))
    return dict(sorted(result.items()))


def release_module(files: dict[str, bytes]) -> str:
    """The text of _release.py, pinning the SHA-256 of every data file in the package's code."""
    entries = "".join(f'    "{name}": "{hashlib.sha256(files[name]).hexdigest()}",\n' for name in sorted(files))
    return (
        '"""Generated by scripts/format_data.py: the SHA-256 of every data file of this release.\n\n'
        "Pinned in code, so that a data file edited together with meta.json (which lists them for\n"
        "users) is still caught.\n"
        '"""\n\nSHA256 = {\n' + entries + "}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report files that are not canonical; change nothing")
    args = parser.parse_args(argv)
    package = Path(__file__).resolve().parent.parent / "src" / "nato_relations"
    folder = package / "data"
    texts = {name: (folder / name).read_text(encoding="utf-8") for name in (*FILES, "index.txt")}
    try:
        new = canonical_release(texts)
    except cattrs.BaseValidationError as error:
        print("\n".join(cattrs.transform_error(error, path="data")), file=sys.stderr)
        return 1
    release = package / "_release.py"
    texts["../_release.py"] = release.read_text(encoding="utf-8") if release.is_file() else ""
    shipped = {name: new[name].encode("utf-8") for name in new if not name.startswith("..")}
    shipped.update({name: (folder / name).read_bytes() for name in PINNED_FILES})
    new["../_release.py"] = release_module(shipped)
    stale = [name for name in new if new[name] != texts[name]]
    if not args.check:
        for name in stale:
            (folder / name).write_text(new[name], encoding="utf-8")
    if stale:
        verb = "would be reformatted" if args.check else "reformatted"
        print(f"{verb}: {', '.join(stale)}", file=sys.stderr)
        return 1 if args.check else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
