from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ImportJob")


@_attrs_define
class ImportJob:
    """A batch import job and its progress. Inferred: presence and nullability, after the ASP.NET serializer (see the API's
    description).

    """

    id: int
    """ Import job id. """
    contact_list_id: int
    """ List the job belongs to. """
    invalid_email_count: int
    """ Invalid email addresses found. """
    invalid_sms_count: int
    """ Invalid text-message numbers found. """
    progress_percent: int
    """ Completion percentage. """
    current_status: None | str
    """ Current status. Values not documented, and never a closed enum. Inferred: the values in `x-which50-known-
    values` are assumptions (the sandbox uses them), not values seen from the real API. """
    start_date: datetime.datetime | None
    """ When the job started. Inferred nullable (a job not yet run). """
    finish_date: datetime.datetime | None
    """ When the job finished. Inferred nullable (a job not yet finished). """
    inserted_contacts: int
    """ New contacts created. """
    updated_contacts: int
    """ Existing contacts updated. """
    dropped_contacts: int
    """ Existing contacts deleted by the job. """
    not_updated_contacts: int
    """ Existing contacts not updated. """
    total_contacts: int
    """ Total contacts inserted or updated. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        contact_list_id = self.contact_list_id

        invalid_email_count = self.invalid_email_count

        invalid_sms_count = self.invalid_sms_count

        progress_percent = self.progress_percent

        current_status: None | str
        current_status = self.current_status

        start_date: None | str
        if isinstance(self.start_date, datetime.datetime):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        finish_date: None | str
        if isinstance(self.finish_date, datetime.datetime):
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
        field_dict.update(
            {
                "Id": id,
                "ContactListId": contact_list_id,
                "InvalidEmailCount": invalid_email_count,
                "InvalidSmsCount": invalid_sms_count,
                "ProgressPercent": progress_percent,
                "CurrentStatus": current_status,
                "StartDate": start_date,
                "FinishDate": finish_date,
                "InsertedContacts": inserted_contacts,
                "UpdatedContacts": updated_contacts,
                "DroppedContacts": dropped_contacts,
                "NotUpdatedContacts": not_updated_contacts,
                "TotalContacts": total_contacts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("Id")

        contact_list_id = d.pop("ContactListId")

        invalid_email_count = d.pop("InvalidEmailCount")

        invalid_sms_count = d.pop("InvalidSmsCount")

        progress_percent = d.pop("ProgressPercent")

        def _parse_current_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        current_status = _parse_current_status(d.pop("CurrentStatus"))

        def _parse_start_date(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.datetime.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        start_date = _parse_start_date(d.pop("StartDate"))

        def _parse_finish_date(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finish_date_type_0 = datetime.datetime.fromisoformat(data)

                return finish_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finish_date = _parse_finish_date(d.pop("FinishDate"))

        inserted_contacts = d.pop("InsertedContacts")

        updated_contacts = d.pop("UpdatedContacts")

        dropped_contacts = d.pop("DroppedContacts")

        not_updated_contacts = d.pop("NotUpdatedContacts")

        total_contacts = d.pop("TotalContacts")

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
