"""`client.files`: the account's FTP folder. Uploads and downloads stream to and from disk."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
from which50_client.types import File

from .. import _endpoints as ep
from .._constants import STREAM_CHUNK_SIZE
from .._download import open_partial, safe_target
from .._errors import APIConnectionError, APITimeoutError
from .._params import text
from .._transport import STREAM_EXTENSION
from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from which50_client.models import FileUploadRequest, UploadedFile

__all__ = ["AsyncFiles", "Files"]

# downloadFile is called through the configured httpx client rather than the generated
# function, which buffers the whole body in memory; the route is the spec's (`GET /files`).
_DOWNLOAD_ROUTE = "files"
_OCTET_STREAM = "application/octet-stream"


def _download_params(remote_path: str) -> dict[str, str]:
    return {"filePath": text("remote_path", remote_path)}


def _upload_body(local_path: str | os.PathLike[str]) -> FileUploadRequest:
    from which50_client.models import FileUploadRequest

    path = Path(local_path)
    if not path.is_file():
        raise FileNotFoundError(f"no file to upload at {path}")
    # The caller closes the handle (`with body.file.payload`); httpx reads it in chunks.
    return FileUploadRequest(
        file=File(payload=path.open("rb"), file_name=path.name, mime_type=_OCTET_STREAM)
    )


def _sub_folder(sub_folder: str | None) -> dict[str, str]:
    return {} if sub_folder is None else {"sub_folder": text("sub_folder", sub_folder)}


def _finish(fd: int, partial: str, target: Path, ok: bool) -> None:
    os.close(fd)
    if ok:
        os.replace(partial, target)
    else:
        os.unlink(partial)


class Files(SyncResource):
    def upload(
        self, local_path: str | os.PathLike[str], *, sub_folder: str | None = None
    ) -> UploadedFile:
        """Upload a local file, streamed from disk (uploadFile)."""
        body = _upload_body(local_path)
        with body.file.payload:
            return self._runner.run(
                ep.upload_file.sync_detailed, body=body, **_sub_folder(sub_folder)
            )

    def read(self, remote_path: str) -> bytes:
        """A (small) remote file's bytes, in memory (downloadFile)."""
        found = self._runner.run(
            ep.download_file.sync_detailed, file_path=text("remote_path", remote_path)
        )
        return found.payload.read()

    def download(self, remote_path: str, dest: str | os.PathLike[str]) -> Path:
        """Stream a remote file to disk (downloadFile) and return where it went.

        ``dest`` is a directory (the file goes directly inside it, under a cleaned name) or a
        file path. The bytes go to a temp file beside the target, renamed into place only
        once complete, so a failed download leaves nothing behind.
        """
        params = _download_params(remote_path)
        with self._runner.http.stream(
            "GET", _DOWNLOAD_ROUTE, params=params, extensions={STREAM_EXTENSION: True}
        ) as response:
            target = safe_target(dest, remote_path, response.headers.get("content-disposition"))
            fd, partial = open_partial(target)
            ok = False
            try:
                for chunk in response.iter_bytes(STREAM_CHUNK_SIZE):
                    os.write(fd, chunk)
                ok = True
            except httpx.TransportError as exc:
                raise _broken_stream(response, exc) from exc
            finally:
                _finish(fd, partial, target, ok)
        return target

    def delete(self, remote_path: str) -> None:
        """Delete a remote file (deleteFile)."""
        self._runner.run(ep.delete_file.sync_detailed, file_path=text("remote_path", remote_path))


class AsyncFiles(AsyncResource):
    async def upload(
        self, local_path: str | os.PathLike[str], *, sub_folder: str | None = None
    ) -> UploadedFile:
        """Upload a local file, streamed from disk (uploadFile)."""
        body = _upload_body(local_path)
        with body.file.payload:
            return await self._runner.run(
                ep.upload_file.asyncio_detailed, body=body, **_sub_folder(sub_folder)
            )

    async def read(self, remote_path: str) -> bytes:
        """A (small) remote file's bytes, in memory (downloadFile)."""
        found = await self._runner.run(
            ep.download_file.asyncio_detailed, file_path=text("remote_path", remote_path)
        )
        return found.payload.read()

    async def download(self, remote_path: str, dest: str | os.PathLike[str]) -> Path:
        """Stream a remote file to disk (downloadFile); see `Files.download`."""
        params = _download_params(remote_path)
        async with self._runner.http.stream(
            "GET", _DOWNLOAD_ROUTE, params=params, extensions={STREAM_EXTENSION: True}
        ) as response:
            target = safe_target(dest, remote_path, response.headers.get("content-disposition"))
            fd, partial = open_partial(target)
            ok = False
            try:
                async for chunk in response.aiter_bytes(STREAM_CHUNK_SIZE):
                    os.write(fd, chunk)
                ok = True
            except httpx.TransportError as exc:
                raise _broken_stream(response, exc) from exc
            finally:
                _finish(fd, partial, target, ok)
        return target

    async def delete(self, remote_path: str) -> None:
        """Delete a remote file (deleteFile)."""
        await self._runner.run(
            ep.delete_file.asyncio_detailed, file_path=text("remote_path", remote_path)
        )


def _broken_stream(response: httpx.Response, exc: httpx.TransportError) -> APIConnectionError:
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    return cls(f"the download was cut short: {exc}", request=response.request)
