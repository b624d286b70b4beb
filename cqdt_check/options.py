"""The command line's words: its commands, the `check` command's options declared once, and a reader for check
command lines made only of plain options.

commands.py builds the typer command from `CHECK` (its help, its parsing, its errors). A check run is most often a
command line of plain options (`cqdt-check plan.yaml -f json -o out.json`): `read_check` reads those without typer,
because typer 0.29 passes every option of a command, given or not, through a pydantic TypeAdapter that it builds at
every parse (measured: ≈ 20 % of a one-plan run, and as much of a batch's start). Anything else — help, completion,
an unknown option, a value typer would refuse or convert in its own way — is left to typer (`read_check` returns
None), so its messages and behaviour stay typer's. tests/test_options.py holds both readers to the same values.
"""

from __future__ import annotations

import os
import re
from enum import Enum
from pathlib import Path
from typing import Any

from .limits import Limits
from .records import record
from .reporters import Format


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class Lang(str, Enum):
    vi = "vi"
    en = "en"


@record(frozen=True)
class Option:
    """One option of `check`: its parameter name, its flags (a flag pair is written `--on/--off`), the type of one
    value (str, Path, int, bool or an Enum), its default, and what typer's help shows."""

    name: str
    flags: tuple[str, ...]
    kind: type
    default: Any = None
    help: str = ""
    metavar: str | None = None
    multiple: bool = False
    min: int | None = None
    readable: bool = True  # a Path typer checks is readable when it exists (click.Path's `readable`)

    @property
    def key(self) -> str:
        """The option's name in a configuration file and in `cqdt-check config` (`--max-bytes` → `max-bytes`)."""
        return self.name.replace("_", "-")

    @property
    def optional(self) -> bool:
        return self.default is None

    @property
    def flag(self) -> bool:
        return self.kind is bool


# The commands; a command line that names none is a check (`cqdt-check PLAN...`).
SUBCOMMANDS = {"check", "rules", "explain", "schema", "init", "architecture", "compare", "config"}

# The plans: a list of paths, at least one (typer's error when none is given).
PLANS = "plans"

CHECK: tuple[Option, ...] = (
    Option("format", ("--format", "-f"), str, None, multiple=True, metavar="FORMAT[:FILE]",
           help="Định dạng báo cáo, lặp lại được; FORMAT:TỆP ghi ra tệp / report format, repeatable; FORMAT:FILE writes "
           "to a file: " + ", ".join(f.value for f in Format) + " (default text)."),
    Option("output", ("--output", "-o"), Path, None, metavar="FILE",
           help="Ghi báo cáo (định dạng không kèm tệp) vào tệp / write the report without a FILE there."),
    Option("progress", ("--progress/--no-progress",), bool, None,
           help="Thanh tiến độ trên stderr (mặc định: khi là terminal và nhiều tệp) / progress bar on stderr."),
    Option("architecture", ("--architecture",), str, None, metavar="ID|FILE",
           help="Mã kiến trúc có sẵn hoặc tệp YAML / bundled id or file (default: the plan's, else quang-ngai-3.0)."),
    Option("rules", ("--rules",), Path, None, multiple=True, metavar="DIR", readable=False,
           help="Thư mục gói quy tắc bổ sung/thay thế (theo mã) / extra rule-pack folder; same ids replace."),
    Option("no_bundled_rules", ("--no-bundled-rules",), bool, False,
           help="Chỉ dùng các gói --rules / use only the --rules packs."),
    Option("as_of", ("--as-of",), str, None, metavar="YYYY-MM-DD",
           help="Ngày chọn quy định áp dụng YYYY-MM-DD / date whose laws apply."),
    Option("fail_on", ("--fail-on",), FailOn, FailOn.error, metavar="error|warning|info|never",
           help="Mức độ gây mã thoát 1 / lowest severity that exits 1."),
    Option("lang", ("--lang",), Lang, Lang.vi, metavar="vi|en", help="Ngôn ngữ báo cáo / report language."),
    Option("max_bytes", ("--max-bytes",), int, Limits.max_bytes, min=1, metavar="BYTES",
           help="Kích thước tối đa mỗi tệp / max file size."),
    Option("max_nodes", ("--max-nodes",), int, Limits.max_nodes, min=1, metavar="N", help="Số nút YAML tối đa / max YAML nodes."),
    Option("max_depth", ("--max-depth",), int, Limits.max_depth, min=1, metavar="N",
           help="Độ sâu lồng tối đa / max nesting depth."),
    Option("jobs", ("--jobs", "-j"), int, None, min=1, metavar="N",
           help="Số tiến trình cho thư mục lớn (mặc định: số lõi) / worker processes for large folders."),
    Option("select", ("--select",), str, None, multiple=True, metavar="RULES",
           help="Chỉ đánh giá các quy tắc này: mã, tiền tố mã (SEC, RENT-00) hoặc lĩnh vực, cách nhau bằng dấu phẩy / "
           "evaluate only these rules: ids, id prefixes or areas, comma-separated."),
    Option("extend_select", ("--extend-select",), str, None, multiple=True, metavar="RULES",
           help="Thêm quy tắc vào --select / add rules to --select."),
    Option("ignore", ("--ignore",), str, None, multiple=True, metavar="RULES",
           help="Tắt các quy tắc này (báo cáo ghi 'không đánh giá') / turn these rules off (reported as not evaluated)."),
    Option("config", ("--config",), Path, None, metavar="FILE", readable=False,
           help="Tệp cấu hình (.cqdt-check.yaml hoặc pyproject.toml) / configuration file."),
    Option("no_config", ("--no-config",), bool, False, help="Không đọc tệp cấu hình nào / read no configuration file."),
    Option("stdin_filename", ("--stdin-filename",), str, None, metavar="NAME",
           help="Tên của kế hoạch đọc từ '-' trong báo cáo / the name a plan read from '-' has in reports."),
    Option("quiet", ("--quiet", "-q"), bool, False, help="Chỉ in phát hiện và dòng kết luận / only findings and the verdict line."),
    Option("statistics", ("--statistics",), bool, False, help="Đếm phát hiện theo quy tắc / count findings per rule."),
    Option("color", ("--color",), Color, Color.auto, metavar="auto|always|never",
           help="Màu: auto (theo terminal, NO_COLOR, FORCE_COLOR), always, never / colour."),
    Option("decisions", ("--decisions",), Path, None, multiple=True, metavar="FILE", readable=False,
           help="Tệp quyết định của cơ quan thẩm định (cqdt-decisions/1), lặp lại được / the appraiser's decisions file, "
           "repeatable."),
    Option("baseline", ("--baseline",), Path, None, metavar="REPORT.json", readable=False,
           help="Báo cáo JSON trước đó: chỉ phát hiện mới làm thất bại / an earlier JSON report: only new findings fail."),
)

