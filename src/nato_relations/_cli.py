"""The ``nato-relations`` command: the query API as subcommands.

Exit status: 0 on success, 1 when a country or programme is not found
(the message and suggestions go to stderr), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

from . import _queries as q
from . import _render as render
from ._dates import coerce_date
from ._model import Country, Event, EventKind, Participation, Status, Suspension
from .exceptions import BeyondDataWarning, DataError, ExtraNotInstalledError, NotFoundError, quote

__all__ = ["main"]


#: What each subcommand's --format json and --format csv give: the one schema of each (the CLI reference shows it).
#: Text output is for people: long fields wrap to the terminal's width (COLUMNS), tables stay aligned.
FORMATS = {
    "country": "JSON: one object, the country's record (every field of Country, with its participations and "
    "events) and 'on', 'status', the status on that day, and 'suspended', the programmes whose cooperation was "
    "suspended that day. CSV: columns record, alpha2, name, on, status, suspended, programme, kind, start, end, "
    "qualifiers, summary; a first row with record 'country' (alpha2, name, on, status, suspended: codes joined "
    "by '; ', summary), then one row per spell (record 'participation': programme, start, end, qualifiers), each "
    "followed by one row per suspension of it (record 'suspension': programme, start, end), and "
    "one per event (record 'event': programme = its programmes joined by '; ', kind, start = the event's date, "
    "summary).",
    "programme": "With a code, JSON: {'programme': the Programme record, 'participants': a list of {alpha2, "
    "alpha3, name, region}}; CSV: alpha2, alpha3, name, region. Without a code, JSON: a list of Programme records; "
    "CSV: code, name, kind, run_by, established.",
    "members": "JSON: a list of {alpha2, alpha3, name, region}; CSV: the same columns.",
    "countries": "JSON: a list of {alpha2, alpha3, name, region}; CSV: the same columns.",
    "events": "JSON: a list of Event records (date, country, programmes: a list of codes, kind, summary, sources, "
    "notes); CSV: date, country, programmes (codes joined by '; ', the principal one first), kind, summary.",
    "info": "JSON: the DatasetInfo record; CSV: rows of field, value.",
    "coverage": "JSON: an object with, for each table's title, a list of rows as objects; CSV: each table after a "
    "line '# title'.",
    "panel": "JSON: a list of rows, one object per state-year with one key per column; CSV: the panel's columns.",
    "changes": "JSON: a list of Change records (release, previous, action, table, key, field, old, new); CSV: the "
    "same columns. Text leaves out the whole record of an added or removed one.",
}


class _UsageError(Exception):
    """Bad arguments that argparse could not see (an impossible date range)."""


@contextlib.contextmanager
def _usage_errors() -> Iterator[None]:
    """Turn a ``ValueError`` from the API into a usage error; a damaged install stays a ``DataError`` (exit 1)."""
    try:
        yield
    except DataError:
        raise
    except ValueError as error:
        raise _UsageError(str(error)) from None


def _path(text: str) -> str:
    if not text:
        raise argparse.ArgumentTypeError("an empty path; name a file or folder ('.' for the current folder)")
    return text


class _Parser(argparse.ArgumentParser):
    """argparse, with user input in its messages made safe for a terminal."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # Python 3.10's argparse writes to a closed (None) stderr and fails; later versions stay quiet.
        target = file or sys.stderr
        if not message or target is None:
            return
        if target is sys.stdout:  # --help, --version: what was asked for must arrive, or exit 1 saying so
            try:
                target.write(message)
                target.flush()
            except BrokenPipeError:  # the reader stopped early (| head): not an error
                _quiet_stdout()
            except (OSError, ValueError) as error:
                _quiet_stdout()
                reason = getattr(error, "strerror", None) or error
                _complain(f"nato-relations: cannot write the output: {render.safe(reason)}")
                raise SystemExit(1) from None
            return
        with contextlib.suppress(OSError, ValueError):
            target.write(message)

    def error(self, message: str) -> NoReturn:
        if sys.stderr is not None:  # print_usage(None) would write to stdout
            self.print_usage(sys.stderr)
        if len(message) > 300:  # it echoes what was typed: keep the line short (exceptions.quote's job elsewhere)
            message = message[:297] + "..."
        self.exit(2, f"{self.prog}: error: {render.safe(message)}\n")


