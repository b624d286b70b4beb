"""The written opinion as a Word document: what appraisers edit, sign and file in the e-office system.

The same letter as opinion.py's Markdown and HTML (built from `opinions()`), laid out as NĐ 30/2020/NĐ-CP asks: A4,
margins 20/20/30/15 mm, Times New Roman 13 pt (12 pt in the letterhead, 10.5 pt in the annex), the national title
and motto, number and date placeholders, numbered points, the signature block, and the technical annex on its own
page. The document is marked DỰ THẢO/DRAFT at the top and in every page header. `render` returns bytes.
"""

from __future__ import annotations

import io
from typing import Any

from ..findings import Report
from ..messages import say
from .common import printable
from .opinion import MOTTO, NATIONAL_TITLE, UNVERIFIED_MARK, opinions

FONT = "Times New Roman"
BODY_PT = 13
HEAD_PT = 12
ANNEX_PT = 10.5
# NĐ 30/2020/NĐ-CP Phụ lục I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
FIRST_LINE_INDENT_CM = 1.0


def render(report: Report, **_: Any) -> bytes:
    # imported here: a slow import that only this path needs
    from docx import Document
    from docx.shared import Mm

    document = Document()
    _styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side, mm in MARGINS_MM.items():
        setattr(section, f"{side}_margin", Mm(mm))
    header = section.header.paragraphs[0]
    _run(header, say("opinion.draft", report.lang), bold=True, size=10)
    lang = report.lang
    for i, o in enumerate(opinions(report)):
        if i:
            document.add_page_break()
        _letter(document, o, lang, report.tool_version)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _styles(document) -> None:
    """Times New Roman everywhere, for every script slot Word picks from (Vietnamese letters fall under hAnsi/cs)."""
    # imported here: a slow import that only this path needs
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for name in ("Normal", "Table Grid"):
        style = document.styles[name]
        style.font.name = FONT
        if name == "Normal":
            style.font.size = Pt(BODY_PT)
            style.paragraph_format.space_after = Pt(3)
            style.paragraph_format.space_before = Pt(0)
            style.paragraph_format.line_spacing = 1.1
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(slot), FONT)


def _run(paragraph, text: str, bold: bool = False, italic: bool = False, size: float | None = None):
    # imported here: a slow import that only this path needs
    from docx.shared import Pt

    run = paragraph.add_run(printable(text))  # plan text cannot smuggle control characters into the XML
    run.bold, run.italic = bold or None, italic or None
    if size:
        run.font.size = Pt(size)
    return run


def _paragraph(container, text: str = "", *, bold: bool = False, italic: bool = False, size: float | None = None,
               align: str | None = None, indent: bool = False, justify: bool = False):
    # imported here: a slow import that only this path needs
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    paragraph = container.add_paragraph()
    if text:
        _run(paragraph, text, bold=bold, italic=italic, size=size)
    if align == "center":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif justify:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(FIRST_LINE_INDENT_CM)
    return paragraph


def _cell(cell, lines: list[tuple[str, dict[str, Any]]], align: str = "center") -> None:
    """Fill a table cell with one paragraph per line (its first paragraph exists already)."""
    # imported here: a slow import that only this path needs
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for i, (text, fmt) in enumerate(lines):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if align == "center" else WD_ALIGN_PARAGRAPH.LEFT
        paragraph.paragraph_format.space_after = 0
        if text:
            _run(paragraph, text, **fmt)


