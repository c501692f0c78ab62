from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportJob")


@_attrs_define
class ImportJob:
    """A batch import job and its progress."""

    id: int | Unset = UNSET
    """ Import job id. """
    contact_list_id: int | Unset = UNSET
    """ List the job belongs to. """
    invalid_email_count: int | Unset = UNSET
    """ Invalid email addresses found. """
    invalid_sms_count: int | Unset = UNSET
    """ Invalid text-message numbers found. """
    progress_percent: int | Unset = UNSET
    """ Completion percentage. """
    current_status: None | str | Unset = UNSET
    """ Current status. Values not documented, and never a closed enum. Inferred: the values in `x-which50-known-
    values` are assumptions (the sandbox uses them), not values seen from the real API. """
    start_date: datetime.datetime | None | Unset = UNSET
    """ When the job started. Inferred nullable (a job not yet run). """
    finish_date: datetime.datetime | None | Unset = UNSET
    """ When the job finished. Inferred nullable (a job not yet finished). """
    inserted_contacts: int | Unset = UNSET
    """ New contacts created. """
    updated_contacts: int | Unset = UNSET
    """ Existing contacts updated. """
    dropped_contacts: int | Unset = UNSET
    """ Existing contacts deleted by the job. """
    not_updated_contacts: int | Unset = UNSET
    """ Existing contacts not updated. """
    total_contacts: int | Unset = UNSET
    """ Total contacts inserted or updated. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        contact_list_id = self.contact_list_id

        invalid_email_count = self.invalid_email_count

        invalid_sms_count = self.invalid_sms_count

        progress_percent = self.progress_percent

        current_status: None | str | Unset
        if isinstance(self.current_status, Unset):
            current_status = UNSET
        else:
            current_status = self.current_status

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.datetime):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        finish_date: None | str | Unset
        if isinstance(self.finish_date, Unset):
            finish_date = UNSET
        elif isinstance(self.finish_date, datetime.datetime):
            finish_date = self.finish_date.isoformat()
        else:
            finish_date = self.finish_date

        inserted_contacts = self.inserted_contacts

        updated_contacts = self.updated_contacts

        dropped_contacts = self.dropped_contacts

        not_updated_contacts = self.not_updated_contacts

        total_contacts = self.total_contacts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["Id"] = id
        if contact_list_id is not UNSET:
            field_dict["ContactListId"] = contact_list_id
        if invalid_email_count is not UNSET:
            field_dict["InvalidEmailCount"] = invalid_email_count
        if invalid_sms_count is not UNSET:
            field_dict["InvalidSmsCount"] = invalid_sms_count
        if progress_percent is not UNSET:
            field_dict["ProgressPercent"] = progress_percent
        if current_status is not UNSET:
            field_dict["CurrentStatus"] = current_status
        if start_date is not UNSET:
            field_dict["StartDate"] = start_date
        if finish_date is not UNSET:
            field_dict["FinishDate"] = finish_date
        if inserted_contacts is not UNSET:
            field_dict["InsertedContacts"] = inserted_contacts
        if updated_contacts is not UNSET:
            field_dict["UpdatedContacts"] = updated_contacts
        if dropped_contacts is not UNSET:
            field_dict["DroppedContacts"] = dropped_contacts
        if not_updated_contacts is not UNSET:
            field_dict["NotUpdatedContacts"] = not_updated_contacts
        if total_contacts is not UNSET:
            field_dict["TotalContacts"] = total_contacts

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("Id", UNSET)

        contact_list_id = d.pop("ContactListId", UNSET)

        invalid_email_count = d.pop("InvalidEmailCount", UNSET)

        invalid_sms_count = d.pop("InvalidSmsCount", UNSET)

        progress_percent = d.pop("ProgressPercent", UNSET)

        def _parse_current_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_status = _parse_current_status(d.pop("CurrentStatus", UNSET))

        def _parse_start_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.datetime.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        start_date = _parse_start_date(d.pop("StartDate", UNSET))

        def _parse_finish_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finish_date_type_0 = datetime.datetime.fromisoformat(data)

                return finish_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finish_date = _parse_finish_date(d.pop("FinishDate", UNSET))

        inserted_contacts = d.pop("InsertedContacts", UNSET)

        updated_contacts = d.pop("UpdatedContacts", UNSET)

        dropped_contacts = d.pop("DroppedContacts", UNSET)

        not_updated_contacts = d.pop("NotUpdatedContacts", UNSET)

        total_contacts = d.pop("TotalContacts", UNSET)

        import_job = cls(
            id=id,
            contact_list_id=contact_list_id,
            invalid_email_count=invalid_email_count,
            invalid_sms_count=invalid_sms_count,
            progress_percent=progress_percent,
            current_status=current_status,
            start_date=start_date,
            finish_date=finish_date,
            inserted_contacts=inserted_contacts,
            updated_contacts=updated_contacts,
            dropped_contacts=dropped_contacts,
            not_updated_contacts=not_updated_contacts,
            total_contacts=total_contacts,
        )

        import_job.additional_properties = d
        return import_job

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
