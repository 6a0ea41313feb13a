"""Generate the alias table (src/nato_relations/data/aliases.json) from the research lists' own spellings.

    python scripts/make_aliases.py [--sources DIR] [--report]
    python scripts/format_data.py          # then: the index and the SHA-256 pins

Reads local copies of the country lists that research and statistical
datasets print (COW, Gleditsch-Ward, Polity5, V-Dem, UCDP/PRIO, World
Bank WDI, UN M49, IMF IFS, Eurostat) from ``--sources`` (default
/work/research/names-src; the lists are read, never shipped: see
docs/data.md for each publisher, version and the copy read), ISO 3166-1
and the renamed states of ISO 3166-3 through pycountry, and the common
English and former names curated below.

Each name of a list is resolved first as the package resolves it from the
records alone (their names, aliases and codes, by :func:`key` and part by
part). A name that does not resolve is given the country its list's own
code names (COW or G-W code and period, ISO alpha-3, Eurostat code), or
else the country curated in ``CURATED``; a code shared by several records
over the list's period makes the name ambiguous. The table keeps, per
alias, the lists that print it (its origins). A name that the records'
own resolution gives a different country than its list's code is a
conflict: the script stops. Names of states with no record yet are
skipped with a message (``PENDING``); names of states the dataset does
not cover (Hanover, Abkhazia) and aggregates (World, Euro area) are
reported, not added.

``--report`` prints, per list, how many of its names resolve before (the
2026.12.0 resolution: exact, case- and accent-folded names only) and after
(with the table), and lists those left ambiguous or unknown.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from nato_relations._names import key, resolve

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "nato_relations" / "data"
Row = tuple[str, Callable[[dict[str, Any]], frozenset[str]] | None]  # a name, and what its code names

#: The lists read: id -> (publisher, title and version, the copy read, file in --sources).
SOURCES: dict[str, tuple[str, str, str, str]] = {
    "cow": (
        "Correlates of War Project",
        "State System Membership List, v2016 (states2016.csv)",
        "github.com/vivekmithlesh/GSOC_MIC_TEST, states2016.csv at e753a805",
        "cow-states2016.csv",
    ),
    "gw": (
        "Gleditsch and Ward",
        "A Revised List of Independent States since 1816 (as the R package states ships it, gwstates)",
        "github.com/Wangyin18/My-first-research-about-displacement-and-civil-conflict-self-practicing-only-, "
        "gwstates.csv at 282182eb",
        "gw-gwstates.csv",
    ),
    "polity5": (
        "Center for Systemic Peace",
        "Polity5 Annual Time-Series, 1946-2018 (p5v2018)",
        "github.com/gabrielle-beaulieu/political_economy_popleaders_replication, p5v2018.csv at 42024ac1",
        "polity5-p5v2018.csv",
    ),
    "vdem": (
        "V-Dem Institute",
        "V-Dem Country-Year dataset v12 (country_name)",
        "github.com/gabrielle-beaulieu/political_economy_popleaders_replication, V_Dem_CY_Full_Others_v12.csv "
        "at 42024ac1",
        "src-V_Dem_CY_Full_Others_v12.csv",
    ),
    "ucdp": (
        "Uppsala Conflict Data Program and PRIO",
        "UCDP/PRIO Armed Conflict Dataset 20.1 (location, gwno_loc)",
        "github.com/Wangyin18/My-first-research-about-displacement-and-civil-conflict-self-practicing-only-, "
        "ucdp-prio-acd-201.csv at 282182eb",
        "ucdp-prio-acd-201.csv",
    ),
    "wdi": (
        "World Bank",
        "World Development Indicators, DataBank extract (Country Name)",
        "github.com/gabrielle-beaulieu/political_economy_popleaders_replication, WDI_Extract_CO.csv at 42024ac1",
        "src-WDI_Extract_CO.csv",
    ),
    "m49": (
        "United Nations Statistics Division",
        "Standard country or area codes for statistical use (M49), overview table",
        "github.com/dfnd/countrycodes, 'UNSD — Methodology.csv' at 49479a15",
        "unsd-m49.csv",
    ),
    "imf": (
        "International Monetary Fund",
        "International Financial Statistics, extract of 2019-05-08 (country)",
        "github.com/gabrielle-beaulieu/political_economy_popleaders_replication, "
        "IFS_05_08_2019_14_21_40_26.csv at 42024ac1",
        "src-IFS_05_08_2019_14_21_40_26.csv",
    ),
    "eurostat": (
        "Eurostat",
        "Statistics Explained, Glossary:Country codes (part shown in the stored copy)",
        "stored copy of ec.europa.eu/eurostat/statistics-explained/index.php?title=Glossary%3AProtocol_order, "
        "transcribed to eurostat-glossary-country-codes.tsv",
        "eurostat-glossary-country-codes.tsv",
    ),
    "iso3166-1": ("ISO", "ISO 3166-1 short, official and common names, through pycountry", "pycountry", ""),
    "iso3166-3": ("ISO", "ISO 3166-3 former country names (renamed states only), through pycountry", "pycountry", ""),
    "common": ("this project", "common English and former names, curated in scripts/make_aliases.py", "", ""),
}

#: Names the lists print with no code, or whose code names no record, and the country each names (curated).
CURATED = {
    # World Bank WDI
    "Congo, Dem. Rep.": "CD", "Congo, Rep.": "CG", "Egypt, Arab Rep.": "EG", "Hong Kong SAR, China": "HK",
    "Iran, Islamic Rep.": "IR", "Korea, Dem. People's Rep.": "KP", "Lao PDR": "LA", "Macao SAR, China": "MO",
    "Micronesia, Fed. Sts.": "FM", "Venezuela, RB": "VE", "Virgin Islands (U.S.)": "VI", "West Bank and Gaza": "PS",
    "Yemen, Rep.": "YE", "Turkiye": "TR", "Curacao": "CW", "St. Martin (French part)": "MF",
    "British Virgin Islands": "VG", "Bahamas, The": "BS", "Gambia, The": "GM",
    # IMF IFS
    "China, P.R.: Hong Kong": "HK", "China, P.R.: Macao": "MO", "China, P.R.: Mainland": "CN",
    "Taiwan Province of China": "TW", "Venezuela, Republica Bolivariana de": "VE",
    "Timor-Leste, Dem. Rep. of": "TL", "Congo, Democratic Republic of": "CD", "Congo, Republic of": "CG",
    "Yemen, Republic of": "YE", "Lao People's Democratic Republic": "LA", "Serbia, Republic of": "RS",
    "Kosovo, Republic of": "XK", "São Tomé and Príncipe, Democratic Republic of": "ST",
    "Micronesia, Federated States of": "FM", "Eswatini, Kingdom of": "SZ", "Swaziland": "SZ",
    "Curaçao, Kingdom of the Netherlands": "CW", "Aruba, Kingdom of the Netherlands": "AW",
    "Sint Maarten, Kingdom of the Netherlands": "SX", "Sint Maarten": "SX", "Yugoslavia, SFR": "YUCS",
    "French Territories: French Polynesia": "PF", "French Territories: New Caledonia": "NC",
    # Polity5 and V-Dem
    "Congo Brazzaville": "CG", "Congo Kinshasa": "CD", "Congo-Brazzaville": "CG", "Congo-Kinshasa": "CD",
    "Korea North": "KP", "Korea South": "KR", "Germany West": "DE", "Germany East": "DDDE", "UAE": "AE",
    "USSR": "SUHH", "Timor Leste": "TL", "Bosnia": "BA", "Slovak Republic": "SK", "Vietnam North": "VN",
    "Sudan-North": "SD", "Burma/Myanmar": "MM", "Republic of the Congo": "CG", "Ivory Coast": "CI",
    "The Gambia": "GM", "Palestine/West Bank": "PS", "Palestine/Gaza": "PS", "Macedonia": "MK",
    "Cape Verde": "CV", "East Timor": "TL", "Zaire": "CD", "Burma": "MM", "Myanmar (Burma)": "MM",
    # the Gleditsch-Ward list's former names in parentheses and after slashes
    "Persia": "IR", "Ottoman Empire": "TR", "Rumania": "RO", "Surinam": "SR", "Upper Volta": "BF",
    "Dahomey": "BJ", "Ceylon": "LK", "Kampuchea": "KH", "Malagasy": "MG", "Rhodesia": "ZW",
    "Tanganyika": "TZ", "Western Samoa": "WS", "Germany (Prussia)": "DE", "Italy/Sardinia": "IT",
    "Korea, People's Republic of": "KP", "Vietnam, Democratic Republic of": "VN",
    "Democratic Republic of Vietnam": "VN", "North Vietnam": "VN",
    # common English usage and former names
    "Holy See": "VA", "Vatican": "VA", "Vatican City": "VA", "Czech Republic": "CZ", "Turkey": "TR",
    "DRC": "CD", "DR Congo": "CD", "Congo (Kinshasa)": "CD", "Congo (Brazzaville)": "CG",
    "Brunei": "BN", "Laos": "LA", "Russian Federation": "RU", "Macau": "MO",
    "Micronesia": "FM", "Palestine": "PS", "Syria": "SY", "Siam": "TH", "Zaire (Congo-Kinshasa)": "CD",
    "Great Britain": "GB", "U.S.": "US", "United States of America": "US", "Cabo Verde": "CV",
    "Eswatini (Swaziland)": "SZ", "Federal Republic of Germany": "DE",
    "North Macedonia (FYROM)": "MK", "Kirghizia": "KG", "Byelorussia": "BY", "Soviet Union": "SUHH",
    "Bosnia-Herzegovina": "BA", "Sao Tome": "ST", "St. Kitts": "KN", "St. Vincent": "VC",
    "Vietnam": "VN", "South Korea": "KR", "North Korea": "KP", "Czechia": "CZ", "Türkiye": "TR",
    "Taiwan ROC": "TW", "Hong Kong SAR": "HK", "Macau SAR": "MO", "Macao SAR": "MO", "DPRK": "KP", "ROK": "KR",
    "Korea DPR": "KP", "Korea, Dem. Rep.": "KP", "Socialist Republic of Vietnam": "VN", "Macedonia, FYR": "MK",
    "Vatican City State": "VA", "Falkland Islands": "FK", "Libyan Arab Jamahiriya": "LY",
    "Kosovo (under UNSCR 1244)": "XK", "Kosovo (under UNSC res. 1244)": "XK",
}  # fmt: skip
#: Names that several countries answer to: no country is chosen; each is suggested.
AMBIGUOUS = {
    "Korea": ("KP", "KR"),  # COW and G-W 730, the Korean Empire until 1905/1910: neither Korea of today
    "Virgin Islands": ("VG", "VI"),
    "Saint Martin": ("MF", "SX"),
    "Russia (Soviet Union)": ("RU", "SUHH"),  # G-W's one name for 365 from 1816 on
    "Congo, Democratic Republic of (Zaire)": ("CD",),  # (one country: kept here so the G-W code need not be read)
}
#: Names of states whose records are being added (issue 19, section 2): the code their record will hold, whatever
#: its key ("cow:678": the Yemen Arab Republic, a state of its own or Yemen under its earlier COW code).
PENDING = {
    "Yemen Arab Republic": "cow:678", "Yemen North": "cow:678", "North Yemen": "cow:678", "Yemen Arab Rep.": "cow:678",
    "Yemen (Arab Republic of Yemen)": "gw:678", "Yemen People's Republic": "cow:680", "Yemen, P.D. Rep.": "cow:680",
    "Yemen, People's Republic of": "gw:680", "South Yemen": "cow:680", "Yemen South": "cow:680",
    "Republic of Vietnam": "cow:817", "Vietnam, Republic of": "gw:817", "South Vietnam": "cow:817",
    "Vietnam South": "cow:817", "Zanzibar": "cow:511", "Tibet": "gw:711",
}  # fmt: skip
#: ISO 3166-3 entries that renamed a state (not territories merged into another): 4-letter code -> record.
ISO_RENAMED = {"BUMM": "MM", "ZRCD": "CD", "TPTL": "TL", "HVBF": "BF", "DHBJ": "BJ", "NHVU": "VU", "RHZW": "ZW",
               "BYAA": "BY", "AIDJ": "DJ", "VDVN": "VN"}  # fmt: skip
#: Parts of names that mark an aggregate, not a country (World Bank and IMF lists).
AGGREGATE_WORDS = (
    "World", "income", "IDA", "IBRD", " area", "Euro", "dividend", "small states", "members", "Fragile",
    "indebted", "Least developed", "Latin America", "Middle East", "North America", "South Asia", "Sub-Saharan",
    "East Asia", "Arab World", "European Union", "Central Europe and the Baltics", "Not classified", "Africa ",
    "Advanced Economies", "Emerging", "Developing", "Western Hemisphere", "CIS", "Caribbean",
)  # fmt: skip


def _old_key(text: str) -> str:
    """The look-up key of 2026.12.0 (case, accents and spaces folded), for the "before" figures."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().split())


