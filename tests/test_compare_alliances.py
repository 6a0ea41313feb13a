"""scripts/compare_alliances.py on tiny COW and ATOP files: which member-years differ, and why."""

from __future__ import annotations

import datetime
from pathlib import Path

import nato_relations as nr

from .conftest import load_script

COW_HEADER = "version4id,ccode,state_name,year,version"
ATOP_HEADER = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,version"


def write(path: Path, header: str, rows: list[str]) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="latin-1")
    return path


def test_the_protocol_convention_is_the_documented_recipe() -> None:
    signed = load_script("compare_alliances").signed()
    assert len(signed) == len(nr.members())
    assert signed["USA"] == datetime.date(1949, 4, 4)  # the founders: the treaty's signature
    assert signed["GRC"] == datetime.date(1951, 10, 22)
    assert signed["DEU"] == datetime.date(1954, 10, 23)
    assert signed["SWE"] == datetime.date(2022, 7, 5)


def test_differences_and_their_reasons(tmp_path: Path) -> None:
    script = load_script("compare_alliances")
    cow = write(
        tmp_path / "cow.csv",
        COW_HEADER,
        [f"227,2,USA,{y},4.1" for y in range(1949, 1953)]
        + ["227,350,Greece,1951,4.1", "227,350,Greece,1952,4.1", "227,260,GFR,1954,4.1", "1,200,UK,1954,4.1"],
    )
    atop = write(
        tmp_path / "atop.csv",
        ATOP_HEADER,
        [
            "3180,2,1949,4,4,1951,6,19,4.01",
            "3180,2,1951,6,19,0,0,0,4.01",
            "3180,640,1951,10,22,0,0,0,4.01",
            "1005,200,1815,1,3,1954,2,8,4.01",
        ],
    )
    theirs, last, version = script.cow_years(cow)
    assert (last, version) == (1954, "4.1")
    assert (350, 1951) in theirs
    assert (200, 1954) not in theirs  # another alliance
    atop_theirs, atop_last, _ = script.atop_years(atop)
    assert atop_last == 1954
    assert {(2, y) for y in range(1949, 1955)} <= atop_theirs  # both phases, open to the file's last year
    panel = script.panel_years(1955)  # a year more, for the names of the states
    summary, rows = script.compare("COW 4.1", theirs, last, panel=panel)
    assert summary.startswith("| COW 4.1 | 1949-1954 | 7 |")
    expected = [
        "| COW 4.1 | 350 | Greece | 1951 | 1 | 0 | 1 | "
        "COW 4.1 counts from the signature of the accession protocol; the panel from accession |",
        "| COW 4.1 | 350 | Greece | 1953-1954 | 0 | 1 | 1 | "
        "COW 4.1 and the panel count different years for this state |",
        "| COW 4.1 | 640 | Türkiye | 1952-1954 | 0 | 1 | 1 | COW 4.1 records no NATO membership for this state |",
        "| COW 4.1 | 260 | Germany | 1954 | 1 | 0 | 0 | "
        "COW 4.1 counts the state in a year in which the COW state list (and so the panel) does not |",
    ]
    assert set(expected) <= set(rows)
    assert not any("| 2 | United States | 1952" in row for row in rows)  # agreed years are not listed
