"""Configuration files: where one is found, what it may set, and how it meets the command line.

A run reads at most one file: `--config FILE` (named by the operator), else the first `.cqdt-check.yaml`
(`.cqdt-check.yml`) or `pyproject.toml` with a `[tool.cqdt-check]` table found upward from the current folder,
unless `--no-config`. It holds what the command line holds, under the options' names without `--`
(`fail-on`, `max-bytes`, …), plus `per-path-ignores`. Every value given on the command line wins over the file.

Trust: a file found by search belongs to the folder being checked, so it is the choice of the party being judged.
It may choose how the report looks (language, formats, colour, limits), but nothing that decides the verdict: what
the plan is judged against, which rules run, or what fails it. `architecture`, `rules`, `no-bundled-rules`,
`decisions`, `as-of`, `fail-on`, `select`, `extend-select`, `ignore` and `per-path-ignores` are taken only from a
file the operator names with `--config` (or from the command line). Nor may it harm the operator: it may not name a
file to write (a `format` entry `FORMAT:FILE`), since the folder would choose which of the operator's files a report
replaces. A vendor's CI names its own file: `cqdt-check --config .cqdt-check.yaml …`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any, Literal

from .discovery import (
    CONFIG_NAMES as YAML_NAMES,  # one list: discovery leaves them out of folders
)
from .errors import ConfigError, Hint, OsReason, UsageError
from .findings import Location
from .loader import LoadError, load_text
from .messages import say
from .records import field, record
from .schema import explain
from .shapes import ConfigDict, Field, Model

TOML_NAME = "pyproject.toml"
TOML_TABLE = ("tool", "cqdt-check")

# Keys that decide the verdict (what a plan is judged against, which rules run, what fails it): only from a file the
# operator names. A rule turned off by a file found in the checked folder would let the folder pass its own check.
OPERATOR_ONLY = ("architecture", "rules", "no-bundled-rules", "decisions", "as-of", "fail-on",
                 "select", "extend-select", "ignore", "per-path-ignores")


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class FileConfig(Model):
    """What a configuration file may hold: the check command's options, by their names without `--`."""

    model_config = ConfigDict(extra="forbid", alias_generator=_kebab, populate_by_name=False, title="cqdt-check config")

    architecture: str | None = Field(None, description="--architecture: a bundled id or a YAML file")
    rules: list[str] | None = Field(None, description="--rules: extra rule-pack folders")
    no_bundled_rules: bool | None = Field(None, description="--no-bundled-rules")
    decisions: list[str] | None = Field(None, description="--decisions: the appraiser's decisions files")
    as_of: str | None = Field(None, description="--as-of YYYY-MM-DD")
    fail_on: Literal["error", "warning", "info", "never"] | None = Field(None, description="--fail-on")
    lang: Literal["vi", "en"] | None = Field(None, description="--lang")
    select: list[str] | None = Field(None, description="--select: rule ids, id prefixes or areas")
    extend_select: list[str] | None = Field(None, description="--extend-select")
    ignore: list[str] | None = Field(None, description="--ignore")
    per_path_ignores: dict[str, list[str]] | None = Field(
        None, description="glob (relative to the configuration file's folder) → rules not evaluated for those files")
    format: list[str] | None = Field(None, description="--format FORMAT[:FILE], several allowed")
    progress: bool | None = Field(None, description="--progress / --no-progress")
    quiet: bool | None = Field(None, description="--quiet")
    statistics: bool | None = Field(None, description="--statistics")
    color: Literal["auto", "always", "never"] | None = Field(None, description="--color")
    jobs: int | None = Field(None, ge=1, description="--jobs")
    max_bytes: int | None = Field(None, ge=1, description="--max-bytes")
    max_nodes: int | None = Field(None, ge=1, description="--max-nodes")
    max_depth: int | None = Field(None, ge=1, description="--max-depth")


