"""What every field of every record, and every column of every export, means.

One source for the data dictionary in the documentation and the field
descriptions in the exported Data Package; a test checks that every attrs
field and every export column is described here.
"""

from __future__ import annotations

__all__ = ["COLUMNS", "FIELDS", "programme_column"]

_PARTIAL = "a date as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD"

#: Descriptions of the fields of the public record classes, by class name.
FIELDS: dict[str, dict[str, str]] = {
    "Country": {
        "alpha2": (
            "ISO 3166-1 alpha-2 code (Kosovo: XK, a user-assigned code); for a state that no longer exists, "
            "its ISO 3166-3 code (SUHH, CSHH, YUCS, CSXX, DDDE)"
        ),
        "alpha3": "ISO 3166-1 alpha-3 code (Kosovo: XKX)",
        "numeric": "ISO 3166-1 numeric code as three digits; None for Kosovo",
        "name": "English short name",
        "official_name": "official English name",
        "region": "UN M49 sub-region, e.g. 'Northern Europe'",
        "aliases": "other names and former names the country is looked up by",
        "former_names": "the names it went by before its present name, each with the last day it did (FormerName)",
        "cow_code": "Correlates of War state number, the most recent the state held; None outside the COW system",
        "gw_code": "Gleditsch-Ward state number, the most recent the state held; None outside the G-W system",
        "wikidata": "Wikidata item (QID), e.g. 'Q183'; None where the source gives none",
        "valid_from": f"when the state came into being, {_PARTIAL}; None for a state older than 1945",
        "valid_until": f"when the state ceased to exist, {_PARTIAL}; None while it exists",
        "successors": "codes of the states that took its place",
        "systems": "its memberships in the COW and G-W state systems, each with its code and dates",
        "summary": "a short, neutral account of the relationship, written for this dataset",
        "sources": "the pages the summary and the dates of existence were taken from",
        "notes": "caveats and disagreements between sources",
        "participations": "the country's spells in programmes, in order of start",
        "events": "the country's dated events, in order of date",
    },
    "Programme": {
        "code": "short code, e.g. 'PfP'",
        "name": "full English name",
        "kind": (
            "membership, partnership framework, action plan, dialogue, bilateral body, external designation "
            "or recognition (NATO's recognition of a membership aspiration)"
        ),
        "run_by": "'NATO', or the state that runs it ('United States' for MNNA)",
        "established": f"when it began, {_PARTIAL}; None when no source dates it",
        "ended": f"when it ended, {_PARTIAL}; None while it goes on",
        "description": "what it is, written for this dataset",
        "sources": "the pages the record was taken from",
        "aliases": "other names it is looked up by",
        "notes": "caveats and disagreements between sources",
    },
    "Participation": {
        "country": "alpha-2 code of the country",
        "programme": "code of the programme",
        "start": f"when the spell began, {_PARTIAL}",
        "end": f"when it ended, {_PARTIAL}; None while it goes on",
        "sources": "the pages the record was taken from",
        "qualifiers": (
            "qualifiers of the spell: 'conditional', 'treated as', or 'provisional start' (started on the "
            "announcement, the act being undated)"
        ),
        "suspensions": "periods in which the spell's cooperation was suspended; they confer no status",
        "notes": "caveats, and the values other sources give with where they come from",
        "run_by": "who runs the programme, copied from it when the dataset loads (not written in the data file)",
    },
    "Event": {
        "date": f"when it happened, {_PARTIAL}",
        "country": "alpha-2 code of the country concerned; None for an event about a programme as a whole",
        "programmes": (
            "codes of every programme the act concerns, the principal one first; empty when it concerns none "
            "(one act is one event, however many programmes it concerns)"
        ),
        "kind": "what sort of event: accession, agreement, application, statement, summit ...",
        "summary": "what happened, in one sentence written for this dataset",
        "sources": "the pages the record was taken from",
        "notes": "caveats, and the values other sources give with where they come from",
    },
    "Source": {
        "url": "address of the page read (an archived copy is cited at the address read)",
        "title": "title of the page",
        "publisher": "who published it",
        "accessed": "the day it was read",
    },
    "SystemMembership": {
        "system": "'cow' (Correlates of War) or 'gw' (Gleditsch-Ward)",
        "code": "the state's number in that system during the membership",
        "start": "the first day of the membership",
        "end": "the last day; None while it goes on",
    },
    "FormerName": {
        "name": "the name the country went by",
        "until": f"the last day it went by that name, {_PARTIAL}",
        "sources": "the pages that date the change of name",
        "notes": "what the name stood for, and other names in use at the time",
    },
    "Suspension": {
        "start": f"when the suspension began, {_PARTIAL}",
        "end": f"when it was lifted, {_PARTIAL}; None while it lasts",
    },
    "DatasetInfo": {
        "version": "the release, YYYY.M.PATCH; the same as the package version",
        "as_of": "the day the data was last checked",
        "countries": "number of countries",
        "programmes": "number of programmes",
        "participations": "number of participation spells",
        "events": "number of events",
        "sources": "number of distinct sources cited",
        "sha256": "SHA-256 fingerprint of the whole release (over the files' digests)",
        "files": "each shipped data file with its SHA-256",
        "code_sources": "each code set (iso, cow, gw, wikidata) with the sources it was taken from",
    },
    "PartialDate": {
        "year": "the year",
        "month": "the month, or None when only the year is known",
        "day": "the day, or None when only the year or month is known",
    },
}

_ID = "stable identifier of the row (the first 12 hex digits of a SHA-256 of the row's key)"
_SOURCES = "identifiers of the row's sources in the sources table, separated by '; '"

