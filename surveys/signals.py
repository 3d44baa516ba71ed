from django.dispatch import Signal

# Sent after a response is committed. Receivers (e.g. theme tagging) must not block the resident.
response_submitted = Signal()  # kwargs: response
response_withdrawn = Signal()  # kwargs: response_id
