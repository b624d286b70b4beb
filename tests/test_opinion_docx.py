"""The opinion as a Word document (--format opinion-docx): read back with python-docx (texts, page, margins, fonts),
the CLI's refusal to write it to a terminal, and (where LibreOffice is installed) its conversion to PDF."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from cqdt_check.messages import say
from cqdt_check.reporters import BINARY_FORMATS, Format, reporter
from cqdt_check.reporters.opinion import MOTTO, NATIONAL_TITLE, opinions
from cqdt_check.reporters.opinion_docx import FONT, MARGINS_MM

ROOT = Path(__file__).resolve().parent.parent
MANY_PROBLEMS = ROOT / "examples" / "nhieu-van-de.yaml"


def _read(data: bytes):
    return docx.Document(io.BytesIO(data))


def _texts(document) -> str:
    cells = [p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_docx_says_what_the_markdown_opinion_says(report, lang):
    rep = report(lang)
    document = _read(reporter(Format.opinion_docx)(rep))
    text = _texts(document)
    [o] = opinions(rep)
    for needed in (NATIONAL_TITLE, MOTTO, say("opinion.number", lang), say("opinion.place_date", lang),
                   say("opinion.draft", lang), say("opinion.signature.name", lang), o["reference"], o["intro"],
                   o["conclusion_text"], say("opinion.annex.title", lang)):
        assert needed in text, needed
    for _, title, items in o["sections"]:
        assert title in text
        for item in items:
            assert f"{item['number']}. {item['lead'] or item['clauses'][0]['text']}" in text
            assert all(clause["text"] in text for clause in item["clauses"])
    annex = document.tables[-1]
    assert len(annex.rows) == 1 + len(o["annex"]), "one annex row per finding"
    assert [c.text for c in annex.rows[1].cells][:2] == [o["annex"][0]["item"], o["annex"][0]["rule_id"]]
    assert say("opinion.draft", lang) in document.sections[0].header.paragraphs[0].text


def test_docx_is_a4_with_nd30_margins_and_times_new_roman(report):
    document = _read(reporter(Format.opinion_docx)(report()))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = {side: round(getattr(section, f"{side}_margin").mm) for side in MARGINS_MM}
    assert 20 <= margins["top"] <= 25 and 20 <= margins["bottom"] <= 25
    assert 30 <= margins["left"] <= 35 and 15 <= margins["right"] <= 20
    normal = document.styles["Normal"]
    assert normal.font.name == FONT and 13 <= normal.font.size.pt <= 14
    fonts = normal.element.rPr.rFonts
    assert {fonts.get(f"{{{fonts.nsmap['w']}}}{slot}") for slot in ("ascii", "hAnsi", "cs")} == {FONT}
    # no run picks another font than the style's
    runs = [r for p in document.paragraphs for r in p.runs]
    assert runs and all(r.font.name in (None, FONT) for r in runs)


def test_docx_shows_plan_text_safely(check, make_report, tmp_path):
    # markup, a bidi override and a control character (which XML cannot hold) in the plan's name and owner
    text = (ROOT / "tests/fixtures/report/plan.yaml").read_text(encoding="utf-8")
    text = text.replace('agency: "Văn phòng UBND tỉnh Quảng Ngãi"', 'agency: "<b>UBND</b> \\u202e tỉnh \\a"')
    assert "<b>UBND</b>" in text
    plan = tmp_path / "hostile.yaml"
    plan.write_text(text, encoding="utf-8")
    document = _read(reporter(Format.opinion_docx)(make_report([check(plan)])))
    shown = _texts(document)
    assert "<b>UBND</b> \ufffd tỉnh \ufffd" in shown, "as written, with unprintable characters made visible"
    assert "\u202e" not in shown and "\a" not in shown


def test_opinion_docx_is_a_binary_format(report):
    assert Format.opinion_docx in BINARY_FORMATS
    assert reporter(Format.opinion_docx)(report()).startswith(b"PK")  # a zip container, as every .docx


def test_cli_writes_the_docx_to_a_file_and_to_a_redirected_stdout(cli, tmp_path):
    target = tmp_path / "y-kien.docx"
    code, _, _ = cli(str(MANY_PROBLEMS), "--format", f"opinion-docx:{target}")
    assert code == 1
    assert NATIONAL_TITLE in _texts(docx.Document(str(target)))


def test_cli_refuses_a_docx_on_a_terminal(tmp_path):
    script = shutil.which("script")
    if script is None:
        pytest.skip("no `script` to give the command a pseudo-terminal")
    import sys
    command = f"{sys.executable} -m cqdt_check {MANY_PROBLEMS} --format opinion-docx"
    run = subprocess.run([script, "-qec", command, "/dev/null"], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert run.returncode == 2
    assert "opinion-docx:" in run.stdout  # the message names the way to write it


def test_soffice_prints_the_many_problems_opinion_in_a_few_pages(check, make_report, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the Word document was not converted to PDF")
    if shutil.which("pdffonts") is None or shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdffonts, pdftotext) is not installed")
    source = tmp_path / "y-kien.docx"
    source.write_bytes(reporter(Format.opinion_docx)(make_report([check(MANY_PROBLEMS)])))
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], capture_output=True, timeout=240, check=True)
    pdf = tmp_path / "y-kien.pdf"
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout.split("\f")
    annex_page = next(i for i, page in enumerate(pages) if say("opinion.annex.title", "vi") in page)
    assert annex_page <= 6, f"the letter before the annex takes {annex_page} pages"
    assert NATIONAL_TITLE in pages[0]
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout.splitlines()[2:]
    families = {line.split()[0].split("+")[-1].split("-")[0] for line in fonts if line.strip()}
    # Times New Roman, or where it is missing a metric twin LibreOffice substitutes (Liberation Serif, Tinos)
    assert families and families <= {"TimesNewRomanPSMT", "TimesNewRoman", "TimesNewRomanPS", "LiberationSerif",
                                      "Tinos"}, families
