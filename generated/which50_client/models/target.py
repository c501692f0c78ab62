from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Target")


@_attrs_define
class Target:
    """A segment of a contact list. Fields known from samples. Inferred: presence and nullability, after the ASP.NET
    serializer (see the API's description).

    """

    id: int
    name: None | str
    notes: None | str
    contact_list_id: int
    contacts_count: int
    contacts_count_email: int
    contacts_count_sms: int
    contacts_count_email_with_duplicates: int
    contacts_count_sms_with_duplicates: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str
        name = self.name

        notes: None | str
        notes = self.notes

        contact_list_id = self.contact_list_id

        contacts_count = self.contacts_count

        contacts_count_email = self.contacts_count_email

        contacts_count_sms = self.contacts_count_sms

        contacts_count_email_with_duplicates = self.contacts_count_email_with_duplicates

        contacts_count_sms_with_duplicates = self.contacts_count_sms_with_duplicates

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "Name": name,
                "Notes": notes,
                "ContactListId": contact_list_id,
                "ContactsCount": contacts_count,
                "ContactsCountEmail": contacts_count_email,
                "ContactsCountSms": contacts_count_sms,
                "ContactsCountEmailWithDuplicates": contacts_count_email_with_duplicates,
                "ContactsCountSmsWithDuplicates": contacts_count_sms_with_duplicates,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("Id")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("Name"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("Notes"))

        contact_list_id = d.pop("ContactListId")

        contacts_count = d.pop("ContactsCount")

        contacts_count_email = d.pop("ContactsCountEmail")

        contacts_count_sms = d.pop("ContactsCountSms")

        contacts_count_email_with_duplicates = d.pop("ContactsCountEmailWithDuplicates")

        contacts_count_sms_with_duplicates = d.pop("ContactsCountSmsWithDuplicates")

        target = cls(
            id=id,
            name=name,
            notes=notes,
            contact_list_id=contact_list_id,
            contacts_count=contacts_count,
            contacts_count_email=contacts_count_email,
            contacts_count_sms=contacts_count_sms,
            contacts_count_email_with_duplicates=contacts_count_email_with_duplicates,
            contacts_count_sms_with_duplicates=contacts_count_sms_with_duplicates,
        )

        target.additional_properties = d
        return target

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
