"""presskit from Python, against the real extension module (installed with
pip), the real CLI and real files."""

import json
import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import presskit

ROOT = Path(__file__).resolve().parents[3]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """The text a reader extracts, by poppler (installed by CI's external run)."""
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def test_three_lines_give_the_clis_pdf(example: Path, presskit_bin: str, tmp_path: Path) -> None:
    pdf = presskit.render_pdf(example)
    out = tmp_path / "cli.pdf"
    subprocess.run([presskit_bin, "render", str(example), "-o", str(out), "-q"], check=True)
    assert pdf == out.read_bytes()
    # str and pathlib.Path alike
    assert presskit.render_pdf(str(example)) == pdf


def test_the_example_renders_with_its_pages_and_text(example: Path, tmp_path: Path) -> None:
    release = presskit.Release.from_path(example)
    assert release.languages == ["en", "fr-BE", "nl-BE"]
    document = presskit.Renderer().render(release)
    assert document.page_count >= 2
    assert document.warnings == []
    text = pdf_text(document.pdf(), tmp_path)
    assert "MEDIA RELEASE" in text and "Page 1 of" in text
    assert "commercial sexual exploitation of children in Belgium" in text
    png = document.png(1, 30.0)
    assert png.startswith(b"\x89PNG")
    assert document.svg(0).startswith("<svg")
    assert document._repr_png_().startswith(b"\x89PNG")
    french = presskit.Renderer().render(release, lang="fr-BE")
    assert "Page 1 sur 2" in pdf_text(french.pdf(), tmp_path)


def test_text_html_and_email_come_from_the_same_release(example: Path) -> None:
    release = presskit.Release.from_path(example)
    assert "Despite national effort" in presskit.text(release)
    html = presskit.html(example)
    assert html.lstrip().lower().startswith("<!doctype html") and "MEDIA RELEASE" in html
    message = presskit.email(release, sender="Press <press@example.org>", to=["desk@example.com"], date=0)
    assert b"From: Press <press@example.org>" in message and b"application/pdf" in message
    assert message == presskit.email(release, sender="Press <press@example.org>", to=["desk@example.com"], date=0)


def test_a_kit_renders_as_one_pdf() -> None:
    pdf = presskit.kit(ROOT / "examples" / "ecpat-belgium" / "kit.yml")
    assert pdf.startswith(b"%PDF-")


def test_check_reports_what_the_cli_reports(presskit_bin: str, tmp_path: Path) -> None:
    release = write(
        tmp_path,
        "r.md",
        "---\nheadline: The library opens on Sundays.\ndate: 2026-03-02\n---\nA [link](ftp://x.org).\n",
    )
    found = presskit.check(release)
    assert [(d.severity, d.code, d.line) for d in found if d.code == "headline-full-stop"] == [
        ("warning", "headline-full-stop", 2)
    ]
    cli = subprocess.run(
        [presskit_bin, "check", str(release), "--format", "json"], capture_output=True, text=True, check=False
    )
    report = json.loads(cli.stdout)
    assert [d.to_dict() for d in found] == report["files"][0]["diagnostics"]
    assert str(found[0]).startswith(str(release))
    broken = write(tmp_path, "broken.md", "---\nheadline: \"unclosed\n---\nx\n")
    (error,) = presskit.check(broken)
    assert (error.severity, error.code, error.line) == ("error", "syntax", 2)


ERRORS = [
    # (file name, text, exception, kind, line)
    ("parse.md", "---\nheadline: \"unclosed\ndate: 2026-03-02\n---\nBody\n", presskit.ParseError, "syntax", 2),
    ("unknown.md", "---\nheadline: H\nheadlne: x\ndate: 2026-03-02\n---\nBody\n", presskit.UnknownFieldError, "unknown-field", 3),
    ("missing.md", "---\nheadline: H\n---\nBody\n", presskit.MissingFieldError, "missing-field", 2),
    ("invalid.md", "---\nheadline: H\ndate: 2026-02-30\n---\nBody\n", presskit.InvalidValueError, "invalid-value", 3),
    ("image.md", "---\nheadline: H\ndate: 2026-03-02\n---\nBody\n\n![A photo](nowhere.png)\n", presskit.ImageError, "image", 7),
    ("toml.toml", 'headline = "H"\ndate = 2026-03-02\nbody = "B"\nlang = 5\n', presskit.InvalidValueError, "invalid-value", 4),
]


