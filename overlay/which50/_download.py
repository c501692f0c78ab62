"""Where a download may land: always inside the destination the caller named."""

from __future__ import annotations

import os
import re
import tempfile
from email.message import Message
from pathlib import Path, PurePosixPath

__all__ = ["open_partial", "safe_target"]

_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:]")


def _suggested_name(content_disposition: str | None) -> str | None:
    if not content_disposition:
        return None
    message = Message()
    message["content-disposition"] = content_disposition
    name = message.get_filename()
    return name if isinstance(name, str) else None


def _clean(name: str | None) -> str | None:
    """A bare file name, or ``None``: no separators, no control characters, no dot names."""
    if not name:
        return None
    base = _UNSAFE.sub("_", name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    return None if base in ("", ".", "..") else base


def safe_target(
    dest: str | os.PathLike[str], remote_path: str, content_disposition: str | None
) -> Path:
    """The file to write. If ``dest`` is a directory, the file goes directly inside it, named
    after the server's suggestion or else the remote path's last segment, cleaned so that it
    cannot climb out. Otherwise ``dest`` itself is the file."""
    target = Path(dest)
    if not target.is_dir():
        return target
    name = _clean(_suggested_name(content_disposition)) or _clean(PurePosixPath(remote_path).name)
    chosen = (target / (name or "download")).resolve()
    if chosen.parent != target.resolve():
        raise ValueError(f"refusing to write {chosen} outside {target}")
    return chosen


def open_partial(target: Path) -> tuple[int, str]:
    """A temp file beside ``target`` (renamed over it once complete), as (fd, path)."""
    return tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
