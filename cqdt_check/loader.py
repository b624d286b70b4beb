"""The loader stage: read a YAML file into a SourceDocument (data + path → line/column table).

Parsing uses libyaml's event stream (PyYAML's C parser when present) and builds the data in one
iterative pass, so that nothing is lost or reinterpreted on the way:
- scalars follow the YAML 1.2 core schema: `no`, `on`, `NO` stay strings (the "Norway problem"),
  dates stay the strings the author wrote; a YAML 1.1 boolean used where a boolean is expected is
  explained by the schema stage;
- duplicate keys, non-string keys, merge keys, non-finite numbers, explicit tags and aliases become
  findings with their place (never silently resolved), and tags never construct objects;
- limits on size, nodes and depth stop hostile input early (no recursion, so no RecursionError).
Problems that make the file unreadable raise LoadError (exit 2); the rest are input findings.
"""

from __future__ import annotations

import math
import os
import re
import stat
import unicodedata
from pathlib import Path
from typing import Any

import yaml
import yaml.reader
from yaml import SafeLoader as _PureLoader

from .errors import ConfigError, OsReason
from .findings import Location, PathT, format_path
from .limits import Limits
from .records import field, record

DEFAULT_LIMITS = Limits()

try:  # the C parser is an order of magnitude faster; the pure-Python one gives the same events.
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _EventLoader = _PureLoader  # type: ignore[misc,assignment]


@record(frozen=True)
class InputProblem:
    """A fact of the file the loader could not keep as written; becomes an `area: schema` finding."""

    code: str  # key of the message catalogue (cqdt_check.messages)
    path: PathT
    line: int
    column: int
    params: dict = field(default_factory=dict)


