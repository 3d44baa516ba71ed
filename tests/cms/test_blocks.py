"""Accessibility is enforced by the block schema: errors, with messages editors can act on."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.rich_text import RichText

from cms.blocks import (
    AccessibleRichTextBlock,
    AccessibleTableBlock,
    BodyStreamBlock,
    ContentImageBlock,
    EasyReadBlock,
)
from demo.pages.pictures import picture


@pytest.fixture
def image(db):
    return picture("Easy read: green tick")


def _table(caption="Opening times", header=True):
    return {
        "table_caption": caption,
        "table_header_choice": "row" if header else "column",
        "first_row_is_table_header": header,
        "first_col_is_header": False,
        "data": [["Day", "Hours"], ["Monday", "9 to 5"]],
    }


def _stream(*children):
    block = BodyStreamBlock()
    return block, block.to_python([{"type": t, "value": v} for t, v in children])


def test_rich_text_with_click_here_is_refused():
    with pytest.raises(ValidationError, match="does not say where the link goes"):
        AccessibleRichTextBlock().clean(RichText('<p><a href="/x/">click here</a></p>'))


def test_rich_text_with_descriptive_link_is_accepted():
    value = RichText('<p><a href="/x/">Ask for an assessment</a></p>')
    assert AccessibleRichTextBlock().clean(value).source == value.source


def test_image_without_alt_text_is_refused(image):
    with pytest.raises(ValidationError) as error:
        ContentImageBlock().clean({"image": image, "alt_text": "", "caption": ""})
    assert "alt_text" in error.value.block_errors


def test_image_with_meaningless_alt_text_is_refused(image):
    with pytest.raises(ValidationError) as error:
        ContentImageBlock().clean({"image": image, "alt_text": "tick.png", "caption": ""})
    assert "Describe what the picture shows" in str(error.value.block_errors["alt_text"])


def test_image_with_alt_text_is_accepted(image):
    value = ContentImageBlock().clean({"image": image, "alt_text": "A green tick", "caption": ""})
    assert value["alt_text"] == "A green tick"


def test_table_without_caption_is_refused():
    with pytest.raises(ValidationError, match="caption"):
        AccessibleTableBlock().clean(_table(caption=""))


def test_table_without_header_row_is_refused():
    with pytest.raises(ValidationError, match="header row"):
        AccessibleTableBlock().clean(_table(header=False))


def test_table_with_caption_and_header_row_is_accepted():
    assert AccessibleTableBlock().clean(_table())["table_caption"] == "Opening times"


def test_headings_that_skip_a_level_are_refused_on_the_offending_block():
    block, value = _stream(
        ("heading", {"text": "About", "level": "h2"}),
        ("heading", {"text": "Detail", "level": "h4"}),
    )
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert list(error.value.block_errors) == [1]
    assert "can't skip a level" in str(error.value.block_errors[1])


def test_heading_skip_inside_rich_text_is_refused():
    block, value = _stream(("paragraph", "<h3>Too deep</h3><p>Text.</p>"))
    with pytest.raises(ValidationError):
        block.clean(value)


def test_headings_in_order_across_blocks_are_accepted():
    block, value = _stream(
        ("heading", {"text": "About", "level": "h2"}),
        ("paragraph", "<h3>Detail</h3><p>Text.</p>"),
        ("heading", {"text": "More", "level": "h4"}),
    )
    assert len(block.clean(value)) == 3


def test_easy_read_block_needs_alt_text(image):
    with pytest.raises(ValidationError) as error:
        EasyReadBlock().clean({"image": image, "alt_text": "", "text": "We can help."})
    assert "alt_text" in error.value.block_errors


def test_easy_read_block_refuses_more_than_two_sentences(image):
    text = "We can help. Call us. We are open every day."
    with pytest.raises(ValidationError) as error:
        EasyReadBlock().clean({"image": image, "alt_text": "A phone", "text": text})
    assert "one or two sentences" in str(error.value.block_errors["text"])


def test_easy_read_block_accepts_two_short_sentences(image):
    value = {"image": image, "alt_text": "A phone", "text": "We can help. Call us."}
    assert EasyReadBlock().clean(value)["text"] == "We can help. Call us."