# Keys naming files: relative to the configuration file's folder, not to wherever the command runs.
_PATH_KEYS = ("rules", "decisions")


@record
class LoadedConfig:
    """A configuration file read and validated: its values (by option name), where each key is, how it was found."""

    path: Path
    named: bool  # True: --config FILE (the operator's); False: found by search (the checked folder's)
    values: dict[str, Any] = field(default_factory=dict)  # kebab-case key → value
    places: dict[str, Location] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return self.path.parent


def find(start: Path) -> Path | None:
    """The first configuration file upward from `start`: `.cqdt-check.yaml` before `pyproject.toml` in one folder;
    a pyproject.toml without a `[tool.cqdt-check]` table is passed over."""
    for folder in (start, *start.parents):
        for name in YAML_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / TOML_NAME
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def _has_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r'^\s*\[\s*tool\s*\.\s*(?:"cqdt-check"|cqdt-check)\s*(?:\.|\])', text, re.MULTILINE) is not None


def load(config: Path | None, no_config: bool, cwd: Path | None = None) -> LoadedConfig | None:
    """The configuration of a run: the named file, else the one found by search, else none."""
    if config is not None and no_config:
        raise UsageError("config.both")
    if no_config:
        return None
    if config is not None:
        if not config.is_file():
            raise ConfigError(Location(str(config)), "config.not_found")
        return read(config, named=True)
    found = find((cwd or Path.cwd()).resolve())
    return read(found, named=False) if found is not None else None


def read(path: Path, named: bool) -> LoadedConfig:
    """Read and validate one configuration file (ConfigError, located, for anything it cannot hold)."""
    display = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(Location(display), "os_error", reason=OsReason(exc)) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(Location(display), "os_error", reason=str(exc)) from None
    if path.name == TOML_NAME or path.suffix == ".toml":
        data, locate = _read_toml(text, display)
    else:
        data, locate = _read_yaml(text, display)
    if data is None:
        data = {}
    _validate(data, locate, display)
    loaded = LoadedConfig(path=path, named=named)
    for key, value in data.items():
        loaded.places[key] = Location(display, *locate((key,)))
        if key in _PATH_KEYS:
            value = [str(path.parent / item) if not Path(item).is_absolute() else item for item in value]
        loaded.values[key] = value
    if not named:
        for key in OPERATOR_ONLY:
            if key in loaded.values:
                raise ConfigError(loaded.places[key], "config.operator_only", key=key)
        for index, entry in enumerate(loaded.values.get("format") or []):
            if ":" in entry:  # FORMAT:FILE writes where the checked folder says: it could replace any file
                raise ConfigError(Location(display, *locate(("format", index))), "config.operator_only_output",
                                  entry=entry)
    return loaded


def _read_yaml(text: str, display: str):
    try:
        doc = load_text(text, display)
    except LoadError as exc:
        raise ConfigError(exc.location, exc.code, **exc.params) from None
    if doc.problems:  # duplicate keys, tags, …: a configuration must say one thing once
        problem = doc.problems[0]
        raise ConfigError(Location(display, problem.line, problem.column), "config.input_problem",
                          key=".".join(str(p) for p in problem.path) or "-")
    return doc.data, lambda path: doc.locate(path, key=True)


def _read_toml(text: str, display: str):
    import tomllib  # here, not at the top: only a pyproject.toml needs it (start-up stays light)

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column = _toml_place(str(exc))
        raise ConfigError(Location(display, line, column), "config.toml_syntax") from None
    data: Any = document
    for part in TOML_TABLE:
        data = data.get(part) if isinstance(data, dict) else None
    lines = text.splitlines()
    header = next((i for i, line in enumerate(lines)
                   if re.match(r'\s*\[\s*tool\s*\.\s*(?:"cqdt-check"|cqdt-check)\s*\]', line)), None)

    def locate(path: tuple) -> tuple[int, int]:
        """tomllib keeps no places: the line of the key in the table, else the table's header."""
        if header is None:
            return (0, 0)
        key = str(path[0]) if path else ""
        for index in range(header + 1, len(lines)):
            if lines[index].lstrip().startswith("["):
                break
            match = re.match(rf'(\s*)"?{re.escape(key)}"?\s*=', lines[index]) if key else None
            if match:
                return (index + 1, len(match.group(1)) + 1)
        return (header + 1, 1)

    return data, locate


