from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContactEmail")


@_attrs_define
class ContactEmail:
    """An email interaction of a contact. The four flags are integers, not booleans; whether they are counts or 0/1 is not
    documented. Inferred: presence and nullability, after the ASP.NET serializer (see the API's description).

    """

    id: int
    """ Email id. """
    name: None | str
    """ Email name. """
    date: datetime.datetime
    """ Interaction date. """
    delivered: int
    """ Delivered? """
    open_: int
    """ Opened? """
    read: int
    """ Read? """
    link: int
    """ Link clicked? """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str
        name = self.name

        date = self.date.isoformat()

        delivered = self.delivered

        open_ = self.open_

        read = self.read

        link = self.link

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "Name": name,
                "Date": date,
                "Delivered": delivered,
                "Open": open_,
                "Read": read,
                "Link": link,
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

        open_ = d.pop("Open")

        read = d.pop("Read")

        link = d.pop("Link")

        contact_email = cls(
            id=id,
            name=name,
            date=date,
            delivered=delivered,
            open_=open_,
            read=read,
            link=link,
        )

        contact_email.additional_properties = d
        return contact_email

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
