"""The appraiser's written opinion, drafted: one administrative letter (NĐ 30/2020/NĐ-CP layout) per checked plan.

`render` gives Markdown (GitHub/GitLab, pasting into Word), `render_html` a printable A4 page; both come from
`opinions()`, so the two say the same thing. The draft is never signed and says it is a draft for the appraiser.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable
from typing import Any

from ..dates import vn
from ..findings import DocumentResult, Finding, Report
from ..messages import say
from . import markdown
from .common import by_area, cite, error_place, place
from .html import as_of_reason, environment, translator

# The national title and motto are fixed by NĐ 30/2020/NĐ-CP and stay in Vietnamese in every language.
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
UNVERIFIED_MARK = "(*)"


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class Escape:
    """How plan and rule text is made safe for one output: prose, and literal names (files, places, paths)."""

    text: Callable[[str], str]
    literal: Callable[[str], str]


# HTML templates escape everything they print, so the data stays as written; Markdown escapes as the Markdown report
# does, with files, places and paths as code spans (literal, and readable when the text is pasted unrendered).
AS_WRITTEN = Escape(_same, _same)
MARKDOWN = Escape(markdown.text, markdown.code)


def render(report: Report, **_: Any) -> str:
    return _render("opinion.md", report, MARKDOWN)


def render_html(report: Report, **_: Any) -> str:
    return _render("opinion.html", report, AS_WRITTEN)


def _render(template: str, report: Report, escape: Escape) -> str:
    return environment().get_template(template).render(
        lang=report.lang, t=translator(report.lang), opinions=opinions(report, escape), version=report.tool_version,
        national_title=NATIONAL_TITLE, motto=MOTTO, unverified_mark=escape.text(UNVERIFIED_MARK), escape=escape.text)


def opinions(report: Report, escape: Escape = AS_WRITTEN) -> list[dict[str, Any]]:
    """What each document's opinion says; every text from the plan or the rules goes through `escape`."""
    return [_opinion(doc, report, escape) for doc in report.documents]


def _opinion(doc: DocumentResult, report: Report, escape: Escape) -> dict[str, Any]:
    lang = report.lang
    architecture = doc.architecture or report.architecture
    words = {
        "issuer": say("opinion.issuer_name", lang),
        "subject": _subject(doc, lang, escape),
        "file": escape.literal(doc.file),
        "owner": escape.text(doc.owner) if doc.owner else say("opinion.the_owner", lang),
        "architecture": escape.text(architecture.title) if architecture else say("opinion.the_architecture", lang),
    }
    # waived findings were granted by the appraiser; the rest follow the HTML report's order of areas
    failed = [f for _, group in by_area(f for f in doc.findings if f.status == "fail") for f in group]
    requests = ([_item(f, "opinion.request.error", report, escape) for f in failed if f.severity == "error"]
                + [_item(f, "opinion.request.warning", report, escape) for f in failed if f.severity == "warning"])
    notes = [_item(f, "opinion.note", report, escape) for f in failed if f.severity == "info"]
    bases = _bases(failed, architecture, lang, escape)
    conclusion = conclusion_of(doc)
    return {
        # the province's people's committee above the issuing department, as NĐ 30/2020 lays out the header
        "parent_body": (say("opinion.parent_body_of", lang, province=escape.text(architecture.province.upper()))
                        if architecture is not None and architecture.province else say("opinion.parent_body", lang)),
        "reference": say("opinion.reference", lang, subject=words["subject"]),
        "to": escape.text(doc.owner) if doc.owner else say("opinion.owner_placeholder", lang),
        "bases": bases,
        "any_unverified": any(not verified for _, verified in bases),
        "intro": _intro(doc, lang, words),
        "requests": requests,
        "notes": notes,
        "conclusion": conclusion,
        "conclusion_text": _conclusion_text(doc, conclusion, bool(requests), lang, words, escape),
    }


def conclusion_of(doc: DocumentResult) -> str:
    """not_checked (the file could not be read), fail (an error finding, or the rules did not run), incomplete (rules
    were turned off) or pass.

    A document whose file was read but where a rule could not be evaluated (verdict error, no `doc.error`) carries
    that as an error finding: its opinion lists every finding and concludes "chưa đạt", never "đạt".
    """
    if doc.verdict == "error" and doc.error is not None:
        return "not_checked"
    # a plan whose rules did not run has not shown that it conforms, whatever its findings
    failed = any(f.status == "fail" and f.severity == "error" for f in doc.findings)
    if failed or not doc.rules_evaluated:
        return "fail"
    # rules turned off were not evaluated: nothing shows the plan meets them, so it is never "đạt"
    return "incomplete" if doc.rules_off else "pass"


