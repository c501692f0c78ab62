# Generated from overlay/which50/_async/files.py by scripts/unasync.py: do not edit.
"""`client.files`: the account's FTP folder. `read` and `delete` are generated from the spec
(`which50_resources`); uploads and downloads are written here, because they stream to and from
disk.

The local side of a download (where it lands, the temp file, the errors) is `_download.Download`,
shared by both twins; the methods here send the request and feed it the body.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from which50_resources import _operations as ops
from which50_resources import _runtime as rt
from which50_resources.files import FilesResource

from .._constants import STREAM_CHUNK_SIZE
from .._download import STREAM_FAILURES, Download, open_upload, plan_download
from .._transport import STREAM_EXTENSION
from .runner import SyncRunner

if TYPE_CHECKING:
    from which50_models import UploadedFile

__all__ = ["Files"]

_OCTET_STREAM = "application/octet-stream"


def _download_request(file_path: str) -> dict[str, Any]:
    """downloadFile, sent through the client's stream (the generated `read` buffers the body)."""
    request = ops.download_file.request(query={"filePath": rt.text("file_path", file_path)})
    return {**request, "extensions": {STREAM_EXTENSION: True}}


def _upload_request(
    local_path: str | os.PathLike[str], sub_folder: str | None
) -> tuple[dict[str, Any], IO[bytes]]:
    """uploadFile's request, and the open file it streams (the caller closes it)."""
    query = {"subFolder": None if sub_folder is None else rt.text("sub_folder", sub_folder)}
    handle = open_upload(local_path)
    part = (Path(local_path).name, handle, _OCTET_STREAM)
    return ops.upload_file.request(query=query, files={"file": part}), handle


class Files(FilesResource):
    """`client.files`: upload, download, read and delete files of the account's FTP folder."""

    _runner: SyncRunner

    def upload(
        self, local_path: str | os.PathLike[str], *, sub_folder: str | None = None
    ) -> UploadedFile:
        """Upload a local file, streamed from disk (`uploadFile`: `POST /files`). A path that is
        not a regular file is a `ValueError`, before anything is sent."""
        request, handle = _upload_request(local_path, sub_folder)
        with handle:
            return self._runner.run(ops.upload_file, request)

    def download(
        self, file_path: str, dest: str | os.PathLike[str], *, overwrite: bool = False
    ) -> Path:
        """Stream a remote file to disk (`downloadFile`: `GET /files`) and return where it went.

        ``dest`` is an existing folder (the file goes directly inside it, under the server's
        name, cleaned) or a file path (replaced if it exists). A file the server names never
        replaces an existing one unless ``overwrite=True``: `DownloadExistsError`. The bytes go
        to a temp file beside the target, moved into place only once complete, so a failed
        download leaves nothing behind. The file's mode follows the umask.
        """
        request = _download_request(file_path)
        placement = plan_download(dest)
        with self._runner.http.stream(**request) as response:
            download = Download(placement, file_path, overwrite, response)
            try:
                for chunk in response.iter_bytes(STREAM_CHUNK_SIZE):
                    download.write(chunk)
                download.ok = True
            except STREAM_FAILURES as error:
                raise download.failed(error) from error
            finally:
                download.close()
        return download.target
