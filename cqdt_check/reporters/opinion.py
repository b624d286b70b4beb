"""The appraiser's written opinion, drafted: one administrative letter (NĐ 30/2020/NĐ-CP layout) per checked plan.

`render` gives Markdown (GitHub/GitLab, pasting into Word), `render_html` a printable A4 page and opinion_docx.py a
Word document; all come from `opinions()`, so they say the same thing. The body speaks to the owner in plain
administrative words (what to change, why, under which article); the tool's own references (rule ids, YAML paths,
lines) go to the annex. The draft is never signed and says it is a draft for the appraiser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..dates import vn
from ..decisions import decision_label, decision_text
from ..findings import ArchitectureInfo, DocumentResult, Finding, Report
from ..messages import say
from ..records import record
from ..values import Basis
from . import markdown
from .common import architecture_source_text, by_area, error_place, operator_file_text
from .html import as_of_reason, environment, translator

# The national title and motto are fixed by NĐ 30/2020/NĐ-CP and stay in Vietnamese in every language.
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
UNVERIFIED_MARK = "(*)"

# An instrument's number and symbol ("85/2016/NĐ-CP", "1702/QĐ-UBND", "TCVN 11930:2017"): what makes it citable.
# A letter written ".../UBND-VX" or a description without a number cannot be cited and stays out of the letter.
_NUMBER = re.compile(r"(?<![\w.])\d+/(?:\d{4}/)?[A-ZĐ][A-ZĐ0-9&-]*|TCVN\s*\d+(?::\d{4})?")


def _same(text: str) -> str:
    return text


@record(frozen=True)
class Escape:
    """How plan and rule text is made safe for one output: prose, literal names (files, places, paths), and
    literal names inside a table cell."""

    text: Callable[[str], str]
    literal: Callable[[str], str]
    cell_literal: Callable[[str], str]


# HTML templates and Word escape (or need) nothing, so the data stays as written; Markdown escapes as the Markdown
# report does, with files, places and paths as code spans (literal, and readable when the text is pasted unrendered).
AS_WRITTEN = Escape(_same, _same, _same)
MARKDOWN = Escape(markdown.text, markdown.code, lambda value: markdown.code(value, in_table=True))


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
    # the HTML report's order of areas; one request per rule and severity, naming every part of the plan it concerns
    ordered = [f for _, group in by_area(f for f in doc.findings if f.status in ("fail", "waived")) for f in group]
    failed = [f for f in ordered if f.status == "fail"]
    sections = [(severity, _requests([f for f in failed if f.severity == severity], report, architecture, escape))
                for severity in ("error", "warning", "info")]
    waived = _waived([f for f in ordered if f.status == "waived"], report, architecture, escape)
    numbered = _number(sections, lang, escape)
    # the Căn cứ lists what the requests to amend (and so the conclusion) rest on; recommendations and notes cite
    # their own basis in their point
    bases = _bases([f for f in failed if f.severity == "error"], architecture, lang, escape)
    conclusion = conclusion_of(doc)
    return {
        # the province's people's committee above the issuing department, as NĐ 30/2020 lays out the header
        "parent_body": (say("opinion.parent_body_of", lang, province=escape.text(architecture.province.upper()))
                        if architecture is not None and architecture.province else say("opinion.parent_body", lang)),
        "reference": say("opinion.reference", lang, subject=words["subject"]),
        "to": escape.text(doc.owner) if doc.owner else say("opinion.owner_placeholder", lang),
        "bases": bases,
        "any_unverified": any(not verified for _, verified in bases) or any(
            r["unverified"] for _, _, items in numbered for r in items) or any(w["unverified"] for w in waived),
        "intro": _intro(doc, lang, words),
        # after the intro's date and its source: the facts that chose a transitional regime, and any file the
        # appraiser named instead of a bundled one (path and sha256), so the letter says what it was judged by
        "provenance": [f"{say('report.regime', lang)}: {escape.text(fact.text)}." for fact in doc.regime_facts] + [
            say("opinion.operator_source", lang, file=escape.literal(operator_file_text(source)))
            for source in report.operator_files],
        "sections": numbered,
        "has_requests": any(items for severity, _, items in numbered if severity != "info"),
        "waived": waived,
        "annex": [row for _, _, items in numbered for item in items for row in item["annex"]],
        "annex_intro": say("opinion.annex.intro", lang, file=words["file"]),
        "conclusion": conclusion,
        "conclusion_text": _conclusion_text(doc, conclusion, any(items for s, items in sections if s == "warning"),
                                            lang, words, escape),
    }


def _number(sections: list[tuple[str, list[dict[str, Any]]]], lang: str,
            escape: Escape) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """Sections with findings, numbered 1, 2, …, each item `section.item`; the annex rows carry that number and the
    clause's letter."""
    out: list[tuple[str, str, list[dict[str, Any]]]] = []
    for severity, items in sections:
        if not items:
            continue
        number = len(out) + 1
        for i, item in enumerate(items, 1):
            item["number"] = f"{number}.{i}"
            item["annex"] = _annex_rows(item, lang, escape)
        title = say("opinion.notes" if severity == "info" else f"opinion.requests.{severity}", lang)
        out.append((severity, title, items))
    return out


