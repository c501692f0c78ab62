from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactWebForm")


@_attrs_define
class ContactWebForm:
    """A web-form interaction of a contact."""

    id: int | Unset = UNSET
    """ Web form id. """
    landing_page_id: int | Unset = UNSET
    """ Landing page that hosts the form. """
    name: None | str | Unset = UNSET
    """ Web form name. """
    date: datetime.datetime | Unset = UNSET
    """ Interaction date. """
    submitted: int | Unset = UNSET
    """ Submitted? (the sample value is 3) """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        landing_page_id = self.landing_page_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        date: str | Unset = UNSET
        if not isinstance(self.date, Unset):
            date = self.date.isoformat()

        submitted = self.submitted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["Id"] = id
        if landing_page_id is not UNSET:
            field_dict["LandingPageId"] = landing_page_id
        if name is not UNSET:
            field_dict["Name"] = name
        if date is not UNSET:
            field_dict["Date"] = date
        if submitted is not UNSET:
            field_dict["Submitted"] = submitted

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("Id", UNSET)

        landing_page_id = d.pop("LandingPageId", UNSET)

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

        submitted = d.pop("Submitted", UNSET)

        contact_web_form = cls(
            id=id,
            landing_page_id=landing_page_id,
            name=name,
            date=date,
            submitted=submitted,
        )

        contact_web_form.additional_properties = d
        return contact_web_form

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
