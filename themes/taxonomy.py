"""The default adult social care taxonomy, loaded into editable Theme rows."""

from themes.analysis import loader
from themes.choices import CqcQualityStatement

_STATEMENT_CODES = {str(label): code for code, label in CqcQualityStatement.choices}


def default_theme_rows():
    """The shipped themes as field values for the Theme model."""
    rows = []
    for data in loader.json("default_taxonomy")["themes"]:
        rows.append(
            {
                "key": data["key"],
                "name": data["name"],
                "description": data.get("description", ""),
                "phrases": "\n".join(data.get("phrases", [])),
                "problem_phrases": "\n".join(data.get("problem_phrases", [])),
                "patterns": "\n".join(data.get("patterns", [])),
                "negative_only": data.get("negative_only", False),
                "cqc_quality_statements": [
                    _STATEMENT_CODES[s]
                    for s in data.get("cqc_quality_statements", [])
                    if s in _STATEMENT_CODES
                ],
                "i_statements": "\n".join(data.get("tlap_statements", [])),
                "is_safeguarding": data["key"] == "safeguarding_concern",
            }
        )
    return rows


def load_default_taxonomy(theme_model):
    """Add any shipped theme that isn't there yet. Never overwrites staff edits."""
    existing = set(theme_model.objects.values_list("key", flat=True))
    new = [theme_model(**row) for row in default_theme_rows() if row["key"] not in existing]
    theme_model.objects.bulk_create(new)
    return len(new)
