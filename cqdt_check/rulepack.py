"""The rule pack: rules as data (rules/*.yaml), their vocabulary, and the loader that refuses a broken pack.

A rule names one check of the closed set in `checks.CHECKS`; its options are validated by that check's
options model when the pack loads, and its message placeholders against the parameters the check and
its target provide, so a typo in a rule stops the run (exit 2) instead of passing silently.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any, Literal

from .dates import IsoDate
from .errors import ConfigError, Invalid, reason_of
from .findings import AREAS, Location, format_path
from .records import field, record
from .shapes import ConfigDict, Field, Refused, model_validator
from .values import Basis, Condition, Frozen, InstrumentEntry, Text

RULE_ID = r"^[A-Z][A-Z0-9]*-\d{3}$"


class AppliesWhen(Frozen):
    """Which plans and targets a rule concerns; every listed condition must hold (target_any: one of them)."""

    kind: list[Literal["project", "service_rental"]] = Field(default_factory=list, title="Loại hồ sơ")
    plan: dict[str, Condition] = Field(default_factory=dict, title="Điều kiện trên các trường của kế hoạch")
    target: dict[str, Condition] = Field(default_factory=dict, title="Điều kiện trên đối tượng kiểm tra")
    target_any: list[dict[str, Condition]] = Field(default_factory=list, title="Một trong các điều kiện")


class Example(Frozen):
    """Short YAML snippets shown by `cqdt-check explain`."""

    fail: str = Field(title="Ví dụ vi phạm")
    pass_: str = Field(alias="pass", title="Ví dụ đạt")

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)


Target = Literal["plan", "system", "integration", "dataset"]


class Rule(Frozen):
    """One rule of the pack."""

    id: str = Field(pattern=RULE_ID, title="Mã quy tắc (ổn định)")
    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", title="Tên ngắn, nêu điều bị phát hiện")
    area: Literal[AREAS[:-1]] = Field(title="Lĩnh vực")  # type: ignore[valid-type]
    severity: Literal["error", "warning", "info"] = Field(title="Mức độ")
    title: Text = Field(title="Tiêu đề")
    message: Text = Field(title="Thông điệp (mẫu str.format)")
    rationale: Text = Field(title="Lý do")
    remediation: Text = Field(title="Cách khắc phục")
    basis: list[Basis] = Field(min_length=1, title="Căn cứ pháp lý")
    valid_from: IsoDate | None = Field(default=None, title="Áp dụng từ (mặc định: sớm nhất của căn cứ)")
    valid_to: IsoDate | None = Field(default=None, title="Áp dụng đến (mặc định: muộn nhất của căn cứ)")
    applies_when: AppliesWhen = Field(default_factory=AppliesWhen, title="Phạm vi áp dụng")
    requires: list[str] = Field(default_factory=list, title="Thành phần kiến trúc cần có (mã)")
    exempt: list[str] = Field(default_factory=list, title="Trường hợp được miễn (mã trong vocabulary: exemptions)")
    target: Target = Field(title="Đối tượng kiểm tra")
    check: str = Field(title="Tên hàm kiểm tra")
    options: dict[str, Any] = Field(default_factory=dict, title="Tham số của hàm kiểm tra")
    example: Example | None = Field(default=None, title="Ví dụ")

    @model_validator(mode="after")
    def _bilingual(self) -> Rule:
        # every user reads a rule's texts: in a rule, English is required (architectures may lack it)
        missing = [name for name in ("title", "message", "rationale", "remediation") if not getattr(self, name).en]
        if missing:
            raise Invalid("value.english_missing", fields=", ".join(missing))
        return self


class RuleFile(Frozen):
    """A file of the rule pack."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, title="Gói quy tắc cqdt-check")

    format: Literal["cqdt-rules/1"] = Field(title="Định dạng")
    rules: list[Rule] = Field(title="Các quy tắc")


class Concept(Frozen):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    phrases: list[str] = Field(min_length=1)
    note: str | None = None


