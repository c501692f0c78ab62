from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LandingPageReport")


@_attrs_define
class LandingPageReport:
    """Inferred: the report of one landing page of a journey, counting contacts in each documented landing-page state (the
    values of `LandingPageReportState` but `LinkDetails`, which is a listing, not a count).

    """

    id: int | Unset = UNSET
    """ Landing page id, the `{landingPageId}` of the contacts routes. """
    name: None | str | Unset = UNSET
    total_visits: int | Unset = UNSET
    known_visits: int | Unset = UNSET
    total_clicks: int | Unset = UNSET
    known_clicks: int | Unset = UNSET
    total_submits: int | Unset = UNSET
    webform_submits: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        total_visits = self.total_visits

        known_visits = self.known_visits

        total_clicks = self.total_clicks

        known_clicks = self.known_clicks

        total_submits = self.total_submits

        webform_submits = self.webform_submits

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["Id"] = id
        if name is not UNSET:
            field_dict["Name"] = name
        if total_visits is not UNSET:
            field_dict["TotalVisits"] = total_visits
        if known_visits is not UNSET:
            field_dict["KnownVisits"] = known_visits
        if total_clicks is not UNSET:
            field_dict["TotalClicks"] = total_clicks
        if known_clicks is not UNSET:
            field_dict["KnownClicks"] = known_clicks
        if total_submits is not UNSET:
            field_dict["TotalSubmits"] = total_submits
        if webform_submits is not UNSET:
            field_dict["WebformSubmits"] = webform_submits

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

        total_visits = d.pop("TotalVisits", UNSET)

        known_visits = d.pop("KnownVisits", UNSET)

        total_clicks = d.pop("TotalClicks", UNSET)

        known_clicks = d.pop("KnownClicks", UNSET)

        total_submits = d.pop("TotalSubmits", UNSET)

        webform_submits = d.pop("WebformSubmits", UNSET)

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
