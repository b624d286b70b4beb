"""`cqdt-check compare OLD NEW`: two revisions of a plan — findings resolved, new and still open, and what changed.

Findings are matched by their stable identity (rule, YAML path, occurrence: fingerprint.py), never by line, so a
resubmitted plan with lines moved still matches. OLD is a plan file or a previous JSON report of one plan; the
appraiser's decisions apply to both sides. The plan's own changes are the differences of its data (comments,
layout and key order are not changes). Exit 1 when NEW has open or new findings at --fail-on.

The plans are judged as `cqdt-check` judges them: the same options (architecture, rule packs, date, --fail-on,
decisions, --select/--ignore) and the same configuration file with the same governance (config.py: a file found in
the checked folder cannot choose what the plan is judged against). A rule turned off is judged on neither side: its
old findings are neither resolved nor open, and every format names the rules off and the configuration file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import __version__
from .appraisal import load_appraisal
from .dates import parse_day
from .decisions import apply_decisions
from .engine import Settings, check_file
from .errors import ConfigError, OsReason, UsageError
from .findings import DocumentResult, Finding, Location, fails_run, format_path
from .fingerprint import document_fingerprints, identities
from .loader import Limits, LoadError, load_file
from .messages import say
from .packs import ArchitectureResolver, load_pack
from .records import record
from .reporters.common import marks, printable
from .reporters.html import environment, translator
from .reporters.json_report import finding_dict
from .reporters.markdown import text as markdown_text
from .reporters.text import clean
from .resources import schema
from .selection import apply as apply_selection
from .selection import for_options


@record(frozen=True)
class Change:
    path: str
    old: Any
    new: Any


@record(frozen=True)
class Judged:
    """What one side was judged with: the date whose rules applied and the architecture, each with its source (None
    where an old JSON report does not say)."""

    as_of: str | None = None  # YYYY-MM-DD
    as_of_source: str | None = None  # option | approved | submitted | today
    architecture: str | None = None  # id
    architecture_source: str | None = None  # option | plan | default

    @classmethod
    def of(cls, doc: DocumentResult) -> Judged:
        return cls(doc.as_of.isoformat() if doc.as_of else None, doc.as_of_source,
                   doc.architecture.id if doc.architecture else None, doc.architecture_source)

    @classmethod
    def of_report(cls, document: dict[str, Any]) -> Judged:
        architecture = document.get("architecture")
        return cls(document.get("as_of"), document.get("as_of_source"),
                   architecture.get("id") if isinstance(architecture, dict) else None,
                   document.get("architecture_source"))


UNSAID = Judged()  # an old report that says nothing of how it was judged


@record(frozen=True)
class Comparison:
    old_file: str
    new_file: str
    resolved: list[dict[str, Any]]  # findings as in the JSON report (OLD's)
    new: list[Finding]
    open: list[Finding]
    new_doc: DocumentResult
    changes: list[Change] | None  # None: OLD is a report, so the plans' data cannot be compared
    lang: str
    fail_on: str
    config_file: str | None = None  # the configuration file in effect (named in every format)
    config_named: bool = False
    old_judged: Judged = Judged()
    new_judged: Judged = Judged()

    def dates_differ(self) -> bool:
        """The two sides were judged under the rules of different dates: a finding may be new because the law
        changed between them, not the plan."""
        old, new = self.old_judged.as_of, self.new_judged.as_of
        return old is not None and new is not None and old != new

    def exit_code(self) -> int:
        return 1 if any(fails_run(f, self.fail_on) for f in (*self.new, *self.open)) else 0


def changes(old: Any, new: Any, path: tuple = ()) -> list[Change]:
    """Every value that differs between two plans' data: mappings by key, lists of mappings by position, anything
    else (a text, a number, a list of ids) as a whole; an added or removed key is a change from or to nothing."""

    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for key in [*old, *(k for k in new if k not in old)]:
            if key in old and key in new:
                out += changes(old[key], new[key], (*path, key))
            elif old.get(key) is not None or new.get(key) is not None:  # `approved: null` is no date written
                out.append(Change(format_path((*path, key)), old.get(key), new.get(key)))
        return out
    if isinstance(old, list) and isinstance(new, list) and any(isinstance(v, (dict, list)) for v in (*old, *new)):
        out = []
        for i in range(max(len(old), len(new))):
            if i < len(old) and i < len(new):
                out += changes(old[i], new[i], (*path, i))
            else:
                out.append(Change(format_path((*path, i)), old[i] if i < len(old) else None, new[i] if i < len(new) else None))
        return out
    return [] if old == new else [Change(format_path(path), old, new)]


def _old_from_report(path: Path, lang: str) -> tuple[list[dict[str, Any]], str, Judged]:
    """The findings of the one document of a JSON report and what it was judged with (ValueError when it is not
    one)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    documents = data["documents"]
    if len(documents) != 1:
        raise ValueError(say("compare.one_document", lang, count=len(documents)))
    return list(documents[0]["findings"]), documents[0]["file"], Judged.of_report(documents[0])


