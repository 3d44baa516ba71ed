import pytest

from cms.validators import heading_level_errors, link_text_errors, outline


@pytest.mark.parametrize(
    "text", ["click here", "Here", "read more", "Link", "more.", "Click here!"]
)
def test_vague_link_text_is_refused_with_a_helpful_message(text):
    errors = link_text_errors(f'<p>To apply <a href="/apply/">{text}</a></p>')
    assert len(errors) == 1
    assert "does not say where the link goes" in errors[0]
    assert "for example" in errors[0]


def test_descriptive_link_text_is_accepted():
    assert link_text_errors('<p><a href="/x/">Ask for a carer\'s assessment</a></p>') == []


def test_link_text_containing_here_in_a_sentence_is_accepted():
    assert link_text_errors('<a href="/x/">Where to get help here in town</a>') == []


def test_empty_link_is_refused():
    assert link_text_errors('<a href="/x/"></a>')


def test_headings_in_order_are_accepted():
    assert heading_level_errors([2, 3, 3, 2, 3, 4, 2]) == []


def test_heading_that_skips_a_level_is_refused():
    errors = heading_level_errors([2, 4])
    assert len(errors) == 1
    assert "Heading 4 comes straight after heading 2" in errors[0]


def test_first_heading_must_be_level_two():
    assert heading_level_errors([3])


def test_level_one_heading_is_refused_in_content():
    assert "only main heading" in heading_level_errors([1])[0]


def test_outline_reads_headings_and_links_in_order():
    parsed = outline('<h2>A</h2><p><a href="#">B <b>C</b></a></p><h3>D</h3>')
    assert parsed.headings == [2, 3]
    assert parsed.links == ["B C"]
