"""The loader keeps every fact as written, with its place, and refuses what it cannot read."""

from __future__ import annotations

import math
import textwrap

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cqdt_check.loader import Limits, LoadError, decode, load_text


def load(text: str, **limits):
    return load_text(textwrap.dedent(text).lstrip("\n"), "plan.yaml", Limits(**limits) if limits else Limits())


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a: NO", {"a": "NO"}),  # the Norway problem: YAML 1.2 keeps it a string
        ("a: yes", {"a": "yes"}),
        ("a: on", {"a": "on"}),
        ("a: true", {"a": True}),
        ("a: False", {"a": False}),
        ("a: null", {"a": None}),
        ("a: ~", {"a": None}),
        ("a:", {"a": None}),
        ("a: 2025-05-12", {"a": "2025-05-12"}),  # dates stay as written
        ("a: 012", {"a": 12}),
        ("a: 0x1F", {"a": 31}),
        ("a: 1.5", {"a": 1.5}),
        ("a: '3'", {"a": "3"}),
        ("a: \"true\"", {"a": "true"}),
        ("a: !!str 12", {"a": "12"}),
        ("a: [1, b]", {"a": [1, "b"]}),
        # words starting like a null or a boolean are text; only the exact words are not
        ("a: none", {"a": "none"}),
        ("a: Nghị định", {"a": "Nghị định"}),
        ("a: tthc", {"a": "tthc"}),
        ("a: Falsey", {"a": "Falsey"}),
        ("a: ~x", {"a": "~x"}),
        ("a: TRUE", {"a": True}),
        ("a: Null", {"a": None}),
        ("- t\n- true\n- f\n- NULL\n- n", ["t", True, "f", None, "n"]),
        ("a: 1e3", {"a": 1000.0}),
        ("a: 0o17", {"a": 15}),
        ("a: -.5", {"a": -0.5}),
        ("a: 1-2", {"a": "1-2"}),
        ("null_x: 1\ntype: 2\n'true': 3\n'<<': 4\n\"1\": 5", {"null_x": 1, "type": 2, "true": 3, "<<": 4, "1": 5}),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_scalars_follow_yaml_1_2(text, expected):
    doc = load(text)
    assert doc.data == expected and not doc.problems


# Text that PyYAML's dumper (YAML 1.1) writes plain and both 1.1 and 1.2 read back unchanged: no letter of a 1.2 number
# or special float (e, o, x, i), nothing made of number characters only (1.1 reads `09` or `-.5` as text), and
# precomposed letters only (already NFC); null and boolean words, which both versions read alike, the dumper quotes.
_TEXT = st.text(alphabet="abcdfhlnrstuyNTFYSăâđêôơưạảấầỹ019-+._ :#'\"\n", max_size=12).filter(
    lambda text: not text or text.strip("-+.0123456789"))
_SCALARS = st.one_of(_TEXT, st.sampled_from(["true", "False", "null", "~", "NULL", "<<", "no", "Tỉnh"]),
                     st.integers(-10 ** 15, 10 ** 15), st.floats(allow_nan=False, allow_infinity=False),
                     st.booleans(), st.none())
_DATA = st.recursive(_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(_TEXT, inner, max_size=4)), max_leaves=30)


def _event_places(text: str) -> tuple[dict, dict]:
    """The place of every value and key by path, read straight from the parser's events (keys are all text)."""
    values: dict = {}
    keys: dict = {}
    stack: list[list] = []  # [path, is a mapping, its pending key (None: a key comes next) or next index]
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        place = (event.start_mark.line + 1, event.start_mark.column + 1)
        path: tuple = ()
        if stack:
            frame = stack[-1]
            if frame[1] and frame[2] is None:
                frame[2] = event.value
                keys[(*frame[0], event.value)] = place
                continue
            path = (*frame[0], frame[2])
            frame[2] = None if frame[1] else frame[2] + 1
        values[path] = place
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append([path, isinstance(event, yaml.MappingStartEvent), None if isinstance(
                event, yaml.MappingStartEvent) else 0])
    return values, keys


@settings(max_examples=300, deadline=None)
@given(data=_DATA, flow=st.sampled_from([False, None, True]), width=st.sampled_from([20, 80]))
def test_any_dumped_document_loads_back_as_dumped_with_the_parser_places(data, flow, width):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=width)
    doc = load_text(text, "p.yaml")
    assert doc.problems == []
    assert doc.data == data == yaml.safe_load(text)
    assert repr(doc.data) == repr(data)  # types too: 1 is not 1.0 nor True
    assert (doc.spans, doc.key_spans) == _event_places(text)


def test_nfd_vietnamese_is_normalised_to_nfc():
    nfd = "name: \"Ho\u0302\u0300 so\u031b\"\n"  # "Hồ sơ" written decomposed
    assert load_text(nfd, "p.yaml").data == {"name": "Hồ sơ"}


def test_positions_of_values_and_keys():
    doc = load("""
        systems:
          - id: tthc
            security:
              proposed_level: 2
        """)
    assert doc.locate(("systems", 0, "security", "proposed_level")) == (4, 23)
    assert doc.locate(("systems", 0, "security", "proposed_level"), key=True) == (4, 7)
    # a missing field is located at its closest ancestor
    assert doc.locate(("systems", 0, "network", "ipv6")) == (2, 5)


