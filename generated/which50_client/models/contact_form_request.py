from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_form_request_fields import ContactFormRequestFields


T = TypeVar("T", bound="ContactFormRequest")


@_attrs_define
class ContactFormRequest:
    """Inferred: the form fields of `submitContactForm`. Upstream documents neither the content type nor the fields, nor
    how the target list is chosen; this description takes `ListId` for the list, `EncContactId` for an existing contact,
    and one form field per schema field of the list, given in `Fields` and sent flattened (see the operation's
    `encoding`).

    """

    list_id: int
    """ Inferred: the contact list to create or update the contact in. """
    enc_contact_id: str | Unset = UNSET
    """ Inferred: the encrypted id of an existing contact to update. """
    fields: ContactFormRequestFields | Unset = UNSET
    """ Inferred: the contact's field values, keyed by the list's schema field names (see `listContactListFields`).
    Each entry is sent as a form field of its own (`Email=…&FirstName=…`); the name `Fields` is not sent. A client
    whose generator ignores `encoding` sends the entries as form fields beside `ListId` instead. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        list_id = self.list_id

        enc_contact_id = self.enc_contact_id

        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ListId": list_id,
            }
        )
        if enc_contact_id is not UNSET:
            field_dict["EncContactId"] = enc_contact_id
        if fields is not UNSET:
            field_dict["Fields"] = fields

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_form_request_fields import ContactFormRequestFields

        d = dict(src_dict)
        list_id = d.pop("ListId")

        enc_contact_id = d.pop("EncContactId", UNSET)

        _fields = d.pop("Fields", UNSET)
        fields: ContactFormRequestFields | Unset
        if isinstance(_fields, Unset):
            fields = UNSET
        else:
            fields = ContactFormRequestFields.from_dict(_fields)

        contact_form_request = cls(
            list_id=list_id,
            enc_contact_id=enc_contact_id,
            fields=fields,
        )

        contact_form_request.additional_properties = d
        return contact_form_request

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
