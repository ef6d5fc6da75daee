//! `presskit new`: a folder with a brand, a release that shows every
//! feature, and a placeholder logo, so that `presskit render` works at once.

use std::path::{Path, PathBuf};

use crate::Failure;
use crate::output::write_atomically;

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

/// Writes the scaffold into `dir` (made if missing); never over a file. With
/// `brand`, that brand file and the files it names are copied instead of the
/// example brand and logo.
pub fn new(dir: &Path, brand: Option<&Path>) -> Result<Vec<PathBuf>, Failure> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = vec![(dir.join("release.md"), RELEASE.as_bytes().to_vec())];
    match brand {
        None => {
            files.push((dir.join("_brand.yml"), BRAND.as_bytes().to_vec()));
            files.push((dir.join("logo.svg"), LOGO.as_bytes().to_vec()));
        }
        Some(path) => {
            // Loading it checks it, and tells the files it names.
            let loaded = presskit::Brand::from_path(path)?;
            let read = |p: &Path| {
                std::fs::read(p).map_err(|err| {
                    Failure::new(
                        format!("{}: cannot read: {}", p.display(), crate::output::plain_io(&err)),
                        "check the brand file and the files it names",
                    )
                })
            };
            files.push((dir.join("_brand.yml"), read(path)?));
            let base = path.parent().unwrap_or(Path::new("."));
            let mut named: Vec<&str> = loaded.logo.iter().map(|l| l.image.name.as_str()).collect();
            named.extend(loaded.images.iter().map(|a| a.name.as_str()));
            named.extend(loaded.layout.template.iter().map(|a| a.name.as_str()));
            for font in &loaded.fonts {
                if let presskit::BrandFont::Files { files: fonts, .. } = font {
                    named.extend(fonts.iter().map(|a| a.name.as_str()));
                }
            }
            for name in named {
                files.push((dir.join(name), read(&base.join(name))?));
            }
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
