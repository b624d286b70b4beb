"""The text report an appraiser reads: header, findings grouped by area, summary; readable without colour at 80 columns.

What the report says is written once, as blocks (paragraphs, rules, the table of files); plain.py lays them out as
plain text, and rich paints the same blocks only for a colour terminal (it is imported only then).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..dates import vn
from ..findings import DocumentResult, Finding, Report, Row
from ..messages import say
from . import plain
from .common import (
    areas_shown,
    architecture_source_text,
    as_of_text,
    cite,
    decision_lines,
    error_place,
    governance,
    marks,
    omitted_note,
    operator_file_text,
    place,
    printable,
    run_notices,
    verdict_counts,
)

_SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
_VERDICT_STYLE = {"pass": "bold green", "fail": "bold red", "error": "bold magenta"}


SHOWN_UP_TO = 2000  # characters of one plan value on screen; the JSON report and the plan keep the whole value


def clean(text: str | None) -> str:
    """Plan text as the terminal shows it: printable characters only, on the line it started on.

    A newline in a plan value is shown as ⏎ and `::` gets a zero-width space, so that text from a plan can never
    begin a line a CI log reads as a command (GitHub Actions' `::error::`, also after the line is wrapped).
    Very long values are shortened: wrapping takes time that grows with the square of a line's length.
    """
    text = text or ""
    if len(text) > SHOWN_UP_TO:
        text = f"{text[:SHOWN_UP_TO]}… (+{len(text) - SHOWN_UP_TO})"
    return printable(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", " ⏎ ").replace("::", ":\u200b:")


# The blocks of the report. A span is text with its style in colour (None: unstyled).
Span = tuple[str, str | None]


class Para:
    """A paragraph, wrapped to the width (or kept on one line: `soft`), indented by `indent` columns."""

    __slots__ = ("indent", "soft", "spans")

    def __init__(self, *spans: Span | str, indent: int = 0, soft: bool = False) -> None:
        self.spans = [(s, None) if isinstance(s, str) else s for s in spans]
        self.indent, self.soft = indent, soft


class Rule:
    """A line across the width, with a title at its left if given."""

    __slots__ = ("character", "title")

    def __init__(self, character: str, title: Span | None = None) -> None:
        self.character, self.title = character, title


class Table:
    """The table of files: a title, a header, rows of cells."""

    __slots__ = ("header", "rows", "title")

    def __init__(self, title: str, header: list[str], rows: list[list[Span]]) -> None:
        self.title, self.header, self.rows = title, header, rows


BLANK = Para()
Block = Para | Rule | Table


def render(report: Report, *, width: int = 80, color: bool = False, **_: Any) -> str:
    """The whole report: each document's section, then the run's tail (the same parts a streamed run writes)."""
    parts = []
    for index, doc in enumerate(report.documents):
        if index:
            parts.append(separator(width, color))
        parts.append(section(doc, report, width, color))
    parts.append(tail(report.documents, run_notices(report), report.lang, width, color))
    return "".join(parts) or "\n"


def section(doc: DocumentResult, report: Report, width: int, color: bool) -> str:
    """What the report says about one document (a worker process renders it beside the check); `report` gives how
    the run was set up (its documents are not read)."""
    return lay_out(_document(doc, report, report.lang), width, color)


def separator(width: int, color: bool) -> str:
    """What stands between two documents' sections."""
    return lay_out([BLANK], width, color)


def tail(documents: Sequence[DocumentResult | Row], notices: list[tuple[str, list[str]]], lang: str, width: int,
         color: bool) -> str:
    """What follows the documents: the table of files (for more than one), and the notices about the run."""
    return lay_out(_tail(documents, notices, lang), width, color)


def lay_out(blocks: Iterable[Block], width: int, color: bool) -> str:
    """Blocks as lines of text: plain, or painted by rich for a colour terminal."""
    if color:
        return _paint(blocks, width)
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Para):
            text = "".join([span for span, _ in block.spans])
            out += plain.unwrapped(text) if block.soft else plain.paragraph(text, width, block.indent)
        elif isinstance(block, Rule):
            out.append(plain.rule(width, block.character, block.title[0] if block.title else ""))
        else:
            out += plain.table(block.title, block.header, [[s for s, _ in row] for row in block.rows], width)
    # lines as a terminal shows them: without the spaces that pad them to the width
    return "\n".join([line.rstrip() for line in out]) + "\n" if out else ""


def _tail(documents: Sequence[DocumentResult | Row], notices: list[tuple[str, list[str]]], lang: str) -> Iterator[Block]:
    if len(documents) > 1:
        yield from _files_table(documents, lang)
    for title, lines in notices:
        yield BLANK
        yield Rule("─", (title, "bold"))
        yield from (Para(f"- {clean(line)}") for line in lines)


