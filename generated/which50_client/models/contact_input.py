from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_input_values_type_0 import ContactInputValuesType0


T = TypeVar("T", bound="ContactInput")


@_attrs_define
class ContactInput:
    """Inferred: a schema of its own for a contact a request body sends, so that the answer's always-present members are
    not forced on callers (the pages document one ContactsDTO for both directions). The same members as `Contact`, none
    required: a request names the values it writes.

    """

    validation_warnings: list[str] | None | Unset = UNSET
    """ Inferred: output only (the server reports warnings); not sent. """
    enc_contact_id: None | str | Unset = UNSET
    """ The encrypted id of an existing contact to write, instead of matching on `match`. """
    list_id: int | Unset = UNSET
    """ Id of the contact list the contact belongs to. """
    values: ContactInputValuesType0 | None | Unset = UNSET
    """ The field values to write, keyed by schema field name (`ContactSchemaField.Name`). A value may be any JSON
    value, null included. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_input_values_type_0 import ContactInputValuesType0

        validation_warnings: list[str] | None | Unset
        if isinstance(self.validation_warnings, Unset):
            validation_warnings = UNSET
        elif isinstance(self.validation_warnings, list):
            validation_warnings = self.validation_warnings

        else:
            validation_warnings = self.validation_warnings

        enc_contact_id: None | str | Unset
        if isinstance(self.enc_contact_id, Unset):
            enc_contact_id = UNSET
        else:
            enc_contact_id = self.enc_contact_id

        list_id = self.list_id

        values: dict[str, Any] | None | Unset
        if isinstance(self.values, Unset):
            values = UNSET
        elif isinstance(self.values, ContactInputValuesType0):
            values = self.values.to_dict()
        else:
            values = self.values

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if validation_warnings is not UNSET:
            field_dict["ValidationWarnings"] = validation_warnings
        if enc_contact_id is not UNSET:
            field_dict["EncContactId"] = enc_contact_id
        if list_id is not UNSET:
            field_dict["ListId"] = list_id
        if values is not UNSET:
            field_dict["Values"] = values

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_input_values_type_0 import ContactInputValuesType0

        d = dict(src_dict)

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

        def _parse_enc_contact_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        enc_contact_id = _parse_enc_contact_id(d.pop("EncContactId", UNSET))

        list_id = d.pop("ListId", UNSET)

        def _parse_values(data: object) -> ContactInputValuesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                values_type_0 = ContactInputValuesType0.from_dict(data)

                return values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactInputValuesType0 | None | Unset, data)

        values = _parse_values(d.pop("Values", UNSET))

        contact_input = cls(
            validation_warnings=validation_warnings,
            enc_contact_id=enc_contact_id,
            list_id=list_id,
            values=values,
        )

        contact_input.additional_properties = d
        return contact_input

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
