"""`client.contact_lists`: lists, their contacts, fields, linked data and import jobs."""

from __future__ import annotations

import builtins
import datetime
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .. import _bodies as bodies
from .. import _operations as ops
from .._bulk import ImportReport
from .._constants import DEFAULT_IMPORT_CONCURRENCY, DEFAULT_JOB_TIMEOUT, MAX_IMPORT_BATCH
from .._importer import ImportSettings, ProgressCallback, aimport_contacts, import_contacts
from .._params import int_id, names
from .._runner import AsyncRunner, SyncRunner
from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from which50_models import (
        Campaign,
        Contact,
        ContactSchemaField,
        ContactsList,
        ImportJob,
        LinkedData,
    )

__all__ = [
    "AsyncContactLists",
    "AsyncFields",
    "AsyncImports",
    "AsyncLinkedDataLists",
    "ContactLists",
    "Fields",
    "Imports",
    "LinkedDataLists",
]

_LIST = "contact_list_id"


def _list(value: int) -> int:
    return int_id(_LIST, value)


def _select(select: Sequence[str]) -> str:
    joined = names("select", select)
    if joined is None:
        raise ValueError("select needs at least one field name ($select is required)")
    return joined[0]


def _patch_match(values: Mapping[str, str | int]) -> dict[str, Any]:
    return bodies.patch_match("UpdateMatchingContacts", values)


class Fields(SyncResource):
    """`client.contact_lists.fields`: the schema fields of a list."""

    def list(self, contact_list_id: int) -> builtins.list[ContactSchemaField]:
        """The list's fields (listContactListFields)."""
        return self._runner.run(ops.list_contact_list_fields, _list(contact_list_id))

    def get(self, contact_list_id: int, field_id: int) -> ContactSchemaField:
        """One field (getContactListField)."""
        return self._runner.run(
            ops.get_contact_list_field,
            _list(contact_list_id),
            int_id("field_id", field_id),
        )


class LinkedDataLists(SyncResource):
    """`client.contact_lists.linked_data`: the Linked Data lists attached to a list."""

    def list(self, contact_list_id: int) -> builtins.list[LinkedData]:
        """The Linked Data lists of a contact list (listLinkedData)."""
        return self._runner.run(ops.list_linked_data, _list(contact_list_id))

    def get(self, contact_list_id: int, linked_data_id: int) -> LinkedData:
        """One Linked Data list (getLinkedData)."""
        return self._runner.run(
            ops.get_linked_data,
            _list(contact_list_id),
            int_id("linked_data_id", linked_data_id),
        )

    def list_fields(
        self, contact_list_id: int, linked_data_id: int
    ) -> builtins.list[ContactSchemaField]:
        """Its fields (listLinkedDataFields)."""
        return self._runner.run(
            ops.list_linked_data_fields,
            _list(contact_list_id),
            int_id("linked_data_id", linked_data_id),
        )

    def get_field(
        self, contact_list_id: int, linked_data_id: int, field_id: int
    ) -> ContactSchemaField:
        """One of its fields (getLinkedDataField)."""
        return self._runner.run(
            ops.get_linked_data_field,
            _list(contact_list_id),
            int_id("linked_data_id", linked_data_id),
            int_id("field_id", field_id),
        )

    def list_records(
        self, contact_list_id: int, linked_data_id: int, *, select: Sequence[str]
    ) -> builtins.list[dict[str, Any]]:
        """Its records, limited to the ``select``ed fields (listLinkedDataRecords)."""
        return self._runner.run(
            ops.list_linked_data_records,
            str(_list(contact_list_id)),
            int_id("linked_data_id", linked_data_id),
            select=_select(select),
        )


