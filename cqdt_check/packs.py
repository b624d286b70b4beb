"""Loading what the operator chose to judge with: the rule pack and the architectures, validated, from their files.

Only the operator's command line and the installed packs choose these. A plan's own `architecture:` field may
name a bundled architecture by id, never a file: everything in a checked folder is written by the party being
judged (README, "Security model").

Nothing is cached between runs: a cache of the validated pack would have to be either code (pickle: whoever can
write the cache folder runs code as the user, and a planted pack decides the verdict) or data validated again on
load, and validating the cached data costs ≈ 50 ms against ≈ 60 ms for loading the files (medians in fresh processes),
so every run reads the files it judges with.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from .architecture import DEFAULT_ARCHITECTURE, Architecture
from .errors import ConfigError, UsageError, reason_of
from .findings import Location, OperatorFile, format_path
from .loader import Limits
from .resources import bundled_architectures, data_dir, schema
from .rulepack import RulePack, load_rule_pack, pack_files
from .shapes import Refused


def load_pack(extra: list[Path], bundled: bool = True) -> RulePack:
    """The bundled rule pack (unless turned off) and the operator's `--rules` folders, later ones replacing rules."""
    dirs = ([data_dir("rules")] if bundled else []) + list(extra)
    if not dirs:
        raise UsageError("cli.no_rule_pack")
    try:
        return load_rule_pack(dirs)
    except ConfigError as exc:
        given = next((d for d in extra if Path(exc.location.file).is_relative_to(d)), None) if exc.location else None
        if given is not None:
            exc.prefix = f"--rules {given}"
        raise


class ArchitectureResolver:
    """The architectures of a run, loaded once each.

    `--architecture ID|FILE` (the operator's) overrides every plan; otherwise a plan's `architecture:` names a
    bundled id (never a path, never a file found in the current folder), else the default.
    """

    def __init__(self, override: str | None) -> None:
        self.override = override
        self.by_id: dict[str, Architecture] = {}
        self._override: Architecture | None = None

    def __call__(self, ref: str | None) -> Architecture:
        if self.override is not None:
            if self._override is None:
                self._override = self._load_operator_choice(self.override)
                self.by_id.setdefault(self._override.id, self._override)
            return self._override
        return self.bundled(ref or DEFAULT_ARCHITECTURE)

    def bundled(self, arch_id: str) -> Architecture:
        """A bundled architecture by id (ConfigError `unknown_architecture` for any other text)."""
        if arch_id not in self.by_id:
            if arch_id not in bundled_architectures():
                raise ConfigError(None, "unknown_architecture", ref=arch_id, known=", ".join(bundled_architectures()))
            self.by_id[arch_id] = _architecture(data_dir("architecture") / f"{arch_id}.yaml")
        return self.by_id[arch_id]

    def _load_operator_choice(self, ref: str) -> Architecture:
        if ref in bundled_architectures():  # an id always means the bundled one, whatever files lie around
            return self.bundled(ref)
        path = Path(ref)
        if path.suffix in {".yaml", ".yml"} or path.exists():
            return _architecture(path)
        raise ConfigError(None, "unknown_architecture", ref=ref, known=", ".join(bundled_architectures()))


def operator_files(rule_dirs: list[Path], resolver: ArchitectureResolver,
                   limit: int = Limits.max_bytes) -> tuple[OperatorFile, ...]:
    """The files the operator named instead of bundled ones (`--rules` packs, `--architecture FILE`), with their
    sha256 for the reports. Each was loaded already; its size is checked again before it is hashed."""
    paths = [("rules", p) for d in rule_dirs for p in pack_files(d)]
    ref = resolver.override
    if ref is not None and ref not in bundled_architectures():
        paths.append(("architecture", Path(ref)))
    return tuple(OperatorFile(kind, str(path), _sha256(path, limit)) for kind, path in paths)


def _sha256(path: Path, limit: int) -> str:
    with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            raise ConfigError(Location(str(path)), "not_regular" if not stat.S_ISREG(info.st_mode) else "too_large",
                              size=info.st_size, limit=limit)
        return hashlib.sha256(handle.read(limit + 1)).hexdigest()


def _architecture(path: Path) -> Architecture:
    """A provincial architecture joined with the national layer (national ids usable in any province)."""
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .architecture import with_national

    return with_national(load_architecture(path))


def load_architecture(path: Path) -> Architecture:
    """Load and validate an architecture file; ConfigError names file, line and problem."""
    # imported here, not at the top: only this path needs it (start-up stays light)
    from .bundled import load
    from .schema import explain

    doc = load(path)
    if not isinstance(doc.data, dict):
        raise ConfigError(Location(str(path)), "architecture_not_mapping")
    try:
        return Architecture.model_validate(doc.data)
    except Refused as exc:
        errors = explain(doc.data, schema("architecture.schema.json"))
        if errors:
            e = errors[0]
            raise ConfigError(Location(str(path), *doc.locate(e.path, key=e.key)), "architecture.invalid",
                              path=format_path(e.path), reason=e) from None
        err = exc.errors(include_url=False)[0]
        loc = tuple(err["loc"])
        raise ConfigError(Location(str(path), *doc.locate(loc)), "architecture.invalid",
                          path=format_path(loc) or "/", reason=reason_of(err)) from None


__all__ = ["load_pack", "ArchitectureResolver", "load_architecture", "operator_files"]
