"""What changed between releases: the fact-by-fact list each release ships (data/changes.json)."""

from __future__ import annotations

from ._records import Change, ChangeAction
from ._version import __version__

__all__ = ["Change", "ChangeAction", "changes", "releases", "version_key"]


def _all() -> tuple[Change, ...]:
    from ._loader import read_pinned, structure_file

    result: tuple[Change, ...] = structure_file("changes.json", read_pinned("changes.json"))
    return result


def version_key(version: str) -> tuple[int, ...]:
    """``"2026.12.0"`` as ``(2026, 12, 0)``, so that releases sort in the order they were made."""
    return tuple(int(part) for part in version.split("."))


def releases() -> tuple[str, ...]:
    """The releases that :func:`changes` knows, oldest first.

    >>> releases()[-1] == __version__
    True
    """
    known = {__version__}
    for change in _all():
        known |= {change.release, change.previous}
    return tuple(sorted(known, key=version_key))


def changes(since: str | None = None) -> tuple[Change, ...]:
    """Every fact that changed after release ``since`` up to the installed release.

    ``since`` defaults to the release before the installed one, so that
    ``changes()`` lists what the installed release changed. The changes of
    each release are in the order of ``release``, ``table``, ``key``,
    ``field``; a record changed in two releases appears once per release.

    Raises :class:`ValueError` for a release this list does not know, naming
    those it does; :class:`TypeError` when ``since`` is not a string; and
    :class:`~nato_relations.exceptions.DataError` when the shipped list is
    damaged.

        >>> import nato_relations as nr
        >>> added = [c for c in nr.changes(since="2026.11.1") if c.action == "added" and c.table == "events"]
        >>> any(c.key == "PE 2026-01-14 designation MNNA" for c in added)
        True
    """
    known = releases()
    if since is None:
        since = known[-2] if len(known) > 1 else known[-1]
    if not isinstance(since, str):
        raise TypeError(f"since must be a release number such as {known[0]!r}, not {type(since).__name__}")
    if since not in known:
        from .exceptions import quote

        raise ValueError(f"unknown release {quote(since)}; the releases with a list of changes: {', '.join(known)}")
    after = known[known.index(since) + 1 :]
    return tuple(change for change in _all() if change.release in after)
