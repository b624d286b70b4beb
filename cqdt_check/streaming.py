"""A batch checked and reported in one pass: each document's part of the text and JSON reports is rendered beside its
check (in the worker process, in a parallel run), kept aside in order as it arrives (in memory, then a temporary
file), and let go; the run keeps one small row per document (findings.Row) for the table of files, the totals and
the exit code. Once every document is checked the report is written where it goes, as a whole report would be
(through a temporary file renamed into place; to standard output only once nothing can fail halfway).

So memory does not grow with the number of plans, and a worker sends back a few kilobytes of rendered text instead
of a document's object graph. Formats that need every document at the end (sarif, junit, html, markdown, github,
gitlab, the opinions, --quiet and --statistics) still get them all, collected as before.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import IO, Any

from .appraisal import Appraisal, judge_document
from .batch import Item, check_item, results, worker_lost
from .findings import DocumentResult, Report, RuleInfo, Tally
from .outputs import Output, TextStyle, check_encodable, emit, stdout_ready, text_layout, write_pieces
from .records import record, replace
from .reporters import Format, json_report, text
from .reporters.common import notices
from .selection import apply as apply_selection

# A streamed report waits in memory up to this size, then in a temporary file, until the run is over (the JSON frame
# — exit code, dates — is known only then, and a report is never left half-written).
SPOOL_IN_MEMORY = 4 * 1024 * 1024  # bytes


@record(frozen=True)
class Digest:
    """What the run needs of one checked document: its facts for the tally (Tally.facts), its rendered part of
    each streamed report, the decisions it used, and the document itself only when a collecting format needs it."""

    facts: tuple
    sections: tuple[bytes | str, ...]  # encoded as written (str: a part the destination's encoding cannot hold)
    usage: Any = None  # decisions.DecisionUsage, when --decisions is given
    document: DocumentResult | None = None


def check_and_report(files: list[tuple[Path, str]], settings, appraisal: Appraisal, selection, outputs: list[Output],
                     style: TextStyle, setup: Report, rules: Callable[[list[DocumentResult]], tuple[RuleInfo, ...]],
                     jobs: int | None, progress: bool) -> Tally:
    """Check every file and write every report; returns the tally of the documents. `setup` is a Report without
    documents giving lang, fail_on, dates, version and the baseline; `rules` the rule catalogue of the documents."""
    if appraisal.decisions:
        # imported here: a slow import (the decisions' models and their schema) that only a run with --decisions needs
        from .decisions import DecisionUsage, stale_decisions

    fail_on, lang = setup.fail_on, setup.lang
    writers: list[_TextWriter | _JsonWriter] = []
    streamed = [out for out in outputs if out.fmt == Format.json or (out.fmt == Format.text and not (
        style.quiet or style.statistics))]  # --quiet and --statistics are written from the whole text report
    collected = [out for out in outputs if out not in streamed]

    def digest(doc: DocumentResult, usage) -> Digest:
        return Digest(Tally.facts(doc, fail_on), tuple(w.encoded(w.section(doc)) for w in writers), usage,
                      doc if collected else None)

    def job(item: Item) -> Digest:
        usage = DecisionUsage() if appraisal.decisions else None
        doc = judge_document(check_item(item), appraisal, fail_on, usage)
        # rules turned off after the decisions are matched: a decision about a rule turned off is not reported stale
        return digest(apply_selection([doc], selection, fail_on, lang)[0], usage)

    tally, usage = Tally(fail_on), DecisionUsage() if appraisal.decisions else None
    documents: list[DocumentResult] = []
    try:
        for out in streamed:
            writers.append(_TextWriter(out, setup, style) if out.fmt == Format.text else _JsonWriter(out, len(files)))
        stream = results(files, settings, job, jobs, progress, lost=lambda item: digest(worker_lost(item, lang), None))
        try:
            for one in stream:
                tally.count(*one.facts)
                if usage is not None and one.usage is not None:
                    usage.merge(one.usage)
                for writer, section in zip(writers, one.sections, strict=True):
                    writer.add(section)
                if one.document is not None:
                    documents.append(one.document)
        finally:
            stream.close()  # stops the workers of a run that ends early
        frame = replace(setup, architecture=tally.architecture,
                                    stale_decisions=stale_decisions(appraisal.decisions, usage) if usage is not None else ())
        for writer in writers:
            writer.finish(tally, frame)
    finally:
        for writer in writers:
            writer.spool.close()
    if collected:
        report = replace(frame, documents=tuple(documents), rules=rules(documents))
        for out in collected:
            emit(report, out, style)
    return tally



class _Spool:
    """Bytes kept in memory up to `limit`, then in a temporary file: tempfile.SpooledTemporaryFile's job, for the
    three calls the writer makes; importing tempfile (shutil, random, bz2, lzma) was 3 ms of a one-plan run, whose
    report never leaves memory."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.memory: io.BytesIO | None = io.BytesIO()
        self.file: IO[bytes] = self.memory

    def write(self, data: bytes) -> None:
        self.file.write(data)
        if self.memory is not None and self.memory.tell() > self.limit:
            import tempfile  # here: only a report larger than `limit` spills to disk

            disk = tempfile.TemporaryFile()
            disk.write(self.memory.getbuffer())
            self.file, self.memory = disk, None

    def seek(self, offset: int) -> None:
        self.file.seek(offset)

    def read(self, size: int) -> bytes:
        return self.file.read(size)

    def close(self) -> None:
        self.file.close()