#: The export tables: for each, its columns in order with (type, description).
COLUMNS: dict[str, dict[str, tuple[str, str]]] = {
    "countries": {
        "alpha2": ("string", FIELDS["Country"]["alpha2"]),
        "alpha3": ("string", FIELDS["Country"]["alpha3"]),
        "numeric": ("string", FIELDS["Country"]["numeric"].replace("None", "empty")),
        "name": ("string", FIELDS["Country"]["name"]),
        "official_name": ("string", FIELDS["Country"]["official_name"]),
        "region": ("string", FIELDS["Country"]["region"]),
        "aliases": ("string", "other names and former names, separated by '; '"),
        "former_names": ("string", "dated former names, each as 'name (to last day used)', separated by '; '"),
        "cow_code": ("integer", FIELDS["Country"]["cow_code"].replace("None", "empty")),
        "gw_code": ("integer", FIELDS["Country"]["gw_code"].replace("None", "empty")),
        "wikidata": ("string", FIELDS["Country"]["wikidata"].replace("None", "empty")),
        "valid_from": ("string", FIELDS["Country"]["valid_from"].replace("None", "empty")),
        "valid_until": ("string", FIELDS["Country"]["valid_until"].replace("None", "empty")),
        "successors": ("string", "codes of the states that took its place, separated by '; '"),
        "summary": ("string", FIELDS["Country"]["summary"]),
        "notes": ("string", "curator's notes: choices between sources, successor links, conventions"),
        "source_ids": ("string", _SOURCES),
    },
    "state_systems": {
        "country": ("string", "alpha-2 (or ISO 3166-3) code of the state"),
        "system": ("string", FIELDS["SystemMembership"]["system"]),
        "code": ("integer", FIELDS["SystemMembership"]["code"]),
        "start": ("date", FIELDS["SystemMembership"]["start"]),
        "end": ("date", "the last day; empty while it goes on"),
    },
    "programmes": {
        "code": ("string", FIELDS["Programme"]["code"]),
        "name": ("string", FIELDS["Programme"]["name"]),
        "kind": ("string", FIELDS["Programme"]["kind"]),
        "run_by": ("string", FIELDS["Programme"]["run_by"]),
        "established": ("string", f"when it began, {_PARTIAL}; empty when no source dates it"),
        "ended": ("string", f"when it ended, {_PARTIAL}; empty while it goes on"),
        "description": ("string", FIELDS["Programme"]["description"]),
        "aliases": ("string", "other names, separated by '; '"),
        "notes": ("string", FIELDS["Programme"]["notes"]),
        "source_ids": ("string", _SOURCES),
    },
    "participations": {
        "id": ("string", _ID),
        "country": ("string", FIELDS["Participation"]["country"]),
        "programme": ("string", FIELDS["Participation"]["programme"]),
        "start": ("string", FIELDS["Participation"]["start"]),
        "start_precision": ("string", "year, month or day"),
        "first_day": ("date", "the earliest day the spell may have begun"),
        "end": ("string", f"when it ended, {_PARTIAL}; empty while it goes on"),
        "end_precision": ("string", "year, month or day; empty while it goes on"),
        "last_day": ("date", "the latest day the spell may have lasted to; empty while it goes on"),
        "qualifiers": ("string", "qualifiers such as 'conditional', separated by '; '"),
        "suspensions": ("string", "suspension periods as 'start..end' (end empty while it lasts), separated by '; '"),
        "notes": ("string", FIELDS["Participation"]["notes"]),
        "source_ids": ("string", _SOURCES),
    },
    "events": {
        "id": ("string", _ID),
        "date": ("string", FIELDS["Event"]["date"]),
        "date_precision": ("string", "year, month or day"),
        "earliest": ("date", "the first day the date may stand for"),
        "latest": ("date", "the last day the date may stand for"),
        "country": ("string", "alpha-2 code of the country concerned; empty for a programme as a whole"),
        "programmes": (
            "string",
            "codes of the programmes the event concerns, the principal one first, separated by '; '; may be empty "
            "(the event_programmes table gives one row per code)",
        ),
        "kind": ("string", FIELDS["Event"]["kind"]),
        "summary": ("string", FIELDS["Event"]["summary"]),
        "notes": ("string", FIELDS["Event"]["notes"]),
        "source_ids": ("string", _SOURCES),
    },
    "event_programmes": {
        "event": ("string", "id of the event in the events table"),
        "programme": ("string", "code of a programme the event concerns"),
        "position": ("integer", "1 for the event's principal programme, then 2, 3 ... in the event's order"),
    },
    "panel": {
        "year": ("integer", "the calendar year"),
        "ccode": ("integer", "Correlates of War state number valid in that year"),
        "iso3": ("string", "ISO 3166-1 alpha-3 (or ISO 3166-3) code of the state that held the number"),
        "country": ("string", "the state's name in this dataset"),
        "status": ("string", "member, aspirant, partner or none, by the panel's rule (COW states, rule 'any')"),
    },
    "sources": {
        "id": ("string", "stable identifier (the first 12 hex digits of the SHA-256 of the URL)"),
        "url": ("string", FIELDS["Source"]["url"]),
        "title": ("string", FIELDS["Source"]["title"]),
        "publisher": ("string", FIELDS["Source"]["publisher"]),
        "accessed": ("date", FIELDS["Source"]["accessed"]),
    },
}


def programme_column(code: str, name: str) -> tuple[str, tuple[str, str]]:
    """A panel's 0/1 column for one programme: its name and (type, description)."""
    return code.lower(), (
        "integer",
        f"1 if in {name} by the panel's rule that year, 0 if not; empty before it existed or after the as-of date",
    )
