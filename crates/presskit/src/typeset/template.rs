//! A brand's own Typst template (`defaults.presskit.template`): loaded as
//! the main source with the folder it may read from, and its errors shown
//! as the typst command shows them.

use typst::World;
use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::syntax::Source;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::model::{Asset, Brand};
use crate::typeset::world::{Disk, SandboxWorld};

/// A brand's own template as the main source, and the folder it may read
/// files from.
pub(crate) fn custom(template: &Asset, brand: &Brand) -> Result<(Source, Option<Disk>)> {
    let origin = brand.origin.as_ref();
    let fail = |message: String| {
        let err = Error::new(ErrorKind::InvalidValue, message).with_hint(
            "the template must be a Typst file (UTF-8 text), e.g. one written by `presskit typst`",
        );
        match origin {
            Some(o) => err.in_file(&o.name),
            None => err,
        }
    };
    let text = std::str::from_utf8(&template.data)
        .map_err(|_| fail(format!("the template `{}` is not UTF-8 text", template.name)))?;
    let file_name = std::path::Path::new(&template.name)
        .file_name()
        .map_or("template.typ".into(), |n| n.to_string_lossy().into_owned());
    let id = typst::syntax::FileId::new(typst::syntax::RootedPath::new(
        typst::syntax::VirtualRoot::Project,
        typst::syntax::VirtualPath::new(format!("/{file_name}"))
            .map_err(|_| fail(format!("`{}` is not a usable template name", template.name)))?,
    ));
    let dir = template.path.as_deref().and_then(std::path::Path::parent).map(std::path::Path::to_path_buf);
    let disk = dir.map(|dir| {
        let sandbox = origin.map(|o| o.sandbox.clone()).unwrap_or_default();
        let mut allowed = sandbox.allowed_dirs.clone();
        allowed.extend(origin.and_then(|o| o.dir.clone()));
        Disk { dir, allowed, max_bytes: sandbox.limits.max_asset_bytes }
    });
    Ok((Source::new(id, text.into()), disk))
}

/// An error in a brand's own template, shown as the typst command shows
/// one: the file, line and column, the source line with a caret under the
/// place, and Typst's hints.
pub(crate) fn error(world: &SandboxWorld, diags: &[SourceDiagnostic], dir: &std::path::Path) -> Error {
    let Some(diag) = diags.iter().find(|d| d.severity == Severity::Error).or(diags.first()) else {
        return Error::new(ErrorKind::Layout, "the template failed without a message");
    };
    let mut err = Error::new(ErrorKind::Layout, format!("in the template: {}", diag.message));
    if let Some(id) = diag.span.id()
        && let Some(range) = world.range(diag.span)
        && let Ok(source) = world.source(id)
    {
        let text = source.text();
        let at = Location::from_offset(text, range.start);
        let line = text.lines().nth(at.line - 1).unwrap_or("");
        let width = text[range.clone()].lines().next().map_or(1, |l| l.chars().count().max(1));
        let number = at.line.to_string();
        let pad = " ".repeat(number.len());
        let caret = format!("{}{}", " ".repeat(at.column - 1), "^".repeat(width));
        err = Error::new(
            ErrorKind::Layout,
            format!("in the template: {}\n{pad} |\n{number} | {line}\n{pad} | {caret}", diag.message),
        )
        .in_file(dir.join(id.get().vpath().get_without_slash()))
        .at(Some(at));
    }
    // typst-cli's hints name its `--root` option, which presskit has not:
    // presskit's sandbox is the template's folder and the allowed ones.
    let mut hints: Vec<String> = diag
        .hints
        .iter()
        .map(|h| h.v.to_string())
        .map(|h| {
            if h.contains("--root") {
                "a template reads only files in its own folder and the folders allowed besides it".into()
            } else {
                h
            }
        })
        .collect();
    hints.push("the template reads the release from /data.json; see docs/TEMPLATES.md".into());
    err.with_hint(hints.join("; "))
}
