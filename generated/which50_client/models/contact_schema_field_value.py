from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContactSchemaFieldValue")


@_attrs_define
class ContactSchemaFieldValue:
    """An allowed or listed value of a schema field. Known only from samples. Inferred: presence and nullability, after the
    ASP.NET serializer (see the API's description).

    """

    id: int
    value: None | str
    order: int
    in_use: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        value: None | str
        value = self.value

        order = self.order

        in_use = self.in_use

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "Value": value,
                "Order": order,
                "InUse": in_use,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("Id")

        def _parse_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        value = _parse_value(d.pop("Value"))

        order = d.pop("Order")

        in_use = d.pop("InUse")

        contact_schema_field_value = cls(
            id=id,
            value=value,
            order=order,
            in_use=in_use,
        )

        contact_schema_field_value.additional_properties = d
        return contact_schema_field_value

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
