"""`client.files`: the account's FTP folder. Uploads and downloads stream to and from disk."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
from which50_client.types import File

from .. import _operations as ops
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
from .._params import text
from .._transport import STREAM_EXTENSION
from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from which50_client.models import FileUploadRequest
    from which50_models import UploadedFile

__all__ = ["AsyncFiles", "Files"]

# downloadFile is called through the configured httpx client rather than the generated
# function, which buffers the whole body in memory; the route is the spec's (`GET /files`).
_DOWNLOAD_ROUTE = "files"
_OCTET_STREAM = "application/octet-stream"


def _download_params(remote_path: str) -> dict[str, str]:
    return {"filePath": text("remote_path", remote_path)}


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
        found = self._runner.run(ops.download_file, file_path=text("remote_path", remote_path))
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
        params = _download_params(remote_path)
        placement = plan_download(dest)
        with self._runner.http.stream(
            "GET", _DOWNLOAD_ROUTE, params=params, extensions={STREAM_EXTENSION: True}
        ) as response:
            download = _Download(placement, remote_path, overwrite, response)
            try:
                for chunk in response.iter_bytes(STREAM_CHUNK_SIZE):
                    download.write(chunk)
                download.ok = True
            except _STREAM_FAILURES as error:
                raise download.failed(error) from error
            finally:
                download.close()
        return download.target

    def delete(self, remote_path: str) -> None:
        """Delete a remote file (deleteFile)."""
        self._runner.run(ops.delete_file, file_path=text("remote_path", remote_path))


class AsyncFiles(AsyncResource):
    async def upload(
        self, local_path: str | os.PathLike[str], *, sub_folder: str | None = None
    ) -> UploadedFile:
        """Upload a local file, streamed from disk (uploadFile)."""
        body = _upload_body(local_path)
        with body.file.payload:
            return await self._runner.run(ops.upload_file, body=body, **_sub_folder(sub_folder))

    async def read(self, remote_path: str) -> bytes:
        """A (small) remote file's bytes, in memory (downloadFile)."""
        found = await self._runner.run(
            ops.download_file, file_path=text("remote_path", remote_path)
        )
        return found

    async def download(
        self, remote_path: str, dest: str | os.PathLike[str], *, overwrite: bool = False
    ) -> Path:
        """Stream a remote file to disk (downloadFile); see `Files.download`."""
        params = _download_params(remote_path)
        placement = plan_download(dest)
        async with self._runner.http.stream(
            "GET", _DOWNLOAD_ROUTE, params=params, extensions={STREAM_EXTENSION: True}
        ) as response:
            download = _Download(placement, remote_path, overwrite, response)
            try:
                async for chunk in response.aiter_bytes(STREAM_CHUNK_SIZE):
                    download.write(chunk)
                download.ok = True
            except _STREAM_FAILURES as error:
                raise download.failed(error) from error
            finally:
                download.close()
        return download.target

    async def delete(self, remote_path: str) -> None:
        """Delete a remote file (deleteFile)."""
        await self._runner.run(ops.delete_file, file_path=text("remote_path", remote_path))