def _intro(doc: DocumentResult, lang: str, words: dict[str, str]) -> str:
    """The opening paragraph: what was received, and against what and which date it was checked."""
    if doc.verdict == "error" and doc.error is not None:
        return say("opinion.intro_unchecked", lang, issuer=words["issuer"], subject=words["subject"],
                   file=words["file"])
    if not doc.rules_evaluated:
        return say("opinion.intro_format", lang, **words)
    return say("opinion.intro", lang, **words, date=vn(doc.as_of) if doc.as_of else "…", why=as_of_reason(doc, lang))


def _conclusion_text(doc: DocumentResult, conclusion: str, has_requests: bool, lang: str, words: dict[str, str],
                     escape: Escape) -> str:
    if conclusion == "not_checked":
        return say("opinion.conclusion.not_checked", lang, place=escape.literal(error_place(doc)),
                   reason=escape.text(doc.error or ""))
    if conclusion == "incomplete":
        return say("opinion.conclusion.incomplete", lang, subject=words["subject"], architecture=words["architecture"],
                   rules=", ".join(doc.rules_off))
    text = say(f"opinion.conclusion.{conclusion}", lang, subject=words["subject"], architecture=words["architecture"])
    if conclusion == "pass" and has_requests:  # warnings only: conforms, with recommendations
        text += " " + say("opinion.conclusion.pass_with_warnings", lang)
    return text


def _subject(doc: DocumentResult, lang: str, escape: Escape) -> str:
    """`dự án “…”`: how the letter names the plan (a placeholder when the file had no readable name)."""
    if not doc.plan_name:
        return say("opinion.subject.unnamed", lang)
    kind = doc.plan_kind if doc.plan_kind in ("project", "service_rental") else "other"
    return say(f"opinion.subject.{kind}", lang, name=escape.text(doc.plan_name))


def _bases(findings: list[Finding], architecture, lang: str, escape: Escape) -> list[tuple[str, bool]]:
    """The architecture's decision first, then the instruments the opinion's requests rest on (verified or not).

    An opinion cites what it relies on: the instruments behind its requests, not every instrument the rule pack
    knows (the HTML and text reports list those).
    """
    out: list[tuple[str, bool]] = []
    if architecture is not None:
        decision = say("opinion.decision", lang, decision=architecture.decision, date=vn(architecture.date),
                       title=architecture.title,
                       issuer=say("opinion.decision_issuer", lang, issuer=architecture.issuer) if architecture.issuer else "")
        out.append((escape.text(decision), True))
    cited: dict[str, bool] = {}
    for finding in findings:
        if finding.area == "schema":
            continue  # the plan format is not a legal instrument
        for basis in finding.basis:
            if architecture is not None and architecture.decision in basis.instrument:
                continue  # the decision is already cited, with its title
            cited[basis.instrument] = cited.get(basis.instrument, False) or basis.verified
    out += [(escape.text(name), verified) for name, verified in sorted(cited.items(), key=lambda item: _rank(item[0]))]
    return out


# Căn cứ are listed from the highest legal force down (laws, resolutions, decrees, decisions, circulars, letters).
_HIERARCHY = ("Luật", "Nghị quyết", "Nghị định", "Quyết định", "Thông tư", "TCVN", "Công văn")


def _rank(instrument: str) -> tuple[int, str]:
    level = next((i for i, kind in enumerate(_HIERARCHY) if instrument.startswith(kind)), len(_HIERARCHY))
    return level, instrument


def _item(f: Finding, lead: str, report: Report, escape: Escape) -> dict[str, Any]:
    """One numbered request (or note): what is wrong, how to fix it, on what basis, where in the dossier."""
    info = report.rule(f.rule_id)
    title = f.title or (info.title if info else "")
    return {
        "rule_id": f.rule_id,
        "severity": f.severity,
        "lead": say(lead, report.lang, rule=escape.text(f"{f.rule_id} — {title}" if title else f.rule_id)),
        "message": escape.text(f.message),
        "remediation": escape.text(f.remediation),
        "bases": [escape.text(cite(b, report.lang)) for b in f.basis],
        "where": (f"{escape.literal(f.path_text)} ({escape.literal(place(f.location))})" if f.path
                  else escape.literal(place(f.location))),
        "deviation": say("opinion.deviation", report.lang, reason=escape.text(f.deviation_requested))
                     if f.deviation_requested else None,
    }