def _requests(findings: list[Finding], report: Report, architecture: ArchitectureInfo | None,
              escape: Escape) -> list[dict[str, Any]]:
    """One numbered point per area of the plan (connectivity, IPv6, …) within a severity: its clauses a), b), … say
    what to change (one per rule, naming every part of the plan it concerns), and the articles they rest on are cited
    once for the point. Grouping the points of one subject keeps the letter to a few pages without losing any."""
    areas: dict[str, dict[str, list[Finding]]] = {}
    for f in findings:
        areas.setdefault(f.area, {}).setdefault(f.rule_id, []).append(f)
    return [_request(area, list(rules.values()), report, architecture, escape) for area, rules in areas.items()]


def _request(area: str, groups: list[list[Finding]], report: Report, architecture: ArchitectureInfo | None,
             escape: Escape) -> dict[str, Any]:
    lang = report.lang
    severity = groups[0][0].severity
    # the rules that concern the same parts of the plan make one clause: the subject is named once
    clusters: dict[str, list[list[Finding]]] = {}
    for group in groups:
        clusters.setdefault(_subjects(group, lang, escape), []).append(group)
    single = len(clusters) == 1
    clauses = []
    for i, (subjects, rules) in enumerate(clusters.items()):
        infos = [report.rule(group[0].rule_id) for group in rules]
        requirement = "; ".join(escape.text(_requirement(group[0], info.title if info else group[0].rule_id))
                                for group, info in zip(rules, infos, strict=True))
        scope = say("opinion.scope", lang, subjects=subjects) if subjects else ""
        # the reason is given for what the owner must change; a recommendation rests on its citation alone
        whys = [_why(info.rationale) for info in infos if info is not None] if severity == "error" else []
        findings = [f for group in rules for f in group]
        clauses.append({
            "label": "" if single else say("opinion.clause_label", lang, letter=_letter(i)),
            "text": (say(f"opinion.request.{severity}", lang, scope=scope, requirement=requirement) if single else
                     say("opinion.clause_scoped" if subjects else "opinion.clause", lang, subjects=subjects,
                         requirement=requirement)),
            "why": escape.text(" ".join(why for why in whys if why)),
            "deviations": [_deviation(f, lang, escape) for f in findings if f.deviation_requested or f.decision is not None],
            "findings": findings,
        })
    cites, unverified = _citations([f for group in groups for f in group], architecture, lang)
    topic = _lower_first(say(f"area.{area}", lang)) if say(f"area.{area}", lang) != f"area.{area}" else area
    return {
        "severity": severity,
        "lead": "" if single else say(f"opinion.group.{severity}", lang, topic=escape.text(topic)),
        "clauses": clauses,
        "cites": say("opinion.cites", lang, cites=escape.text("; ".join(cites))) if cites else "",
        "unverified": unverified,
        "annex": [],  # filled when the point is numbered
    }


def _requirement(first: Finding, title: str) -> str:
    """The rule's requirement as the continuation of the sentence ('… để bảo đảm yêu cầu: hệ thống phải …')."""
    title = first.title or title
    return title if first.severity == "info" else _lower_first(title)


def _subjects(group: list[Finding], lang: str, escape: Escape) -> str:
    """The parts of the plan a rule's findings concern: `A, B và C` ('' when they concern the plan as a whole)."""
    subjects = list(dict.fromkeys(escape.text(f.subject) for f in group if f.subject))
    return _join(subjects, lang) if subjects else ""


def _letter(index: int) -> str:
    """a, b, …, z, then aa, ab, … (a point rarely has more than a few clauses)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[index] if index < len(letters) else _letter(index // len(letters) - 1) + letters[index % len(letters)]


def _annex_rows(item: dict[str, Any], lang: str, escape: Escape) -> list[dict[str, str]]:
    """The tool's references of each clause of a numbered point: rule id, place in the file, line, message."""
    return [{
        "item": f"{item['number']} {clause['label']}".strip(),
        "rule_id": escape.cell_literal(f.rule_id),
        "path": escape.cell_literal(f.path_text) if f.path else "",
        "line": say("opinion.annex.line", lang, line=f.location.line) if f.location.line else "",
        "severity": say(f"severity.{f.severity}", lang),
        "message": escape.text(f.message),
    } for clause in item["clauses"] for f in clause["findings"]]