def _date_arg(side: str | None) -> Callable[[str], datetime.date]:
    """An argparse type: a date by the API's rule (a year or month only as a range's end)."""

    def parse(text: str) -> datetime.date:
        if text.strip().lower() == "today":  # what a newcomer types first
            return datetime.date.today()
        try:
            return coerce_date(text, {"start": "--from", "end": "--to"}.get(side or "", "--on"), side=side)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    parse.__name__ = "date"  # argparse names the type in its messages
    return parse


def _spell_rows(spells: Sequence[Participation]) -> list[tuple[str, ...]]:
    """One row per spell; its suspensions are named among its qualifiers ("suspended 2014-04-01..")."""
    return [
        (p.country, p.programme, str(p.start), "" if p.end is None else str(p.end),
         ", ".join((*p.qualifiers, *(_suspended(s) for s in p.suspensions))))
        for p in spells
    ]  # fmt: skip


def _suspended(suspension: Suspension) -> str:
    return f"suspended {suspension.start}..{'' if suspension.end is None else suspension.end}"


_SPELL_HEADER = ("country", "programme", "start", "end", "qualifiers")
_COUNTRY_HEADER = ("alpha2", "alpha3", "name", "region")
_EVENT_HEADER = ("date", "country", "programmes", "kind", "summary")


def _country_rows(found: Sequence[Country], on: datetime.date | None = None) -> list[tuple[str, ...]]:
    """One row per country; with ``on``, each named as it was that day and sorted by that name."""
    rows: list[tuple[str, ...]] = [
        (c.alpha2, c.alpha3, c.name if on is None else c.name_on(on), c.region) for c in found
    ]
    return rows if on is None else sorted(rows, key=lambda row: (_sort_key(row[2]), row[0]))


def _sort_key(name: str) -> str:
    """The order the API sorts names in (case and accents aside), as :func:`~._names.fold` gives it."""
    from ._names import fold

    return fold(name)


def _country_objects(found: Sequence[Country], on: datetime.date | None = None) -> list[dict[str, str]]:
    """The JSON form of a country list: the CSV columns, one object per country."""
    return [dict(zip(_COUNTRY_HEADER, row, strict=True)) for row in _country_rows(found, on)]


def _names_on(args: argparse.Namespace) -> datetime.date | None:
    """The day whose names ``--names then`` asks for (``None``: today's names)."""
    return _on(args) if args.names == "then" else None


#: ``country --format csv``: one row for the country, then one per spell, then one per event.
_COUNTRY_CSV_HEADER = ("record", "alpha2", "name", "on", "status", "suspended", "programme", "kind", "start", "end",
                       "qualifiers", "summary")  # fmt: skip


def _country_csv_rows(country: Country, on: datetime.date) -> list[tuple[str, ...]]:
    blank = ("",) * len(_COUNTRY_CSV_HEADER)
    head = ("country", country.alpha2, country.name, on.isoformat(), country.status_on(on).value,
            "; ".join(_suspended_codes(country, on)))  # fmt: skip
    rows = [head + blank[len(head) : -1] + (country.summary,)]
    for p in country.participations:
        end = "" if p.end is None else str(p.end)
        rows.append(("participation", country.alpha2, "", "", "", "", p.programme, "", str(p.start), end,
                     ", ".join(p.qualifiers), ""))  # fmt: skip
        for suspended in p.suspensions:  # right after its spell
            rows.append(("suspension", country.alpha2, "", "", "", "", p.programme, "", str(suspended.start),
                         "" if suspended.end is None else str(suspended.end), "", ""))  # fmt: skip
    for e in country.events:
        rows.append(("event", country.alpha2, "", "", "", "", _codes(e), e.kind.value, str(e.date), "", "",
                     e.summary))  # fmt: skip
    return rows


def _suspended_codes(country: Country, on: datetime.date) -> list[str]:
    """The programmes whose cooperation with ``country`` was suspended on ``on``, shown beside its status."""
    return [p.programme for p in country.suspensions_on(on)]


def _event_rows(found: Sequence[Event], *, named: bool = False) -> list[tuple[str, ...]]:
    """The events' rows; ``named``: the country as its name and code (text for people), else its code."""
    return [(str(e.date), _country_label(e.country, named), _codes(e), e.kind.value, e.summary) for e in found]