def _toml_place(message: str) -> tuple[int, int]:
    """tomllib ends its messages with '(at line L, column C)': the place, without its words."""
    match = re.search(r"line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def _validate(data: Any, locate, display: str) -> None:
    errors = explain(data, config_schema())
    if errors:
        first = errors[0]
        key = ".".join(str(p) for p in first.path)
        if first.code == "schema.additional":  # the plan's wording names the plan format: say it of the configuration
            hint = first.params.get("hint")
            raise ConfigError(Location(display, *locate(first.path)), "config.unknown_key", key=key,
                              known=", ".join(keys()), hint=Hint(hint) if hint else "")
        raise ConfigError(Location(display, *locate(first.path)),
                          "config.invalid", key=key or "-", problem=first)


def keys() -> list[str]:
    """Every key a configuration file may hold, as written in the file."""
    return [info.alias or name for name, info in FileConfig.model_fields.items()]




def config_schema() -> dict:
    return FileConfig.model_json_schema(by_alias=True)


# --- the command line meets the file ---------------------------------------------------------------------------------

@record(frozen=True)
class Setting:
    """One setting in effect: its value and where it came from (command line, a file's place, or the default)."""

    value: Any
    source: str  # "cli" | "default" | "file"
    location: Location | None = None


def effective(given: dict[str, Any], explicit: Collection[str], config: Path | None,
              no_config: bool) -> tuple[dict[str, Setting], LoadedConfig | None]:
    """The options in effect and the file they came from: those typed on the command line (`explicit`), else the
    configuration file's, else the defaults (`given` holds the command line's value of every key)."""
    loaded = load(config, no_config)
    return merge(given, explicit, loaded), loaded


def merge(given: dict[str, Any], explicit: Collection[str], loaded: LoadedConfig | None) -> dict[str, Setting]:
    """Every option's value in effect: the command line when typed there, else the file, else the default (the
    command line's value when not typed). Keys are the config's names (kebab-case)."""
    out: dict[str, Setting] = {}
    for key in sorted(set(given) | set(loaded.values if loaded else {})):
        if key in explicit:
            out[key] = Setting(given[key], "cli")
        elif loaded is not None and key in loaded.values:
            out[key] = Setting(loaded.values[key], "file", loaded.places.get(key))
        else:
            out[key] = Setting(given.get(key), "default")
    return out


def describe(settings: dict[str, Setting], loaded: LoadedConfig | None, lang: str) -> str:
    """`cqdt-check config`: the file in effect, then one line per setting with where it came from."""


    lines = [say("config.file", lang, file=str(loaded.path) if loaded else say("config.none", lang))]
    if loaded is not None:
        lines.append(say("config.found_by", lang, how=say("config.named" if loaded.named else "config.searched", lang)))
    width = max(len(k) for k in settings) if settings else 0
    for key, setting in settings.items():
        if setting.source == "file" and setting.location is not None:
            loc = setting.location
            where = f"{loc.file}:{loc.line}" if loc.line else loc.file
        else:
            where = say(f"config.source.{setting.source}", lang)
        shown = json.dumps(setting.value, ensure_ascii=False, default=str)
        lines.append(f"  {key.ljust(width)} = {shown}  ({where})")
    return "\n".join(lines) + "\n"


__all__ = [
    "OPERATOR_ONLY",
    "FileConfig",
    "LoadedConfig",
    "Setting",
    "config_schema",
    "describe",
    "effective",
    "find",
    "keys",
    "load",
    "merge",
    "read",
]
