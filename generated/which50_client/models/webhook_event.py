from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.webhook_event_data import WebhookEventData


T = TypeVar("T", bound="WebhookEvent")


@_attrs_define
class WebhookEvent:
    """Inferred: all of it. The body of a webhook call (the callback of `createWebhookSubscription`), as the sandbox sends
    it.

    """

    event_name: str
    """ Inferred: the event, as subscribed to. """
    subscription_id: int
    """ Inferred: the subscription the call is for. """
    created_date: datetime.datetime
    """ Inferred: when the event happened. """
    data: WebhookEventData
    """ Inferred: what the event is about; for `ContactCreated`, the `Contact`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_name = self.event_name

        subscription_id = self.subscription_id

        created_date = self.created_date.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "EventName": event_name,
                "SubscriptionId": subscription_id,
                "CreatedDate": created_date,
                "Data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.webhook_event_data import WebhookEventData

        d = dict(src_dict)
        event_name = d.pop("EventName")

        subscription_id = d.pop("SubscriptionId")

        created_date = datetime.datetime.fromisoformat(d.pop("CreatedDate"))

        data = WebhookEventData.from_dict(d.pop("Data"))

        webhook_event = cls(
            event_name=event_name,
            subscription_id=subscription_id,
            created_date=created_date,
            data=data,
        )

        webhook_event.additional_properties = d
        return webhook_event

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
