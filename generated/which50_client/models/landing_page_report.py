from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LandingPageReport")


@_attrs_define
class LandingPageReport:
    """Inferred: the report of one landing page of a journey, counting contacts in each documented landing-page state (the
    values of `LandingPageReportState` but `LinkDetails`, which is a listing, not a count). Inferred: presence and
    nullability, after the ASP.NET serializer (see the API's description).

    """

    id: int
    """ Landing page id, the `{landingPageId}` of the contacts routes. """
    name: None | str
    total_visits: int
    known_visits: int
    total_clicks: int
    known_clicks: int
    total_submits: int
    webform_submits: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str
        name = self.name

        total_visits = self.total_visits

        known_visits = self.known_visits

        total_clicks = self.total_clicks

        known_clicks = self.known_clicks

        total_submits = self.total_submits

        webform_submits = self.webform_submits

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "Name": name,
                "TotalVisits": total_visits,
                "KnownVisits": known_visits,
                "TotalClicks": total_clicks,
                "KnownClicks": known_clicks,
                "TotalSubmits": total_submits,
                "WebformSubmits": webform_submits,
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

        total_visits = d.pop("TotalVisits")

        known_visits = d.pop("KnownVisits")

        total_clicks = d.pop("TotalClicks")

        known_clicks = d.pop("KnownClicks")

        total_submits = d.pop("TotalSubmits")

        webform_submits = d.pop("WebformSubmits")

        landing_page_report = cls(
            id=id,
            name=name,
            total_visits=total_visits,
            known_visits=known_visits,
            total_clicks=total_clicks,
            known_clicks=known_clicks,
            total_submits=total_submits,
            webform_submits=webform_submits,
        )

        landing_page_report.additional_properties = d
        return landing_page_report

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
