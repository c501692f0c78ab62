from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContactTextMessage")


@_attrs_define
class ContactTextMessage:
    """A text-message (SMS) interaction of a contact. Inferred: presence and nullability, after the ASP.NET serializer (see
    the API's description).

    """

    id: int
    """ Text message id. """
    name: None | str
    """ Text message name. """
    date: datetime.datetime
    """ Interaction date. """
    delivered: int
    """ Delivered? (the sample value is 3, so an integer, not a flag) """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str
        name = self.name

        date = self.date.isoformat()

        delivered = self.delivered

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "Name": name,
                "Date": date,
                "Delivered": delivered,
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

        date = datetime.datetime.fromisoformat(d.pop("Date"))

        delivered = d.pop("Delivered")

        contact_text_message = cls(
            id=id,
            name=name,
            date=date,
            delivered=delivered,
        )

        contact_text_message.additional_properties = d
        return contact_text_message

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
