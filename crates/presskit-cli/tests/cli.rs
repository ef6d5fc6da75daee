//! The `presskit` command as a user runs it, in temporary folders.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct TestDir {
    dir: tempfile::TempDir,
}

impl TestDir {
    /// A temporary folder holding a copy of the bundled example.
    fn with_example() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ecpat-belgium");
        for entry in fs::read_dir(&example).expect("example folder") {
            let entry = entry.expect("example file");
            let name = entry.file_name();
            if !name.to_string_lossy().ends_with(".pdf") {
                fs::copy(entry.path(), dir.path().join(name)).expect("copy example");
            }
        }
        Self { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, text: &str) {
        fs::write(self.path(name), text).expect("write file");
    }

    fn edit(&self, name: &str, from: &str, to: &str) {
        let text = fs::read_to_string(self.path(name)).expect("read file");
        assert!(text.contains(from), "{name} has no `{from}`");
        self.write(name, &text.replacen(from, to, 1));
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_presskit"))
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .expect("run presskit")
    }

    /// Files in the folder, sorted.
    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs a render that must fail; checks the message, hint, exit code and
/// that no output appeared.
fn assert_fails(dir: &TestDir, args: &[&str], expect: &[&str]) {
    let before = dir.files();
    let output = dir.run(args);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains("\nhint: "), "no hint in: {err}");
    for needle in expect {
        assert!(err.contains(needle), "`{needle}` not in: {err}");
    }
    assert_eq!(dir.files(), before, "files changed after a failed render");
}

