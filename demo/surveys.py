"""Demo surveys, touchpoints and a few hundred clearly synthetic responses over 18 months.

Idempotent: everything is looked up by slug or code, and each synthetic response carries a
fixed submission token, so a second run stores nothing new.
"""

import random
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from cms.models import HomePage
from demo.survey_text import COMMENTS, SERVICES, TRANSLATIONS
from surveys.choices import EQUALITY_FIELDS, Channel, HelpedBy, OverallExperience
from surveys.models import Service, SurveyIndexPage, SurveyPage, Touchpoint
from surveys.services import response_submit
from surveys.submission import Comment, Submission

DEMO_NAMESPACE = uuid.UUID("6f1c2b7e-3d4a-4c55-9e0f-2a1b3c4d5e6f")
OVERALL_WEIGHTS = {  # skewed positive, as real FFT results are
    OverallExperience.VERY_GOOD: 38,
    OverallExperience.GOOD: 27,
    OverallExperience.NEITHER: 10,
    OverallExperience.POOR: 12,
    OverallExperience.VERY_POOR: 9,
    OverallExperience.DONT_KNOW: 4,
}


def seed(stdout):
    with transaction.atomic():
        index = _survey_index()
        surveys = [_survey(index, spec) for spec in SERVICES]
        for language, words in TRANSLATIONS.items():
            _translate(surveys[0], language, words)
    created = _responses(surveys)
    stdout.write(
        f"Surveys: {len(surveys)}; touchpoints: {Touchpoint.objects.filter(is_demo=True).count()}; "
        f"demo responses added: {created}"
    )


def _survey_index():
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    existing = SurveyIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = SurveyIndexPage(
        title="Give feedback",
        slug="give-feedback",
        introduction="Choose the service you want to tell us about.",
    )
    home.add_child(instance=index)
    return index


def _survey(index, spec):
    service, _ = Service.objects.get_or_create(
        slug=spec["slug"],
        defaults={"name": spec["service"], "description": spec["description"], "is_demo": True},
    )
    survey = SurveyPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if survey is None:
        survey = SurveyPage(
            title=spec["title"],
            slug=spec["slug"],
            service=service,
            introduction=spec["introduction"],
            questions=spec["questions"],
            easy_read_introduction=spec.get("easy_read_introduction", ""),
        )
        index.add_child(instance=survey)
        survey.save_revision().publish()
    for name, code in spec["touchpoints"]:
        Touchpoint.objects.get_or_create(
            code=code,
            defaults={"name": name, "service": service, "survey": survey, "is_demo": True},
        )
    return survey


def _translate(survey, language, words):
    locale, _ = Locale.objects.get_or_create(language_code=language)
    if survey.get_translation_or_none(locale):
        return
    _ensure_parents_translated(survey, locale)
    translated = survey.copy_for_translation(locale)
    for field in ("title", "introduction", "invitation", "thank_you_message"):
        setattr(translated, field, words[field])
    for child in translated.questions:
        key = child.value.get("purpose") if child.block_type == "free_text" else child.block_type
        if key in words["questions"]:
            child.value["question"] = words["questions"][key]
        if key in words["easy_read_questions"]:
            child.value["easy_read_question"] = words["easy_read_questions"][key]
        if child.value.get("hint"):
            child.value["hint"] = words["hint"]
    translated.save_revision().publish()


def _ensure_parents_translated(page, locale):
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.get_translation_or_none(locale):
            ancestor.copy_for_translation(locale).save_revision().publish()


def _responses(surveys):
    rng = random.Random(20261123)
    today = timezone.localdate()
    touchpoints = {s.pk: list(Touchpoint.objects.filter(survey=s)) for s in surveys}
    created_count = 0
    for number in range(settings.DEMO_RESPONSES):
        survey = surveys[number % len(surveys)]
        touchpoint = rng.choice(touchpoints[survey.pk])
        overall = rng.choices(list(OVERALL_WEIGHTS), weights=list(OVERALL_WEIGHTS.values()))[0]
        _response, created = response_submit(
            survey=survey,
            touchpoint=touchpoint,
            submission=_submission(rng, survey, overall),
            channel=rng.choice(
                [Channel.QR, Channel.QR, Channel.WEB_LINK, Channel.PAPER, Channel.PHONE]
            ),
            language=rng.choice(["en"] * 9 + ["pl"]),
            submission_token=uuid.uuid5(DEMO_NAMESPACE, f"response-{number}"),
            submitted_on=today - timedelta(days=rng.randint(0, 547)),
            is_demo=True,
            allow_closed=True,
        )
        created_count += created
    created_count += _safeguarding_examples(surveys[0], touchpoints[surveys[0].pk], today)
    return created_count


def _safeguarding_examples(survey, touchpoints, today):
    do_better = next(k for k, t, v in survey.question_blocks() if v.get("purpose") == "do_better")
    created_count = 0
    for number, text in enumerate(COMMENTS["safeguarding"]):
        _response, created = response_submit(
            survey=survey,
            touchpoint=touchpoints[0],
            channel=Channel.PAPER,
            submission=Submission(
                overall="very_poor", comments=[Comment(do_better, "do_better", text)]
            ),
            submission_token=uuid.uuid5(DEMO_NAMESPACE, f"safeguarding-{number}"),
            submitted_on=today - timedelta(days=2 + number),
            is_demo=True,
            allow_closed=True,
        )
        created_count += created
    return created_count


def _submission(rng, survey, overall):
    mood = "positive" if overall in {"very_good", "good"} else "negative"
    if overall in {"neither", "dont_know"}:
        mood = rng.choice(["positive", "negative"])
    submission = Submission(overall=overall, helped_by=rng.choice(HelpedBy.values + [""] * 4))
    for key, block_type, value in survey.question_blocks():
        if block_type != "free_text" or rng.random() < 0.3:
            continue
        pool = COMMENTS["went_well" if value["purpose"] == "went_well" else mood]
        submission.comments.append(Comment(key, value["purpose"], rng.choice(pool)))
    if rng.random() < 0.7:
        submission.equality = {
            name: rng.choice(choices.values) for name, (_label, choices) in EQUALITY_FIELDS.items()
        }
    return submission