# The program's name as typer is told it (help, usage lines), and the environment variable typer derives from it
# through which a shell asks for completions: such a run is typer's.
PROG = "cqdt-check"
COMPLETION_VARIABLE = "_" + PROG.replace("-", "_").upper() + "_COMPLETE"


def _by_flag() -> dict[str, tuple[Option, Any]]:
    """Each flag → (its option, the value a flag without a value sets: True, or False for `--no-…` of a pair)."""
    found: dict[str, tuple[Option, Any]] = {}
    for option in CHECK:
        for declared in option.flags:
            on, _, off = declared.partition("/")
            found[on] = (option, True)
            if off:
                found[off] = (option, False)
    return found


_FLAGS = _by_flag()
# A number typer reads as the same int whatever its version: digits without a sign, a leading zero or an underscore,
# and at least 1 (every int option here has min=1).
_COUNT = re.compile(r"[1-9][0-9]{0,17}")


def read_check(args: list[str]) -> tuple[dict[str, Any], frozenset[str]] | None:
    """`["check", ...]` read as typer would: each parameter's value by name (as typer passes them to the command)
    and the names typed on the command line; None when the command line is not only plain options (typer reads it)."""
    if args[:1] != ["check"] or COMPLETION_VARIABLE in os.environ or not all(map(_plain, args)):
        return None
    values: dict[str, Any] = {option.name: option.default for option in CHECK}
    typed: set[str] = set()
    plans: list[Path] = []
    rest, i, positional = args[1:], 0, False
    while i < len(rest):
        token = rest[i]
        i += 1
        if positional or token == "-" or not token.startswith("-"):
            plans.append(Path(token))
            continue
        if token == "--":
            positional = True
            continue
        if token.startswith("--"):
            flag, attached, value = token.partition("=")
        else:  # `-j2`, `-fjson`: click reads the rest of a short option as its value
            flag, attached, value = token[:2], token[2:3], token[2:]
        known = _FLAGS.get(flag)
        if known is None:  # -h, --help, an unknown option: typer's
            return None
        option, set_to = known
        if option.flag:
            if attached:  # `--quiet=…`, `-qj2`: typer's
                return None
            value = set_to
        else:
            if not attached:
                if i == len(rest):
                    return None
                value = rest[i]
                i += 1
            value = _converted(option, value)
            if value is None:
                return None
        typed.add(option.name)
        if option.multiple:
            values[option.name] = [*(values[option.name] or []), value]
        else:
            values[option.name] = value
    if not plans:
        return None
    values[PLANS] = plans
    return values, frozenset(typed | {PLANS})


def _plain(token: str) -> bool:
    """Text typer passes on unchanged: no NUL, and no lone surrogate (a file name that is not UTF-8)."""
    if "\0" in token:
        return False
    try:
        token.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _converted(option: Option, text: str) -> Any:
    """One value as typer would give it, or None where typer might refuse or read it another way."""
    if not text or text.startswith("-"):  # empty, or an option's name where a value belongs: typer's
        return None
    kind = option.kind
    if kind is str:
        return text
    if kind is int:
        return int(text) if _COUNT.fullmatch(text) and (option.min is None or int(text) >= option.min) else None
    if kind is Path:
        path = Path(text)  # typer looks at the path, not the text: `secret/` and `secret/.` are `secret`
        if option.readable and os.path.exists(path) and not os.access(path, os.R_OK):
            return None  # typer refuses an unreadable existing path
        return path
    if issubclass(kind, Enum):
        return next((member for member in kind if member.value == text), None)
    raise TypeError(f"no reader for {kind!r}")


__all__ = ["CHECK", "COMPLETION_VARIABLE", "Color", "FailOn", "Lang", "Option", "PLANS", "PROG", "SUBCOMMANDS", "read_check"]
