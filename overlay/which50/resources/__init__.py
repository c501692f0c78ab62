"""The hand-written additions to the generated resources (`which50_resources`): the bulk import
on `contact_lists`, and streaming uploads and downloads on `files`. Every other resource and
method is generated from the spec and openapi/python.yaml."""
