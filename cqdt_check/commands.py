"""The commands as typer reads them: `check` (built from options.CHECK), `rules`, `explain`, `schema`, `init`,
`architecture`, `compare`, `config`, and their help.

cli.py decides which command lines reach typer (most check runs do not: options.read_check). No run ends in a
traceback: problems of input or configuration exit 2 with a one-line reason that names the place.
"""

from __future__ import annotations

import inspect
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from .errors import ToolError, UsageError
from .limits import Limits
from .options import CHECK, PLANS, PROG, SUBCOMMANDS, FailOn, Lang
from .outputs import refuse

app = typer.Typer(
    add_completion=True, no_args_is_help=True, context_settings={"help_option_names": ["-h", "--help"]}, pretty_exceptions_enable=False, rich_markup_mode=None,
    help="Kiểm tra dự án đầu tư / kế hoạch thuê dịch vụ CNTT với Kiến trúc Chính quyền điện tử cấp tỉnh.\n\n"
    "Checks IT investment projects and IT-service rental plans against a provincial e-government architecture.",
)


def _version(value: bool) -> None:
    if value:
        from . import version_line

        print(version_line())
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="In phiên bản / print the version.")] = None,
) -> None:
    """cqdt-check."""


def _check_command(ctx: typer.Context, **values: Any) -> None:
    """Kiểm tra kế hoạch / check plans: `cqdt-check PLAN...` is `cqdt-check check PLAN...`.

    PLAN: tệp kế hoạch hoặc thư mục (mọi *.yaml/*.yml bên trong), '-' đọc từ đầu vào chuẩn / plan files or folders
    (every *.yaml/*.yml inside), '-' reads standard input.
    """
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .run import from_command_line

    raise typer.Exit(from_command_line(values, frozenset(name for name in values if _typed(ctx, name))))


def _check_signature() -> inspect.Signature:
    """`check`'s parameters for typer, from their one declaration (options.CHECK)."""
    # Arguments are hidden from the option list and described in the docstring: typer prints an argument's Python
    # type beside it (`PLAN <list[Path]>`) whatever its metavar, and users should not read Python in the help.
    # An unreadable plan is a document that could not be checked, in the report, not a usage error (readable=False).
    params = [inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context),
              inspect.Parameter(PLANS, inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Annotated[
                  list[Path], typer.Argument(metavar="PLAN", hidden=True, show_default=False, readable=False)])]
    for option in CHECK:
        kind: Any = list[option.kind] if option.multiple else option.kind  # type: ignore[name-defined]  # a type known at run time
        declared: dict[str, Any] = {"help": option.help}
        if option.metavar is not None:
            declared["metavar"] = option.metavar
        if option.min is not None:
            declared["min"] = option.min
        if not option.readable:
            declared["readable"] = False
        params.append(inspect.Parameter(option.name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=option.default,
                                        annotation=Annotated[Optional[kind] if option.optional else kind,
                                                             typer.Option(*option.flags, **declared)]))
    return inspect.Signature(params)


_check_command.__signature__ = _check_signature()  # type: ignore[attr-defined]
_check_command.__annotations__ = {p.name: p.annotation for p in _check_command.__signature__.parameters.values()}  # type: ignore[attr-defined]
app.command("check", epilog="Lệnh khác / other commands: " + ", ".join(sorted(SUBCOMMANDS - {"check"}))
            + " (cqdt-check COMMAND -h); --version.")(_check_command)


def effective_settings(ctx: typer.Context, given: dict, config: Path | None, no_config: bool):
    """The options in effect for a command typer read: typed on the command line, else from the configuration file,
    else the defaults."""
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .config import effective

    return effective(given, {key for key in given if _typed(ctx, key.replace("-", "_"))}, config, no_config)


def _typed(ctx: typer.Context, name: str) -> bool:
    """Whether an option was given on the command line (or by environment), not left at its default."""
    source = ctx.get_parameter_source(name)
    return source is not None and source.name not in ("DEFAULT", "DEFAULT_MAP")


