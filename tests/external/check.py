"""Cross-checks of presskit's outputs with independent readers.

`cargo test --workspace` reads presskit's PDFs, emails and HTML with Rust
crates. A second, independent reader catches what ours would miss, so this
script renders the examples with the `presskit` binary and reads the results
with poppler (pdftotext, pdfinfo, pdffonts, pdfimages, pdfdetach), qpdf, the
stock Typst compiler (its Python binding), Python's email package with
html5lib, jsonschema and a real browser (Chromium).

Usage: check.py PRESSKIT CHROMIUM   (tests/external/run sets it all up)
Prints one PASS or FAIL line per check and exits non-zero if any failed.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

import jsonschema
import typst

import email_check

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLE = os.path.join(ROOT, "examples", "ecpat-belgium")
REFERENCE = [
    line for line in open(os.path.join(ROOT, "tests", "cases", "ecpat-reference.txt"), encoding="utf-8").read().splitlines()
    if line.strip()
]


def run(*args, input=None):
    """Runs a command; its standard output as text, or an error with its
    standard error."""
    done = subprocess.run(args, capture_output=True, input=input)
    if done.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, args))} exited {done.returncode}:\n{done.stderr.decode(errors='replace')}")
    return done.stdout.decode("utf-8", errors="replace")


def fold(text):
    """Text as a reader compares it (as `fold` in tests/src/lib.rs):
    typographic quotes read as straight, soft hyphens joined, white space
    folded."""
    text = re.sub("[“”„«»″]", '"', text)
    text = re.sub("[‘’‚‹›′]", "'", text)
    text = re.sub(r"\s*\u00ad\s*", "", text)
    # pdftotext drops the soft hyphen's mark but keeps the hyphen it shows.
    return " ".join(text.split())


def missing(lines, text):
    folded = fold(text)
    return [line for line in lines if fold(line) not in folded]


def pdfinfo(pdf, *extra):
    info = {}
    for line in run("pdfinfo", *extra, pdf).splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def pdf_is_sound(pdf):
    """qpdf finds no damage; poppler reads every page; all fonts embedded
    as subsets."""
    out = run("qpdf", "--check", pdf)
    assert "No syntax or stream encoding errors found" in out, out
    pages = int(pdfinfo(pdf)["Pages"])
    assert pages >= 1
    fonts = run("pdffonts", pdf).splitlines()[2:]
    assert fonts, "no fonts"
    for font in fonts:
        # name type encoding emb sub uni object ID: emb and sub are the
        # fifth and fourth fields from the end.
        fields = font.split()
        assert fields[-5] == "yes" and fields[-4] == "yes", f"font not an embedded subset: {font}"
    return pages


def body_text(pdf, pages):
    """The text inside the template's text area (22 mm from the top, 26 mm
    from the bottom), page after page, without running header and footer."""
    parts = []
    for page in range(1, pages + 1):
        n = str(page)
        parts.append(run("pdftotext", "-f", n, "-l", n, "-x", "0", "-y", "58", "-W", "595", "-H", "718", pdf, "-"))
    text = fold(" ".join(parts))
    # The footnote sits at the foot of page 1, inside a paragraph that runs
    # on to page 2; read it after the body, as the reference has it.
    note = re.search(r"1ECPAT International \(End Child.*?78 pays\.", text)
    assert note, "the footnote is not in the text area"
    return text.replace(note.group(0), "") + " " + note.group(0)[1:]


class Checks:
    def __init__(self, presskit, chromium):
        self.presskit, self.chromium = presskit, chromium
        self.dir = tempfile.mkdtemp(prefix="presskit-external-")
        self.passed, self.failed = 0, []

    def out(self, name):
        return os.path.join(self.dir, name)

    def presskit_run(self, *args):
        return run(self.presskit, "--quiet", *args)

    def check(self, name, test):
        try:
            test()
        except Exception:
            self.failed.append(name)
            print(f"FAIL {name}\n" + "".join("     " + l for l in traceback.format_exc().splitlines(True)), flush=True)
        else:
            self.passed += 1
            print(f"PASS {name}", flush=True)

    # The bundled example, as poppler and qpdf read it.
    def example(self):
        pdf = self.out("example.pdf")
        self.presskit_run("render", os.path.join(EXAMPLE, "release.md"), "-o", pdf)
        pages = pdf_is_sound(pdf)
        info = pdfinfo(pdf)
        assert pages == 2, info
        assert info["Tagged"] == "yes", info
        assert info["Title"].startswith("Despite national effort"), info
        assert info["Author"] == "ECPAT Belgium", info
        assert info["Page size"].startswith("595.276 x 841.89"), info
        lost = missing(REFERENCE, body_text(pdf, pages))
        assert not lost, "sentences poppler does not find:\n" + "\n".join(lost)
        layout = fold(run("pdftotext", "-layout", pdf, "-"))
        for furniture in ["FOR IMMEDIATE RELEASE", "-more-", "Page 1 of 2", "Page 2 of 2", "ENDS", "Media contact"]:
            assert furniture in layout, f"{furniture!r} not in the text"
        page1 = fold(run("pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-"))
        body, note, more = (page1.find(s) for s in ["Belgian minors are exploited", "est le seul réseau mondial", "-more-"])
        assert -1 < body < note < more, "the footnote is not at the foot of page 1"
        links = run("pdfinfo", "-url", pdf)
        assert "http://ecpat.be/files/2014/09/A4A_V2_EU_BELGIUM_ENG_FINAL.pdf" in links, links

    def archival(self):
        pdf = self.out("archival.pdf")
        self.presskit_run("render", os.path.join(EXAMPLE, "release.md"), "--standard", "archival", "-o", pdf)
        pdf_is_sound(pdf)
        meta = run("pdfinfo", "-meta", pdf)
        for needle in ["pdfaid:part", "pdfuaid:part"]:
            assert needle in meta, f"{needle} not in the XMP:\n{meta}"
        assert re.search(r"pdfaid:part(>|=\")2", meta) and re.search(r"pdfaid:conformance(>|=\")B", meta, re.I), meta
        assert re.search(r"pdfuaid:part(>|=\")1", meta), meta
        assert pdfinfo(pdf)["Tagged"] == "yes"
        # Every image on the page is in the tag tree with its alt text: poppler
        # lists the structure.
        structure = run("pdfinfo", "-struct-text", pdf)
        assert "Figure" in structure, structure[:2000]

    def attachment(self):
        pdf = self.out("a3b.pdf")
        self.presskit_run("render", os.path.join(EXAMPLE, "release.md"), "--standard", "a-3b", "-o", pdf)
        pdf_is_sound(pdf)
        listing = run("pdfdetach", "-list", pdf)
        assert "release.json" in listing, listing
        saved = self.out("attached.json")
        run("pdfdetach", "-savefile", "release.json", "-o", saved, pdf)
        release = json.load(open(saved, encoding="utf-8"))
        assert "Despite national effort" in json.dumps(release, ensure_ascii=False), release

    def french(self):
        pdf = self.out("fr.pdf")
        self.presskit_run("render", os.path.join(EXAMPLE, "release.fr.md"), "-o", pdf)
        pdf_is_sound(pdf)
        text = run("pdftotext", pdf, "-")
        for needle in ["POUR DIFFUSION IMMÉDIATE", "Page 1 sur"]:
            assert needle in text, f"{needle!r} not in the French text:\n{text}"
        # French quotes with a (narrow no-break) space inside; poppler reads
        # the narrow space as a plain one.
        assert re.search("«\\sL’ESEC persiste", text), "no French opening quote"

    def everything(self):
        pdf = self.out("everything.pdf")
        self.presskit_run("render", os.path.join(ROOT, "tests", "cases", "everything.md"), "-o", pdf)
        pdf_is_sound(pdf)
        text = fold(run("pdftotext", pdf, "-"))
        for needle in ["EMBARGOED", "###"]:
            assert needle in text, f"{needle!r} not in the text"

    def photo(self):
        folder = self.out("photo")
        os.mkdir(folder)
        shutil.copy(os.path.join(ROOT, "tests", "cases", "images", "cmyk.jpg"), folder)
        release = os.path.join(folder, "release.md")
        open(release, "w", encoding="utf-8").write(
            "---\nheadline: A photo\ndate: 2026-03-02\n---\nText.\n\n![A press photo](cmyk.jpg \"Caption\")\n"
        )
        pdf = self.out("photo.pdf")
        self.presskit_run("render", release, "--standard", "archival", "-o", pdf)
        pdf_is_sound(pdf)
        # page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
        images = [line.split() for line in run("pdfimages", "-list", pdf).splitlines()[2:]]
        assert len(images) == 1 and images[0][2] == "image", images
        assert images[0][8] == "jpeg", f"the JPEG was re-encoded: {images}"
        assert int(images[0][12]) <= 301, f"more than 300 ppi: {images}"

    def injection(self):
        pdf = self.out("injection.pdf")
        self.presskit_run("render", os.path.join(ROOT, "tests", "cases", "injection", "release.md"), "-o", pdf)
        pdf_is_sound(pdf)
        text = fold(run("pdftotext", pdf, "-"))
        for literal in [
            '#read("/etc/passwd") #set text(fill: red) $x$ ] <label> @ref',
            '#set page(width: 10cm) #import "x.typ": * #eval("1+1")',
            "#text(size: 40pt)[Big] Name",
            r"Note #let x = 1 #x $\sum$ <tag> @ref ] [ // comment",
        ]:
            assert literal in text, f"{literal!r} is not in the text:\n{text}"
        assert pdfinfo(pdf)["Page size"].startswith("595.276 x 841.89"), "the page size changed"

    def scripts(self):
        # Emoji from the bundled font; Chinese, Japanese, Hebrew and Arabic
        # from the fonts installed here (WenQuanYi, DejaVu), with the warning.
        release = self.out("scripts.md")
        with open(release, "w", encoding="utf-8") as f:
            f.write(
                "---\nheadline: Partners 🎉 北京 and תל אביב\ndate: 2026-03-02\ndateline: القاهرة\n---\n"
                "The firm 株式会社テスト and مكتبة signed ★.\n"
            )
        pdf = self.out("scripts.pdf")
        done = subprocess.run([self.presskit, "render", release, "-o", pdf], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert "in none of the brand's fonts" in done.stderr and "Noto Emoji" in done.stderr, done.stderr
        pdf_is_sound(pdf)
        fonts = run("pdffonts", pdf)
        for font in ["NotoEmoji", "WenQuanYi", "DejaVuSans"]:
            assert font in fonts, f"{font} not embedded:\n{fonts}"
        text = fold(run("pdftotext", pdf, "-"))
        for piece in ["Partners 🎉 北京", "株式会社テスト", "תל אביב", "مكتبة", "القاهرة"]:
            assert piece in text, f"{piece!r} not in the text:\n{text}"

    def preview(self):
        # presskit preview in headless Chromium driven by Selenium: the pages
        # appear; an edit on disk reaches the page without losing scroll or
        # zoom; a broken file shows its error with the line while the last
        # pages stay; the fix brings the pages back. A screenshot is compared
        # with tests/external/preview.png (PRESSKIT_UPDATE_REFS=1 rewrites it).
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        folder = self.out("preview")
        shutil.copytree(EXAMPLE, folder)
        release = os.path.join(folder, "release.md")
        process = subprocess.Popen(
            [self.presskit, "preview", release, "--bind", "127.0.0.1:0"],
            stderr=subprocess.PIPE, text=True,
        )
        driver = None
        try:
            line = process.stderr.readline()
            match = re.search(r"http://127\.0\.0\.1:\d+/", line)
            assert match, f"no address in: {line!r}"
            options = webdriver.ChromeOptions()
            for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900",
                        "--force-device-scale-factor=1", f"--user-data-dir={self.out('preview-profile')}"]:
                options.add_argument(arg)
            driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
            driver.get(match.group(0))

            def shown():
                return driver.execute_script("return window.presskitShown || null")

            def wait(what, test, seconds=15):
                end = time.time() + seconds
                while time.time() < end:
                    value = test()
                    if value:
                        return value
                    time.sleep(0.01)
                raise AssertionError(f"timed out waiting for {what}: the page shows {shown()}")

            def pages_loaded():
                return driver.execute_script(
                    "const imgs = [...document.querySelectorAll('#pages img')];"
                    "return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0) ? imgs.length : 0")

            first = wait("the first render", lambda: (shown() or {}).get("loaded") and shown())
            assert wait("the pages", pages_loaded) == 2
            headline = driver.find_element("id", "headline").text
            assert headline.startswith("Despite national effort"), headline

            # A reader scrolled down and zoomed in: both stay through updates.
            driver.execute_script(
                "const z = document.getElementById('zoom'); z.value = 120; z.dispatchEvent(new Event('input'));"
                "document.getElementById('pages').scrollTop = 700;")
            text = open(release, encoding="utf-8").read()
            latencies = []
            for n in range(5):
                new = text.replace("headline: Despite", f"headline: Edit {n} despite", 1)
                before = shown()["version"]
                saved = time.time() * 1000
                with open(release, "w", encoding="utf-8") as f:
                    f.write(new)
                state = wait("the edit", lambda: (s := shown()) and s["version"] > before and s.get("loaded") and s)
                latencies.append((state["loaded"] - saved, state["at"] - saved))
                assert driver.find_element("id", "headline").text.startswith(f"Edit {n} despite")
            scroll, zoom = driver.execute_script(
                "return [document.getElementById('pages').scrollTop, document.getElementById('zoom').value]")
            assert abs(scroll - 700) < 2 and zoom == "120", (scroll, zoom)
            latencies.sort()
            print(f"     preview, 5 edits of the headline: save to new pages shown: median {latencies[2][0]:.0f} ms, "
                  f"max {latencies[-1][0]:.0f} ms (save to the page told: median {sorted(l[1] for l in latencies)[2]:.0f} ms)",
                  flush=True)

            # A broken file: the error with its place; the last pages stay.
            before = shown()["version"]
            with open(release, "w", encoding="utf-8") as f:
                f.write(text.replace("date: 2014-11-20", "datee: 2014-11-20", 1))
            wait("the error", lambda: (s := shown()) and s["version"] > before and s["error"])
            error = driver.find_element("id", "error-text").text
            assert "release.md:2:1: unknown field `datee`" in error, error
            assert driver.find_element("id", "error").is_displayed()
            assert pages_loaded() == 2, "the last good pages went away"
            # Fixed: the pages return, the error goes.
            before = shown()["version"]
            with open(release, "w", encoding="utf-8") as f:
                f.write(text)
            wait("the fix", lambda: (s := shown()) and s["version"] > before and not s["error"] and s.get("loaded"))
            assert not driver.find_element("id", "error").is_displayed()
            assert driver.find_element("id", "headline").text.startswith("Despite national effort")

            driver.execute_script(
                "const z = document.getElementById('zoom'); z.value = 100; z.dispatchEvent(new Event('input'));"
                "document.getElementById('pages').scrollTop = 0;")
            time.sleep(0.2)
            shot = self.out("preview.png")
            driver.save_screenshot(shot)
            compare_screenshot(shot, os.path.join(ROOT, "tests", "external", "preview.png"))
        finally:
            if driver is not None:
                driver.quit()
            process.terminate()
            process.wait(timeout=10)

    def kit(self):
        pdf = self.out("kit.pdf")
        self.presskit_run("kit", os.path.join(EXAMPLE, "kit.yml"), "-o", pdf)
        pages = pdf_is_sound(pdf)
        assert pages >= 4, pages
        text = fold(run("pdftotext", pdf, "-"))
        for headline in [
            "Despite national effort",
            "The 2014 country monitoring report in brief",
            "Malgré les efforts nationaux",
        ]:
            assert headline in text, f"{headline!r} not in the kit"

    # The Typst export, built by the stock compiler.
    def typst_export(self):
        project = self.out("project")
        self.presskit_run("typst", os.path.join(EXAMPLE, "release.md"), "-o", project)
        stock = self.out("stock.pdf")
        pdf = typst.compile(os.path.join(project, "release.typ"), font_paths=[os.path.join(project, "fonts")], ignore_system_fonts=True)
        open(stock, "wb").write(pdf)
        ours = self.out("ours.pdf")
        self.presskit_run("render", os.path.join(EXAMPLE, "release.md"), "-o", ours)
        pages = pdf_is_sound(stock)
        assert pages == int(pdfinfo(ours)["Pages"]), "page counts differ"
        for page in range(1, pages + 1):
            n = str(page)
            a, b = (run("pdftotext", "-layout", "-f", n, "-l", n, f, "-") for f in (stock, ours))
            assert a == b, f"page {page} differs:\n--- stock typst\n{a}\n--- presskit\n{b}"
        schema = json.load(open(os.path.join(project, "data.schema.json"), encoding="utf-8"))
        data = json.load(open(os.path.join(project, "data.json"), encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
        assert json.load(open(os.path.join(ROOT, "assets", "data.schema.json"), encoding="utf-8")) == schema

    # The email, as a mail client and an HTML5 parser read it.
    def email(self):
        eml = self.out("release.eml")
        self.presskit_run(
            "email", os.path.join(EXAMPLE, "release.md"), "-o", eml,
            "--to", "Newsdesk <news@example.com>", "--date", "2014-11-20T09:00:00+01:00", "--message-id", "<x@example.org>",
        )
        mail = email_check.read(eml)
        assert not mail["html_errors"], mail["html_errors"]
        assert mail["scripts"] == 0 and not mail["handlers"], mail
        assert mail["to"] == "Newsdesk <news@example.com>", mail["to"]
        assert mail["subject"].startswith("Despite national effort"), mail["subject"]
        for part in ["text", "html_text"]:
            lost = missing(REFERENCE[2:], mail[part])
            assert not lost, f"sentences missing from the {part}:\n" + "\n".join(lost)
        assert any(p["type"] == "application/pdf" for p in mail["parts"]), mail["parts"]
        pdf_is_sound(eml + ".pdf")

    def hostile_email(self):
        eml = self.out("injection.eml")
        self.presskit_run("email", os.path.join(ROOT, "tests", "cases", "injection", "release.md"), "-o", eml, "--date", "2026-01-15T09:00:00Z")
        mail = email_check.read(eml)
        assert not mail["html_errors"], mail["html_errors"]
        assert mail["scripts"] == 0 and not mail["handlers"], mail

    # The HTML page in a real browser: printed by Chromium, read by poppler.
    def browser(self):
        html = self.out("release.html")
        self.presskit_run("render", os.path.join(EXAMPLE, "release.md"), "-o", html)
        printed = self.out("browser.pdf")
        profile = self.out("chromium-profile")
        run(
            self.chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
            "--no-pdf-header-footer", f"--print-to-pdf={printed}", "file://" + html,
        )
        text = run("pdftotext", printed, "-")
        lost = missing(REFERENCE[2:], text)
        assert not lost, "sentences the browser does not show:\n" + "\n".join(lost)
        dom = run(self.chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}", "--dump-dom", "file://" + html)
        assert "<script" not in dom.lower(), "the page holds a script"


def compare_screenshot(shot, reference):
    """Compares a screenshot with its reference: the same size, and at most
    0.5% of the pixels differing by more than a little (font smoothing)."""
    from PIL import Image, ImageChops

    if os.environ.get("PRESSKIT_UPDATE_REFS") or not os.path.exists(reference):
        shutil.copyfile(shot, reference)
        print(f"     wrote {reference}", flush=True)
        return
    new, old = Image.open(shot).convert("L"), Image.open(reference).convert("L")
    assert new.size == old.size, f"the screenshot is {new.size}, the reference {old.size}"
    diff = ImageChops.difference(new, old).point(lambda v: 255 if v > 48 else 0)
    changed = sum(1 for v in diff.getdata() if v) / (new.size[0] * new.size[1])
    if changed > 0.005:
        diff.save(shot.replace(".png", "-diff.png"))
        raise AssertionError(f"{changed:.2%} of the preview's pixels differ from {reference}; see the diff beside {shot}")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    presskit, chromium = sys.argv[1:]
    checks = Checks(presskit, chromium)
    tests = [
        ("example PDF: qpdf, poppler text, fonts, links", checks.example),
        ("--standard archival: PDF/A-2b and PDF/UA-1 in the XMP, tagged", checks.archival),
        ("--standard a-3b: release.json attached", checks.attachment),
        ("French example: labels and quotes", checks.french),
        ("tests/cases/everything.md: sound, embargo, end mark", checks.everything),
        ("a CMYK JPEG photo: kept as JPEG, at most 300 ppi", checks.photo),
        ("Typst syntax in user text stays text", checks.injection),
        ("emoji, Chinese, Japanese, Hebrew, Arabic: bundled and installed fonts", checks.scripts),
        ("media kit: every document", checks.kit),
        ("Typst export: stock typst gives the same pages; data.json meets its schema", checks.typst_export),
        ("email: Python's email and html5lib", checks.email),
        ("email of hostile text: valid HTML, nothing runs", checks.hostile_email),
        ("HTML in Chromium: every sentence shows, no script", checks.browser),
        ("presskit preview in Chromium (Selenium): edits, errors, scroll and zoom kept", checks.preview),
    ]
    for name, test in tests:
        checks.check(name, test)
    print(f"{checks.passed} passed, {len(checks.failed)} failed")
    if checks.failed:
        print("outputs kept in " + checks.dir)
        sys.exit(1)
    shutil.rmtree(checks.dir)


if __name__ == "__main__":
    main()
