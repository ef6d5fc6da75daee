//! Brands' own templates: the example renders; an error in one reads like
//! the typst command's; what a template may read stays in the sandbox; and
//! the data every template receives follows `assets/data.schema.json`.

use std::path::Path;

use presskit::model::Theme;
use presskit::{Brand, ErrorKind, Options, Release};
use presskit_tests::{RENDERER, fold, path, pdf_text};

fn load(release: &Path, brand: Option<&Path>) -> (Release, Brand) {
    let release = Release::from_path(release).unwrap_or_else(|e| panic!("{e}"));
    let brand = match brand {
        Some(b) => Brand::from_path(b),
        None => Brand::for_release(&release),
    };
    (release, brand.unwrap_or_else(|e| panic!("{e}")))
}

/// A copy of the house-template example with `house.typ` replaced.
fn example_with(template: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(path("examples/house-template")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    std::fs::write(dir.path().join("house.typ"), template).unwrap();
    dir
}

#[test]
fn the_house_template_example_renders() {
    let (release, brand) = load(&path("examples/house-template/release.md"), None);
    assert!(brand.layout.template.is_some());
    let document = RENDERER.compile(&release, &brand).unwrap_or_else(|e| panic!("{e}"));
    assert!(document.warnings().is_empty(), "{:?}", document.warnings());
    let raw = pdf_text(&document.pdf().unwrap());
    let text = fold(&raw);
    for needle in
        ["Night ferry to the outer islands", "Port Ellis—Northwind Ferries", "Maren Holt", "Page 1 of 1"]
    {
        assert!(text.contains(needle), "`{needle}` missing: {text}");
    }
    assert!(text.contains("1 Weather permitting") || text.contains("1Weather permitting"), "{text}");
    // The library's rich text: the language's quotes, as presskit's own
    // template sets them (the copy of `node` the example used to carry had
    // lost them).
    assert!(raw.contains("\u{201c}Islanders asked us"), "{raw}");
}

/// A template built on the library alone: `parts` and `body` show the
/// body's paragraphs, heading, list, quote with attribution, links and
/// footnote, with the language's quotes.
#[test]
fn a_template_of_a_few_lines_shows_every_node_type() {
    let template = "#import \"/presskit.typ\": *\n#parts(content: (part, index) => body(part.release))\n";
    let dir = example_with(template);
    let everything = std::fs::read_to_string(path("tests/cases/everything.md")).unwrap();
    std::fs::write(dir.path().join("release.md"), everything).unwrap();
    let (release, brand) = load(&dir.path().join("release.md"), None);
    let raw = pdf_text(&RENDERER.pdf(&release, &brand).unwrap());
    let text = fold(&raw);
    for needle in [
        "SPRINGFIELD, Ill.",
        "Every branch of the Springfield Public Library will open on Sundays",
        "What changes",
        "Children's reading hours move to Sunday mornings.",
        "Weekends are when families have time to read together",
        "Maria Lopez, Director of Springfield Public Library",
        "https://library.example/sundays",
        "Springfield Residents Survey 2025, 2,412 respondents.",
    ] {
        assert!(text.contains(needle), "`{needle}` missing from:\n{text}");
    }
    assert!(raw.contains("\u{201c}Weekends are") && raw.contains("Children\u{2019}s"), "{raw}");
    // Nothing but the body: the small template shows no letterhead or label.
    assert!(!text.contains("MEDIA RELEASE"), "{text}");
}

/// A node type the library does not know stops the render with its name,
/// rather than dropping text without a word.
#[test]
fn an_unknown_node_type_is_an_error() {
    let template = "#import \"/presskit.typ\": *\n#render(((t: \"hologram\", c: \"x\"),))\n";
    let dir = example_with(template);
    let (release, brand) = load(&dir.path().join("release.md"), None);
    let err = RENDERER.compile(&release, &brand).err().expect("an error");
    assert!(err.to_string().contains("does not know the node type `hologram`"), "{err}");
}

#[test]
fn an_error_in_a_template_is_located_with_the_source_line() {
    let template = std::fs::read_to_string(path("examples/house-template/house.typ")).unwrap();
    let broken = template.replacen(
        "fill: teal, hyphenate: false, quoted(r.headline)",
        "fill: tael, hyphenate: false, quoted(r.headline)",
        1,
    );
    assert_ne!(broken, template);
    let dir = example_with(&broken);
    let (release, brand) = load(&dir.path().join("release.md"), None);
    let err = RENDERER.compile(&release, &brand).err().expect("an error");
    let line = broken.lines().position(|l| l.contains("fill: tael")).unwrap() + 1;
    let column = broken.lines().nth(line - 1).unwrap().find("tael").unwrap() + 1;
    assert_eq!(err.kind(), ErrorKind::Layout);
    assert_eq!(err.location().map(|l| (l.line, l.column)), Some((line, column)), "{err}");
    assert!(err.file().is_some_and(|f| f.ends_with("house.typ")), "{err}");
    let shown = err.to_string();
    assert!(shown.contains("unknown variable: tael"), "{shown}");
    assert!(
        shown.contains(&format!("{line} | ")) && shown.contains("^^^^"),
        "no source line and caret: {shown}"
    );
    assert!(!shown.contains("SourceDiagnostic") && !shown.contains("Span("), "a debug dump: {shown}");
}

#[test]
fn a_template_reads_nothing_outside_the_sandbox() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "the secret").unwrap();
    for (template, expect) in [
        ("#read(\"/etc/passwd\")", "file not found"),
        ("#read(\"../secret.txt\")", ""),
        ("#read(\"link.txt\")", "outside the folders presskit may read"),
        ("#import \"@preview/cetz:0.3.0\"", "packages are not available"),
    ] {
        let dir = example_with(template);
        #[cfg(unix)]
        std::os::unix::fs::symlink(outside.path().join("secret.txt"), dir.path().join("link.txt")).unwrap();
        let (release, brand) = load(&dir.path().join("release.md"), None);
        let err = RENDERER.compile(&release, &brand).err().unwrap_or_else(|| panic!("{template} rendered"));
        let shown = err.to_string();
        assert!(shown.contains(expect) && !shown.contains("the secret"), "{template}: {shown}");
        assert!(err.location().is_some(), "{template}: {shown}");
    }
    // A file beside the template is fine.
    let dir = example_with("#read(\"release.md\").len()");
    let (release, brand) = load(&dir.path().join("release.md"), None);
    RENDERER.compile(&release, &brand).unwrap_or_else(|e| panic!("{e}"));
}

