"""HTML to PDF with WeasyPrint: no browser, no network (images and fonts are local)."""

from pathlib import Path

from django.template.loader import render_to_string

from core.text import without_bidi_controls

PRINT_CSS = Path(__file__).with_name("print.css")


def pdf_from_template(template_name, context):
    from weasyprint import CSS, HTML

    html = without_bidi_controls(render_to_string(template_name, context))
    return HTML(string=html).write_pdf(stylesheets=[CSS(filename=str(PRINT_CSS))])
