"""The layers a plan is judged against, and `cqdt-check architecture`: the ids a plan may use, where each comes from.

`judged_layers` is the one place that says which layers apply: today the provincial architecture alone (it also
holds the national platforms its decision names); a national-framework layer is added here when it exists, and
both the listing and `init`'s id checks follow.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import shutil
import textwrap
from dataclasses import asdict, dataclass

from .dates import vn
from .errors import UsageError
from .messages import say
from .outputs import write_quietly
from .packs import ArchitectureResolver
from .resources import bundled_architectures


@dataclass(frozen=True)
class Entry:
    """An id a plan may use: a component of the overview diagram, a platform/system/database/network, or a task."""

    id: str
    group: str  # component | an element kind | roadmap_task
    name: dict[str, str | None]  # {"vi": …, "en": …}
    abbreviation: str | None
    component: str | None
    source: str


@dataclass(frozen=True)
class Layer:
    layer: str  # provincial (later: national)
    id: str
    title: dict[str, str | None]
    decision: dict[str, str]  # {"number": …, "date": YYYY-MM-DD} of the decision approving the layer
    entries: tuple[Entry, ...]


GROUPS = ("component", "provincial_platform", "provincial_system", "provincial_infrastructure", "network",
          "national_platform", "national_system", "national_database", "roadmap_task")


def _text(local) -> dict[str, str | None]:
    return {"vi": local.vi, "en": local.en}


def provincial_layer(architecture) -> Layer:
    entries = [Entry(c.id, "component", _text(c.name), None, None, c.source) for c in architecture.components]
    entries += [Entry(e.id, e.kind, _text(e.name), e.abbreviation, e.component, e.source) for e in architecture.elements]
    entries += [Entry(str(t.number), "roadmap_task", _text(t.title), None, None, t.source) for t in architecture.roadmap]
    decision = {"number": architecture.decision.number, "date": architecture.decision.date.isoformat()}
    return Layer("provincial", architecture.id, _text(architecture.title), decision, tuple(entries))


def judged_layers(architecture) -> list[Layer]:
    """The layers a plan checked against `architecture` is judged against, most general last."""
    return [provincial_layer(architecture)]


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
                       date=vn(dt.date.fromisoformat(layer.decision["date"])))
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

