"""Rewrite the shipped data files in their one canonical form, or check they are in it.

    python scripts/format_data.py          # rewrite in place
    python scripts/format_data.py --check  # exit 1 if any file would change

Records are structured with the package's cattrs file converter (so a
malformed record is reported by its path), unstructured in field order,
sorted by a stable key and written as two-space-indented UTF-8 JSON. A
diff between two releases then reads as a list of changed facts.
meta.json records each other file's SHA-256, which the loader checks.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cattrs

from nato_relations._converter import file_converter
from nato_relations._loader import CountryRecord, Meta
from nato_relations._model import Event, Participation, Programme

SortKey = Callable[[Any], Any]


def _event_key(e: Event) -> tuple[Any, ...]:
    return (e.date.earliest, e.date.latest, e.country or "", e.programme or "", e.kind.value, e.summary)


def _spell_key(p: Participation) -> tuple[Any, ...]:
    return (p.programme, p.country, p.start.earliest, p.start.latest)


FILES: dict[str, tuple[type, SortKey | None]] = {
    "countries.json": (CountryRecord, lambda c: c.alpha2),
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


def canonical_release(texts: dict[str, str]) -> dict[str, str]:
    """Every file in canonical form, with meta.json recording the others' SHA-256."""
    result = {name: canonical(name, text) for name, text in texts.items() if name != "meta.json"}
    meta = json.loads(texts["meta.json"])
    meta["sha256"] = {name: hashlib.sha256(text.encode("utf-8")).hexdigest() for name, text in sorted(result.items())}
    result["meta.json"] = canonical("meta.json", json.dumps(meta))
    return dict(sorted(result.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report files that are not canonical; change nothing")
    args = parser.parse_args(argv)
    folder = Path(__file__).resolve().parent.parent / "src" / "nato_relations" / "data"
    texts = {name: (folder / name).read_text(encoding="utf-8") for name in FILES}
    try:
        new = canonical_release(texts)
    except cattrs.BaseValidationError as error:
        print("\n".join(cattrs.transform_error(error, path="data")), file=sys.stderr)
        return 1
    stale = [name for name in FILES if new[name] != texts[name]]
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