class Imports(SyncResource):
    """`client.contact_lists.imports`: the import-job calls, one by one. Most code wants
    `client.contact_lists.import_contacts`, which drives them all."""

    def create(self, contact_list_id: int, field_names: Iterable[str]) -> ImportJob:
        """A new job that takes ``field_names`` from each contact (createImportJob)."""
        return self._runner.run(
            ops.create_import_job,
            _list(contact_list_id),
            body=bodies.import_job(field_names),
        )

    def get(self, contact_list_id: int, import_job_id: int) -> ImportJob:
        """The job and its progress (getImportJob)."""
        return self._runner.run(
            ops.get_import_job,
            _list(contact_list_id),
            int_id("import_job_id", import_job_id),
        )

    def add_contacts(
        self,
        contact_list_id: int,
        import_job_id: int,
        contacts: Iterable[Contact | Mapping[str, Any]],
    ) -> ImportJob:
        """Add a batch of at most 10,000 contacts (addImportJobContacts)."""
        return self._runner.run(
            ops.add_import_job_contacts,
            _list(contact_list_id),
            int_id("import_job_id", import_job_id),
            body=bodies.contacts(contact_list_id, contacts),
        )

    def run(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        match: Sequence[str] | None = None,
        custom_events: Sequence[str] | None = None,
    ) -> ImportJob:
        """Start processing the job (runImportJob); contacts matching on ``match`` are updated."""
        return self._runner.run(
            ops.run_import_job,
            _list(contact_list_id),
            int_id("import_job_id", import_job_id),
            **_optional(
                match=names("match", match), customevents=names("custom_events", custom_events)
            ),
        )


class ContactLists(SyncResource):
    """`client.contact_lists`."""

    def __init__(self, runner: SyncRunner) -> None:
        super().__init__(runner)
        self.fields = Fields(runner)
        self.linked_data = LinkedDataLists(runner)
        self.imports = Imports(runner)

    def import_contacts(
        self,
        contact_list_id: int,
        rows: Iterable[Mapping[str, Any]] | str | os.PathLike[str],
        *,
        match: Sequence[str],
        field_names: Sequence[str] | None = None,
        custom_events: Sequence[str] | None = None,
        batch_size: int = MAX_IMPORT_BATCH,
        concurrency: int = DEFAULT_IMPORT_CONCURRENCY,
        progress: ProgressCallback | None = None,
        checkpoint: str | os.PathLike[str] | None = None,
        job_timeout: float = DEFAULT_JOB_TIMEOUT,
    ) -> ImportReport:
        """Import any number of contacts through an import job, and wait for it to finish.

        ``rows`` is an iterable of dicts (field name to value) or the path of a UTF-8 CSV file
        with a header row; it is streamed, never loaded whole. Each row is checked against the
        list's fields first: rejected rows are in the report with their number and reason.
        ``match`` names the fields that identify a contact (the job updates matching contacts
        rather than inserting them). ``field_names`` defaults to the first row's keys.
        ``progress`` receives an `ImportProgress` after each batch and each poll.
        ``checkpoint`` is a file that makes the import resumable: run the same call again after
        a crash or Ctrl-C and it carries on, with no duplicates and no gaps. It refuses
        (`CheckpointError`) an input that differs from the one it was made with in any row it
        sent or any row before one, and, once the job ran, in any row at all.
        ``job_timeout`` bounds, in seconds, the wait for the job to end once it runs (default
        an hour): past it, or at a job status this client does not know, `ImportJobError`.
        """
        settings = ImportSettings(
            contact_list_id,
            rows,
            match=match,
            field_names=field_names,
            custom_events=custom_events,
            batch_size=batch_size,
            concurrency=concurrency,
            progress=progress,
            checkpoint=checkpoint,
            job_timeout=job_timeout,
        )
        return import_contacts(self, settings)

    def list(self) -> builtins.list[ContactsList]:
        """Every contact list (listContactLists)."""
        return self._runner.run(ops.list_contact_lists)

    def get(self, contact_list_id: int) -> ContactsList:
        """One contact list (getContactList)."""
        return self._runner.run(ops.get_contact_list, _list(contact_list_id))

    def list_contacts(self, contact_list_id: int) -> builtins.list[Contact]:
        """The list's contacts (listContactListContacts)."""
        return self._runner.run(ops.list_contact_list_contacts, _list(contact_list_id))

    def list_journeys(self, contact_list_id: int) -> builtins.list[Campaign]:
        """The journeys that use the list (listContactListJourneys)."""
        return self._runner.run(ops.list_contact_list_journeys, _list(contact_list_id))

    def upsert(
        self,
        contact_list_id: int,
        values: Mapping[str, Any],
        *,
        match: Sequence[str] | None = None,
        custom_events: Sequence[str] | None = None,
    ) -> Contact:
        """Create a contact, or update the one whose ``match`` fields equal ``values``'
        (upsertContact)."""
        return self._runner.run(
            ops.upsert_contact,
            _list(contact_list_id),
            body=bodies.contact(contact_list_id, values),
            **_optional(
                match=names("match", match), customevents=names("custom_events", custom_events)
            ),
        )

    def update_matching(
        self,
        contact_list_id: int,
        match: Mapping[str, str | int],
        values: Mapping[str, Any],
        *,
        custom_events: Sequence[str] | None = None,
    ) -> builtins.list[Contact]:
        """Set ``values`` on every contact whose fields equal ``match`` (updateMatchingContacts)."""
        return self._runner.run(
            ops.update_matching_contacts,
            _list(contact_list_id),
            body=bodies.contact(contact_list_id, values),
            **_patch_match(match),
            **_optional(customevents=names("custom_events", custom_events)),
        )

    def submit_form(
        self, contact_list_id: int, fields: Mapping[str, str], *, contact_id: str | None = None
    ) -> Contact:
        """Submit the list's web form, as a browser would (submitContactForm)."""
        return self._runner.run(
            ops.submit_contact_form,
            body=bodies.contact_form(contact_list_id, fields, contact_id),
        )

    def register_device(
        self,
        contact_list_id: int,
        device_id: str,
        values: Mapping[str, Any],
        *,
        match: Sequence[str] | None = None,
        custom_events: Sequence[str] | None = None,
    ) -> Contact:
        """Register a device for push messages against a contact (registerDevice)."""
        return self._runner.run(
            ops.register_device,
            _list(contact_list_id),
            body=bodies.register_device(contact_list_id, device_id, values),
            **_optional(
                match=names("match", match), customevents=names("custom_events", custom_events)
            ),
        )

    def server_time(self) -> datetime.datetime:
        """The server's clock (getServerTime)."""
        return self._runner.run(ops.get_server_time)


