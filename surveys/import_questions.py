"""A survey's own import columns: one for each question it asks, headed by its wording.

The fixed columns of `surveys.imports` (touchpoint, date, overall, went_well, do_better…) only
reach the standard questions, and a free text question whose purpose is "Other" or a survey's
own choice questions had no column at all. Each survey offers a template (CSV or XLSX) with a
column for every question; a column is matched to its question by the wording (any case) or
by the question's key, so a lead can type the answers as they are written on the card.
"""

import tablib
from django.utils.translation import gettext as _

from core.spreadsheets import dataset_export
from surveys.blocks import FREE_TEXT_MAX_LENGTH
from surveys.choices import EQUALITY_FIELDS, AscsInformation, AscsSatisfaction, OverallExperience
from surveys.submission import Comment

FIXED_COLUMNS = ["touchpoint", "date", "channel", "reference"]
RATING_CHOICES = {
    "overall": OverallExperience.choices,
    "ascs_satisfaction": AscsSatisfaction.choices,
    "ascs_information": AscsInformation.choices,
}
# Several ticked answers to one question go in one cell, one per line or split by ";".
ANSWER_SEPARATORS = ("\n", ";")


# A row's errors name the column as the file heads it (so staff find it), then say what is
# wrong in the admin's language.
def not_an_answer(column, text):
    return _("%(column)s: '%(text)s' is not one of the answers") % {
        "column": column,
        "text": text[:40],
    }


def too_long(column):
    return _("%(column)s: longer than %(limit)s characters") % {
        "column": column,
        "limit": f"{FREE_TEXT_MAX_LENGTH:,}",
    }


def header_name(text):
    return " ".join(str(text or "").split()).casefold()


def question_columns(survey):
    """(header, key, block type, value) for each question of `survey`, in order.

    Kept on the page object, which one import shares among all its rows: a file of 20,000
    rows reads the questions once per survey, not once per row.
    """
    if not hasattr(survey, "_import_question_columns"):
        survey._import_question_columns = [
            (" ".join(value["question"].split()), key, block_type, value)
            for key, block_type, value in survey.question_blocks()
        ]
    return survey._import_question_columns


def template_headers(survey):
    headers = FIXED_COLUMNS + [header for header, *_rest in question_columns(survey)]
    if survey.include_helper_question:
        headers.append("helped_by")
    if survey.include_about_you:
        headers.extend(EQUALITY_FIELDS)
    return headers


def import_template(survey, file_format):
    """An empty sheet with the survey's columns, as bytes or text in "csv" or "xlsx"."""
    dataset = tablib.Dataset(headers=template_headers(survey))
    dataset.title = "Cards"
    return dataset_export(dataset, file_format)


def _cell(raw, header, key):
    for name in (header_name(header), key.casefold()):
        if name in raw:
            return raw[name]
    return None


def _match(text, choices):
    wanted = header_name(text)
    for code, label in choices:
        if wanted in {header_name(code), header_name(label)}:
            return code
    return None


def _options(value):
    return [(option.id, option.value) for option in value["options"].bound_blocks]


def _several(text):
    for separator in ANSWER_SEPARATORS[1:]:
        text = text.replace(separator, ANSWER_SEPARATORS[0])
    return [part.strip() for part in text.split(ANSWER_SEPARATORS[0]) if part.strip()]


def question_answers_add(raw, survey, submission, errors, as_text):
    """Put the row's answers to `survey`'s own question columns into `submission`.

    `raw` is the row keyed by normalised header; `as_text` turns a cell into text. An answer
    here replaces one given in a fixed column (`overall`, `went_well`…) for the same question.
    """
    firsts = {}
    for header, key, block_type, value in question_columns(survey):
        firsts.setdefault(block_type, key)
        text = as_text(_cell(raw, header, key))
        if not text:
            continue
        label = f"'{header[:40]}'"
        if block_type == "free_text":
            if len(text) > FREE_TEXT_MAX_LENGTH:
                errors.append(too_long(label))
                continue
            submission.comments = [c for c in submission.comments if c.question_key != key]
            submission.comments.append(Comment(key, value["purpose"], text))
        elif block_type in RATING_CHOICES:
            code = _match(text, RATING_CHOICES[block_type])
            if code is None:
                errors.append(not_an_answer(label, text))
            else:
                _rating_add(submission, block_type, key, code, first=firsts[block_type] == key)
        else:
            _choice_add(submission, block_type, key, value, text, label, errors)


def _rating_add(submission, block_type, key, code, *, first):
    """As the web form stores them: the first of each rating in its own column, any others
    with the survey's own answers."""
    if not first:
        submission.answers[key] = code
    elif block_type == "overall":
        submission.overall = code
    elif block_type == "ascs_satisfaction":
        submission.ascs_satisfaction = int(code)
    else:
        submission.ascs_information = code


def _choice_add(submission, block_type, key, value, text, label, errors):
    options = _options(value)
    given = [text] if block_type == "single_choice" else _several(text)
    chosen = [_match(part, options) for part in given]
    unknown = [part for part, code in zip(given, chosen, strict=True) if code is None]
    if unknown:
        errors.append(not_an_answer(label, unknown[0]))
        return
    submission.answers[key] = chosen[0] if block_type == "single_choice" else chosen
