"""A check run, orchestrated: settings from the options, the files checked, the reports written, the exit code.

Each step is another module's job: `packs` (rule pack, architectures), `discovery` (which files), `batch` (checking
them, in parallel for large folders), `outputs` (where reports go). Problems of the command line or of configuration
are raised as `UsageError`/`ConfigError` and turned into one line and exit 2 by the command line (cli.py, commands.py).
"""

from __future__ import annotations

import sys
from collections.abc import Collection
from enum import Enum
from pathlib import Path
from typing import Any

from . import __version__
from .appraisal import load_appraisal
from .batch import PROGRESS_FROM
from .dates import parse_day
from .discovery import expand
from .errors import ConfigError, ToolError
from .findings import DocumentResult, Report, RuleInfo
from .loader import Limits
from .messages import say
from .options import CHECK, PLANS
from .outputs import TextStyle, parse_outputs, refuse, refuse_clobbering, to_stderr
from .packs import ArchitectureResolver, load_pack, operator_files
from .records import field, record
from .reporters import MACHINE_FORMATS, Format
from .rulepack import RulePack
from .selection import Selection
from .selection import for_options as selection_for
from .streaming import check_and_report


@record
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
    decisions: list[Path] = field(default_factory=list)  # --decisions FILE (repeatable)
    baseline: Path | None = None  # --baseline REPORT.json
    # rule selection (selection.py) and the configuration file it may come from (config.py)
    select: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)
    config_file: Path | None = None
    config_named: bool = False
    # how the text report looks (outputs.TextStyle)
    quiet: bool = False
    statistics: bool = False
    color: str = "auto"
    stdin_filename: str | None = None  # the name a plan read from `-` has in reports


# The options of `check` that go through the configuration merge (config.py decides which keys a file may set): all
# but the choice of the file itself and the baseline.
MERGED = tuple(o for o in CHECK if o.name not in ("config", "no_config", "baseline"))


def from_command_line(values: dict[str, Any], typed: Collection[str]) -> int:
    """`cqdt-check check`, as either reader read it (cli.py, commands.py): each option as typed on the command line
    (`values` by parameter name, as options.CHECK declares them; `typed` names those the user typed), else as the
    configuration file sets it, else its default. A problem of the options or the configuration ends the run here:
    one line in the language asked for, exit 2."""
    try:
        return run(_run_options(values, typed))
    except ToolError as error:
        refuse(error, values["lang"].value)


def _run_options(values: dict[str, Any], typed: Collection[str]) -> RunOptions:
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .config import effective

    def plain(value: Any) -> Any:
        return value.value if isinstance(value, Enum) else value

    given: dict[str, Any] = {option.key: plain(values[option.name]) for option in MERGED}
    for name in ("format", "select", "extend-select", "ignore"):
        given[name] = given[name] or []
    for name in ("rules", "decisions"):
        given[name] = [str(path) for path in given[name] or []]
    given["per-path-ignores"] = {}
    settings, loaded = effective(given, {option.key for option in MERGED if option.name in typed},
                                 values["config"], values["no_config"])
    value = {key: setting.value for key, setting in settings.items()}
    unsupported = next((k for k in value if k not in given and value[k] is not None), None)
    if unsupported is not None and loaded is not None:  # a key this version's command line does not have yet
        raise ConfigError(loaded.places.get(unsupported), "config.not_supported", key=unsupported)
    return RunOptions(
        plans=values[PLANS], formats=value["format"], output=value["output"], progress=value["progress"],
        architecture=value["architecture"], rules=[Path(r) for r in value["rules"]],
        bundled_rules=not value["no-bundled-rules"], as_of=value["as-of"], fail_on=value["fail-on"],
        lang=value["lang"], max_bytes=value["max-bytes"], max_nodes=value["max-nodes"],
        max_depth=value["max-depth"], jobs=value["jobs"], select=value["select"],
        extend_select=value["extend-select"], ignore=value["ignore"], per_path_ignores=value["per-path-ignores"],
        config_file=loaded.path if loaded else None, config_named=bool(loaded and loaded.named),
        quiet=value["quiet"], statistics=value["statistics"], color=value["color"],
        stdin_filename=value["stdin-filename"], decisions=[Path(d) for d in value["decisions"]],
        baseline=values["baseline"])


