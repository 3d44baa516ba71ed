"""The easy read survey: easy words, a picture beside every question and face answers."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from wagtail.blocks import ChoiceBlock, ListBlock, StructBlockValidationError

from surveys.blocks import FreeTextBlock, SingleChoiceBlock, choice_options
from surveys.easy_read import MAX_WORDS_PER_LINE, PICTURES, wording_errors

FACES = [f"face-{name}" for name in ("very-good", "good", "neither", "poor", "very-poor")]


class _Page(HTMLParser):
    """The form's images and the text of each legend and label."""

    def __init__(self):
        super().__init__()
        self.images, self.lines, self._text = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs)
        elif tag in {"legend", "label", "p", "h1", "h2"}:
            self._text = []

    def handle_endtag(self, tag):
        if tag in {"legend", "label", "p", "h1", "h2"} and self._text is not None:
            self.lines.append(" ".join("".join(self._text).split()))
            self._text = None

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


def _easy_read(client, path="/f/hd7k2/easy-read"):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    parsed = _Page()
    parsed.feed(main)
    return main, parsed


def test_every_question_has_a_picture_with_alt_text(client, touchpoint, survey):
    main, parsed = _easy_read(client)
    questions = len(survey.question_blocks()) + 1 + 7  # + 'helped by' + 'About you'
    prompts = re.findall(r'<img class="app-easy-read__picture" src="([^"]+)" alt="([^"]+)"', main)
    assert len(prompts) == questions
    assert all(src.startswith("/static/surveys/easy-read/") for src, _alt in prompts)
    assert all(image.get("alt", "").strip() for image in parsed.images)


def test_friends_and_family_answers_are_faces(client, touchpoint):
    main, _parsed = _easy_read(client)
    for face in FACES:
        assert f"/static/surveys/easy-read/{face}.svg" in main
    assert '-words">Not good or bad</span>' in main
    assert "Neither good nor poor" not in main


def test_adult_social_care_and_about_you_questions_are_in_easy_words(client, touchpoint):
    main, _parsed = _easy_read(client)
    assert "Are you happy with your care and support?" in main
    assert "How satisfied are you?" not in main
    assert "Quite happy" in main and "I am quite satisfied" not in main
    assert "How old are you?" in main
    assert "Did someone help you answer?" in main
    assert "Did someone help you fill this in?" not in main


def test_editors_easy_read_words_and_picture_choice_are_used(client, touchpoint, survey):
    for child in survey.questions:
        if child.value.get("purpose") == "do_better":
            child.value["easy_read_question"] = "What should we do next time?"
            child.value["symbol"] = "clock"
    survey.save_revision().publish()
    main, _parsed = _easy_read(client)
    assert (
        '<img class="app-easy-read__picture" src="/static/surveys/easy-read/clock.svg" '
        'alt="A clock" width="96" height="96">'
    ) in main
    assert "What should we do next time?" in main
    assert "What could we do better?" not in main


def test_every_line_of_the_easy_read_survey_is_15_words_or_fewer(client, touchpoint):
    _main, parsed = _easy_read(client)
    long_lines = [line for line in parsed.lines if len(line.split()) > MAX_WORDS_PER_LINE]
    assert parsed.lines and long_lines == []


def test_standard_survey_keeps_its_own_wording_and_no_pictures(client, touchpoint):
    html = client.get("/f/hd7k2").content.decode()
    assert "How satisfied are you?" in html
    assert "app-picture-choice" not in html
    assert "/static/surveys/easy-read/" not in html


def test_polish_translation_shows_its_easy_read_words(client, touchpoint, polish_survey):
    for child in polish_survey.questions:
        if child.block_type == "overall":
            child.value["easy_read_question"] = "Czy było dobrze?"
    polish_survey.save_revision().publish()
    main, _parsed = _easy_read(client, "/pl/f/hd7k2/easy-read")
    assert "Czy było dobrze?" in main


def test_easy_read_wording_longer_than_15_words_is_refused():
    block = FreeTextBlock()
    value = block.to_python(
        {
            "question": "What could we do better?",
            "purpose": "do_better",
            "easy_read_question": " ".join(["word"] * 16),
        }
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "easy_read_question" in error.value.block_errors


def test_easy_read_wording_of_two_sentences_is_refused():
    assert wording_errors("Tell us. What was good?")
    assert wording_errors("What was good?") == []
    assert wording_errors("") == []


@pytest.mark.parametrize("name", sorted(PICTURES))
def test_every_picture_is_shipped_as_svg_with_alt_text(name):
    found = finders.find(f"surveys/easy-read/{name}.svg")
    assert found, name
    assert Path(found).read_text().startswith("<svg ")
    assert str(PICTURES[name].alt).strip()


def test_pictures_ship_with_their_licence_note():
    licence = Path(finders.find("surveys/easy-read/LICENSE.md")).read_text()
    assert "drawn for this project" in licence


def test_own_picture_without_alt_text_is_refused_with_a_message(db):
    from demo.pages.pictures import picture

    block = FreeTextBlock()
    value = block.to_python(
        {
            "question": "What went well?",
            "purpose": "went_well",
            "picture": picture("Easy read: green tick").pk,
        }
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "Describe the picture" in str(error.value.block_errors["picture_alt"])


def test_an_editors_own_answers_show_the_pictures_chosen_for_them(client, touchpoint, survey):
    for child in survey.questions:
        if child.block_type == "single_choice":  # Phone, Email, In person
            child.value["option_symbols"] = ListBlock(ChoiceBlock()).to_python(
                ["phone", "letter", "people"]
            )
    survey.save_revision().publish()
    main, _parsed = _easy_read(client)
    choices = re.findall(
        r'<label class="govuk-label app-picture-choice__label"[^>]*>(.*?)</label>', main
    )
    shown = {
        re.search(r'__words"[^>]*>([^<]+)<', label).group(1): re.search(r'alt="([^"]*)"', label)
        for label in choices
    }
    assert shown["Phone"].group(1) == "A phone"
    assert shown["Email"].group(1) == "A letter"
    assert shown["In person"].group(1) == "Two people"
    # The other custom question has none chosen: its answers are words alone, never a guess.
    assert shown["Respite"] is None


def test_more_pictures_than_answers_is_refused():
    block = SingleChoiceBlock()
    value = block.to_python(
        {
            "question": "How did you first contact us?",
            "options": choice_options("Phone", "Email"),
            "option_symbols": ["phone", "letter", "people"],
        }
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "option_symbols" in error.value.block_errors
