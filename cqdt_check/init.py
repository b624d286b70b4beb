"""`cqdt-check init`: ask an owner what is being planned and write a `cqdt-plan/1` plan to start from.

The questions are data (PLAN_QUESTIONS, SYSTEM_QUESTIONS). Each fills one field of the plan; its type, its
allowed values and the Vietnamese comment written beside the field come from the plan's JSON Schema, so nothing
about the format is written twice (model.py is the one definition). Every question is also an option (`--KEY`),
and `--no-input` takes the defaults. A question left unanswered is written as `null`: the plan never asserts a
fact the owner did not give, and checking it says what is still to be declared.
"""

from __future__ import annotations

import datetime as dt
import difflib
import inspect
import json
import re
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TextIO

from .errors import ConfigError, OsReason, ToolError, UsageError
from .findings import Location
from .messages import say
from .records import record
from .resources import bundled_architectures, schema

Answers = dict[str, Any]


@record(frozen=True)
class Question:
    """One question: `key` is its option (`--key`) and its name in the answers; `field` the schema path it fills
    ("[]" steps into a list's items). `default` computes the default from earlier answers (None: not declared)."""

    key: str
    field: tuple[str, ...]
    default: Callable[[Answers], Any] | None = None
    when: Callable[[Answers], bool] | None = None
    ids: bool = False  # the answer names architecture ids (checked against the chosen architecture)


def _const(value: Any) -> Callable[[Answers], Any]:
    return lambda _answers: value


S = ("systems", "[]")
PLAN_QUESTIONS: tuple[Question, ...] = (
    Question("kind", ("kind",), _const("project")),
    Question("name", ("name",), lambda a: say("init.placeholder.name", "vi")),
    Question("architecture", ("architecture",), _const("quang-ngai-3.0")),
    Question("stage", ("stage",), lambda a: "rental_plan" if a.get("kind") == "service_rental" else None),
    Question("submitted", ("dates", "submitted")),
    Question("owner", ("owner", "agency"), lambda a: say("init.placeholder.owner", "vi")),
    Question("owner-level", ("owner", "level"), _const("province")),
    Question("owner-type", ("owner", "type")),
    Question("funding", ("funding", "source")),
    Question("total-vnd", ("funding", "total_vnd")),
    Question("components", ("alignment", "components"), ids=True),
    Question("rental-availability", ("rental", "service_availability"), when=lambda a: a.get("kind") == "service_rental"),
    Question("rental-purpose", ("rental", "purpose"), when=lambda a: a.get("kind") == "service_rental"),
    Question("systems", ("systems",), _const(1)),
)
SYSTEM_QUESTIONS: tuple[Question, ...] = (
    Question("system-id", (*S, "id"), lambda a: f"he-thong-{a['#']}"),
    Question("system-name", (*S, "name"), lambda a: say("init.placeholder.system", "vi", number=a["#"])),
    Question("existing", (*S, "existing")),
    Question("component", (*S, "component"), ids=True),
    Question("system-type", (*S, "type")),
    Question("handles-tthc", (*S, "handles_tthc")),
    Question("online-services", (*S, "online_services"), when=lambda a: a.get("handles-tthc") is True),
    Question("scope", (*S, "scope")),
    Question("state-secret", (*S, "state_secret")),
    Question("basic-subjects", (*S, "personal_data", "basic_subjects")),
    Question("sensitive-subjects", (*S, "personal_data", "sensitive_subjects")),
    Question("availability", (*S, "availability")),
    Question("security-level", (*S, "security", "proposed_level")),
    Question("hosting", (*S, "hosting", "model")),
    Question("location", (*S, "hosting", "location")),
    Question("ipv6", (*S, "network", "ipv6")),
    Question("mtslcd", (*S, "network", "mtslcd")),
    Question("internet-facing", (*S, "network", "internet_facing")),
    Question("citizen-login", (*S, "identity", "citizen_login")),
    Question("integrations", (*S, "integrations", "[]", "target"), ids=True),
)
DATA_QUESTIONS: tuple[Question, ...] = (
    Question("provides", ("data_sharing", "datasets", "[]", "name")),
    Question("consumes", ("data_sharing", "datasets", "[]", "name")),
)
QUESTIONS = PLAN_QUESTIONS + SYSTEM_QUESTIONS + DATA_QUESTIONS
LISTS = {"components", "integrations", "provides", "consumes"}  # comma-separated answers
_YES = {"y", "yes", "true", "c", "co", "có", "1"}
_NO = {"n", "no", "false", "k", "khong", "không", "0"}


