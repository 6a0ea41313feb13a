"""Writing output files safely: into place by rename, never through a planted symlink, all or nothing.

A file is first written to a new temporary file beside its target, opened
with ``O_CREAT | O_EXCL`` (and ``O_NOFOLLOW`` where the platform has it), so
no existing file or link is ever opened for writing; it is then renamed over
the target. A target that is a symbolic link is refused, so a link planted
in a shared folder cannot redirect the write. When several files are
written, every temporary file is written before any is renamed, and a
failure removes them all: the folder keeps its old files. A replaced file
keeps its mode; a new one gets ``0o666`` less the umask, as any program's
would. Temporary names are short (``.`` and 8 hex digits and ``.tmp``), so a
target whose name is as long as the file system allows can still be written,
and every error names the target, not the temporary file.
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
            temporary = target.with_name(f".{os.urandom(4).hex()}.tmp")
            try:
                descriptor = os.open(temporary, _FLAGS, 0o666)  # the umask applies
                staged.append((temporary, target))
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(content)
                with contextlib.suppress(FileNotFoundError):
                    os.chmod(temporary, os.stat(target).st_mode & 0o7777)  # a replaced file keeps its mode
            except OSError as error:
                raise _naming(error, target) from None
        for temporary, target in staged:
            try:
                os.replace(temporary, target)
            except OSError as error:
                raise _naming(error, target) from None
    except BaseException:
        for temporary, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise


def _naming(error: OSError, target: Path) -> OSError:
    """The same error, naming the file the user asked for (not a temporary one, and never none)."""
    return type(error)(error.errno, error.strerror or str(error), str(target))
