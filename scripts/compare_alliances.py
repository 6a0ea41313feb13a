"""Compare the panel's NATO member-years with COW Formal Alliances v4.1 and ATOP, year by year.

    python scripts/compare_alliances.py --cow alliance_v4.1_by_member_yearly.csv --atop atop-member-level.csv

``--cow`` is the Correlates of War Formal Alliances v4.1 member-year file
(``alliance_v4.1_by_member_yearly.csv``); ``--atop`` an ATOP member-level file
(``atop5_1m.csv``, or ATOP 4.01's ``atop4_01m.csv``). Both are read, never
shipped: the script writes only the comparison, into the section of
docs/panels.md between its markers (``--check`` fails if that section is stale
instead of writing it). NATO is alliance 227 in COW v4.1 and 3180 in ATOP.

A member-year is a COW state code and a year in which the dataset counts the
state in NATO on any day, against the panel's ``nato`` column under the rule
``any`` (membership from accession), and against the protocol convention of
docs/panels.md (membership from the signature of the accession protocol, and
for the founders from the treaty's signature). Only the years each file covers
are compared.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import sys
from pathlib import Path

import nato_relations as nr

DOCS = Path(__file__).resolve().parent.parent / "docs" / "panels.md"
START, END = "<!-- compare_alliances:start -->", "<!-- compare_alliances:end -->"
COW_NATO, ATOP_NATO = "227", "3180"
FIRST_YEAR = 1949

Years = set[tuple[int, int]]  # (COW code, year)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="latin-1") as file:
        return list(csv.DictReader(file))


def cow_years(path: Path) -> tuple[Years, int, str]:
    """NATO's member-years in a COW v4.1 member-year file, the last year it covers and its version."""
    rows = _rows(path)
    last = max(int(r["year"]) for r in rows)
    versions = {r["version"] for r in rows}
    nato = {(int(r["ccode"]), int(r["year"])) for r in rows if r["version4id"] == COW_NATO}
    return {(c, y) for c, y in nato if y >= FIRST_YEAR}, last, "/".join(sorted(versions))


def atop_years(path: Path) -> tuple[Years, int, str]:
    """NATO's member-years in an ATOP member-level file (every phase), the last year it covers and its version."""
    rows = _rows(path)
    last = max(max(int(r["yrent"]), int(r["yrexit"] or 0)) for r in rows)
    versions = {r["version"] for r in rows if r.get("version")}
    found: Years = set()
    for r in rows:
        if r["atopid"] != ATOP_NATO:
            continue
        exit_year = int(r["yrexit"] or 0) or last
        found |= {(int(r["member"]), year) for year in range(int(r["yrent"]), exit_year + 1)}
    return found, last, "/".join(sorted(versions))


def signed() -> dict[str, datetime.date]:
    """The protocol convention of docs/panels.md: each member's alpha-3 code and the day its accession protocol
    was signed (for the founders, the day they signed the treaty)."""
    treaty = nr.events(programme="NATO", kind="signature")[0].date.earliest
    days = {c.alpha3: treaty for c in nr.members(on="1949-08-24")}
    protocols = nr.events(programme="NATO", kind="protocol")
    return days | {nr.get_country(e.country).alpha3: e.date.earliest for e in protocols if e.country is not None}


def panel_years(last: int) -> tuple[Years, Years, Years, dict[int, str]]:
    """The panel's state-years, its member-years (rule ``any``), those of the protocol convention, and each
    COW code's name."""
    protocols = signed()
    accession: Years = set()
    protocol: Years = set()
    names: dict[int, str] = {}
    present: Years = set()
    for row in nr.panel(system="cow", rule="any", end=last).records():
        key = (int(str(row["ccode"])), int(str(row["year"])))
        names.setdefault(key[0], str(row["country"]))
        present.add(key)
        if row["nato"] == 1:
            accession.add(key)
        day = protocols.get(str(row["iso3"]))
        if day is not None and day.year <= key[1]:
            protocol.add(key)
    return present, accession, protocol, names


def _why(dataset: str, values: tuple[bool, bool, bool], *, present: bool, known: bool) -> str:
    """Why ``dataset`` differs from the panel (or from the protocol convention) on a member-year.

    ``values``: whether the dataset, the panel and the protocol convention count the member-year;
    ``present``: whether the panel has a row for the state that year; ``known``: whether the dataset has
    any NATO member-year for the state.
    """
    theirs, accession, protocol = values
    if not present:
        return f"{dataset} counts the state in a year in which the COW state list (and so the panel) does not"
    if not known:
        return f"{dataset} records no NATO membership for this state"
    if theirs and protocol and not accession:
        return f"{dataset} counts from the signature of the accession protocol; the panel from accession"
    if not theirs and protocol and not accession:
        return f"{dataset} counts this state from accession, not from the protocol's signature"
    return f"{dataset} and the panel count different years for this state"


def compare(
    dataset: str, theirs: Years, last: int, *, panel: tuple[Years, Years, Years, dict[int, str]]
) -> tuple[str, list[str]]:
    """The summary row and the difference rows of one dataset against the panel, over the years it covers."""
    present, accession, protocol, names = panel
    known = {code for code, _ in theirs}
    ours = {k for k in accession if k[1] <= last}
    mine = {k for k in protocol if k[1] <= last}
    keys = sorted((theirs ^ ours) | (theirs ^ mine))
    groups: list[tuple[int, int, int, str]] = []  # code, first year, last year, the values and why
    for code, year in keys:
        values = ((code, year) in theirs, (code, year) in ours, (code, year) in mine)
        why = _why(dataset, values, present=(code, year) in present, known=code in known)
        said = f"{int(values[0])} | {int(values[1])} | {int(values[2])} | {why}"
        if groups and groups[-1][0] == code and groups[-1][2] == year - 1 and groups[-1][3] == said:
            groups[-1] = (code, groups[-1][1], year, said)
        else:
            groups.append((code, year, year, said))
    rows = [
        f"| {dataset} | {code} | {names.get(code, '?')} | {first if first == end else f'{first}-{end}'} | {said} |"
        for code, first, end, said in groups
    ]
    summary = (
        f"| {dataset} | {FIRST_YEAR}-{last} | {len(theirs)} | {len(ours)} | {len(theirs & ours)} | "
        f"{len(theirs ^ ours)} | {len(mine)} | {len(theirs & mine)} | {len(theirs ^ mine)} |"
    )
    return summary, rows


def section(cow: tuple[Years, int, str], atop: tuple[Years, int, str], cow_copy: str, atop_copy: str) -> str:
    """The markdown written between the markers of docs/panels.md."""
    panel = panel_years(max(cow[1], atop[1]))
    summaries, rows = [], []
    for label, (theirs, last, _) in ((f"COW {cow[2]}", cow), (f"ATOP {atop[2]}", atop)):
        summary, found = compare(label, theirs, last, panel=panel)
        summaries.append(summary)
        rows += found
    lines = [
        START,
        "",
        f"Made by `scripts/compare_alliances.py` from nato-relations {nr.dataset_info().version} "
        f"(as of {nr.dataset_info().as_of}); COW file read: {cow_copy}; ATOP file read: {atop_copy}.",
        "",
        "| dataset | years | its member-years | panel's (accession) | both | differ | protocol convention's"
        " | both | differ |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *summaries,
        "",
        "Every member-year on which a dataset differs from the panel's `nato` column (rule `any`) or from the",
        "protocol convention above (1 = a member that year):",
        "",
        "| dataset | ccode | state | years | dataset | panel | protocol convention | why |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        *rows,
        "",
        END,
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cow", type=Path, required=True, help="COW v4.1 alliance_v4.1_by_member_yearly.csv")
    parser.add_argument("--atop", type=Path, required=True, help="ATOP member-level CSV")
    parser.add_argument("--cow-copy", default="", help="where the COW file was read (cited in the docs)")
    parser.add_argument("--atop-copy", default="", help="where the ATOP file was read (cited in the docs)")
    parser.add_argument("--check", action="store_true", help="fail if docs/panels.md is stale instead of writing")
    args = parser.parse_args(argv)
    text = section(
        cow_years(args.cow), atop_years(args.atop), args.cow_copy or str(args.cow), args.atop_copy or str(args.atop)
    )
    page = DOCS.read_text(encoding="utf-8")
    before, rest = page.split(START, 1)
    after = rest.split(END, 1)[1]
    updated = before + text + after
    if args.check:
        if updated != page:
            print("docs/panels.md: the comparison is stale; run scripts/compare_alliances.py", file=sys.stderr)
            return 1
        return 0
    DOCS.write_text(updated, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