class _Spooled:
    """A streamed report: its pieces kept aside (in memory, then a temporary file) as the documents come, and
    written where the report goes once the run is over, the same way a whole report is (outputs.write_pieces).

    Pieces are kept as bytes, encoded once where they are rendered (in the worker, in a parallel run): the parent
    only stores them (measured: a 23 MB JSON report encoded, spooled as text, decoded and encoded again cost the
    parent 0.12 s; as bytes 0.02 s). A file gets the bytes; standard output gets text again, through its own stream
    (its newline translation, or an embedding program's stand-in for it), the pieces kept in its encoding when that
    can be written piece by piece, else in UTF-8."""

    def __init__(self, out: Output) -> None:
        self.out = out
        self.encoding = stdout_ready(out)  # None: a file (UTF-8), or standard output in an encoding Python lacks
        piecewise = self.encoding is not None and _piecewise(self.encoding)
        # the encoding each piece must fit (standard output's), and the one it is kept in
        self.codec: str = self.encoding if piecewise and self.encoding is not None else "utf-8"
        self.errors = "surrogatepass" if self.encoding is None and out.path is None else "strict"
        self.spool = _Spool(SPOOL_IN_MEMORY)
        self.written = 0

    def encoded(self, piece: str) -> bytes | str:
        """`piece` as kept, or the text itself when the destination cannot hold it (keep() refuses it then)."""
        try:
            if self.encoding is not None and self.codec != self.encoding:
                piece.encode(self.encoding)  # a byte-order-mark encoding: checked here, kept in UTF-8
            return piece.encode(self.codec, self.errors)
        except UnicodeEncodeError:
            return piece

    def keep(self, piece: bytes | str) -> None:
        if isinstance(piece, str):
            check_encodable(piece, self.encoding, self.out)  # standard output's refusal, before a byte is written
            piece = piece.encode(self.codec, self.errors)
        self.spool.write(piece)

    def deliver(self, head: str, tail: str) -> None:
        check_encodable(head + tail, self.encoding, self.out)

        def blocks() -> Iterator[bytes]:
            self.spool.seek(0)
            while block := self.spool.read(1 << 20):
                yield block

        pieces: Iterable[bytes | str]
        if self.out.path is None:
            decoder = codecs.getincrementaldecoder(self.codec)(self.errors)  # a block may end inside a character
            pieces = chain([head], (decoder.decode(block) for block in blocks()), [decoder.decode(b"", True), tail])
        else:
            pieces = chain([head.encode(self.codec)], blocks(), [tail.encode(self.codec)])
        write_pieces(self.out, pieces)


def _piecewise(encoding: str) -> bool:
    """Whether text encoded piece by piece is the same bytes as the text encoded whole (not so with a byte-order
    mark: UTF-16, UTF-8-SIG)."""
    return "ab".encode(encoding) == "a".encode(encoding) + "b".encode(encoding)


class _TextWriter(_Spooled):
    """The text report."""

    def __init__(self, out: Output, setup: Report, style: TextStyle) -> None:
        super().__init__(out)
        self.width, self.color = text_layout(out, style)
        self.setup = setup
        self.between = text.separator(self.width, self.color)

    def section(self, doc: DocumentResult) -> str:
        return text.section(doc, self.setup, self.width, self.color)

    def add(self, section: bytes | str) -> None:
        if self.written:
            self.keep(self.between)
        self.keep(section)
        self.written += 1

    def finish(self, tally: Tally, frame: Report) -> None:
        said = notices(frame.lang, frame.stale_decisions, frame.baseline, tally.baselined)
        end = text.tail(tally.documents, said, frame.lang, self.width, self.color)
        self.deliver("", end if self.written or end else "\n")


class _JsonWriter(_Spooled):
    """The JSON report: its frame (exit code, dates) is known once every document is checked."""

    def __init__(self, out: Output, count: int) -> None:
        super().__init__(out)
        self.indent = json_report.indent_for(count)

    def section(self, doc: DocumentResult) -> str:
        return json_report.document(doc, self.indent)

    def add(self, section: bytes | str) -> None:
        if self.written:
            self.keep(json_report.list_marks(self.indent, True)[1])
        self.keep(section)
        self.written += 1

    def finish(self, tally: Tally, frame: Report) -> None:
        head, tail = json_report.frame(frame, tally, self.indent)
        opening, _, closing = json_report.list_marks(self.indent, bool(self.written))
        self.deliver(head + opening, closing + tail)


__all__ = ["check_and_report", "Digest"]
