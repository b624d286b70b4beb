"""Rule documentation: `cqdt-check explain RULE_ID` and docs/rules.md, both from the rule pack itself."""

from __future__ import annotations

import shutil
import textwrap

from .dates import vn
from .findings import AREAS
from .legal import LegalTime, Window, window_text
from .messages import say
from .rulepack import LoadedRule, RulePack
from .shapes import Model

_LABELS = {
    "vi": {"area": "Lĩnh vực", "severity": "Mức độ", "target": "Đối tượng", "window": "Hiệu lực", "why": "Vì sao",
           "basis": "Căn cứ pháp lý", "applies": "Áp dụng khi", "check": "Hàm kiểm tra", "fix": "Cách khắc phục",
           "example_fail": "Ví dụ vi phạm", "example_pass": "Ví dụ đạt", "unverified": "chưa đối chiếu văn bản gốc",
           "verified": "đã đối chiếu", "always": "mọi kế hoạch", "requires": "Cần thành phần kiến trúc",
           "always_in_force": "từ ngày Kiến trúc có hiệu lực, không thời hạn"},
    "en": {"area": "Area", "severity": "Severity", "target": "Target", "window": "In force", "why": "Why",
           "basis": "Legal basis", "applies": "Applies when", "check": "Check", "fix": "How to fix",
           "example_fail": "Failing example", "example_pass": "Passing example", "unverified": "not verified against the original",
           "verified": "verified", "always": "every plan", "requires": "Needs architecture elements",
           "always_in_force": "from the architecture's effective date, no end"},
}


def basis_line(b, lang: str) -> str:
    label = _LABELS[lang]
    if b.instrument == "@architecture":  # resolved at run time to the decision of the architecture in use
        principle = b.article or ""
        if lang == "vi":
            return (f"Quyết định phê duyệt Kiến trúc đang áp dụng (mặc định QĐ 1702/QĐ-UBND ngày 31/12/2024), "
                    f"{'nguyên tắc ' + principle if principle.islower() else principle} — {label['verified']}")
        return (f"The decision approving the architecture in use (default QĐ 1702/QĐ-UBND of 31/12/2024), "
                f"{'principle ' + principle if principle.islower() else principle} — {label['verified']}")
    window = []
    if b.valid_from:
        window.append(("từ " if lang == "vi" else "from ") + vn(b.valid_from))
    if b.valid_to:
        window.append(("đến " if lang == "vi" else "to ") + vn(b.valid_to))
    text = b.instrument + (f", {b.article}" if b.article else "")
    text += f" ({', '.join(window)})" if window else ""
    text += f" — {label['verified'] if b.verified else label['unverified']}; {b.source}"
    return text


def _wrapped(text: str, first: str, rest: str | None = None) -> list[str]:
    """A paragraph wrapped to the terminal's width (80 when piped); links and ids are never broken."""

    width = max(60, shutil.get_terminal_size().columns)
    lines: list[str] = []
    for paragraph in text.strip().split("\n"):
        lines += textwrap.wrap(paragraph, width, initial_indent=first, subsequent_indent=rest if rest is not None else first,
                               break_long_words=False, break_on_hyphens=False) or [first.rstrip()]
        first = rest if rest is not None else first
    return lines


def render_input_rule(info, lang: str) -> str:
    """An input rule (YAML-00x, SCHEMA-00x): built into the loader and the schema, not part of the rule pack."""
    label = _LABELS[lang]
    out = [f"{info.id} — {info.title}", "",
           f"{label['area']}: {say('area.schema', lang)} (schema)    {label['severity']}: {info.severity}", "",
           f"{label['why']}:", f"  {info.rationale}", "", f"{label['basis']}:"]
    out += [f"  - {b.instrument}" + (f", {b.article}" if b.article else "") for b in info.basis]
    out += ["", f"{label['fix']}:", f"  {info.remediation}", ""]
    return "\n".join(out)


