"""ISO dates as plans write them: one annotated type shared by every model, and the date-window test."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from .errors import Invalid, UsageError
from .shapes import Before

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_iso(value: object) -> object:
    # The loader keeps dates as the strings the author wrote (YAML 1.2 has no timestamps),
    # so only the YYYY-MM-DD form is accepted; anything else is refused.
    if isinstance(value, str) and _ISO.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise Invalid("value.no_such_date", value=value) from exc
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise Invalid("value.date_form")


IsoDate = Annotated[dt.date, Before(_parse_iso, {"type": "string", "format": "date", "pattern": _ISO.pattern})]


def parse_cli_date(text: str) -> dt.date:
    """Parse `--as-of`; raises ValueError with a Vietnamese message."""
    if not _ISO.match(text):
        raise ValueError(f"'{text}' không phải ngày dạng YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"ngày không tồn tại: {text}") from exc


def parse_day(as_of: str | None) -> dt.date | None:
    """`--as-of` as typed → a date (UsageError for anything else)."""
    if as_of is None:
        return None
    try:
        return parse_cli_date(as_of)
    except ValueError:
        raise UsageError("cli.bad_date", value=as_of) from None


def in_window(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    """True when `day` lies in [start, end] (either side open when None)."""
    return (start is None or start <= day) and (end is None or day <= end)


def vn(day: dt.date) -> str:
    """A date as Vietnamese documents write it: 01/07/2026."""
    return day.strftime("%d/%m/%Y")
