"""What an import does with input that is wrong as a whole (refused before anything is sent,
naming the column) and with single rows that are wrong (rejected, naming the row and the line).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import which50

from ._import_fake import FakeAPI
from .conftest import Harness


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "signups.csv"
    path.write_text(text, "utf-8")
    return path


def _import(harness: Harness, api: FakeAPI, rows: Any, **kwargs: Any) -> which50.ImportReport:
    report: which50.ImportReport = harness.call(
        api.handler,
        lambda c: c.contact_lists.import_contacts(1042, rows, match=["Email"], **kwargs),
    )
    return report


def test_a_record_with_more_cells_than_the_header_is_rejected_by_line(
    harness: Harness, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path,
        "Email,FirstName\na@x.ie,Aoife\nb@x.ie,Brian,Galway,extra\nc@x.ie,Ciara\n",
    )
    api = FakeAPI()
    report = _import(harness, api, path)
    assert [(r.row, r.reason) for r in report.rejected] == [
        (
            2,
            "line 3 of the file has 4 cells but the header has 2 columns "
            "(cells past the last column: 'Galway', 'extra')",
        )
    ]
    assert sorted(api.contacts) == ["a@x.ie", "c@x.ie"]


def test_a_record_with_fewer_cells_is_rejected_not_sent_with_empty_values(
    harness: Harness, tmp_path: Path
) -> None:
    path = _csv(tmp_path, "Email,FirstName,Notes\na@x.ie\nb@x.ie,Brian,hi\n")
    api = FakeAPI()
    report = _import(harness, api, path)
    assert [(r.row, r.reason) for r in report.rejected] == [
        (
            1,
            "line 2 of the file has 1 cell but the header has 3 columns "
            "(no cell for 'FirstName', 'Notes')",
        )
    ]
    # The header sets the columns, whatever the first record: the next row goes in whole.
    assert api.jobs[1]["names"] == ["Email", "FirstName", "Notes"]
    assert list(api.contacts) == ["b@x.ie"]


def test_a_header_column_the_list_lacks_stops_the_import_before_a_job(
    harness: Harness, tmp_path: Path
) -> None:
    path = _csv(tmp_path, "Email,Frist Name,Phone\na@x.ie,Aoife,1\n")
    with pytest.raises(ValueError) as caught:
        _import(harness, FakeAPI(), path)
    assert str(caught.value) == (
        f"the header row of {path} names columns the list does not have: 'Frist Name' "
        "(column 2), 'Phone' (column 3); its fields: 'Email', 'FirstName', 'Notes', 'Store'. "
        "Every row would be rejected for it, so nothing was sent: rename or drop the column"
    )
    # Only the list's fields were read: no job was created, no batch sent.
    assert [r.url.path for r in harness.requests] == ["/Which50API/contactLists/1042/fields"]


def test_field_names_naming_a_field_the_list_lacks_says_so(harness: Harness) -> None:
    with pytest.raises(ValueError, match=r"^field_names names a column the list does not have: "):
        _import(harness, FakeAPI(), [{"Email": "a@x.ie"}], field_names=["Email", "Shoe"])


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("Email,,FirstName", "column 2 of the header row has no name"),
        ("Email,FirstName,Email", "the header row names 'Email' twice (columns 1 and 3)"),
    ],
)
def test_a_header_that_cannot_name_the_cells_is_refused_before_any_request(
    harness: Harness, tmp_path: Path, header: str, message: str
) -> None:
    path = _csv(tmp_path, header + "\na@x.ie,A,B\n")
    with pytest.raises(ValueError) as caught:
        _import(harness, FakeAPI(), path)
    assert str(caught.value) == f"{path}: {message}"
    assert harness.requests == []


@pytest.mark.parametrize("text", ["", "Email,FirstName\n", "Email,FirstName\n\n\n"])
def test_a_csv_file_without_rows_creates_no_job(
    harness: Harness, tmp_path: Path, text: str
) -> None:
    path = _csv(tmp_path, text)
    with pytest.raises(ValueError) as caught:
        _import(harness, FakeAPI(), path)
    assert str(caught.value) == f"nothing to import: {path} has no rows, so no job was created"
    assert harness.requests == []


def test_no_rows_creates_no_job(harness: Harness) -> None:
    with pytest.raises(ValueError, match=r"^nothing to import: rows is empty, so no job"):
        _import(harness, FakeAPI(), iter([]))
    assert harness.requests == []


def test_blank_lines_are_no_records(harness: Harness, tmp_path: Path) -> None:
    path = _csv(tmp_path, "Email,FirstName\n\na@x.ie,Aoife\n\nb@x.ie,Brian\n")
    api = FakeAPI()
    report = _import(harness, api, path)
    assert (report.rows_read, report.rejected) == (2, [])
    assert sorted(api.contacts) == ["a@x.ie", "b@x.ie"]
