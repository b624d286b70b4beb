"""Reporters: one module per output format, each a pure `render(report) -> str`, chosen by name here only."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from importlib import import_module


class Format(str, Enum):
    text = "text"
    json = "json"
    html = "html"
    markdown = "markdown"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    gitlab = "gitlab"
    opinion = "opinion"
    opinion_html = "opinion-html"
    opinion_docx = "opinion-docx"


# Imported on use so that a run loads only the reporters it prints with: format → (module, function).
_RENDERERS = {
    Format.text: ("text", "render"),
    Format.json: ("json_report", "render"),
    Format.html: ("html", "render"),
    Format.markdown: ("markdown", "render"),
    Format.sarif: ("sarif", "render"),
    Format.junit: ("junit", "render"),
    Format.github: ("github", "render"),
    Format.gitlab: ("gitlab", "render"),
    Format.opinion: ("opinion", "render"),
    Format.opinion_html: ("opinion", "render_html"),
    Format.opinion_docx: ("opinion_docx", "render"),
}

# Formats read by programs: the one-line summary for people goes to stderr beside them.
MACHINE_FORMATS = {Format.json, Format.sarif, Format.junit, Format.github, Format.gitlab}

# Formats whose reporter returns bytes: written to a file, or to standard output only when it is not a terminal
# (`> opinion.docx` works; a terminal would show garbage, so the run refuses with exit 2).
BINARY_FORMATS = {Format.opinion_docx}

# The file suffix each format is usually saved with (used in help and to name files in docs).
SUFFIXES = {Format.text: ".txt", Format.json: ".json", Format.html: ".html", Format.markdown: ".md",
            Format.sarif: ".sarif", Format.junit: ".xml", Format.github: ".txt", Format.gitlab: ".json", Format.opinion: ".md",
            Format.opinion_html: ".html", Format.opinion_docx: ".docx"}


def reporter(fmt: Format) -> Callable[..., str | bytes]:
    module, function = _RENDERERS[fmt]
    return getattr(import_module(f"{__name__}.{module}"), function)
