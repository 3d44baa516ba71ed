from django.dispatch import Signal

# Sent by `response_analyse` inside its transaction, once a response's tags are written, so
# apps above this one (reporting's roll-ups) update their counts in the same commit.
response_analysed = Signal()  # kwargs: response
