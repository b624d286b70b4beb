"""The Markdown report: for pull-request comments (GitHub, GitLab) and pasting into documents.

Plan text is shown as text, never as Markdown or HTML: every character Markdown or HTML would act on is escaped,
table cells keep to one line, and the only raw HTML is our own `<details>`/`<summary>`/`<br>`.
"""

from __future__ import annotations

import html
import re
from typing import Any

from ..dates import vn
from ..findings import DocumentResult, Finding, Report
from ..messages import say
from .common import (
    areas_shown,
    architecture_source_text,
    as_of_text,
    cite,
    decision_lines,
    error_place,
    governance,
    marks,
    no_mentions,
    omitted_note,
    place,
    printable,
    run_notices,
    verdict_totals,
)

_VERDICT_MARK = {"pass": "✅", "fail": "❌", "error": "⛔"}

# The characters that open or close a Markdown construct anywhere in a line: code, emphasis, links and images,
# HTML tags and entities, GFM tables, strikethrough and math, heading closers; CommonMark lets each be escaped
# with a backslash. A colon before a non-space is escaped too: `:name:` is an emoji shortcode on GitHub and GitLab.
_ACTIVE = re.compile(r"([\\`*_\[\]<>&|~$#])|:(?=\S)")
# At the start of a line, a list marker or ordered-list number would start a block.
_LEADING = re.compile(r"^(?:([-+])|(\d+)([.)]))")
_NEWLINES = re.compile(r"\r\n|\r|\n")


def text(value: str | None, *, starts_block: bool = False) -> str:
    """Plan or rule text as literal Markdown on one line (a newline becomes `<br>`, which tables also accept).

    `starts_block`: the text begins a list item, where `1.` or `-` would otherwise open a nested list.
    """
    escaped = _ACTIVE.sub(lambda m: "\\" + m.group(0), no_mentions(printable(value)))
    if starts_block:
        escaped = _LEADING.sub(lambda m: "\\" + m.group(1) if m.group(1) else f"{m.group(2)}\\{m.group(3)}", escaped)
    return _NEWLINES.sub("<br>", escaped)


def code(value: str | None, *, in_table: bool = False) -> str:
    """A place or path as a code span: shown literally, fenced by more backticks than it contains.

    In a GFM table a `|` still ends the cell inside a code span unless written `\\|` (GitHub and GitLab drop the
    backslash); a code span cannot hold a line break, so newlines become spaces.
    """
    content = " ".join(_NEWLINES.split(printable(value)))
    if in_table:
        content = content.replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall("`+", content)), default=0) + 1)
    pad = " " if content.startswith(("`", " ")) or content.endswith(("`", " ")) else ""
    return f"{fence}{pad}{content}{pad}{fence}"


def html_text(value: str | None) -> str:
    """Text inside our own HTML (`<summary>`): Markdown is not read there, so HTML escaping is what counts."""
    return html.escape(_NEWLINES.sub(" ", no_mentions(printable(value))), quote=True)