#[test]
fn renders_the_example_next_to_the_release() {
    let dir = TestDir::with_example();
    let output = dir.run(&["render", "release.md"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("rendered release.pdf (2 pages"), "{}", stderr(&output));
    let pdf = fs::read(dir.path("release.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // One file more, and no temporary files left behind.
    let mut before = TestDir::with_example().files();
    before.push("release.pdf".into());
    before.sort();
    assert_eq!(dir.files(), before);
}

#[test]
fn output_option_brand_option_and_stdout() {
    let dir = TestDir::with_example();
    fs::rename(dir.path("_brand.yml"), dir.path("house.yml")).unwrap();
    let output = dir.run(&["render", "release.md", "-o", "out.pdf", "--brand", "house.yml", "--quiet"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).is_empty());
    let file = fs::read(dir.path("out.pdf")).unwrap();

    let output = dir.run(&["render", "release.md", "-o", "-", "--brand", "house.yml"]);
    assert!(output.status.success());
    assert_eq!(output.stdout, file, "stdout differs from the file");
}

#[test]
fn malformed_yaml_names_file_and_line() {
    let dir = TestDir::with_example();
    dir.edit("release.md", "date: 2014-11-20", "date: [2014-11-20");
    assert_fails(&dir, &["render", "release.md"], &["release.md:2:"]);
}

#[test]
fn unknown_field_suggests_the_right_one() {
    let dir = TestDir::with_example();
    dir.edit("release.md", "dateline:", "datelin:");
    assert_fails(
        &dir,
        &["render", "release.md"],
        &["release.md:3:1", "unknown field `datelin`, did you mean `dateline`?"],
    );
}

#[test]
fn missing_required_field_is_named() {
    let dir = TestDir::with_example();
    dir.edit("release.md", "date: 2014-11-20\n", "");
    assert_fails(&dir, &["render", "release.md"], &["release.md", "missing required field `date`"]);
}

#[test]
fn impossible_date_is_refused() {
    let dir = TestDir::with_example();
    dir.edit("release.md", "date: 2014-11-20", "date: 2014-02-30");
    assert_fails(&dir, &["render", "release.md"], &["release.md:2:", "February 2014 has 28 days"]);
}

#[test]
fn missing_logo_names_the_brand_file() {
    let dir = TestDir::with_example();
    fs::remove_file(dir.path("logo.svg")).unwrap();
    assert_fails(&dir, &["render", "release.md"], &["_brand.yml:8:", "cannot read the logo `logo.svg`"]);
}

#[test]
fn corrupt_image_is_an_error() {
    let dir = TestDir::with_example();
    dir.write("photo.png", "\u{89}PNG\r\n\u{1a}\nthis is not really a png");
    dir.edit(
        "release.md",
        "ECPAT Belgium, the Belgian",
        "![A photo](photo.png \"Caption | Credit\")\n\nECPAT Belgium, the Belgian",
    );
    assert_fails(&dir, &["render", "release.md"], &["release.md:", "photo.png"]);
}

#[test]
fn unknown_font_lists_the_families() {
    let dir = TestDir::with_example();
    dir.edit("_brand.yml", "color:", "typography:\n  base: {family: Comic Serif}\ncolor:");
    let line = fs::read_to_string(dir.path("_brand.yml"))
        .unwrap()
        .lines()
        .position(|l| l.contains("Comic"))
        .unwrap()
        + 1;
    let place = format!("_brand.yml:{line}:18: unknown font family `Comic Serif`");
    assert_fails(&dir, &["render", "release.md"], &[place.as_str(), "Source Serif 4"]);
}

#[test]
fn output_may_not_overwrite_an_input() {
    let dir = TestDir::with_example();
    assert_fails(&dir, &["render", "release.md", "-o", "release.md"], &["must be a .pdf"]);
    // A brand file that happens to end in .pdf is still an input.
    fs::rename(dir.path("_brand.yml"), dir.path("brand.pdf")).unwrap();
    assert_fails(
        &dir,
        &["render", "release.md", "--brand", "brand.pdf", "-o", "brand.pdf"],
        &["same file as an input"],
    );
}

/// Every file a render reads is an input: its images, logo and template
/// too, and the pages of a multi-page PNG.
#[test]
fn no_output_replaces_a_file_the_render_reads() {
    let dir = TestDir::with_example();
    let logo = fs::read(dir.path("logo.svg")).unwrap();
    // A photo the release shows, as a page of the PNG set or the preview.
    fs::copy(dir.path("logo.svg"), dir.path("pic-1.svg")).unwrap();
    fs::copy(dir.path("logo.svg"), dir.path("release.svg")).unwrap();
    dir.edit("release.md", "In Belgium,", "![The logo](pic-1.svg)\n\n![Again](release.svg)\n\nIn Belgium,");
    assert_fails(&dir, &["render", "release.md", "-o", "pic.svg"], &["pic-1.svg", "same file as an input"]);
    // A Typst project written over the folder holds `assets/logo.svg`: the
    // brand's own logo when the brand keeps it there.
    fs::create_dir(dir.path("assets")).unwrap();
    fs::copy(dir.path("logo.svg"), dir.path("assets/logo.svg")).unwrap();
    dir.edit("_brand.yml", "logo.svg", "assets/logo.svg");
    assert_fails(&dir, &["typst", "release.md", "-o", ".", "--force"], &["same file as an input"]);
    assert_eq!(fs::read(dir.path("assets/logo.svg")).unwrap(), logo);
    assert_eq!(fs::read(dir.path("pic-1.svg")).unwrap(), logo);
}

/// Pages of an earlier, longer set are told of, not removed (a file of
/// that name may be the user's own).
#[test]
fn pages_of_an_older_longer_set_are_told_of() {
    let dir = TestDir::with_example();
    fs::write(dir.path("p-3.png"), b"an old page 3").unwrap();
    let output = dir.run(&["render", "release.md", "-o", "p.png", "--ppi", "20"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("p-3.png: left from an earlier render with more pages"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read(dir.path("p-3.png")).unwrap(), b"an old page 3");
}

#[test]
fn missing_output_folder_is_an_error_without_partial_files() {
    let dir = TestDir::with_example();
    assert_fails(
        &dir,
        &["render", "release.md", "-o", "no/such/dir/out.pdf"],
        &["out.pdf", "create the folder"],
    );
}

#[test]
fn missing_release_file() {
    let dir = TestDir::with_example();
    assert_fails(&dir, &["render", "nope.md"], &["nope.md", "cannot read the file"]);
}

#[test]
fn usage_errors_exit_with_two() {
    let dir = TestDir::with_example();
    let output = dir.run(&["render"]);
    assert_eq!(output.status.code(), Some(2));
    let output = dir.run(&["--help"]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("Exit codes"));
    // Resolutions out of range are usage errors, before anything is read.
    for args in [
        &["render", "release.md", "--image-ppi", "NaN"][..],
        &["render", "release.md", "--image-ppi", "1e9"],
        &["render", "release.md", "--ppi", "inf"],
        &["kit", "kit.yml", "--thumbnail-ppi", "1e9"],
        &["kit", "kit.yml", "--thumbnail-ppi", "inf"],
        &["kit", "kit.yml", "--thumbnail-ppi", "3000"],
    ] {
        let output = dir.run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
        assert!(stderr(&output).contains("pixels per inch"), "{args:?}: {}", stderr(&output));
    }
    // A folder to allow that does not exist is a mistake, not a no-op.
    let output = dir.run(&["render", "release.md", "--allow-dir", "/no/such/folder"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("is not a folder"), "{}", stderr(&output));
}

#[test]
fn pages_as_png_and_svg_and_a_preview() {
    let dir = TestDir::with_example();
    let output = dir.run(&["render", "release.md", "-o", "page.png", "--ppi", "30"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("rendered page-1.png … page-2.png (2 pages"), "{}", stderr(&output));
    let output = dir.run(&["render", "release.md", "--format", "svg", "-q"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = dir.run(&["render", "release.md", "--preview", "-q"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let files = dir.files();
    for name in ["page-1.png", "page-2.png", "release-1.svg", "release-2.svg", "release.pdf", "release.png"] {
        assert!(files.contains(&name.to_string()), "no {name} in {files:?}");
    }
    assert!(fs::read(dir.path("page-1.png")).unwrap().starts_with(b"\x89PNG"));
    assert!(fs::read_to_string(dir.path("release-2.svg")).unwrap().starts_with("<svg"));
    // The preview is page 1 at 72 ppi: an A4 page is 595 pixels wide.
    let preview = fs::read(dir.path("release.png")).unwrap();
    assert_eq!(u32::from_be_bytes(preview[16..20].try_into().unwrap()), 595);
}

#[test]
fn output_format_mismatches_are_refused() {
    let dir = TestDir::with_example();
    assert_fails(&dir, &["render", "release.md", "-o", "a.png", "--format", "svg"], &["does not match"]);
    assert_fails(&dir, &["render", "release.md", "-o", "a.png", "--standard", "a-2b"], &["PDF output only"]);
    assert_fails(&dir, &["render", "release.md", "-o", "a.svg", "--preview"], &["beside a PDF"]);
    assert_fails(
        &dir,
        &["render", "release.md", "-o", "-", "--format", "png"],
        &["standard output takes one"],
    );
    let output = dir.run(&["render", "release.md", "--standard", "a-1b"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("a-2b, a-3b, ua-1, archival"), "{}", stderr(&output));
}

#[test]
fn standards_are_reported_and_max_size_is_enforced() {
    let dir = TestDir::with_example();
    let output = dir.run(&["render", "release.md", "--standard", "archival"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("(2 pages, 4"), "{}", stderr(&output));
    assert!(stderr(&output).contains("KB, a-2b,ua-1) in"), "{}", stderr(&output));
    fs::remove_file(dir.path("release.pdf")).unwrap();
    assert_fails(
        &dir,
        &["render", "release.md", "--max-size", "10KB"],
        &["release.pdf would be 4", "more than the 10 KB allowed", "largest images: logo.svg", "--image-ppi"],
    );
    let output = dir.run(&["render", "release.md", "--max-size", "2MB", "-q"]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn typst_export_writes_a_project() {
    let dir = TestDir::with_example();
    let output = dir.run(&["typst", "release.md", "-o", "project"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("typst compile --font-path project/fonts"), "{}", stderr(&output));
    for name in
        ["release.typ", "data.json", "assets/logo.svg", "README.md", "fonts/SourceSerif4-400-Normal.otf"]
    {
        assert!(dir.path("project").join(name).is_file(), "no {name}");
    }
    // A folder with files in it is left alone unless --force is given.
    assert_fails(&dir, &["typst", "release.md", "-o", "project"], &["not empty", "--force"]);
    let output = dir.run(&["typst", "release.md", "-o", "project", "--force", "-q"]);
    assert!(output.status.success(), "{}", stderr(&output));
    // Never over an input, forced or not.
    fs::create_dir(dir.path("other")).unwrap();
    fs::copy(dir.path("release.fr.md"), dir.path("other/README.md")).unwrap();
    fs::copy(dir.path("_brand.yml"), dir.path("other/_brand.yml")).unwrap();
    fs::copy(dir.path("logo.svg"), dir.path("other/logo.svg")).unwrap();
    assert_fails(&dir, &["typst", "other/README.md", "-o", "other", "--force"], &["same file as an input"]);
}

#[test]
fn a_failed_render_leaves_the_old_output_as_it_was() {
    let dir = TestDir::with_example();
    assert!(dir.run(&["render", "release.md", "-q"]).status.success());
    let before = fs::read(dir.path("release.pdf")).unwrap();
    // An output folder that is a file.
    assert_fails(&dir, &["render", "release.md", "-o", "logo.svg/out.pdf"], &["cannot write the output"]);
    dir.edit("release.md", "headline:", "headline: [broken");
    assert_fails(&dir, &["render", "release.md"], &["release.md:"]);
    assert_eq!(fs::read(dir.path("release.pdf")).unwrap(), before);
}

#[test]
fn paths_outside_the_folder_need_allow_dir() {
    let dir = TestDir::with_example();
    fs::create_dir(dir.path("shared")).unwrap();
    fs::create_dir(dir.path("release")).unwrap();
    fs::rename(dir.path("logo.svg"), dir.path("shared/logo.svg")).unwrap();
    for name in ["release.md", "release.fr.md", "release.nl.md"] {
        fs::rename(dir.path(name), dir.path(&format!("release/{name}"))).unwrap();
    }
    dir.edit("_brand.yml", "logo.svg", "../shared/logo.svg");
    fs::rename(dir.path("_brand.yml"), dir.path("release/_brand.yml")).unwrap();
    assert_fails(
        &dir,
        &["render", "release/release.md"],
        &["the logo `../shared/logo.svg` is outside the folders presskit may read", "--allow-dir"],
    );
    let output = dir.run(&["render", "release/release.md", "--allow-dir", "shared", "-q"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(dir.path("release/release.pdf").is_file());
}

#[test]
fn every_language_to_its_own_file_or_one_combined_pdf() {
    let dir = TestDir::with_example();
    let output = dir.run(&["render", "release.md", "--lang", "all"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("release.en.pdf (2 pages"), "{}", stderr(&output));
    let output = dir.run(&["render", "release.md", "--lang", "fr", "-q"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = dir.run(&["render", "release.md", "--combine", "-o", "all.pdf"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("all.pdf (6 pages"), "{}", stderr(&output));
    let files = dir.files();
    for name in ["release.en.pdf", "release.fr.pdf", "release.nl.pdf", "all.pdf"] {
        assert!(files.contains(&name.to_string()), "no {name} in {files:?}");
    }
    assert_fails(
        &dir,
        &["render", "release.md", "--lang", "de"],
        &["has no `de` version", "en, fr-BE, nl-BE"],
    );
    let output = dir.run(&["render", "release.md", "--lang", "fr", "--combine"]);
    assert_eq!(output.status.code(), Some(2), "--lang and --combine conflict");
}

#[test]
fn a_past_embargo_is_a_warning() {
    let dir = TestDir::with_example();
    dir.edit("release.md", "date: 2014-11-20", "date: 2014-11-20\nembargo: 2014-11-19T10:00:00+01:00");
    let output = dir.run(&["render", "release.md", "-q"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("warning: release.md:3:1: the embargo (2014-11-19T10:00:00+01:00) is already past"),
        "{err}"
    );
    assert!(err.contains("before the release date 2014-11-20"), "{err}");
}

#[test]
fn text_html_and_email_outputs() {
    let dir = TestDir::with_example();
    for args in
        [&["render", "release.md", "-o", "release.txt"][..], &["render", "release.md", "--format", "html"]]
    {
        let output = dir.run(args);
        assert!(output.status.success(), "{}", stderr(&output));
    }
    let text = fs::read_to_string(dir.path("release.txt")).unwrap();
    assert!(text.starts_with("MEDIA RELEASE\nFOR IMMEDIATE RELEASE\n20 November 2014\n"), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 72));
    let html = fs::read_to_string(dir.path("release.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("data:image/png;base64,"));

    let args = [
        "email",
        "release.md",
        "--to",
        "Newsdesk <news@paper.example>",
        "--date",
        "2014-11-20T09:00:00+01:00",
        "--message-id",
        "r1@ecpat.example",
    ];
    let output = dir.run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("wrote release.eml ("), "{}", stderr(&output));
    let first = fs::read(dir.path("release.eml")).unwrap();
    assert!(dir.run(&args).status.success());
    assert_eq!(fs::read(dir.path("release.eml")).unwrap(), first, "the same inputs gave another message");
    let message = String::from_utf8_lossy(&first);
    for header in [
        "From: \"Ariane Couvreur\" <arianecouvreur@ecpat.be>",
        "To: Newsdesk <news@paper.example>",
        "Date: Thu, 20 Nov 2014 08:00:00 +0000",
        "Message-ID: <r1@ecpat.example>",
    ] {
        assert!(message.contains(header), "no `{header}` in the message");
    }
    assert_fails(
        &dir,
        &["email", "release.md", "--from", "not an address", "-o", "x.eml"],
        &["not an email address for the sender", "(--from ADDRESS)"],
    );
}

#[test]
fn new_scaffolds_a_folder_that_renders() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_presskit")).args(args).current_dir(dir.path()).output().unwrap()
    };
    let output = run(&["new", "demo"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("next: presskit render demo/release.md"), "{}", stderr(&output));
    let output = run(&["render", "demo/release.md"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(dir.path().join("demo/release.pdf").is_file());
    // Never over a file.
    let output = run(&["new", "demo"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("the file exists already"), "{}", stderr(&output));
    // Reusing a brand copies it with its logo.
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ecpat-belgium/_brand.yml");
    let output = run(&["new", "second", "--brand", example.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(dir.path().join("second/logo.svg").is_file());
    let output = run(&["render", "second/release.md", "-q"]);
    assert!(output.status.success(), "{}", stderr(&output));
}

/// `new --brand` copies the files a brand names inside the new folder,
/// whatever path the brand gives them, and the copy names the copies.
#[test]
fn new_copies_a_brand_only_into_the_new_folder() {
    let dir = tempfile::tempdir().unwrap();
    let b1 = dir.path().join("uploads/b1");
    fs::create_dir_all(b1.join("sub")).unwrap();
    let logo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ecpat-belgium/logo.svg");
    fs::copy(&logo, b1.join("logo.svg")).unwrap();
    fs::write(
        b1.join("_brand.yml"),
        "meta:\n  name: B1\nlogo:\n  medium: {path: sub/../../b1/logo.svg, alt: B1}\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_presskit")).args(args).current_dir(dir.path()).output().unwrap()
    };
    fs::create_dir(dir.path().join("site")).unwrap();
    let output = run(&["new", "site/kit", "--brand", "uploads/b1/_brand.yml"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let site: Vec<_> =
        fs::read_dir(dir.path().join("site")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(site, ["kit"], "written outside site/kit");
    assert!(dir.path().join("site/kit/logo.svg").is_file());
    let output = run(&["render", "site/kit/release.md", "-q"]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn fonts_completions_and_man_page() {
    let dir = TestDir::with_example();
    let output = dir.run(&["fonts"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let listed = String::from_utf8_lossy(&output.stdout);
    let rows: Vec<(&str, &str)> =
        listed.lines().filter_map(|l| l.split_once("  ")).map(|(f, s)| (f.trim(), s.trim())).collect();
    assert!(rows.contains(&("Source Serif 4", "bundled with presskit")), "{listed}");
    for family in ["Noto Emoji", "Noto Sans Symbols 2", "Noto Sans Symbols"] {
        assert!(rows.contains(&(family, "bundled, for characters the fonts above lack")), "{listed}");
    }
    dir.write("fonty.yml", "typography:\n  fonts: [{family: No Such Family 42, source: system}]\n");
    assert_fails(&dir, &["fonts", "--brand", "fonty.yml"], &["`No Such Family 42` is not installed"]);
    let output = dir.run(&["completions", "bash"]);
    assert!(output.status.success() && String::from_utf8_lossy(&output.stdout).contains("presskit"));
    let output = dir.run(&["man"]);
    let page = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success() && page.contains(".TH presskit"), "{page}");
}

/// A release with one of each convention problem `check` warns about.
const SEEDED: &str = "---\n\
headline: Council opens the new library on Sundays from May onwards, after a year of asking by readers.\n\
date: 2026-03-02\n\
embargo: 2026-03-01T09:00:00+01:00\n\
contacts:\n  - name: Jo Peeters\n\
boilerplates:\n  - {title: About the council, body: ''}\n\
---\n\
See [the plan](ftp://council.example/plan) and the note[^a] and[^b].\n\
\n\
![](map.svg)\n\
\n\
[^a]: Used.\n\
[^c]: Never used.\n";

#[test]
fn check_reports_each_convention_with_its_line() {
    let dir = TestDir::with_example();
    dir.write("seeded.md", SEEDED);
    dir.write("map.svg", r#"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>"#);
    let expected = [
        ("no-dateline", 1),
        ("headline-too-long", 2),
        ("headline-full-stop", 2),
        ("embargo-past", 4),
        ("embargo-before-date", 4),
        ("contact-unreachable", 6),
        ("empty-about", 8),
        ("link-scheme", 10),
        ("footnote-undefined", 10),
        ("image-no-alt", 12),
        ("image-no-credit", 12),
        ("footnote-unused", 15),
    ];

    // Warnings alone pass, unless --deny-warnings.
    let output = dir.run(&["check", "seeded.md"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    for (code, line) in expected {
        assert!(err.contains(&format!("warning: seeded.md:{line}:")), "no line {line} in {err}");
        assert!(err.contains(&format!("[{code}]")), "no {code} in {err}");
    }
    assert!(err.contains("checked 1 file: 0 errors, 12 warnings"), "{err}");
    assert_eq!(dir.run(&["check", "seeded.md", "--deny-warnings"]).status.code(), Some(1));

    // The same as JSON, for tools.
    let output = dir.run(&["check", "seeded.md", "release.md", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    let found: Vec<(String, u64)> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap()))
        .collect();
    let expected: Vec<(String, u64)> = expected.iter().map(|(c, l)| (c.to_string(), *l as u64)).collect();
    assert_eq!(found, expected);
    assert_eq!(report["warnings"], 12);
    assert_eq!(report["files"][1]["file"], "release.md");
    assert_eq!(report["files"][1]["diagnostics"].as_array().unwrap().len(), 0, "the example is clean");
}

#[test]
fn check_reports_errors_and_goes_on() {
    let dir = TestDir::with_example();
    dir.write("broken.md", "---\nheadline: A\ndate: 2026-02-30\n---\nBody.\n");
    let output = dir.run(&["check", "broken.md", "release.md", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    let error = &report["files"][0]["diagnostics"][0];
    assert_eq!((error["severity"].as_str(), error["line"].as_u64()), (Some("error"), Some(3)), "{report}");
    assert!(error["hint"].as_str().is_some_and(|h| !h.is_empty()));
    assert_eq!(report["files"][1]["ok"], true);
    let err = stderr(&dir.run(&["check", "broken.md"]));
    assert!(err.starts_with("error: broken.md:3:"), "{err}");
    assert!(err.contains("\n  hint: "), "{err}");
}

/// Writes `count` distinct releases named r001.md, r002.md, … into `dir`.
fn generate_releases(dir: &TestDir, folder: &str, count: usize) {
    fs::create_dir_all(dir.path(folder)).unwrap();
    fs::copy(dir.path("_brand.yml"), dir.path(&format!("{folder}/_brand.yml"))).unwrap();
    fs::copy(dir.path("logo.svg"), dir.path(&format!("{folder}/logo.svg"))).unwrap();
    for i in 1..=count {
        let paragraphs = (0..i % 7 + 1)
            .map(|p| format!("Paragraph {p} of release {i}: the council reports on item {}.", i * 31 + p))
            .collect::<Vec<_>>()
            .join("\n\n");
        dir.write(
            &format!("{folder}/r{i:03}.md"),
            &format!("---\nheadline: Release {i} of the season\ndate: 2026-03-02\ndateline: Ghent\n---\n{paragraphs}\n"),
        );
    }
}

#[test]
fn a_batch_of_200_releases_renders_every_one() {
    let dir = TestDir::with_example();
    generate_releases(&dir, "season", 200);
    let output = dir.run(&["render", "season", "-o", "out"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(err.contains("rendered 200 of 200 releases in "), "{err}");
    // Not a terminal: a plain line per release.
    assert_eq!(err.lines().filter(|l| l.starts_with("ok season/r")).count(), 200, "{err}");
    for i in 1..=200 {
        let pdf = fs::read(dir.path(&format!("out/r{i:03}.pdf"))).expect("every release has its PDF");
        assert!(pdf.starts_with(b"%PDF-") && pdf.trim_ascii_end().ends_with(b"%%EOF"));
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains(&format!("Release {i} of the season")), "r{i:03}.pdf has another title");
    }
    presskit_pdf::Pdf::open(dir.path("out/r137.pdf")).check();
}

#[test]
fn a_batch_with_broken_releases_renders_the_rest_and_names_them() {
    let dir = TestDir::with_example();
    generate_releases(&dir, "season", 12);
    dir.write("season/r003.md", "---\nheadline: Broken date\ndate: 2026-02-30\n---\nBody.\n");
    dir.write("season/r007.md", "---\nheadline: [unclosed\ndate: 2026-03-02\n---\nBody.\n");
    dir.write("season/r011.md", "---\nheadline: No body\ndate: 2026-03-02\n---\n");
    // A pattern the shell did not expand, as on Windows or when quoted.
    let output = dir.run(&["render", "season/r0*.md", "-o", "out", "--jobs", "3"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("rendered 9 of 12 releases in "), "{err}");
    assert!(err.contains("3 failed:"), "{err}");
    for broken in ["r003", "r007", "r011"] {
        assert!(err.contains(&format!("error: season/{broken}.md:")), "{broken} not reported: {err}");
        assert!(!dir.path(&format!("out/{broken}.pdf")).exists());
    }
    let mut written = fs::read_dir(dir.path("out")).unwrap().count();
    assert_eq!(written, 9);
    // Two releases that would write one file are refused before any render.
    fs::create_dir_all(dir.path("other")).unwrap();
    fs::copy(dir.path("season/r001.md"), dir.path("other/r001.md")).unwrap();
    let output = dir.run(&["render", "season/r001.md", "other/r001.md", "-o", "out"]);
    assert!(stderr(&output).contains("would both write"), "{}", stderr(&output));
    written = fs::read_dir(dir.path("out")).unwrap().count();
    assert_eq!(written, 9);
    let output = dir.run(&["render", "season", "-o", "one.pdf"]);
    assert!(stderr(&output).contains("-o names a folder"), "{}", stderr(&output));
}

#[test]
fn watch_renders_again_on_each_save_of_release_brand_and_image() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    use std::time::Duration;

    let dir = TestDir::with_example();
    let mut child = Command::new(env!("CARGO_BIN_EXE_presskit"))
        .args(["watch", "release.md", "-o", "out.pdf"])
        .current_dir(dir.dir.path())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start presskit watch");
    let (lines, receiver) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    // Waits for the next line starting with `prefix`; all lines seen go
    // into the message if it never comes.
    let mut seen = Vec::new();
    let mut next = |prefix: &str| loop {
        match receiver.recv_timeout(Duration::from_secs(30)) {
            Ok(line) => {
                seen.push(line.clone());
                if line.starts_with(prefix) {
                    return line;
                }
            }
            Err(_) => panic!("no `{prefix}` line; the watch printed:\n{}", seen.join("\n")),
        }
    };
    let pdf_text =
        |dir: &TestDir| String::from_utf8_lossy(&fs::read(dir.path("out.pdf")).unwrap()).into_owned();

    next("rendered out.pdf");
    assert!(next("watching release.md").contains("and 4 files"));

    // The release: a new headline reaches the PDF's title.
    dir.edit("release.md", "headline: Despite", "headline: Watched despite");
    next("release.md changed");
    next("rendered out.pdf");
    assert!(pdf_text(&dir).contains("Watched despite"));

    // A broken save is reported and the watch goes on.
    dir.edit("release.md", "date: 2014-11-20", "date: 2014-11-31");
    next("release.md changed");
    assert!(next("error: ").contains("release.md:"));
    dir.edit("release.md", "date: 2014-11-31", "date: 2014-11-20");
    next("release.md changed");
    next("rendered out.pdf");

    // The brand: its name is the PDF's author.
    dir.edit("_brand.yml", "ECPAT Belgium", "ECPAT Watched");
    next("_brand.yml changed");
    next("rendered out.pdf");
    assert!(pdf_text(&dir).contains("ECPAT Watched"));

    // An image the brand names: the logo.
    let logo = fs::read_to_string(dir.path("logo.svg")).unwrap();
    dir.write("logo.svg", &logo.replace("</svg>", "<rect width=\"1\" height=\"1\"/></svg>"));
    assert!(next("").ends_with("logo.svg changed"));
    next("rendered out.pdf");

    child.kill().unwrap();
    child.wait().unwrap();
}

/// The text of each page of a PDF, separated as pdftotext separates them.
fn pages_text(pdf: &Path) -> Vec<String> {
    presskit_pdf::Pdf::open(pdf).text().split('\u{c}').map(str::to_string).collect()
}

/// For each link on page `page` (1-based) of a PDF, the page it goes to.
fn link_targets(pdf: &Path, page: usize) -> Vec<usize> {
    presskit_pdf::Pdf::open(pdf)
        .links(page)
        .into_iter()
        .filter_map(|link| match link {
            presskit_pdf::Link::Page(target) => Some(target),
            presskit_pdf::Link::Uri(_) => None,
        })
        .collect()
}

#[test]
fn a_kit_has_a_cover_linked_contents_and_each_document_numbered_alone() {
    let dir = TestDir::with_example();
    fs::create_dir_all(dir.path("kit")).unwrap();
    fs::copy(dir.path("_brand.yml"), dir.path("kit/_brand.yml")).unwrap();
    fs::copy(dir.path("logo.svg"), dir.path("kit/logo.svg")).unwrap();
    let long = (1..=14).map(|i| format!("Paragraph {i} of the long release, which runs onto a second page and on.\n\nAnd more for {i}: the library opens on Sundays, with readings and a café for all."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let releases = [
        ("one.md", "Library opens on Sundays", long.as_str()),
        ("two.md", "New reading room for children", "The room opens in May."),
        ("three.md", "Archive goes online", "Ten thousand letters are now online."),
    ];
    for (file, headline, body) in releases {
        dir.write(
            &format!("kit/{file}"),
            &format!("---\nheadline: {headline}\ndate: 2026-03-02\ndateline: Ghent\n---\n{body}\n"),
        );
    }
    dir.write("kit/facts.md", "---\nheadline: The library in numbers\ndate: 2026-03-02\nend_mark: ''\n---\n- 3 floors\n- 120,000 books\n");
    dir.write(
        "kit/spring.yml",
        "title: Spring media kit\nsubtitle: The library in 2026\ndate: 2026-03-02\ndocuments:\n  - one.md\n  - two.md\n  - three.md\n  - {file: facts.md, label: FACT SHEET}\n",
    );

    let output = dir.run(&["kit", "kit/spring.yml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let pdf = dir.path("kit/spring.pdf");
    let pages = pages_text(&pdf);
    assert!(pages[0].contains("Spring media kit") && pages[0].contains("The library in 2026"));
    // Letter-spaced labels come out of the PDF's text with spaces.
    assert!(pages[1].contains("Contents") && pages[1].replace(' ', "").contains("FACTSHEET"), "{}", pages[1]);
    // Each document starts where its contents entry links, on a page of
    // its own numbered "Page 1 of N".
    let targets = link_targets(&pdf, 2);
    let headlines = [
        "Library opens on Sundays",
        "New reading room for children",
        "Archive goes online",
        "The library in numbers",
    ];
    assert_eq!(targets.len(), headlines.len(), "{targets:?}");
    for (target, headline) in targets.iter().zip(headlines) {
        let page = &pages[target - 1];
        assert!(page.contains(headline), "page {target} is not where {headline} starts:\n{page}");
        assert!(page.contains("Page 1 of"), "page {target} does not restart the numbering:\n{page}");
    }
    assert_eq!(targets[1] - targets[0], 2, "the long release takes two pages");
    assert!(pages[targets[0]].contains("Page 2 of 2"), "{}", pages[targets[0]]);

    // --split --zip: the kit, each document with a thumbnail, a manifest.
    let output = dir.run(&["kit", "kit/spring.yml", "--split", "--zip", "-o", "spring.zip"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let bytes = fs::read(dir.path("spring.zip")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).expect("a zip");
    let names: Vec<String> =
        (0..archive.len()).map(|i| archive.by_index(i).unwrap().name().unwrap().to_string()).collect();
    assert_eq!(
        names,
        [
            "spring.pdf",
            "01-2026-03-02-library-opens-on-sundays.pdf",
            "01-2026-03-02-library-opens-on-sundays.png",
            "02-2026-03-02-new-reading-room-for-children.pdf",
            "02-2026-03-02-new-reading-room-for-children.png",
            "03-2026-03-02-archive-goes-online.pdf",
            "03-2026-03-02-archive-goes-online.png",
            "04-2026-03-02-the-library-in-numbers.pdf",
            "04-2026-03-02-the-library-in-numbers.png",
            "manifest.json",
        ]
    );
    let mut manifest = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("manifest.json").unwrap(), &mut manifest).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    let docs = manifest["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 4);
    assert_eq!(docs[3]["title"], "The library in numbers");
    assert_eq!(docs[3]["label"], "FACT SHEET");
    assert_eq!(docs[0]["languages"], serde_json::json!(["en"]));
    assert_eq!(docs[0]["pages"], 2);
    for doc in docs {
        let file = archive.by_name(doc["file"].as_str().unwrap()).unwrap();
        assert_eq!(file.size(), doc["bytes"].as_u64().unwrap());
        drop(file);
        let png = archive.by_name(doc["thumbnail"].as_str().unwrap()).unwrap();
        assert_eq!(png.size(), doc["thumbnail_bytes"].as_u64().unwrap());
    }
    // The same kit gives the same archive, byte for byte.
    dir.run(&["kit", "kit/spring.yml", "--split", "--zip", "-o", "again.zip"]);
    assert!(fs::read(dir.path("again.zip")).unwrap() == bytes, "the archive differs between runs");

    // --split alone: a folder of the same files.
    let output = dir.run(&["kit", "kit/spring.yml", "--split", "-o", "folder"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut listed: Vec<String> = fs::read_dir(dir.path("folder"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    listed.sort();
    let mut expected = names.clone();
    expected.sort();
    assert_eq!(listed, expected);
}

#[test]
fn messages_have_no_colour_codes_when_not_on_a_terminal() {
    let dir = TestDir::with_example();
    dir.write("seeded.md", SEEDED);
    dir.write("map.svg", r#"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>"#);
    let output = dir.run(&["check", "seeded.md", "missing.md"]);
    let err = stderr(&output);
    assert!(err.contains("warning: ") && err.contains("error: "), "{err}");
    assert!(!err.contains('\u{1b}'), "escape codes in: {err:?}");
}

/// `--no-system-fonts` keeps the machine's fonts out: Arabic, which no
/// bundled font has, is refused by name instead of set in an installed
/// font (DejaVu or Amiri here), so the output cannot depend on the machine.
#[test]
fn no_system_fonts_refuses_characters_only_installed_fonts_have() {
    let dir = TestDir { dir: tempfile::tempdir().expect("temp dir") };
    dir.write("release.md", "---\nheadline: Library مكتبة\ndate: 2026-03-02\n---\nBody.\n");
    assert_fails(
        &dir,
        &["render", "release.md", "--no-system-fonts"],
        &["no available font has the characters"],
    );
}

/// `presskit import`: a Word file and an email become releases that
/// render; the brand's parts get a `_brand.yml`; the JSON report says
/// where each field came from; nothing is overwritten without --force; a
/// damaged file gets a clear error and writes nothing.
#[test]
fn import_writes_a_release_that_renders() {
    let dir = TestDir { dir: tempfile::tempdir().expect("temp dir") };
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/import/cases");
    for name in ["docx-manual-en-gb-rivers.docx", "txt-email-fr-embargo.txt"] {
        fs::copy(cases.join(name), dir.path(name)).expect("copy case");
    }

    let out = dir.run(&["import", "docx-manual-en-gb-rivers.docx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let release = fs::read_to_string(dir.path("docx-manual-en-gb-rivers.md")).expect("the release");
    assert!(release.contains("headline: \"Sewage spills into Yorkshire rivers"), "{release}");
    // The letterhead in Word's page header went to the suggested brand.
    let brand = fs::read_to_string(dir.path("_brand.yml")).expect("the suggested brand");
    assert!(brand.contains("14 Call Lane"), "{brand}");
    assert!(stderr(&out).contains("wrote docx-manual-en-gb-rivers.md"), "{}", stderr(&out));
    let render = dir.run(&["render", "docx-manual-en-gb-rivers.md"]);
    assert!(render.status.success(), "{}", stderr(&render));
    assert!(fs::read(dir.path("docx-manual-en-gb-rivers.pdf")).expect("the PDF").starts_with(b"%PDF-"));

    // Again: the release exists and is kept.
    assert_fails(
        &dir,
        &["import", "docx-manual-en-gb-rivers.docx"],
        &["docx-manual-en-gb-rivers.md", "exists", "--force"],
    );
    assert_eq!(fs::read_to_string(dir.path("docx-manual-en-gb-rivers.md")).expect("kept"), release);

    let out = dir.run(&["import", "txt-email-fr-embargo.txt", "-o", "terres.md", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    let fields = report["fields"].as_array().expect("fields");
    let embargo = fields.iter().find(|f| f["field"] == "embargo").expect("the embargo found");
    assert!(embargo["at"].as_str().is_some_and(|at| at.starts_with("line ")), "{embargo}");
    let render = dir.run(&["render", "terres.md", "-o", "terres.pdf"]);
    assert!(render.status.success(), "{}", stderr(&render));

    // A damaged Word file: a clear error, no output.
    dir.write("broken.docx", "PK\u{3}\u{4} not really a zip");
    assert_fails(&dir, &["import", "broken.docx"], &["broken.docx", "Word"]);
    assert!(!dir.path("broken.md").exists());
}
