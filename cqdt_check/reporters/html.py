"""The HTML report: one self-contained page an appraiser reads on screen or prints on A4.

Also home of what the HTML report and the written opinion (opinion.py) share: the Jinja environment, which escapes
every .html template and shows plan text only as printable characters, and the words for the date a plan is judged by.
"""

from __future__ import annotations

import functools
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..dates import vn
from ..findings import DocumentResult, Report
from ..messages import say
from .common import (
    architecture_source_text,
    areas_shown,
    cite,
    decision_lines,
    error_place,
    governance,
    marks,
    no_log_commands,
    omitted_note,
    place,
    printable,
    run_notices,
    verdict_totals,
)


def _printable(value: Any) -> Any:
    # Every {{ … }} passes here before escaping: plan text cannot reorder or hide what the reader sees.
    return no_log_commands(printable(value)) if type(value) is str else value


@functools.cache
def environment() -> Environment:
    """The templates of cqdt_check/reporters/templates, loaded once; autoescaping is on for every .html template."""
    env = Environment(loader=PackageLoader("cqdt_check.reporters", "templates"),
                      autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True),
                      finalize=_printable, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["vn"] = vn
    env.filters["place"] = place
    return env


def translator(lang: str):
    """`t(code, **params)` for templates: the catalogue in the report's language."""
    return functools.partial(say, lang=lang)


def as_of_reason(doc: DocumentResult, lang: str) -> str:
    """Why the rules of this date apply: the option, the approval or submission date, or today."""
    return say("as_of." + (doc.as_of_source or "today"), lang)


def render(report: Report, **_: Any) -> str:
    lang = report.lang
    titles = {rule.id: rule.title for rule in report.rules}  # looked up per rule and document: once, not a scan each
    return environment().get_template("report.html").render(
        report=report, lang=lang, t=translator(lang), cite=functools.partial(cite, lang=lang),
        decision_lines=functools.partial(decision_lines, lang=lang), marks=functools.partial(marks, lang=lang),
        notices=run_notices(report), omitted_note=functools.partial(omitted_note, lang=lang),
        documents=[_document(doc, report, titles) for doc in report.documents], totals=verdict_totals(report))


def _document(doc: DocumentResult, report: Report, titles: dict[str, str]) -> dict[str, Any]:
    statuses = _statuses(doc)

    def title(rule_id: str) -> str:
        return titles[rule_id] if rule_id in titles else found.get(rule_id, "")

    found: dict[str, str] = {}
    for f in doc.findings:  # a rule the catalogue does not list is named by its findings' title
        found.setdefault(f.rule_id, f.title)
    return {
        "doc": doc,
        "summary": doc.summary(),
        "as_of_reason": as_of_reason(doc, report.lang),
        "architecture_source": architecture_source_text(doc, report.lang),
        "governance": governance(report, doc, report.lang),
        "error_place": error_place(doc),
        "areas": areas_shown(doc.findings),
        "other_architecture": doc.architecture is not None and doc.architecture != report.architecture,
        # a rule that also failed somewhere is among the findings, not here
        "passed": [(rule_id, title(rule_id)) for rule_id, (found, _) in statuses.items()
                   if "pass" in found and found <= {"pass", "not_applicable"}],
        "not_applicable": [(rule_id, title(rule_id), "; ".join(reasons))
                           for rule_id, (found, reasons) in statuses.items() if found == {"not_applicable"}],
    }


def _statuses(doc: DocumentResult) -> dict[str, tuple[set[str], dict[str, None]]]:
    """Each rule's statuses over every target it was checked on, and its distinct reasons, in the order rules ran."""
    out: dict[str, tuple[set[str], dict[str, None]]] = {}
    for check in doc.checks:
        found, reasons = out.setdefault(check.rule_id, (set(), {}))
        found.add(check.status)
        if check.reason:
            reasons[check.reason] = None
    return out

