"""The exceptions that nato_relations raises on purpose."""

from __future__ import annotations

__all__ = [
    "AmbiguousCountryError",
    "BeyondDataWarning",
    "CountryNotFoundError",
    "DataError",
    "ExtraNotInstalledError",
    "NatoRelationsError",
    "NotFoundError",
    "ProgrammeNotFoundError",
]

_MAX_QUOTED = 60


def quote(value: object) -> str:
    """``repr`` of ``value``, control characters escaped, cut to a readable length."""
    if isinstance(value, str) and len(value) > _MAX_QUOTED:
        value = value[:_MAX_QUOTED]  # never repr a huge string whole
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__ must not hide the real error
        text = f"<{type(value).__name__} object>"
    if len(text) > _MAX_QUOTED:
        text = text[: _MAX_QUOTED - 3] + "..."
    return text


class NatoRelationsError(Exception):
    """Base class of every exception defined here."""


class NotFoundError(NatoRelationsError, LookupError):
    """An identifier matched nothing; ``suggestions`` holds up to three close names.

    ``note`` explains the miss when more than "no such name" can be said
    (a bare number is read as an ISO code, not as a COW or G-W code).
    """

    what = "identifier"

    def __init__(self, identifier: object, suggestions: tuple[str, ...] = (), note: str = "") -> None:
        self.identifier = identifier
        self.suggestions = suggestions
        message = f"unknown {self.what} {quote(identifier)}"
        if note:
            message += f" ({note})"
        if suggestions:
            message += "; did you mean " + ", ".join(suggestions) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class CountryNotFoundError(NotFoundError):
    """No country has this code, name, alias or former name."""

    what = "country"


class AmbiguousCountryError(CountryNotFoundError):
    """A name that several countries answer to ("Korea"); ``suggestions`` names each of them.

    A :class:`CountryNotFoundError`, so code that handles an unknown name
    handles this one too: no country is chosen for an ambiguous name.
    """

    def __init__(self, identifier: object, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(identifier, suggestions)
        self.args = (f"ambiguous country {quote(identifier)}: it could be " + " or ".join(suggestions),)


class ProgrammeNotFoundError(NotFoundError):
    """No programme has this code, name or alias."""

    what = "programme"


class ExtraNotInstalledError(NatoRelationsError, ImportError):
    """A feature needs an optional dependency that is not installed.

    The message names the ``pip install`` command that brings it.
    """

    def __init__(self, feature: str, extra: str, module: str) -> None:
        super().__init__(f"{feature} needs {module}: pip install 'nato-relations[{extra}]'")
        self.extra = extra


class DataError(NatoRelationsError, ValueError):
    """A shipped data file is missing, malformed or inconsistent.

    ``location`` names the file and record, e.g.
    ``data/participations.json[41].start``.
    """

    def __init__(self, location: str, problem: str) -> None:
        self.location = location
        self.problem = problem
        super().__init__(f"{location}: {problem}")


class BeyondDataWarning(UserWarning):
    """A day asked about lies outside what the data can speak for: after the release's as-of date, or
    (for the map) before NATO existed. The answer is still given, from what was known on the as-of date;
    ``dataset_info().as_of`` says which day that is. Silence it with :mod:`warnings` filters.
    """