class AsyncFields(AsyncResource):
    """`aclient.contact_lists.fields`: the schema fields of a list."""

    async def list(self, contact_list_id: int) -> builtins.list[ContactSchemaField]:
        """The list's fields (listContactListFields)."""
        return await self._runner.run(ops.list_contact_list_fields, _list(contact_list_id))

    async def get(self, contact_list_id: int, field_id: int) -> ContactSchemaField:
        """One field (getContactListField)."""
        return await self._runner.run(
            ops.get_contact_list_field,
            _list(contact_list_id),
            int_id("field_id", field_id),
        )


class AsyncLinkedDataLists(AsyncResource):
    """`aclient.contact_lists.linked_data`: the Linked Data lists attached to a list."""

    async def list(self, contact_list_id: int) -> builtins.list[LinkedData]:
        """The Linked Data lists of a contact list (listLinkedData)."""
        return await self._runner.run(ops.list_linked_data, _list(contact_list_id))

    async def get(self, contact_list_id: int, linked_data_id: int) -> LinkedData:
        """One Linked Data list (getLinkedData)."""
        return await self._runner.run(
            ops.get_linked_data,
            _list(contact_list_id),
            int_id("linked_data_id", linked_data_id),
        )

    async def list_fields(
        self, contact_list_id: int, linked_data_id: int
    ) -> builtins.list[ContactSchemaField]:
        """Its fields (listLinkedDataFields)."""
        return await self._runner.run(
            ops.list_linked_data_fields,
            _list(contact_list_id),
            int_id("linked_data_id", linked_data_id),
        )

    async def get_field(
        self, contact_list_id: int, linked_data_id: int, field_id: int
    ) -> ContactSchemaField:
        """One of its fields (getLinkedDataField)."""
        return await self._runner.run(
            ops.get_linked_data_field,
            _list(contact_list_id),
            int_id("linked_data_id", linked_data_id),
            int_id("field_id", field_id),
        )

    async def list_records(
        self, contact_list_id: int, linked_data_id: int, *, select: Sequence[str]
    ) -> builtins.list[dict[str, Any]]:
        """Its records, limited to the ``select``ed fields (listLinkedDataRecords)."""
        return await self._runner.run(
            ops.list_linked_data_records,
            str(_list(contact_list_id)),
            int_id("linked_data_id", linked_data_id),
            select=_select(select),
        )


