"""GitHub Actions workflow commands: one annotation per finding (`::error file=…,line=…::…`), then a one-line summary.

At most SHOWN_PER_RULE annotations of one rule in one document (common.py), then a plain line saying how many more;
the summary counts every finding. Time and size are linear in the number of findings.

Every value is escaped as the runner expects, so plan text cannot end a command early or start a new one.
"""

from __future__ import annotations

from typing import Any

from ..decisions import stale_text
from ..findings import DocumentResult, Finding, Report
from ..messages import say
from .common import (
    architecture_source_text,
    as_of_text,
    capped,
    cite,
    decision_lines,
    governance,
    marks,
    omitted_note,
    one_line,
    operator_file_text,
    printable,
    severity_totals,
    verdict_totals,
)

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
# GitHub shows this many annotations of each kind per step and drops the rest silently.
ANNOTATIONS_SHOWN = 10


def escape_data(value: str) -> str:
    """The message after `::`: the runner decodes %25, %0D and %0A; a raw newline would end the command."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A `key=value` property: as data, and `:` and `,` too, which would end the value or the property list."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int | None) -> str:
    props = ",".join(f"{key}={escape_property(printable(str(value)))}" for key, value in properties.items()
                     if value not in (None, "", 0))
    return f"::{name}{' ' + props if props else ''}::{escape_data(printable(message))}"


def render(report: Report, **_: Any) -> str:
    lang = report.lang
    # the configuration in effect and the rules it turned off, before any finding (shown in the run's summary)
    lines = [command("notice", f"{label}: {value}", title="cqdt-check") for label, value in governance(report, None, lang)]
    kinds: dict[str, int] = {}
    # what the plans were judged with and on which date: plain log lines, never commands (they start with our name)
    lines += [f"cqdt-check: {say('report.operator_source', lang)}: {one_line(operator_file_text(source))}"
              for source in report.operator_files]
    for doc in report.documents:
        if doc.architecture and doc.architecture_source:
            lines.append(f"cqdt-check: {one_line(doc.file)}: {say('report.architecture_source', lang)}: "
                         f"{doc.architecture.id} — {architecture_source_text(doc, lang)}")
        if doc.as_of:
            lines.append(f"cqdt-check: {one_line(doc.file)}: {say('report.as_of', lang)}: {as_of_text(doc, lang)}")
        lines += [f"cqdt-check: {one_line(doc.file)}: {say('report.regime', lang)}: {one_line(fact.text)}"
                  for fact in doc.regime_facts]
        if doc.verdict == "error" and doc.error:
            lines.append(_could_not_check(doc, lang))
            kinds["error"] = kinds.get("error", 0) + 1
        shown, omitted = capped(doc.findings)
        for f in shown:
            name, line = _annotation(f, doc, lang)
            lines.append(line)
            kinds[name] = kinds.get(name, 0) + 1
        # plain log lines, not commands: they start with our name, so plan text can never make one a command
        lines += [f"cqdt-check: {printable(doc.file)}: {printable(omitted_note(o, lang))}" for o in omitted]
    for stale in report.stale_decisions:
        lines.append(command("warning", stale_text(stale, lang), file=stale.source.file, line=stale.source.line,
                             col=stale.source.column, title=say("decision.stale_title", lang)))
    summary = say("report.total", lang, **verdict_totals(report)) + " — " + say("report.severity_counts", lang,
                                                                                 **severity_totals(report))
    if any(count > ANNOTATIONS_SHOWN for count in kinds.values()):
        summary += f" ({say('report.annotation_limit', lang, limit=ANNOTATIONS_SHOWN)})"
    # plain text, not a command: the run's log ends with what happened; a leading "::" could never come from here
    lines.append(f"cqdt-check: {printable(summary)}")
    return "\n".join(lines) + "\n"


def _annotation(f: Finding, doc: DocumentResult, lang: str) -> tuple[str, str]:
    """The command's name (error, warning, notice) and the annotation."""
    details = [f"{say('report.basis', lang)}: " + "; ".join(cite(b, lang) for b in f.basis)] if f.basis else []
    if f.remediation:
        details.append(f"{say('report.remediation', lang)}: {f.remediation}")
    details += [f"{label}: {value}" for label, value in decision_lines(f, lang)]
    # one section per line (the runner decodes %0A): citations hold their own ';' and parentheses
    message = "\n".join([f.message, *details])
    title = f"{f.rule_id} {f.title}".strip()
    name = _COMMAND[f.severity]
    if f.status == "waived" or f.baselined:  # granted, or known to the baseline: shown, never as an error or warning
        name = "notice"
    title += "".join(f" ({mark})" for mark in marks(f, lang))
    loc = f.location
    return name, command(name, message, file=loc.file or doc.file, line=loc.line,
                         col=loc.column if loc.line else None, title=title)


def _could_not_check(doc: DocumentResult, lang: str) -> str:
    loc = doc.error_location
    line = loc.line if loc else 0
    return command("error", doc.error or "", file=doc.file, line=line, col=loc.column if loc and line else None,
                   title=say("report.could_not_check", lang))
