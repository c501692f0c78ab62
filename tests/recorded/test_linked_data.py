"""Recorded: the Linked Data lists of a contact list, their fields and records
(`client.contact_lists.linked_data`, operations #23-#27).

`$select` is mandatory on the records route; the tests check that each record carries the
selected fields and nothing else, and that a narrower selection is the same records projected.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

import which50
import which50_client
from which50_client.api.linked_data import list_linked_data_records

from .conftest import Target, Twin


def _field_names(client: which50.Which50, target: Target) -> list[str]:
    fields = client.contact_lists.linked_data.list_fields(target.list_id, target.linked_data_id)
    names = [field.name for field in fields]
    assert names and all(isinstance(name, str) for name in names)
    return [str(name) for name in names]


def test_list_linked_data_of_the_list(client: which50.Which50, target: Target) -> None:
    linked = client.contact_lists.linked_data.list(target.list_id)
    assert target.linked_data_id in [item.id for item in linked]
    assert {item.contact_list_id for item in linked} == {target.list_id}
    other = client.contact_lists.linked_data.list(target.other_list_id)
    assert {item.contact_list_id for item in other} <= {target.other_list_id}
    assert not {item.id for item in linked} & {item.id for item in other}


def test_get_linked_data_matches_the_listing(twin: Twin, target: Target) -> None:
    linked = twin.call(lambda c: c.contact_lists.linked_data.list(target.list_id))
    one = twin.call(
        lambda c: c.contact_lists.linked_data.get(target.list_id, target.linked_data_id)
    )
    assert one.id == target.linked_data_id
    assert one.contact_list_id == target.list_id
    assert [item for item in linked if item.id == target.linked_data_id] == [one]


def test_list_linked_data_fields(client: which50.Which50, target: Target) -> None:
    fields = client.contact_lists.linked_data.list_fields(target.list_id, target.linked_data_id)
    ids = [field.id for field in fields]
    assert ids and len(set(ids)) == len(ids)
    assert all(field.name for field in fields)
    list_fields = client.contact_lists.fields.list(target.list_id)
    assert not set(ids) & {field.id for field in list_fields}


def test_get_linked_data_field_matches_the_listing(client: which50.Which50, target: Target) -> None:
    fields = client.contact_lists.linked_data.list_fields(target.list_id, target.linked_data_id)
    for listed in fields:
        assert isinstance(listed.id, int)
        one = client.contact_lists.linked_data.get_field(
            target.list_id, target.linked_data_id, listed.id
        )
        assert one.id == listed.id
        assert one == listed


def test_list_records_carry_only_the_selected_fields(
    client: which50.Which50, target: Target
) -> None:
    """Two fields selected, then all of them: the same records, the first projected."""
    names = _field_names(client, target)
    assert len(names) >= 2
    chosen = names[:2]
    some = client.contact_lists.linked_data.list_records(
        str(target.list_id), target.linked_data_id, select=chosen
    )
    assert some
    for record in some:
        assert set(record) <= set(chosen)
    assert any(set(record) == set(chosen) for record in some)
    every = client.contact_lists.linked_data.list_records(
        str(target.list_id), target.linked_data_id, select=names
    )
    assert len(every) == len(some)
    for full, part in zip(every, some, strict=True):
        assert set(full) <= set(names)
        projected = {k: v for k, v in full.items() if k in chosen}
        assert projected == part


def test_list_records_of_one_field(twin: Twin, target: Target) -> None:
    fields = twin.call(
        lambda c: c.contact_lists.linked_data.list_fields(target.list_id, target.linked_data_id)
    )
    last = str(fields[-1].name)
    records = twin.call(
        lambda c: c.contact_lists.linked_data.list_records(
            str(target.list_id), target.linked_data_id, select=[last]
        )
    )
    assert records
    assert {frozenset(record) for record in records} <= {frozenset({last}), frozenset()}
    assert any(last in record for record in records)


def test_list_records_with_the_generated_client(
    client: which50.Which50, raw_client: which50_client.AuthenticatedClient, target: Target
) -> None:
    """The generated endpoint takes the list id as a string here (as upstream types it), and
    gives the same records as the overlay."""
    names = _field_names(client, target)[:2]
    response = list_linked_data_records.sync_detailed(
        str(target.list_id), target.linked_data_id, client=raw_client, select=[",".join(names)]
    )
    assert response.status_code == HTTPStatus.OK
    assert isinstance(response.parsed, list)
    overlay = client.contact_lists.linked_data.list_records(
        str(target.list_id), target.linked_data_id, select=names
    )
    raw: list[dict[str, Any]] = [record.to_dict() for record in response.parsed]
    assert raw == overlay
