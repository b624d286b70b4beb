"""The appraiser's written opinion, drafted: one administrative letter (NĐ 30/2020/NĐ-CP layout) per checked plan.

`render` gives Markdown (GitHub/GitLab, pasting into Word), `render_html` a printable A4 page; both come from
`opinions()`, so the two say the same thing. The draft is never signed and says it is a draft for the appraiser.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from ..dates import vn
from ..findings import DocumentResult, Finding, Report
from ..messages import say
from .common import by_area, cite, error_place, place
from .html import as_of_reason, environment, translator

# The national title and motto are fixed by NĐ 30/2020/NĐ-CP and stay in Vietnamese in every language.
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
UNVERIFIED_MARK = "(*)"

# Characters that would turn plan text into Markdown structure (links, emphasis, tables, HTML, maths).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<>|~$])")
# `_` only emphasises at a word edge, so snake_case field names stay readable.
_EDGE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_SPACES = re.compile(r"\s+")


def markdown_text(text: str) -> str:
    """Plan or rule text as literal Markdown on one line: shown as written, never as markup."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", _SPACES.sub(" ", text).strip())
    return _ENTITY.sub(r"\\&", _EDGE_UNDERSCORE.sub(r"\\_", text))


def _same(text: str) -> str:
    return text


def render(report: Report, **_: Any) -> str:
    return _render("opinion.md", report, markdown_text)


def render_html(report: Report, **_: Any) -> str:
    # The template escapes everything it prints, so the data is passed as written.
    return _render("opinion.html", report, _same)


def _render(template: str, report: Report, escape: Callable[[str], str]) -> str:
    env = environment()
    return env.get_template(template).render(
        lang=report.lang, t=translator(report.lang), opinions=opinions(report, escape), version=report.tool_version,
        national_title=NATIONAL_TITLE, motto=MOTTO, unverified_mark=escape(UNVERIFIED_MARK), escape=escape)


def opinions(report: Report, escape: Callable[[str], str] = _same) -> list[dict[str, Any]]:
    """What each document's opinion says; every text from the plan or the rules goes through `escape`."""
    return [_opinion(doc, report, escape) for doc in report.documents]


def _opinion(doc: DocumentResult, report: Report, escape: Callable[[str], str]) -> dict[str, Any]:
    lang = report.lang
    architecture = doc.architecture or report.architecture
    words = {
        "issuer": say("opinion.issuer_name", lang),
        "subject": _subject(doc, lang, escape),
        "file": escape(doc.file),
        "owner": escape(doc.owner) if doc.owner else say("opinion.the_owner", lang),
        "architecture": escape(architecture.title) if architecture else say("opinion.the_architecture", lang),
    }
    # waived findings were granted by the appraiser; the rest follow the HTML report's order of areas
    failed = [f for _, group in by_area(f for f in doc.findings if f.status == "fail") for f in group]
    requests = ([_item(f, "opinion.request.error", report, escape) for f in failed if f.severity == "error"]
                + [_item(f, "opinion.request.warning", report, escape) for f in failed if f.severity == "warning"])
    notes = [_item(f, "opinion.note", report, escape) for f in failed if f.severity == "info"]
    bases = _bases(doc, architecture, lang, escape)
    conclusion = conclusion_of(doc)
    return {
        "reference": say("opinion.reference", lang, subject=words["subject"]),
        "to": escape(doc.owner) if doc.owner else say("opinion.owner_placeholder", lang),
        "bases": bases,
        "any_unverified": any(not verified for _, verified in bases),
        "intro": _intro(doc, lang, words),
        "requests": requests,
        "notes": notes,
        "conclusion": conclusion,
        "conclusion_text": _conclusion_text(doc, conclusion, bool(requests), lang, words, escape),
    }


def conclusion_of(doc: DocumentResult) -> str:
    """not_checked (the file could not be read), fail (an error finding, or the rules did not run) or pass."""
    if doc.verdict == "error":
        return "not_checked"
    # a plan whose rules did not run has not shown that it conforms, whatever its findings
    failed = any(f.status == "fail" and f.severity == "error" for f in doc.findings)
    return "fail" if failed or not doc.rules_evaluated else "pass"


def _intro(doc: DocumentResult, lang: str, words: dict[str, str]) -> str:
    """The opening paragraph: what was received, and against what and which date it was checked."""
    if doc.verdict == "error":
        return say("opinion.intro_unchecked", lang, issuer=words["issuer"], subject=words["subject"], file=words["file"])
    if not doc.rules_evaluated:
        return say("opinion.intro_format", lang, **words)
    return say("opinion.intro", lang, **words, date=vn(doc.as_of) if doc.as_of else "…", why=as_of_reason(doc, lang))


def _conclusion_text(doc: DocumentResult, conclusion: str, has_requests: bool, lang: str, words: dict[str, str],
                     escape: Callable[[str], str]) -> str:
    if conclusion == "not_checked":
        return say("opinion.conclusion.not_checked", lang, place=escape(error_place(doc)), reason=escape(doc.error or ""))
    text = say(f"opinion.conclusion.{conclusion}", lang, subject=words["subject"], architecture=words["architecture"])
    if conclusion == "pass" and has_requests:  # warnings only: conforms, with recommendations
        text += " " + say("opinion.conclusion.pass_with_warnings", lang)
    return text


def _subject(doc: DocumentResult, lang: str, escape: Callable[[str], str]) -> str:
    """`dự án “…”`: how the letter names the plan (a placeholder when the file had no readable name)."""
    if not doc.plan_name:
        return say("opinion.subject.unnamed", lang)
    kind = doc.plan_kind if doc.plan_kind in ("project", "service_rental") else "other"
    return say(f"opinion.subject.{kind}", lang, name=escape(doc.plan_name))


def _bases(doc: DocumentResult, architecture, lang: str, escape: Callable[[str], str]) -> list[tuple[str, bool]]:
    """The architecture's decision first, then each instrument in force on the plan's date (verified or not)."""
    out: list[tuple[str, bool]] = []
    if architecture is not None:
        out.append((escape(say("opinion.decision", lang, decision=architecture.decision, date=vn(architecture.date),
                                title=architecture.title)), True))
    for instrument in doc.instruments:
        if architecture is not None and architecture.decision in instrument.name:
            continue  # the decision is already cited, with its title
        out.append((escape(instrument.name), instrument.verified))
    return out


def _item(f: Finding, lead: str, report: Report, escape: Callable[[str], str]) -> dict[str, Any]:
    """One numbered request (or note): what is wrong, how to fix it, on what basis, where in the dossier."""
    info = report.rule(f.rule_id)
    title = f.title or (info.title if info else "")
    where = place(f.location)
    return {
        "rule_id": f.rule_id,
        "severity": f.severity,
        "lead": say(lead, report.lang, rule=escape(f"{f.rule_id} — {title}" if title else f.rule_id)),
        "message": escape(f.message),
        "remediation": escape(f.remediation),
        "bases": [escape(cite(b, report.lang)) for b in f.basis],
        "where": escape(f"{f.path_text} ({where})" if f.path else where),
        "deviation": say("opinion.deviation", report.lang, reason=escape(f.deviation_requested))
                     if f.deviation_requested else None,
    }
