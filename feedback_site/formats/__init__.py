"""Date formats that differ from Django's own for our languages (FORMAT_MODULE_PATH).

Django's "en" formats are American ("March 1, 2025") and it has none for Urdu, so both get the
long UK form that GOV.UK uses ("1 March 2025"). Polish keeps Django's "j E Y" ("1 marca 2025").
"""
