"""Building and running a check from the command line's options: files, rule pack, architectures, report."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import __version__
from .findings import Location, Report
from .loader import Limits, LoadError, load_file
from .messages import say
from .reporters import MACHINE_FORMATS, Format, reporter
from .reporters.common import printable
from .resources import bundled_architectures, data_dir, schema
from .rulepack import ConfigError, RulePack, load_rule_pack, pack_files

PLAN_SUFFIXES = {".yaml", ".yml"}


@dataclass
class RunOptions:
    plans: list[Path]
    formats: list[str] = field(default_factory=list)  # FORMAT or FORMAT:FILE, as typed
    output: Path | None = None
    progress: bool | None = None  # None: when stderr is a terminal and the batch is large
    architecture: str | None = None
    rules: list[Path] = field(default_factory=list)
    bundled_rules: bool = True
    as_of: str | None = None
    fail_on: str = "error"
    lang: str = "vi"
    max_bytes: int = Limits.max_bytes
    max_nodes: int = Limits.max_nodes
    max_depth: int = Limits.max_depth
    jobs: int | None = None


def load_pack(extra: list[Path], bundled: bool, fail: Callable[[str], None], lang: str = "vi") -> RulePack:
    dirs = ([data_dir("rules")] if bundled else []) + list(extra)
    if not dirs:
        fail(say("cli.no_rule_pack", lang))
    from .cache import cached

    try:
        sources = [source for d in dirs for source in (d, *pack_files(d))]
        return cached("rules", sources, lambda: load_rule_pack(dirs))
    except ConfigError as exc:
        given = next((d for d in extra if Path(exc.location.file).is_relative_to(d)), None)
        fail(f"--rules {given}: {exc}" if given is not None else str(exc))
    raise AssertionError("unreachable")


class ArchitectureResolver:
    """Loads architectures by id or file, once each; `--architecture` overrides the plan's choice."""

    def __init__(self, override: str | None, lang: str = "vi") -> None:
        self.override = override
        self.lang = lang
        self.cache: dict[Path, object] = {}

    def __call__(self, ref: str | None):
        from .architecture import DEFAULT_ARCHITECTURE, architecture_file

        chosen = self.override or ref or DEFAULT_ARCHITECTURE
        path = architecture_file(chosen, data_dir("architecture"))
        if not path.is_file():
            raise ConfigError(Location(chosen), say("unknown_architecture", self.lang, ref=chosen, known=", ".join(bundled_architectures())))
        key = path.resolve()
        if key not in self.cache:
            from .cache import cached

            self.cache[key] = cached("architecture", [path], lambda: load_architecture(path))
        return self.cache[key]


def load_architecture(path: Path):
    """Load and validate an architecture file; ConfigError names file, line and problem."""
    from pydantic import ValidationError

    from .architecture import Architecture
    from .schema import explain

    try:
        doc = load_file(path)
    except LoadError as exc:
        raise ConfigError(exc.location, say(exc.code, **exc.params)) from None
    if doc.problems:
        p = doc.problems[0]
        raise ConfigError(Location(str(path), p.line, p.column), say(p.code, **p.params))
    if not isinstance(doc.data, dict):
        raise ConfigError(Location(str(path)), say("architecture_not_mapping"))
    try:
        return Architecture.model_validate(doc.data)
    except ValidationError as exc:
        errors = explain(doc.data, schema("architecture.schema.json"))
        if errors:
            e = errors[0]
            from .findings import format_path
            raise ConfigError(Location(str(path), *doc.locate(e.path, key=e.key)),
                              f"kiến trúc không hợp lệ: {format_path(e.path)}: {e.message('vi')}") from None
        err = exc.errors(include_url=False)[0]
        loc = tuple(err["loc"])
        from .findings import format_path
        raise ConfigError(Location(str(path), *doc.locate(loc)),
                          f"kiến trúc không hợp lệ: {format_path(loc) or '(gốc)'}: {err['msg'].removeprefix('Value error, ')}") from None


def same_file(path: Path) -> Path:
    """A path's identity for comparing files: symlinks followed, except in a loop (which the loader refuses later)."""
    return Path(os.path.realpath(path))  # unlike Path.resolve() on Python 3.11, never raises for a symlink loop


def expand(paths: list[Path]) -> list[tuple[Path, str]]:
    """Files as given, and every *.yaml/*.yml under folders (recursive, sorted, symlinked folders not followed)."""
    out: list[tuple[Path, str]] = []
    for given in paths:
        if given.is_dir():
            found: list[Path] = []
            # a folder that cannot be read is reported as a document that could not be checked, never skipped
            unreadable = lambda err: found.append(Path(err.filename))  # noqa: E731
            for root, dirs, files in os.walk(given, onerror=unreadable, followlinks=False):
                dirs.sort()
                found += [Path(root) / f for f in sorted(files) if Path(f).suffix in PLAN_SUFFIXES]
            out += [(p, str(p)) for p in found]
            if not found:
                out.append((given, str(given)))  # reported as "no plans in this folder"
        else:
            out.append((given, str(given)))
    # a file named twice (as given and inside a folder given too) is one document, checked once
    seen: set[Path] = set()
    unique = []
    for path, display in out:
        key = same_file(path)
        if key not in seen:
            seen.add(key)
            unique.append((path, display))
    return unique