def _codes(event: Event) -> str:
    """An event's programmes in one cell, the principal one first, as the exports write them."""
    return "; ".join(event.programmes)


def _country_label(code: str | None, named: bool) -> str:
    if code is None or not named:
        return code or ""
    return f"{q.get_country(code).name} ({code})"


def _on(args: argparse.Namespace) -> datetime.date:
    return args.on or datetime.date.today()


def _cmd_country(args: argparse.Namespace) -> str:
    country = q.get_country(args.identifier)
    on = _on(args)
    status = country.status_on(on)
    if args.format == "json":
        from ._converter import converter

        suspended = _suspended_codes(country, on)
        return render.to_json(
            {"on": on.isoformat(), "status": status.value, "suspended": suspended, **converter.unstructure(country)}
        )
    if args.format == "csv":
        return render.table((_COUNTRY_CSV_HEADER, _country_csv_rows(country, on)), "csv")
    lines = [
        f"{country.name} ({country.official_name})",
        f"Codes: {country.alpha2} / {country.alpha3} / {country.numeric or '-'}    Region: {country.region}",
        f"Status on {on.isoformat()}: {status.value}"
        + (f" (cooperation suspended: {', '.join(codes)})" if (codes := _suspended_codes(country, on)) else ""),
    ]
    if country.aliases:
        lines.append(render.prose("Also known as: " + ", ".join(country.aliases)))
    if country.summary:
        lines += ["", render.prose(country.summary)]
    lines += [
        "",
        "Participations:",
        render.table((_SPELL_HEADER[1:], [r[1:] for r in _spell_rows(country.participations)]), "text"),
    ]
    lines += [
        "Events:",
        render.table(
            (_EVENT_HEADER[:1] + _EVENT_HEADER[2:], [r[:1] + r[2:] for r in _event_rows(country.events)]), "text"
        ),
    ]
    return render.safe("\n".join(lines))


def _cmd_programme(args: argparse.Namespace) -> str:
    if args.code is None:
        found = q.programmes()
        if args.format == "json":
            return render.to_json(found)
        rows = [(p.code, p.name, p.kind.value, p.run_by, str(p.established or "")) for p in found]
        return render.table((("code", "name", "kind", "run_by", "established"), rows), args.format)
    programme = q.get_programme(args.code)
    if args.on is not None and (args.start is not None or args.end is not None):
        raise _UsageError("give either --on or --from/--to, not both")
    with _usage_errors():
        who = q.participants(programme, on=args.on, start=args.start, end=args.end)
    if args.format == "json":
        return render.to_json({"programme": programme, "participants": _country_objects(who)})
    table = (_COUNTRY_HEADER, _country_rows(who))
    if args.format == "csv":
        return render.table(table, "csv")
    ended = f", ended {programme.ended}" if programme.ended else ""
    header = [
        f"{programme.name} ({programme.code})",
        f"Kind: {programme.kind.value}    Run by: {programme.run_by}",
        f"Established: {programme.established or 'undated'}{ended}",
        "",
        render.prose(programme.description),
        "",
        f"Participants ({len(who)}):",
    ]
    return render.safe("\n".join(header) + "\n" + render.table(table, "text"))


def _cmd_members(args: argparse.Namespace) -> str:
    found = q.members(_on(args))
    if args.format == "json":
        return render.to_json(_country_objects(found, _names_on(args)))
    return render.table((_COUNTRY_HEADER, _country_rows(found, _names_on(args))), args.format)


def _cmd_countries(args: argparse.Namespace) -> str:
    found = q.countries(programme=args.programme, on=args.on, status=args.status)
    if args.format == "json":
        return render.to_json(_country_objects(found, _names_on(args)))
    return render.table((_COUNTRY_HEADER, _country_rows(found, _names_on(args))), args.format)


def _cmd_events(args: argparse.Namespace) -> str:
    start, end = args.start, args.end
    if args.year is not None:
        if start is not None or end is not None:
            raise _UsageError("give either --year or --from/--to, not both")
        start, end = datetime.date(args.year, 1, 1), datetime.date(args.year, 12, 31)
    with _usage_errors():
        found = q.events(
            country=args.country, programme=args.programme, kind=args.kind, start=start, end=end, lineage=args.lineage
        )
    if args.format == "json":
        return render.to_json(found)
    return render.table((_EVENT_HEADER, _event_rows(found, named=args.format == "text")), args.format)


