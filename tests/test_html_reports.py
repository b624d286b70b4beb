"""The HTML report and the drafted written opinion: golden files, escaping, self-containment, several documents,
the opinion's conclusion, the CLI, and (marker `browser`) how a headless Chromium shows and prints them."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import PLAN, ROOT, golden
from markupsafe import escape

from cqdt_check.messages import say
from cqdt_check.reporters import Format, reporter
from cqdt_check.reporters.opinion import NATIONAL_TITLE, conclusion_of, opinions

HOSTILE_NAME = "<script>alert(1)</script>"
HOSTILE_OWNER = 'Sở KH&CN "Thử" <b>đậm</b>'
HTML_FORMATS = (Format.html, Format.opinion_html)
# Anything that would make a page fetch from elsewhere: remote src/href, CSS imports and url() (fonts, images).
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|@import|url\(""", re.IGNORECASE)
DAT = re.compile(r"(?<!\w)đạt(?!\w)", re.IGNORECASE)  # the word "đạt" alone, as in "chưa đạt" or "đạt yêu cầu"


def render(fmt: Format, report) -> str:
    return reporter(fmt)(report)


@pytest.fixture
def hostile_plan(tmp_path) -> Path:
    """The golden plan with a script for a name and an owner full of characters HTML gives meaning to."""
    text = (ROOT / PLAN).read_text(encoding="utf-8")
    text = text.replace('name: "Xây dựng Cổng thông tin tiếp nhận phản ánh, kiến nghị của người dân"',
                        f"name: '{HOSTILE_NAME}'")
    text = text.replace('agency: "Văn phòng UBND tỉnh Quảng Ngãi"', f"agency: '{HOSTILE_OWNER}'")
    assert HOSTILE_NAME in text and HOSTILE_OWNER in text
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def several(check, make_report, tmp_path, monkeypatch):
    """A report of three documents: the golden plan (fails), a YAML syntax error and a file that does not exist."""
    monkeypatch.chdir(ROOT)
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: cqdt-plan/1\nname: [chưa đóng\n", encoding="utf-8")
    documents = [check(PLAN), check(broken), check(tmp_path / "missing.yaml")]
    assert [d.verdict for d in documents] == ["fail", "error", "error"]
    return make_report(documents)


# --- golden files -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["vi", "en"])
def test_html_report_golden(report, lang):
    text = render(Format.html, report(lang))
    golden(f"report.{lang}.html", text)
    assert f'<html lang="{lang}">' in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_opinion_markdown_golden(report, lang):
    text = render(Format.opinion, report(lang))
    golden(f"opinion.{lang}.md", text)
    assert NATIONAL_TITLE in text, "the national title stays in Vietnamese in every language"


def test_opinion_html_golden(report):
    text = render(Format.opinion_html, report())
    golden("opinion.vi.html", text)
    assert '<html lang="vi">' in text


# --- content ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["vi", "en"])
def test_html_report_shows_every_finding_with_place_basis_and_fix(report, lang):
    rep = report(lang)
    doc = rep.documents[0]
    text = render(Format.html, rep)
    for f in doc.findings:
        assert f"{f.location.file}:{f.location.line}:{f.location.column}" in text
        assert f.rule_id in text and f.path_text in text
    deviation = next(f for f in doc.findings if f.deviation_requested)
    assert say("deviation.note", lang) in text
    assert deviation.deviation_requested in text
    assert say("report.unverified", lang) in text, "unverified bases are marked"
    assert say("report.counts", lang, **doc.summary()) in text


def test_html_report_lists_rules_that_passed_with_titles(report):
    rep = report()
    text = render(Format.html, rep)
    failed = {f.rule_id for f in rep.documents[0].findings}
    passed = {c.rule_id for c in rep.documents[0].checks if c.status == "pass"} - failed
    assert passed, "the golden plan passes some rules"
    passed_section = text.split(say("html.passed_rules", "vi", count=len(passed)), 1)[1].split("</details>", 1)[0]
    for rule_id in passed:
        assert f'<span class="rule-id">{rule_id}</span> {escape(rep.rule(rule_id).title)}' in passed_section


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_opinion_is_a_draft_with_placeholders_never_signed(report, lang):
    rep = report(lang)
    for fmt in (Format.opinion, Format.opinion_html):
        text = render(fmt, rep)
        for code in ("opinion.draft", "opinion.signature.name", "opinion.signature.for", "opinion.recipients",
                     "opinion.number"):
            assert say(code, lang).split("…")[0] in text, code
        assert "Độc lập - Tự do - Hạnh phúc" in text
        assert rep.documents[0].owner in text, "addressed to the plan's owner"
        assert "1702/QĐ-UBND" in text and "31/12/2024" in text, "the architecture decision is cited"


def test_opinion_requests_errors_before_warnings_and_notes_last(report):
    rep = report()
    text = render(Format.opinion, rep)
    assert {f.severity for f in rep.documents[0].findings} == {"error", "warning", "info"}
    titles = [say(code, "vi") for code in ("opinion.requests.error", "opinion.requests.warning", "opinion.notes")]
    assert text.index(titles[0]) < text.index(titles[1]) < text.index(titles[2])


# --- escaping and self-containment --------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", HTML_FORMATS)
def test_plan_text_is_shown_as_text_in_html(check, make_report, hostile_plan, fmt):
    text = render(fmt, make_report([check(hostile_plan)]))
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<b>đậm" not in text and "&lt;b&gt;đậm&lt;/b&gt;" in text
    assert "KH&amp;CN &#34;Thử&#34;" in text


def test_plan_text_is_shown_as_text_in_markdown(check, make_report, hostile_plan):
    text = render(Format.opinion, make_report([check(hostile_plan)]))
    assert "<script>" not in text and "<b>" not in text
    assert r"\<script\>alert(1)\</script\>" in text


@pytest.mark.parametrize("fmt", HTML_FORMATS)
def test_html_is_self_contained(report, several, fmt):
    for rep in (report(), report("en"), several):
        text = render(fmt, rep)
        assert not EXTERNAL.search(text), EXTERNAL.search(text)
        assert "<script" not in text, "no script is needed to read or print the page"
        assert "<style>" in text and "@page" in text and "size: A4" in text and "@media print" in text


# --- several documents --------------------------------------------------------------------------------------------

def test_html_report_of_several_documents_has_a_table_and_every_document(several):
    text = render(Format.html, several)
    table = text.split(f">{say('report.files', 'vi')}</h2>", 1)[1].split("</table>", 1)[0]
    for index, doc in enumerate(several.documents, 1):
        summary = doc.summary()
        assert f'<a href="#doc-{index}">{doc.file}</a>' in table
        assert f'id="doc-{index}"' in text
        assert say(f"verdict.{doc.verdict}", "vi") in table
        assert (f'<td class="num">{summary["error"]}</td><td class="num">{summary["warning"]}</td>'
                f'<td class="num">{summary["info"]}</td>') in table
    verdicts = [d.verdict for d in several.documents]
    assert say("report.total", "vi", count=len(verdicts), passed=verdicts.count("pass"), failed=verdicts.count("fail"),
               errors=verdicts.count("error")) in text
    broken = several.documents[1]
    loc = broken.error_location
    assert loc.line > 0
    assert f"<code>{broken.file}:{loc.line}:{loc.column}</code>" in text, "why it could not be checked, and where"
    assert text.count(say("report.could_not_check", "vi")) == verdicts.count("error")


def test_opinion_of_several_documents_is_one_letter_each(several):
    markdown = render(Format.opinion, several)
    letters = markdown.split("\n---\n")
    assert len(letters) == len(several.documents)
    assert all(NATIONAL_TITLE in letter for letter in letters)
    page = render(Format.opinion_html, several)
    assert page.count('<article class="letter"') == len(several.documents)
    assert ".letter + .letter { break-before: page;" in page


# --- the opinion's conclusion -------------------------------------------------------------------------------------

def _conclusion_paragraph(markdown: str) -> str:
    return markdown.split(f" {say('opinion.conclusion', 'vi')}\n", 1)[1].split("\n|", 1)[0]


def test_opinion_concludes_not_yet_conforming_when_there_are_errors(report):
    rep = report()
    assert rep.documents[0].count("error") > 0
    [opinion] = opinions(rep)
    assert opinion["conclusion"] == "fail"
    conclusion = _conclusion_paragraph(render(Format.opinion, rep))
    assert "chưa đạt" in conclusion and "đề nghị hoàn thiện hồ sơ theo các nội dung nêu trên" in conclusion


def test_opinion_concludes_conforming_when_there_are_no_errors(check, make_report, monkeypatch):
    monkeypatch.chdir(ROOT)
    doc = check(Path("examples/tthc-nang-cap.yaml"))
    assert doc.rules_evaluated and doc.count("error") == 0
    rep = make_report([doc])
    assert conclusion_of(doc) == "pass"
    conclusion = _conclusion_paragraph(render(Format.opinion, rep))
    assert DAT.search(conclusion) and "chưa đạt" not in conclusion


def test_opinion_never_concludes_conforming_for_a_file_that_could_not_be_checked(several):
    for doc, markdown in zip(several.documents, render(Format.opinion, several).split("\n---\n")):
        if doc.verdict != "error":
            continue
        assert conclusion_of(doc) == "not_checked"
        assert not DAT.search(markdown), "neither 'đạt' nor 'chưa đạt': there is no basis for either"
        assert doc.error.split(":")[0] in markdown and "cqdt-check" in _conclusion_paragraph(markdown)


def test_opinion_does_not_conclude_conforming_when_the_rules_did_not_run(check, make_report, tmp_path):
    plan = tmp_path / "shape.yaml"
    plan.write_text('format: cqdt-plan/1\nkind: project\nname: "Thử"\nnmae: x\n', encoding="utf-8")
    doc = check(plan)
    assert not doc.rules_evaluated and doc.verdict != "error"
    assert conclusion_of(doc) == "fail"


# --- the command line ---------------------------------------------------------------------------------------------

def test_cli_prints_the_html_report(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = cli(str(PLAN), "--format", "html")
    assert code == 1, "the plan has error findings (docs/report-contract.md: exit 1)"
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")


def test_cli_writes_the_opinion_to_a_file(cli, monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    target = tmp_path / "o.html"
    code, out, err = cli(str(PLAN), "--format", f"opinion-html:{target}")
    assert code == 1
    assert out == "" and "cqdt-check" in err, "the report goes to the file, the one-line summary to stderr"
    page = target.read_text(encoding="utf-8")
    assert NATIONAL_TITLE in page and page.startswith("<!DOCTYPE html>")


def test_cli_exits_2_when_a_file_could_not_be_checked(cli, monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    code, out, _ = cli(str(tmp_path / "missing.yaml"), "--format", "opinion")
    assert code == 2
    assert say("not_found", "vi") in out


# --- in a browser -------------------------------------------------------------------------------------------------

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
BROWSER_TIMEOUT = 60


def _browser() -> str:
    found = next((path for path in map(shutil.which, BROWSERS) if path), None)
    if found is None:
        pytest.skip("no headless Chromium on PATH (apt-get install chromium)")
    return found


def _run_browser(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    # Each run gets its own profile so parallel runs and a user's own browser never share a lock.
    return subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=BROWSER_TIMEOUT, check=False)


@pytest.mark.slow
@pytest.mark.browser
def test_chromium_shows_and_prints_the_reports(report, check, make_report, hostile_plan, tmp_path):
    browser = _browser()
    page = tmp_path / "report.html"
    page.write_text(render(Format.html, report()), encoding="utf-8")
    screenshot, pdf = tmp_path / "report.png", tmp_path / "report.pdf"
    _run_browser(browser, tmp_path / "profile", f"--screenshot={screenshot}", "--window-size=1280,2000", page.as_uri())
    _run_browser(browser, tmp_path / "profile", f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert screenshot.read_bytes().startswith(b"\x89PNG") and screenshot.stat().st_size > 20_000
    printed = pdf.read_bytes()
    assert printed.startswith(b"%PDF") and len(printed) > 20_000
    assert len(re.findall(rb"/Type\s*/Page\b", printed)) >= 1

    hostile_report = make_report([check(hostile_plan)])
    for fmt in HTML_FORMATS:
        hostile = tmp_path / f"hostile-{fmt.value}.html"
        hostile.write_text(render(fmt, hostile_report), encoding="utf-8")
        dom = _run_browser(browser, tmp_path / "profile", "--dump-dom", hostile.as_uri()).stdout
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom, f"{fmt.value}: the plan's name is text in the page"
        assert "<script" not in dom, f"{fmt.value}: no script element was created from plan text"


@pytest.mark.browser
def test_chromium_prints_the_opinion_in_one_font_family_and_a_few_pages(check, make_report, tmp_path):
    """No word mixes fonts (every glyph of the body from one family, whatever the machine has), and the many-problems
    example takes about four pages before its annex."""
    browser = _browser()
    if shutil.which("pdffonts") is None or shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdffonts, pdftotext) is not installed")
    page, pdf = tmp_path / "opinion.html", tmp_path / "opinion.pdf"
    page.write_text(render(Format.opinion_html, make_report([check(ROOT / "examples" / "nhieu-van-de.yaml")])),
                    encoding="utf-8")
    _run_browser(browser, tmp_path / "profile", f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    # "ABCDEF+DejaVuSerif-BoldItalic" → "DejaVuSerif": one family, in its styles
    families = {re.sub(r"[-,](Bold|Italic|Regular|BoldItalic|Oblique).*$", "", line.split()[0].split("+")[-1])
                for line in fonts if line.strip()}
    assert len(families) == 1, f"the opinion mixes fonts: {sorted(families)}"
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    annex = next(i for i, text in enumerate(pages) if say("opinion.annex.title", "vi") in text)
    (family,) = families
    if not family.startswith(("TimesNewRoman", "Tinos")):
        # the page count is NĐ 30's Times New Roman's (Tinos has its metrics); a wider fallback font runs longer
        pytest.skip(f"no Times-metric font installed (the opinion used {family}): apt-get install fonts-croscore")
    assert annex <= 4, f"the letter takes {annex} pages before the annex"


def test_opinion_when_a_rule_could_not_be_evaluated_lists_every_finding_and_never_concludes_dat(
        check, make_report, monkeypatch):
    from cqdt_check import records

    from conftest import ROOT
    from cqdt_check import checks

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.chdir(ROOT)
    monkeypatch.setitem(checks.CHECKS, "architecture_currency",
                        records.replace(checks.CHECKS["architecture_currency"], function=broken))
    doc = check("examples/nhieu-van-de.yaml")
    assert doc.verdict == "error" and doc.error is None
    text = reporter(Format.opinion)(make_report([doc]))
    assert "ARCH-010" in text and "boom" in text  # the rule that could not run is named, with the reason
    assert all(f.rule_id in text for f in doc.findings if f.status == "fail" and f.severity != "info")
    assert "không kiểm tra được tệp" not in text and "đạt yêu cầu" not in text.replace("chưa đạt", "")
