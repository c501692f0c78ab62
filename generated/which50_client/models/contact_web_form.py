from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContactWebForm")


@_attrs_define
class ContactWebForm:
    """A web-form interaction of a contact. Inferred: presence and nullability, after the ASP.NET serializer (see the API's
    description).

    """

    id: int
    """ Web form id. """
    landing_page_id: int
    """ Landing page that hosts the form. """
    name: None | str
    """ Web form name. """
    date: datetime.datetime
    """ Interaction date. """
    submitted: int
    """ Submitted? (the sample value is 3) """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        landing_page_id = self.landing_page_id

        name: None | str
        name = self.name

        date = self.date.isoformat()

        submitted = self.submitted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "LandingPageId": landing_page_id,
                "Name": name,
                "Date": date,
                "Submitted": submitted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("Id")

        landing_page_id = d.pop("LandingPageId")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("Name"))

        date = datetime.datetime.fromisoformat(d.pop("Date"))

        submitted = d.pop("Submitted")

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