def _cmd_info(args: argparse.Namespace) -> str:
    info = q.dataset_info()
    if args.format == "json":
        from ._converter import converter

        unstructured = converter.unstructure(info)
        unstructured["code_sources"] = dict(unstructured["code_sources"])  # an object: code set -> its sources
        return render.to_json(unstructured)
    rows = [
        ("version", info.version),
        ("as_of", info.as_of.isoformat()),
        ("countries", str(info.countries)),
        ("programmes", str(info.programmes)),
        ("participations", str(info.participations)),
        ("events", str(info.events)),
        ("sources", str(info.sources)),
        ("sha256", info.sha256),
    ]
    return render.table((("field", "value"), rows), args.format)


def _cmd_coverage(args: argparse.Namespace) -> str:
    from ._coverage import coverage_tables
    from ._dataset import get_dataset

    tables = coverage_tables(get_dataset(), _on(args))
    if args.format == "json":
        return (
            json.dumps({title: [dict(zip(t[0], row, strict=True)) for row in t[1]] for title, t in tables}, indent=2)
            + "\n"
        )
    if args.format == "csv":
        return "".join(f"# {title}\n" + render.table(table, "csv") for title, table in tables)
    return "\n".join(f"{title}\n{render.table(table, 'text')}" for title, table in tables)


def _cmd_export(args: argparse.Namespace) -> str:
    from ._export import export

    return "".join(f"{render.path(path)}\n" for path in export(args.out, format=args.export_format))


def _year_arg(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"not a year (YYYY): {quote(text)}")
    return int(text)


def _cmd_panel(args: argparse.Namespace) -> str:
    from ._panel import panel

    with _usage_errors():
        table = panel(unit=args.unit, system=args.system, rule=args.rule, start=args.start, end=args.end)
    if args.format == "json":
        return json.dumps(list(table.records()), indent=1, ensure_ascii=False) + "\n"
    rows = [tuple("" if value is None else str(value) for value in row) for row in table.rows]
    return render.table((table.columns, rows), args.format, whole=(table.columns.index("country"),))


def _cmd_convert(args: argparse.Namespace) -> str:
    """One value per line in, its code per line out (empty when none); the unmatched named on stderr."""
    import warnings

    from ._convert import convert

    values = [line.strip() or None for line in sys.stdin.read().splitlines()]  # a blank line is a missing value
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = convert(values, to=args.to, year=args.year)
    for warning in caught:
        _complain(f"nato-relations: {render.safe(warning.message)}")
    return "".join(("" if code is None else render.safe(code)) + "\n" for code in found)


def _cmd_cite(args: argparse.Namespace) -> str:
    from ._cite import cite

    return cite(args.cite_format)


_CHANGE_HEADER = ("release", "previous", "action", "table", "key", "field", "old", "new")


def _cmd_changes(args: argparse.Namespace) -> str:
    from ._changes import changes

    with _usage_errors():
        found = changes(since=args.since)
    rows = [
        (c.release, c.previous, c.action.value, c.table, c.key, c.field or "", c.old or "", c.new or "") for c in found
    ]
    if args.format == "json":
        return render.to_json(found)
    if args.format == "csv":
        return render.table((_CHANGE_HEADER, rows), "csv")
    # Text: per release, one aligned line per change, its old and new values beneath it at the terminal's
    # full width (never in a narrow column); an added or removed record's whole value is left to JSON and CSV.
    parts = []
    for release in dict.fromkeys(c.release for c in found):
        mine = [c for c in found if c.release == release]
        heads = [(c.action.value, c.table, c.key, c.field or "") for c in mine]
        widths = [max(len(head[i]) for head in heads) for i in range(3)]
        lines = [f"{release} (since {mine[0].previous}): {len(mine)} changes"]
        for change, head in zip(mine, heads, strict=True):
            line = "  ".join([*(part.ljust(w) for part, w in zip(head, widths, strict=False)), head[3]]).rstrip()
            values = f"{change.old or '-'} -> {change.new or '-'}" if change.field else ""
            if values and len(line) + 2 + len(values) <= render.width():
                line, values = f"{line}  {values}", ""
            lines.append(line)
            if values:  # too long for the line: beneath it, at the full width
                lines.append(render.prose(values, indent="    "))
        parts.append(render.safe("\n".join(lines)) + "\n")
    return "\n".join(parts) or "(none)\n"


