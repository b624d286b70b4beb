"""What every report format writes the same way: places, legal-basis citations, area order, safe characters."""

from __future__ import annotations

import re
from typing import Any, Iterable, Sequence

from ..findings import (
    AREAS,
    DecisionNote,
    DocumentResult,
    Finding,
    Location,
    OperatorFile,
    Report,
    Row,
    StaleDecision,
)
from ..messages import say
from ..records import record
from ..values import Basis

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


def as_of_text(doc: DocumentResult, lang: str) -> str:
    """The date the rules were judged on and the field or option it came from: "01/09/2026 (theo --as-of)"."""
    # imported here, not at the top: only this path needs it (start-up stays light)
    from ..dates import vn

    return f"{vn(doc.as_of)} ({say('as_of.' + (doc.as_of_source or 'today'), lang)})" if doc.as_of else ""


def architecture_source_text(doc: DocumentResult, lang: str) -> str:
    """Who chose the architecture the document was judged against: "--architecture (người chạy chỉ định)", the plan's
    own field, or the default ("" when the document was not judged against one)."""
    return say("architecture_source." + doc.architecture_source, lang) if doc.architecture_source else ""


def operator_file_text(source: OperatorFile) -> str:
    """A file the operator named instead of a bundled one, as every report shows it: kind, path and sha256."""
    return f"{source.kind}: {source.path} sha256:{source.sha256}"


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
    return verdict_counts(report.documents)


def verdict_counts(documents: Sequence[DocumentResult | Row]) -> dict[str, int]:
    """`verdict_totals` of documents, or of the rows a streamed run keeps of them."""
    count = lambda verdict: sum(1 for d in documents if d.verdict == verdict)  # noqa: E731
    return {"count": len(documents), "passed": count("pass"), "failed": count("fail"), "errors": count("error")}


def severity_totals(report: Report) -> dict[str, int]:
    """Failed findings of every document by severity (waived ones left out, as in each document's summary)."""
    return {s: sum(d.count(s) for d in report.documents) for s in ("error", "warning", "info")}


def decision_lines(f: Finding, lang: str) -> list[tuple[str, str]]:
    """The owner's request and the appraiser's decision on a finding, as (label, text) lines every format shows.

    The request is labelled by what became of it: granted, refused, or still only requested (also when a granted
    decision expired). The decision line follows, with its justification, document and signer.
    """
    lines: list[tuple[str, str]] = []
    state = f.decision.state if f.decision is not None else "granted" if f.status == "waived" else None
    if f.deviation_requested:
        # beside a decision the request is only that; a finding waived without one (built by hand) says granted
        label = "deviation.requested" if f.decision is not None else "deviation.granted" if state == "granted" else "deviation.note"
        lines.append((say(label, lang), f.deviation_requested))
    if f.decision is not None:
        # imported here: a slow import (the decisions' models and their schema) that only a finding with a decision needs
        from ..decisions import decision_label, decision_text

        lines.append((decision_label(f.decision.state, lang), decision_text(f.decision, lang)))
    return lines


def decision_dict(note: DecisionNote) -> dict[str, Any]:
    """The decision on a finding as the JSON report and SARIF properties write it."""
    src = note.source
    return {"state": note.state, "justification": note.justification,
            "document": {"number": note.document_number, "date": note.document_date.isoformat()},
            "decided_by": note.decided_by, "expires": note.expires.isoformat() if note.expires else None,
            "source": place(src) if src else None}


def stale_dict(stale: StaleDecision, lang: str) -> dict[str, Any]:
    # imported here, not at the top: only this path needs it (start-up stays light)
    from ..decisions import stale_text

    return {"rule_id": stale.rule_id, "plan": stale.plan, "path": stale.path, "reason": stale.reason,
            "message": stale_text(stale, lang), "file": stale.source.file, "line": stale.source.line,
            "column": stale.source.column}


def marks(f: Finding, lang: str) -> list[str]:
    """Words shown beside a finding's heading: waived, in the baseline."""
    out = [say("status.waived", lang)] if f.status == "waived" else []
    if f.baselined:
        out.append(say("baseline.mark", lang))
    return out


def run_notices(report: Report) -> list[tuple[str, list[str]]]:
    """What a report says about the run as a whole, after the documents (see `notices`)."""
    baselined = sum(d.baselined() for d in report.documents)
    return notices(report.lang, report.stale_decisions, report.baseline, baselined)


