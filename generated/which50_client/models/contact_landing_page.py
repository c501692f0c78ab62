from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContactLandingPage")


@_attrs_define
class ContactLandingPage:
    """A landing-page interaction of a contact. Inferred: presence and nullability, after the ASP.NET serializer (see the
    API's description).

    """

    id: int
    """ Landing page id. """
    name: None | str
    """ Landing page name. """
    date: datetime.datetime
    """ Interaction date. """
    link: int
    """ Whether a link was clicked. """
    submission: int
    """ Whether the page's web form, if it has one, was submitted. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str
        name = self.name

        date = self.date.isoformat()

        link = self.link

        submission = self.submission

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "Name": name,
                "Date": date,
                "Link": link,
                "Submission": submission,
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

        link = d.pop("Link")

        submission = d.pop("Submission")

        contact_landing_page = cls(
            id=id,
            name=name,
            date=date,
            link=link,
            submission=submission,
        )

        contact_landing_page.additional_properties = d
        return contact_landing_page

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
