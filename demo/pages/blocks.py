"""Short-hands for writing demo StreamField content."""

from wagtail.rich_text import RichText


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def paragraph(*paragraphs):
    return ("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))


def bullets(*items):
    return ("paragraph", RichText("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"))


def inset(text):
    return ("inset", text)


def table(caption, header, *rows):
    return (
        "table",
        {
            "table_caption": caption,
            "table_header_choice": "row",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "data": [list(header), *map(list, rows)],
        },
    )


def page_link(page, text):
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


def easy_read(image, alt_text, text):
    return ("easy_read", {"image": image, "alt_text": alt_text, "text": text})
