"""The smallest site the load test needs: a home page, one published survey and its touchpoint.

Run inside the load-test database: `python bench/load_fixture.py` (the settings come from the
environment that bench/load_test.py sets).
"""

import os
import sys
from pathlib import Path

TOUCHPOINT_CODE = "load1"
QUESTIONS = [
    {"type": "overall", "value": {"question": "Overall, how was it?", "required": True}},
    {"type": "free_text", "value": {"question": "What went well?", "purpose": "went_well"}},
    {"type": "free_text", "value": {"question": "What could be better?", "purpose": "do_better"}},
]


def seed():
    from wagtail.models import Page, Site

    from cms.models import HomePage
    from surveys.models import Service, SurveyIndexPage, SurveyPage, Touchpoint

    home = HomePage(title="Home", slug="load-home")
    Page.get_first_root_node().add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "127.0.0.1", "port": 80, "root_page": home}
    )
    index = SurveyIndexPage(title="Give feedback", slug="give-feedback")
    home.add_child(instance=index)
    service = Service.objects.create(name="Load test service", slug="load-test")
    survey = SurveyPage(title="How did we do?", slug="how", service=service, questions=QUESTIONS)
    index.add_child(instance=survey)
    survey.save_revision().publish()
    Touchpoint.objects.create(
        name="Load test", code=TOUCHPOINT_CODE, service=service, survey=survey
    )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.load_settings")
    import django

    django.setup()
    seed()
