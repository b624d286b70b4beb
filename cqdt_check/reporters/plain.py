"""Text laid out in terminal columns without rich: the same word wrap, rules and table rich draws, as plain strings.

The text report is read mostly without colour (pipes, files, CI logs, NO_COLOR), where rich costs about ten
milliseconds a plan and its import; this module lays out the same lines, column for column, so the report reads the
same whichever draws it (tests compare the two). Widths follow rich's rules: a letter is one column, East Asian wide
and full-width characters two, combining marks, format and control characters none. Python's Unicode database is
older than rich's table for a few thousand recent code points (new emoji, recent scripts); there the two may differ.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters rich removes from any text it is given (bell, backspace, vertical tab, form feed, carriage return).
_STRIPPED = str.maketrans({7: None, 8: None, 11: None, 12: None, 13: None})
_CONTROL = re.compile("[" + "".join(map(chr, _STRIPPED)) + "]")  # whether a text holds one (searched in C)
# Text made only of these is one column a character: the common case, measured with len().
_NARROW = re.compile("[\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u1e00-\u1eff\u2010-\u2027\u2190-\u22ff\u2500-\u25fc\u2800-\u28ff]*")
_WORD = re.compile(r"\s*\S+\s*")
_NOT_SPACE = re.compile("[^ ]")
TAB_SIZE = 8


def strip_controls(text: str) -> str:
    # translate looks at every character of text beyond ASCII; few texts hold any of these
    return text.translate(_STRIPPED) if _CONTROL.search(text) else text


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    code = ord(char)
    if code < 32 or 0x7F <= code < 0xA0:
        return 0
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Mc", "Zl", "Zp") or 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF \
            or 0x1F3FB <= code <= 0x1F3FF or code in (0x3164, 0xFFA0):
        return 0
    if category == "Cf":  # format characters are invisible, except the soft hyphen and the prepended number marks
        return 1 if code == 0xAD or unicodedata.bidirectional(char) == "AN" or code in (0x70F, 0x8E2, 0x110BD, 0x110CD) else 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """How many terminal columns `text` takes."""
    if _NARROW.fullmatch(text):
        return len(text)
    return sum(_char_width(char) for char in text)


def crop(text: str, width: int) -> str:
    """`text` cut or padded with spaces to exactly `width` columns (a wide character cut in half becomes a space)."""
    if _NARROW.fullmatch(text):
        return text[:width] if len(text) >= width else text + " " * (width - len(text))
    if width <= 0:
        return ""
    size = 0
    for index, char in enumerate(text):
        char_width = _char_width(char)
        if size + char_width > width:
            return text[:index] + (" " if size < width else "")
        size += char_width
    return text + " " * (width - size)


def _chop(word: str, width: int) -> list[str]:
    """A word too long for any line, folded into pieces of at most `width` columns."""
    if _NARROW.fullmatch(word):
        return [word[index:index + width] for index in range(0, len(word), width)]
    pieces: list[str] = []
    start = size = 0
    for index, char in enumerate(word):
        char_width = _char_width(char)
        if size + char_width > width:
            pieces.append(word[start:index])
            start, size = index, 0
        size += char_width
    if size:
        pieces.append(word[start:])
    return pieces


def _breaks(line: str, width: int, narrow: bool) -> list[int]:
    """Where a line is broken to fit `width` columns: between words, and inside a word longer than a line (`narrow`:
    the line is all one-column characters)."""
    if narrow and width > 0 and "\xa0" not in line:  # the no-break space is a blank to the word pattern too
        return _narrow_breaks(line, width)
    measure = len if narrow else cell_width  # one column a character: no need to look at each again
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group(0)
        word_width = measure(word.rstrip())
        if width - offset >= word_width:
            offset += measure(word)
        elif word_width > width:
            pieces = _chop(word, width)
            for number, piece in enumerate(pieces, 1):
                if start:
                    breaks.append(start)
                if number == len(pieces):
                    offset = measure(piece)
                else:
                    start += len(piece)
        elif offset and start:
            breaks.append(start)
            offset = measure(word)
    return breaks


def _narrow_breaks(line: str, width: int) -> list[int]:
    """`_breaks` of a line of one-column characters whose only blank is the space, found by jumping to the word
    that crosses each line's edge instead of measuring every word (a test compares wrap with rich on many generated lines).

    A word fits while its last letter is within `width` columns of where its line began; the first word that does
    not begins a new line, or is folded into pieces of `width` (with the blanks after it) if it is longer than one.
    """
    breaks: list[int] = []
    size, begin = len(line), 0  # begin: where the line being filled starts
    lead = size - len(line.lstrip(" "))  # the first word owns the blanks before it
    while size - begin > width:
        edge = begin + width
        if line[edge] == " ":  # the word crossing the edge is the next one
            after = _NOT_SPACE.search(line, edge)
            if after is None:  # only blanks are left: they end the last line, which is trimmed later
                break
            start = after.start()
        else:
            start = line.rfind(" ", begin, edge) + 1 or begin
        end = line.find(" ", start)
        end = size if end < 0 else end
        if start == lead:
            start = 0
        if end - start > width:
            after = _NOT_SPACE.search(line, end)
            stop = size if after is None else after.start()
            breaks += range(start or width, stop, width)
            begin = start + (stop - start - 1) // width * width
        else:
            breaks.append(start)
            begin = start
    return breaks


def expand_tabs(line: str) -> str:
    """Each tab as the spaces up to the next tab stop."""
    if "\t" not in line:
        return line
    out, position = [], 0
    for part in line.split("\t")[:-1]:
        position += cell_width(part) + 1
        spaces = (TAB_SIZE - position % TAB_SIZE) % TAB_SIZE
        out.append(part + " " * (1 + spaces))
        position += spaces
    return "".join(out) + line.rsplit("\t", 1)[1]


def wrap(text: str, width: int) -> list[str]:
    """`text` as lines of at most `width` columns, broken between words (a longer word is folded)."""
    if _NARROW.fullmatch(text):  # most text: one line without a control character or tab
        return _wrap_line(text, width, True)
    lines: list[str] = []
    for line in strip_controls(text).split("\n"):
        line = expand_tabs(line)
        lines += _wrap_line(line, width, _NARROW.fullmatch(line) is not None)
    return lines


def _wrap_line(line: str, width: int, narrow: bool) -> list[str]:
    """One line of `wrap` (no newline, control character or tab; `narrow`: all one-column characters)."""
    if narrow and len(line) <= width:  # most lines: a line that fits is never broken
        return [line]
    lines: list[str] = []
    cuts = _breaks(line, width, narrow)
    for start, end in zip([0, *cuts], [*cuts, len(line)], strict=False):
        piece = line[start:end]
        if len(piece) > width:  # spaces past the edge go (as many as the line is too long, in characters)
            spaces = len(piece) - len(piece.rstrip())
            piece = piece[:len(piece) - min(spaces, len(piece) - width)]
        if (len(piece) if narrow else cell_width(piece)) > width:
            piece = crop(piece, width)
        lines.append(piece)
    return lines


def paragraph(text: str, width: int, indent: int = 0) -> list[str]:
    """A paragraph wrapped to `width` columns, every line indented by `indent` spaces."""
    if not indent:
        return wrap(text, width)
    return [" " * indent + line for line in wrap(text, width - indent)]


def unwrapped(text: str) -> list[str]:
    """A paragraph kept on its line, however long (tabs expanded)."""
    return [expand_tabs(line) for line in strip_controls(text).split("\n")]


def rule(width: int, character: str, title: str = "") -> str:
    """A horizontal line across `width` columns, with `title` at its left if given."""
    if not title or width <= 2:
        return crop(character * width, width)
    title = expand_tabs(strip_controls(title).replace("\n", " "))
    if cell_width(title) > width - 2:
        title = crop(title, width - 3) + "…"
    line = title + " "
    return crop(line + character * (width - cell_width(line)), width)


# The table as rich draws it by default (box.HEAVY_HEAD, one space of padding each side of a cell).
_TOP, _HEAD_RULE, _BOTTOM = ("┏", "━", "┳", "┓"), ("┡", "━", "╇", "┩"), ("└", "─", "┴", "┘")


def _measure(text: str, max_width: int) -> tuple[int, int]:
    """The narrowest and widest a padded cell holding `text` can be, within `max_width`."""
    if max_width < 1:
        return 0, 0
    if max_width - 2 < 1:
        return max_width, max_width
    lines, words = text.splitlines(), text.split()
    widest = max((cell_width(line) for line in lines), default=0)
    narrowest = max((cell_width(word) for word in words), default=widest)
    narrowest, widest = min(max(0, narrowest), widest), max(0, widest)
    narrowest, widest = min(narrowest, max_width), min(widest, max_width)
    if widest < 1:
        narrowest, widest = 0, 0
    narrowest, widest = min(narrowest + 2, max_width), min(widest + 2, max_width)
    return (0, 0) if widest < 1 else (min(narrowest, widest), widest)


def _column_width(cells: list[str], max_width: int) -> int:
    if max_width < 1:
        return 0
    return min(max((_measure(cell, max_width)[1] for cell in cells), default=max_width), max_width)


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """Take `total` columns off `values`, in proportion to `ratios`, at most `maximums` each."""
    ratios = [ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums, strict=False)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining, out = total, []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=False):
        if ratio and total_ratio > 0:
            taken = min(maximum, round(ratio * remaining / total_ratio))
            out.append(value - taken)
            remaining -= taken
            total_ratio -= ratio
        else:
            out.append(value)
    return out


def _collapse(widths: list[int], max_width: int) -> list[int]:
    """Narrow the widest columns first until the table fits (every column may wrap)."""
    total = sum(widths)
    excess = total - max_width
    while total and excess > 0:
        widest = max(widths)
        second = max((width if width != widest else 0) for width in widths)
        if not widest - second:
            break
        ratios = [1 if width == widest else 0 for width in widths]
        widths = _reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
        total = sum(widths)
        excess = total - max_width
    return widths


def table(title: str, header: list[str], rows: list[list[str]], width: int) -> list[str]:
    """A bordered table with a bold header row and `title` above it, no wider than `width` if it can be."""
    columns = [[head, *(row[index] for row in rows)] for index, head in enumerate(header)]
    borders = len(header) + 1
    max_width = width - borders
    widths = [_column_width(cells, max_width) or 1 for cells in columns]
    if sum(widths) > max_width:
        widths = _collapse(widths, max_width)
        if sum(widths) > max_width:
            widths = _reduce(sum(widths) - max_width, [1] * len(widths), widths, widths)
        widths = [_column_width(cells, width_) for cells, width_ in zip(columns, widths, strict=False)]
    table_width = sum(widths) + borders

    def line(ends: tuple[str, str, str, str]) -> str:
        left, fill, join, right = ends
        return left + join.join(fill * w for w in widths) + right

    def row(cells: list[str], edge: str, bottom: bool) -> list[str]:
        rendered = [[" " + crop(piece, w - 2) + " " for piece in wrap(cell, w - 2)] for cell, w in zip(cells, widths, strict=False)]
        height = max(len(lines) for lines in rendered)
        blank = [" " * w for w in widths]
        for index, lines in enumerate(rendered):
            padding = [blank[index]] * (height - len(lines))
            rendered[index] = padding + lines if bottom else lines + padding
        return [edge + edge.join(lines[number] for lines in rendered) + edge for number in range(height)]

    out = [crop(line_, table_width) for line_ in wrap(title, table_width)] if title else []
    out.append(line(_TOP))
    out += row(header, "┃", bottom=True)
    out.append(line(_HEAD_RULE))
    for cells in rows:
        out += row(cells, "│", bottom=False)
    out.append(line(_BOTTOM))
    return [crop(line_, width) if cell_width(line_) > width else line_ for line_ in out]
