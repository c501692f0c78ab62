"""One namespace per area of the API: `contacts`, `contact_lists`, `files` and `journeys`."""
