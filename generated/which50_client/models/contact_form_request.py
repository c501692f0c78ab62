from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactFormRequest")


@_attrs_define
class ContactFormRequest:
    """Inferred: the form fields of `submitContactForm`. Upstream documents neither the content type nor the fields, nor
    how the target list is chosen; this description takes `ListId` for the list and one form field per schema field of
    the list.

    """

    list_id: int
    """ The contact list to create or update the contact in. """
    enc_contact_id: str | Unset = UNSET
    """ The encrypted id of an existing contact to update. """
    additional_properties: dict[str, str] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        list_id = self.list_id

        enc_contact_id = self.enc_contact_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ListId": list_id,
            }
        )
        if enc_contact_id is not UNSET:
            field_dict["EncContactId"] = enc_contact_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        list_id = d.pop("ListId")

        enc_contact_id = d.pop("EncContactId", UNSET)

        contact_form_request = cls(
            list_id=list_id,
            enc_contact_id=enc_contact_id,
        )

        contact_form_request.additional_properties = d
        return contact_form_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
