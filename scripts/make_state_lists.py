"""Write tests/data/state_lists.json: the codes and periods of the COW and G-W lists since 1949, and nothing else.

    python scripts/make_state_lists.py --cow states2016.csv --gw gwstates.csv

The test of the panel's row counts (tests/test_state_lists.py) compares every year, system and rule with
these periods. Only codes and dates are kept, as facts with their source: the lists themselves (names,
abbreviations) are read, never shipped. G-W's microstates (``microstate`` TRUE in the R package's copy)
are left out: they are a separate list, and the dataset's G-W codes follow the list of independent states.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import sys
from collections.abc import Iterator
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "state_lists.json"
FIRST = datetime.date(1949, 1, 1)
Period = tuple[int, datetime.date, datetime.date]

SOURCES = {
    "cow": {
        "list": "Correlates of War Project, State System Membership List, v2016 (states2016.csv)",
        "copy_read": "https://github.com/vivekmithlesh/GSOC_MIC_TEST/blob/4c030038e038457e1c6e0fea1402bc05d4bb4af9/"
        "states2016.csv",
        "last_year": 2016,
    },
    "gw": {
        "list": "Gleditsch and Ward, A Revised List of Independent States since 1816, as the R package states ships "
        "it (gwstates), microstates left out",
        "copy_read": "https://github.com/Wangyin18/My-first-research-about-displacement-and-civil-conflict-self-"
        "practicing-only-/blob/282182eb858eca117b3e2d578d163cd37e385e30/gwstates.csv",
        "last_year": 2020,
    },
}


def _cow(path: Path) -> Iterator[Period]:
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            start = datetime.date(int(row["styear"]), int(row["stmonth"]), int(row["stday"]))
            end = datetime.date(int(row["endyear"]), int(row["endmonth"]), int(row["endday"]))
            yield int(row["ccode"]), start, end


def _day(text: str) -> datetime.date:
    if "/" in text:  # DD/MM/YYYY, as most rows of the copy write it
        day, month, year = text.split("/")
        return datetime.date(int(year), int(month), int(day))
    return datetime.date.fromisoformat(text)


def _gw(path: Path) -> Iterator[Period]:
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["microstate"] != "TRUE":
                yield int(row["gwcode"]), _day(row["start"]), _day(row["end"])


def lists(cow: Path, gw: Path) -> dict[str, dict[str, object]]:
    """The fixture: per system, its source and the periods (code, first day, last day or null) since 1949."""
    result: dict[str, dict[str, object]] = {}
    for system, periods in (("cow", _cow(cow)), ("gw", _gw(gw))):
        source = SOURCES[system]
        last = datetime.date(int(str(source["last_year"])), 12, 31)
        kept = sorted(
            (code, start.isoformat(), None if end >= last else end.isoformat())
            for code, start, end in periods
            if end >= FIRST
        )
        result[system] = {**source, "periods": kept}
    return result


def render(found: dict[str, dict[str, object]]) -> str:
    """The fixture as JSON with one period a line, so that a diff reads as changed periods."""
    parts = []
    for system, entry in found.items():
        head = {k: v for k, v in entry.items() if k != "periods"}
        lines = ",\n    ".join(json.dumps(list(p)) for p in entry["periods"])  # type: ignore[attr-defined]
        fields = "".join(f"    {json.dumps(k)}: {json.dumps(v)},\n" for k, v in head.items())
        parts.append(f'  {json.dumps(system)}: {{\n{fields}    "periods": [\n    {lines}\n    ]\n  }}')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cow", type=Path, required=True, help="states2016.csv")
    parser.add_argument("--gw", type=Path, required=True, help="the R package states' gwstates, as CSV")
    args = parser.parse_args(argv)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(render(lists(args.cow, args.gw)), encoding="utf-8")
    print(f"make_state_lists: wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
