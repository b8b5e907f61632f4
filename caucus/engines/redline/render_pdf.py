"""PDF of a redline: WeasyPrint prints the page ``render_html`` made, header and all.

The page's own print CSS puts the negotiation, the columns and the date in every page's
header and starts each article on a new page, so the PDF and a browser's print agree.
"""

from __future__ import annotations

import logging


def render_pdf(html: str) -> bytes:
    # Imported here, not above: WeasyPrint takes half a second to import, and the apps import
    # this module on every start to print PDFs now and then (this is no cycle: it is not ours).
    from weasyprint import HTML

    # WeasyPrint logs every CSS property it skips; a redline is not the place for that noise.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    pdf = HTML(string=html).write_pdf()
    if not isinstance(pdf, bytes):  # given no target, write_pdf returns the bytes
        raise TypeError(f"WeasyPrint returned {type(pdf).__name__}, not the PDF's bytes")
    return pdf