def _document(doc: DocumentResult, report: Report, lang: str) -> Iterator[Block]:
    yield Para((f"cqdt-check {report.tool_version} — {say('report.title', lang)}", "bold"))
    yield Rule("═")

    def field(label: str, value: str | None) -> Para:
        return Para((f"{say(label, lang)}: ", "bold"), clean(value))

    if doc.plan_name:
        yield field("report.plan", doc.plan_name)
    yield field("report.file", doc.file)
    if doc.plan_kind in ("project", "service_rental"):
        yield field("report.kind", f"{say('kind.' + doc.plan_kind, lang)} ({doc.plan_kind})")
    if doc.owner:
        yield field("report.owner", doc.owner)
    if doc.architecture:
        a = doc.architecture
        yield field("report.architecture", f"{a.id} — {a.title} ({say('report.decision_of', lang, decision=a.decision, date=vn(a.date))})")
        if doc.architecture_source:
            yield field("report.architecture_source", architecture_source_text(doc, lang))
        if a.national:
            yield field("report.national_framework", a.national)
    if doc.as_of:
        yield field("report.as_of", as_of_text(doc, lang))
    for fact in doc.regime_facts:
        yield field("report.regime", fact.text)
    for source in report.operator_files:
        yield field("report.operator_source", operator_file_text(source))
    for label, value in governance(report, doc, lang):  # a configuration in effect, rules turned off
        yield Para((f"{label}: ", "bold"), clean(value))
    if doc.instruments:
        yield Para((f"{say('report.instruments', lang)}:", "bold"))
        for instrument in doc.instruments:
            yield Para(f"- {clean(instrument.name)}" + ("" if instrument.verified else " *"), indent=2)
        if not all(i.verified for i in doc.instruments):
            yield Para((f"  * {say('report.unverified', lang)}", "dim"))
    yield BLANK
    if doc.verdict == "error" and doc.error:
        yield Para((say("report.could_not_check", lang), _VERDICT_STYLE["error"]),
                   f": {clean(error_place(doc))}: {clean(doc.error)}", soft=True)
        return
    for area, group, omitted in areas_shown(doc.findings):
        yield Rule("─", (f"{say('area.' + area, lang)} ({area})", "bold"))
        for finding in group:
            yield from _finding(finding, lang)
        for left_out in omitted:
            yield Para(omitted_note(left_out, lang), indent=1)
            yield BLANK
    if not doc.findings:
        yield Para(say("report.no_findings", lang))
    if not doc.rules_evaluated and doc.verdict != "error":
        yield Para((say("report.not_evaluated", lang), "bold"))
    yield Rule("─", (say("report.summary", lang), "bold"))
    yield Para((f"{say('report.verdict', lang)}: ", "bold"), (say("verdict." + doc.verdict, lang), _VERDICT_STYLE[doc.verdict]),
               f" — {say('report.counts', lang, **doc.summary())}")


def _finding(f: Finding, lang: str) -> Iterator[Block]:
    head: list[Span] = [(f" {say('severity.' + f.severity, lang)} ", _SEVERITY_STYLE[f.severity]), (" ", None),
                        (f.rule_id, "bold"), (f"  {clean(place(f.location))}", None)]
    head += [(f"  ({mark})", "bold") for mark in marks(f, lang)]
    if f.path:
        head.append((f"  {clean(f.path_text)}", "dim"))
    yield Para(*head)
    yield Para(clean(f.message), indent=3)
    for basis in f.basis:
        yield Para((say("report.basis", lang) + ": ", "bold"), clean(cite(basis, lang)), indent=3)
    if f.remediation:
        yield Para((say("report.remediation", lang) + ": ", "bold"), clean(f.remediation), indent=3)
    for label, value in decision_lines(f, lang):
        yield Para((label + ": ", "bold"), clean(value), indent=3)
    yield BLANK


def _files_table(documents: Sequence[DocumentResult | Row], lang: str) -> Iterator[Block]:
    yield BLANK
    header = [say("report.file", lang), say("report.verdict", lang), "E", "W", "I"]
    rows = []
    for doc in documents:
        s = doc.summary()
        rows.append([(clean(doc.file), None), (say("verdict." + doc.verdict, lang), _VERDICT_STYLE[doc.verdict]),
                     (str(s["error"]), None), (str(s["warning"]), None), (str(s["info"]), None)])
    yield Table(say("report.files", lang), header, rows)
    yield Para(say("report.total", lang, **verdict_counts(documents)))


def _paint(blocks: Iterable[Block], width: int) -> str:
    """The same blocks in colour, drawn by rich (imported here only: a report without colour never loads it)."""

    # imported here: a slow import that only this path needs
    from rich.console import Console
    from rich.padding import Padding
    from rich.table import Table as RichTable
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=True, color_system="standard", highlight=False,
                      emoji=False, markup=False, soft_wrap=False)
    for block in blocks:
        if isinstance(block, Para):
            text = Text.assemble(*((span, style or "") for span, style in block.spans))
            console.print(Padding(text, (0, 0, 0, block.indent)) if block.indent else text, soft_wrap=block.soft)
        elif isinstance(block, Rule):
            if block.title:
                console.rule(Text(block.title[0], style=block.title[1] or ""), align="left", characters=block.character)
            else:
                console.rule(characters=block.character)
        else:
            table = RichTable(title=block.title, title_justify="left", show_lines=False, expand=False)
            for column in block.header:
                table.add_column(column, overflow="fold")
            for row in block.rows:
                table.add_row(*(Text(text, style=style) if style else text for text, style in row))
            console.print(table)
    return buffer.getvalue()
