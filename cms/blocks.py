"""StreamField blocks with accessibility in their schema: the accessible way is the easy way."""

import re

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

from cms import readability
from cms.validators import heading_level_errors, link_text_errors, outline

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
MEANINGLESS_ALT_TEXT = {"image", "picture", "photo", "photograph", "img", "graphic", "icon"}


class HeadingBlock(blocks.StructBlock):
    """A section heading, limited to levels 2 to 4 (the page title is level 1)."""

    text = blocks.CharBlock(label=_("Heading text"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
        help_text=_("Headings can't skip a level: a heading 3 follows a heading 2."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"


class AccessibleRichTextBlock(blocks.RichTextBlock):
    """Rich text that refuses vague link text such as "click here"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        errors = link_text_errors(value.source)
        if errors:
            raise ValidationError(errors)
        return value

    class Meta:
        template = "blocks/paragraph.html"


def alt_text_errors(alt_text):
    text = (alt_text or "").strip()
    if text.lower() in MEANINGLESS_ALT_TEXT or re.fullmatch(r"[\w-]+\.(jpe?g|png|gif|webp)", text):
        return [_("Describe what the picture shows, not that it is a picture or its file name.")]
    return []


class ContentImageBlock(blocks.StructBlock):
    """A picture with the alt text a screen reader reads out. Alt text is required."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=250,
        help_text=_("Say what the picture shows for someone who can't see it."),
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        errors = alt_text_errors(value.get("alt_text"))
        if errors:
            raise StructBlockValidationError(block_errors={"alt_text": ValidationError(errors)})
        return value

    class Meta:
        icon = "image"
        template = "blocks/image.html"


class AccessibleTableBlock(TableBlock):
    """A table must have a caption and a header row, so screen readers can announce it."""

    def clean(self, value):
        errors = []
        if value and not (value.get("table_caption") or "").strip():
            errors.append(_("Add a caption that says what the table shows."))
        header = value.get("table_header_choice") if value else None
        has_header_row = (
            header in ("row", "both") if header else value.get("first_row_is_table_header")
        )
        if value and not has_header_row:
            errors.append(_("Make the first row a header row, so each column has a heading."))
        if errors:
            raise ValidationError(errors)
        return super().clean(value)

    class Meta:
        icon = "table"
        template = "blocks/table.html"


class InsetTextBlock(blocks.TextBlock):
    class Meta:
        icon = "warning"
        template = "blocks/inset.html"
        label = _("Important information")


def _heading_levels(stream_value):
    for index, child in enumerate(stream_value):
        if isinstance(child.block, HeadingBlock):
            yield index, int(child.value["level"][1])
        elif isinstance(child.block, blocks.RichTextBlock):
            for level in outline(child.value.source).headings:
                yield index, level


def _heading_order_errors(stream_value):
    """{block index: message} for each heading that skips a level."""
    found, previous = {}, 1
    for index, level in _heading_levels(stream_value):
        errors = heading_level_errors([level], previous)
        if errors:
            found.setdefault(index, errors[0])
        previous = level
    return found


def _add_error(existing, message):
    """One block's own error with a heading-order message added, so both are shown."""
    if existing is None:
        return ValidationError(message)
    if isinstance(existing, StructBlockValidationError):
        return StructBlockValidationError(
            block_errors=existing.block_errors,
            non_block_errors=[*existing.non_block_errors.as_data(), ValidationError(message)],
        )
    return ValidationError([*existing.error_list, ValidationError(message)])


class HeadingOrderMixin:
    """Refuses a stream whose headings skip a level, pointing at the block that does.

    Checked alongside the blocks' own rules (alt text, link text...), so the editor sees every
    problem in one go rather than the heading order only once the rest is fixed.
    """

    def clean(self, value):
        try:
            cleaned = super().clean(value)
        except StreamBlockValidationError as error:
            block_errors, non_block_errors = dict(error.block_errors), error.non_block_errors
        else:
            block_errors, non_block_errors = {}, ErrorList()
        for index, message in _heading_order_errors(value).items():
            block_errors[index] = _add_error(block_errors.get(index), message)
        if block_errors or non_block_errors:
            raise StreamBlockValidationError(
                block_errors=block_errors, non_block_errors=non_block_errors
            )
        return cleaned


class BodyStreamBlock(HeadingOrderMixin, blocks.StreamBlock):
    """The body of an information or news page."""

    heading = HeadingBlock()
    paragraph = AccessibleRichTextBlock()
    image = ContentImageBlock()
    table = AccessibleTableBlock()
    inset = InsetTextBlock()


class EasyReadBlock(blocks.StructBlock):
    """Easy read: one picture beside one or two short sentences that say one thing."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(label=_("Alt text"), max_length=250)
    text = blocks.TextBlock(
        help_text=_("One or two short sentences, 15 words or fewer each, about one idea.")
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if alt_text_errors(value.get("alt_text")):
            errors["alt_text"] = ValidationError(alt_text_errors(value.get("alt_text")))
        if len(readability.split_sentences(value.get("text", ""))) > 2:
            errors["text"] = ValidationError(
                _("Use one or two sentences in each easy read block. Start a new block instead.")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "image"
        template = "blocks/easy_read.html"
        label = _("Picture and words")


class EasyReadStreamBlock(HeadingOrderMixin, blocks.StreamBlock):
    heading = HeadingBlock()
    easy_read = EasyReadBlock()
