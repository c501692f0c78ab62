"""The traversal guard of the files operations.

Every `filePath`, `subFolder` and upload file name goes through `relative_path`, which accepts
only a plain relative, `/`-separated path, and then through `inside`, which checks its length
against the file system's limits (a name longer than `NAME_MAX` bytes, or a whole path longer than
`PATH_MAX`, can name no file), resolves it (symbolic links included) and proves it stays under
the sandbox's folder. Anything else is a `PathError`, which the routes answer with 400, before
any file is touched.
"""

from __future__ import annotations

import os
import pathlib
import re

# A percent escape still present after the server decoded the query once is a double-encoded
# path (`%252e%252e` arrives as `%2e%2e`); no legitimate file name here needs one.
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_DRIVE = re.compile(r"^[A-Za-z]:")


class PathError(ValueError):
    """A path that is not a plain relative path inside the sandbox's folder."""


def relative_path(raw: str, *, allow_empty: bool = False) -> tuple[str, ...]:
    """The segments of `raw`, a relative `/`-separated path, or PathError."""
    if raw == "":
        if allow_empty:
            return ()
        raise PathError("The path is empty.")
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in raw):
        raise PathError("The path contains a control character.")
    if "\\" in raw:
        raise PathError("The path contains a backslash.")
    if raw.startswith("/") or _DRIVE.match(raw):
        raise PathError("The path is absolute.")
    if _ESCAPE.search(raw):
        raise PathError("The path contains a percent-encoded character.")
    segments = tuple(raw.split("/"))
    for segment in segments:
        if segment in ("", ".", ".."):
            raise PathError(f"The path has an empty, '.' or '..' segment: {raw!r}.")
    return segments


def file_name(raw: str) -> str:
    """A single path segment (an upload's file name), or PathError."""
    segments = relative_path(raw)
    if len(segments) != 1:
        raise PathError("The file name contains a '/'.")
    return segments[0]


def _limit(root: pathlib.Path, name: str, fallback: int) -> int:
    try:
        return os.pathconf(root, name)
    except (OSError, ValueError):
        return fallback


def inside(root: pathlib.Path, segments: tuple[str, ...]) -> pathlib.Path:
    """The resolved path of `segments` under `root`; PathError if it is too long for the file
    system or would leave `root`."""
    base = root.resolve()
    name_max = _limit(base, "PC_NAME_MAX", 255)
    for segment in segments:
        if len(os.fsencode(segment)) > name_max:
            raise PathError(f"The path has a name longer than {name_max} bytes.")
    joined = base.joinpath(*segments)
    path_max = _limit(base, "PC_PATH_MAX", 4096)
    if len(os.fsencode(joined)) >= path_max:
        raise PathError(f"The path is longer than the file system allows ({path_max} bytes).")
    target = joined.resolve()
    if target != base and not target.is_relative_to(base):
        raise PathError("The path leaves the files folder.")
    return target
