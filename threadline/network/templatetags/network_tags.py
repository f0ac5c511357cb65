"""The risk panel's history rows, written in Python: a family of six adults known to the police
brings seventy rows, and through the template engine they cost more than the panel's queries."""

from __future__ import annotations

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

from threadline.network.risks import AdultRisk

register = template.Library()

CELL = '<td class="govuk-table__cell">{}</td>'


@register.simple_tag
def risk_rows(risk: AdultRisk) -> SafeString:
    rows = []
    for item in risk.items:
        cells = [f"{item.on.day} {item.on:%b %Y}", item.what, item.agency]
        if risk.can_open:
            cells.append(item.summary)
        row = "".join(CELL.format(escape(cell)) for cell in cells)
        rows.append(f'<tr class="govuk-table__row">{row}</tr>')
    return mark_safe("\n".join(rows))  # every cell is escaped above
