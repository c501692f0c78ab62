# Generated from overlay/which50/_async/files.py by scripts/unasync.py: do not edit.
"""`client.files`: the account's FTP folder. Uploads and downloads stream to and from disk.

The local side of a download (where it lands, the temp file, the errors) is `_download.Download`,
shared by both twins; the methods here send the request and feed it the body.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from which50_client.types import File

from .. import _operations as ops
from .._constants import STREAM_CHUNK_SIZE
from .._download import STREAM_FAILURES, Download, open_upload, plan_download
from .._params import text
from .._transport import STREAM_EXTENSION
from ..resources._base import SyncResource

if TYPE_CHECKING:
    from which50_client.models import FileUploadRequest
    from which50_models import UploadedFile

__all__ = ["Files"]

# downloadFile is called through the configured httpx client rather than the generated
# function, which buffers the whole body in memory; the route is the spec's (`GET /files`).
_DOWNLOAD_ROUTE = "files"
_OCTET_STREAM = "application/octet-stream"


def _upload_body(local_path: str | os.PathLike[str]) -> FileUploadRequest:
    from which50_client.models import FileUploadRequest

    # The caller closes the handle (`with body.file.payload`); httpx reads it in chunks.
    return FileUploadRequest(
        file=File(
            payload=open_upload(local_path),
            file_name=Path(local_path).name,
            mime_type=_OCTET_STREAM,
        )
    )


def _sub_folder(sub_folder: str | None) -> dict[str, str]:
    return {} if sub_folder is None else {"sub_folder": text("sub_folder", sub_folder)}


class Files(SyncResource):
    def upload(
        self, local_path: str | os.PathLike[str], *, sub_folder: str | None = None
    ) -> UploadedFile:
        """Upload a local file, streamed from disk (uploadFile)."""
        body = _upload_body(local_path)
        with body.file.payload:
            return self._runner.run(ops.upload_file, body=body, **_sub_folder(sub_folder))

    def read(self, remote_path: str) -> bytes:
        """A (small) remote file's bytes, in memory (downloadFile)."""
        found = self._runner.run(
            ops.download_file, file_path=text("remote_path", remote_path)
        )
        return found

    def download(
        self, remote_path: str, dest: str | os.PathLike[str], *, overwrite: bool = False
    ) -> Path:
        """Stream a remote file to disk (downloadFile) and return where it went.

        ``dest`` is an existing folder (the file goes directly inside it, under the server's
        name, cleaned) or a file path (replaced if it exists). A file the server names never
        replaces an existing one unless ``overwrite=True``: `DownloadExistsError`. The bytes go
        to a temp file beside the target, moved into place only once complete, so a failed
        download leaves nothing behind. The file's mode follows the umask.
        """
        params = {"filePath": text("remote_path", remote_path)}
        placement = plan_download(dest)
        with self._runner.http.stream(
            "GET", _DOWNLOAD_ROUTE, params=params, extensions={STREAM_EXTENSION: True}
        ) as response:
            download = Download(placement, remote_path, overwrite, response)
            try:
                for chunk in response.iter_bytes(STREAM_CHUNK_SIZE):
                    download.write(chunk)
                download.ok = True
            except STREAM_FAILURES as error:
                raise download.failed(error) from error
            finally:
                download.close()
        return download.target

    def delete(self, remote_path: str) -> None:
        """Delete a remote file (deleteFile)."""
        self._runner.run(ops.delete_file, file_path=text("remote_path", remote_path))