def _cmd_timeline(args: argparse.Namespace) -> str:
    from ._chart import timeline

    with _usage_errors():
        path = timeline(
            args.out,
            programme=args.programme,
            countries=args.country or None,
            start=args.start,
            end=args.end,
            events=args.events,
        )
    return f"{render.path(path)}\n"


def _cmd_map(args: argparse.Namespace) -> str:
    from ._map import affiliation_map

    out = args.out
    if out is None:  # a default name in the current folder, said on stderr
        out = f"nato-map-{_on(args).isoformat()}-{args.region}.svg"
    with _usage_errors():
        path = affiliation_map(out, on=_on(args), region=args.region, labels=args.labels)
    if args.out is None:
        _complain(f"nato-relations: no --out given; wrote the map to {render.path(os.path.abspath(path))}")
    return f"{render.path(path)}\n"


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--format", type=str.lower, choices=("text", "json", "csv"), default="text",
        help="output format, any case (default: text)",
    )  # fmt: skip
    on = _Parser(add_help=False)
    on.add_argument(
        "--on", type=_date_arg(None), metavar="YYYY-MM-DD", help="the day asked about, or 'today' (default: today)"
    )
    span = _Parser(add_help=False)
    span.add_argument(
        "--from", dest="start", type=_date_arg("start"), metavar="DATE",
        help="first day of the range: YYYY-MM-DD, or YYYY / YYYY-MM for its first day, or 'today'",
    )  # fmt: skip
    span.add_argument(
        "--to", dest="end", type=_date_arg("end"), metavar="DATE",
        help="last day of the range: YYYY-MM-DD, or YYYY / YYYY-MM for its last day, or 'today'",
    )  # fmt: skip

    parser = _Parser(
        prog="nato-relations",
        description="NATO's relations with the world: members, partners, programmes and events.",
        epilog="Text output wraps long fields to the terminal's width (COLUMNS); --format json and csv are for "
        "programs, each subcommand's shape given in its --help.",
    )
    from ._version import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    def add(
        name: str,
        handler: Callable[[argparse.Namespace], str],
        helptext: str,
        parents: list[_Parser],
        aliases: Sequence[str] = (),
    ) -> argparse.ArgumentParser:
        command = sub.add_parser(
            name,
            help=helptext,
            description=helptext,
            epilog=FORMATS[name],
            parents=[common, *parents],
            aliases=list(aliases),
        )
        command.set_defaults(handler=handler, parser=command)
        return command

    add(
        "country",
        _cmd_country,
        "a country's codes, status, participations and events (alias: history)",
        [on],
        aliases=("history",),
    ).add_argument("identifier", help="ISO code, name, alias or former name; cow:N or gw:N for a state-system code")
    add(
        "programme", _cmd_programme, "a programme and its participants (or, with no code, every programme)", [on, span]
    ).add_argument("code", nargs="?", help="programme code or name, e.g. PfP")
    names = _Parser(add_help=False)
    names.add_argument(
        "--names", type=str.lower, choices=("today", "then"), default="today",
        help="name each country as today, or as it was named on the day asked about (Country.name_on: "
        "'Federal Republic of Germany' and 'Turkey' in 1989); the order follows the names (default: today)",
    )  # fmt: skip
    add("members", _cmd_members, "NATO member states on a day", [on, names])
    countries = add("countries", _cmd_countries, "countries, filtered by programme and status", [names])
    countries.add_argument(
        "--on", type=_date_arg(None), metavar="YYYY-MM-DD", help="the day asked about, or 'today'. Default: with "
        "--programme, every country that ever took part (as participants()); with --status, the status today",
    )  # fmt: skip
    countries.add_argument("--programme", help="only countries that took part in this programme")
    countries.add_argument(
        "--status", type=str.lower, choices=[s.value for s in Status], help="only countries with this status (any case)"
    )
    events = add("events", _cmd_events, "dated events, filtered", [span])
    _add_event_filters(events)
    add("info", _cmd_info, "the installed data release", [])
    add("coverage", _cmd_coverage, "what the data release holds: counts per programme and status, date precision", [on])
    export = sub.add_parser(
        "export", help="write the data as CSV, JSON or a Frictionless Data Package", description="write the data as "
        "flat tables (countries, programmes, participations, events, sources)",
    )  # fmt: skip
    export.set_defaults(handler=_cmd_export, parser=export)
    export.add_argument(
        "--format", dest="export_format", type=str.lower, choices=("csv", "json", "datapackage"), default="csv"
    )
    export.add_argument(
        "--out", required=True, type=_path, metavar="DIR", help="folder to write into (created if needed)"
    )
    panel = add(
        "panel", _cmd_panel, "a state-year table of NATO status and programme participation, keyed by COW, "
        "Gleditsch-Ward or ISO codes", [],
    )  # fmt: skip
    panel.add_argument(
        "--unit", choices=("state-year",), default="state-year", help="one row per (default: state-year)"
    )
    panel.add_argument(
        "--system", choices=("cow", "gw", "iso"), default="cow", help="which states and codes (default: cow)"
    )
    panel.add_argument(
        "--rule", choices=("any", "first", "last", "majority"), default="any",
        help="how a year with a change counts: on any day, on 1 January, on 31 December, or on most days "
        "(default: any)",
    )  # fmt: skip
    panel.add_argument("--from", dest="start", type=_year_arg, metavar="YYYY", help="first year (default: 1949)")
    panel.add_argument("--to", dest="end", type=_year_arg, metavar="YYYY", help="last year (default: the as-of year)")
    converter = sub.add_parser(
        "convert", help="convert country names or codes read from stdin, one per line, to one code system",
        description="read country names or codes, one per line, from standard input and write each one's code, "
        "one per line (an empty line where none matches); the values that match nothing are named on stderr",
    )  # fmt: skip
    converter.set_defaults(handler=_cmd_convert, parser=converter)
    converter.add_argument(
        "--to", required=True, type=str.lower, choices=("cow", "gw", "iso3", "alpha2", "name", "wikidata"),
        help="the code to write",
    )  # fmt: skip
    converter.add_argument(
        "--year", type=_year_arg, metavar="YYYY", help="the COW or G-W code held that year (default: the latest)"
    )
    citation = sub.add_parser(
        "cite", help="how to cite the installed data release", description="the citation of the installed release"
    )
    citation.set_defaults(handler=_cmd_cite, parser=citation)
    citation.add_argument(
        "--format",
        dest="cite_format",
        type=str.lower,
        choices=("apa", "bibtex", "cff"),
        default="apa",
        help="any case (default: apa)",
    )
    changed = add(
        "changes", _cmd_changes, "every fact added, removed or changed since an earlier release", [],
    )  # fmt: skip
    changed.add_argument(
        "--since", metavar="VERSION", help="the earlier release, e.g. 2026.11.1 (default: the one before this)"
    )
    _add_drawings(sub, on, span)
    return parser


