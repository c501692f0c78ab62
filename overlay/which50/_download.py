"""Files on the local disk: where a download may land, how it is written, what may be uploaded.

A download always lands inside the destination the caller named. Its bytes go to a temp file
beside the target, created with mode 0666 less the umask (as any file the user creates), and
are moved into place only once complete. A file named by the server never replaces an existing
one unless the caller says ``overwrite=True``. Every check of the caller's paths happens before
a request is sent, and raises `ValueError`.

`Download` is one download's local side, shared by both twins of ``files.download``: they only
feed it the body's chunks, and it maps every failure to a `which50` error.
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

import httpx

from ._errors import (
    APIConnectionError,
    APITimeoutError,
    DownloadExistsError,
    LocalFileError,
    UnexpectedResponseError,
    make_status_error,
)

__all__ = [
    "STREAM_FAILURES",
    "Download",
    "Placement",
    "discard",
    "open_partial",
    "open_upload",
    "place",
    "plan_download",
]

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


class Download:
    """One download's local side: the target, the temp file, and every failure mapped to a
    `which50` error (`files.download` of either twin streams the body into it)."""

    def __init__(
        self, placement: Placement, remote_path: str, overwrite: bool, response: httpx.Response
    ) -> None:
        self.request = response.request
        disposition = response.headers.get("content-disposition")
        self.target, named_by_server = placement.target(remote_path, disposition)
        self.replace = overwrite or not named_by_server
        if not self.replace and os.path.lexists(self.target):
            raise self._exists()
        try:
            self.handle, self.partial = open_partial(self.target)
        except OSError as error:
            raise self._local(error) from error
        self.ok = False

    def write(self, chunk: bytes) -> None:
        self.handle.write(chunk)

    def failed(self, error: Exception) -> Exception:
        """The `which50` error for a failure while the body streamed to disk."""
        if isinstance(error, httpx.TransportError):
            cls = (
                APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
            )
            return cls(f"the download was cut short: {error}", request=self.request)
        if isinstance(error, httpx.DecodingError):
            unusable = make_status_error(
                method=self.request.method,
                url=self.request.url,
                status_code=200,
                headers=httpx.Headers(),
                content=b"",
                reason=f"the download does not decode as its Content-Encoding says: {error}",
            )
            assert isinstance(unusable, UnexpectedResponseError)
            return unusable
        assert isinstance(error, OSError)
        return self._local(error)

    def close(self) -> None:
        """Move the complete file into place, or remove the partial one."""
        try:
            self.handle.close()
            if self.ok:
                place(self.partial, self.target, replace=self.replace)
        except FileExistsError:
            raise self._exists() from None
        except OSError as error:
            raise self._local(error) from error
        finally:
            discard(self.partial)

    def _exists(self) -> DownloadExistsError:
        return DownloadExistsError(
            f"{self.target} exists already; the server named this download, so it is not "
            "replaced (pass overwrite=True to replace it)",
            request=self.request,
            errno=errno.EEXIST,
            filename=str(self.target),
        )

    def _local(self, error: OSError) -> LocalFileError:
        return LocalFileError(
            f"writing the download to {self.target} failed: {error.strerror or error}",
            request=self.request,
            errno=error.errno,
            filename=str(self.target),
        )


STREAM_FAILURES = (httpx.TransportError, httpx.DecodingError, OSError)
"""What may fail while a download streams to disk (see `Download.failed`)."""
