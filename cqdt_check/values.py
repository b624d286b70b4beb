"""Value types shared by the stages: the frozen model base, the bilingual text, conditions and legal instruments.

They sit low in the import graph (only pydantic and dates below them), so the checks, the rule pack and the
architecture all use one definition of each.
"""

from __future__ import annotations

from typing import Union

from pydantic import BaseModel, ConfigDict, Field

from .dates import IsoDate


class Frozen(BaseModel):
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


__all__ = ["Frozen", "Text", "Scalar", "Range", "Condition", "InstrumentTransition", "InstrumentEntry"]