@pytest.mark.parametrize("name,text,exception,kind,line", ERRORS, ids=[e[0] for e in ERRORS])
def test_each_error_kind_says_where(tmp_path: Path, name: str, text: str, exception: type, kind: str, line: int) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(exception) as caught:
        presskit.Release.from_path(path)
    err = caught.value
    assert isinstance(err, presskit.Error)
    assert (err.kind, Path(err.file or "").name, err.line) == (kind, name, line)
    assert err.column is not None and err.column >= 1
    assert err.message and err.hint
    assert str(err).startswith(f"{path}:{line}:{err.column}: {err.message}")
    assert f"hint: {err.hint}" in str(err)


def test_file_font_layout_and_export_errors(tmp_path: Path, example: Path) -> None:
    with pytest.raises(presskit.FileError) as caught:
        presskit.Release.from_path(tmp_path / "absent.md")
    assert caught.value.file and caught.value.file.endswith("absent.md") and caught.value.hint

    release = presskit.Release.from_str("---\nheadline: H\ndate: 2026-03-02\n---\nBody\n")
    brand = presskit.Brand.from_dict({"typography": {"base": {"family": "No Such Family"}}})
    with pytest.raises(presskit.FontError) as font:
        presskit.Renderer().render(release, brand)
    assert "No Such Family" in font.value.message and font.value.hint

    write(tmp_path, "t.typ", "#let x = (\n")
    write(tmp_path, "_brand.yml", "defaults:\n  presskit:\n    template: t.typ\n")
    in_folder = write(tmp_path, "r.md", "---\nheadline: H\ndate: 2026-03-02\n---\nBody\n")
    with pytest.raises(presskit.LayoutError) as layout:
        presskit.render_pdf(in_folder)
    assert layout.value.file and layout.value.file.endswith("t.typ") and layout.value.line == 1

    document = presskit.Renderer().render(example)
    with pytest.raises(presskit.ExportError, match="no page 100"):
        document.png(99)
    with pytest.raises(ValueError):
        presskit.Renderer().render(example, image_ppi=5)


def test_text_and_bytes_and_dicts_load_the_same_release(tmp_path: Path) -> None:
    fields = {
        "headline": "Ghent's library opens on Sundays",
        "date": "2026-03-02",
        "dateline": "Ghent",
        "body": "From May, the library opens on Sundays.[^1]\n\n[^1]: Ten to four.\n",
        "contacts": [{"name": "Jo", "email": "jo@example.org"}],
    }
    from_dict = presskit.Release.from_dict(fields)
    path = write(tmp_path, "release.json", json.dumps(fields))
    from_path = presskit.Release.from_path(path)
    from_bytes = presskit.Release.from_str(json.dumps(fields).encode(), "json")
    assert from_dict.to_dict() == from_path.to_dict() == from_bytes.to_dict()
    assert from_dict.to_dict()["headline"] == fields["headline"]
    renderer = presskit.Renderer()
    assert renderer.render(from_dict).pdf() == renderer.render(from_path).pdf()
    with pytest.raises(presskit.FileError, match="not valid UTF-8"):
        presskit.Release.from_str(b"\xff\xfe not utf-8", "md")


def test_a_renderer_shared_by_eight_threads_gives_the_same_bytes(example: Path) -> None:
    renderer = presskit.Renderer()
    release = presskit.Release.from_path(example)
    expected = renderer.render(release).pdf()
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: renderer.render(release).pdf(), range(16)))
    assert all(r == expected for r in results)


