"""Text, CSV and JSON output of the command line: tables aligned and wrapped to the terminal."""

from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap
from collections.abc import Sequence
from typing import Any

__all__ = ["Table", "ascii_json", "fit", "path", "prose", "safe", "table", "to_json", "width"]

#: A header and its rows, every cell already text.
Table = tuple[tuple[str, ...], Sequence[tuple[str, ...]]]


def safe(text: object) -> str:
    """Text with control characters escaped, so data cannot drive the terminal."""
    return "".join(
        ch if ch.isprintable() or ch == "\n" else ch.encode("unicode_escape").decode("ascii") for ch in str(text)
    )


def path(value: object) -> str:
    """A file path as one printable line: control characters and newlines escaped."""
    return safe(value).replace("\n", "\\n")


def table(rows_of: Table, fmt: str, *, whole: Sequence[int] = ()) -> str:
    """The table as CSV, or as aligned text wrapped to the terminal's width.

    Text never wraps the columns numbered in ``whole`` (a name such as
    "United States" stays on one line); the others narrow to make room.
    """
    header, rows = rows_of
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return buffer.getvalue()
    if not rows:
        return "(none)\n"
    cells = [tuple(safe(cell) for cell in row) for row in (header, *rows)]
    natural = [max(len(row[i]) for row in cells) for i in range(len(header))]
    kept = sum(natural[i] + 2 for i in whole)
    others = [w for i, w in enumerate(natural) if i not in whole]
    narrowed = fit(others, width() - kept) if others else []
    rest = iter(narrowed)
    widths = [natural[i] if i in whole else next(rest) for i in range(len(header))]
    lines = []
    for row in cells:
        wrapped = [textwrap.wrap(cell, width) or [""] for cell, width in zip(row, widths, strict=True)]
        for n in range(max(len(parts) for parts in wrapped)):
            parts = [p[n] if n < len(p) else "" for p in wrapped]
            lines.append("  ".join(part.ljust(width) for part, width in zip(parts, widths, strict=True)).rstrip())
        if row is cells[0]:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines) + "\n"


def width() -> int:
    """The terminal's width in columns: ``COLUMNS`` if set, else the terminal's, else 80 (a pipe)."""
    return shutil.get_terminal_size((80, 24)).columns


def fit(widths: list[int], total: int, narrowest: int = 8) -> list[int]:
    """Column widths that fit ``total`` columns (two spaces apart), narrowing the widest columns first.

    Columns never get narrower than ``narrowest`` (or their own width), so
    a very narrow terminal gets lines longer than it, not unreadable ones.
    """
    room = total - 2 * (len(widths) - 1)
    cap = max(widths)
    while cap > narrowest and sum(min(w, cap) for w in widths) > room:
        cap -= 1
    return [min(w, cap) for w in widths]


def prose(text: str, indent: str = "") -> str:
    """A paragraph wrapped to the terminal's width, each line after ``indent``."""
    return textwrap.fill(text, width(), initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)


def to_json(value: Any) -> str:
    from ._converter import converter

    return json.dumps(converter.unstructure(value), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def ascii_json(text: str) -> str:
    """JSON text with every non-ASCII character escaped (``\\u00fc``), as ``ensure_ascii`` writes it.

    Outside strings JSON is ASCII, so escaping every other character gives the same document, readable
    through any stream. ``ascii_json('["Türkiye"]')`` is ``'["T\\u00fcrkiye"]'``.
    """
    return "".join(ch if ch.isascii() else _escape(ch) for ch in text)


def _escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a surrogate pair, as JSON writes characters beyond the BMP
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
