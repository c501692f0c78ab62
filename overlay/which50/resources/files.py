"""`client.files`: the account's FTP folder. `read` and `delete` are generated from the spec
(`which50_resources`); uploads and downloads are written here, because they stream to and from
disk."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import httpx
from which50_resources import _operations as ops
from which50_resources import _runtime as rt
from which50_resources.files import AsyncFilesResource, FilesResource

from .._constants import STREAM_CHUNK_SIZE
from .._download import Placement, discard, open_partial, open_upload, place, plan_download
from .._errors import (
    APIConnectionError,
    APITimeoutError,
    DownloadExistsError,
    LocalFileError,
    UnexpectedResponseError,
    make_status_error,
)
from .._runner import AsyncRunner, SyncRunner
from .._transport import STREAM_EXTENSION

if TYPE_CHECKING:
    from which50_models import UploadedFile

__all__ = ["AsyncFiles", "Files"]

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


class _Download:
    """One download's local side: the target, the temp file, and every failure mapped to a
    `which50` error. The sync and async methods differ only in how they read the stream."""

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


# What may fail while a download streams to disk (see `_Download.failed`).
_STREAM_FAILURES = (httpx.TransportError, httpx.DecodingError, OSError)


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
            download = _Download(placement, file_path, overwrite, response)
            try:
                for chunk in response.iter_bytes(STREAM_CHUNK_SIZE):
                    download.write(chunk)
                download.ok = True
            except _STREAM_FAILURES as error:
                raise download.failed(error) from error
            finally:
                download.close()
        return download.target


class AsyncFiles(AsyncFilesResource):
    """`aclient.files`: the async twin of `Files`."""

    _runner: AsyncRunner

    async def upload(
        self, local_path: str | os.PathLike[str], *, sub_folder: str | None = None
    ) -> UploadedFile:
        """Upload a local file, streamed from disk (`uploadFile`); see `Files.upload`."""
        request, handle = _upload_request(local_path, sub_folder)
        with handle:
            return await self._runner.run(ops.upload_file, request)

    async def download(
        self, file_path: str, dest: str | os.PathLike[str], *, overwrite: bool = False
    ) -> Path:
        """Stream a remote file to disk (`downloadFile`); see `Files.download`."""
        request = _download_request(file_path)
        placement = plan_download(dest)
        async with self._runner.http.stream(**request) as response:
            download = _Download(placement, file_path, overwrite, response)
            try:
                async for chunk in response.aiter_bytes(STREAM_CHUNK_SIZE):
                    download.write(chunk)
                download.ok = True
            except _STREAM_FAILURES as error:
                raise download.failed(error) from error
            finally:
                download.close()
        return download.target
