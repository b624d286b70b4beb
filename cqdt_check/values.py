"""Value types shared by the stages: the frozen model base, the bilingual text, conditions and legal instruments.

They sit low in the import graph (only shapes and dates below them), so the checks, the rule pack and the
architecture all use one definition of each.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Union

from .dates import IsoDate
from .errors import Invalid
from .shapes import ConfigDict, Field, Model, model_validator


class Frozen(Model):
    """The base of every model read from a file: strict (no silent coercion: "3" is not 3), an unknown key is an
    error (never dropped), immutable; validators are built on first use (defer_build), keeping start-up lean."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False, defer_build=True)


class Text(Frozen):
    """A text people read: Vietnamese, and English where one exists (rule texts must have both: rulepack.Rule)."""

    vi: str = Field(min_length=1, title="Tiếng Việt")
    en: str | None = Field(default=None, min_length=1, title="Tiếng Anh")

    def get(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.vi


Scalar = Union[bool, int, str]


class Range(Frozen):
    """A numeric condition."""

    gte: float | None = None
    lte: float | None = None
    gt: float | None = None


Condition = Union[Scalar, list[Scalar], Range]


class InstrumentTransition(Frozen):
    """Projects under investment before `started_before` keep the instrument until `until` (None: to the end)."""

    started_before: IsoDate
    until: IsoDate | None = None
    basis: str


class InstrumentEntry(Frozen):
    """A legal instrument: when it is in force, what replaced it, and how sure we are."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str = Field(min_length=1)
    match: list[str] = Field(default_factory=list, title="Cách viết số hiệu để nhận diện trong hồ sơ (trống: chỉ dùng làm căn cứ)")
    valid_from: IsoDate | None = None
    valid_to: IsoDate | None = Field(default=None, title="Ngày cuối còn hiệu lực")
    replaced_by: str | None = None
    transition: InstrumentTransition | None = None
    verified: bool
    source: str


class Basis(Frozen):
    """A legal basis: the instrument, the article, when it is in force, and how sure we are of it. One type for a basis
    as a rule writes it and as a finding cites it (legal.resolve_basis turns `@architecture` into the decision).

    `principle: <id>` alone is short for a principle of the architecture in use (the decision approving it is
    the instrument, the principle's place in it the article)."""

    instrument: str = Field(min_length=1, title="Văn bản", examples=["Nghị định 85/2016/NĐ-CP"])
    province: str | None = Field(default=None, title="Chỉ là căn cứ với kiến trúc của tỉnh này (văn bản của tỉnh)")
    article: str | None = Field(default=None, title="Điều, khoản, điểm")
    valid_from: IsoDate | None = Field(default=None, title="Có hiệu lực từ")
    valid_to: IsoDate | None = Field(default=None, title="Hết hiệu lực sau ngày (ngày cuối còn hiệu lực)")
    verified: bool = Field(title="Đã đối chiếu văn bản gốc (C1 hoặc văn bản seed)")
    source: str = Field(min_length=1, title="Nguồn: URL hoặc seed:<tệp> kèm vị trí")
    scope: str | None = Field(default=None, title="Phạm vi của căn cứ (mã trong scopes của từ vựng)")
    at_most: Literal["warning", "info"] | None = Field(
        default=None, title="Mức cao nhất căn cứ này tự nó đủ để kết luận (khi không có căn cứ mạnh hơn áp dụng)")

    @classmethod
    def of(cls, instrument: str, article: str | None, valid_from: dt.date | None, valid_to: dt.date | None,
           verified: bool, source: str) -> Basis:
        """A basis as a finding cites it, from facts already validated (a rule's, a decision's): not checked again."""
        return cls.model_construct(instrument=instrument, article=article, valid_from=valid_from, valid_to=valid_to,
                                   verified=verified, source=source)

    @model_validator(mode="before")
    @classmethod
    def _principle(cls, data: Any) -> Any:
        if isinstance(data, dict) and "principle" in data and set(data) <= {"principle", "at_most"}:
            principle = data["principle"]
            return {"instrument": "@architecture", "article": principle, "verified": True,
                    "source": f"architecture principle {principle}",
                    **({"at_most": data["at_most"]} if "at_most" in data else {})}
        return data

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        # the schema says what the loader accepts: a full basis, the `principle: <id>` shorthand (with at most `at_most`), or a basis by
        # `ref:` (without this an editor, and the refusal of a broken pack, would call the shorthands unknown fields)
        full = handler(core_schema)
        identifier = {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"}
        shorthand = {"type": "object", "title": "Nguyên tắc của kiến trúc đang dùng",
                     "properties": {"principle": identifier,
                                    "at_most": handler.resolve_ref_schema(full)["properties"]["at_most"]},
                     "required": ["principle"], "additionalProperties": False}
        # `ref: <instrument id>`: the instrument's facts come from the vocabulary, the rest as in a full basis
        fields = {k: v for k, v in handler.resolve_ref_schema(full).get("properties", {}).items() if k != "instrument"}
        by_reference = {"type": "object", "title": "Văn bản trong từ vựng (rules/vocabulary/instruments.yaml)",
                        "properties": {"ref": identifier, **fields}, "required": ["ref"], "additionalProperties": False}
        return {"anyOf": [full, shorthand, by_reference]}

    @model_validator(mode="after")
    def _ordered(self) -> Basis:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise Invalid("value.window_reversed")
        return self


__all__ = ["Frozen", "Text", "Basis", "Scalar", "Range", "Condition", "InstrumentTransition", "InstrumentEntry"]