def test_renders_let_go_of_the_interpreter(example: Path) -> None:
    """Two threads against one: reported, not asserted (timings vary with
    the machine). The interpreter must stay free while a render runs."""
    renderer = presskit.Renderer()
    release = presskit.Release.from_path(example)
    renderer.render(release).pdf()
    rounds = 20

    def work() -> None:
        for _ in range(rounds):
            renderer.render(release).pdf()

    start = time.perf_counter()
    work()
    one = time.perf_counter() - start
    threads = [threading.Thread(target=work) for _ in range(2)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    # While they render, this thread still runs Python.
    ticks = 0
    while any(t.is_alive() for t in threads):
        ticks += 1
        time.sleep(0.001)
    for t in threads:
        t.join()
    two = time.perf_counter() - start
    report = {
        "render_ms": round(one / rounds * 1000, 2),
        "one_thread_s": round(one, 3),
        "two_threads_s": round(two, 3),
        "ratio_two_to_one": round(two / one, 2),
        "cpus": os.cpu_count(),
        "main_thread_ticks": ticks,
    }
    print(f"\nGIL report: {json.dumps(report)}", file=sys.stderr)
    out = os.environ.get("PRESSKIT_PY_REPORT")
    if out:
        Path(out).write_text(json.dumps(report) + "\n")
    assert ticks > 0


def test_python_m_presskit_renders_and_checks(example: Path, presskit_bin: str, tmp_path: Path) -> None:
    out = tmp_path / "m.pdf"
    run = subprocess.run([sys.executable, "-m", "presskit", "render", str(example), "-o", str(out), "-q"], check=True)
    assert run.returncode == 0 and out.read_bytes() == presskit.render_pdf(example)
    bad = write(tmp_path, "bad.md", "---\nheadline: H\nheadlne: x\ndate: 2026-03-02\n---\nBody\n")
    run = subprocess.run(
        [sys.executable, "-m", "presskit", "render", str(bad)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 1
    assert f"error: {bad}:3:1: unknown field `headlne`" in run.stderr and "hint:" in run.stderr
    assert not (tmp_path / "bad.pdf").exists()
    mine = subprocess.run(
        [sys.executable, "-m", "presskit", "check", "--format", "json", str(bad)], capture_output=True, text=True
    )
    theirs = subprocess.run([presskit_bin, "check", "--format", "json", str(bad)], capture_output=True, text=True)
    assert (mine.returncode, json.loads(mine.stdout)) == (theirs.returncode, json.loads(theirs.stdout))


def test_the_stubs_match_the_module_and_type_the_documented_uses() -> None:
    here = Path(__file__).parent
    strict = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", str(here / "typed_example.py")], capture_output=True, text=True
    )
    assert strict.returncode == 0, strict.stdout + strict.stderr
    stubtest = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "presskit._presskit", "--allowlist", str(here / "stubtest-allowlist.txt")],
        capture_output=True,
        text=True,
    )
    assert stubtest.returncode == 0, stubtest.stdout + stubtest.stderr


CASES = Path(__file__).resolve().parents[3] / "tests" / "import" / "cases"


def test_import_release_from_word_and_bytes_renders(tmp_path: Path, presskit_bin: str) -> None:
    docx = CASES / "docx-manual-en-gb-rivers.docx"
    found = presskit.import_release(docx)
    assert found.markdown.startswith("---\n") and "Sewage spills into Yorkshire rivers" in found.markdown
    fields = {f["field"]: f["at"] for f in found.report["fields"]}
    assert fields["headline"].startswith("paragraph "), fields
    assert "14 Call Lane" in (found.report["suggested_brand"] or "")
    release = found.release(base=tmp_path)
    assert presskit.render_pdf(release).startswith(b"%PDF-")
    # The same as the command writes.
    out = tmp_path / "rivers.md"
    subprocess.run([presskit_bin, "import", str(docx), "-o", str(out), "-q"], check=True)
    assert out.read_text(encoding="utf-8") == found.markdown
    # Bytes need a format; a damaged file is a presskit.Error with a hint.
    same = presskit.import_release(docx.read_bytes(), format="docx", name="rivers.docx")
    assert same.markdown == found.markdown
    with pytest.raises(ValueError):
        presskit.import_release(docx.read_bytes())
    with pytest.raises(presskit.Error) as err:
        presskit.import_release(b"PK\x03\x04 damaged", format="docx")
    assert err.value.hint and "Word" in str(err.value)
