"""MkDocs hooks: pages and charts generated from the shipped data at build time.

Nothing here is written by hand, so the documentation cannot disagree with the
data or the code it describes: the programme glossary and the data dictionary
come from the package, the CLI reference from its argument parser, and the
charts and maps from ``nato_relations.timeline`` and ``affiliation_map``, the page of
changes from ``nato_relations.changes``.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import attr

import nato_relations as nr
from nato_relations._cli import _parser
from nato_relations._dictionary import COLUMNS, FIELDS

OUT = Path(__file__).parent / "generated"

#: A doctest directive (``# doctest: +SKIP``) and the spaces before it, in Markdown or in highlighted HTML,
#: where the comment is one ``<span>``.
_DIRECTIVE = re.compile(r"[ \t]*(?:<span[^>]*>)?#\s*doctest:[^\n<]*(?:</span>)?")


def strip_doctest_directives(text: str) -> str:
    """``text`` without doctest directives: they steer the tests, and mean nothing to a reader."""
    return _DIRECTIVE.sub("", text)


def on_page_markdown(markdown: str, **_: Any) -> str:
    """The pages' own examples, without doctest directives."""
    return strip_doctest_directives(markdown)


def on_page_content(html: str, **_: Any) -> str:
    """The rendered page, API docstrings included, without doctest directives."""
    return strip_doctest_directives(html)


def _glossary() -> str:
    lines = [
        "# Programme glossary",
        "",
        f"Generated from the data of release {nr.__version__} (as of {nr.dataset_info().as_of}).",
        "",
        "| code | name | kind | run by | established | ended | countries ever |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    programmes = nr.programmes()
    for p in programmes:
        ever = len(nr.participants(p))
        lines.append(
            f"| [{p.code}](#{p.code.lower()}) | {p.name} | {p.kind.value} | {p.run_by} | "
            f"{p.established or 'undated'} | {p.ended or ''} | {ever} |"
        )
    for p in programmes:
        lines += ["", f"## {p.code}", "", f"**{p.name}**. {p.description}", ""]
        if p.aliases:
            lines += [f"Also called: {', '.join(p.aliases)}.", ""]
        if p.notes:
            lines += [f"Notes: {p.notes}", ""]
        lines.append("Sources: " + "; ".join(f"[{s.title}]({s.url}) ({s.publisher})" for s in p.sources) + ".")
    return "\n".join(lines) + "\n"


def _dictionary() -> str:
    lines = [
        "# Data dictionary",
        "",
        "Generated from the package: every field of every record class, and every column of every export.",
        "",
        "## Record classes",
    ]
    for cls in (
        nr.Country, nr.FormerName, nr.Programme, nr.Participation, nr.Event, nr.Source, nr.DatasetInfo, nr.PartialDate,
    ):  # fmt: skip
        lines += ["", f"### `{cls.__name__}`", "", "| field | type | meaning |", "| --- | --- | --- |"]
        for field in attr.fields(cls):
            kind = str(field.type).replace("|", "or")
            lines.append(f"| `{field.name}` | `{kind}` | {FIELDS[cls.__name__][field.name]} |")
    lines += [
        "",
        "## Export tables",
        "",
        "Written by `export()` and `nato-relations export` (CSV, JSON, Data Package).",
    ]
    for table, columns in COLUMNS.items():
        lines += ["", f"### `{table}`", "", "| column | type | meaning |", "| --- | --- | --- |"]
        lines += [f"| `{name}` | {kind} | {text} |" for name, (kind, text) in columns.items()]
    return "\n".join(lines) + "\n"


def _cli() -> str:
    parser = _parser()
    lines = ["# Command line", "", "Generated from the command's own argument parser.", "", "```text"]
    lines += [parser.format_help().rstrip(), "```"]
    subparsers = next(a for a in parser._actions if a.choices and isinstance(a.choices, dict))
    assert isinstance(subparsers.choices, dict)
    for name, sub in subparsers.choices.items():
        lines += ["", f"## `nato-relations {name}`", "", "```text", sub.format_help().rstrip(), "```"]
    return "\n".join(lines) + "\n"


#: The days the guide shows the affiliation map for (with names): the treaty's first year, the Cold War
#: (1985), the first days of the Partnership for Peace and of the independent Yugoslav republics (1995), the
#: first enlargement after the Cold War (1999), the first MAP cycle (2001), the Strasbourg-Kehl summit year.
MAP_DAYS = ("1949-12-31", "1985-06-01", "1995-01-01", "1999-12-31", "2001-01-01", "2009-12-31")


def _changes() -> str:
    """The page of what this release changed, from the list it ships."""
    changes = nr.changes()
    previous = changes[0].previous if changes else "-"
    lines = [
        f"# Changes in {nr.__version__}",
        "",
        f"Every record added, removed or changed since release {previous}, generated from the list the package "
        f"ships (`nr.changes()`, `nato-relations changes --since {previous}`). The CHANGELOG's list is made from "
        "the same file.",
        "",
        "| table | added | removed | changed records | changed fields |",
        "| --- | --- | --- | --- | --- |",
    ]
    for table in ("countries", "programmes", "participations", "events"):
        mine = [c for c in changes if c.table == table]
        count = {a: len({c.key for c in mine if c.action == a}) for a in ("added", "removed", "changed")}
        fields = sorted({c.field for c in mine if c.field})
        lines.append(f"| {table} | {count['added']} | {count['removed']} | {count['changed']} | {', '.join(fields)} |")
    lines += ["", "## Changed values", "", "| table | key | field | old | new |", "| --- | --- | --- | --- | --- |"]
    short = {"sources", "notes", "summary", "systems", "aliases", "suspensions", "description"}
    for c in changes:
        if c.field and c.field not in short:
            lines.append(f"| {c.table} | {c.key} | {c.field} | {c.old or ''} | {c.new or ''} |")
    lines += [
        "",
        "Changed sources, notes, summaries and other long fields are left out of this table; "
        "`nato-relations changes --format csv` gives every value.",
    ]
    return "\n".join(lines) + "\n"


def on_pre_build(config: Any) -> None:
    """Write the generated pages and charts before MkDocs collects the files."""
    OUT.mkdir(exist_ok=True)
    (OUT / "glossary.md").write_text(_glossary(), encoding="utf-8")
    (OUT / "dictionary.md").write_text(_dictionary(), encoding="utf-8")
    (OUT / "cli.md").write_text(_cli(), encoding="utf-8")
    nr.timeline(OUT / "enlargement.svg", title="NATO enlargement, 1949 to today")
    nr.timeline(OUT / "pfp.svg", programme="PfP", start=datetime.date(1993, 1, 1))
    nr.timeline(OUT / "caucasus.svg", countries=["Armenia", "Azerbaijan", "Georgia"], events=True)
    for day in MAP_DAYS:
        nr.affiliation_map(OUT / f"map-{day[:4]}.svg", on=day, labels=True)
    nr.affiliation_map(OUT / "map-today.svg", on=nr.dataset_info().as_of)
    nr.affiliation_map(OUT / "map-world.svg", on=nr.dataset_info().as_of, region="world")
    (OUT / "changes.md").write_text(_changes(), encoding="utf-8")
