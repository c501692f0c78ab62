"""Every operation of the spec: the generated endpoint module that builds its request, and the
`which50_models` type of its answer. Resource methods run these (see `_runner.Operation`).

The answer types follow the spec's 200 responses; a test checks this table against the spec.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from ._operation import Operation

if TYPE_CHECKING:
    from which50_models import (
        Campaign,
        CampaignActivity,
        Contact,
        ContactEmail,
        ContactInteraction,
        ContactLandingPage,
        ContactSchemaField,
        ContactsList,
        ContactSummary,
        ContactTextMessage,
        ContactWebForm,
        EmailReport,
        ImportJob,
        JourneyChannelReports,
        LandingPageReport,
        LinkedData,
        TextMessageReport,
        UploadedFile,
    )

get_contact: Operation[Contact] = Operation("get_contact", "Contact")
list_contact_journeys: Operation[list[Campaign]] = Operation(
    "list_contact_journeys", "Campaign", many=True
)
list_contact_communications: Operation[list[ContactInteraction]] = Operation(
    "list_contact_communications", "ContactInteraction", many=True
)
list_contact_journey_activities: Operation[list[ContactInteraction]] = Operation(
    "list_contact_journey_activities", "ContactInteraction", many=True
)
get_contact_summary: Operation[ContactSummary] = Operation("get_contact_summary", "ContactSummary")
list_contact_emails: Operation[list[ContactEmail]] = Operation(
    "list_contact_emails", "ContactEmail", many=True
)
list_contact_text_messages: Operation[list[ContactTextMessage]] = Operation(
    "list_contact_text_messages", "ContactTextMessage", many=True
)
list_contact_landing_pages: Operation[list[ContactLandingPage]] = Operation(
    "list_contact_landing_pages", "ContactLandingPage", many=True
)
list_contact_web_forms: Operation[list[ContactWebForm]] = Operation(
    "list_contact_web_forms", "ContactWebForm", many=True
)
list_contact_lists: Operation[list[ContactsList]] = Operation(
    "list_contact_lists", "ContactsList", many=True
)
get_contact_list: Operation[ContactsList] = Operation("get_contact_list", "ContactsList")
list_contact_list_fields: Operation[list[ContactSchemaField]] = Operation(
    "list_contact_list_fields", "ContactSchemaField", many=True
)
get_contact_list_field: Operation[ContactSchemaField] = Operation(
    "get_contact_list_field", "ContactSchemaField"
)
list_contact_list_journeys: Operation[list[Campaign]] = Operation(
    "list_contact_list_journeys", "Campaign", many=True
)
list_contact_list_contacts: Operation[list[Contact]] = Operation(
    "list_contact_list_contacts", "Contact", many=True
)
update_matching_contacts: Operation[list[Contact]] = Operation(
    "update_matching_contacts", "Contact", many=True
)
upsert_contact: Operation[Contact] = Operation("upsert_contact", "Contact")
submit_contact_form: Operation[Contact] = Operation("submit_contact_form", "Contact")
register_device: Operation[Contact] = Operation("register_device", "Contact")
get_server_time: Operation[datetime.datetime] = Operation(
    # A bare ISO 8601 string in the spec (generators of other languages mishandle a bare
    # date-time answer); this client hands back the date-time it names.
    "get_server_time",
    "ServerTime",
    convert=datetime.datetime.fromisoformat,
)
create_import_job: Operation[ImportJob] = Operation("create_import_job", "ImportJob")
get_import_job: Operation[ImportJob] = Operation("get_import_job", "ImportJob")
add_import_job_contacts: Operation[ImportJob] = Operation("add_import_job_contacts", "ImportJob")
run_import_job: Operation[ImportJob] = Operation("run_import_job", "ImportJob")
list_linked_data: Operation[list[LinkedData]] = Operation(
    "list_linked_data", "LinkedData", many=True
)
get_linked_data: Operation[LinkedData] = Operation("get_linked_data", "LinkedData")
list_linked_data_fields: Operation[list[ContactSchemaField]] = Operation(
    "list_linked_data_fields", "ContactSchemaField", many=True
)
get_linked_data_field: Operation[ContactSchemaField] = Operation(
    "get_linked_data_field", "ContactSchemaField"
)
list_linked_data_records: Operation[list[dict[str, Any]]] = Operation(
    "list_linked_data_records", "LinkedDataRecord", many=True
)
download_file: Operation[bytes] = Operation("download_file", None)
upload_file: Operation[UploadedFile] = Operation("upload_file", "UploadedFile")
delete_file: Operation[bytes] = Operation("delete_file", None)
list_journeys: Operation[list[Campaign]] = Operation("list_journeys", "Campaign", many=True)
get_journey: Operation[Campaign] = Operation("get_journey", "Campaign")
list_journey_contacts: Operation[list[Contact]] = Operation(
    "list_journey_contacts", "Contact", many=True
)
list_journey_activities: Operation[list[CampaignActivity]] = Operation(
    "list_journey_activities", "CampaignActivity", many=True
)
get_journey_activity: Operation[CampaignActivity] = Operation(
    "get_journey_activity", "CampaignActivity"
)
list_journey_activity_contacts: Operation[list[Contact]] = Operation(
    "list_journey_activity_contacts", "Contact", many=True
)
generate_landing_page_pdf: Operation[bytes] = Operation("generate_landing_page_pdf", None)
get_journey_reports: Operation[JourneyChannelReports] = Operation(
    "get_journey_reports", "JourneyChannelReports"
)
get_journey_email_report: Operation[list[EmailReport]] = Operation(
    "get_journey_email_report", "EmailReport", many=True
)
list_journey_email_contacts: Operation[list[Contact]] = Operation(
    "list_journey_email_contacts", "Contact", many=True
)
list_journey_email_contacts_by_state: Operation[list[Contact]] = Operation(
    "list_journey_email_contacts_by_state", "Contact", many=True
)
get_journey_text_message_report: Operation[list[TextMessageReport]] = Operation(
    "get_journey_text_message_report", "TextMessageReport", many=True
)
list_journey_text_message_contacts: Operation[list[Contact]] = Operation(
    "list_journey_text_message_contacts", "Contact", many=True
)
list_journey_text_message_contacts_by_state: Operation[list[Contact]] = Operation(
    "list_journey_text_message_contacts_by_state", "Contact", many=True
)
get_journey_landing_page_report: Operation[list[LandingPageReport]] = Operation(
    "get_journey_landing_page_report", "LandingPageReport", many=True
)
list_journey_landing_page_contacts: Operation[list[Contact]] = Operation(
    "list_journey_landing_page_contacts", "Contact", many=True
)
list_journey_landing_page_contacts_by_state: Operation[list[Contact]] = Operation(
    "list_journey_landing_page_contacts_by_state", "Contact", many=True
)
send_email: Operation[Contact] = Operation("send_email", "Contact")
upsert_and_send_email: Operation[Contact] = Operation("upsert_and_send_email", "Contact")
update_matching_and_send_email: Operation[Contact] = Operation(
    "update_matching_and_send_email", "Contact"
)
send_text_message: Operation[Contact] = Operation("send_text_message", "Contact")
upsert_and_send_text_message: Operation[Contact] = Operation(
    "upsert_and_send_text_message", "Contact"
)
update_matching_and_send_text_message: Operation[Contact] = Operation(
    "update_matching_and_send_text_message", "Contact"
)
