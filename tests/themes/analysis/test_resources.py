import importlib
import pathlib
import re

import nltk
import pytest

import themes.analysis as analysis
from themes.analysis.resources import ResourceLoader, ResourceMissing

PACKAGE = pathlib.Path(analysis.__file__).parent


def test_missing_resource_error_names_the_resource_and_where_it_looked(tmp_path):
    loader = ResourceLoader()
    missing = tmp_path / "nowhere" / "stopwords.txt"
    loader.register("stopwords", missing)
    with pytest.raises(ResourceMissing) as error:
        loader.lines("stopwords")
    message = str(error.value)
    assert "'stopwords'" in message and str(missing) in message
    assert "Nothing is downloaded" in message
    assert error.value.looked_in == [str(missing)]


def test_unknown_resource_is_reported_too():
    with pytest.raises(ResourceMissing, match="'no_such_thing'"):
        ResourceLoader().text("no_such_thing")


def test_vader_lexicon_comes_from_the_installed_package():
    path = ResourceLoader().path("vader_lexicon")
    assert path.name == "vader_lexicon.txt" and path.parent.name == "vaderSentiment"


def test_registered_files_replace_shipped_ones(tmp_path):
    custom = tmp_path / "stop.txt"
    custom.write_text("# mine\nparking\n", encoding="utf-8")
    loader = ResourceLoader()
    loader.register("stopwords", custom)
    assert loader.word_set("stopwords") == {"parking"}


def test_whole_pipeline_runs_with_nltk_downloads_and_data_loading_forbidden(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("the analysis core must never download or load NLTK data")

    monkeypatch.setattr(nltk, "download", forbidden)
    monkeypatch.setattr(nltk.data, "load", forbidden)
    monkeypatch.setattr(nltk.data, "find", forbidden)
    sentiment = importlib.import_module("themes.analysis.sentiment")
    monkeypatch.setattr(sentiment, "_reference", None)
    tagger = analysis.Tagger()
    result = tagger.analyse("Mr Jones never called back. She hasnt eaten for days, I'm scared.")
    assert result.tags and result.safeguarding and result.redacted_text.startswith("[name]")
    assert analysis.emerging_phrases(["blue badge", "blue badge"], min_count=2)


CODE_THAT_FETCHES = re.compile(
    r"nltk\.download\s*\(|nltk\.data\.(load|find)\s*\(|import nltk\.data|"
    r"from nltk import (download|data)|from nltk\.data import"
)


def test_package_source_never_calls_nltk_download_or_data_loading():
    for path in PACKAGE.rglob("*.py"):
        assert not CODE_THAT_FETCHES.search(path.read_text(encoding="utf-8")), path


def test_package_has_no_django_imports():
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|from) django", source, re.MULTILINE), path