def _numbered(findings: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    seen: dict[tuple[str, str], int] = {}
    out = []
    for f in findings:
        key = (f["rule_id"], f["path"])
        seen[key] = seen.get(key, 0) + 1
        out.append((f["rule_id"], f["path"], seen[key]))
    return out


def compare_documents(old_findings: list[dict[str, Any]], old_file: str, new_doc: DocumentResult,
                      plan_changes: list[Change] | None, lang: str, fail_on: str, config_file: str | None = None,
                      config_named: bool = False, old_judged: Judged = UNSAID) -> Comparison:
    off = set(new_doc.rules_off)  # not judged now: an old finding of such a rule is not "resolved"
    old_findings = [f for f in old_findings if f["rule_id"] not in off]
    old_ids = _numbered(old_findings)
    new_ids = identities(new_doc.findings)
    resolved = [f for f, key in zip(old_findings, old_ids, strict=False) if key not in set(new_ids)]
    new = [f for f, key in zip(new_doc.findings, new_ids, strict=False) if key not in set(old_ids)]
    still = [f for f, key in zip(new_doc.findings, new_ids, strict=False) if key in set(old_ids)]
    return Comparison(old_file, new_doc.file, resolved, new, still, new_doc, plan_changes, lang, fail_on, config_file,
                      config_named, old_judged, Judged.of(new_doc))


def run_compare(old: Path, new: Path, options, fmt: str) -> int:
    """Check both sides as `cqdt-check` would (same rule pack, architecture, date, decisions and rule selection),
    compare, render."""

    lang = options.lang
    as_of = parse_day(options.as_of)
    pack = load_pack(options.rules, options.bundled_rules)
    selection = for_options(pack, options.select, options.extend_select, options.ignore, options.per_path_ignores,
                            options.config_file)
    appraisal = load_appraisal(options.decisions, None, pack, lang, as_of)
    settings = Settings(pack=pack, architectures=ArchitectureResolver(options.architecture), as_of=as_of,
                        lang=lang, fail_on=options.fail_on,
                        limits=Limits(options.max_bytes, options.max_nodes, options.max_depth))

    def checked(path: Path) -> DocumentResult:
        doc = check_file(path, str(path), settings, schema("plan.schema.json"))
        if doc.verdict == "error" and doc.error:
            loc = doc.error_location
            raise ConfigError(loc or Location(doc.file), "cli.as_said", text=doc.error)
        # as `check` does: decisions matched first, then the rules turned off are taken out
        judged = apply_decisions([doc], appraisal.decisions, options.fail_on, appraisal.day)[0]
        return apply_selection(judged, selection, options.fail_on, lang)[0]

    new_doc = checked(new)
    plan_changes: list[Change] | None = None
    if old.suffix.lower() == ".json":
        try:
            old_findings, old_file, old_judged = _old_from_report(old, lang)
        except OSError as exc:
            raise ConfigError(Location(str(old)), "os_error", reason=OsReason(exc)) from None
        except (ValueError, KeyError, TypeError) as exc:
            raise UsageError("cli.as_said", text=say("baseline.unreadable", lang, file=old, reason=str(exc))
                             .replace("--baseline ", "")) from None
    else:
        old_doc = checked(old)
        old_findings = [finding_dict(f, p) for f, p in zip(old_doc.findings, document_fingerprints(old_doc), strict=False)]
        old_file = old_doc.file
        old_judged = Judged.of(old_doc)
        try:
            plan_changes = changes(load_file(old).data, load_file(new).data)
        except LoadError:  # both files were read a moment ago; a file removed meanwhile has no changes to show
            plan_changes = []
    comparison = compare_documents(old_findings, old_file, new_doc, plan_changes, lang, options.fail_on,
                                   str(options.config_file) if options.config_file else None, options.config_named,
                                   old_judged)
    text = RENDER[fmt](comparison)
    if options.output is not None:
        from .outputs import write_report

        write_report(options.output, text, "compare")
    else:
        import sys

        sys.stdout.write(text)
    return comparison.exit_code()


# --- rendering -----------------------------------------------------------------------------------------------------

def _value(value: Any) -> str:
    if value is None:
        return "—"
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


def _lines(c: Comparison) -> list[tuple[str, list[str]]]:
    """(heading, lines) of each section, in the order every human format shows them."""

    def finding(f: Finding) -> str:
        shown = "".join(f" ({m})" for m in marks(f, c.lang))
        return f"{say('severity.' + f.severity, c.lang)} {f.rule_id} {f.path_text or '—'}{shown}: {f.message}"

    resolved = [f"{say('severity.' + f['severity'], c.lang)} {f['rule_id']} {f['path'] or '—'}: {f['message']}"
                for f in c.resolved]
    sections = [(say("compare.resolved", c.lang, count=len(c.resolved)), resolved),
                (say("compare.new", c.lang, count=len(c.new)), [finding(f) for f in c.new]),
                (say("compare.open", c.lang, count=len(c.open)), [finding(f) for f in c.open])]
    if c.changes is None:
        sections.append((say("compare.changes", c.lang, count="—"), [say("compare.no_plan_data", c.lang)]))
    else:
        sections.append((say("compare.changes", c.lang, count=len(c.changes)),
                         [f"{ch.path}: {_value(ch.old)} → {_value(ch.new)}" for ch in c.changes]))
    return sections


def _judged_text(judged: Judged, lang: str) -> str:
    """"ngày áp dụng quy định 10/11/2025 (ngày trình); kiến trúc quang-ngai-3.0 (mặc định, …)"."""
    import datetime as dt

    from .dates import vn

    unknown = say("compare.not_stated", lang)
    date = vn(dt.date.fromisoformat(judged.as_of)) if judged.as_of else unknown
    return say("compare.judged", lang, date=date,
               date_source=say(f"as_of.{judged.as_of_source}", lang) if judged.as_of_source else unknown,
               architecture=judged.architecture or unknown,
               architecture_source=(say(f"architecture_source.{judged.architecture_source}", lang)
                                    if judged.architecture_source else unknown))


def _facts(c: Comparison) -> list[tuple[str, str]]:
    """(label, value) lines every human format shows under the title: what each side was judged with (and, when
    their dates differ, that a new finding may come from the law), the configuration and the rules turned off."""
    import datetime as dt

    from .dates import vn

    out = [(say("compare.old_side", c.lang), _judged_text(c.old_judged, c.lang)),
           (say("compare.new_side", c.lang), _judged_text(c.new_judged, c.lang))]
    if c.dates_differ():
        out.append((say("compare.note", c.lang), say(
            "compare.dates_differ", c.lang, old=vn(dt.date.fromisoformat(c.old_judged.as_of or "")),
            new=vn(dt.date.fromisoformat(c.new_judged.as_of or "")))))
    if c.config_file:
        how = say("report.config_named" if c.config_named else "report.config_searched", c.lang)
        out.append((say("report.config", c.lang), say("report.config_how", c.lang, file=c.config_file, how=how)))
    if c.new_doc.rules_off:
        out.append((say("report.rules_off", c.lang), say("report.rules_off_note", c.lang, count=len(c.new_doc.rules_off),
                                                          rules=", ".join(c.new_doc.rules_off))))
    return out


def _conclusion(c: Comparison) -> str:
    return say("compare.fails" if c.exit_code() else "compare.passes", c.lang, fail_on=c.fail_on)


def render_text(c: Comparison) -> str:
    out = [printable(say("compare.title", c.lang, old=c.old_file, new=c.new_file))]
    out += [f"{label}: {clean(value)}" for label, value in _facts(c)]
    out.append("")
    for heading, lines in _lines(c):
        out += [heading, *(f"  - {clean(line)}" for line in lines or [say("compare.none", c.lang)]), ""]
    out.append(_conclusion(c))
    return "\n".join(out) + "\n"


def render_markdown(c: Comparison) -> str:
    out = [f"# {markdown_text(say('compare.title', c.lang, old=c.old_file, new=c.new_file))}", ""]
    if _facts(c):
        out += [*(f"- **{markdown_text(label)}:** {markdown_text(value)}" for label, value in _facts(c)), ""]
    for heading, lines in _lines(c):
        out += [f"## {markdown_text(heading)}", "", *(f"- {markdown_text(line, starts_block=True)}" for line in lines or [say("compare.none", c.lang)]), ""]
    out.append(f"**{markdown_text(_conclusion(c))}**")
    return "\n".join(out) + "\n"


def render_html(c: Comparison) -> str:
    """A self-contained page in the HTML report's look (its environment and stylesheet): each finding with its
    severity, rule, place and message; the plan's changes as a table."""

    def row(f: Finding) -> dict[str, Any]:
        return {"severity": f.severity, "rule_id": f.rule_id, "path": f.path_text, "message": f.message,
                "marks": marks(f, c.lang)}

    resolved = [{"severity": f["severity"], "rule_id": f["rule_id"], "path": f["path"], "message": f["message"],
                 "marks": []} for f in c.resolved]
    sections = [("resolved", say("compare.resolved", c.lang, count=len(c.resolved)), resolved),
                ("new", say("compare.new", c.lang, count=len(c.new)), [row(f) for f in c.new]),
                ("open", say("compare.open", c.lang, count=len(c.open)), [row(f) for f in c.open])]
    changes = None if c.changes is None else [(ch.path, _value(ch.old), _value(ch.new)) for ch in c.changes]
    return environment().get_template("compare.html").render(
        lang=c.lang, t=translator(c.lang), version=__version__,
        title=say("compare.title", c.lang, old=c.old_file, new=c.new_file), facts=_facts(c), sections=sections,
        changes=changes, changes_title=say("compare.changes", c.lang, count=len(c.changes) if c.changes is not None else "—"),
        conclusion=_conclusion(c), failed=bool(c.exit_code()))


def as_dict(c: Comparison) -> dict[str, Any]:
    prints = dict(zip(map(id, c.new_doc.findings), document_fingerprints(c.new_doc), strict=False))
    return {
        "tool": {"name": "cqdt-check"},
        "old_file": c.old_file,
        "new_file": c.new_file,
        "fail_on": c.fail_on,
        "exit_code": c.exit_code(),
        "config_file": c.config_file,
        "judged": {"old": _judged_dict(c.old_judged), "new": _judged_dict(c.new_judged)},
        "dates_differ": c.dates_differ(),
        "rules_off": list(c.new_doc.rules_off),
        "resolved": c.resolved,
        "new": [finding_dict(f, prints[id(f)]) for f in c.new],
        "open": [finding_dict(f, prints[id(f)]) for f in c.open],
        "changes": None if c.changes is None else [{"path": ch.path, "old": ch.old, "new": ch.new} for ch in c.changes],
    }


def _judged_dict(judged: Judged) -> dict[str, Any]:
    return {"as_of": judged.as_of, "as_of_source": judged.as_of_source, "architecture": judged.architecture,
            "architecture_source": judged.architecture_source}


def render_json(c: Comparison) -> str:
    return json.dumps(as_dict(c), ensure_ascii=False, indent=2) + "\n"


RENDER: dict[str, Callable[[Comparison], str]] = {
    "text": render_text, "markdown": render_markdown, "html": render_html, "json": render_json}