def _day(text: str) -> datetime.date:
    text = text.strip()
    if "/" in text:
        d, m, y = text.split("/")
        return datetime.date(min(int(y), 9999), int(m), int(d))
    return datetime.date.fromisoformat(text)


def _holders(
    system: str, code: int, start: datetime.date, end: datetime.date
) -> Callable[[dict[str, Any]], frozenset[str]]:
    """The records that held ``code`` of ``system`` on some day of ``start..end``."""

    def found(records: dict[str, Any]) -> frozenset[str]:
        return frozenset(
            alpha2
            for alpha2, c in records.items()
            for m in c["systems"]
            if m["system"] == system
            and m["code"] == code
            and datetime.date.fromisoformat(m["start"]) <= end
            and start <= (datetime.date.max if m["end"] is None else datetime.date.fromisoformat(m["end"]))
        )

    return found


def _by_field(field: str, value: str) -> Callable[[dict[str, Any]], frozenset[str]]:
    return lambda records: frozenset(a for a, c in records.items() if c[field] == value)


def _unmangled(text: str) -> str:
    """``text`` as first written, if a copy decoded its UTF-8 as Latin-1 once ("CuraÃ§ao" -> "Curaçao")."""
    try:
        return text.encode("cp1252").decode("utf-8") if "Ã" in text else text
    except UnicodeError:
        return text


