"""A page's content errors are reported together: heading order with alt text and link text."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.blocks import BodyStreamBlock, EasyReadStreamBlock
from demo.pages.pictures import picture


@pytest.fixture
def image(db):
    return picture("Easy read: green tick")


def _clean(block, *children):
    value = block.to_python([{"type": t, "value": v} for t, v in children])
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(value)
    return error.value


def test_heading_order_is_reported_with_an_image_without_alt_text(image):
    error = _clean(
        BodyStreamBlock(),
        ("image", {"image": image.pk, "alt_text": "photo.jpg", "caption": ""}),
        ("heading", {"text": "Too deep", "level": "h3"}),
    )
    assert sorted(error.block_errors) == [0, 1]
    assert "alt_text" in error.block_errors[0].block_errors
    assert "can't skip a level" in " ".join(error.block_errors[1].messages)


def test_heading_order_is_reported_with_vague_link_text_in_another_block():
    error = _clean(
        BodyStreamBlock(),
        ("paragraph", '<p>To apply <a href="/apply/">click here</a></p>'),
        ("heading", {"text": "Detail", "level": "h2"}),
        ("heading", {"text": "Too deep", "level": "h4"}),
    )
    assert sorted(error.block_errors) == [0, 2]
    assert "does not say where the link goes" in " ".join(error.block_errors[0].messages)
    assert "Heading 4 comes straight after heading 2" in " ".join(error.block_errors[2].messages)


def test_both_errors_of_one_rich_text_block_are_shown():
    error = _clean(
        BodyStreamBlock(), ("paragraph", '<h3>Too deep</h3><p><a href="/x/">here</a></p>')
    )
    messages = " ".join(error.block_errors[0].messages)
    assert "does not say where the link goes" in messages
    assert "can't skip a level" in messages


def test_a_heading_with_its_own_error_also_shows_the_order_error():
    error = _clean(BodyStreamBlock(), ("heading", {"text": "", "level": "h4"}))
    heading_error = error.block_errors[0]
    assert isinstance(heading_error, StructBlockValidationError)
    assert "text" in heading_error.block_errors
    assert "can't skip a level" in " ".join(heading_error.non_block_errors.as_data()[0].messages)


def test_easy_read_page_reports_missing_alt_text_and_heading_order_together(image):
    error = _clean(
        EasyReadStreamBlock(),
        ("heading", {"text": "What we do", "level": "h3"}),
        ("easy_read", {"image": image.pk, "alt_text": "", "text": "We can help."}),
    )
    assert sorted(error.block_errors) == [0, 1]


def test_content_without_problems_is_still_accepted(image):
    block = BodyStreamBlock()
    value = block.to_python(
        [
            {"type": "heading", "value": {"text": "About", "level": "h2"}},
            {"type": "paragraph", "value": "<h3>Detail</h3><p>Text.</p>"},
        ]
    )
    assert len(block.clean(value)) == 2


def test_heading_order_alone_still_points_at_the_offending_block():
    error = _clean(
        BodyStreamBlock(),
        ("heading", {"text": "About", "level": "h2"}),
        ("heading", {"text": "Detail", "level": "h4"}),
    )
    assert list(error.block_errors) == [1]
    assert isinstance(error.block_errors[1], ValidationError)