class LoadError(Exception):
    """The file cannot be read as a plan at all (exit 2). Carries the place when there is one."""

    def __init__(self, code: str, location: Location, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.location = location
        self.params = params
        self.parser_location: Location | None = None  # a syntax error: where the parser stopped (location: the cause)


@record
class SourceDocument:
    """A parsed YAML file: its data, where every value and key stands, and what was not kept as written."""

    path: str
    data: object
    spans: dict[PathT, tuple[int, int]]
    key_spans: dict[PathT, tuple[int, int]]
    problems: list[InputProblem]

    def locate(self, path: PathT, *, key: bool = False) -> tuple[int, int]:
        """Line and column of `path`, or of its closest ancestor that exists (1-based)."""
        p = tuple(path)
        if key and p in self.key_spans:
            return self.key_spans[p]
        if p in self.spans:
            return self.spans[p]
        # an absent field: point at the key of its closest present ancestor ("sla:"), not at a sibling
        p = p[:-1]
        while p:
            if p in self.key_spans:
                return self.key_spans[p]
            if p in self.spans:
                return self.spans[p]
            p = p[:-1]
        return self.spans.get((), (1, 1))


# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"^[-+]?[0-9]+$")
# No fact of a plan needs more digits than this (a budget in đồng has 15 at most); past it an integer is a finding,
# and Python would refuse to convert one past 4,300 digits anyway.
MAX_INT_DIGITS = 18
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(inf|Inf|INF)$")
_NAN = re.compile(r"^\.(nan|NaN|NAN)$")
# YAML 1.1 booleans that YAML 1.2 (and this loader) keep as strings.
YAML11_BOOLEANS = frozenset(
    "y Y yes Yes YES n N no No NO on On ON off Off OFF".split()
)
_STR_TAGS = {"tag:yaml.org,2002:str", "!"}
_ALLOWED_TAGS = _STR_TAGS | {
    "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}


_WORDS: dict[str, object] = {**dict.fromkeys(_NULL), **dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}
_NUMBER_START = frozenset("-+.0123456789")  # every pattern above for a number starts with one of these
_MAYBE_TYPED = _NUMBER_START | frozenset(word[0] for word in _WORDS if word)  # ... or a word of _WORDS


def resolve_plain(value: str) -> object:
    """Resolve a plain (unquoted) scalar by the YAML 1.2 core schema."""
    if not value or value[0] in _MAYBE_TYPED:  # most scalars are text: skip the lookups and patterns
        if value in _WORDS:
            return _WORDS[value]
        if value[0] in _NUMBER_START:
            number = _number(value)
            if number is not None:
                return number
    return value if value.isascii() else unicodedata.normalize("NFC", value)


def _number(value: str) -> int | float | None:
    """The number a plain scalar writes by the YAML 1.2 core schema, or None if it writes none."""
    if _INT.match(value):
        return int(value)
    if _OCT.match(value):
        return int(value[2:], 8)
    if _HEX.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value):
        return float(value)
    if _INF.match(value):
        return -math.inf if value.startswith("-") else math.inf
    if _NAN.match(value):
        return math.nan
    return None


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a BOM: text whose every other byte is NUL (a binary file has NULs anywhere)."""
    sample = raw[:512]
    if len(sample) < 2:
        return False
    even, odd = sample[0::2], sample[1::2]
    for zeros, others in ((odd, even), (even, odd)):
        # at least one NUL: a short ASCII file (`{}`) has none, and is not UTF-16
        if zeros.count(0) >= max(1, len(zeros) // 2) and others.count(0) == 0:
            return True
    return False


def decode(raw: bytes, path: str) -> str:
    """Decode UTF-8 (BOM allowed) or explain how to re-save the file; CRLF becomes LF."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        raise LoadError("encoding_utf16", Location(path, 1, 1))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw.count(b"\n", 0, nul) + 1
        column = nul - (raw.rfind(b"\n", 0, nul) + 1) + 1
        raise LoadError("encoding_binary", Location(path, line, column), offset=nul)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError("encoding_not_utf8", Location(path, line, column), offset=exc.start) from None
    return text.replace("\r\n", "\n")


def load_file(path: Path, display: str | None = None, limits: Limits = DEFAULT_LIMITS) -> SourceDocument:
    """Read and parse one plan file."""
    name = display or str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise LoadError("is_directory", Location(name))
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block the read for ever, a device never end
            raise LoadError("not_regular", Location(name))
        size = info.st_size
        if size > limits.max_bytes:
            raise LoadError("too_large", Location(name), size=size, limit=limits.max_bytes)
        # O_NONBLOCK: a regular file swapped for a FIFO since the stat cannot block the open
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise LoadError("not_regular", Location(name))
            raw = handle.read(limits.max_bytes + 1)
    except LoadError:
        raise
    except IsADirectoryError:
        raise LoadError("is_directory", Location(name)) from None
    except FileNotFoundError:
        raise LoadError("not_found", Location(name)) from None
    except PermissionError:
        raise LoadError("permission", Location(name)) from None
    except OSError as exc:
        raise LoadError("os_error", Location(name), reason=OsReason(exc)) from None
    if len(raw) > limits.max_bytes:
        raise LoadError("too_large", Location(name), size=len(raw), limit=limits.max_bytes)
    return load_text(decode(raw, name), name, limits)


def load_operator_file(path: Path) -> SourceDocument:
    """A YAML file the operator names (an architecture, a rule-pack file): it must load without a single problem,
    and any problem of the file refuses the run (ConfigError, located) instead of becoming a finding."""
    try:
        doc = load_file(path)
    except LoadError as exc:
        raise ConfigError(exc.location, exc.code, **exc.params) from None
    if doc.problems:
        p = doc.problems[0]
        raise ConfigError(Location(str(path), p.line, p.column), p.code, **p.params)
    return doc


class _Frame:
    __slots__ = ("container", "path", "is_map", "pending_key", "key_path", "keys", "anchor", "first_node")

    def __init__(self, container: Any, path: PathT, is_map: bool, anchor: str | None, first_node: int) -> None:
        self.container: Any = container  # the dict or list being filled
        self.path = path
        self.is_map = is_map
        self.pending_key: Any = _NO_KEY  # a key (a string), _NO_KEY, _MERGE or a _DuplicateKey
        self.key_path: PathT = ()  # path + (pending_key,) when that is a string: its value's path
        self.keys: dict[Any, tuple[int, int]] = {}
        self.anchor = anchor  # the container's, if it has one (its size is counted at its end)
        self.first_node = first_node


_NO_KEY = object()


def load_text(text: str, name: str, limits: Limits = DEFAULT_LIMITS) -> SourceDocument:
    """Parse YAML text into a SourceDocument; raises LoadError when it is not one readable document."""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        # values are compared in NFC anyway; normalising first also makes columns count the characters a
        # reader sees, so an NFD-saved file is located exactly like the same text saved in NFC
        text = unicodedata.normalize("NFC", text)
    try:
        return _parse(text, name, limits, _EventLoader)
    except LoadError as error:
        if not error.code.startswith("syntax") or _EventLoader is _PureLoader:
            raise
        # libyaml may refuse deep nesting itself (PyYAML >= 6.0.3 bundles a libyaml with a nesting limit, and its
        # scanner reads flow collections ahead), before our own --max-depth is reached in the events. The depth
        # limit is ours: the text before libyaml's refusal is parsed again by the pure-Python parser, which has no
        # limit of its own, so a too-deep plan is refused by our message at the first node past --max-depth, and
        # any other syntax error keeps libyaml's place. Only failing files pay for this.
        index = _offset(text, error.parser_location or error.location)
        try:
            _parse(text[:index], name, limits, _PureLoader)
        except yaml.YAMLError:  # the pure-Python reader refuses some texts at once (a control character)
            pass
        except LoadError as deeper:
            if deeper.code in ("too_deep", "too_many_nodes"):
                raise deeper from None
        raise


def _offset(text: str, location: Location) -> int:
    """The character offset of a 1-based line and column (the end of the text when there is no place)."""
    if not location.line:
        return len(text)
    start = 0
    for _ in range(location.line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return len(text)
    return min(len(text), start + max(location.column - 1, 0) + 1)


# the event classes _parse tells apart, as module names: it looks them up once per event
_ScalarEvent, _AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
_MappingStartEvent, _SequenceStartEvent = yaml.MappingStartEvent, yaml.SequenceStartEvent
_MappingEndEvent, _SequenceEndEvent = yaml.MappingEndEvent, yaml.SequenceEndEvent
_DocumentStartEvent, _StreamEndEvent = yaml.DocumentStartEvent, yaml.StreamEndEvent


def _parse(text: str, name: str, limits: Limits, parser: type) -> SourceDocument:
    spans: dict[PathT, tuple[int, int]] = {}
    key_spans: dict[PathT, tuple[int, int]] = {}
    problems: list[InputProblem] = []
    anchors: dict[str, tuple[object, tuple[int, int], int | None]] = {}
    stack: list[_Frame] = []
    parent: _Frame | None = None  # stack[-1], kept in a local: this loop runs once per event
    root: object = None
    documents = 0
    nodes = 0
    max_nodes = limits.max_nodes
    normalize = unicodedata.normalize
    loader = parser(text)
    get_event = loader.get_event
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is _ScalarEvent:  # most events are scalars: one test for them
                pass
            elif kind is _MappingEndEvent or kind is _SequenceEndEvent:
                done = stack.pop()
                parent = stack[-1] if stack else None
                if done.anchor:
                    value, place, _ = anchors[done.anchor]
                    anchors[done.anchor] = (value, place, nodes - done.first_node + 1)
                continue
            elif kind is not _MappingStartEvent and kind is not _SequenceStartEvent and kind is not _AliasEvent:
                if kind is _StreamEndEvent or event is None:
                    break
                if kind is _DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        line = event.start_mark.line + 1
                        raise LoadError("multiple_documents", Location(name, line, 1), line=line)
                continue  # the stream's start, a document's end
            nodes += 1
            if nodes > max_nodes:
                raise LoadError("too_many_nodes", _loc(name, event), limit=max_nodes)
            mark = event.start_mark
            place = (mark.line + 1, mark.column + 1)
            if parent is None:
                path: PathT = ()
            elif parent.is_map:
                key = parent.pending_key
                if key is _NO_KEY:  # a node in key position of a mapping is a key, not a value
                    if kind is _ScalarEvent:
                        text_key = event.value
                        # the commonest key, text without tag or anchor (quoted, or plain and neither a word of
                        # _WORDS, nor starting like a number, nor `<<`): what _key_of returns, without its calls
                        if event.tag is None and not event.anchor and (event.style or (
                                text_key not in _WORDS and text_key[0] not in _NUMBER_START and text_key != "<<")):
                            key = text_key if text_key.isascii() else normalize("NFC", text_key)
                        else:
                            key = _key_of(event, kind, parent, place, problems, anchors)
                    elif kind is _AliasEvent:
                        key = _key_of(event, kind, parent, place, problems, anchors)
                    else:
                        # a mapping or list used as a key: reported, and its events skipped so that the
                        # parent mapping stays in step (its value is then dropped like a duplicate's)
                        problems.append(InputProblem("complex_key", parent.path, place[0], place[1], {}))
                        if len(stack) >= limits.max_depth:
                            raise LoadError("too_deep", _loc(name, event), limit=limits.max_depth)
                        nodes = _skip_node(loader, nodes, len(stack), name, limits)
                        parent.pending_key = _DuplicateKey(None, place)
                        continue
                    keys = parent.keys
                    if key is _MERGE:  # each `<<` is reported with its value (merge_key) and never kept
                        key_spans.setdefault(parent.path + ("<<",), place)
                    elif type(key) is _DuplicateKey:  # an alias as a key: reported (complex_key), never kept
                        pass
                    elif key in keys:
                        first = keys[key]
                        problems.append(InputProblem("duplicate_key", parent.path + (key,), place[0], place[1],
                                                     {"key": key, "first_line": first[0], "line": place[0]}))
                        key = _DuplicateKey(key, place)
                    else:
                        keys[key] = place
                        # not (*path, key): mypy reads that as 3.11 syntax
                        parent.key_path = key_spans_path = parent.path + (key,)
                        key_spans[key_spans_path] = place
                    parent.pending_key = key
                    continue
                parent.pending_key = _NO_KEY
                path = parent.key_path if type(key) is str else _unkept_value_path(parent.path, key)
            else:
                key = None
                path = parent.path + (len(parent.container),)
            if kind is _ScalarEvent:
                value = event.value
                # the commonest values, without a tag and either quoted/block or plain not starting like a number
                # (text, or a null/boolean word of _WORDS), never need _scalar's checks: what it returns, directly
                if event.tag is not None or not (event.style or (value and value[0] not in _NUMBER_START)):
                    value = _scalar(event, path, place, problems)
                elif not event.style and value[0] in _MAYBE_TYPED and value in _WORDS:
                    value = _WORDS[value]
                elif not value.isascii():
                    value = normalize("NFC", value)
                anchor = event.anchor
                if anchor:
                    anchors[anchor] = (value, place, 1)
            elif kind is _AliasEvent:
                anchor = None
                target = anchors.get(event.anchor)
                if target is None:
                    raise LoadError("unknown_alias", _loc(name, event), alias=event.anchor)
                if target[2] is None:  # the alias sits inside its own anchor: a cycle
                    raise LoadError("recursive_alias", _loc(name, event), alias=event.anchor)
                # The value is shared, not copied, but later stages walk it once per use: count
                # it at its expanded size so that an alias bomb is refused here, in microseconds.
                nodes += target[2]
                if nodes > max_nodes:
                    raise LoadError("too_many_nodes", _loc(name, event), limit=max_nodes)
                problems.append(InputProblem("alias", path, place[0], place[1], {"alias": event.anchor}))
                value = target[0]
            else:
                is_map = kind is _MappingStartEvent
                _check_tag(event.tag, "tag:yaml.org,2002:map" if is_map else "tag:yaml.org,2002:seq", path, place,
                           problems)
                value = {} if is_map else []
                anchor = event.anchor
                if anchor:  # a container's size is known at its end event; None marks it as still open
                    anchors[anchor] = (value, place, None)
            spans[path] = place
            if parent is None:
                root = value
            elif type(key) is str:
                parent.container[key] = value
            elif key is None:
                parent.container.append(value)
            elif key is _MERGE:
                problems.append(InputProblem("merge_key", parent.path, place[0], place[1], {}))
            if kind is _MappingStartEvent or kind is _SequenceStartEvent:
                if len(stack) >= limits.max_depth:
                    raise LoadError("too_deep", _loc(name, event), limit=limits.max_depth)
                parent = _Frame(value, path, kind is _MappingStartEvent, anchor, nodes)
                stack.append(parent)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        context = exc.context_mark.line + 1 if exc.context_mark else line
        code, cause_line, cause_column = syntax_cause(text, line, column, context)
        error = LoadError(code, Location(name, cause_line, cause_column), text=_excerpt(text, cause_line))
        error.parser_location = Location(name, line, column)  # where the parser stopped (load_text re-parses to it)
        raise error from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids (control characters): find its place
        index = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
        line, column = (text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)) if index >= 0 else (0, 0)
        raise LoadError("syntax.control", Location(name, line, column), char=f"U+{exc.character:04X}"
                        if isinstance(exc.character, int) else "?") from None
    except yaml.YAMLError:
        raise LoadError("syntax", Location(name), text="") from None
    finally:
        loader.dispose()
    spans.setdefault((), (1, 1))
    return SourceDocument(name, root, spans, key_spans, problems)


class _DuplicateKey:
    """Stands in for the second occurrence of a key; its value is reported, never kept."""

    __slots__ = ("key", "place")

    def __init__(self, key: object, place: tuple[int, int]) -> None:
        self.key = key
        self.place = place


_MERGE = object()


def _key_of(event, kind, parent: _Frame, place, problems, anchors) -> Any:
    path = parent.path
    if kind is not yaml.ScalarEvent:  # an alias as a key (containers are skipped by the caller)
        problems.append(InputProblem("complex_key", path, place[0], place[1], {}))
        # A complex key cannot be addressed; keep parsing and drop nothing silently: reported above.
        return _DuplicateKey(event.anchor, place)
    if event.value == "<<" and not event.style:
        return _MERGE
    value = _scalar(event, (*path, event.value), place, problems)
    if event.anchor:
        anchors[event.anchor] = (value, place, 1)
    if not isinstance(value, str):
        problems.append(InputProblem("non_string_key", (*path, str(event.value)), place[0], place[1], {"key": event.value}))
        return str(event.value)
    return value


def _skip_node(loader, nodes: int, depth: int, name: str, limits: Limits) -> int:
    """Consume the events of a container opened at `depth` (its start just read), within the limits; returns the
    node count."""
    open_containers = depth + 1
    while open_containers > depth:
        event = loader.get_event()
        kind = type(event)
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            open_containers -= 1
            continue
        nodes += 1
        if nodes > limits.max_nodes:
            raise LoadError("too_many_nodes", _loc(name, event), limit=limits.max_nodes)
        if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if open_containers >= limits.max_depth:
                raise LoadError("too_deep", _loc(name, event), limit=limits.max_depth)
            open_containers += 1
    return nodes


def _unkept_value_path(path: PathT, key: object) -> PathT:
    """The path of a value whose key is not kept (a duplicate's, a complex key's, a merge key's)."""
    if isinstance(key, _DuplicateKey):
        # never looked up: keeps the duplicate's value from overwriting the first one's place
        return path + (f"{key.key}#dup@{key.place[0]}",)
    return path + ("<<",)


_TAG_TYPES: dict[str, type | tuple[type, ...]] = {
    "tag:yaml.org,2002:int": int, "tag:yaml.org,2002:float": (float, int),
    "tag:yaml.org,2002:bool": bool, "tag:yaml.org,2002:null": type(None)}


def _scalar(event, path: PathT, place, problems) -> object:
    # _parse takes the commonest scalars itself (untagged text, and the words of _WORDS) without calling this:
    # a check added here for text must be added there too
    tag = event.tag
    if tag is not None and tag not in _ALLOWED_TAGS:
        problems.append(InputProblem("tag", path, place[0], place[1], {"tag": _shown_tag(tag)}))
        return unicodedata.normalize("NFC", event.value)
    # libyaml reports a plain scalar's style as '' (the pure-Python parser as None)
    if event.style or tag in _STR_TAGS:  # quoted or block scalar, or !!str: a string
        if tag is not None and tag not in _STR_TAGS:  # `!!int "12"`: the tag asks for what the quotes deny
            problems.append(InputProblem("tag", path, place[0], place[1], {"tag": _shown_tag(tag)}))
        value = event.value
        return value if value.isascii() else unicodedata.normalize("NFC", value)
    if tag is not None:  # an explicit core tag such as !!int: honour it only if the text fits
        if _too_long(event.value):
            problems.append(InputProblem("long_integer", path, place[0], place[1],
                                         {"digits": len(event.value.lstrip("+-")), "limit": MAX_INT_DIGITS}))
            return event.value
        value = resolve_plain(event.value)
        expected = _TAG_TYPES[tag]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            problems.append(InputProblem("tag", path, place[0], place[1], {"tag": _shown_tag(tag)}))
            return event.value
        return float(value) if tag.endswith("float") and isinstance(value, (int, float)) else value
    if _too_long(event.value):
        problems.append(InputProblem("long_integer", path, place[0], place[1],
                                     {"digits": len(event.value.lstrip("+-")), "limit": MAX_INT_DIGITS}))
        return event.value
    value = resolve_plain(event.value)
    if isinstance(value, float) and not math.isfinite(value):
        problems.append(InputProblem("non_finite", path, place[0], place[1], {"value": event.value}))
    return value


def _too_long(text: str) -> bool:
    """A plain scalar that would be an integer (or a hex/octal one) with more digits than any plan fact has."""
    return len(text) > MAX_INT_DIGITS and bool(_INT.match(text) or _OCT.match(text) or _HEX.match(text)) and \
        len(text.lstrip("+-").removeprefix("0x").removeprefix("0o")) > MAX_INT_DIGITS


def _check_tag(tag, default, path, place, problems) -> None:
    if tag is not None and tag != default:
        problems.append(InputProblem("tag", path, place[0], place[1], {"tag": _shown_tag(tag)}))


def _shown_tag(tag: str) -> str:
    """The tag as the author wrote it: `!!python/name:os.system`, not its expanded URI."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix):] if tag.startswith(prefix) else tag


def _loc(name: str, event) -> Location:
    return Location(name, event.start_mark.line + 1, event.start_mark.column + 1)


def syntax_cause(text: str, line: int, column: int, context: int) -> tuple[str, int, int]:
    """The likely cause of a YAML syntax error, read from the text around the parser's place (never from the parser's
    words, which differ between PyYAML and libyaml and are English): (message code, line, column).

    Checked from the most certain: a tab in the indentation, a quote or bracket left open on the lines the parser
    was reading, an indentation matching no enclosing level (a misaligned key); otherwise the generic message.
    """
    lines = text.split("\n")
    first, last = max(1, min(context, line)), min(len(lines), max(line, context))
    for number in range(first, last + 1):
        indent = lines[number - 1][: len(lines[number - 1]) - len(lines[number - 1].lstrip(" \t"))]
        if "\t" in indent:
            return "syntax.tab", number, indent.index("\t") + 1
    for number in range(first, last + 1):
        body = _without_comment(lines[number - 1])
        for quote in ('"', "'"):
            if body.count(quote) % 2 == 1 and (quote == '"' or not re.search(r"\w'\w", body)):
                return "syntax.quote", number, body.index(quote) + 1
        for opening, closing in (("[", "]"), ("{", "}")):
            if body.count(opening) > body.count(closing):
                return "syntax.bracket", number, body.rindex(opening) + 1
    if 1 <= line <= len(lines):
        target = line if lines[line - 1].strip() else max(1, line - 1)
        current = lines[target - 1]
        width = len(current) - len(current.lstrip(" "))
        levels = {len(earlier) - len(earlier.lstrip(" ")) for earlier in lines[: target - 1]
                  if earlier.strip() and not earlier.lstrip().startswith("#")}
        if current.strip() and width not in levels:
            return "syntax.indent", target, width + 1
    return "syntax", line, column


def _without_comment(line: str) -> str:
    """A line without its trailing `# comment` (a `#` after a space, outside quotes — close enough for a hint)."""
    quote = None
    for index, char in enumerate(line):
        if char in "\"'" and quote in (None, char):
            quote = None if quote else char
        elif char == "#" and quote is None and (index == 0 or line[index - 1] in " \t"):
            return line[:index]
    return line


def _excerpt(text: str, line: int) -> str:
    """The line the error is on, shortened, for the message."""
    lines = text.split("\n")
    content = lines[line - 1].strip() if 1 <= line <= len(lines) else ""
    return content if len(content) <= 60 else content[:57] + "…"


__all__ = ["Limits", "LoadError", "SourceDocument", "InputProblem", "load_file", "load_text", "format_path",
           "YAML11_BOOLEANS"]
