"""The text report an appraiser reads: header, findings grouped by area, summary; readable without colour at 80 columns."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from ..dates import vn
from ..findings import AREAS, DocumentResult, Finding, Report
from ..messages import say
from .common import printable


_SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
_VERDICT_STYLE = {"pass": "bold green", "fail": "bold red", "error": "bold magenta"}


SHOWN_UP_TO = 2000  # characters of one plan value on screen; the JSON report and the plan keep the whole value


def clean(text: str | None) -> str:
    """Plan text as the terminal shows it: printable characters only, on the line it started on.

    A newline in a plan value is shown as ⏎ and `::` gets a zero-width space, so that text from a plan can never
    begin a line a CI log reads as a command (GitHub Actions' `::error::`, also after rich wraps the line).
    Very long values are shortened: wrapping takes time that grows with the square of a line's length.
    """
    text = text or ""
    if len(text) > SHOWN_UP_TO:
        text = f"{text[:SHOWN_UP_TO]}… (+{len(text) - SHOWN_UP_TO})"
    return printable(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", " ⏎ ").replace("::", ":\u200b:")


def render(report: Report, *, width: int = 80, color: bool = False, **_: Any) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color, color_system="standard" if color else None,
                      highlight=False, emoji=False, markup=False, soft_wrap=False)
    lang = report.lang
    for index, doc in enumerate(report.documents):
        if index:
            console.print()
        _document(console, doc, report, lang)
    if len(report.documents) > 1:
        _files_table(console, report, lang)
    text = buffer.getvalue()
    # rich pads lines to the width; without colour, drop the padding so files and pipes stay clean
    return text if color else "\n".join(line.rstrip() for line in text.split("\n"))


def _document(console: Console, doc: DocumentResult, report: Report, lang: str) -> None:
    console.print(Text(f"cqdt-check {report.tool_version} — {say('report.title', lang)}", style="bold"))
    console.rule(characters="═")
    field = lambda label, value: console.print(Text.assemble((f"{say(label, lang)}: ", "bold"), clean(value)))  # noqa: E731
    if doc.plan_name:
        field("report.plan", doc.plan_name)
    field("report.file", doc.file)
    if doc.plan_kind in ("project", "service_rental"):
        field("report.kind", f"{say('kind.' + doc.plan_kind, lang)} ({doc.plan_kind})")
    if doc.owner:
        field("report.owner", doc.owner)
    if doc.architecture:
        a = doc.architecture
        field("report.architecture", f"{a.id} — {a.title} ({say('report.decision_of', lang, decision=a.decision, date=vn(a.date))})")
    if doc.as_of:
        field("report.as_of", f"{vn(doc.as_of)} ({say('as_of.' + (doc.as_of_source or 'today'), lang)})")
    for fact in doc.regime_facts:
        field("report.regime", fact.text)
    for source in report.operator_files:
        field("report.operator_source", f"{source.kind}: {source.path} sha256:{source.sha256}")
    if doc.instruments:
        console.print(Text(f"{say('report.instruments', lang)}:", style="bold"))
        for instrument in doc.instruments:
            console.print(Padding(Text(f"- {clean(instrument.name)}" + ("" if instrument.verified else " *")), (0, 0, 0, 2)))
        if not all(i.verified for i in doc.instruments):
            console.print(Text(f"  * {say('report.unverified', lang)}", style="dim"))
    console.print()
    if doc.verdict == "error" and doc.error:
        loc = doc.error_location
        place = f"{clean(doc.file)}:{loc.line}:{loc.column}" if loc and loc.line else clean(doc.file)
        console.print(Text.assemble((say("report.could_not_check", lang), _VERDICT_STYLE["error"]), f": {place}: {clean(doc.error)}"),
                      soft_wrap=True)
        return
    for area in ("schema", *AREAS[:-1]):  # problems with the file itself first
        group = [f for f in doc.findings if f.area == area]
        if group:
            console.rule(Text(f"{say('area.' + area, lang)} ({area})", style="bold"), align="left", characters="─")
            for finding in group:
                _finding(console, finding, lang)
    if not doc.findings:
        console.print(say("report.no_findings", lang))
    if not doc.rules_evaluated and doc.verdict != "error":
        console.print(Text(say("report.not_evaluated", lang), style="bold"))
    console.rule(Text(say("report.summary", lang), style="bold"), align="left", characters="─")
    console.print(Text.assemble((f"{say('report.verdict', lang)}: ", "bold"),
                                (say("verdict." + doc.verdict, lang), _VERDICT_STYLE[doc.verdict]),
                                f" — {say('report.counts', lang, **doc.summary())}"))


def _finding(console: Console, f: Finding, lang: str) -> None:
    loc = f.location
    head = Text.assemble((f" {say('severity.' + f.severity, lang)} ", _SEVERITY_STYLE[f.severity]), " ", (f.rule_id, "bold"),
                         f"  {clean(loc.file)}:{loc.line}:{loc.column}")
    if f.path:
        head.append(f"  {clean(f.path_text)}", style="dim")
    console.print(head)
    indent = lambda text: console.print(Padding(text, (0, 0, 0, 3)))  # noqa: E731
    indent(Text(clean(f.message)))
    for basis in f.basis:
        cite = basis.instrument + (f", {basis.article}" if basis.article else "")
        if not basis.verified:
            cite += f" ({say('report.unverified', lang)})"
        indent(Text.assemble((say("report.basis", lang) + ": ", "bold"), clean(cite)))
    if f.remediation:
        indent(Text.assemble((say("report.remediation", lang) + ": ", "bold"), clean(f.remediation)))
    if f.deviation_requested:
        indent(Text.assemble((say("deviation.note", lang) + ": ", "bold"), clean(f.deviation_requested)))
    console.print()


def _files_table(console: Console, report: Report, lang: str) -> None:
    from rich.table import Table

    console.print()
    table = Table(title=say("report.files", lang), title_justify="left", show_lines=False, expand=False)
    for column in (say("report.file", lang), say("report.verdict", lang), "E", "W", "I"):
        table.add_column(column, overflow="fold")
    for doc in report.documents:
        s = doc.summary()
        table.add_row(clean(doc.file), Text(say("verdict." + doc.verdict, lang), style=_VERDICT_STYLE[doc.verdict]),
                      str(s["error"]), str(s["warning"]), str(s["info"]))
    console.print(table)
    counts = {v: sum(1 for d in report.documents if d.verdict == v) for v in ("pass", "fail", "error")}
    console.print(say("report.total", lang, count=len(report.documents), passed=counts["pass"], failed=counts["fail"],
                      errors=counts["error"]))