def render_rule(loaded: LoadedRule, lang: str, window: Window) -> str:
    """One rule, for `cqdt-check explain`; `window` is when it is in force with the architecture asked about."""
    r = loaded.rule
    label = _LABELS[lang]
    out = [f"{r.id} ({r.name}) — {r.title.get(lang)}", ""]
    out.append(f"{label['area']}: {say('area.' + r.area, lang)} ({r.area})    {label['severity']}: {r.severity}    "
               f"{label['target']}: {r.target}")
    out.append(f"{label['window']}: {window_text(window, lang) if any(window) else label['always_in_force']}")
    out += ["", f"{label['why']}:", *_wrapped(r.rationale.get(lang), "  "), "", f"{label['basis']}:"]
    out += [line for b in r.basis for line in _wrapped(basis_line(b, lang), "  - ", "    ")]
    out += ["", f"{label['applies']}: {applies_text(r, lang)}"]
    if r.requires:
        out.append(f"{label['requires']}: {', '.join(r.requires)}")
    out.append(f"{label['check']}: {r.check}" + (f" ({options_text(r.options)})" if r.options else ""))
    out += ["", f"{label['fix']}:", *_wrapped(r.remediation.get(lang), "  ")]
    if r.example:
        for key, snippet in ((label["example_fail"], r.example.fail), (label["example_pass"], r.example.pass_)):
            out += ["", f"{key}:"] + ["    " + line for line in snippet.rstrip().splitlines()]
    return "\n".join(out) + "\n"


def options_text(options: dict) -> str:
    """A check's options in a line: short values as written, long lists and tables by their size (the full data is
    in the rule file, for reviewers); never a printed Python structure."""
    parts = []
    for key, value in options.items():
        if isinstance(value, (str, int, float, bool)):
            parts.append(f"{key} = {_cond(value)}")
        elif isinstance(value, list) and len(value) <= 4 and all(isinstance(v, (str, int, float)) for v in value):
            parts.append(f"{key} = {', '.join(str(v) for v in value)}")
        elif isinstance(value, (list, dict)):
            parts.append(f"{key}: {len(value)} …")
    return "; ".join(parts)


def applies_text(rule, lang: str) -> str:
    w = rule.applies_when
    parts = []
    if w.kind:
        parts.append("kind ∈ {" + ", ".join(w.kind) + "}")
    parts += [f"{k} = {_cond(v)}" for k, v in w.plan.items()]
    parts += [f"{rule.target}.{k} = {_cond(v)}" for k, v in w.target.items()]
    if w.target_any:
        parts.append(" | ".join(" & ".join(f"{rule.target}.{k} = {_cond(v)}" for k, v in alt.items()) for alt in w.target_any))
    return "; ".join(parts) if parts else _LABELS[lang]["always"]


def _cond(value) -> str:
    if isinstance(value, Model):
        return " ".join(f"{op} {getattr(value, op):g}" for op in ("gte", "gt", "lte") if getattr(value, op) is not None)
    if isinstance(value, list):
        return "{" + ", ".join(_cond(v) for v in value) + "}"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def rules_markdown(pack: RulePack, legal: LegalTime) -> str:
    """docs/rules.md: every rule with its area, severity, title and dated, verified basis (windows as judged with
    the default architecture)."""
    lines = [
        "# Gói quy tắc / Rule pack",
        "",
        "Tệp này được sinh từ `rules/` bằng `python -m cqdt_check.explain > docs/rules.md`; đừng sửa tay.",
        "Generated from `rules/`; a test fails when it is stale. Chi tiết từng quy tắc: `cqdt-check explain ID`.",
        "",
        f"{len(pack.rules)} quy tắc / rules.",
    ]
    for area in AREAS:
        rows = [r.rule for r in pack.rules if r.rule.area == area]
        if not rows:
            continue
        lines += ["", f"## {say('area.' + area, 'vi')} / {say('area.' + area, 'en')} (`{area}`)", "",
                  "| ID | Mức độ | Tiêu đề / Title | Hiệu lực | Căn cứ (✔ đã đối chiếu, ✱ chưa) |", "|---|---|---|---|---|"]
        for r in rows:
            basis = "<br>".join(("✔ " if b.verified else "✱ ") + basis_line(b, "vi").split(" — ")[0] for b in r.basis)
            title = f"{r.title.vi}<br>*{r.title.en}*"
            window = window_text(legal.windows[r.id], "vi")
            lines.append(f"| `{r.id}` | {r.severity} | {title} | {window} | {basis} |".replace("\n", " "))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import sys

    from .packs import ArchitectureResolver, load_pack

    pack = load_pack([])
    sys.stdout.write(rules_markdown(pack, LegalTime(pack, ArchitectureResolver(None)(None))))