/// The data handed to templates, for releases that use every part of it,
/// validated against the JSON Schema (the `jsonschema` crate; Python's jsonschema in `tests/external/run`).
#[test]
fn the_data_follows_the_json_schema() {
    let (example, brand) = load(&path("examples/ecpat-belgium/release.md"), None);
    let (everything, neutral) = load(&path("tests/cases/everything.md"), None);
    let mut projects = vec![
        RENDERER.project(&example, &brand, &Options::default()).unwrap(),
        RENDERER
            .project(&example, &brand, &Options::default().with_languages(presskit::Languages::Combined))
            .unwrap(),
        RENDERER.project(&everything, &neutral, &Options::default()).unwrap(),
    ];
    for theme in Theme::ALL {
        let mut brand = brand.clone();
        brand.layout.theme = theme;
        projects.push(RENDERER.project(&example, &brand, &Options::default()).unwrap());
    }
    let kit = presskit::Kit::from_path(path("examples/ecpat-belgium/kit.yml")).unwrap();
    projects.push(RENDERER.kit_project(&kit, &kit.brand().unwrap(), &Options::default()).unwrap());

    // The schema itself is checked against the 2020-12 meta-schema first.
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path("assets/data.schema.json")).unwrap()).unwrap();
    let validator =
        jsonschema::draft202012::new(&schema).unwrap_or_else(|e| panic!("the schema is not valid: {e}"));
    for (i, project) in projects.iter().enumerate() {
        let data: serde_json::Value = serde_json::from_slice(&project.data).unwrap();
        let errors: Vec<String> =
            validator.iter_errors(&data).map(|e| format!("{}: {e}", e.instance_path())).collect();
        assert!(errors.is_empty(), "project {i} breaks the schema:\n{}", errors.join("\n"));
    }
    // The schema is strict: a field it does not know fails.
    let mut data: serde_json::Value = serde_json::from_slice(&projects[0].data).unwrap();
    data["surprise"] = serde_json::json!(1);
    assert!(!validator.is_valid(&data), "the schema let an unknown field through");
}
