"""The layers a plan is judged against, and `cqdt-check architecture`: the ids a plan may use, where each comes from.

`judged_layers` is the one place that says which layers apply: the national layer (national platforms, systems and
databases, defined once and usable in any province, under the national framework in force today) and the
provincial architecture; the listing and `init`'s id checks both follow it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import shutil
import textwrap

from .dates import vn
from .errors import UsageError
from .messages import say
from .outputs import write_quietly
from .packs import ArchitectureResolver
from .records import asdict, record
from .resources import bundled_architectures


@record(frozen=True)
class Entry:
    """An id a plan may use: a component of the overview diagram, a platform/system/database/network, or a task."""

    id: str
    group: str  # component | an element kind | roadmap_task
    name: dict[str, str | None]  # {"vi": …, "en": …}
    abbreviation: str | None
    component: str | None
    source: str


@record(frozen=True)
class Layer:
    layer: str  # national | provincial
    id: str
    title: dict[str, str | None]
    decision: dict[str, str]  # {"number": …, "date": YYYY-MM-DD} of the decision approving the layer
    entries: tuple[Entry, ...]


GROUPS = ("component", "provincial_platform", "provincial_system", "provincial_infrastructure", "network",
          "national_platform", "national_system", "national_database", "roadmap_task")


def _text(local) -> dict[str, str | None]:
    return {"vi": local.vi, "en": local.en}


def provincial_layer(architecture) -> Layer:
    national = {e.id for e in architecture.national.elements} if architecture.national else set()
    entries = [Entry(c.id, "component", _text(c.name), None, None, c.source) for c in architecture.components]
    entries += [Entry(e.id, e.kind, _text(e.name), e.abbreviation, e.component, e.source) for e in architecture.elements
                if e.id not in national]
    entries += [Entry(str(t.number), "roadmap_task", _text(t.title), None, None, t.source) for t in architecture.roadmap]
    decision = {"number": architecture.decision.number, "date": architecture.decision.date.isoformat()}
    return Layer("provincial", architecture.id, _text(architecture.title), decision, tuple(entries))


def national_layer(architecture, day: dt.date | None = None) -> Layer | None:
    """The national ids a plan may use under any province, with the national framework in force on `day` (today)."""
    national = architecture.national
    if national is None:
        return None
    framework = national.framework_on(day or dt.date.today())
    entries = tuple(Entry(e.id, e.kind, _text(e.name), e.abbreviation, e.component, e.source) for e in national.elements)
    if framework is None:
        return Layer("national", national.id, _text(national.title), {"number": "—", "date": ""}, entries)
    first = framework.decisions[0]
    return Layer("national", framework.id, _text(framework.title),
                 {"number": first.number, "date": first.date.isoformat()}, entries)


def judged_layers(architecture) -> list[Layer]:
    """The layers a plan checked against `architecture` is judged against: the national layer (where it wins over
    the province: QĐ 1425/QĐ-TTg Điều 3 khoản 3) and the provincial architecture."""
    national = national_layer(architecture)
    return [layer for layer in (national, provincial_layer(architecture)) if layer is not None]


def load_bundled(ref: str):
    """A bundled architecture by id (already known to exist), loaded and validated as a check loads it."""

    return ArchitectureResolver(None)(ref)


def resolve(ref: str, lang: str):
    """A bundled architecture by id; UsageError with "did you mean" for any other text."""
    if ref not in bundled_architectures():
        close = difflib.get_close_matches(ref, bundled_architectures(), n=1)
        raise UsageError("cli.unknown_architecture_id", ref=ref, known=", ".join(bundled_architectures()),
                         hint=say("schema.hint", lang, suggestion=close[0]) if close else "")
    return load_bundled(ref)


def as_json(layers: list[Layer]) -> str:
    return json.dumps({"format": "cqdt-architecture-ids/1", "layers": [asdict(layer) for layer in layers]},
                      ensure_ascii=False, indent=2) + "\n"


def as_text(layers: list[Layer], lang: str, width: int | None = None) -> str:
    """One block per id — id, name, then where it comes from — grouped, wrapped to the terminal (or `width`)."""


    width = max(40, width or shutil.get_terminal_size().columns)
    out: list[str] = []

    def wrap(text: str, first: str, rest: str) -> None:
        out.extend(textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest,
                                 break_on_hyphens=False, break_long_words=False) or [first])

    for layer in layers:
        title = layer.title.get(lang) or layer.title["vi"]
        decision = say("report.decision_of", lang, decision=layer.decision["number"],
                       date=vn(dt.date.fromisoformat(layer.decision["date"]))) if layer.decision["date"] else ""
        wrap(f"{title} — {decision} ({layer.id})", "", "")
        wrap(say("arch.used_in", lang), "", "")
        # ids up to a third of the width stand beside their name; longer ones on their own line above it
        column = min(max(len(e.id) for e in layer.entries) + 4, max(12, width // 3))
        for group in GROUPS:
            rows = [e for e in layer.entries if e.group == group]
            if not rows:
                continue
            out.append("")
            wrap(f"{say('arch.group.' + group, lang)} ({len(rows)})", "", "")
            for e in rows:
                name = (e.name.get(lang) or e.name["vi"] or "") + (f" ({e.abbreviation})" if e.abbreviation else "")
                if e.component:
                    name += " · " + say("arch.part_of", lang, component=e.component)
                pad = " " * column
                if len(e.id) + 3 <= column:
                    wrap(name, f"  {e.id}".ljust(column), pad)
                else:
                    out.append(f"  {e.id}")
                    wrap(name, pad, pad)
                wrap(e.source, pad + "↳ ", pad + "  ")
        out.append("")
    return "\n".join(out)


def list_architecture(ref: str, output_format: str, lang: str) -> int:
    """`cqdt-check architecture [ID]`: print the listing; a closed pipe (`| head`) ends quietly."""
    if output_format not in ("text", "json"):
        raise UsageError("cli.unknown_format", name=output_format, known="text, json", hint="")
    architecture = resolve(ref, lang)
    layers = judged_layers(architecture)
    text = as_json(layers) if output_format == "json" else as_text(layers, lang)

    write_quietly(text)
    return 0


__all__ = ["Entry", "Layer", "as_json", "as_text", "judged_layers", "list_architecture", "resolve"]