def render(report: Report, **_: Any) -> str:
    lang = report.lang
    out: list[str] = [f"# cqdt-check {text(report.tool_version)} — {say('report.title', lang)}", ""]
    if report.architecture:
        out += [f"**{say('report.architecture', lang)}:** {_architecture(report.architecture, lang)}", ""]
    if len(report.documents) > 1:
        out += _files_table(report, lang)
    for doc in report.documents:
        out += _document(doc, report, lang)
    for title, lines in run_notices(report):
        out += [f"## {text(title)}", "", *(f"- {text(line, starts_block=True)}" for line in lines), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _architecture(arch, lang: str) -> str:
    decision = say("report.decision_of", lang, decision=arch.decision, date=vn(arch.date))
    national = f"; {say('report.national_framework', lang)}: {text(arch.national)}" if arch.national else ""
    return f"{text(arch.id)} — {text(arch.title)} ({text(decision)}){national}"


def _files_table(report: Report, lang: str) -> list[str]:
    rows = [f"## {say('report.files', lang)}", "",
            f"| {say('report.file', lang)} | {say('report.verdict', lang)} | E | W | I |", "|---|---|--:|--:|--:|"]
    for doc in report.documents:
        s = doc.summary()
        rows.append(f"| {code(doc.file, in_table=True)} | {_verdict(doc.verdict, lang)} | {s['error']} | {s['warning']} | {s['info']} |")
    return rows + ["", f"**{say('report.total', lang, **verdict_totals(report))}**", ""]


def _verdict(verdict: str, lang: str) -> str:
    return f"{_VERDICT_MARK[verdict]} {say('verdict.' + verdict, lang)}"


def _document(doc: DocumentResult, report: Report, lang: str) -> list[str]:
    out = [f"## {text(doc.file)}", ""]
    fields = []
    if doc.plan_name:
        fields.append((say("report.plan", lang), text(doc.plan_name)))
    if doc.plan_kind in ("project", "service_rental"):
        fields.append((say("report.kind", lang), f"{say('kind.' + doc.plan_kind, lang)} ({text(doc.plan_kind)})"))
    if doc.owner:
        fields.append((say("report.owner", lang), text(doc.owner)))
    if doc.architecture and doc.architecture != report.architecture:
        fields.append((say("report.architecture", lang), _architecture(doc.architecture, lang)))
    if doc.architecture_source:
        fields.append((say("report.architecture_source", lang), text(architecture_source_text(doc, lang))))
    fields += [(label, text(value)) for label, value in governance(report, doc, lang)]
    if doc.as_of:
        fields.append((say("report.as_of", lang), as_of_text(doc, lang)))
    fields += [(say("report.regime", lang), text(fact.text)) for fact in doc.regime_facts]
    fields += [(say("report.operator_source", lang), f"{source.kind}: {code(source.path)} sha256:{source.sha256}")
               for source in report.operator_files]
    if doc.verdict == "error":
        fields.append((say("report.verdict", lang), _verdict(doc.verdict, lang)))
    else:
        fields.append((say("report.verdict", lang), f"{_verdict(doc.verdict, lang)} — {say('report.counts', lang, **doc.summary())}"))
    # two trailing spaces: a line break that keeps the fields one paragraph in GitHub, GitLab and pandoc
    out += [f"**{label}:** {value}  " for label, value in fields[:-1]] + [f"**{fields[-1][0]}:** {fields[-1][1]}", ""]
    if doc.instruments:
        out += _instruments(doc, lang)
    if doc.verdict == "error" and doc.error:
        return out + [f"**{say('report.could_not_check', lang)}:** {code(error_place(doc))}: {text(doc.error)}", ""]
    for area, group, omitted in areas_shown(doc.findings):
        out += [f"### {say('area.' + area, lang)} ({area})", ""]
        out += _findings_table(group, lang)
        for o in omitted:
            out += [text(omitted_note(o, lang)), ""]
        for finding in group:
            out += _details(finding, lang)
    if not doc.findings:
        out += [say("report.no_findings", lang), ""]
    if not doc.rules_evaluated and doc.verdict != "error":
        out += [f"**{say('report.not_evaluated', lang)}**", ""]
    return out


def _instruments(doc: DocumentResult, lang: str) -> list[str]:
    out = [f"<details><summary>{html_text(say('report.instruments', lang))} ({len(doc.instruments)})</summary>", ""]
    out += [f"- {text(i.name, starts_block=True)}" + ("" if i.verified else " \\*") for i in doc.instruments]
    if not all(i.verified for i in doc.instruments):
        out += ["", f"\\* {say('report.unverified', lang)}"]
    return out + ["", "</details>", ""]


def _findings_table(group: list[Finding], lang: str) -> list[str]:
    head = (say("report.severity", lang), say("report.rule", lang), say("report.place", lang), say("report.message", lang))
    rows = ["| " + " | ".join(head) + " |", "|---|---|---|---|"]
    for f in group:
        severity = say("severity." + f.severity, lang) + "".join(f" ({mark})" for mark in marks(f, lang))
        rows.append(f"| {severity} | {text(f.rule_id)} | {code(place(f.location), in_table=True)} | {text(f.message)} |")
    return rows + [""]


def _details(f: Finding, lang: str) -> list[str]:
    summary = f"{f.rule_id} — {f.title} — {place(f.location)}" if f.title else f"{f.rule_id} — {place(f.location)}"
    out = [f"<details><summary>{html_text(summary)}</summary>", ""]
    if f.path:
        out.append(f"- **{say('report.path', lang)}:** {code(f.path_text)}")
    out += [f"- **{say('report.basis', lang)}:** {text(cite(b, lang))}" for b in f.basis]
    if f.remediation:
        out.append(f"- **{say('report.remediation', lang)}:** {text(f.remediation)}")
    out += [f"- **{label}:** {text(value)}" for label, value in decision_lines(f, lang)]
    return out + ["", "</details>", ""]
