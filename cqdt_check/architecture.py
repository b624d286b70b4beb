"""The architecture stage: the typed model of a provincial e-government architecture and its loader."""

from __future__ import annotations

import datetime as dt
import itertools
from functools import lru_cache
from typing import Literal

from .dates import IsoDate
from .errors import Invalid
from .shapes import Field, Info, PrivateAttr, model_validator
from .values import Frozen, Text


class DecisionRef(Frozen):
    """A decision referred to by the architecture (what it replaces, what it builds on)."""

    number: str = Field(title="Số, ký hiệu", examples=["2126/QĐ-UBND"])
    date: IsoDate = Field(title="Ngày ban hành")
    issuer: Text | None = Field(default=None, title="Cơ quan, người ban hành")  # cited to English readers too
    title: Text | None = Field(default=None, title="Trích yếu")
    note: Text | None = Field(default=None, title="Ghi chú")
    source: str = Field(title="Nguồn (vị trí trong văn bản gốc hoặc tệp seed)")


class Decision(Frozen):
    """The decision that approves the architecture."""

    number: str = Field(title="Số, ký hiệu", examples=["1702/QĐ-UBND"])
    date: IsoDate = Field(title="Ngày ban hành")
    effective: IsoDate = Field(title="Ngày có hiệu lực")
    issuer: Text = Field(title="Người/cơ quan ban hành")  # shown to English readers too: an `en` form
    signer: str | None = Field(default=None, title="Người ký")
    title: Text = Field(title="Trích yếu")
    replaces: list[DecisionRef] = Field(default_factory=list, title="Văn bản được thay thế")
    national_framework: list[DecisionRef] = Field(default_factory=list, title="Khung kiến trúc quốc gia làm căn cứ")
    source: str = Field(title="Nguồn")


ElementKind = Literal[
    "provincial_platform",
    "provincial_system",
    "provincial_infrastructure",
    "national_platform",
    "national_system",
    "national_database",
    "network",
]


class Component(Frozen):
    """One of the main components of the architecture's overview diagram."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", title="Mã thành phần")
    name: Text = Field(title="Tên thành phần")
    description: Text = Field(title="Mô tả")
    source: str = Field(title="Nguồn")


class Element(Frozen):
    """A platform, system, database or network the architecture names."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", title="Mã")
    kind: ElementKind = Field(title="Loại")
    name: Text = Field(title="Tên")
    abbreviation: str | None = Field(default=None, title="Tên viết tắt", examples=["LGSP"])
    aliases: list[str] = Field(default_factory=list, title="Tên gọi khác (kể cả tên cũ)")
    component: str | None = Field(default=None, title="Thuộc thành phần (mã)")
    description: Text | None = Field(default=None, title="Mô tả")
    source: str = Field(title="Nguồn")


class Principle(Frozen):
    """A principle of the architecture that rules rely on."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", title="Mã nguyên tắc")
    statement: Text = Field(title="Nội dung")
    elements: list[str] = Field(default_factory=list, title="Các thành phần/nền tảng liên quan (mã)")
    source: str = Field(title="Nguồn")


class RoadmapTask(Frozen):
    """A priority task of the architecture's roadmap."""

    number: int = Field(ge=1, title="Số thứ tự")
    title: Text = Field(title="Nội dung nhiệm vụ")
    period: str | None = Field(default=None, title="Giai đoạn", examples=["2025-2030"])
    elements: list[str] = Field(default_factory=list, title="Các thành phần/nền tảng liên quan (mã)")
    source: str = Field(title="Nguồn")


class Architecture(Frozen):
    """A provincial e-government architecture encoded as data."""

    format: Literal["cqdt-architecture/1"] = Field(title="Định dạng")
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9.]+)*$", title="Mã kiến trúc", examples=["quang-ngai-3.0"])
    title: Text = Field(title="Tên kiến trúc")
    province: str = Field(title="Tỉnh")
    version: str = Field(title="Phiên bản")
    decision: Decision = Field(title="Quyết định phê duyệt")
    components: list[Component] = Field(min_length=1, title="Các thành phần chính")
    elements: list[Element] = Field(title="Nền tảng, hệ thống, CSDL, mạng")
    principles: list[Principle] = Field(title="Nguyên tắc")
    roadmap: list[RoadmapTask] = Field(title="Nhiệm vụ trọng tâm")
    notes: list[Text] = Field(default_factory=list, title="Ghi chú của người mã hoá")

    @model_validator(mode="after")
    def _ids_resolve(self, info: Info) -> Architecture:
        ids = [c.id for c in self.components] + [e.id for e in self.elements]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise Invalid("value.duplicate_ids", ids=", ".join(dupes))
        # principles and tasks may name national ids: those live once, in the national layer
        national = (info.context or {}).get("national_ids") if info.context else None
        known = set(ids) | set(national if national is not None else bundled_national_ids())
        refs = [e.component for e in self.elements if e.component]
        refs += [r for p in self.principles for r in p.elements]
        refs += [r for t in self.roadmap for r in t.elements]
        missing = sorted({r for r in refs if r not in known})
        if missing:
            raise Invalid("value.unknown_ids", ids=", ".join(missing))
        numbers = [t.number for t in self.roadmap]
        if len(numbers) != len(set(numbers)):
            raise Invalid("value.duplicate_task_numbers")
        return self

    _table: dict | None = PrivateAttr(default=None)
    _hints: dict = PrivateAttr(default_factory=dict)  # checks.closest_id's answers for this architecture
    _national: National | None = PrivateAttr(default=None)

    @property
    def national(self) -> National | None:
        """The national layer this architecture is judged with (set by `with_national`)."""
        return self._national

    # Lookups used by checks; computed once per architecture (rules ask for them per target).
    @property
    def hints(self) -> dict:
        """The unknown-id hints already worked out with this architecture (checks.closest_id)."""
        return self._hints

    def ids(self) -> dict[str, Component | Element]:
        table = self._table  # read once: a private attribute is looked up in Python, and checks ask per target
        if table is None:
            table = {c.id: c for c in self.components}
            table.update({e.id: e for e in self.elements})
            self._table = table
        return table

    def has(self, element_id: str) -> bool:
        return element_id in self.ids()

    def task_numbers(self) -> set[int]:
        return {t.number for t in self.roadmap}