@app.command("config")
def config_command(
    config: Annotated[Path | None, typer.Option("--config", metavar="FILE", readable=False, help="Tệp cấu hình / configuration file.")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Không đọc tệp cấu hình nào / read no configuration file.")] = False,
    lang: Annotated[Lang, typer.Option("--lang", metavar="vi|en")] = Lang.vi,
) -> None:
    """In cấu hình đang có hiệu lực và nguồn của từng giá trị / print the settings in effect and where each came from."""
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .config import describe, keys, load, merge
    from .outputs import write_quietly

    # the check command's defaults, for every key a configuration file may hold
    known = {o.key: o.default.value if isinstance(o.default, Enum) else o.default for o in CHECK}
    known["format"] = ["text"]  # no --format is the text report
    defaults = {key: known.get(key) for key in keys()}
    try:
        loaded = load(config, no_config)
    except ToolError as error:
        refuse(error, lang.value)
    write_quietly(describe(merge(defaults, set(), loaded), loaded, lang.value))


class CompareFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


# The configuration keys compare honours: those that decide how a plan is judged (config.py keeps their governance);
# the check command's output keys (format, quiet, jobs, …) concern its reports, not a comparison.
COMPARE_KEYS = ("architecture", "rules", "no-bundled-rules", "as-of", "fail-on", "lang", "decisions", "select",
                "extend-select", "ignore", "per-path-ignores", "max-bytes", "max-nodes", "max-depth")


@app.command("compare")
def compare_command(
    ctx: typer.Context,
    old: Annotated[Path, typer.Argument(metavar="OLD", hidden=True, readable=False)],  # described in the docstring
    new: Annotated[Path, typer.Argument(metavar="NEW", hidden=True, readable=False)],
    format: Annotated[CompareFormat, typer.Option("--format", "-f", metavar="text|markdown|html|json", help="Định dạng / format.")] = CompareFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Ghi ra tệp / write to a file.")] = None,
    decisions: Annotated[Optional[list[Path]], typer.Option("--decisions", metavar="FILE", readable=False, help="Tệp quyết định (cqdt-decisions/1), áp dụng cho cả hai bản / decisions, applied to both sides.")] = None,
    architecture: Annotated[Optional[str], typer.Option(metavar="ID|FILE", help="Mã kiến trúc hoặc tệp YAML / architecture id or file.")] = None,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", metavar="DIR", readable=False, help="Gói quy tắc bổ sung / extra rule pack.")] = None,
    no_bundled_rules: Annotated[bool, typer.Option("--no-bundled-rules", help="Chỉ dùng các gói --rules / use only the --rules packs.")] = False,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="YYYY-MM-DD", help="Ngày chọn quy định áp dụng YYYY-MM-DD / date whose laws apply.")] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", metavar="error|warning|info|never", help="Mức độ gây mã thoát 1 / lowest severity that exits 1.")] = FailOn.error,
    select: Annotated[list[str] | None, typer.Option("--select", metavar="RULES", help="Chỉ đánh giá các quy tắc này (cả hai bản) / evaluate only these rules (both sides).")] = None,
    extend_select: Annotated[list[str] | None, typer.Option("--extend-select", metavar="RULES", help="Thêm quy tắc vào --select / add rules to --select.")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", metavar="RULES", help="Tắt các quy tắc này ở cả hai bản / turn these rules off on both sides.")] = None,
    config: Annotated[Path | None, typer.Option("--config", metavar="FILE", readable=False, help="Tệp cấu hình (.cqdt-check.yaml hoặc pyproject.toml) / configuration file.")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Không đọc tệp cấu hình nào / read no configuration file.")] = False,
    lang: Annotated[Lang, typer.Option("--lang", metavar="vi|en", help="Ngôn ngữ / language.")] = Lang.vi,
) -> None:
    """So sánh hai lần trình / compare two revisions: resolved, new and open findings, and the plan's changes.

    OLD: bản cũ, tệp kế hoạch hoặc báo cáo JSON trước đó / the old plan or an earlier JSON report.

    NEW: bản mới, tệp kế hoạch / the new plan.
    """
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .compare import run_compare
    from .run import RunOptions

    given: dict[str, object] = {
        "architecture": architecture, "rules": [str(r) for r in rules or []], "no-bundled-rules": no_bundled_rules,
        "as-of": as_of, "fail-on": fail_on.value, "lang": lang.value, "decisions": [str(d) for d in decisions or []],
        "select": select or [], "extend-select": extend_select or [], "ignore": ignore or [], "per-path-ignores": {},
        "max-bytes": Limits.max_bytes, "max-nodes": Limits.max_nodes, "max-depth": Limits.max_depth}
    try:
        settings, loaded = effective_settings(ctx, given, config, no_config)
        value = {key: settings[key].value for key in COMPARE_KEYS}
        options = RunOptions(
            plans=[old, new], output=output, architecture=value["architecture"],
            rules=[Path(r) for r in value["rules"]], bundled_rules=not value["no-bundled-rules"], as_of=value["as-of"],
            fail_on=value["fail-on"], lang=value["lang"], decisions=[Path(d) for d in value["decisions"]],
            select=value["select"], extend_select=value["extend-select"], ignore=value["ignore"],
            per_path_ignores=value["per-path-ignores"], max_bytes=value["max-bytes"], max_nodes=value["max-nodes"],
            max_depth=value["max-depth"], config_file=loaded.path if loaded else None,
            config_named=bool(loaded and loaded.named))
        code = run_compare(old, new, options, format.value)
    except ToolError as error:
        refuse(error, lang.value)
    raise typer.Exit(code)


@app.command("rules")
def rules_command(
    area: Annotated[Optional[str], typer.Option(metavar="AREA", help="Chỉ một lĩnh vực / only one area.")] = None,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", metavar="DIR", readable=False, help="Gói quy tắc bổ sung / extra rule pack.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="YYYY-MM-DD", help="Chỉ các quy tắc được đánh giá khi kiểm tra ngày này / only the rules a check on that day evaluates.")] = None,
    architecture: Annotated[Optional[str], typer.Option(metavar="ID", help="Kiến trúc dùng để xác định hiệu lực / architecture the windows are resolved with (default quang-ngai-3.0).")] = None,
    format: Annotated[str, typer.Option("--format", "-f", metavar="text|json", help="Bảng hoặc JSON / a table or JSON.")] = "text",
    lang: Annotated[Lang, typer.Option("--lang", metavar="vi|en")] = Lang.vi,
) -> None:
    """Liệt kê quy tắc theo lĩnh vực / list the rule pack by area."""
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .listing import list_rules

    try:
        raise typer.Exit(list_rules(area, rules or [], as_of, lang.value, architecture, format))
    except ToolError as error:
        refuse(error, lang.value)


