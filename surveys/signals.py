from django.dispatch import Signal

# Sent after a response is committed. Receivers (e.g. theme tagging) must not block the resident.
# Sent inside the transaction that stores the response: receivers' writes commit with it.
response_submitted = Signal()  # kwargs: response
# Sent inside the withdrawal's transaction, after the response is deleted: receivers drop it from
# whatever they count.
response_withdrawn = Signal()  # kwargs: response_id, submitted_on, service_id
# Sent by retention inside its transaction (so a dry run rolls receivers back too), with every
# comment whose text has been redacted or removed. Receivers clear their own copies of that text
# and return how many rows they changed.
comments_text_removed = Signal()  # kwargs: comments (a FreeTextAnswer queryset)
# Sent by retention inside its transaction, for other apps' own retention rules. Receivers apply
# theirs as of `today` and return {what they did: how many rows}, e.g. {"export files deleted": 2}.
retention_due = Signal()  # kwargs: today
