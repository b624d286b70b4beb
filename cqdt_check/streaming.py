"""A batch checked and reported in one pass: each document's part of the text and JSON reports is rendered beside its
check (in the worker process, in a parallel run), written in order as it arrives, and let go; the run keeps one
small row per document (findings.Row) for the table of files, the totals and the exit code.

So memory does not grow with the number of plans, and a worker sends back a few kilobytes of rendered text instead
of a document's object graph. Formats that need every document at the end (sarif, junit, html, markdown, github,
the opinions) still get them all, collected as before.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .appraisal import Appraisal, judge_document
from .batch import Item, check_item, results, worker_lost
from .findings import DocumentResult, Report, RuleInfo, Tally
from .outputs import Destination, Output, emit, text_layout
from .reporters import Format, json_report, text
from .reporters.common import notices

# Formats written document by document; the others are rendered from every document at the end.
STREAMED = frozenset({Format.text, Format.json})
# The JSON report's documents wait in memory up to this size, then in a temporary file, until the frame around them
# (exit code, dates: known once every document is checked) is written.
SPOOL_IN_MEMORY = 8 * 1024 * 1024


@dataclass(frozen=True)
class Digest:
    """What the run needs of one checked document: its facts for the tally (Tally.facts), its rendered part of
    each streamed report, the decisions it used, and the document itself only when a collecting format needs it."""

    facts: tuple
    sections: tuple[str, ...]
    usage: Any = None  # decisions.DecisionUsage, when --decisions is given
    document: DocumentResult | None = None


def check_and_report(files: list[tuple[Path, str]], settings, appraisal: Appraisal, outputs: list[Output],
                     setup: Report, rules: Callable[[list[DocumentResult]], tuple[RuleInfo, ...]],
                     jobs: int | None, progress: bool) -> Tally:
    """Check every file and write every report; returns the tally of the documents. `setup` is a Report without
    documents giving lang, fail_on, dates, version and the baseline; `rules` the rule catalogue of the documents."""
    from .decisions import DecisionUsage, stale_decisions

    fail_on, lang = setup.fail_on, setup.lang
    writers: list[_TextWriter | _JsonWriter] = []
    collected = [out for out in outputs if out.fmt not in STREAMED]

    def digest(doc: DocumentResult, usage) -> Digest:
        return Digest(Tally.facts(doc, fail_on), tuple(w.section(doc) for w in writers), usage,
                      doc if collected else None)

    def job(item: Item) -> Digest:
        usage = DecisionUsage() if appraisal.decisions else None
        return digest(judge_document(check_item(item), appraisal, fail_on, usage), usage)

    tally, usage = Tally(fail_on), DecisionUsage()
    documents: list[DocumentResult] = []
    try:
        for out in outputs:  # every report file opened before the first plan is checked: a bad path refuses at once
            if out.fmt in STREAMED:
                writers.append(_TextWriter(out, setup) if out.fmt == Format.text else _JsonWriter(out, len(files)))
        stream = results(files, settings, job, jobs, progress, lost=lambda item: digest(worker_lost(item, lang), None))
        try:
            for one in stream:
                tally.count(*one.facts)
                if one.usage is not None:
                    usage.merge(one.usage)
                for writer, section in zip(writers, one.sections, strict=True):
                    writer.add(section)
                if one.document is not None:
                    documents.append(one.document)
        finally:
            stream.close()  # stops the workers of a run that ends early
        frame = dataclasses.replace(setup, architecture=tally.architecture,
                                    stale_decisions=stale_decisions(appraisal.decisions, usage))
        for writer in writers:
            writer.finish(tally, frame)
    finally:
        for writer in writers:
            writer.destination.discard()
    if collected:
        report = dataclasses.replace(frame, documents=tuple(documents), rules=rules(documents))
        for out in collected:
            emit(report, out)
    return tally


class _TextWriter:
    """The text report, written as the documents come."""

    def __init__(self, out: Output, setup: Report) -> None:
        self.width, self.color = text_layout(out)
        self.version, self.lang = setup.tool_version, setup.lang
        self.destination = Destination(out)
        self.written = 0

    def section(self, doc: DocumentResult) -> str:
        return text.section(doc, self.version, self.lang, self.width, self.color)

    def add(self, section: str) -> None:
        self.destination.write(text.separator(self.width, self.color) + section if self.written else section)
        self.written += 1

    def finish(self, tally: Tally, frame: Report) -> None:
        said = notices(frame.lang, frame.stale_decisions, frame.baseline, tally.baselined)
        end = text.tail(tally.documents, said, frame.lang, self.width, self.color)
        self.destination.write(end if self.written or end else "\n")
        self.destination.commit()


class _JsonWriter:
    """The JSON report: documents kept aside (in memory, then a temporary file) until the frame around them is known."""

    def __init__(self, out: Output, count: int) -> None:
        self.indent = json_report.indent_for(count)
        self.destination = Destination(out)
        self.spool = tempfile.SpooledTemporaryFile(SPOOL_IN_MEMORY, mode="w+", encoding="utf-8", newline="")
        self.written = 0

    def section(self, doc: DocumentResult) -> str:
        return json_report.document(doc, self.indent)

    def add(self, section: str) -> None:
        if self.written:
            self.spool.write(json_report.list_marks(self.indent, True)[1])
        self.spool.write(section)
        self.written += 1

    def finish(self, tally: Tally, frame: Report) -> None:
        head, tail = json_report.frame(frame, tally, self.indent)
        opening, _, closing = json_report.list_marks(self.indent, bool(self.written))
        self.destination.write(head + opening)
        self.spool.seek(0)
        while block := self.spool.read(1 << 20):
            self.destination.write(block)
        self.spool.close()
        self.destination.write(closing + tail)
        self.destination.commit()


__all__ = ["check_and_report", "STREAMED", "Digest"]