@app.command("explain")
def explain_command(
    rule_id: Annotated[str, typer.Argument(metavar="RULE", hidden=True)],  # described in the docstring
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", metavar="DIR", readable=False, help="Gói quy tắc bổ sung / extra rule pack.")] = None,
    architecture: Annotated[Optional[str], typer.Option(metavar="ID", help="Kiến trúc dùng để xác định hiệu lực / architecture the window is resolved with.")] = None,
    lang: Annotated[Lang, typer.Option("--lang", metavar="vi|en")] = Lang.vi,
) -> None:
    """Giải thích một quy tắc / explain one rule: what, why, legal basis, how to fix, example.

    RULE: mã quy tắc, ví dụ SEC-003 / a rule id, e.g. SEC-003.
    """
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .listing import explain_rule

    try:
        raise typer.Exit(explain_rule(rule_id, rules or [], lang.value, architecture))
    except ToolError as error:
        refuse(error, lang.value)


@app.command("schema")
def schema_command(
    name: Annotated[str, typer.Argument(metavar="NAME", hidden=True)] = "plan",  # described in the docstring
    lang: Annotated[Lang, typer.Option("--lang", metavar="vi|en")] = Lang.vi,
) -> None:
    """In JSON Schema (để trình soạn thảo kiểm tra khi gõ) / print a JSON Schema for editors.

    NAME: plan (mặc định / default), rules, architecture, decisions.
    """
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .resources import data_dir

    folder = data_dir("schemas")
    path = folder / f"{name}.schema.json"
    if "/" in name or not path.is_file():
        known = ", ".join(sorted(p.name.removesuffix(".schema.json") for p in folder.glob("*.schema.json")))
        refuse(UsageError("cli.no_schema", name=name, known=known), lang.value)
    from .outputs import write_quietly

    write_quietly(path.read_text(encoding="utf-8"))


@app.command("architecture")
def architecture_command(
    arch_id: Annotated[str, typer.Argument(metavar="ID", hidden=True)] = "quang-ngai-3.0",  # described in the docstring
    format: Annotated[str, typer.Option("--format", "-f", metavar="text|json", help="Bảng hoặc JSON / a table or JSON.")] = "text",
    lang: Annotated[Lang, typer.Option("--lang", metavar="vi|en")] = Lang.vi,
) -> None:
    """Liệt kê mã thành phần, nền tảng mà kế hoạch dùng được / list the ids a plan may use, with their sources.

    ID: mã kiến trúc (mặc định quang-ngai-3.0) / architecture id (default quang-ngai-3.0).
    """
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .layers import list_architecture

    try:
        raise typer.Exit(list_architecture(arch_id, format, lang.value))
    except ToolError as error:
        refuse(error, lang.value)


def _register_init() -> None:
    """`init`'s options are built from its questions' data (cqdt_check/init.py)."""
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .init import command

    app.command("init")(command(Lang, refuse))


_register_init()


def print_help(name: str) -> None:
    """`cqdt-check [COMMAND] --help`: the command's help as typer writes it, without parsing the other options of the
    command line. typer 0.29 passes every option it parses, given or not, through a pydantic TypeAdapter: help asked
    through the parser imported pydantic for nothing (measured: 178 → 103 ms CPU)."""
    from .outputs import write_quietly

    group = typer.main.get_command(app)
    root = group.context_class(group, info_name=PROG, **group.context_settings)
    command = group.get_command(root, name)  # type: ignore[attr-defined]  # a typer app with commands is a group
    context = command.context_class(command, info_name=name, parent=root, **command.context_settings)
    write_quietly(command.get_help(context) + "\n")


__all__ = ["app", "print_help"]
