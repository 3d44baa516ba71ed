import pytest

from core.text import without_bidi_controls
from tests.text_direction import RIGHT_TO_LEFT_OVERRIDE


@pytest.mark.parametrize("control", ["\u202a", "\u202d", "\u202e", "\u2066", "\u2069", "\u200f"])
def test_bidi_controls_are_taken_out(control):
    assert without_bidi_controls(f"Ward {control}5 North") == "Ward 5 North"


def test_right_to_left_letters_and_ordinary_text_are_kept():
    text = "مركز الرعاية · Day centre, Ward 5"
    assert without_bidi_controls(text) == text
    assert RIGHT_TO_LEFT_OVERRIDE not in without_bidi_controls(f"a{RIGHT_TO_LEFT_OVERRIDE}b")
