from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_input import ContactInput


T = TypeVar("T", bound="SendEmailRequestDTO")


@_attrs_define
class SendEmailRequestDTO:
    """Body of the sendEmail operations (documented for PUT; presumed for POST and PATCH)."""

    email_id: int | Unset = UNSET
    """ The email to send (the page says "name", but the type is integer). """
    contact: ContactInput | Unset = UNSET
    """ Inferred: a schema of its own for a contact a request body sends, so that the answer's always-present
    members are not forced on callers (the pages document one ContactsDTO for both directions). The same members as
    `Contact`, none required: a request names the values it writes. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email_id = self.email_id

        contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contact, Unset):
            contact = self.contact.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email_id is not UNSET:
            field_dict["EmailId"] = email_id
        if contact is not UNSET:
            field_dict["Contact"] = contact

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_input import ContactInput

        d = dict(src_dict)
        email_id = d.pop("EmailId", UNSET)

        _contact = d.pop("Contact", UNSET)
        contact: ContactInput | Unset
        if isinstance(_contact, Unset):
            contact = UNSET
        else:
            contact = ContactInput.from_dict(_contact)

        send_email_request_dto = cls(
            email_id=email_id,
            contact=contact,
        )

        send_email_request_dto.additional_properties = d
        return send_email_request_dto

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
