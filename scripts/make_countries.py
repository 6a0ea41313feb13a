"""Generate the country universe in data/countries.json from maintained sources.

    python scripts/make_countries.py                      # ISO 3166 update only
    python scripts/make_countries.py --cow states2016.csv --gw gw_states.tsv --wikidata owid_codes.csv

Every ISO 3166-1 country (from pycountry, a development dependency) gets a
record, and so do the historical states listed in ``HISTORICAL`` (ISO 3166-3).
Fields a curator wrote (aliases, summaries, sources, validity dates,
successors) are kept; names and codes of new records come from pycountry,
their UN M49 region from country_converter's table. With the optional files
the state-system codes are rebuilt: ``--cow`` the Correlates of War State
System Membership list (``states2016.csv``), ``--gw`` the Gleditsch-Ward
list of independent states (tab-separated: code, abbreviation, name, start,
end as YYYY-MM-DD or DD:MM:YYYY), ``--wikidata`` a CSV with ``iso_alpha2``,
``cow_code`` and ``wikidata`` columns. Those files are read, never shipped:
the dataset keeps only each state's own codes and dates. Run
``scripts/format_data.py`` afterwards to sort, format and fingerprint.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import sys
from collections.abc import Iterable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "src" / "nato_relations" / "data" / "countries.json"
Record = dict[str, Any]
Day = datetime.date

#: Historical states with records of their own: ISO 3166-3 code -> names and region.
HISTORICAL: dict[str, Record] = {
    "SUHH": {"name": "Soviet Union", "official_name": "Union of Soviet Socialist Republics", "region": "Eastern Europe",
             "aliases": ["USSR", "Soviet Union", "Union of Soviet Socialist Republics"]},
    "CSHH": {"name": "Czechoslovakia", "official_name": "Czech and Slovak Federal Republic", "region": "Eastern Europe",
             "aliases": ["Czechoslovak Socialist Republic", "Czech and Slovak Federative Republic", "CSFR"]},
    "YUCS": {"name": "Yugoslavia", "official_name": "Federal Republic of Yugoslavia", "region": "Southern Europe",
             "aliases": ["SFRY", "Socialist Federal Republic of Yugoslavia", "FRY"]},
    "CSXX": {"name": "Serbia and Montenegro", "official_name": "Serbia and Montenegro", "region": "Southern Europe",
             "aliases": ["State Union of Serbia and Montenegro"]},
    "YDYE": {"name": "South Yemen", "official_name": "People's Democratic Republic of Yemen", "region": "Western Asia",
             "aliases": ["Yemen People's Republic", "People's Republic of Southern Yemen", "Democratic Yemen"],
             "successors": ["YE"],
             "notes": "COW and G-W 680 from independence on 30 November 1967 to 21 May 1990; Yemen (YE) succeeded "
                      "it on unification, which both lists date to 22 May 1990."},
    "DDDE": {"name": "German Democratic Republic", "official_name": "German Democratic Republic",
             "region": "Western Europe", "aliases": ["East Germany", "GDR", "DDR"]},
}  # fmt: skip

#: States of the COW or G-W list since 1949 that ISO 3166 never coded. Their keys are ``X`` and three letters:
#: ISO 3166-1 leaves every alpha-2 code beginning with X to its users, so no ISO 3166-1 code, and no ISO
#: 3166-3 code (which begins with the former alpha-2 code), can ever begin with X. Their lifetimes are their
#: periods in the lists (no ``valid_from``): the lists are their cited source.
UNCODED: dict[str, Record] = {
    "XRVN": {"alpha3": "XRV", "numeric": None, "name": "Republic of Vietnam", "official_name": "Republic of Vietnam",
             "region": "South-eastern Asia", "aliases": ["South Vietnam", "Vietnam, Republic of", "RVN"],
             "successors": ["VN"],
             "notes": "COW 817 from 4 June 1954, G-W 817 from 1 May 1954, both to 30 April 1975; Vietnam (VN, COW and "
                      "G-W 816, the Democratic Republic and its continuation) took its territory."},
    "XZAN": {"alpha3": "XZN", "numeric": None, "name": "Zanzibar", "official_name": "Zanzibar",
             "region": "Eastern Africa", "aliases": ["Sultanate of Zanzibar", "People's Republic of Zanzibar"],
             "successors": ["TZ"],
             "notes": "COW and G-W 511 from 19 December 1963 to 26 April 1964, when it united with Tanganyika; "
                      "Tanzania (TZ) succeeded both."},
    "XTBT": {"alpha3": "XTB", "numeric": None, "name": "Tibet", "official_name": "Tibet",
             "region": "Eastern Asia", "aliases": [], "successors": ["CN"],
             "notes": "G-W 711 from 1913 to 1 October 1950 (COW does not list it); China (CN) took its territory."},
}  # fmt: skip

#: Short names where ISO's is an inverted or list-style form.
SHORT_NAMES = {
    "CD": "Democratic Republic of the Congo",
    "FM": "Micronesia",
    "PS": "Palestine",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "United States Virgin Islands",
}

#: Codes held by several records in turn: (system, code) -> [(record, first day, last day)].
#: Outside these windows a code belongs to the record the code files map it to.
SHARED_CODES: dict[tuple[str, int], list[tuple[str, Day | None, Day | None]]] = {
    # COW and G-W both count the Soviet Union as Russia (365).
    ("cow", 365): [("SUHH", Day(1922, 12, 30), Day(1991, 12, 25)), ("RU", Day(1991, 12, 26), None)],
    ("gw", 365): [("SUHH", Day(1922, 12, 30), Day(1991, 12, 25)), ("RU", Day(1991, 12, 26), None)],
    # COW continues Yugoslavia (345) as Serbia; G-W ends it when Montenegro left and numbers Serbia 340.
    ("cow", 345): [
        ("YUCS", None, Day(2003, 2, 3)), ("CSXX", Day(2003, 2, 4), Day(2006, 6, 4)), ("RS", Day(2006, 6, 5), None),
    ],
    ("gw", 345): [("YUCS", None, Day(2003, 2, 3)), ("CSXX", Day(2003, 2, 4), Day(2006, 6, 4))],
    # The Papal States (to 1860) are not the Vatican City, whatever a crosswalk says.
    ("cow", 327): [],
    ("gw", 327): [],
}  # fmt: skip

#: Records the code files cannot name by ISO code (historical or unlisted), by system code.
EXTRA_CODES: dict[tuple[str, int], str] = {
    ("cow", 260): "DE",  # the German Federal Republic: Germany under its former name
    ("gw", 260): "DE",
    ("cow", 265): "DDDE",
    ("gw", 265): "DDDE",
    ("cow", 315): "CSHH",
    ("gw", 315): "CSHH",
    ("cow", 347): "XK",
    ("gw", 347): "XK",
    ("gw", 340): "RS",
    ("gw", 678): "YE",  # G-W number Yemen 678 throughout; COW gives unified Yemen 679
    # The Yemen Arab Republic is Yemen under an earlier COW code (as Germany holds 260, then 255): G-W
    # continues 678 through unification, and ISO 3166 kept YE for the unified state.
    ("cow", 678): "YE",
    ("cow", 680): "YDYE",
    ("gw", 680): "YDYE",
    ("cow", 817): "XRVN",
    ("gw", 817): "XRVN",
    ("cow", 511): "XZAN",
    ("gw", 511): "XZAN",
    ("gw", 711): "XTBT",
}


def _iso() -> Iterator[Record]:
    import pycountry

    regions = _regions()
    for entry in pycountry.countries:
        name = SHORT_NAMES.get(entry.alpha_2) or getattr(entry, "common_name", None) or entry.name
        yield {
            "alpha2": entry.alpha_2,
            "alpha3": entry.alpha_3,
            "numeric": entry.numeric,
            "name": name,
            "official_name": getattr(entry, "official_name", None) or entry.name,
            "region": regions.get(entry.alpha_2, "Unknown"),
            "aliases": [entry.name] if entry.name != name else [],
        }
    for entry in pycountry.historic_countries:
        if entry.alpha_4 in HISTORICAL:
            yield {"alpha2": entry.alpha_4, "alpha3": entry.alpha_3, "numeric": getattr(entry, "numeric", None)}


def _regions() -> dict[str, str]:
    """UN M49 (sub-)regions by alpha-2, from country_converter's table."""
    text = files("country_converter").joinpath("country_data.tsv").read_text(encoding="utf-8")
    return {row["ISO2"]: row["UNregion"] for row in csv.DictReader(text.splitlines(), delimiter="\t") if row["ISO2"]}