class Scope(Frozen):
    """Where a basis speaks: a basis with a scope is cited for a target only when no declared fact of the plan or
    the target falls outside these conditions (an undeclared fact does not exclude it). When every basis in force
    is excluded, the rule does not apply to that target, and `reason` says why."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    plan: dict[str, Condition] = Field(default_factory=dict, title="Điều kiện trên các trường của kế hoạch")
    target: dict[str, Condition] = Field(default_factory=dict, title="Điều kiện trên đối tượng kiểm tra")
    reason: Text = Field(title="Lý do căn cứ không áp dụng")
    source: str = Field(min_length=1)


class Exemption(Frozen):
    """A case the law exempts from a set of rules (e.g. renting an available service needs no architecture
    conformance check): when it holds on the date judged, the rules naming it are not applicable, with its reason."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    when: dict[str, Condition] = Field(min_length=1, title="Điều kiện trên các trường của kế hoạch (tất cả)")
    valid_from: IsoDate | None = None
    valid_to: IsoDate | None = None
    reason: Text = Field(title="Lý do không áp dụng, kèm căn cứ")


class Vocabulary(Frozen):
    """Synonym sets for clause matching and the catalogue of instruments, kept as data."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, title="Từ vựng của gói quy tắc")

    format: Literal["cqdt-vocabulary/1"]
    concepts: list[Concept] = Field(default_factory=list)
    instruments: list[InstrumentEntry] = Field(default_factory=list)
    scopes: list[Scope] = Field(default_factory=list)
    exemptions: list[Exemption] = Field(default_factory=list)


@record(frozen=True)
class LoadedRule:
    """A validated rule, its validated options, and where it was written."""

    rule: Rule
    options: Any
    location: Location


@record(frozen=True)
class RulePack:
    rules: tuple[LoadedRule, ...]
    concepts: dict[str, tuple[str, ...]]
    instruments: tuple[InstrumentEntry, ...]
    scopes: dict[str, Scope] = field(default_factory=dict)
    exemptions: dict[str, Exemption] = field(default_factory=dict)

    def get(self, rule_id: str) -> LoadedRule | None:
        return next((r for r in self.rules if r.rule.id == rule_id), None)


def _yaml_files(folder: Path) -> list[Path]:
    """The *.yaml files of a pack folder, sorted; a folder that cannot be read is refused, not taken as empty
    (glob() yields nothing for it, which would silently drop rules or synonyms)."""
    if not folder.is_dir():
        return []
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == ".yaml")
    except OSError:
        raise ConfigError(Location(str(folder)), "permission_folder") from None


def pack_files(directory: Path) -> list[Path]:
    """Every file a rule-pack folder contributes, in load order: its rule files, then its vocabulary."""
    return _yaml_files(directory) + _yaml_files(directory / "vocabulary")


def load_rule_pack(directories: list[Path]) -> RulePack:
    """Load and validate the rule packs in `directories` (later packs replace earlier rules with the same id)."""
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .bundled import load
    from .checks import CHECKS, COMMON_PARAMS
    from .schema import explain, from_pydantic

    rules: dict[str, LoadedRule] = {}
    concepts: dict[str, tuple[str, ...]] = {}
    instruments: dict[str, InstrumentEntry] = {}
    scopes: dict[str, Scope] = {}
    exemptions: dict[str, Exemption] = {}
    rule_files: list[tuple[Path, Any]] = []
    for directory in directories:
        if not directory.is_dir():
            raise ConfigError(Location(str(directory)), "pack.not_directory")
        for path in pack_files(directory):
            doc = load(path)
            is_vocab = isinstance(doc.data, dict) and doc.data.get("format") == "cqdt-vocabulary/1"
            if not is_vocab:  # validated once every vocabulary is read: bases may name its instruments
                rule_files.append((path, doc))
                continue
            try:
                vocab = Vocabulary.model_validate(doc.data)
            except Refused as exc:
                # jsonschema explains shape errors with their place; what only the model knows (a validator's
                # refusal) comes from pydantic: never dropped
                errors = explain(doc.data, Vocabulary.model_json_schema()) or from_pydantic(exc)
                raise _config_error(doc, errors, path) from None
            concepts.update({c.id: tuple(c.phrases) for c in vocab.concepts})
            instruments.update({i.id: i for i in vocab.instruments})
            scopes.update({sc.id: sc for sc in vocab.scopes})
            exemptions.update({e.id: e for e in vocab.exemptions})
    parsed_files = []
    for path, doc in rule_files:
        data = _with_instruments(doc, instruments, path)
        try:
            parsed_files.append((path, doc, RuleFile.model_validate(data)))
        except Refused as exc:
            raise _config_error(doc, explain(data, RuleFile.model_json_schema()) or from_pydantic(exc), path) from None
    for path, doc, parsed in parsed_files:
        for index, rule in enumerate(parsed.rules):
            where = doc.locate(("rules", index))
            location = Location(str(path), *where)
            check = CHECKS.get(rule.check)
            if check is None:
                raise ConfigError(location, "pack.unknown_check", rule=rule.id, check=rule.check, known=", ".join(sorted(CHECKS)))
            if rule.target not in check.targets:
                raise ConfigError(location, "pack.wrong_target", rule=rule.id, check=rule.check, target=rule.target)
            try:
                options = check.options.model_validate(rule.options)
            except Refused as exc:
                err = exc.errors(include_url=False)[0]
                loc = Location(str(path), *doc.locate(("rules", index, "options", *err["loc"])))
                raise ConfigError(loc, "pack.bad_options", rule=rule.id, check=rule.check,
                                  path=format_path(tuple(err["loc"])) or "options", reason=reason_of(err)) from None
            for concept in getattr(options, "concepts_used", lambda: [])():
                if concept not in concepts:
                    raise ConfigError(location, "pack.unknown_concept", rule=rule.id, concept=concept)
            allowed = set(check.params) | COMMON_PARAMS[rule.target]
            for lang in ("vi", "en"):
                for _, name, _, _ in string.Formatter().parse(rule.message.get(lang)):
                    if name is not None and name not in allowed:
                        loc = Location(str(path), *doc.locate(("rules", index, "message", lang)))
                        raise ConfigError(loc, "pack.bad_placeholder", rule=rule.id, name=name, check=rule.check,
                                          known=", ".join(sorted(allowed)))
            for b in rule.basis:
                if b.scope is not None and b.scope not in scopes:
                    raise ConfigError(location, "pack.unknown_scope", rule=rule.id, scope=b.scope)
            for name in rule.exempt:
                if name not in exemptions:
                    raise ConfigError(location, "pack.unknown_exemption", rule=rule.id, exemption=name)
            if rule.severity == "error" and not any(b.verified or b.instrument == "@architecture" for b in rule.basis):
                raise ConfigError(location, "pack.error_unverified", rule=rule.id)
            if rule.id in rules and Path(rules[rule.id].location.file).parent == path.parent:  # same pack: a mistake
                raise ConfigError(location, "pack.duplicate_rule", rule=rule.id, first=rules[rule.id].location.file)
            rules[rule.id] = LoadedRule(rule, options, location)
    ordered = tuple(sorted(rules.values(), key=lambda r: (AREAS.index(r.rule.area), r.rule.id)))
    return RulePack(ordered, concepts, tuple(instruments.values()), scopes, exemptions)


def _with_instruments(doc: Any, instruments: dict[str, InstrumentEntry], path: Path) -> Any:
    """The rule file with each basis written `ref: <instrument id>` completed from the vocabulary: the instrument's
    name, dates, source and how sure it is, unless the basis states its own (one place for an instrument's facts)."""
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        return data
    rules = []
    for index, rule in enumerate(data["rules"]):
        if isinstance(rule, dict) and isinstance(rule.get("basis"), list):
            bases = []
            for number, basis in enumerate(rule["basis"]):
                if isinstance(basis, dict) and "ref" in basis:
                    entry = instruments.get(basis["ref"])
                    if entry is None:
                        where = doc.locate(("rules", index, "basis", number, "ref"))
                        raise ConfigError(Location(str(path), *where), "pack.unknown_instrument",
                                          rule=str(rule.get("id")), instrument=str(basis["ref"]))
                    known = {"instrument": entry.name, "valid_from": entry.valid_from, "valid_to": entry.valid_to,
                             "verified": entry.verified, "source": entry.source}
                    basis = {**{k: v for k, v in known.items() if v is not None},
                             **{k: v for k, v in basis.items() if k != "ref"}}
                bases.append(basis)
            rule = {**rule, "basis": bases}
        rules.append(rule)
    return {**data, "rules": rules}


def _config_error(doc, errors, path: Path) -> ConfigError:
    if not errors:
        return ConfigError(Location(str(path)), "file.invalid")
    first = errors[0]
    line, column = doc.locate(first.path, key=first.key)
    rule_id = _rule_id_at(doc.data, first.path)
    return ConfigError(Location(str(path), line, column), "pack.invalid", rule=f"{rule_id}: " if rule_id else "",
                       path=format_path(first.path), reason=first)


def _rule_id_at(data: Any, path: tuple) -> str | None:
    if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int):
        try:
            return str(data["rules"][path[1]].get("id"))
        except (KeyError, IndexError, AttributeError, TypeError):
            return None
    return None
