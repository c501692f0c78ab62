from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Target")


@_attrs_define
class Target:
    """A segment of a contact list. Fields known from samples."""

    id: int | Unset = UNSET
    name: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    contact_list_id: int | Unset = UNSET
    contacts_count: int | Unset = UNSET
    contacts_count_email: int | Unset = UNSET
    contacts_count_sms: int | Unset = UNSET
    contacts_count_email_with_duplicates: int | Unset = UNSET
    contacts_count_sms_with_duplicates: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        contact_list_id = self.contact_list_id

        contacts_count = self.contacts_count

        contacts_count_email = self.contacts_count_email

        contacts_count_sms = self.contacts_count_sms

        contacts_count_email_with_duplicates = self.contacts_count_email_with_duplicates

        contacts_count_sms_with_duplicates = self.contacts_count_sms_with_duplicates

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["Id"] = id
        if name is not UNSET:
            field_dict["Name"] = name
        if notes is not UNSET:
            field_dict["Notes"] = notes
        if contact_list_id is not UNSET:
            field_dict["ContactListId"] = contact_list_id
        if contacts_count is not UNSET:
            field_dict["ContactsCount"] = contacts_count
        if contacts_count_email is not UNSET:
            field_dict["ContactsCountEmail"] = contacts_count_email
        if contacts_count_sms is not UNSET:
            field_dict["ContactsCountSms"] = contacts_count_sms
        if contacts_count_email_with_duplicates is not UNSET:
            field_dict["ContactsCountEmailWithDuplicates"] = (
                contacts_count_email_with_duplicates
            )
        if contacts_count_sms_with_duplicates is not UNSET:
            field_dict["ContactsCountSmsWithDuplicates"] = (
                contacts_count_sms_with_duplicates
            )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("Id", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("Name", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("Notes", UNSET))

        contact_list_id = d.pop("ContactListId", UNSET)

        contacts_count = d.pop("ContactsCount", UNSET)

        contacts_count_email = d.pop("ContactsCountEmail", UNSET)

        contacts_count_sms = d.pop("ContactsCountSms", UNSET)

        contacts_count_email_with_duplicates = d.pop(
            "ContactsCountEmailWithDuplicates", UNSET
        )

        contacts_count_sms_with_duplicates = d.pop(
            "ContactsCountSmsWithDuplicates", UNSET
        )

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
