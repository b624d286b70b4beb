"""Refusals of what the operator names (architectures, rule packs) follow --lang: every word comes from the catalogue,
including what a model's validator says (errors.Invalid), never Vietnamese under --lang en."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT
from cqdt_check.cli import main
from cqdt_check.messages import say

PLAN = ROOT / "examples" / "tthc-nang-cap.yaml"


def duplicated_architecture(tmp_path):
    text = (ROOT / "architecture" / "nghe-an-1.0.yaml").read_text(encoding="utf-8")
    first, second = re.findall(r"\n\s*- id: ([a-z0-9-]+)\n", text)[:2]
    path = tmp_path / "arch.yaml"
    path.write_text(text.replace(f"- id: {second}\n", f"- id: {first}\n", 1), encoding="utf-8")
    return ["--architecture", str(path)], say("value.duplicate_ids", "en", ids=first), say("value.duplicate_ids", "vi", ids=first)


def pack_without_english(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(ROOT / "rules", pack)
    security = pack / "security.yaml"
    text = security.read_text(encoding="utf-8")
    # drop the English title of the first rule
    title_en = re.search(r"\n(\s+)title:\n\s+vi: [^\n]+\n\s+en: [^\n]+\n", text)
    assert title_en, "security.yaml changed shape"
    block = title_en.group(0)
    security.write_text(text.replace(block, block[: block.rindex("\n", 0, len(block) - 1) + 1], 1), encoding="utf-8")
    return (["--rules", str(pack), "--no-bundled-rules"], say("value.english_missing", "en", fields="title"),
            say("value.english_missing", "vi", fields="title"))


@pytest.mark.parametrize("make", [duplicated_architecture, pack_without_english])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_refusal_is_in_the_run_language(make, lang, tmp_path, capsys):
    args, english, vietnamese = make(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main([str(PLAN), *args, "--lang", lang])
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert (english if lang == "en" else vietnamese) in err
    if lang == "en":
        assert vietnamese not in err