def _add_event_filters(events: argparse.ArgumentParser) -> None:
    """The options of ``events`` that choose which events to list."""
    events.add_argument("--country", help="ISO code or name")
    events.add_argument("--programme", help="programme code or name")
    events.add_argument("--kind", type=str.lower, choices=[k.value for k in EventKind], help="event kind (any case)")
    events.add_argument("--year", type=_year_arg, metavar="YYYY", help="only that year (as --from YYYY --to YYYY)")
    events.add_argument(
        "--lineage", action="store_true", help="with --country, also the events of the states it succeeded, before it "
        "began (Serbia: Yugoslavia's 1999 air campaign); their country column names them",
    )  # fmt: skip


def _add_drawings(sub: Any, on: _Parser, span: _Parser) -> None:
    """The subcommands that draw a file: timeline and map."""
    chart = sub.add_parser(
        "timeline", parents=[span], help="draw spells over time to SVG or PNG (needs nato-relations[plot])",
        description="draw membership and partnership spells over time (needs nato-relations[plot])",
    )  # fmt: skip
    chart.set_defaults(handler=_cmd_timeline, parser=chart)
    chart.add_argument(
        "--out",
        required=True,
        type=_path,
        metavar="FILE",
        help="the chart file, ending in .svg or .png (in a folder that exists)",
    )
    chart.add_argument("--programme", help="programme code or name (default: NATO, or all with --country)")
    chart.add_argument("--country", action="append", help="a country to draw (repeat for several)")
    chart.add_argument("--events", action="store_true", help="also mark each country's events")
    drawing = sub.add_parser(
        "map", parents=[on], help="draw the map of affiliations with NATO on a day to SVG or PNG (needs "
        "nato-relations[plot])", description="draw countries coloured by their affiliation with NATO on a day: "
        "member, aspirant, partner by framework, Major non-NATO ally, none (needs nato-relations[plot])",
    )  # fmt: skip
    drawing.set_defaults(handler=_cmd_map, parser=drawing)
    drawing.add_argument(
        "--out", type=_path, metavar="FILE", help="the map file, ending in .svg or .png (in a folder that exists; "
        "default: nato-map-DATE-REGION.svg in the current folder, named on stderr)",
    )  # fmt: skip
    drawing.add_argument(
        "--region", type=str.lower, choices=("europe", "world"), default="europe", help="(default: europe, any case)"
    )
    drawing.add_argument("--labels", action="store_true", help="also write the names of the states of the day")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    _tolerant_streams()
    parser = _parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # the subcommand's usage, not the top-level one
        getattr(args, "parser", parser).error(f"unrecognized arguments: {' '.join(unknown)}")
    _note_beyond(getattr(args, "on", None))
    try:
        with warnings.catch_warnings():  # said once, just above, for the day asked
            warnings.simplefilter("ignore", BeyondDataWarning)
            output = args.handler(args)
    except OSError as error:  # the file named, through the one quoting routine: short, one line
        where = f": {quote(str(error.filename))}" if error.filename else ""
        _complain(f"nato-relations: {render.safe(error.strerror or error)}{where}")
        return 1
    except (NotFoundError, DataError, ExtraNotInstalledError) as error:  # DataError: a damaged install
        _complain(f"nato-relations: {render.safe(error)}")
        return 1
    except _UsageError as error:  # the subcommand's own usage line, then the message
        getattr(args, "parser", parser).error(str(error))
    return _emit(output, json_output=getattr(args, "format", None) == "json")