@dataclass(frozen=True)
class Output:
    """One report of a run: its format and where it goes (None: standard output)."""

    fmt: Format
    path: Path | None


def parse_outputs(formats: list[str], output: Path | None, fail: Callable[[str], None], lang: str = "vi") -> list[Output]:
    """`--format sarif:out.sarif --format text` → reports; `--output` is where the one format without a file goes."""
    known = {f.value: f for f in Format}
    outputs: list[Output] = []
    for given in formats or ["text"]:
        name, sep, file = given.partition(":")
        name = name.strip().lower()
        if name not in known:
            import difflib
            close = difflib.get_close_matches(name, list(known), n=1)
            fail(say("cli.unknown_format", lang, name=name, known=", ".join(known),
                     hint=say("schema.hint", lang, suggestion=close[0]) if close else ""))
        if sep and not file:
            fail(say("cli.format_no_file", lang, given=given))
        outputs.append(Output(known[name], Path(file) if sep else None))
    to_stdout = [o for o in outputs if o.path is None]
    if len(to_stdout) > 1:
        fail(say("cli.one_stdout", lang))
    if output is not None:
        if not to_stdout:
            fail(say("cli.output_unused", lang))
        outputs = [Output(o.fmt, output) if o.path is None else o for o in outputs]
    files = [same_file(o.path) for o in outputs if o.path is not None]
    if len(files) != len(set(files)):
        fail(say("cli.same_file", lang))
    return outputs


def run(options: RunOptions, fail: Callable[[str], None]) -> int:
    from .dates import parse_cli_date
    from .engine import Settings

    lang = options.lang
    outputs = parse_outputs(options.formats, options.output, fail, lang)
    as_of = None
    if options.as_of is not None:
        try:
            as_of = parse_cli_date(options.as_of)
        except ValueError:
            fail(say("cli.bad_date", lang, value=options.as_of))
    pack = load_pack(options.rules, options.bundled_rules, fail, lang)
    resolver = ArchitectureResolver(options.architecture, lang)
    if options.architecture:
        try:
            resolver(None)
        except ConfigError as exc:
            fail(f"--architecture: {exc}")
    settings = Settings(pack=pack, architectures=resolver, as_of=as_of, lang=options.lang, fail_on=options.fail_on,
                        limits=Limits(options.max_bytes, options.max_nodes, options.max_depth))
    files = expand(options.plans)
    plans = {same_file(path) for path, _ in files}
    clobbered = next((o.path for o in outputs if o.path is not None and same_file(o.path) in plans), None)
    if clobbered is not None:  # checked before anything is written: a report must never replace a plan
        fail(say("cli.output_is_plan", lang, file=str(clobbered)))
    show_progress = options.progress if options.progress is not None else (len(files) >= PROGRESS_FROM and sys.stderr.isatty())
    documents = check_all(files, settings, options.jobs, progress=show_progress)
    first_arch = next((d.architecture for d in documents if d.architecture), None)
    report = Report(tuple(documents), first_arch, lang=options.lang, fail_on=options.fail_on, as_of_option=as_of,
                    tool_version=__version__, rule_count=len(pack.rules),
                    rules=report_rules(pack, documents, resolver, lang))
    for out in outputs:
        emit(report, out)
    if any(o.fmt in MACHINE_FORMATS or o.path is not None for o in outputs) and not any(
            o.fmt == Format.text and o.path is None for o in outputs):
        total = {k: sum(d.summary()[k] for d in report.documents) for k in ("error", "warning", "info")}
        print("cqdt-check: " + say("cli.summary", lang, files=len(report.documents), **total), file=sys.stderr)
    for doc in documents:  # the one-line reason, whatever the format
        if doc.verdict == "error" and doc.error:
            loc = doc.error_location
            place = f"{doc.file}:{loc.line}:{loc.column}" if loc and loc.line else doc.file
            print(f"cqdt-check: {printable(place)}: {printable(doc.error)}", file=sys.stderr)
    return report.exit_code()


# Below this many files one process is faster than starting workers (measured with bench/run.py).
PARALLEL_THRESHOLD = 64
# A batch this large takes long enough on a terminal for a progress bar to help.
PROGRESS_FROM = 20
_WORKER: dict = {}