class AsyncImports(AsyncResource):
    """`aclient.contact_lists.imports`: the import-job calls, one by one. Most code wants
    `aclient.contact_lists.import_contacts`, which drives them all."""

    async def create(self, contact_list_id: int, field_names: Iterable[str]) -> ImportJob:
        """A new job that takes ``field_names`` from each contact (createImportJob)."""
        return await self._runner.run(
            ops.create_import_job,
            _list(contact_list_id),
            body=bodies.import_job(field_names),
        )

    async def get(self, contact_list_id: int, import_job_id: int) -> ImportJob:
        """The job and its progress (getImportJob)."""
        return await self._runner.run(
            ops.get_import_job,
            _list(contact_list_id),
            int_id("import_job_id", import_job_id),
        )

    async def add_contacts(
        self,
        contact_list_id: int,
        import_job_id: int,
        contacts: Iterable[Contact | Mapping[str, Any]],
    ) -> ImportJob:
        """Add a batch of at most 10,000 contacts (addImportJobContacts)."""
        return await self._runner.run(
            ops.add_import_job_contacts,
            _list(contact_list_id),
            int_id("import_job_id", import_job_id),
            body=bodies.contacts(contact_list_id, contacts),
        )

    async def run(
        self,
        contact_list_id: int,
        import_job_id: int,
        *,
        match: Sequence[str] | None = None,
        custom_events: Sequence[str] | None = None,
    ) -> ImportJob:
        """Start processing the job (runImportJob); contacts matching on ``match`` are updated."""
        return await self._runner.run(
            ops.run_import_job,
            _list(contact_list_id),
            int_id("import_job_id", import_job_id),
            **_optional(
                match=names("match", match), customevents=names("custom_events", custom_events)
            ),
        )


