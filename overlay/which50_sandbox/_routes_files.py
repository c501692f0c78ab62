"""Files (#30-#32): upload, download and delete inside the sandbox's own folder.

Every path goes through the traversal guard (`_paths`) before any file is touched, and an error
the file system raises because of the path's shape (a name or path too long, a file where a
folder should be) is a 400 too, never a 500. Uploads are
streamed to a temporary file beside the target and renamed into place; downloads stream from
disk. A delete with `download=true` first moves the file to the sandbox's private scratch
folder, then streams it from there and removes it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import pathlib
import tempfile
from collections.abc import Iterator

from starlette.background import BackgroundTask
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route
from which50_models import UploadedFile

from ._http import ApiError, bad_request, model_json
from ._paths import PathError, file_name, inside, relative_path
from ._state import Sandbox, sandbox

CHUNK = 1 << 20
DEFAULT_UPLOAD_NAME = "upload.bin"


# errors of the path's own shape: the caller's to fix, not the server's
_PATH_ERRNOS = frozenset({errno.ENAMETOOLONG, errno.ENOTDIR, errno.EISDIR, errno.ELOOP})


@contextlib.contextmanager
def _path_errors() -> Iterator[None]:
    """Answer a file-system error caused by the path with 400; let others be the server's."""
    try:
        yield
    except OSError as exc:
        if exc.errno not in _PATH_ERRNOS:
            raise
        raise bad_request(f"The file system refuses the path: {os.strerror(exc.errno)}.") from None


def _existing_file(sb: Sandbox, request: Request) -> pathlib.Path:
    raw = request.query_params.get("filePath")
    if raw is None:
        raise bad_request("filePath is required.")
    try:
        path = inside(sb.files_root, relative_path(raw))
    except PathError as exc:
        raise bad_request(str(exc)) from None
    with _path_errors():
        if not path.is_file():
            raise ApiError(404, "No file found at that path.")
    return path


def _flag(request: Request, name: str) -> bool:
    raw = request.query_params.get(name, "false").lower()
    if raw not in ("true", "false", "1", "0"):
        raise bad_request(f"{name} must be true or false.")
    return raw in ("true", "1")


async def download_file(request: Request) -> Response:
    path = _existing_file(sandbox(request), request)
    return FileResponse(path, media_type="application/octet-stream", filename=path.name)


async def delete_file(request: Request) -> Response:
    sb = sandbox(request)
    path = _existing_file(sb, request)
    if not _flag(request, "download"):
        with _path_errors():
            path.unlink()
        return Response(b"", media_type="application/octet-stream")
    fd, moved = tempfile.mkstemp(dir=sb.scratch)
    os.close(fd)
    try:
        with _path_errors():
            os.replace(path, moved)
    except BaseException:
        os.unlink(moved)
        raise
    return FileResponse(
        moved,
        media_type="application/octet-stream",
        filename=path.name,
        background=BackgroundTask(os.unlink, moved),
    )


async def upload_file(request: Request) -> Response:
    sb = sandbox(request)
    try:
        folder = relative_path(request.query_params.get("subFolder", ""), allow_empty=True)
        target_dir = inside(sb.files_root, folder)
    except PathError as exc:
        raise bad_request(str(exc)) from None
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise bad_request("The file must be sent as multipart/form-data.")
    async with request.form(max_part_size=CHUNK) as form:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise bad_request("The form has no file part named 'file'.")
        try:
            name = file_name(upload.filename or DEFAULT_UPLOAD_NAME)
            target = inside(sb.files_root, (*folder, name))
        except PathError as exc:
            raise bad_request(str(exc)) from None
        with _path_errors():
            if (target_dir.exists() and not target_dir.is_dir()) or target.is_dir():
                raise bad_request("The path names a folder, not a file.")
            target_dir.mkdir(parents=True, exist_ok=True)
            size = await _save(upload, target)
    return model_json(
        UploadedFile, {"FilePath": "/".join((*folder, name)), "FileName": name, "Size": size}
    )


async def _save(upload: UploadFile, target: pathlib.Path) -> int:
    """Stream the upload to a temporary file beside `target`, then rename it into place."""
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".which50-upload-")
    size = 0
    try:
        with os.fdopen(fd, "wb") as out:
            while chunk := await upload.read(CHUNK):
                out.write(chunk)
                size += len(chunk)
        os.replace(temporary, target)
    except BaseException:
        pathlib.Path(temporary).unlink(missing_ok=True)
        raise
    return size


routes = [
    Route("/files", download_file, methods=["GET"]),
    Route("/files", upload_file, methods=["POST"]),
    Route("/files", delete_file, methods=["DELETE"]),
]