def check_all(files: list[tuple[Path, str]], settings, jobs: int | None, progress: bool = False) -> list:
    """Check every file, in order; large batches use worker processes when the platform can fork."""
    import multiprocessing

    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    _WORKER["settings"] = settings
    with _progress(len(files), progress, settings.lang) as advance:
        if workers > 1 and len(files) >= PARALLEL_THRESHOLD and "fork" in multiprocessing.get_all_start_methods():
            # fork shares the loaded rule pack and architectures with the workers instead of reloading them
            chunk = max(1, len(files) // (workers * 8))
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                results = []
                for result in pool.imap(_check_one, files, chunksize=chunk):  # imap keeps the order of the files
                    results.append(result)
                    advance()
                return results
        results = []
        for item in files:
            results.append(_check_one(item))
            advance()
        return results


def _progress(total: int, enabled: bool, lang: str):
    """A context giving `advance()`: a rich progress bar on stderr, or nothing."""
    import contextlib

    if not enabled:
        return contextlib.nullcontext(lambda: None)

    @contextlib.contextmanager
    def bar():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        label = "Checking" if lang == "en" else "Đang kiểm tra"
        with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=Console(stderr=True), transient=True) as prog:
            task = prog.add_task(label, total=total)
            yield lambda: prog.advance(task)

    return bar()


def _check_one(item: tuple[Path, str]):
    from .engine import check_file
    from .findings import DocumentResult

    path, display = item
    settings = _WORKER["settings"]
    if path.is_dir() and not os.access(path, os.R_OK | os.X_OK):
        return DocumentResult(file=display, verdict="error", error=say("permission_folder", settings.lang),
                              error_location=Location(display))
    if path.is_dir():
        return DocumentResult(file=display, verdict="error", error=say("no_plans", settings.lang),
                              error_location=Location(display))
    return check_file(path, display, settings, schema("plan.schema.json"))


def report_rules(pack: RulePack, documents, resolver: ArchitectureResolver, lang: str):
    """The rule catalogue of a report: bases resolved against the run's architecture when every document used the
    same one; with several (a folder mixing provinces), the architecture's decision is named generically."""
    from .engine import rule_catalogue

    used = {d.architecture.id for d in documents if d.architecture}
    architecture = next((a for a in resolver.cache.values() if getattr(a, "id", None) in used), None)
    return rule_catalogue(pack, architecture if len(used) == 1 else None, lang)


def emit(report: Report, out: Output) -> None:
    render = reporter(out.fmt)
    if out.fmt == Format.text:
        to_terminal = out.path is None and sys.stdout.isatty()
        # colour only where it shows: a terminal, unless NO_COLOR or TERM=dumb (pipes, files and CI logs get plain text)
        color = to_terminal and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
        width = max(80, min(os.get_terminal_size().columns, 120)) if to_terminal else 80
        text = render(report, width=width, color=color)
    else:
        text = render(report)
    if out.path is not None:
        try:
            out.path.write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"cqdt-check: --format {out.fmt.value}: {out.path}: {exc.strerror}", file=sys.stderr)
            raise SystemExit(2) from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def list_rules(area: str | None, extra: list[Path], as_of: str | None, lang: str, fail) -> int:
    from rich.console import Console
    from rich.table import Table

    from .dates import in_window, parse_cli_date
    from .engine import window_text
    from .findings import AREAS

    pack = load_pack(extra, True, fail, lang)
    if area is not None and area not in AREAS:
        fail(say("cli.unknown_area", lang, area=area, known=", ".join(AREAS[:-1])))
    day = None
    if as_of:
        try:
            day = parse_cli_date(as_of)
        except ValueError:
            fail(say("cli.bad_date", lang, value=as_of))
    console = Console(highlight=False, markup=False, width=max(100, Console().width))
    count = 0
    for current in AREAS:
        rows = [r for r in pack.rules if r.rule.area == current and (area is None or area == current)
                and (day is None or in_window(day, *r.rule.window()))]
        if not rows:
            continue
        table = Table(title=f"{say('area.' + current, lang)} ({current})", title_justify="left", expand=True)
        for column in ("ID", "name", "severity", "title", "in force" if lang == "en" else "hiệu lực"):
            table.add_column(column, overflow="fold")
        for loaded in rows:
            r = loaded.rule
            table.add_row(r.id, r.name, r.severity, r.title.get(lang), window_text(*r.window(), lang))
            count += 1
        console.print(table)
    console.print(f"{count} " + ("rules" if lang == "en" else "quy tắc"))
    return 0


def explain_rule(rule_id: str, extra: list[Path], lang: str, fail) -> int:
    from .explain import render_rule

    pack = load_pack(extra, True, fail, lang)
    loaded = pack.get(rule_id.upper())
    if loaded is None:
        from .engine import rule_catalogue

        info = next((r for r in rule_catalogue(pack, None, lang) if r.id == rule_id.upper() and r.area == "schema"), None)
        if info is not None:
            from .explain import render_input_rule

            sys.stdout.write(render_input_rule(info, lang))
            return 0
        import difflib
        close = difflib.get_close_matches(rule_id.upper(), [r.rule.id for r in pack.rules], n=3)
        fail(say("cli.unknown_rule", lang, rule=rule_id,
                 hint=say("schema.hint", lang, suggestion=", ".join(close)) if close else ""))
    sys.stdout.write(render_rule(loaded, lang))
    return 0

