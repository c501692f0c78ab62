from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_values import ContactValues


T = TypeVar("T", bound="Contact")


@_attrs_define
class Contact:
    """A contact of a contact list, as the API answers it (the page calls it a ContactsDTO). Unknown members are kept. The
    XML samples also carry an integer `Id` that the JSON table does not list; it is not described here. Inferred:
    presence and nullability, after the ASP.NET serializer (see the API's description); `EncContactId` and `Values` are
    never null, since every stored contact has its minted id and its values (an empty object at least).
    `ValidationWarnings` is optional: only the newest copies of the pages list it, so an older server may not send it.

    """

    enc_contact_id: str
    """ The encrypted contact id, the value used as `{contactId}`. Opaque. """
    list_id: int
    """ Id of the contact list the contact belongs to. """
    values: ContactValues
    """ The contact's field values, keyed by schema field name (`ContactSchemaField.Name`). A value may be any JSON
    value, null included. """
    validation_warnings: list[str] | None | Unset = UNSET
    """ Warnings raised while validating the contact's values. Listed only in the newest copies of the pages;
    whether it is only ever output is not documented. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enc_contact_id = self.enc_contact_id

        list_id = self.list_id

        values = self.values.to_dict()

        validation_warnings: list[str] | None | Unset
        if isinstance(self.validation_warnings, Unset):
            validation_warnings = UNSET
        elif isinstance(self.validation_warnings, list):
            validation_warnings = self.validation_warnings

        else:
            validation_warnings = self.validation_warnings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "EncContactId": enc_contact_id,
                "ListId": list_id,
                "Values": values,
            }
        )
        if validation_warnings is not UNSET:
            field_dict["ValidationWarnings"] = validation_warnings

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_values import ContactValues

        d = dict(src_dict)
        enc_contact_id = d.pop("EncContactId")

        list_id = d.pop("ListId")

        values = ContactValues.from_dict(d.pop("Values"))

        def _parse_validation_warnings(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                validation_warnings_type_0 = cast(list[str], data)

                return validation_warnings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        validation_warnings = _parse_validation_warnings(
            d.pop("ValidationWarnings", UNSET)
        )

        contact = cls(
            enc_contact_id=enc_contact_id,
            list_id=list_id,
            values=values,
            validation_warnings=validation_warnings,
        )

        contact.additional_properties = d
        return contact

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
