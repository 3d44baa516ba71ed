from django.dispatch import Signal

# Sent by `response_analyse` inside its transaction, once a response's tags are written, so
# apps above this one (reporting's roll-ups) update their counts in the same commit.
response_analysed = Signal()  # kwargs: response

# Sent by `theme_merge` inside its transaction once a theme's mentions belong to the theme it was
# merged into, with the first and last day they cover, so counts by theme follow at once.
theme_merged = Signal()  # kwargs: theme, into, start, end