def _csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        yield from csv.DictReader(handle)


def rows(source: str, folder: Path) -> list[Row]:
    """The names list ``source`` prints, each with what its own code names (``None``: no code)."""
    path = folder / SOURCES[source][3]
    found: list[Row] = []
    if source == "cow":
        for r in _csv(path):
            start = datetime.date(int(r["styear"]), int(r["stmonth"]), int(r["stday"]))
            end = datetime.date(int(r["endyear"]), int(r["endmonth"]), int(r["endday"]))
            found.append((r["statenme"], _holders("cow", int(r["ccode"]), start, end)))
    elif source == "gw":
        for r in _csv(path):
            found.append((r["country_name"], _holders("gw", int(r["gwcode"]), _day(r["start"]), _day(r["end"]))))
    elif source == "ucdp":
        for r in _csv(path):
            year = int(r["year"])
            first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
            names, codes = r["location"].split(", "), r["gwno_loc"].split(", ")
            # Several locations list their codes in another order: a code is read only for a lone location.
            for name in names:
                found.append((name, _holders("gw", int(codes[0]), first, last) if len(names) == 1 else None))
    elif source == "m49":
        found = [(r["Country or Area"], _by_field("alpha3", r["ISO-alpha3 Code"])) for r in _csv(path)]
    elif source == "eurostat":
        for text in path.read_text(encoding="utf-8").splitlines():
            if text and not text.startswith("#"):
                name, code = text.split("\t")
                found.append((name, _by_field("alpha2", {"EL": "GR", "UK": "GB"}.get(code, code))))
    else:
        column = {"polity5": "country", "vdem": "country_name", "wdi": "Country Name", "imf": "country"}[source]
        found = [(_unmangled(r[column]), None) for r in _csv(path)]
    return list(dict(reversed(found)).items())[::-1] if source in ("polity5", "vdem", "wdi", "imf") else _merge(found)


