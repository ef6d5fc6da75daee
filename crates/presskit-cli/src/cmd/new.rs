//! `presskit new`: a folder with a brand, a release that shows every
//! feature, and a placeholder logo, so that `presskit render` works at once.

use std::path::{Path, PathBuf};

use crate::output::write_atomically;
use crate::{Failure, Say};

#[derive(clap::Args)]
pub struct NewArgs {
    /// The folder to start; made if missing. Default: the current folder.
    dir: Option<PathBuf>,
    /// Reuse this brand file (and the logo and fonts it names) instead of
    /// the example brand.
    #[arg(long, value_name = "FILE")]
    brand: Option<PathBuf>,
}

pub fn new(args: &NewArgs, say: Say) -> Result<(), Failure> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let written = scaffold(&dir, args.brand.as_deref())?;
    if !say.quiet {
        for path in &written {
            eprintln!("wrote {}", path.display());
        }
        eprintln!("next: presskit render {}", dir.join("release.md").display());
    }
    Ok(())
}

const BRAND: &str = r##"# Your organisation's brand: brand.yml fields (https://posit-dev.github.io/brand-yml/)
# plus presskit's own `defaults.presskit` section. Edit it once; every
# release in this folder uses it.
meta:
  name: Example Organisation
  link: https://www.example.org
logo:
  medium: { path: logo.svg, alt: Example Organisation }
color:
  palette:
    blue: "#1f4e79"
    red: "#b3261e"
  primary: blue      # label, rules, links
  secondary: red     # the embargo line
# typography:
#   fonts:
#     - { family: Your Font, source: file, files: [YourFont-Regular.otf, YourFont-Bold.otf] }
#   base: { family: Your Font, size: 10.5pt, line-height: 1.4 }
defaults:
  presskit:
    theme: classic     # or modern, compact (see docs/themes.md)
    # logo_position: right      # these change the theme's arrangement
    # address_position: footer  # header, footer or none
    # accent: band              # rule, band or none
    # template: house.typ       # or a Typst layout of your own (docs/TEMPLATES.md)
    paper: a4          # or us-letter
    region: eu         # us: ### and AP datelines; uk / eu: ENDS
    address:
      - 1 Example Street
      - 1000 Example City
    boilerplate:
      title: About Example Organisation
      body: >-
        Example Organisation does good work. Write two or three sentences here
        that journalists can quote as they are.
    contacts:
      - name: Alex Press
        role: Press officer
        email: press@example.org
        phone: "+32 2 123 45 67"
    footer: Example Organisation · 1 Example Street, 1000 Example City · www.example.org
"##;

const RELEASE: &str = r##"---
# The release. `presskit render release.md` makes release.pdf from it.
headline: Example Organisation opens its new centre to the public
subheadline: The centre offers free advice five days a week from 1 June
date: 2026-05-20
dateline: Example City
# lang: fr                 # labels, dates, quotes and hyphenation (en, fr, nl, de, es, it, pt)
# region: us               # overrides the brand's region
# embargo: 2026-05-20T10:00:00+02:00   # replaces FOR IMMEDIATE RELEASE on every page
# label: PRESS INVITATION  # overrides MEDIA RELEASE
# contacts: [{ name: Sam Lee, email: sam@example.org }]   # overrides the brand's
keywords: [centre, advice]
boilerplates:
  - title: About the centre
    body: The centre is funded by the city and three foundations.
notes_to_editors: |
  1. Photos of the centre are available on request.
  2. Interviews can be arranged with the director.
# translations:            # the same release in other languages
#   - { lang: fr, file: release.fr.md }
---
Example Organisation opens its new advice centre on 1 June, the organisation
announced today. The centre offers free advice on housing, work and benefits
five days a week[^1].

## What the centre offers

- Advice without appointment, Monday to Friday
- Help in twelve languages
- A children's corner

> "Everyone should be able to get good advice, whatever their means."
> — Jo Example, director