def _waived(findings: list[Finding], report: Report, architecture: ArchitectureInfo | None,
            escape: Escape) -> list[dict[str, Any]]:
    """The deviations the appraiser granted: for each rule, what it waives, where, and the decision that granted it
    (document number and date, who decided, until when)."""
    lang = report.lang
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.rule_id, []).append(f)
    out = []
    for group in groups.values():
        first = group[0]
        info = report.rule(first.rule_id)
        requirement = escape.text(_lower_first(first.title or (info.title if info else first.rule_id)))
        cites, unverified = _citations(group, architecture, lang)
        decisions = list(dict.fromkeys(_granted_by(f, lang) for f in group))
        subjects = _subjects(group, lang, escape)
        scope = say("opinion.scope", lang, subjects=subjects) if subjects else ""
        out.append({
            "text": say("opinion.waived_item", lang, scope=scope, requirement=requirement),
            "decisions": [escape.text(d) for d in decisions if d],
            "cites": say("opinion.cites", lang, cites=escape.text("; ".join(cites))) if cites else "",
            "unverified": unverified,
        })
    return out


def _granted_by(f: Finding, lang: str) -> str:
    """`Văn bản số … ngày … (người quyết định): lý do` for a finding waived by a recorded decision; '' without one."""
    note = f.decision
    if note is None:
        return ""
    expires = say("decision.expires", lang, date=vn(note.expires)) if note.expires else ""
    return say("opinion.granted_by", lang, number=note.document_number, date=vn(note.document_date),
               who=note.decided_by, justification=note.justification.strip().rstrip("."), expires=expires)


def _deviation(f: Finding, lang: str, escape: Escape) -> dict[str, str]:
    """The owner's request for a deviation, and the appraiser's decision on it beside it."""
    scope = say("opinion.scope", lang, subjects=escape.text(f.subject)) if f.subject else ""
    reason = (f.deviation_requested or "").strip().rstrip(".")
    request = say("opinion.deviation", lang, scope=scope, reason=escape.text(reason)) if reason else ""
    decision = _decision(f, lang)  # a recorded decision quotes the decisions file: escaped like plan text
    return {"request": request, "decision": escape.text(decision) if f.decision is not None else decision}


def _decision(f: Finding, lang: str) -> str:
    """The appraiser's decision on a requested deviation (`--decisions`: refused, or granted but expired, with its
    document number, date and who decided); a granted one makes the finding `waived` (listed under "Sai lệch được
    chấp thuận"). Without a recorded decision the appraiser writes it in."""
    if f.decision is None:
        return say("opinion.decision_pending", lang)
    return f"{decision_label(f.decision.state, lang)}: {decision_text(f.decision, lang)}."


def _join(items: list[str], lang: str) -> str:
    """`a, b và c`."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + say("opinion.and", lang) + items[-1]


def _lower_first(text: str) -> str:
    """A title as the continuation of a sentence: 'Hệ thống phải…' → 'hệ thống phải…', leaving 'IPv6', 'LGSP' alone."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


# A rationale's first sentence is the request's "why" when it reads as plain prose: short, whole (balanced
# brackets), and free of the pack's own references (source notes, rule ids, field names).
_TOOL_WORDS = re.compile(r"seed|legal-basis|_|[A-Z]{2,5}-\d{3}|\bC[12]\b|tệp|plan file|\bYAML\b")
# A basis's `article` is cited when it names a place in the instrument; otherwise it is the pack's note about it
# ("nội dung yêu cầu chưa xác minh") and the instrument is cited alone.
_ARTICLE = re.compile(r"(Điều|khoản|điểm|Phụ lục|[Mm]ục|STT|Chương|Article|Annex|Section)\b")


def _why(rationale: str) -> str:
    sentence = re.split(r"(?<=[.;])\s+", rationale.strip(), maxsplit=1)[0].rstrip(";").strip()
    if not sentence or len(sentence) > 240 or _TOOL_WORDS.search(sentence):
        return ""
    if sentence.count("(") != sentence.count(")"):
        return ""
    return sentence if sentence.endswith(".") else sentence + "."


