"""Paths the file system cannot take are a 400 on every files operation, never a 500."""

from __future__ import annotations

import os
import pathlib
from collections.abc import AsyncIterator

import httpx
import pytest
from which50_sandbox import SandboxConfig

from ._inprocess import in_process

pytestmark = pytest.mark.anyio

NAME_MAX = 255  # bytes, Linux
PATH_MAX = 4096


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def files(tmp_path: pathlib.Path) -> pathlib.Path:
    folder = tmp_path / "files"
    folder.mkdir()
    return folder


@pytest.fixture
async def client(files: pathlib.Path) -> AsyncIterator[httpx.AsyncClient]:
    config = SandboxConfig(token="T", contacts=0, frozen_time=True, files_dir=files)
    async with in_process(config) as (c, _):
        yield c


def snapshot(folder: pathlib.Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# a relative path of short names whose absolute form is longer than PATH_MAX
TOO_LONG_PATH = "/".join(["d" * 200] * (PATH_MAX // 200 + 1))


async def upload(client: httpx.AsyncClient, name: str, folder: str | None = None) -> httpx.Response:
    params = {"subFolder": folder} if folder is not None else {}
    return await client.post("/files", params=params, files={"file": (name, b"data")})


def assert_bad_request(response: httpx.Response) -> None:
    assert response.status_code == 400, response.text
    body = response.json()
    assert set(body) == {"Message", "MessageDetail"} and body["MessageDetail"]


async def test_over_long_names_are_a_400_and_touch_nothing(
    client: httpx.AsyncClient, files: pathlib.Path
) -> None:
    before = snapshot(files)
    long_name = "a" * (NAME_MAX + 1)
    wide_name = "é" * (NAME_MAX // 2 + 1)  # 256 bytes in UTF-8, 128 characters
    deep = TOO_LONG_PATH
    for response in [
        await upload(client, long_name),
        await upload(client, wide_name),
        await upload(client, "x.csv", folder=long_name),
        await upload(client, "x.csv", folder=f"imports/{long_name}/more"),
        await upload(client, "x.csv", folder=deep),
        await client.get("/files", params={"filePath": long_name}),
        await client.get("/files", params={"filePath": f"{deep}/x.csv"}),
        await client.delete("/files", params={"filePath": long_name}),
        await client.delete("/files", params={"filePath": long_name, "download": "true"}),
        await client.delete("/files", params={"filePath": f"{deep}/x.csv"}),
    ]:
        assert_bad_request(response)
    assert snapshot(files) == before
    # the longest name the file system takes is fine
    longest = await upload(client, "b" * NAME_MAX)
    assert longest.status_code == 200 and longest.json()["FileName"] == "b" * NAME_MAX


async def test_a_path_the_file_system_refuses_later_is_a_400_too(
    client: httpx.AsyncClient, files: pathlib.Path
) -> None:
    # a folder so deep that the target fits under PATH_MAX, but the temporary file the upload
    # writes beside it (a longer name) does not
    want = PATH_MAX - 1 - len(os.fsencode(files.resolve())) - len("/") - len("/x")
    names = []
    while want > 202:
        names.append("f" * 200)
        want -= 201
    names.append("g" * want)
    folder = "/".join(names)
    assert len(os.fsencode(files.resolve() / folder / "x")) == PATH_MAX - 1
    response = await upload(client, "x", folder=folder)
    assert_bad_request(response)
    assert "File name too long" in response.json()["MessageDetail"]
    assert not [p for p in (files / names[0]).rglob("*") if p.is_file()]