class InitError(UsageError):
    """A refused answer given as an option: the message (already in the asker's language) names the option."""

    def __init__(self, text: str) -> None:
        super().__init__("cli.as_said", text=text)


# --- the schema: where types, allowed values and comments come from ---------------------------------------------

def _resolve(node: dict) -> dict:
    root = schema("plan.schema.json")
    while True:
        if "$ref" in node:
            node = root["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        elif "anyOf" in node:
            node = next(n for n in node["anyOf"] if n.get("type") != "null")
        else:
            return node


def field_schema(path: tuple[str, ...]) -> tuple[dict, dict]:
    """(the property as declared — title, description —, its resolved type) for a schema path."""
    declared = node = schema("plan.schema.json")
    for step in path:
        node = _resolve(node)
        declared = node["items"] if step == "[]" else node["properties"][step]
        node = declared
    return declared, _resolve(declared)


def _type(question: Question) -> dict:
    if question.key == "systems":
        return {"type": "integer", "minimum": 1, "maximum": 50}
    return field_schema(question.field)[1]


def parse(question: Question, text: str, lang: str, architecture_ids: set[str] | None = None) -> Any:
    """An answer as typed (prompt or option) → its value; ValueError with the reason in `lang`. '' → not declared."""
    text = text.strip()
    if text == "" or text == "-":
        return None
    kind = _type(question)
    if question.key in LISTS:
        values = [v.strip() for v in text.split(",") if v.strip()]
        if question.ids and architecture_ids is not None:
            for value in values:
                _known(value, architecture_ids, lang)
        return values
    if "enum" in kind:
        if text not in kind["enum"]:
            close = difflib.get_close_matches(text, kind["enum"], n=1)
            raise ValueError(say("schema.enum", lang, value=text, allowed=", ".join(kind["enum"]),
                                 hint=say("schema.hint", lang, suggestion=close[0]) if close else ""))
        return text
    if kind.get("type") == "boolean":
        if text.casefold() in _YES:
            return True
        if text.casefold() in _NO:
            return False
        raise ValueError(say("init.bad_bool", lang, value=text))
    if kind.get("type") == "integer":
        try:
            number = int(text.replace(".", "").replace(" ", ""))
        except ValueError:
            raise ValueError(say("schema.type", lang, expected=say("type.integer", lang), actual=say("type.string", lang),
                                 value=text)) from None
        if "minimum" in kind and number < kind["minimum"]:
            raise ValueError(say("schema.minimum", lang, limit=kind["minimum"], value=number))
        if "maximum" in kind and number > kind["maximum"]:
            raise ValueError(say("schema.maximum", lang, limit=kind["maximum"], value=number))
        return number
    if kind.get("format") == "date":
        from .dates import parse_cli_date

        try:
            parse_cli_date(text)
        except ValueError:
            raise ValueError(say("schema.format", lang, value=text)) from None
        return text
    if "pattern" in kind and not re.search(kind["pattern"], text):
        raise ValueError(say("init.bad_pattern", lang, value=text, pattern=kind["pattern"]))
    if question.ids and architecture_ids is not None:
        _known(text, architecture_ids, lang)
    return text


def _known(value: str, ids: set[str], lang: str) -> None:
    if value not in ids:
        if isinstance(ids, KnownIds):  # the hint a check of the plan would give (checks.closest_id): one engine
            from .checks import closest_id

            suggestion = closest_id(value, ids.architecture, set(ids))
        else:
            suggestion = next(iter(difflib.get_close_matches(value, sorted(ids), n=1)), "")
        raise ValueError(say("init.unknown_id", lang, value=value,
                             hint=say("schema.hint", lang, suggestion=suggestion) if suggestion else ""))


class KnownIds(set):
    """The ids a plan may use, with the architecture they come from (for hints)."""

    def __init__(self, ids: set[str], architecture: Any) -> None:
        super().__init__(ids)
        self.architecture = architecture


def choices_text(question: Question) -> str:
    kind = _type(question)
    if "enum" in kind:
        return " | ".join(kind["enum"])
    if kind.get("type") == "boolean":
        return "y | n"
    return ""


# --- asking ---------------------------------------------------------------------------------------------------------

@record
class Asker:
    """Answers from options first, then from the terminal unless `--no-input` (then: the defaults)."""

    given: dict[str, list[str]]  # option values as typed; system questions take the i-th value for system i
    interactive: bool
    lang: str
    stdin: TextIO = sys.stdin
    out: TextIO = sys.stderr
    architecture_ids: set[str] | None = None

    def answer(self, question: Question, answers: Answers, index: int = 0) -> Any:
        default = question.default(answers) if question.default else None
        values = self.given.get(question.key) or []
        if index < len(values):
            try:
                return parse(question, values[index], self.lang, self.architecture_ids)
            except ValueError as exc:
                raise InitError(f"--{question.key} {values[index]}: {exc}") from None
        if not self.interactive:
            return default
        return self.prompt(question, default)

    def prompt(self, question: Question, default: Any) -> Any:
        code = "init.q." + question.key
        label = say(code, self.lang)
        choices = choices_text(question)
        shown = _show(default) if default is not None else say("init.none", self.lang)
        line = f"{label}" + (f" ({choices})" if choices else "") + f" [{shown}]: "
        while True:
            self.out.write(line)
            self.out.flush()
            typed = self.stdin.readline()
            if typed == "":
                raise InitError(say("init.eof", self.lang))
            typed = typed.strip()
            if typed == "":
                return default
            try:
                return parse(question, typed, self.lang, self.architecture_ids)
            except ValueError as exc:
                self.out.write(f"  {exc}\n")


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "y" if value else "n"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def collect(asker: Asker) -> Answers:
    """Ask every question in order; the result is flat for the plan and a list of flat answers per system."""
    answers: Answers = {}
    for question in PLAN_QUESTIONS:
        if question.when is None or question.when(answers):
            answers[question.key] = asker.answer(question, answers)
            if question.key == "architecture":
                asker.architecture_ids = architecture_ids(answers["architecture"], asker.lang)
    answers["systems"] = max(answers["systems"] or 1, *(len(asker.given.get(q.key) or []) for q in SYSTEM_QUESTIONS))
    systems = []
    for number in range(1, answers["systems"] + 1):
        if asker.interactive and answers["systems"] > 1:
            asker.out.write(say("init.system_heading", asker.lang, number=number) + "\n")
        system: Answers = {"#": number}
        for question in SYSTEM_QUESTIONS:
            if question.when is None or question.when(system):
                system[question.key] = asker.answer(question, system, number - 1)
        systems.append(system)
    answers["#systems"] = systems
    for question in DATA_QUESTIONS:
        answers[question.key] = asker.answer(question, answers)
    return answers


def architecture_ids(ref: str, lang: str) -> set[str]:
    """The ids a plan may use with this architecture (the layers it is judged against)."""

    if ref not in bundled_architectures():
        close = difflib.get_close_matches(ref, bundled_architectures(), n=1)
        raise InitError(say("cli.unknown_architecture_id", lang, ref=ref, known=", ".join(bundled_architectures()),
                            hint=say("schema.hint", lang, suggestion=close[0]) if close else ""))
    # imported here, not at the top: the command is registered at every start (its options are its questions), and
    # the architectures' models are only needed once someone answers
    from .layers import judged_layers, load_bundled

    architecture = load_bundled(ref)
    return KnownIds({entry.id for layer in judged_layers(architecture) for entry in layer.entries}, architecture)


# --- answers → the plan's data → YAML text with comments -----------------------------------------------------------

def _put(tree: dict, path: tuple[str, ...], value: Any) -> None:
    for step in path[:-1]:
        tree = tree.setdefault(step, {})
    tree[path[-1]] = value


def plan_data(answers: Answers) -> dict:
    """The plan as nested data: answered fields set; the rest is filled with nulls by the renderer."""
    plan: dict = {"format": "cqdt-plan/1"}
    for question in PLAN_QUESTIONS:
        if question.key in answers and question.key != "systems":
            _put(plan, question.field, answers[question.key])
    if answers.get("kind") == "service_rental":
        plan.setdefault("rental", {})
    systems = []
    for system in answers["#systems"]:
        item: dict = {}
        for question in SYSTEM_QUESTIONS:
            value = system.get(question.key)
            if question.key == "integrations":
                value = [{"target": target} for target in value or []]
                item["integrations"] = value
            elif question.key in system:
                _put(item, question.field[2:], value)
        systems.append(item)
    plan["systems"] = systems
    first = systems[0]["id"]
    datasets = [{"name": name, "role": "provide", "master_source": first} for name in answers.get("provides") or []]
    datasets += [{"name": name, "role": "consume"} for name in answers.get("consumes") or []]
    plan["data_sharing"] = {"datasets": datasets}
    return plan


_PLAIN = re.compile(r"^[a-z][a-z0-9_./-]*$|^\d{4}-\d{2}-\d{2}$")
_YAML_WORDS = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf"}
WIDTH = 110


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    if _PLAIN.match(text) and text not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _comment(indent: str, text: str) -> list[str]:
    return [indent + "# " + line
            for line in textwrap.wrap(text, WIDTH - len(indent) - 2, break_on_hyphens=False, break_long_words=False)]


def _render(node: dict, value: dict, indent: str, first_prefix: str | None = None) -> list[str]:
    """The properties of object schema `node`, in the schema's order, with `value`'s answers and nulls elsewhere."""
    lines: list[str] = []
    for key, declared in node["properties"].items():
        if key not in value and key in SKIP:
            continue
        resolved = _resolve(declared)
        prefix = indent if first_prefix is None or lines else first_prefix
        comment = declared.get("description", "")
        given = value.get(key)
        if resolved.get("type") == "object" or "properties" in resolved:
            lines += _comment(indent, declared.get("title", "") + ": " + comment)
            lines.append(f"{prefix}{key}:")
            lines += _render(resolved, given or {}, indent + "  ")
        elif resolved.get("type") == "array" and "properties" in _resolve(resolved["items"]):
            item_schema = _resolve(resolved["items"])
            lines += _comment(indent, declared.get("title", "") + ": " + comment)
            if not given:
                lines.append(f"{prefix}{key}: []")
                continue
            lines.append(f"{prefix}{key}:")
            for item in given:
                lines += _render(item_schema, item, indent + "    ", first_prefix=indent + "  - ")
        else:
            if resolved.get("type") == "array" and (given is not None or not _nullable(declared)):
                text = "[" + ", ".join(_scalar(v) for v in (given or [])) + "]"
            else:
                text = _scalar(given)
            line = f"{prefix}{key}: {text}"
            note = comment if given is not None or text.startswith("[") else \
                say("init.todo", "vi") + " " + comment
            if len(line) + 3 + len(note) <= WIDTH:
                lines.append(f"{line}  # {note}")
            else:
                lines += _comment(indent, note)
                lines.append(line)
    return lines


def _nullable(declared: dict) -> bool:
    return any(n.get("type") == "null" for n in declared.get("anyOf", []))


# Sections the owner writes by hand later (quoted clauses, own deviation requests) start empty, without a skeleton.
SKIP = {"clauses", "deviations", "legal_basis", "rental"}


def render(answers: Answers, schema_ref: str, today: str) -> str:
    """The plan file: the editor's schema line, a header in Vietnamese, every field with its comment."""
    root = schema("plan.schema.json")
    data = plan_data(answers)
    head = [f"# yaml-language-server: $schema={schema_ref}"]
    head += _comment("", say("init.header", "vi", date=today))
    body = _render(root, data, "")
    for key in ("legal_basis", "clauses", "deviations"):
        if key not in data:
            declared = root["properties"][key]
            body += _comment("", declared["title"] + ": " + declared["description"]) + [f"{key}: []"]
    return "\n".join(head + body) + "\n"


# --- the command ----------------------------------------------------------------------------------------------------

DEFAULT_FILE = "ke-hoach.yaml"
DEFAULT_SCHEMA_REF = "plan.schema.json"


def run_init(target: str, given: dict[str, list[str]], no_input: bool, force: bool, lang: str, schema_ref: str,
             stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    """Ask (or take the options and defaults), then write the plan to `target` ('-': standard output)."""

    path = None if target == "-" else Path(target)
    if path is not None and (path.is_dir() or (path.exists() and not force)):
        raise UsageError("init.exists", file=target) if not path.is_dir() else ConfigError(Location(target), "is_directory")
    asker = Asker(given, interactive=not no_input, lang=lang, stdin=stdin or sys.stdin, out=out or sys.stderr)
    if asker.interactive:
        asker.out.write(say("init.intro", lang) + "\n")
    answers = collect(asker)
    text = render(answers, schema_ref, dt.date.today().isoformat())
    if path is None:
        from .outputs import write_quietly

        write_quietly(text)
        return 0
    try:
        with path.open("w" if force else "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:  # created between the question and the answer
        raise UsageError("init.exists", file=target) from None
    except OSError as exc:
        raise UsageError("init.cannot_write", file=target, reason=OsReason(exc)) from None
    asker.out.write(say("init.written", lang, file=target) + "\n")
    return 0


def command(lang_type: type, refuse: Callable[[ToolError, str], None]) -> Callable[..., None]:
    """The typer command: one option per question (its help is the question, vi / en), built from the data."""

    # imported here: a slow import that only this path needs
    import typer

    def help_of(question: Question) -> str:
        text = f"{say('init.q.' + question.key, 'vi')} / {say('init.q.' + question.key, 'en')}"
        choices = choices_text(question) if question.key != "systems" else ""
        text += f": {choices}" if choices else ""
        return text + (" (lặp lại theo hệ thống / once per system)" if question in SYSTEM_QUESTIONS else "")

    params = [inspect.Parameter("file", inspect.Parameter.KEYWORD_ONLY, default=DEFAULT_FILE, annotation=Annotated[
        str, typer.Argument(metavar="FILE", hidden=True)])]  # described in the docstring: typer would print `<str>`
    names = {}
    for question in QUESTIONS:
        name = question.key.replace("-", "_") + "_answer"
        names[name] = question
        kind = list[str] | None if question in SYSTEM_QUESTIONS else str | None
        params.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
            kind, typer.Option(f"--{question.key}", metavar="VALUE", help=help_of(question), show_default=False)]))
    params += [
        inspect.Parameter("no_input", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=Annotated[
            bool, typer.Option("--no-input", help="Không hỏi, nhận giá trị mặc định / ask nothing, take the defaults.")]),
        inspect.Parameter("force", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=Annotated[
            bool, typer.Option("--force", help="Ghi đè tệp đã có / overwrite an existing file.")]),
        inspect.Parameter("schema_ref", inspect.Parameter.KEYWORD_ONLY, default=DEFAULT_SCHEMA_REF, annotation=Annotated[
            str, typer.Option("--schema-ref", metavar="PATH|URL", help="Schema ở dòng yaml-language-server (đường dẫn từ tệp kế hoạch hoặc "
                              "URL) / the schema on the editor's yaml-language-server line.")]),
        inspect.Parameter("lang", inspect.Parameter.KEYWORD_ONLY, default=lang_type("vi"), annotation=Annotated[
            lang_type, typer.Option("--lang", metavar="vi|en", help="Ngôn ngữ câu hỏi / language of the questions.")]),
    ]

    def init_command(**values: Any) -> None:
        """Tạo tệp kế hoạch bằng cách hỏi–đáp / write a new plan by answering questions.

        FILE: tệp kế hoạch sẽ tạo; '-' in ra màn hình / the plan file to write; '-' for standard output.
        """
        given = {}
        for name, question in names.items():
            value = values[name]
            if value is not None:
                given[question.key] = value if isinstance(value, list) else [value]
        try:
            code = run_init(values["file"], given, values["no_input"], values["force"], values["lang"].value,
                            values["schema_ref"])
        except ToolError as error:
            refuse(error, values["lang"].value)
        raise typer.Exit(code)

    init_command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    init_command.__annotations__ = {p.name: p.annotation for p in params}
    return init_command