def _merge(found: list[Row]) -> list[Row]:
    """One row per name: what its codes name over all its rows."""
    merged: dict[str, list[Callable[[dict[str, Any]], frozenset[str]]]] = {}
    for name, named in found:
        merged.setdefault(name, []).extend([named] if named else [])
    return [(name, _union(fs)) for name, fs in merged.items()]


def _union(fs: list[Callable[[dict[str, Any]], frozenset[str]]]) -> Callable[[dict[str, Any]], frozenset[str]]:
    return lambda records: frozenset().union(*(f(records) for f in fs))


def pending_target(target: str, records: dict[str, Any]) -> tuple[str, ...]:
    """The records a pending name names: its key, or every record that holds its code (the code itself if none)."""
    if ":" not in target:
        return (target,)
    system, _, code = target.partition(":")
    held = tuple(
        a for a, c in records.items() for m in c["systems"] if m["system"] == system and m["code"] == int(code)
    )
    return held or (target,)


def iso_rows() -> Iterator[tuple[str, str, str]]:
    """(name, country, origin) for ISO 3166-1 names and renamed ISO 3166-3 states, through pycountry."""
    import pycountry

    for c in pycountry.countries:
        for field in ("name", "official_name", "common_name"):
            if getattr(c, field, None):
                yield getattr(c, field), c.alpha_2, "iso3166-1"
    for h in pycountry.historic_countries:
        yield (
            h.name,
            ISO_RENAMED.get(h.alpha_4, h.alpha_4),
            "iso3166-3",
        )  # a former state's own code, if it has a record