def _note_beyond(day: datetime.date | None) -> None:
    """The policy for days after the as-of date: answer, and say so once on stderr.

    The CLI says it itself, because not every answer comes through a query that warns (a
    ``Country``'s own methods do not know the release); the map's footnote speaks for days before 1949.
    """
    if day is None:
        return
    with contextlib.suppress(DataError):  # a damaged install is reported by the command itself
        as_of = q.dataset_info().as_of
        if day > as_of:
            _complain(f"nato-relations: note: the data stops at {as_of.isoformat()}; this answer for "
                      f"{day.isoformat()} repeats what was known then")  # fmt: skip


def _tolerant_streams() -> None:
    """Characters a stream cannot encode are written as escapes (``\\u00fc``), not raised."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _complain(message: str) -> None:
    """One line on stderr; nothing at all when stderr is closed (never onto stdout)."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            print(message, file=sys.stderr)


def _emit(output: str, *, json_output: bool = False) -> int:
    """Write the output: 0 when written, 1 with one line on stderr when it cannot be.

    Through a stream that cannot encode it (``PYTHONIOENCODING=ascii``, a C locale), JSON is written
    with its non-ASCII characters escaped, which is the same JSON; CSV and text, which have no such
    escape, are refused rather than written with altered values.
    """
    if sys.stdout is None:  # started with stdout closed
        _complain("nato-relations: standard output is closed")
        return 1
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        output.encode(encoding)
    except UnicodeEncodeError:
        if not json_output:
            _complain(
                f"nato-relations: standard output's encoding ({encoding}) cannot write this output without "
                "altering it; use --format json, or a UTF-8 locale (PYTHONIOENCODING=utf-8)"
            )
            return 1
        output = render.ascii_json(output)
    except LookupError:  # an encoding Python does not know: let the stream's own handler decide
        pass
    try:
        sys.stdout.write(output)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (| head): not an error
        _quiet_stdout()
    except (OSError, ValueError) as error:  # a full disk (> /dev/full), a closed stream
        _quiet_stdout()
        _complain(f"nato-relations: cannot write the output: {render.safe(getattr(error, 'strerror', None) or error)}")
        return 1
    return 0


def _quiet_stdout() -> None:
    # Point stdout at devnull so the interpreter's final flush cannot fail again.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