def test_duplicate_key_is_reported_with_both_lines_and_the_first_value_kept():
    doc = load("""
        name: first
        kind: project
        name: second
        """)
    assert doc.data["name"] == "first"
    (problem,) = doc.problems
    assert problem.code == "duplicate_key" and problem.params["first_line"] == 1 and problem.line == 3


@pytest.mark.parametrize(
    "text, code",
    [
        ("a: .inf", "non_finite"),
        ("a: .nan", "non_finite"),
        ("1: x", "non_string_key"),
        ("true: x", "non_string_key"),
        ("~: x", "non_string_key"),
        ("a: 1\n<<: x", "merge_key"),
        ("a: !!python/object:os.system ls", "tag"),
        ("a: !custom x", "tag"),
        ("b: &x 1\na: *x", "alias"),
        ("base: &b {x: 1}\na:\n  <<: *b", "merge_key"),
    ],
)
def test_facts_that_would_change_meaning_are_reported(text, code):
    assert code in {p.code for p in load(text).problems}


@pytest.mark.parametrize("text, places", [
    ("a: 1\n<<: {b: 1}\n<<: {c: 2}", [(2, 5), (3, 5)]),  # a second `<<` is a second merge key, not a duplicate
    ("a:\n  <<: {b: 1}\n  x: 1\n  <<: {c: 2}", [(2, 7), (4, 7)]),
])
def test_every_merge_key_is_reported_at_its_value(text, places):
    doc = load(text)
    assert [(p.code, p.line, p.column) for p in doc.problems] == [("merge_key", *place) for place in places]
    assert all(isinstance(part, (str, int)) for path in [*doc.spans, *doc.key_spans] for part in path)


@pytest.mark.parametrize("text", ["a: &k x\n*k : 1\nb: 2", "a: &k x\n*k : 1\n*k : 2"])
def test_an_alias_as_a_key_is_reported_and_leaves_no_object_in_paths(text):
    doc = load(text)
    assert "complex_key" in {p.code for p in doc.problems}
    assert all(isinstance(part, (str, int)) for path in [*doc.spans, *doc.key_spans] for part in path)


def test_tags_never_construct_objects():
    doc = load("a: !!python/object/apply:os.system ['echo hacked']")
    assert doc.data == {"a": ["echo hacked"]}
    assert doc.problems[0].code == "tag"


@pytest.mark.parametrize(
    "text, code, line",
    [
        ("a: [1, 2\nb: 3\n", "syntax.bracket", 1),
        ("a: 1\n---\nb: 2\n", "multiple_documents", 2),
        ("a: *nothing\n", "unknown_alias", 1),
        ("a:\n  b: 1\n c: 2\n", "syntax.indent", 3),
    ],
)
def test_unreadable_yaml_is_refused_with_its_place(text, code, line):
    with pytest.raises(LoadError) as exc:
        load_text(text, "plan.yaml")
    assert exc.value.code == code and exc.value.location.line == line


def test_alias_bomb_is_refused_quickly():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        bomb += f"{chr(ord('a') + i)}: &{chr(ord('a') + i)} [" + ", ".join([f"*{prev}"] * 10) + "]\n"
    with pytest.raises(LoadError) as exc:
        load_text(bomb, "bomb.yaml")
    assert exc.value.code == "too_many_nodes"


def test_deep_nesting_is_refused_without_recursion_error():
    deep = "a: " + "[" * 10000 + "]" * 10000 + "\n"
    with pytest.raises(LoadError) as exc:
        load_text(deep, "deep.yaml")
    assert exc.value.code == "too_deep"


def test_limits_are_configurable():
    text = "a: [[[[1]]]]\n"
    with pytest.raises(LoadError):
        load_text(text, "p.yaml", Limits(max_depth=3))
    assert load_text(text, "p.yaml", Limits(max_depth=10)).data == {"a": [[[[1]]]]}


@pytest.mark.parametrize(
    "raw, code",
    [
        ("a: 1".encode("utf-16"), "encoding_utf16"),
        (b"name: \"H\xe0 N\xf4i\"\n", "encoding_not_utf8"),  # Windows-1258-era bytes
        (b"\x00\x01\x02binary", "encoding_binary"),  # NULs, but not every other byte: not UTF-16
        (b"name: x\n\x00\n", "encoding_binary"),
    ],
)
def test_encodings_other_than_utf8_are_refused_with_advice(raw, code):
    with pytest.raises(LoadError) as exc:
        decode(raw, "plan.yaml")
    assert exc.value.code == code


def test_bom_and_crlf_are_accepted():
    text = decode("\ufeffname: Hồ sơ\r\nkind: project\r\n".encode("utf-8"), "p.yaml")
    assert load_text(text, "p.yaml").data == {"name": "Hồ sơ", "kind": "project"}


def test_non_finite_value_is_kept_for_the_schema_to_reject():
    assert math.isinf(load("a: .inf").data["a"])