def _letter(document, o: dict[str, Any], lang: str, version: str) -> None:
    # imported here: a slow import that only this path needs
    from docx.shared import Mm

    def t(code: str, **params: object) -> str:
        return say(code, lang, **params)

    draft = _paragraph(document, "", size=10)
    _run(draft, t("opinion.draft") + " — ", bold=True, size=10)
    _run(draft, t("opinion.draft_note", version=version), italic=True, size=10)

    head = document.add_table(rows=2, cols=2)
    head.autofit = False
    # the issuer's column and the nation's (NĐ 30 Mẫu 1.4); Word reads the cells' widths, LibreOffice the grid's
    for column, mm in zip(head.columns, (60, 105), strict=True):
        column.width = Mm(mm)
        for cell in column.cells:
            cell.width = Mm(mm)
    bold = {"bold": True, "size": HEAD_PT}
    plain = {"size": HEAD_PT}
    nation = [(NATIONAL_TITLE, bold)]
    if t("opinion.national_gloss"):
        nation.append((f"({t('opinion.national_gloss')})", {"italic": True, "size": 10}))
    nation.append((MOTTO, {"bold": True, "size": BODY_PT}))
    if t("opinion.motto_gloss"):
        nation.append((f"({t('opinion.motto_gloss')})", {"italic": True, "size": 10}))
    _cell(head.rows[0].cells[0], [(o["parent_body"], plain), (t("opinion.issuer"), bold)])
    _cell(head.rows[0].cells[1], nation)
    _cell(head.rows[1].cells[0], [(t("opinion.number"), plain), (o["reference"], {"size": 12})])
    _cell(head.rows[1].cells[1], [(t("opinion.place_date"), {"italic": True, "size": BODY_PT})])

    _paragraph(document, f"{t('opinion.to')}: {o['to']}", align="center")
    if o["bases"]:
        _paragraph(document, f"{t('opinion.bases')}:", italic=True, indent=True)
        for i, (text, verified) in enumerate(o["bases"]):
            end = ";" if i < len(o["bases"]) - 1 else "."
            mark = "" if verified else f" {UNVERIFIED_MARK}"
            _paragraph(document, f"{text}{mark}{end}", italic=True, indent=True, justify=True)
    _paragraph(document, o["intro"], indent=True, justify=True)
    for line in o["provenance"]:
        _paragraph(document, line, indent=True, justify=True)

    if o["conclusion"] == "not_checked":
        _paragraph(document, t("opinion.conclusion"), bold=True)
        _paragraph(document, o["conclusion_text"], bold=True, indent=True, justify=True)
    else:
        sections = o["sections"]
        for number, (_, title, items) in enumerate(sections, 1):
            _paragraph(document, f"{number}. {title}", bold=True, indent=True)
            for item in items:
                _point(document, item)
        if not sections:
            _paragraph(document, f"1. {t('opinion.requests.none')}", bold=True, indent=True)
            _paragraph(document, t("opinion.no_requests"), indent=True, justify=True)
        number = (len(sections) or 1) + 1
        if o["waived"]:
            _paragraph(document, f"{number}. {t('opinion.waived')}", bold=True, indent=True)
            for item in o["waived"]:
                paragraph = _paragraph(document, item["text"], indent=True, justify=True)
                for decision in item["decisions"]:
                    _run(paragraph, f" {decision}", bold=True)
                if item["cites"]:
                    _run(paragraph, f" {item['cites']}", italic=True)
            number += 1
        _paragraph(document, f"{number}. {t('opinion.conclusion')}", bold=True, indent=True)
        _paragraph(document, o["conclusion_text"], bold=True, indent=True, justify=True)
    if o["any_unverified"]:
        _paragraph(document, t("opinion.unverified_note"), italic=True, size=11, justify=True)

    closing = document.add_table(rows=1, cols=2)
    _cell(closing.rows[0].cells[0], [
        (f"{t('opinion.recipients')}:", {"bold": True, "italic": True, "size": 12}),
        (f"- {t('opinion.recipient.above')}", {"size": 11}),
        (f"- {t('opinion.recipient.archive')}", {"size": 11})], align="left")
    _cell(closing.rows[0].cells[1], [
        (t("opinion.signature.for"), {"bold": True}), (t("opinion.signature.title"), {"bold": True}), ("", {}),
        (t("opinion.signature.sign"), {"italic": True}), ("", {}), ("", {}),
        (t("opinion.signature.name"), {"bold": True})])
    if o["annex"]:
        _annex(document, o, t)


def _point(document, item: dict[str, Any]) -> None:
    """One numbered point: what to change and why, its basis in italics, then any deviation the owner requested; a
    point gathering several rules leads, lists its clauses a), b), … and cites its basis once."""
    if item["lead"]:
        _paragraph(document, f"{item['number']}. {item['lead']}", indent=True, justify=True)
        for clause in item["clauses"]:
            _clause(document, f"{clause['label']} {clause['text']}", clause)
        if item["cites"]:
            _paragraph(document, item["cites"], italic=True, indent=True, justify=True)
        return
    paragraph = _clause(document, f"{item['number']}. {item['clauses'][0]['text']}", item["clauses"][0])
    if item["cites"]:
        _run(paragraph, f" {item['cites']}", italic=True)


def _clause(document, text: str, clause: dict[str, Any]):
    paragraph = _paragraph(document, text, indent=True, justify=True)
    if clause["why"]:
        _run(paragraph, f" {clause['why']}")
    for d in clause["deviations"]:
        deviation = _paragraph(document, f"{d['request']} " if d["request"] else "", italic=True, indent=True,
                               justify=True)
        _run(deviation, d["decision"], bold=True)
    return paragraph


def _annex(document, o: dict[str, Any], t) -> None:
    # imported here: a slow import that only this path needs
    from docx.shared import Pt

    document.add_page_break()
    _paragraph(document, t("opinion.annex.title"), bold=True, align="center")
    _paragraph(document, t("opinion.annex.subtitle"), bold=True, align="center")
    _paragraph(document, o["annex_intro"], italic=True, size=11, justify=True)
    columns = ("opinion.annex.item", "report.rule", "report.place", "report.severity", "report.message")
    table = document.add_table(rows=1, cols=len(columns))
    table.style = document.styles["Table Grid"]
    for cell, code in zip(table.rows[0].cells, columns, strict=True):
        _cell(cell, [(t(code), {"bold": True, "size": ANNEX_PT})], align="left")
    for row in o["annex"]:
        place = row["path"] + (f" ({row['line']})" if row["line"] else "")
        cells = table.add_row().cells
        for cell, text in zip(cells, (row["item"], row["rule_id"], place, row["severity"], row["message"]), strict=True):
            _cell(cell, [(text, {"size": ANNEX_PT})], align="left")
    for paragraph in (p for row in table.rows for c in row.cells for p in c.paragraphs):
        paragraph.paragraph_format.space_after = Pt(0)
