"""How to cite the installed data release."""

from __future__ import annotations

from ._dataset import get_dataset
from .exceptions import quote

__all__ = ["FORMATS", "cite"]

FORMATS = ("apa", "bibtex", "cff")
_TITLE = "nato-relations: NATO's relations with the world, a cited and versioned dataset"
_AUTHOR = "The nato-relations developers"
_URL = "https://pypi.org/project/nato-relations/"


def cite(format: str = "apa") -> str:
    """The citation of the installed release: version, as-of date, SHA-256 and address.

    ``format`` is ``"apa"`` (a reference to paste into a paper), ``"bibtex"``
    or ``"cff"`` (Citation File Format), in any case (``"BibTeX"``). Raises :class:`ValueError` for
    another format and :class:`TypeError` for a non-string.

        >>> "nato-relations" in cite("bibtex")
        True
    """
    if not isinstance(format, str):
        raise TypeError(f"format must be a string, not {type(format).__name__}")
    asked, format = format, format.strip().lower()  # any case, as every --format
    info = get_dataset().info
    version, as_of, digest = info.version, info.as_of, info.sha256
    if format == "apa":
        return (
            f"{_AUTHOR}. ({as_of.year}). {_TITLE} (Version {version}; data as of {as_of.isoformat()}; "
            f"SHA-256 {digest}) [Data set]. {_URL}\n"
        )
    if format == "bibtex":
        return (
            f"@misc{{nato_relations_{version.replace('.', '_')},\n"
            f"  author = {{{{{_AUTHOR}}}}},\n"
            f"  title = {{{_TITLE}}},\n"
            f"  year = {{{as_of.year}}},\n"
            f"  version = {{{version}}},\n"
            f"  howpublished = {{\\url{{{_URL}}}}},\n"
            f"  note = {{Data as of {as_of.isoformat()}; SHA-256 {digest}}}\n"
            "}\n"
        )
    if format == "cff":
        return (
            "cff-version: 1.2.0\n"
            "message: If you use this dataset, please cite the release you used.\n"
            "type: dataset\n"
            f'title: "{_TITLE}"\n'
            "authors:\n"
            f'  - name: "{_AUTHOR}"\n'
            f"version: {version}\n"
            f"date-released: {as_of.isoformat()}\n"
            f"url: {_URL}\n"
            "license: MIT\n"
            "identifiers:\n"
            "  - type: other\n"
            f"    value: sha256:{digest}\n"
            "    description: SHA-256 fingerprint of the release's data files\n"
        )
    raise ValueError(f"unknown citation format {quote(asked)}; expected one of: {', '.join(FORMATS)}")