class Resolver:
    """Names resolved as the package resolves them: records' names and codes, then the table."""

    def __init__(self, records: dict[str, Any]) -> None:
        self.records = records
        self.own: dict[str, str] = {}
        for alpha2, c in records.items():
            codes = [alpha2, c["alpha3"], *([c["wikidata"]] if c["wikidata"] else [])]
            for name in (*codes, c["name"], c["official_name"], *c["aliases"]):
                self.own[key(name)] = alpha2
        self.old = {
            _old_key(n): a
            for a, c in records.items()
            for n in (a, c["alpha3"], c["name"], c["official_name"], *c["aliases"])
        }
        self.table: dict[str, tuple[str, ...]] = {}

    def before(self, name: str) -> bool:
        return _old_key(name) in self.old

    def find(self, name_key: str, table: bool = True) -> tuple[str, ...]:
        if name_key in self.own:
            return (self.own[name_key],)
        return self.table.get(name_key, ()) if table else ()

    def resolve(self, name: str, table: bool = True) -> tuple[str, ...]:
        return resolve(name, lambda k: self.find(k, table))


AllRows = list[tuple[str, str, Callable[[dict[str, Any]], frozenset[str]] | str | None]]


class Collector:
    """The aliases and ambiguous names found so far, each with its origins; names of records not made yet apart."""

    def __init__(self, records: dict[str, Any]) -> None:
        self.records = records
        self.aliases: dict[str, tuple[str, set[str]]] = {}  # name -> (country, origins)
        self.ambiguous: dict[str, tuple[tuple[str, ...], set[str]]] = {}
        self.pending: set[str] = set()

    def add(self, name: str, target: Iterable[str], origin: str) -> None:
        """Record that list ``origin`` prints ``name`` for ``target`` (several countries: ambiguous)."""
        found = tuple(sorted(set(target)))
        if any(t not in self.records for t in found):
            self.pending.add(f"{name} -> {', '.join(found)}")
        elif len(found) > 1:
            self.ambiguous.setdefault(name, (found, set()))[1].add(origin)
        elif name not in self.ambiguous:
            country, origins = self.aliases.setdefault(name, (found[0], set()))
            if country != found[0]:
                raise SystemExit(f"make_aliases: {name!r} names {country} and {found[0]} ({origin})")
            origins.add(origin)