def _day(text: str) -> Day:
    if ":" in text:  # DD:MM:YYYY
        d, m, y = text.split(":")
        return Day(int(y), int(m), int(d))
    return Day.fromisoformat(text)


def _periods(path: Path, system: str) -> Iterator[tuple[int, Day, Day]]:
    """(code, first day, last day) of every membership period in a state-system list."""
    with path.open(encoding="utf-8", newline="") as handle:
        if system == "cow":
            for row in csv.DictReader(handle):
                start = Day(int(row["styear"]), int(row["stmonth"]), int(row["stday"]))
                end = Day(int(row["endyear"]), int(row["endmonth"]), int(row["endday"]))
                yield int(row["ccode"]), start, end
        else:
            for row in csv.DictReader(handle, delimiter="\t"):
                yield int(row["gwcode"]), _day(row["start"]), _day(row["end"])


def _memberships(
    periods: Iterable[tuple[int, Day, Day]], system: str, holder: dict[int, str], last_day: Day
) -> dict[str, list[Record]]:
    """Memberships by record; a period reaching the list's last day is open (``end`` None)."""
    found: dict[str, list[Record]] = {}
    for code, start, end in periods:
        if (system, code) in SHARED_CODES:
            windows = SHARED_CODES[system, code]
        else:
            windows = [(holder[code], None, None)] if code in holder else []
        for key, first, last in windows:
            lo, hi = max(start, first or start), min(end, last or end)
            if lo <= hi:
                open_end = hi == last_day and (last is None or last >= last_day)
                found.setdefault(key, []).append(
                    {
                        "system": system,
                        "code": code,
                        "start": lo.isoformat(),
                        "end": None if open_end else hi.isoformat(),
                    }
                )
    return found


