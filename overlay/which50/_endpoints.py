"""The generated endpoint modules, imported on first use so `import which50` stays fast.

``from . import _endpoints as ep`` then ``ep.get_contact.sync_detailed(...)``: type checkers see
the real modules (the imports below); at run time each module loads on first access.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType
from typing import TYPE_CHECKING

_TAGS = (
    "contacts",
    "contact_lists",
    "import_jobs",
    "linked_data",
    "files",
    "journeys",
    "journey_reports",
    "sends",
)

if TYPE_CHECKING:
    from which50_client.api.contact_lists import (
        get_contact_list,
        get_contact_list_field,
        get_server_time,
        list_contact_list_contacts,
        list_contact_list_fields,
        list_contact_list_journeys,
        list_contact_lists,
        register_device,
        submit_contact_form,
        update_matching_contacts,
        upsert_contact,
    )
    from which50_client.api.contacts import (
        get_contact,
        get_contact_summary,
        list_contact_communications,
        list_contact_emails,
        list_contact_journey_activities,
        list_contact_journeys,
        list_contact_landing_pages,
        list_contact_text_messages,
        list_contact_web_forms,
    )
    from which50_client.api.files import delete_file, download_file, upload_file
    from which50_client.api.import_jobs import (
        add_import_job_contacts,
        create_import_job,
        get_import_job,
        run_import_job,
    )
    from which50_client.api.journey_reports import (
        get_journey_email_report,
        get_journey_landing_page_report,
        get_journey_reports,
        get_journey_text_message_report,
        list_journey_email_contacts,
        list_journey_email_contacts_by_state,
        list_journey_landing_page_contacts,
        list_journey_landing_page_contacts_by_state,
        list_journey_text_message_contacts,
        list_journey_text_message_contacts_by_state,
    )
    from which50_client.api.journeys import (
        generate_landing_page_pdf,
        get_journey,
        get_journey_activity,
        list_journey_activities,
        list_journey_activity_contacts,
        list_journey_contacts,
        list_journeys,
    )
    from which50_client.api.linked_data import (
        get_linked_data,
        get_linked_data_field,
        list_linked_data,
        list_linked_data_fields,
        list_linked_data_records,
    )
    from which50_client.api.sends import (
        send_email,
        send_text_message,
        update_matching_and_send_email,
        update_matching_and_send_text_message,
        upsert_and_send_email,
        upsert_and_send_text_message,
    )


def __getattr__(name: str) -> ModuleType:
    if name.startswith("_"):
        raise AttributeError(name)
    for tag in _TAGS:
        qualified = f"which50_client.api.{tag}.{name}"
        if importlib.util.find_spec(qualified) is not None:
            module = importlib.import_module(qualified)
            globals()[name] = module
            return module
    raise AttributeError(f"no generated endpoint module named {name!r}")