def all_rows(folder: Path) -> AllRows:
    """Every name of every list, with its origin and what its code names (a record's key for ISO)."""
    found: AllRows = []
    for source in SOURCES:
        if not source.startswith("iso") and source != "common":
            found.extend((source, name, named) for name, named in rows(source, folder))
    found += [(origin, name, country) for name, country, origin in iso_rows()]
    return found


def classify(collector: Collector, resolver: Resolver, source: str, name: str, named: Any) -> None:
    """Add the name ``name`` of list ``source`` to the table if the records do not already resolve it."""
    records = collector.records
    if isinstance(named, str):  # ISO: a code of a record, or of a former state with no record (not covered)
        if named not in records:
            return
        coded = frozenset([named])
    else:
        coded = named(records) if named else frozenset()
    if name in PENDING:
        collector.add(name, pending_target(PENDING[name], records), source)
    elif name in AMBIGUOUS:
        collector.add(name, AMBIGUOUS[name], source)
    elif len(own := resolver.resolve(name, table=False)) == 1:
        if coded and own[0] not in coded and source != "ucdp":  # UCDP's codes of several locations are unordered
            raise SystemExit(f"make_aliases: {source} {name!r}: its code names {sorted(coded)}, its name {own[0]}")
    elif name in CURATED:
        collector.add(name, (CURATED[name],), source)
    elif coded:
        collector.add(name, coded, source)


def assemble(collector: Collector, resolver: Resolver, rows_read: AllRows) -> dict[str, Any]:
    """The table: aliases the records do not already resolve (one that contradicts them is an error)."""
    table: dict[str, Any] = {
        "sources": {sid: {"publisher": p, "title": t, "copy": c} for sid, (p, t, c, _) in sorted(SOURCES.items())},
        "aliases": [],
        "ambiguous": [],
    }
    seen: dict[str, str] = {}
    for name, (country, origins) in sorted(collector.aliases.items()):
        k = key(name)
        if k in resolver.own:
            if resolver.own[k] != country:
                raise SystemExit(f"make_aliases: {name!r} ({country}) has the key of a name of {resolver.own[k]}")
            continue
        if seen.setdefault(k, country) != country:
            raise SystemExit(f"make_aliases: {name!r} ({country}) has the key of an alias of {seen[k]}")
        table["aliases"].append({"name": name, "country": country, "origins": sorted(origins)})
        resolver.table[k] = (country,)
    for name, (countries, origins) in sorted(collector.ambiguous.items()):
        if key(name) in resolver.own or key(name) in seen:
            raise SystemExit(f"make_aliases: {name!r} is declared ambiguous but names a country")
        table["ambiguous"].append({"name": name, "countries": list(countries), "origins": sorted(origins)})
        resolver.table[key(name)] = countries
    # A list that prints an alias in another spelling of the same key is one of its origins too.
    by_key = {key(e["name"]): e for e in (*table["aliases"], *table["ambiguous"])}
    for source, name, _ in rows_read:
        entry = by_key.get(key(name))
        if entry is not None and source not in entry["origins"] and not resolver.resolve(name, table=False):
            entry["origins"] = sorted({*entry["origins"], source})
    return table


def build(folder: Path, records: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[tuple[str, str]]], Resolver]:
    """The alias table, and per list its names (for the report) and the resolver that uses the table."""
    resolver = Resolver(records)
    collector = Collector(records)
    for name, target in AMBIGUOUS.items():
        collector.add(name, target, "common")
    rows_read = all_rows(folder)
    listed: dict[str, list[tuple[str, str]]] = {}
    for source, name, named in rows_read:
        listed.setdefault(source, []).append((name, ""))
        classify(collector, resolver, source, name, named)
    for name, country in CURATED.items():
        if resolver.resolve(name, table=False) != (country,) and name not in collector.aliases:
            collector.add(name, (country,), "common")
    for name in sorted(collector.pending):
        print(f"make_aliases: pending, no record yet: {name}", file=sys.stderr)
    return assemble(collector, resolver, rows_read), listed, resolver