def notices(lang: str, stale: tuple[StaleDecision, ...], baseline: str | None, baselined: int) -> list[tuple[str, list[str]]]:
    """(heading, lines) said about the run after the documents: decisions that matched nothing (with their place in
    the decisions file), and the baseline with how many findings it already had."""
    out = []
    if stale:
        # imported here: a slow import (the decisions' models and their schema) that only decisions that matched nothing need
        from ..decisions import stale_text

        out.append((say("decision.stale_title", lang), [f"{place(s.source)}: {stale_text(s, lang)}" for s in stale]))
    if baseline is not None:
        out.append(("--baseline", [say("baseline.note", lang, count=baselined, file=baseline)]))
    return out



# A plan that repeats one mistake thousands of times (generated, or a list pasted twice) must not bury the report
# (a 1 MB plan once made a 62 MB text report): the formats people read list this many findings of one rule in one
# document, then say how many more there are. Counts (summaries, totals, the exit code) always include every finding,
# and the JSON and SARIF reports, read by programs, list every one.
SHOWN_PER_RULE = 50


@record(frozen=True)
class Omitted:
    """Findings of one rule in one document that a report for people counts but does not list."""

    rule_id: str
    area: str
    count: int


def capped(findings: Iterable[Finding]) -> tuple[list[Finding], list[Omitted]]:
    """The first SHOWN_PER_RULE findings of each rule, in their order, and what is left out of each rule."""
    shown: list[Finding] = []
    seen: dict[str, int] = {}
    left_out: dict[str, list[Finding]] = {}
    for finding in findings:
        count = seen[finding.rule_id] = seen.get(finding.rule_id, 0) + 1
        if count <= SHOWN_PER_RULE:
            shown.append(finding)
        else:
            left_out.setdefault(finding.rule_id, []).append(finding)
    return shown, [Omitted(rule_id, group[0].area, len(group)) for rule_id, group in left_out.items()]


def areas_shown(findings: Iterable[Finding]) -> list[tuple[str, list[Finding], list[Omitted]]]:
    """`by_area` of the findings a report for people lists, each area with what it leaves out."""
    shown, omitted = capped(findings)
    return [(area, group, [o for o in omitted if o.area == area]) for area, group in by_area(shown)]


def omitted_note(omitted: Omitted, lang: str) -> str:
    return say("report.omitted", lang, count=omitted.count, rule=omitted.rule_id, limit=SHOWN_PER_RULE)


def governance(report: Report, doc: DocumentResult | None, lang: str) -> list[tuple[str, str]]:
    """The header lines every report carries when a configuration file was in effect or rules were turned off:
    (label, value) pairs — the file and how it was found, and the rules not evaluated for `doc` (or for any
    document when `doc` is None)."""
    out: list[tuple[str, str]] = []
    if report.config_file:
        how = say("report.config_named" if report.config_named else "report.config_searched", lang)
        out.append((say("report.config", lang), say("report.config_how", lang, file=printable(report.config_file), how=how)))
    off = doc.rules_off if doc is not None else rules_off(report)
    if off:
        out.append((say("report.rules_off", lang), say("report.rules_off_note", lang, count=len(off), rules=", ".join(off))))
    return out


def set_aside(waived: int, baselined: int, lang: str) -> str:
    """"1 được miễn, 7 đã có trong baseline": the findings counted that do not fail the run, named beside the counts
    (empty when there are none)."""
    parts = [say(key, lang, count=n) for key, n in (("count.waived", waived), ("count.baselined", baselined)) if n]
    return ", ".join(parts)


def not_failing(report: Report, doc: DocumentResult) -> str:
    """Why a document that fails does not fail the run, when it does not (empty otherwise): every finding that
    fails it is in the --baseline report, or --fail-on never."""
    if doc.verdict != "fail" or doc.fails_run(report.fail_on):
        return ""
    if report.fail_on == "never":
        return say("brief.not_failing.never", report.lang)
    return say("brief.not_failing.baseline", report.lang, file=printable(report.baseline or ""))


def rules_off(report: Report) -> tuple[str, ...]:
    """Every rule turned off for some document of the run."""
    return tuple(sorted({rule for d in report.documents for rule in d.rules_off}))
