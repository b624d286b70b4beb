"""records.record against dataclasses' rules where a declaration is wrong: it is refused as dataclasses refuse it."""

from __future__ import annotations

import pytest

from cqdt_check.records import record


@pytest.mark.parametrize("default", [[], {}, set()], ids=["list", "dict", "set"])
def test_a_mutable_default_is_refused(default):
    # one list shared by every record made without it: dataclasses refuse it, and so must record
    with pytest.raises(ValueError):
        @record
        class Shared:
            items: object = default
