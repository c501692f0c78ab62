"""Files on the local disk: where a download may land, how it is written, what may be uploaded.

A download always lands inside the destination the caller named. Its bytes go to a temp file
beside the target, created with mode 0666 less the umask (as any file the user creates), and
are moved into place only once complete. A file named by the server never replaces an existing
one unless the caller says ``overwrite=True``. Every check of the caller's paths happens before
a request is sent, and raises `ValueError`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from dataclasses import dataclass
from email.message import Message
from pathlib import Path, PurePosixPath
from typing import BinaryIO

__all__ = ["Placement", "discard", "open_partial", "open_upload", "place", "plan_download"]

_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:]")
MAX_NAME_BYTES = 200
"""Longest file name taken from the server, in UTF-8 bytes: file systems allow 255, and the
rest is room for the temp file's name."""


def _suggested_name(content_disposition: str | None) -> str | None:
    if not content_disposition:
        return None
    message = Message()
    try:
        message["content-disposition"] = content_disposition
        name = message.get_filename()
    except (ValueError, TypeError, LookupError):  # a malformed or hostile header
        return None
    return name if isinstance(name, str) else None


def _shorten(name: str) -> str:
    """At most `MAX_NAME_BYTES` of UTF-8, keeping a short extension."""
    if len(name.encode("utf-8")) <= MAX_NAME_BYTES:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot or len(suffix.encode("utf-8")) > 16:
        stem, suffix = name, ""
    room = MAX_NAME_BYTES - len(suffix.encode("utf-8")) - (1 if suffix else 0)
    cut = stem.encode("utf-8")[:room].decode("utf-8", errors="ignore")
    return f"{cut}.{suffix}" if suffix else cut


def _clean(name: str | None) -> str | None:
    """A bare file name, or ``None``: no separators, no control characters, no dot names,
    and short enough for any file system."""
    if not name:
        return None
    base = _UNSAFE.sub("_", name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    if base in ("", ".", ".."):
        return None
    return _shorten(base)


@dataclass(frozen=True)
class Placement:
    """Where a download goes once its headers are in."""

    directory: Path | None
    """The folder the caller named, when the server names the file; else ``None``."""
    path: Path | None
    """The file the caller named, when they named one."""

    def target(self, remote_path: str, content_disposition: str | None) -> tuple[Path, bool]:
        """The file to write, and whether the server chose its name."""
        if self.path is not None:
            return self.path, False
        assert self.directory is not None
        name = _clean(_suggested_name(content_disposition)) or _clean(
            PurePosixPath(remote_path).name
        )
        chosen = (self.directory / (name or "download")).resolve()
        if chosen.parent != self.directory.resolve():
            raise ValueError(f"refusing to write {chosen} outside {self.directory}")
        return chosen, True


def plan_download(dest: str | os.PathLike[str]) -> Placement:
    """Check the caller's destination before anything is sent: an existing folder to write
    into, or a file path whose folder exists (an existing regular file there is replaced)."""
    target = Path(dest)
    if target.is_dir():
        _writable(target)
        return Placement(directory=target, path=None)
    if os.path.lexists(target) and not target.is_file():
        raise ValueError(f"{target} exists and is not a regular file or a folder")
    folder = target.parent
    if not folder.is_dir():
        raise ValueError(f"cannot download to {target}: {folder} is not an existing folder")
    _writable(folder)
    return Placement(directory=None, path=target)


def _writable(folder: Path) -> None:
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValueError(f"cannot download into {folder}: it is not writable")


def open_partial(target: Path) -> tuple[BinaryIO, Path]:
    """A new temp file beside ``target``: short-named (so a long target name still fits) and
    created 0666 less the umask, like any file the user makes."""
    while True:
        partial = target.parent / f".which50-{secrets.token_hex(6)}.part"
        try:
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - 48 random bits collided
            continue
        return os.fdopen(fd, "wb"), partial


def place(partial: Path, target: Path, *, replace: bool) -> None:
    """Move the complete temp file to ``target``. Without ``replace``, an existing file (or
    link) there is kept, atomically: `FileExistsError`."""
    if replace:
        os.replace(partial, target)
        return
    try:
        os.link(partial, target)
    except FileExistsError:
        raise
    except OSError as error:  # a file system without hard links: check, then move
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "file exists", str(target)) from None
        os.replace(partial, target)
        return
    os.unlink(partial)


def discard(partial: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(partial)


def open_upload(local_path: str | os.PathLike[str]) -> BinaryIO:
    """The file to upload, opened for reading: a regular file, or `ValueError` naming the path.

    It is opened without blocking and checked on the open descriptor, so a FIFO (which would
    block the open until a writer came) or a device is refused, and nothing can be swapped in
    between the check and the read.
    """
    path = Path(local_path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise ValueError(f"cannot upload {path}: {error.strerror or error}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
            raise ValueError(f"cannot upload {path}: it is {kind}")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