def run(options: RunOptions) -> int:
    """Check the plans as the options say, write every report, return the exit code (0/1/2)."""
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .engine import Settings

    lang = options.lang
    outputs = parse_outputs(options.formats, options.output)
    as_of = parse_day(options.as_of)
    pack = load_pack(options.rules, options.bundled_rules)
    selection = _selection(pack, options)
    resolver = ArchitectureResolver(options.architecture)
    if options.architecture:
        try:
            resolver(None)
        except ToolError as exc:
            exc.prefix = "--architecture"
            raise
    settings = Settings(pack=pack, architectures=resolver, as_of=as_of, lang=lang, fail_on=options.fail_on,
                        limits=Limits(options.max_bytes, options.max_nodes, options.max_depth))
    appraisal = load_appraisal(options.decisions, options.baseline, pack, lang, as_of)
    files = expand(options.plans, stdin_name=options.stdin_filename, stdin_limit=options.max_bytes)
    refuse_clobbering(outputs, [path for path, _ in files])
    show_progress = options.progress if options.progress is not None else (
        len(files) >= PROGRESS_FROM and sys.stderr is not None and sys.stderr.isatty())
    style = TextStyle(quiet=options.quiet, statistics=options.statistics, color=options.color)
    setup = Report((), None, lang=lang, fail_on=options.fail_on, as_of_option=as_of, tool_version=__version__,
                   rule_count=len(pack.rules), baseline=str(options.baseline) if options.baseline is not None else None,
                   config_file=str(options.config_file) if options.config_file else None,
                   config_named=options.config_named,
                   operator_files=operator_files(options.rules, resolver, options.max_bytes))
    tally = check_and_report(files, settings, appraisal, selection, outputs, style, setup,
                             lambda documents: report_rules(pack, documents, resolver, lang),
                             usable_jobs(options.jobs), show_progress)
    if any(o.fmt in MACHINE_FORMATS or o.path is not None for o in outputs) and not any(
            o.fmt == Format.text and o.path is None for o in outputs):
        from .reporters.common import set_aside

        total = {k: sum(d.summary()[k] for d in tally.documents) for k in ("error", "warning", "info", "waived")}
        aside = set_aside(total.pop("waived"), tally.baselined, lang)
        to_stderr("cqdt-check: " + say("cli.summary", lang, files=len(tally.documents), **total)
                  + (f" ({aside})" if aside else ""))
    for doc in tally.documents:  # the one-line reason, whatever the format
        if doc.verdict == "error" and doc.error:
            loc = doc.error_location
            place = f"{doc.file}:{loc.line}:{loc.column}" if loc and loc.line else doc.file
            to_stderr(f"cqdt-check: {place}: {doc.error}")
    return tally.exit_code()


def usable_jobs(jobs: int | None) -> int | None:
    """`--jobs` no higher than the processes this user may still start (RLIMIT_NPROC): asking for more would fail
    in the pool; the run falls back to what the limit allows (one process at worst)."""
    if jobs is None or jobs <= 1:
        return jobs
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_NPROC)
    except (ImportError, AttributeError, OSError, ValueError):
        return jobs
    if soft == resource.RLIM_INFINITY:
        return jobs
    # the limit counts every process of the user, which we cannot know cheaply: keep half of it for the others
    return max(1, min(jobs, soft // 2))


def _selection(pack: RulePack, options: RunOptions) -> Selection:
    """The rules turned off, and by what: the options typed, or the configuration file that set them."""
    return selection_for(pack, options.select, options.extend_select, options.ignore, options.per_path_ignores,
                         options.config_file)


def report_rules(pack: RulePack, documents: list[DocumentResult] | tuple[DocumentResult, ...],
                 resolver: ArchitectureResolver, lang: str) -> tuple[RuleInfo, ...]:
    """The rule catalogue of a report: bases resolved against the architecture every document was judged with
    (each result names it, whichever process checked it); with several (a folder mixing provinces), the
    architecture's decision is named generically."""
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .engine import rule_catalogue

    used = {d.architecture.id for d in documents if d.architecture}
    architecture = None
    if len(used) == 1:
        (arch_id,) = used
        architecture = resolver(None) if resolver.override is not None else resolver.bundled(arch_id)
    return rule_catalogue(pack, architecture, lang)


__all__ = ["RunOptions", "from_command_line", "run", "report_rules"]
