"""The load client's two ways of reading a survey form (bench/load_client.py) find the same
fields on the product's real pages, so the benchmark's choice of reader changes only what the
client costs, never what it sends."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import load_client  # noqa: E402


@pytest.mark.parametrize("path", ["/f/hd7k2", "/f/hd7k2/easy-read", "/pl/f/hd7k2"])
def test_both_readers_find_the_same_fields(client, touchpoint, keys, path, monkeypatch):
    page = client.get(path)
    assert page.status_code == 200
    found = {}
    for reader in ("html", "regex"):
        monkeypatch.setattr(load_client, "form_reader", reader)
        found[reader] = load_client._answers(page.content.decode(), 7)
    assert found["regex"] == found["html"]
    assert {"csrfmiddlewaretoken", "submission_token", f"q_{keys['overall']}"} <= set(found["html"])
    assert f"q_{keys['do_better']}" in found["html"]


def test_the_regex_reader_unescapes_attribute_values():
    page = '<input type="hidden" name="csrfmiddlewaretoken" value="a&amp;b&#x27;c">'
    reader = load_client._FieldReader()
    reader.feed(page)
    assert reader.hidden == {"csrfmiddlewaretoken": "a&b'c"}