def report(listed: dict[str, list[tuple[str, str]]], resolver: Resolver, aggregates: bool = False) -> Iterator[str]:
    """Per list: names, resolved before and after, and those ambiguous or unknown."""
    yield "| list | names | before | after | ambiguous | unknown (aggregates apart) |"
    yield "| --- | --- | --- | --- | --- | --- |"
    details = []
    for source, names in listed.items():
        unique = sorted({n for n, _ in names})
        before = sum(resolver.before(n) for n in unique)
        after = [resolver.resolve(n) for n in unique]
        amb = [n for n, a in zip(unique, after, strict=True) if len(a) > 1]
        unknown = [n for n, a in zip(unique, after, strict=True) if not a]
        aggr = [n for n in unknown if any(w.casefold() in n.casefold() for w in AGGREGATE_WORDS)]
        states = [n for n in unknown if n not in aggr]
        resolved = sum(len(a) == 1 for a in after)
        yield f"| {source} | {len(unique)} | {before} | {resolved} | {len(amb)} | {len(states)} (+{len(aggr)}) |"
        details.append(f"{source}: ambiguous {amb}; unknown {states}" + (f"; aggregates {aggr}" if aggregates else ""))
    yield ""
    yield from details


def peer(listed: dict[str, list[tuple[str, str]]], resolver: Resolver) -> Iterator[str]:
    """Per list: how many names country_converter (the GPL peer, compared, never copied) resolves, and disagreements."""
    import logging

    import country_converter as coco

    logging.getLogger("country_converter").setLevel(logging.CRITICAL)
    converter = coco.CountryConverter()
    alpha3 = {a: c["alpha3"] for a, c in resolver.records.items()}
    yield "| list | names | country_converter resolves | both resolve, to different ISO3 |"
    yield "| --- | --- | --- | --- |"
    details = []
    for source, names in listed.items():
        unique = sorted({n for n, _ in names})
        found = converter.convert(unique, to="ISO3", not_found="-")
        theirs = [None if t == "-" else t for t in (found if isinstance(found, list) else [found])]
        ours = [resolver.resolve(n) for n in unique]
        differ = [
            (n, alpha3[o[0]], t)
            for n, o, t in zip(unique, ours, theirs, strict=True)
            if len(o) == 1 and isinstance(t, str) and t != alpha3[o[0]]
        ]
        yield f"| {source} | {len(unique)} | {sum(isinstance(t, str) for t in theirs)} | {len(differ)} |"
        details.append(f"{source}: {differ}")
    yield ""
    yield from details


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=Path("/work/research/names-src"), help="folder of the lists")
    parser.add_argument("--report", action="store_true", help="print resolution figures per list")
    parser.add_argument("--aggregates", action="store_true", help="with --report, list the aggregates too")
    parser.add_argument("--peer", action="store_true", help="with --report, compare country_converter's coverage")
    args = parser.parse_args(argv)
    records = {c["alpha2"]: c for c in json.loads((DATA / "countries.json").read_text(encoding="utf-8"))}
    table, listed, resolver = build(args.sources, records)
    text = json.dumps(table, indent=2, ensure_ascii=False) + "\n"
    (DATA / "aliases.json").write_text(text, encoding="utf-8")
    print(f"make_aliases: {len(table['aliases'])} aliases, {len(table['ambiguous'])} ambiguous names; "
          "run scripts/format_data.py next", file=sys.stderr)  # fmt: skip
    if args.report:
        print("\n".join(report(listed, resolver, args.aggregates)))
        if args.peer:
            print("\n".join(peer(listed, resolver)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
