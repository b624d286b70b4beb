"""Problems of the command line and of configuration: raised where they are found, caught once per command
(run.from_command_line for `check`, whichever reader read it; commands.py for the other commands).

Each carries a message code of the catalogue (messages.py) and its parameters, so the one-line refusal follows
`--lang`, and the place (file, line, column) when there is one. The CLI prints it and exits 2.
"""

from __future__ import annotations

import errno as codes
from collections.abc import Mapping
from typing import Any

from .findings import Location
from .messages import CATALOGUE, say


class ToolError(Exception):
    """A run that cannot go on (exit 2): what is wrong, in the catalogue's words, and where."""

    def __init__(self, location: Location | None, code: str, /, **params: object) -> None:
        super().__init__(code)
        self.location = location
        self.code = code
        self.params = params
        self.prefix = ""  # what the operator named, e.g. "--rules pack/": shown before the place

    def text(self, lang: str = "vi") -> str:
        """What is wrong, without the place."""
        return say(self.code, lang, **{k: _localised(v, lang) for k, v in self.params.items()})

    def render(self, lang: str = "vi") -> str:
        """The one-line refusal: what the operator named, the place, and what is wrong."""
        text = self.text(lang)
        loc = self.location
        place = (loc.file + (f":{loc.line}:{loc.column}" if loc.line else "")) if loc is not None else ""
        return ": ".join(part for part in (self.prefix, place, text) if part)

    def __str__(self) -> str:
        return self.render()


def _localised(value: object, lang: str) -> object:
    """A parameter that has words of its own (another refusal, a schema error) is shown in the run's language."""
    if isinstance(value, ToolError):
        return value.render(lang)
    message = getattr(value, "message", None)
    return message(lang) if callable(message) else value


class Invalid(ValueError):
    """A value a model's validator refuses, worded by the catalogue so that the refusal follows `--lang` (pydantic
    keeps the exception in the error's context; `reason_of` finds it)."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(say(code, "vi", **params))
        self.code = code
        self.params = params

    def message(self, lang: str) -> str:
        return say(self.code, lang, **self.params)


class Hint:
    """A "did you mean …" added to a refusal, in the refusal's language (empty when there is nothing to suggest)."""

    def __init__(self, suggestion: str) -> None:
        self.suggestion = suggestion

    def message(self, lang: str) -> str:
        return say("schema.hint", lang, suggestion=self.suggestion) if self.suggestion else ""


class OsReason:
    """Why the operating system refused, in the run's language: its own words (strerror) are English whatever the
    locale, so known errors are worded by the catalogue (`os.ENOENT`, …) and others keep the system's words."""

    def __init__(self, error: OSError) -> None:
        self.errno = error.errno
        self.text = error.strerror or str(error)

    def message(self, lang: str) -> str:
        code = f"os.{codes.errorcode.get(self.errno, '')}" if self.errno else ""
        return say(code, lang) if code in CATALOGUE else self.text

    def __str__(self) -> str:
        return self.message("vi")


def reason_of(error: Mapping[str, Any]) -> object:
    """What one pydantic error says: the validator's `Invalid` (shown in the run's language) when it raised one,
    else pydantic's own words."""
    raised = (error.get("ctx") or {}).get("error")
    return raised if isinstance(raised, Invalid) else str(error["msg"]).removeprefix("Value error, ")


class UsageError(ToolError):
    """The command line asks for something that cannot be done (an unknown format, a bad date, …)."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(None, code, **params)


class ConfigError(ToolError):
    """A rule pack, architecture or other file the operator named cannot be used."""


__all__ = ["ToolError", "UsageError", "ConfigError", "Invalid", "Hint", "OsReason", "reason_of"]
