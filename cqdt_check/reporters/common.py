"""What every report format writes the same way: places, legal-basis citations, area order, safe characters."""

from __future__ import annotations

import re
from typing import Iterable

from ..findings import AREAS, Basis, DocumentResult, Finding, Location, Report
from ..messages import say

# Problems with the file itself first, then the rule areas in their usual order.
AREA_ORDER: tuple[str, ...] = ("schema", *(a for a in AREAS if a != "schema"))

# Characters a plan must not smuggle into a report: C0/C1 controls (tab and newline kept), bidi marks and overrides
# that reorder what a reader sees (U+061C, U+200E/F, U+202A–E, U+2066–9), the Unicode line and paragraph separators
# (a line break in many terminals and viewers, so a plan could fake a line of the report), and the code points
# XML 1.0 forbids (lone surrogates, U+FFFE, U+FFFF).
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")


def printable(text: str | None) -> str:
    """`text` with every unprintable or reordering character shown as U+FFFD (so the reader sees something was there)."""
    return _UNPRINTABLE.sub("\ufffd", text or "")


_LINE_BREAKS = re.compile("[\r\n]")


def one_line(text: str | None) -> str:
    """`text` made safe for one line of a terminal or a log: unprintable characters as in `printable`, and every
    CR/LF folded too, so that no plan value or file name can start a line of its own (a forged `::error::` or
    `::add-mask::` workflow command, a fake verdict)."""
    return _LINE_BREAKS.sub("\ufffd", printable(text))


def no_log_commands(text: str) -> str:
    """`::` with a zero-width space inside: text from a plan or a file name can never be read as a CI log command
    (GitHub Actions' `::error::`, `::add-mask::`), even where a format keeps its line breaks (JUnit, HTML printed
    in a job's log)."""
    return text.replace("::", ":\u200b:")


# `@name` in a pull-request comment notifies that user or team; a zero-width word joiner after `@` keeps the text
# as written for the reader and notifies nobody.
_MENTION = re.compile(r"@(?=[A-Za-z0-9])")


def no_mentions(text: str) -> str:
    """Plan text for Markdown meant for pull requests (markdown, opinion): `@someone` cannot notify anyone."""
    return _MENTION.sub("@\u2060", text)


def place(location: Location | None, file: str = "") -> str:
    """`file:line:col`; `file:line` without a column; `file` alone for the file as a whole (line 0)."""
    if location is None:
        return file
    if not location.line:
        return location.file or file
    if not location.column:
        return f"{location.file}:{location.line}"
    return f"{location.file}:{location.line}:{location.column}"


def cite(basis: Basis, lang: str) -> str:
    """'Nghị định 85/2016/NĐ-CP, Điều 7–11 (chưa đối chiếu văn bản gốc)': instrument, article, and the mark if unverified."""
    text = basis.instrument + (f", {basis.article}" if basis.article else "")
    return text if basis.verified else f"{text} ({say('report.unverified', lang)})"


def by_area(findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by area in report order (schema first); areas without findings are left out."""
    groups: dict[str, list[Finding]] = {area: [] for area in AREA_ORDER}
    for finding in findings:
        groups.setdefault(finding.area, []).append(finding)
    return [(area, group) for area, group in groups.items() if group]


def error_place(doc: DocumentResult) -> str:
    """Where a document that could not be checked went wrong: `file:line:col`, or the file."""
    return place(doc.error_location, doc.file) or doc.file


def verdict_totals(report: Report) -> dict[str, int]:
    """How many documents passed, failed and could not be checked (the parameters of `report.total`)."""
    count = lambda verdict: sum(1 for d in report.documents if d.verdict == verdict)  # noqa: E731
    return {"count": len(report.documents), "passed": count("pass"), "failed": count("fail"), "errors": count("error")}


def severity_totals(report: Report) -> dict[str, int]:
    """Failed findings of every document by severity (waived ones left out, as in each document's summary)."""
    return {s: sum(d.count(s) for d in report.documents) for s in ("error", "warning", "info")}
