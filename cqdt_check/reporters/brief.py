"""The short text forms: `--quiet` (one line per finding, then each document's verdict line) and `--statistics`
(how many findings each rule has, most first), for terminals and CI logs."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..findings import Report
from ..messages import say
from .common import error_place, governance, not_failing, place, printable, set_aside

_COLOR = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m", "pass": "\x1b[32m", "fail": "\x1b[31m"}
_RESET = "\x1b[0m"


def render(report: Report, *, quiet: bool = False, statistics: bool = False, full: str = "", color: bool = False,
           **_: Any) -> str:
    """`full` is the whole text report, shown unless `quiet`; statistics follow it."""
    paint = (lambda text, key: f"{_COLOR[key]}{text}{_RESET}") if color else (lambda text, key: text)
    lang = report.lang
    lines: list[str] = [full.rstrip("\n")] if full else []
    if quiet:
        for doc in report.documents:
            for f in doc.findings:
                if f.status != "fail":
                    continue
                severity = paint(say(f"severity.{f.severity}", lang), f.severity)
                lines.append(f"{printable(place(f.location, doc.file))}: {severity} {f.rule_id} {printable(f.message)}")
        for doc in report.documents:
            verdict = say(f"verdict.{doc.verdict}", lang)
            verdict = paint(verdict, doc.verdict) if doc.verdict in _COLOR else verdict
            counts = say("report.severity_counts", lang, **{s: doc.count(s) for s in ("error", "warning", "info")})
            aside = set_aside(doc.summary()["waived"], doc.baselined(), lang)
            counts += f"; {aside}" if aside else ""
            extra = "; ".join(f"{label}: {value}" for label, value in governance(report, doc, lang))
            where = printable(error_place(doc)) if doc.verdict == "error" else printable(doc.file)
            reason = f" — {printable(doc.error)}" if doc.verdict == "error" and doc.error else ""
            # the line agrees with the exit code: a document that fails without failing the run says why
            reason += f" — {not_failing(report, doc)}" if not_failing(report, doc) else ""
            lines.append(f"{where}: {verdict} ({counts}){reason}" + (f" [{extra}]" if extra else ""))
    if statistics:
        counted = Counter((f.rule_id, f.severity) for d in report.documents for f in d.findings if f.status == "fail")
        if lines:
            lines.append("")
        lines.append(say("report.statistics", lang) + ":")
        width = max((len(str(n)) for n in counted.values()), default=1)
        for (rule_id, severity), count in sorted(counted.items(), key=lambda item: (-item[1], item[0][0])):
            info = report.rule(rule_id)
            title = printable(info.title) if info else ""
            lines.append(f"{str(count).rjust(width)}  {rule_id:<10} {say(f'severity.{severity}', lang):<10} {title}".rstrip())
        if not counted:
            lines.append(say("report.no_findings", lang))
    return "\n".join(lines) + "\n"
