"""Reports as PDFs: the shared tagged-PDF renderer (`core.pdf`) with the reports' print styles."""

from pathlib import Path

from django.template.loader import render_to_string

from core.pdf import pdf_render

PRINT_CSS = Path(__file__).with_name("print.css")


def pdf_from_template(template_name, context):
    return pdf_render(render_to_string(template_name, context), stylesheets=[PRINT_CSS])
