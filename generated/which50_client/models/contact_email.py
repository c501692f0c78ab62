from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactEmail")


@_attrs_define
class ContactEmail:
    """An email interaction of a contact. The four flags are integers, not booleans; whether they are counts or 0/1 is not
    documented.

    """

    id: int | Unset = UNSET
    """ Email id. """
    name: None | str | Unset = UNSET
    """ Email name. """
    date: datetime.datetime | Unset = UNSET
    """ Interaction date. """
    delivered: int | Unset = UNSET
    """ Delivered? """
    open_: int | Unset = UNSET
    """ Opened? """
    read: int | Unset = UNSET
    """ Read? """
    link: int | Unset = UNSET
    """ Link clicked? """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        date: str | Unset = UNSET
        if not isinstance(self.date, Unset):
            date = self.date.isoformat()

        delivered = self.delivered

        open_ = self.open_

        read = self.read

        link = self.link

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["Id"] = id
        if name is not UNSET:
            field_dict["Name"] = name
        if date is not UNSET:
            field_dict["Date"] = date
        if delivered is not UNSET:
            field_dict["Delivered"] = delivered
        if open_ is not UNSET:
            field_dict["Open"] = open_
        if read is not UNSET:
            field_dict["Read"] = read
        if link is not UNSET:
            field_dict["Link"] = link

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("Id", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("Name", UNSET))

        _date = d.pop("Date", UNSET)
        date: datetime.datetime | Unset
        if isinstance(_date, Unset):
            date = UNSET
        else:
            date = datetime.datetime.fromisoformat(_date)

        delivered = d.pop("Delivered", UNSET)

        open_ = d.pop("Open", UNSET)

        read = d.pop("Read", UNSET)

        link = d.pop("Link", UNSET)

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