More at [www.example.org](https://www.example.org). Images go in with
`![What it shows](photo.jpg "Caption | Photo: Name")`.

[^1]: From 9:00 to 17:00; Thursdays until 20:00.
"##;

const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" width="120" height="120">
  <!-- A placeholder: replace logo.svg with your own (SVG, PNG or JPEG). -->
  <rect width="120" height="120" rx="20" fill="#1f4e79"/>
  <circle cx="60" cy="52" r="22" fill="none" stroke="#ffffff" stroke-width="8"/>
  <rect x="34" y="84" width="52" height="10" rx="5" fill="#b3261e"/>
</svg>
"##;

/// Where a file a brand names is copied to, inside the new folder: its own
/// path when that is plain (`logo.svg`, `fonts/a.otf`), else its file name
/// (`sub/../../b1/logo.png` becomes `logo.png`), numbered if taken.
fn copied_name(name: &str, taken: &[PathBuf]) -> PathBuf {
    use std::path::Component;
    let path = Path::new(name);
    if path.components().all(|c| matches!(c, Component::Normal(_))) && !taken.iter().any(|t| t == path) {
        return path.to_path_buf();
    }
    let file = path.file_name().map_or_else(|| "file".into(), |f| f.to_string_lossy().into_owned());
    let (stem, ext) = match file.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem.to_string(), format!(".{ext}")),
        _ => (file.clone(), String::new()),
    };
    (1..)
        .map(|n| if n == 1 { PathBuf::from(&file) } else { PathBuf::from(format!("{stem}-{n}{ext}")) })
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_else(|| PathBuf::from(file))
}

/// Writes the scaffold into `dir` (made if missing); never over a file. With
/// `brand`, that brand file and the files it names are copied instead of the
/// example brand and logo.
fn scaffold(dir: &Path, brand: Option<&Path>) -> Result<Vec<PathBuf>, Failure> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = vec![(dir.join("release.md"), RELEASE.as_bytes().to_vec())];
    match brand {
        None => {
            files.push((dir.join("_brand.yml"), BRAND.as_bytes().to_vec()));
            files.push((dir.join("logo.svg"), LOGO.as_bytes().to_vec()));
        }
        Some(path) => {
            // Loading it checks it, and reads the files it names inside its
            // sandbox: those bytes are copied, nothing is read again.
            let loaded = presskit::Brand::from_path(path)?;
            let mut text = std::fs::read_to_string(path).map_err(|err| {
                Failure::new(
                    format!("{}: cannot read: {}", path.display(), crate::output::plain_io(&err)),
                    "check the brand file",
                )
            })?;
            let mut named: Vec<&presskit::model::Asset> = loaded.logo.iter().map(|l| &l.image).collect();
            named.extend(loaded.images());
            named.extend(&loaded.layout.template);
            for font in &loaded.fonts {
                if let presskit::model::BrandFont::Files { files: fonts, .. } = font {
                    named.extend(fonts);
                }
            }
            // Plain names first, so that they keep their names and only the
            // names leading elsewhere are rewritten; each name once.
            let plain = |a: &&presskit::model::Asset| {
                Path::new(&a.name).components().all(|c| matches!(c, std::path::Component::Normal(_)))
            };
            named.sort_by_key(|a| !plain(a));
            let mut seen = std::collections::HashSet::new();
            named.retain(|a| seen.insert(a.name.clone()));
            let mut taken: Vec<PathBuf> = vec!["_brand.yml".into(), "release.md".into()];
            for asset in named {
                let name = copied_name(&asset.name, &taken);
                if name.as_os_str() != std::ffi::OsStr::new(&asset.name) {
                    // The copy's brand file names the copy.
                    text = text.replace(&asset.name, &name.to_string_lossy());
                }
                files.push((dir.join(&name), asset.data.to_vec()));
                taken.push(name);
            }
            files.push((dir.join("_brand.yml"), text.into_bytes()));
        }
    }
    if let Some((existing, _)) = files.iter().find(|(path, _)| path.exists()) {
        return Err(Failure::new(
            format!("{}: the file exists already", existing.display()),
            "choose a new folder; presskit new never writes over a file",
        ));
    }
    for (path, bytes) in &files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|err| {
                Failure::new(
                    format!(
                        "{}: cannot create the folder: {}",
                        parent.display(),
                        crate::output::plain_io(&err)
                    ),
                    "check that the folder is writable",
                )
            })?;
        }
        write_atomically(path, bytes)?;
    }
    Ok(files.into_iter().map(|(path, _)| path).collect())
}