def _citations(group: list[Finding], architecture: ArchitectureInfo | None, lang: str) -> tuple[list[str], bool]:
    """'Phụ lục I, mục 3.3; Phụ lục III, STT 6 của Quyết định số 1702/QĐ-UBND', …: each numbered instrument of the
    point once, with every article the point rests on (each once); and whether one of them is not verified against
    the original (it then carries the mark)."""
    articles: dict[str, dict[str, None]] = {}
    verified: dict[str, bool] = {}
    for basis in (b for f in group if f.area != "schema" for b in f.basis):
        name = _short_name(basis, architecture, lang)
        if name is None:
            continue
        places = articles.setdefault(name, {})
        if basis.article and _ARTICLE.match(basis.article):
            places.update(dict.fromkeys(part.strip() for part in basis.article.split(";") if part.strip()))
        verified[name] = verified.get(name, True) and basis.verified
    out = []
    for name, places in articles.items():
        # "Điều 5" covers "Điều 5 (nguyên tắc …)": an article is cited once, in its general form
        kept = [p for p in places if not any(p.startswith(other + " (") for other in places)]
        text = say("opinion.article_of", lang, article="; ".join(kept), instrument=name) if kept else name
        out.append(text if verified[name] else f"{text} {UNVERIFIED_MARK}")
    return out, not all(verified.values())


def _short_name(basis: Basis, architecture: ArchitectureInfo | None, lang: str) -> str | None:
    """How a request names an instrument: the architecture's decision by its number, other instruments as written;
    None for an instrument without a number (it cannot be cited)."""
    if architecture is not None and architecture.decision in basis.instrument:
        return say("opinion.decision_short", lang, decision=architecture.decision)
    return _formal(basis.instrument, lang) if _NUMBER.search(basis.instrument) else None


# "Nghị định 85/2016/NĐ-CP" is written "Nghị định số 85/2016/NĐ-CP" in an administrative letter.
_KIND_NUMBER = re.compile(r"^(Luật|Nghị quyết|Nghị định|Quyết định|Thông tư|Công văn)\s+(?=\d)")


def _formal(instrument: str, lang: str) -> str:
    return _KIND_NUMBER.sub(r"\1 số ", instrument) if lang == "vi" else instrument


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
    return say("opinion.intro", lang, **words, date=vn(doc.as_of) if doc.as_of else "…", why=as_of_reason(doc, lang),
               architecture_why=architecture_source_text(doc, lang))


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


def _bases(findings: list[Finding], architecture: ArchitectureInfo | None, lang: str,
           escape: Escape) -> list[tuple[str, bool]]:
    """"Căn cứ": the appraising body's authority, the architecture's decision, the national framework of the plan's
    date, then the numbered legal instruments the requests to amend rest on, each once, from the highest legal force
    down (letters, and what recommendations rest on, are cited in their points).

    An opinion cites what it relies on: not every instrument the rule pack knows (the HTML and text reports list
    those), and nothing without a number.
    """
    out: list[tuple[str, bool]] = [(say("opinion.authority", lang), True)]
    seen: set[str] = set()
    if architecture is not None:
        decision = say("opinion.decision", lang, decision=architecture.decision, date=vn(architecture.date),
                       title=architecture.title,
                       issuer=say("opinion.decision_issuer", lang, issuer=architecture.issuer) if architecture.issuer else "")
        out.append((escape.text(decision), True))
        seen.add(_key(architecture.decision))
    if architecture is not None and architecture.national_citation:  # the national framework of the date judged
        out.append((escape.text(architecture.national_citation), True))
        seen.add(_key(architecture.national_citation))
    cited: dict[str, tuple[str, bool]] = {}
    for finding in findings:
        if finding.area == "schema":
            continue  # the plan format is not a legal instrument
        for basis in finding.basis:
            key = _key(basis.instrument)
            if not key or key in seen:
                continue  # without a number it cannot be cited; the decision and framework are cited above
            if not basis.instrument.startswith(_NORMATIVE):
                continue  # a letter (công văn) is no legal basis of a letter; the point that rests on it cites it
            name, verified = cited.get(key, (basis.instrument, False))
            # the fullest form of the instrument (with its date) is the one cited
            cited[key] = (max(name, basis.instrument, key=len), verified or basis.verified)
    out += [(escape.text(_formal(name, lang)), verified)
            for name, verified in sorted(cited.values(), key=lambda item: _rank(item[0]))]
    return out


def _key(instrument: str) -> str:
    """An instrument's number and symbol, upper-cased: the same instrument written two ways is cited once."""
    match = _NUMBER.search(instrument)
    return re.sub(r"\s+", "", match.group(0)).upper() if match else ""


# Căn cứ are listed from the highest legal force down (laws, resolutions, decrees, decisions, circulars, letters).
_HIERARCHY = ("Luật", "Nghị quyết", "Nghị định", "Quyết định", "Thông tư", "TCVN", "Công văn")
# The kinds of legal documents (Luật Ban hành văn bản quy phạm pháp luật) and standards a "Căn cứ" may list.
_NORMATIVE = _HIERARCHY[:-1]


def _rank(instrument: str) -> tuple[int, str]:
    level = next((i for i, kind in enumerate(_HIERARCHY) if instrument.startswith(kind)), len(_HIERARCHY))
    return level, instrument
