"""The learned model is a versioned database row: every server tags with the current one, a
corrupt or incompatible one never breaks tagging, rollback goes back, and it holds no comment."""

import io
import logging
import pickle
import zlib

import numpy as np
import pytest
from django.core.management import call_command

from tests.themes.learning_data import UNIQUE_WORD, reviewed_letters
from themes.analysis import stem
from themes.analysis.review_model import FORMAT, ReviewModel, ThemeWeights
from themes.engine import current_tagger, tagger_forget
from themes.learning import model_rollback, retrain_from_reviews
from themes.models import ThemeModelVersion

pytestmark = pytest.mark.django_db
THANKS = "My daughter wrote a letter of thanks to the cleaners."


@pytest.fixture(autouse=True)
def _fresh_tagger():
    tagger_forget()
    yield
    tagger_forget()


def _version(model, *, current=True, format=FORMAT):
    ThemeModelVersion.objects.filter(is_current=True).update(is_current=False)
    payload = model if isinstance(model, bytes) else model.to_bytes()
    return ThemeModelVersion.objects.create(is_current=current, format=format, payload=payload)


def _adds(key):
    """A model that adds `key` to every comment with the word 'letter'."""
    return ReviewModel({"letter": 0}, np.ones(1), {key: ThemeWeights(np.full(1, 20.0), -5, 0.5)})


def _keys(text):
    return {tag.theme_key for tag in current_tagger().analyse(text).tags}


def test_a_corrupt_model_falls_back_to_the_rules_with_one_warning(db, caplog):
    rules = _keys(THANKS)
    _version(b"not a model at all")
    with caplog.at_level(logging.WARNING, logger="themes.learning"):
        assert _keys(THANKS) == rules
        assert _keys(THANKS) == rules  # the same version again: no second warning
    [warning] = [r for r in caplog.records if r.name == "themes.learning"]
    assert "phrase rules only" in warning.getMessage()
    assert "communication" in rules


@pytest.mark.parametrize(
    "payload, format",
    [
        (zlib.compress(b'{"format": "review-model/0"}'), FORMAT),
        (zlib.compress(b'{"format": "review-model/1", "vocabulary": ["a"], "idf": []}'), FORMAT),
        (_adds("staff_attitude").to_bytes(), "review-model/0"),
    ],
    ids=["old payload", "half a payload", "old format column"],
)
def test_an_incompatible_model_is_not_used(db, payload, format, caplog):
    _version(payload, format=format)
    with caplog.at_level(logging.WARNING, logger="themes.learning"):
        assert "staff_attitude" not in _keys(THANKS)
    assert "can't be used" in caplog.text


class _Trap:
    ran = False

    def __reduce__(self):
        return (_Trap._spring, ())

    @staticmethod
    def _spring():
        _Trap.ran = True


def test_a_pickle_in_the_payload_is_never_unpickled(db, caplog):
    _version(pickle.dumps(_Trap()))
    _version(zlib.compress(pickle.dumps(_Trap())))
    current_tagger().analyse(THANKS)
    assert not _Trap.ran


def test_a_model_saved_on_another_server_is_used_at_the_next_batch(db):
    first = _version(_adds("staff_attitude"))
    assert "staff_attitude" in _keys(THANKS)
    second = _version(_adds("respite"))  # e.g. `themes retrain` on another server
    assert "respite" in _keys(THANKS) and "staff_attitude" not in _keys(THANKS)
    tagger_forget()  # a second process, starting cold
    assert "respite" in _keys(THANKS) and "staff_attitude" not in _keys(THANKS)
    assert first.pk < second.pk


def test_rollback_restores_the_previous_model_then_the_rules(db):
    first = _version(_adds("staff_attitude"))
    _version(_adds("respite"))
    assert model_rollback() == first
    assert "staff_attitude" in _keys(THANKS) and "respite" not in _keys(THANKS)
    out = io.StringIO()
    call_command("themes", "retrain", "--rollback", stdout=out)
    assert "phrase rules alone tag now" in out.getvalue()
    assert not ThemeModelVersion.objects.filter(is_current=True).exists()
    assert not {"staff_attitude", "respite"} & _keys(THANKS)


def test_rollback_command_names_the_model_made_current(db):
    first = _version(_adds("staff_attitude"))
    _version(_adds("respite"))
    out = io.StringIO()
    call_command("themes", "retrain", "--rollback", stdout=out)
    assert f"Model {first.pk} is current again." in out.getvalue()


def test_the_stored_model_holds_no_word_only_one_comment_used(touchpoint):
    reviewed_letters(touchpoint)
    version = retrain_from_reviews(min_examples=10).version
    stored = zlib.decompress(bytes(version.payload)).decode()
    assert UNIQUE_WORD not in stored and stem(UNIQUE_WORD) not in stored
    assert '"thank' in stored  # words many comments share are what it learns from
    assert "letter of thanks" not in stored and "Nobody replied" not in stored
