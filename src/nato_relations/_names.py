"""Turning what a user types into a lookup key, and suggesting near misses."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

__all__ = ["fold", "key", "parts", "resolve", "suggest"]

T = TypeVar("T")

# Footnote marks ("Kosovo*", "Serbia†", "France¹") and bracketed notes ("Chad [a]"), removed before folding.
_NOTES = re.compile(r"[*†‡§¶⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[[^\]]*\]")
# Apostrophes, straight and typographic, are dropped: "Côte d\u2019Ivoire" and "Cote d'Ivoire" read "cote divoire".
_APOSTROPHES = dict.fromkeys(map(ord, "'\u2019\u2018\u02bc\u02bb`\u00b4\u2032"), None)
# Initials with full stops are one word: "U.S.A." reads "usa", "U.S. Virgin Islands" "us virgin islands".
_INITIALS = re.compile(r"\b(?:[^\W\d_]\.){2,}")
_WORDS = re.compile(r"[^\W_]+")
#: Words that do not tell one country from another in English names ("Gambia, The", "Bosnia & Herzegovina").
_FILLERS = frozenset(("the", "of", "and"))
#: Abbreviations the statistical lists print, read as the word ("St. Lucia", "Korea, Rep.", "Cook Is.").
_ABBREVIATIONS = {"st": "saint", "rep": "republic", "dem": "democratic", "is": "islands", "isl": "islands"}
# A part of a name set off by parentheses or a slash: "Myanmar (Burma)", "Burma/Myanmar".
_PARTS = re.compile(r"\s*[()/]\s*")


def fold(text: str) -> str:
    """Fold case, accents and runs of white space: ``" Türkiye "`` -> ``"turkiye"`` (the order of names).

    >>> fold("  Bosnia   and HERZEGOVINA ")
    'bosnia and herzegovina'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def key(text: str) -> str:
    """The look-up key of a name: its words folded, fillers dropped, in alphabetical order.

    Folds case and accents; drops footnote marks, apostrophes (straight or
    typographic) and punctuation, and the words "the", "of" and "and"
    (so ``&`` too) unless nothing else is left; reads "St." as "saint", "Rep." as "republic", "Dem." as
    "democratic" and "Is." as "islands"; then sorts the words, so that
    "Korea, Rep.", "Republic of Korea" and "Korea (Republic of)" share one
    key, as do "Germany West" and "West Germany".

    >>> key("  Bosnia   &  HERZEGOVINA ")
    'bosnia herzegovina'
    >>> key("Korea, Rep.") == key("Republic of Korea")
    True
    >>> key("Côte d\u2019Ivoire") == key("Cote d'Ivoire"), key("Kosovo*")
    (True, 'kosovo')
    """
    text = _NOTES.sub(" ", text)
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().translate(_APOSTROPHES)
    if "." in folded:
        folded = _INITIALS.sub(lambda m: m.group().replace(".", ""), folded)
    words = [_ABBREVIATIONS.get(word, word) for word in _WORDS.findall(folded)]
    kept = [word for word in words if word not in _FILLERS] or words  # "AND" (Andorra's alpha-3) stays itself
    return " ".join(sorted(kept))


def parts(text: str) -> tuple[str, ...]:
    """The parts of a name that parentheses or slashes set off, or ``()`` if it has none.

    >>> parts("Myanmar (Burma)"), parts("Burma/Myanmar"), parts("Burma")
    (('Myanmar', 'Burma'), ('Burma', 'Myanmar'), ())
    """
    if "(" not in text and "/" not in text:
        return ()
    found = tuple(part for part in _PARTS.split(text) if part.strip())
    return found if len(found) > 1 else ()


def resolve(text: str, find: Callable[[str], Sequence[T]]) -> tuple[T, ...]:
    """What ``text`` names: ``find`` of its key, or else what every part of it names alike.

    ``find`` maps a key to the candidates it names (empty when none, more
    than one when the key is ambiguous). A name whose key names nothing is
    read part by part ("Myanmar (Burma)", "Burma/Myanmar"): it names what
    all its parts name together, so "Congo (Kinshasa)" names nothing unless
    "Kinshasa" names the Democratic Republic of the Congo too, and
    "Serbia/Montenegro" names nothing at all.
    """
    found = tuple(find(key(text)))
    if found:
        return found
    common: list[T] | None = None
    for part in parts(text):
        named = find(key(part))
        common = list(named) if common is None else [c for c in common if c in named]
        if not common:
            return ()
    return () if common is None else tuple(common)


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
