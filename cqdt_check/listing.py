"""The `rules` and `explain` subcommands: the rule pack as a table, or one rule, in force as the engine sees it."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path

from .dates import parse_day
from .errors import UsageError
from .explain import render_rule
from .findings import AREAS
from .legal import LegalTime, window_text
from .messages import say
from .outputs import write_quietly
from .packs import ArchitectureResolver, load_pack


def list_rules(area: str | None, extra: list[Path], as_of: str | None, lang: str, architecture: str | None = None,
               fmt: str = "text") -> int:
    """`cqdt-check rules [--area A] [--as-of D] [--architecture ID] [--format json]`: with --as-of, exactly the rules
    a check on D evaluates (windows resolved with the architecture, as the engine resolves them)."""
    pack = load_pack(extra)
    if area is not None and area not in AREAS:
        raise UsageError("cli.unknown_area", area=area, known=", ".join(AREAS[:-1]))
    if fmt not in ("text", "json"):
        raise UsageError("cli.unknown_format", name=fmt, known="text, json", hint="")
    day = parse_day(as_of)
    arch = ArchitectureResolver(architecture)(None)
    legal = LegalTime(pack, arch)
    selected = [r for r in pack.rules if (area is None or r.rule.area == area)
                and (day is None or legal.evaluated_on(r.rule.id, day))]

    if fmt == "json":
        write_quietly(_rules_json(selected, legal, lang, arch.id, day))
        return 0

    # imported here: a slow import that only this path needs
    from rich.console import Console
    from rich.table import Table

    # as wide as the terminal (COLUMNS, else 80 when piped), never narrower than a readable table
    buffer = io.StringIO()
    console = Console(file=buffer, highlight=False, markup=False, width=max(60, shutil.get_terminal_size().columns))
    count = 0
    for current in AREAS:
        rows = [r for r in selected if r.rule.area == current]
        if not rows:
            continue
        table = Table(title=f"{say('area.' + current, lang)} ({current})", title_justify="left", expand=True)
        for column in ("rules.id", "rules.name", "rules.severity", "rules.title", "rules.in_force"):
            table.add_column(say(column, lang), overflow="fold")
        for loaded in rows:
            r = loaded.rule
            table.add_row(r.id, r.name, say("severity." + r.severity, lang), r.title.get(lang),
                          window_text(legal.windows[r.id], lang))
            count += 1
        console.print(table)
    console.print(say("rules.count", lang, count=count))
    write_quietly("\n".join(line.rstrip() for line in buffer.getvalue().split("\n")))
    return 0


def _rules_json(selected, legal: LegalTime, lang: str, architecture: str, day: dt.date | None) -> str:
    def iso(value: dt.date | None) -> str | None:
        return value.isoformat() if value else None

    rules = [{
        "id": r.id, "name": r.name, "area": r.area, "severity": r.severity, "target": r.target, "check": r.check,
        "title": r.title.get(lang), "rationale": r.rationale.get(lang), "remediation": r.remediation.get(lang),
        "in_force": {"from": iso(legal.windows[r.id][0]), "to": iso(legal.windows[r.id][1])},
        "kinds": list(r.applies_when.kind or []),
        "basis": [{"instrument": b.instrument, "article": b.article, "valid_from": iso(b.valid_from),
                   "valid_to": iso(b.valid_to), "verified": b.verified, "source": b.source} for b in legal.bases[r.id]],
    } for r in (loaded.rule for loaded in selected)]
    document = {"architecture": architecture, "as_of": iso(day), "lang": lang, "count": len(rules), "rules": rules}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def explain_rule(rule_id: str, extra: list[Path], lang: str, architecture: str | None = None) -> int:
    """`cqdt-check explain ID`: what, why, basis, when in force, how to fix, example; input rules too."""

    pack = load_pack(extra)
    loaded = pack.get(rule_id.upper())
    if loaded is None:
        from .engine import rule_catalogue

        info = next((r for r in rule_catalogue(pack, None, lang) if r.id == rule_id.upper() and r.area == "schema"), None)
        if info is not None:
            from .explain import render_input_rule

            write_quietly(render_input_rule(info, lang))
            return 0
        import difflib

        close = difflib.get_close_matches(rule_id.upper(), [r.rule.id for r in pack.rules], n=3)
        raise UsageError("cli.unknown_rule", rule=rule_id, hint=say("schema.hint", lang, suggestion=", ".join(close)) if close else "")
    legal = LegalTime(pack, ArchitectureResolver(architecture)(None))

    write_quietly(render_rule(loaded, lang, legal.windows[loaded.rule.id]))
    return 0


__all__ = ["list_rules", "explain_rule"]
