"""Rule selection: `--select`/`--extend-select`/`--ignore` and per-path ignores, and what a report says about them.

A selector is a rule id (`SEC-003`), an id prefix (`SEC`, `RENT-00`) or an area (`security`), case-insensitive.
The rules in effect are those `select` matches (every rule when it is not given), plus those `extend-select`
matches, minus those `ignore` matches; `per-path-ignores` turns more rules off for files matching a glob.

A rule turned off is *not evaluated* for the document: its findings and check results are replaced by one
`not_evaluated` check result, the document's verdict is recomputed, and the document lists it in `rules_off`, so
every format says which rules were not judged instead of counting them as passed. The rules that establish that the
file was read as written (YAML-…, SCHEMA-…) cannot be turned off: a plan that was not read correctly is not judged.
"""

from __future__ import annotations

import difflib
import fnmatch
import os
from pathlib import Path

from .errors import Hint, UsageError
from .findings import AREAS, CheckResult, DocumentResult, verdict_of
from .messages import say
from .records import record, replace

INPUT_PREFIXES = ("YAML-", "SCHEMA-")


@record(frozen=True)
class Selection:
    """Which rules are off: for every document, and for documents whose path matches a glob."""

    off: frozenset[str] = frozenset()
    per_path: tuple[tuple[str, frozenset[str]], ...] = ()  # (glob relative to `base`, rule ids)
    base: Path | None = None
    source: str = ""  # how it was chosen, for the reports: "--ignore", a configuration file's name, …

    def off_for(self, file: str) -> tuple[str, ...]:
        ids = set(self.off)
        if self.per_path:
            path = Path(file).resolve()
            base = (self.base or Path.cwd()).resolve()
            relative = os.path.relpath(path, base).replace(os.sep, "/")
            for pattern, rules in self.per_path:
                if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(Path(file).as_posix(), pattern):
                    ids |= rules
        return tuple(sorted(ids))

    def __bool__(self) -> bool:
        return bool(self.off or self.per_path)


def match(selector: str, areas: dict[str, str], option: str) -> set[str]:
    """The rule ids one selector names (`areas`: every rule id → its area); UsageError with "did you mean" when it
    names none. An area without rules in this pack names none, quietly: it is still an area."""
    wanted = selector.strip()
    ids = list(areas)
    if wanted.lower() in AREAS:
        return {i for i, area in areas.items() if area == wanted.lower()}
    upper = wanted.upper()
    if upper.startswith(INPUT_PREFIXES):
        raise UsageError("select.input_rule", option=option, selector=wanted)
    found = {i for i in ids if i == upper or i.startswith(upper)}
    if not found:
        prefixes = sorted({i.split("-")[0] for i in ids})
        close = difflib.get_close_matches(upper, ids + prefixes, n=3) + difflib.get_close_matches(
            wanted.lower(), list(AREAS), n=1)
        raise UsageError("select.unknown", option=option, selector=wanted,
                         hint=Hint(", ".join(close)) if close else "")
    return found


def build(pack, select: list[str] | None, extend_select: list[str] | None, ignore: list[str] | None,
          per_path: dict[str, list[str]] | None, base: Path | None, source: str) -> Selection:
    """The rules turned off by the options, checked against the pack (every selector must name a rule)."""
    areas = {r.rule.id: r.rule.area for r in pack.rules}
    ids = list(areas)

    def named(selectors: list[str] | None, option: str) -> set[str]:
        out: set[str] = set()
        for item in _split(selectors):
            out |= match(item, areas, option)
        return out

    enabled = named(select, "--select") if select else set(ids)
    enabled |= named(extend_select, "--extend-select")
    enabled -= named(ignore, "--ignore")
    paths = tuple((glob, frozenset(named(rules, f"per-path-ignores '{glob}'"))) for glob, rules in (per_path or {}).items())
    return Selection(frozenset(set(ids) - enabled), paths, base, source)


def for_options(pack, select: list[str], extend_select: list[str], ignore: list[str],
                per_path: dict[str, list[str]], config_file: Path | None) -> Selection:
    """The rules a run turns off, and by what: the options typed, or the configuration file that set them (per-path
    globs are relative to that file's folder)."""
    source = str(config_file) if config_file and (ignore or select or per_path) else "--select/--ignore"
    return build(pack, select, extend_select, ignore, per_path, config_file.parent if config_file else None, source)


def _split(selectors: list[str] | None) -> list[str]:
    """`--select SEC,IPV6 --select RENT-001` → each selector (commas as in Ruff's habit)."""
    return [part.strip() for item in selectors or [] for part in item.split(",") if part.strip()]


def apply(documents: list[DocumentResult], selection: Selection, fail_on: str, lang: str) -> list[DocumentResult]:
    """Each document with its turned-off rules marked not evaluated and its verdict recomputed without them."""
    if not selection:
        return documents
    out = []
    for doc in documents:
        off = selection.off_for(doc.file)
        if not off or not doc.rules_evaluated:  # a document whose rules did not run has nothing to turn off
            out.append(doc)
            continue
        gone = set(off)
        findings = tuple(f for f in doc.findings if f.rule_id not in gone)
        reason = say("select.reason", lang, source=selection.source)
        checks = tuple(c for c in doc.checks if c.rule_id not in gone) + tuple(
            CheckResult(rule_id, "not_evaluated", (), reason) for rule_id in off)
        verdict = doc.verdict if doc.verdict == "error" and doc.error is not None else verdict_of(findings, checks, fail_on)
        out.append(replace(doc, findings=findings, checks=checks, verdict=verdict, rules_off=off))
    return out




__all__ = ["Selection", "apply", "build", "for_options", "match"]