def build(current: list[Record], cow: Path | None, gw: Path | None, wikidata: Path | None) -> list[Record]:
    """The new countries.json records: ``current`` updated from ISO and the code files."""
    by_key = {r["alpha2"]: r for r in current}
    for fresh in _iso():
        record = by_key.setdefault(fresh["alpha2"], {})
        for name, value in {**fresh, **HISTORICAL.get(fresh["alpha2"], {})}.items():
            record.setdefault(name, value)
        record["alpha3"], record["numeric"] = fresh["alpha3"], fresh["numeric"]
    for key, uncoded in UNCODED.items():
        record = by_key.setdefault(key, {"alpha2": key})
        for name, value in uncoded.items():
            record.setdefault(name, value)
    if wikidata is not None:
        with wikidata.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        qid = {row["iso_alpha2"]: row["wikidata"] for row in rows if row["iso_alpha2"] and row["wikidata"]}
        cow_holder = {int(row["cow_code"]): row["iso_alpha2"] for row in rows if row["iso_alpha2"] and row["cow_code"]}
        for key, record in by_key.items():
            record["wikidata"] = qid.get(key, record.get("wikidata"))
    else:  # without the crosswalk, each COW code stays with the record that holds it now
        cow_holder = {m["code"]: key for key, r in by_key.items() for m in r.get("systems", []) if m["system"] == "cow"}
    for system, path in (("cow", cow), ("gw", gw)):
        if path is None:
            continue
        periods = list(_periods(path, system))
        last_day = max(end for _, _, end in periods)
        holder = {**cow_holder, **{code: key for (s, code), key in EXTRA_CODES.items() if s == system}}
        if system == "gw":  # G-W numbers states as COW does, except where EXTRA_CODES and SHARED_CODES say
            holder = {code: key for code, key in holder.items() if (system, code) not in SHARED_CODES}
        memberships = _memberships(periods, system, holder, last_day)
        for key, record in by_key.items():
            others = [m for m in record.get("systems", []) if m["system"] != system]
            # The lists' own periods, day for day (not clipped to valid_from..valid_until): a look-up by code
            # on any day of a list's period finds the state.
            mine = sorted(memberships.get(key, []), key=lambda m: m["start"])
            record["systems"] = sorted(others + mine, key=lambda m: (m["system"], m["start"]))
            record[f"{system}_code"] = mine[-1]["code"] if mine else None
    return sorted(by_key.values(), key=lambda r: r["alpha2"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cow", type=Path, help="the COW state system membership list (CSV)")
    parser.add_argument("--gw", type=Path, help="the Gleditsch-Ward list of independent states (TSV)")
    parser.add_argument("--wikidata", type=Path, help="a CSV with iso_alpha2, cow_code and wikidata columns")
    args = parser.parse_args(argv)
    current = json.loads(DATA.read_text(encoding="utf-8"))
    records = build(current, args.cow, args.gw, args.wikidata)
    DATA.write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    unknown = [r["alpha2"] for r in records if r.get("region") == "Unknown"]
    print(f"make_countries: {len(records)} records; run scripts/format_data.py next", file=sys.stderr)
    if unknown:
        print(f"make_countries: no UN region for {', '.join(unknown)}; set it by hand", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
