"""Every PDF the product makes, made one way: tagged and accessible (PDF/UA-1), with WeasyPrint.

No browser and no network: stylesheets, images and fonts are local files. PDF/UA needs a
document title and language, which come from the page's ``<title>`` and ``<html lang>``;
a page without them is a bug, so it raises rather than writing a PDF a screen reader can't
name. WeasyPrint tags headings, paragraphs, lists and tables from the HTML, and takes an SVG's
alternative text from its ``<title>``.
"""

from core.text import without_bidi_controls

PDF_VARIANT = "pdf/ua-1"
# The site's own font stack (static_src/scss/main.scss): Noto Sans comes from the
# fonts-noto-core package, so nothing falls back to a serif font or is fetched. No spaces
# after the commas: WeasyPrint's SVG text reads ' "Noto Sans"' as a family named that.
FONT_FAMILY = (
    'system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",'
    '"Noto Nastaliq Urdu",Arial,sans-serif'
)


class PdfMetadataMissing(ValueError):
    """The HTML has no title or no language, both of which PDF/UA requires."""


def pdf_render(html, *, stylesheets=(), base_url=None):
    """`html` (a whole document) as PDF/UA-1 bytes, with `stylesheets` (file paths) applied."""
    from weasyprint import CSS, HTML

    document = HTML(string=without_bidi_controls(html), base_url=base_url).render(
        stylesheets=[CSS(filename=str(path)) for path in stylesheets],
        pdf_variant=PDF_VARIANT,
    )
    missing = [name for name in ("title", "lang") if not getattr(document.metadata, name)]
    if missing:
        raise PdfMetadataMissing(f"PDF/UA needs the document's {' and '.join(missing)}")
    return document.write_pdf(pdf_variant=PDF_VARIANT)