class AsyncContactLists(AsyncResource):
    """`aclient.contact_lists`."""

    def __init__(self, runner: AsyncRunner) -> None:
        super().__init__(runner)
        self.fields = AsyncFields(runner)
        self.linked_data = AsyncLinkedDataLists(runner)
        self.imports = AsyncImports(runner)

    async def import_contacts(
        self,
        contact_list_id: int,
        rows: Iterable[Mapping[str, Any]] | str | os.PathLike[str],
        *,
        match: Sequence[str],
        field_names: Sequence[str] | None = None,
        custom_events: Sequence[str] | None = None,
        batch_size: int = MAX_IMPORT_BATCH,
        concurrency: int = DEFAULT_IMPORT_CONCURRENCY,
        progress: ProgressCallback | None = None,
        checkpoint: str | os.PathLike[str] | None = None,
        job_timeout: float = DEFAULT_JOB_TIMEOUT,
    ) -> ImportReport:
        """Import any number of contacts through an import job, and wait for it to finish.

        ``rows`` is an iterable of dicts (field name to value) or the path of a UTF-8 CSV file
        with a header row; it is streamed, never loaded whole. Each row is checked against the
        list's fields first: rejected rows are in the report with their number and reason.
        ``match`` names the fields that identify a contact (the job updates matching contacts
        rather than inserting them). ``field_names`` defaults to the first row's keys.
        ``progress`` receives an `ImportProgress` after each batch and each poll.
        ``checkpoint`` is a file that makes the import resumable: await the same call again after
        a crash or Ctrl-C and it carries on, with no duplicates and no gaps. It refuses
        (`CheckpointError`) an input that differs from the one it was made with in any row it
        sent or any row before one, and, once the job ran, in any row at all.
        ``job_timeout`` bounds, in seconds, the wait for the job to end once it runs (default
        an hour): past it, or at a job status this client does not know, `ImportJobError`.
        """
        settings = ImportSettings(
            contact_list_id,
            rows,
            match=match,
            field_names=field_names,
            custom_events=custom_events,
            batch_size=batch_size,
            concurrency=concurrency,
            progress=progress,
            checkpoint=checkpoint,
            job_timeout=job_timeout,
        )
        return await aimport_contacts(self, settings)

    async def list(self) -> builtins.list[ContactsList]:
        """Every contact list (listContactLists)."""
        return await self._runner.run(ops.list_contact_lists)

    async def get(self, contact_list_id: int) -> ContactsList:
        """One contact list (getContactList)."""
        return await self._runner.run(ops.get_contact_list, _list(contact_list_id))

    async def list_contacts(self, contact_list_id: int) -> builtins.list[Contact]:
        """The list's contacts (listContactListContacts)."""
        return await self._runner.run(ops.list_contact_list_contacts, _list(contact_list_id))

    async def list_journeys(self, contact_list_id: int) -> builtins.list[Campaign]:
        """The journeys that use the list (listContactListJourneys)."""
        return await self._runner.run(ops.list_contact_list_journeys, _list(contact_list_id))

    async def upsert(
        self,
        contact_list_id: int,
        values: Mapping[str, Any],
        *,
        match: Sequence[str] | None = None,
        custom_events: Sequence[str] | None = None,
    ) -> Contact:
        """Create a contact, or update the one whose ``match`` fields equal ``values``'
        (upsertContact)."""
        return await self._runner.run(
            ops.upsert_contact,
            _list(contact_list_id),
            body=bodies.contact(contact_list_id, values),
            **_optional(
                match=names("match", match), customevents=names("custom_events", custom_events)
            ),
        )

    async def update_matching(
        self,
        contact_list_id: int,
        match: Mapping[str, str | int],
        values: Mapping[str, Any],
        *,
        custom_events: Sequence[str] | None = None,
    ) -> builtins.list[Contact]:
        """Set ``values`` on every contact whose fields equal ``match`` (updateMatchingContacts)."""
        return await self._runner.run(
            ops.update_matching_contacts,
            _list(contact_list_id),
            body=bodies.contact(contact_list_id, values),
            **_patch_match(match),
            **_optional(customevents=names("custom_events", custom_events)),
        )

    async def submit_form(
        self, contact_list_id: int, fields: Mapping[str, str], *, contact_id: str | None = None
    ) -> Contact:
        """Submit the list's web form, as a browser would (submitContactForm)."""
        return await self._runner.run(
            ops.submit_contact_form,
            body=bodies.contact_form(contact_list_id, fields, contact_id),
        )

    async def register_device(
        self,
        contact_list_id: int,
        device_id: str,
        values: Mapping[str, Any],
        *,
        match: Sequence[str] | None = None,
        custom_events: Sequence[str] | None = None,
    ) -> Contact:
        """Register a device for push messages against a contact (registerDevice)."""
        return await self._runner.run(
            ops.register_device,
            _list(contact_list_id),
            body=bodies.register_device(contact_list_id, device_id, values),
            **_optional(
                match=names("match", match), customevents=names("custom_events", custom_events)
            ),
        )

    async def server_time(self) -> datetime.datetime:
        """The server's clock (getServerTime)."""
        return await self._runner.run(ops.get_server_time)


def _optional(**params: list[str] | None) -> dict[str, list[str]]:
    """Only the query parameters that were given."""
    return {key: value for key, value in params.items() if value is not None}
