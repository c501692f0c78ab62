from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WebhookSubscription")


@_attrs_define
class WebhookSubscription:
    """Inferred: all of it. A subscription of a URL to an event; the index lists the operations but no page describes a
    body. The members are named after the API's other DTOs; `EventName` and `Url` are never null, since a subscription
    is made with both.

    """

    id: int
    """ Inferred: the subscription id, for `deleteWebhookSubscription`. """
    event_name: str
    """ Inferred: the event subscribed to, as named in the route. """
    url: str
    """ Inferred: where Which50 posts each event. """
    is_active: bool
    """ Inferred: false once the subscription is deactivated. """
    created_date: datetime.datetime
    """ Inferred: when the subscription was made. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        event_name = self.event_name

        url = self.url

        is_active = self.is_active

        created_date = self.created_date.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "EventName": event_name,
                "Url": url,
                "IsActive": is_active,
                "CreatedDate": created_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("Id")

        event_name = d.pop("EventName")

        url = d.pop("Url")

        is_active = d.pop("IsActive")

        created_date = datetime.datetime.fromisoformat(d.pop("CreatedDate"))

        webhook_subscription = cls(
            id=id,
            event_name=event_name,
            url=url,
            is_active=is_active,
            created_date=created_date,
        )

        webhook_subscription.additional_properties = d
        return webhook_subscription

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
