from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_input import ContactInput


T = TypeVar("T", bound="RegisterDeviceRequest")


@_attrs_define
class RegisterDeviceRequest:
    """Inferred: the body of `registerDevice`, a device id beside the contact, after the pattern of the send requests.
    Upstream's copy ends before the body section.

    """

    device_id: None | str | Unset = UNSET
    """ The device id to store in the ContactDevice table. """
    contact: ContactInput | Unset = UNSET
    """ Inferred: a schema of its own for a contact a request body sends, so that the answer's always-present
    members are not forced on callers (the pages document one ContactsDTO for both directions). The same members as
    `Contact`, none required: a request names the values it writes. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        device_id: None | str | Unset
        if isinstance(self.device_id, Unset):
            device_id = UNSET
        else:
            device_id = self.device_id

        contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contact, Unset):
            contact = self.contact.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if device_id is not UNSET:
            field_dict["DeviceId"] = device_id
        if contact is not UNSET:
            field_dict["Contact"] = contact

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_input import ContactInput

        d = dict(src_dict)

        def _parse_device_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        device_id = _parse_device_id(d.pop("DeviceId", UNSET))

        _contact = d.pop("Contact", UNSET)
        contact: ContactInput | Unset
        if isinstance(_contact, Unset):
            contact = UNSET
        else:
            contact = ContactInput.from_dict(_contact)

        register_device_request = cls(
            device_id=device_id,
            contact=contact,
        )

        register_device_request.additional_properties = d
        return register_device_request

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
