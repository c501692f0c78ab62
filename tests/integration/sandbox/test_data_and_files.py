"""Linked Data (#23-#27) and files (#30-#32), with the traversal guard."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from which50_client import AuthenticatedClient
from which50_client.api.files import delete_file, download_file, upload_file
from which50_client.api.linked_data import (
    get_linked_data,
    get_linked_data_field,
    list_linked_data,
    list_linked_data_fields,
    list_linked_data_records,
)
from which50_client.models import (
    ContactSchemaField,
    FileUploadRequest,
    HttpError,
    LinkedData,
    UploadedFile,
)
from which50_client.types import File
from which50_sandbox.testing import SandboxServer


def test_linked_data_lists_and_fields(client: AuthenticatedClient) -> None:
    lists = list_linked_data.sync(1042, client=client)
    assert isinstance(lists, list)
    assert [(x.id, x.type_, x.is_public) for x in lists] == [
        (31, "Contact", False),
        (32, "Lookup", True),
    ]
    one = get_linked_data.sync(1042, 32, client=client)
    assert isinstance(one, LinkedData) and one.name == "Store locations"
    assert get_linked_data.sync_detailed(1057, 31, client=client).status_code == 404
    assert list_linked_data.sync_detailed(999, client=client).status_code == 404
    fields = list_linked_data_fields.sync(1042, 31, client=client)
    assert isinstance(fields, list) and [f.name for f in fields][:2] == ["OrderNumber", "OrderDate"]
    field = get_linked_data_field.sync(1042, 31, 312, client=client)
    assert isinstance(field, ContactSchemaField) and field.name == "Total"
    assert get_linked_data_field.sync_detailed(1042, 31, 320, client=client).status_code == 404


def test_records_are_limited_to_the_selected_fields(client: AuthenticatedClient) -> None:
    records = list_linked_data_records.sync("1042", 32, client=client, select=["City,StoreName"])
    assert isinstance(records, list) and len(records) == 4
    assert all(set(r.to_dict()) == {"City", "StoreName"} for r in records)
    unknown = list_linked_data_records.sync_detailed("1042", 32, client=client, select=["Nope"])
    assert unknown.status_code == 400
    assert (
        list_linked_data_records.sync_detailed("x", 32, client=client, select=["City"]).status_code
        == 404
    )


def test_records_without_select_are_400(client: AuthenticatedClient) -> None:
    raw = client.get_httpx_client()
    for url in (
        "/contactLists/1042/linkeddata/32/records",
        "/contactLists/1042/linkeddata/32/records?$select=",
    ):
        response = raw.get(url)
        assert response.status_code == 400
        assert response.json() == {"Message": "A $select clause is required."}


def upload(
    client: AuthenticatedClient, name: str, data: bytes, folder: str | None = None
) -> object:
    body = FileUploadRequest(
        file=File(payload=io.BytesIO(data), file_name=name, mime_type="text/csv")
    )
    if folder is None:
        return upload_file.sync_detailed(client=client, body=body)
    return upload_file.sync_detailed(client=client, body=body, sub_folder=folder)


def test_upload_download_delete(client: AuthenticatedClient, shared_sandbox: SandboxServer) -> None:
    data = b"Email,City\n" + b"x@example.org,Cork\n" * 100_000
    response = upload(client, "big.csv", data, "imports/2026")
    parsed = getattr(response, "parsed", None)
    assert isinstance(parsed, UploadedFile)
    assert (parsed.file_path, parsed.file_name, parsed.size) == (
        "imports/2026/big.csv",
        "big.csv",
        len(data),
    )
    assert (shared_sandbox.files_dir / "imports" / "2026" / "big.csv").read_bytes() == data
    got = download_file.sync_detailed(client=client, file_path="imports/2026/big.csv")
    assert got.status_code == 200 and got.content == data
    moved = delete_file.sync_detailed(
        client=client, file_path="imports/2026/big.csv", download=True
    )
    assert moved.status_code == 200 and moved.content == data
    assert not (shared_sandbox.files_dir / "imports" / "2026" / "big.csv").exists()
    assert (
        download_file.sync_detailed(client=client, file_path="imports/2026/big.csv").status_code
        == 404
    )
    upload(client, "small.txt", b"hi")
    gone = delete_file.sync_detailed(client=client, file_path="small.txt")
    assert gone.status_code == 200 and gone.content == b""
    assert delete_file.sync_detailed(client=client, file_path="small.txt").status_code == 404


def test_seeded_files_are_there(client: AuthenticatedClient) -> None:
    got = download_file.sync_detailed(client=client, file_path="exports/README.txt")
    assert got.status_code == 200 and b"sandbox" in got.content


TRAVERSALS = [
    "../outside.txt",
    "imports/../../outside.txt",
    "/etc/passwd",
    "..\\outside.txt",
    "imports\\..\\..\\outside.txt",
    "%2e%2e/outside.txt",
    "%252e%252e/outside.txt",
    "imports/%2F..%2F..%2Foutside.txt",
    "outside.txt\x00.csv",
    "C:/outside.txt",
    "imports//x.csv",
    "./x.csv",
    "..",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_traversal_is_refused_and_touches_nothing(
    client: AuthenticatedClient, shared_sandbox: SandboxServer, tmp_path: Path, path: str
) -> None:
    outside = shared_sandbox.files_dir.parent / "outside.txt"
    outside.write_text("keep me")
    try:
        for response in (
            download_file.sync_detailed(client=client, file_path=path),
            delete_file.sync_detailed(client=client, file_path=path),
            upload(client, "x.csv", b"evil", folder=path),
            upload(client, path, b"evil"),
        ):
            status = getattr(response, "status_code", None)
            assert status == 400, (path, response)
            assert isinstance(getattr(response, "parsed", None), HttpError)
        assert outside.read_text() == "keep me"
    finally:
        outside.unlink()


def test_a_symlink_out_of_the_folder_is_refused(
    client: AuthenticatedClient, shared_sandbox: SandboxServer, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    link = shared_sandbox.files_dir / "link.txt"
    link.symlink_to(secret)
    try:
        assert download_file.sync_detailed(client=client, file_path="link.txt").status_code == 400
        assert delete_file.sync_detailed(client=client, file_path="link.txt").status_code == 400
        assert secret.read_text() == "secret"
    finally:
        link.unlink()
