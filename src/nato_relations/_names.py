"""Turning what a user types into a lookup key, and suggesting near misses."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

__all__ = ["key", "suggest"]


def key(text: str) -> str:
    """Fold case, accents and runs of white space: ``" Türkiye "`` -> ``"turkiye"``.

    >>> key("  Bosnia   and HERZEGOVINA ")
    'bosnia and herzegovina'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def suggest(typed: str, names: Mapping[str, str], limit: int = 3) -> tuple[str, ...]:
    """Up to ``limit`` display names whose keys are close to ``typed``, closest first.

    ``names`` maps lookup keys to the display name each stands for; close
    means a :mod:`difflib` similarity of at least 0.6 (its default). Only
    the first 100 characters typed are compared.
    """
    import difflib  # only paid for on a miss

    wanted = key(typed[:100])
    if not wanted:
        return ()
    found: list[str] = []
    for match in difflib.get_close_matches(wanted, names.keys(), n=len(names)):  # every close key, best first
        if names[match] not in found:
            found.append(names[match])
        if len(found) == limit:
            break
    return tuple(found)
