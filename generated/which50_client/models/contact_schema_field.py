from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contact_schema_field_value import ContactSchemaFieldValue


T = TypeVar("T", bound="ContactSchemaField")


@_attrs_define
class ContactSchemaField:
    """A schema field of a contact list or of a Linked Data list. Inferred: presence and nullability, after the ASP.NET
    serializer (see the API's description).

    """

    id: int
    """ Field id. """
    name: None | str
    """ Field name, used for filtering and as the key in `Contact.Values`. """
    default_value: None | str
    """ Value used when no other value is set. """
    map_type: None | str
    """ The field's type. Values not documented. """
    position: int
    """ Position in the schema's field list. """
    contact_schema_field_values: list[ContactSchemaFieldValue] | None
    """ Allowed or listed values of the field. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str
        name = self.name

        default_value: None | str
        default_value = self.default_value

        map_type: None | str
        map_type = self.map_type

        position = self.position

        contact_schema_field_values: list[dict[str, Any]] | None
        if isinstance(self.contact_schema_field_values, list):
            contact_schema_field_values = []
            for (
                contact_schema_field_values_type_0_item_data
            ) in self.contact_schema_field_values:
                contact_schema_field_values_type_0_item = (
                    contact_schema_field_values_type_0_item_data.to_dict()
                )
                contact_schema_field_values.append(
                    contact_schema_field_values_type_0_item
                )

        else:
            contact_schema_field_values = self.contact_schema_field_values

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "Name": name,
                "DefaultValue": default_value,
                "MapType": map_type,
                "Position": position,
                "ContactSchemaFieldValues": contact_schema_field_values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_schema_field_value import ContactSchemaFieldValue

        d = dict(src_dict)
        id = d.pop("Id")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("Name"))

        def _parse_default_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        default_value = _parse_default_value(d.pop("DefaultValue"))

        def _parse_map_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        map_type = _parse_map_type(d.pop("MapType"))

        position = d.pop("Position")

        def _parse_contact_schema_field_values(
            data: object,
        ) -> list[ContactSchemaFieldValue] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                contact_schema_field_values_type_0 = []
                _contact_schema_field_values_type_0 = data
                for (
                    contact_schema_field_values_type_0_item_data
                ) in _contact_schema_field_values_type_0:
                    contact_schema_field_values_type_0_item = (
                        ContactSchemaFieldValue.from_dict(
                            contact_schema_field_values_type_0_item_data
                        )
                    )

                    contact_schema_field_values_type_0.append(
                        contact_schema_field_values_type_0_item
                    )

                return contact_schema_field_values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ContactSchemaFieldValue] | None, data)

        contact_schema_field_values = _parse_contact_schema_field_values(
            d.pop("ContactSchemaFieldValues")
        )

        contact_schema_field = cls(
            id=id,
            name=name,
            default_value=default_value,
            map_type=map_type,
            position=position,
            contact_schema_field_values=contact_schema_field_values,
        )

        contact_schema_field.additional_properties = d
        return contact_schema_field

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