class Framework(Frozen):
    """One edition of the national architecture framework, in force for plans dated within its window."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9.]+)*$", title="Mã khung")
    title: Text = Field(title="Tên khung")
    decisions: list[DecisionRef] = Field(min_length=1, title="Quyết định ban hành (kể cả văn bản sửa đổi)")
    valid_from: IsoDate = Field(title="Áp dụng từ")
    valid_to: IsoDate | None = Field(default=None, title="Ngày cuối còn áp dụng")
    binds_provinces: bool = Field(default=False, title="Kiến trúc tỉnh chỉ áp dụng khi không trái khung này")
    layers: list[Component] = Field(default_factory=list, title="Các lớp kiến trúc")
    principles: list[Principle] = Field(default_factory=list, title="Nguyên tắc")
    shared_platforms: list[str] = Field(default_factory=list, title="Nền tảng số dùng chung quốc gia (mã)")
    source: str = Field(title="Nguồn")
    verified: bool = Field(title="Đã đối chiếu văn bản (C1)")

    def name(self) -> str:
        d = self.decisions[0]
        return f"Quyết định {d.number} ngày {d.date.strftime('%d/%m/%Y')} ({self.title.vi})"


class National(Frozen):
    """The national layer: ids of national platforms, systems and databases (defined once, usable with any
    provincial architecture) and the national framework editions by date."""

    format: Literal["cqdt-national/1"] = Field(title="Định dạng")
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9.]+)*$", title="Mã")
    title: Text = Field(title="Tên")
    layers: list[Component] = Field(min_length=1, title="Các lớp (để xếp các nền tảng quốc gia)")
    elements: list[Element] = Field(min_length=1, title="Nền tảng, hệ thống, CSDL quốc gia")
    frameworks: list[Framework] = Field(min_length=1, title="Các khung kiến trúc quốc gia theo thời gian")
    notes: list[Text] = Field(default_factory=list, title="Ghi chú của người mã hoá")

    @model_validator(mode="after")
    def _consistent(self) -> National:
        ids = [e.id for e in self.elements]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise Invalid("value.duplicate_ids", ids=", ".join(dupes))
        if bad := [e.id for e in self.elements if not e.kind.startswith("national")]:
            raise Invalid("value.national_only", ids=", ".join(bad))
        layers = {c.id for c in self.layers}
        refs = [e.component for e in self.elements if e.component] + [r for f in self.frameworks for r in f.shared_platforms]
        refs += [r for f in self.frameworks for p in f.principles for r in p.elements]
        if missing := sorted({r for r in refs if r not in layers | set(ids)}):
            raise Invalid("value.unknown_ids", ids=", ".join(missing))
        ordered = sorted(self.frameworks, key=lambda f: f.valid_from)
        for earlier, later in itertools.pairwise(ordered):
            if earlier.valid_to is None or earlier.valid_to >= later.valid_from:
                raise Invalid("value.frameworks_overlap", first=earlier.id, second=later.id)
        return self

    def framework_on(self, day: dt.date) -> Framework | None:
        return next((f for f in self.frameworks
                     if f.valid_from <= day and (f.valid_to is None or day <= f.valid_to)), None)


NATIONAL_FILE = "national/khung-quoc-gia.yaml"


@lru_cache(maxsize=1)
def bundled_national() -> National:
    """The bundled national layer (architecture/national/), validated once per process."""
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .bundled import load
    from .resources import data_dir

    doc = load(data_dir("architecture") / NATIONAL_FILE)
    return National.model_validate(doc.data)


def bundled_national_ids() -> set[str]:
    return {e.id for e in bundled_national().elements}


def with_national(provincial: Architecture, national: National | None = None) -> Architecture:
    """The provincial architecture judged together with the national layer: national ids are usable in any
    province, and where both define an id the national one wins (QĐ 1425/QĐ-TTg Điều 3 khoản 3). Built once per
    architecture a run loads (packs.ArchitectureResolver keeps it)."""
    national = national or bundled_national()
    if provincial.national is national:
        return provincial
    taken = {e.id for e in national.elements}
    elements = [e for e in provincial.elements if e.id not in taken] + list(national.elements)
    combined = provincial.model_copy(update={"elements": elements})
    combined._table = None
    combined._hints = {}
    combined._national = national
    return combined


DEFAULT_ARCHITECTURE = "quang-ngai-3.0"
