"""Writing output files safely: into place by rename, never through a planted symlink, all or nothing.

A file is first written to a new temporary file beside its target, opened
with ``O_CREAT | O_EXCL`` (and ``O_NOFOLLOW`` where the platform has it), so
no existing file or link is ever opened for writing; it is then renamed over
the target. A target that is a symbolic link is refused, so a link planted
in a shared folder cannot redirect the write. When several files are
written, every temporary file is written before any is renamed, and a
failure removes them all: the folder keeps its old files.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path

__all__ = ["write_files"]

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def write_files(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write every ``(path, content)`` pair, or none of them.

    The targets' folders must exist. Raises :class:`OSError` (nothing
    replaced) when a folder is missing or not writable, or when a target
    is a symbolic link or a directory.
    """
    for target, _ in files:
        if target.is_symlink():
            raise OSError(f"refusing to replace the symbolic link {target}")
        if target.is_dir():
            raise IsADirectoryError(f"{target} is a directory")
    staged: list[tuple[Path, Path]] = []
    try:
        for target, content in files:
            temporary = target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp")
            descriptor = os.open(temporary, _FLAGS, 0o644)
            staged.append((temporary, target))
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(content)
        for temporary, target in staged:
            os.replace(temporary, target)
    except BaseException:
        for temporary, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise
