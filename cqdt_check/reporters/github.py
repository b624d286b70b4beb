"""GitHub Actions workflow commands: one annotation per finding (`::error file=…,line=…::…`), then a one-line summary.

Every value is escaped as the runner expects, so plan text cannot end a command early or start a new one.
"""

from __future__ import annotations

from typing import Any

from ..findings import DocumentResult, Finding, Report
from ..messages import say
from .common import cite, governance, printable, severity_totals, verdict_totals

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
    for doc in report.documents:
        if doc.verdict == "error" and doc.error:
            lines.append(_could_not_check(doc, lang))
        lines += [_annotation(f, doc, lang) for f in doc.findings]
    summary = say("report.total", lang, **verdict_totals(report)) + " — " + say("report.severity_counts", lang,
                                                                                 **severity_totals(report))
    kinds = [line.split(" ", 1)[0].split("::")[1] for line in lines]
    if any(kinds.count(kind) > ANNOTATIONS_SHOWN for kind in set(kinds)):
        summary += f" ({say('report.annotation_limit', lang, limit=ANNOTATIONS_SHOWN)})"
    # plain text, not a command: the run's log ends with what happened; a leading "::" could never come from here
    lines.append(f"cqdt-check: {printable(summary)}")
    return "\n".join(lines) + "\n"


def _annotation(f: Finding, doc: DocumentResult, lang: str) -> str:
    details = [f"{say('report.basis', lang)}: " + "; ".join(cite(b, lang) for b in f.basis)] if f.basis else []
    if f.remediation:
        details.append(f"{say('report.remediation', lang)}: {f.remediation}")
    if f.deviation_requested:
        label = say("deviation.granted" if f.status == "waived" else "deviation.note", lang)
        details.append(f"{label}: {f.deviation_requested}")
    # one section per line (the runner decodes %0A): citations hold their own ';' and parentheses
    message = "\n".join([f.message, *details])
    title = f"{f.rule_id} {f.title}".strip()
    name = _COMMAND[f.severity]
    if f.status == "waived":  # granted by the appraiser: shown, but never as an error or warning
        name, title = "notice", f"{title} ({say('status.waived', lang)})"
    loc = f.location
    return command(name, message, file=loc.file or doc.file, line=loc.line, col=loc.column if loc.line else None,
                   title=title)


def _could_not_check(doc: DocumentResult, lang: str) -> str:
    loc = doc.error_location
    line = loc.line if loc else 0
    return command("error", doc.error or "", file=doc.file, line=line, col=loc.column if loc and line else None,
                   title=say("report.could_not_check", lang))
