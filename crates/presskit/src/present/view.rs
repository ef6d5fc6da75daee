//! A release as every output shows it, in one language: the labels, the
//! release line and date, the dateline, the "About" sections, the contacts
//! and the end mark, decided once for the PDF, the text and the HTML alike.

use crate::error::{Error, ErrorKind, Result};
use crate::model::content::{Content, Inline};
use crate::model::{Brand, Contact, Lang, Region, Release};
use crate::present::labels::Labels;
use crate::present::options::{Languages, Options};

/// One language's release, ready to show.
pub(crate) struct View {
    /// The release in this language.
    pub release: Release,
    pub labels: Labels,
    pub region: Region,
    /// "MEDIA RELEASE", or the release's own label.
    pub label: String,
    /// "FOR IMMEDIATE RELEASE" or the embargo line.
    pub line: String,
    /// The release date in the language.
    pub date: String,
    /// The dateline as printed and what follows it: `("BRUSSELS, Nov. 20,
    /// 2014", " — ")`.
    pub dateline: Option<(String, &'static str)>,
    /// "About" sections: the brand's (in this language if it has it), then
    /// the release's.
    pub abouts: Vec<(String, Content)>,
    /// Whether the first "About" is the brand's.
    pub brand_about: bool,
    pub contacts: Vec<Contact>,
    /// Empty for none.
    pub end_mark: String,
    /// The short identifier for running headers.
    pub slug: String,
}

impl View {
    /// The views the options ask for: the release's own language, one of its
    /// translations, or all in turn.
    pub fn all(release: &Release, brand: &Brand, options: &Options) -> Result<Vec<View>> {
        let releases = if *options.languages() == Languages::Combined {
            release.languages().iter().filter_map(|lang| release.in_language(lang)).collect()
        } else {
            let lang = match options.languages() {
                Languages::One(lang) => lang,
                _ => &release.lang,
            };
            let one = release.in_language(lang).ok_or_else(|| {
                let have: Vec<String> = release.languages().iter().map(|l| l.as_str().to_string()).collect();
                Error::new(ErrorKind::InvalidValue, format!("the release has no `{}` version", lang.as_str()))
                    .in_file(&release.origin.name)
                    .with_hint(format!(
                        "its languages are: {}; add a translation under `translations`",
                        have.join(", ")
                    ))
            })?;
            vec![one]
        };
        Ok(releases.into_iter().map(|r| View::new(r, brand)).collect())
    }

    /// The first view the options ask for.
    pub fn one(release: &Release, brand: &Brand, options: &Options) -> Result<View> {
        let mut options = options.clone();
        if *options.languages() == Languages::Combined {
            options = options.with_languages(Languages::Original);
        }
        Ok(View::all(release, brand, &options)?.remove(0))
    }

    fn new(release: Release, brand: &Brand) -> View {
        let region = release.region.or(brand.region).unwrap_or(Region::Eu);
        let labels = Labels::for_lang(&release.lang, region);
        let dateline = match (&release.dateline, region) {
            (None, _) => None,
            (Some(place), Region::Us) => {
                Some((us_dateline(place, labels.dateline_date(release.date)), " — "))
            }
            (Some(place), Region::Uk | Region::Eu) => Some((place.clone(), "—")),
        };
        let mut abouts = Vec::new();
        let own_about = brand_about(brand, &release.lang);
        let has_brand_about = own_about.is_some();
        if let Some(about) = own_about {
            let title = if about.title.is_empty() {
                labels.about(brand.name.as_deref().unwrap_or_default())
            } else {
                about.title.clone()
            };
            abouts.push((title, about.body.clone()));
        }
        abouts.extend(release.boilerplates.iter().map(|b| (b.title.clone(), b.body.clone())));
        let mut view = View {
            label: release.label.clone().unwrap_or_else(|| labels.release.into()),
            line: match release.embargo {
                Some(embargo) => labels.embargo(embargo),
                None => labels.immediate.into(),
            },
            date: labels.date(release.date),
            dateline,
            abouts,
            brand_about: has_brand_about,
            contacts: release.contacts.clone().unwrap_or_else(|| brand.contacts.clone()),
            end_mark: release.end_mark.clone().unwrap_or_else(|| labels.end_mark(region).into()),
            slug: release.slug.clone().unwrap_or_else(|| slug(&release.headline)),
            labels,
            region,
            release,
        };
        if view.release.lang.language() == "fr" {
            view.each_text(french_spacing);
        }
        view.contain_bidi();
        view
    }

    /// Closes every field's bidi controls at its end, for every output (the
    /// PDF's data had it; the HTML and the text did not): an override in a
    /// dateline cannot reorder the body it is run into.
    fn contain_bidi(&mut self) {
        fn one(text: &mut String) {
            if let std::borrow::Cow::Owned(contained) = crate::present::bidi::contain(text) {
                *text = contained;
            }
        }
        let release = &mut self.release;
        for text in [&mut self.label, &mut release.headline, &mut self.end_mark, &mut self.slug] {
            one(text);
        }
        for text in [&mut release.subheadline, &mut release.dateline].into_iter().flatten() {
            one(text);
        }
        if let Some((place, _)) = &mut self.dateline {
            one(place);
        }
        for (title, _) in &mut self.abouts {
            one(title);
        }
        for contact in &mut self.contacts {
            one(&mut contact.name);
            for text in [&mut contact.role, &mut contact.org, &mut contact.email, &mut contact.phone]
                .into_iter()
                .flatten()
            {
                one(text);
            }
        }
        self.each_text(|content| {
            content.visit_mut(&mut |_| {}, &mut |inline| {
                if let Inline::Text(text) | Inline::Code(text) = inline {
                    one(text);
                }
            });
        });
    }

    /// Applies `f` to every body, note and "About" text.
    fn each_text(&mut self, mut f: impl FnMut(&mut Content)) {
        f(&mut self.release.body);
        if let Some(notes) = &mut self.release.notes_to_editors {
            f(notes);
        }
        for (_, body) in &mut self.abouts {
            f(body);
        }
    }
}

/// The brand's "About" in the release's language if it has it (by tag,
/// then by language), else its own.
fn brand_about<'a>(brand: &'a Brand, lang: &Lang) -> Option<&'a crate::model::Boilerplate> {
    let own = |tag: &Lang| tag.as_str().eq_ignore_ascii_case(lang.as_str());
    let near = |tag: &Lang| tag.language() == lang.language();
    let translations = &brand.boilerplate_translations;
    translations
        .iter()
        .find(|(tag, _)| own(tag))
        .or_else(|| translations.iter().find(|(tag, _)| near(tag)))
        .map(|(_, about)| about)
        .or(brand.boilerplate.as_ref())
}

/// French typography: a narrow no-break space before `:`, `;`, `!` and `?`
/// and inside « », where the writer typed a space or none.
fn french_spacing(content: &mut Content) {
    const NNBSP: char = '\u{202F}';
    let fix = |text: &str| -> String {
        let mut out = String::with_capacity(text.len() + 4);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                ' ' | '\u{A0}' if chars.peek().is_some_and(|n| matches!(n, ':' | ';' | '!' | '?' | '»')) => {
                    out.push(NNBSP);
                }
                ':' | ';' | '!' | '?' | '»'
                    if out.chars().last().is_some_and(|p| p.is_alphanumeric() || p == '»' || p == ')')
                        && !(c == ':' && chars.peek().is_some_and(|n| n.is_ascii_digit() || *n == '/')) =>
                {
                    out.push(NNBSP);
                    out.push(c);
                }
                '«' => {
                    out.push(c);
                    if chars.peek().is_some_and(|n| *n == ' ' || *n == '\u{A0}') {
                        chars.next();
                    }
                    out.push(NNBSP);
                }
                _ => out.push(c),
            }
        }
        out
    };
    content.visit_mut(&mut |_| {}, &mut |inline| {
        if let Inline::Text(text) = inline {
            *text = fix(text);
        }
    });
}

/// AP style: the city in capitals, the rest as written, then the date:
/// "BRUSSELS, Belgium, Nov. 20, 2014".
pub(crate) fn us_dateline(place: &str, date: String) -> String {
    let (city, rest) = match place.split_once(',') {
        Some((city, rest)) => (city, format!(",{rest}")),
        None => (place, String::new()),
    };
    format!("{}{rest}, {date}", city.to_uppercase())
}

/// The headline shortened to a few words for the running header.
pub(crate) fn slug(headline: &str) -> String {
    const MAX: usize = 40;
    let mut out = String::new();
    for word in headline.split_whitespace() {
        if !out.is_empty() && out.chars().count() + 1 + word.chars().count() > MAX {
            let trimmed = out.trim_end_matches([',', ';', ':', '.', '—', '–', '-']).to_string();
            return format!("{trimmed}…");
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short() {
        assert_eq!(slug("Short headline"), "Short headline");
        assert_eq!(
            slug(
                "Despite national effort, the commercial sexual exploitation of children in Belgium persists"
            ),
            "Despite national effort, the commercial…"
        );
    }

    #[test]
    fn datelines() {
        assert_eq!(us_dateline("Pittsburgh, Pa.", "March 2, 2026".into()), "PITTSBURGH, Pa., March 2, 2026");
        assert_eq!(us_dateline("New York", "May 1, 2026".into()), "NEW YORK, May 1, 2026");
    }

    #[test]
    fn french_spacing_uses_narrow_spaces() {
        let mut content = Content(vec![crate::model::content::Block::Paragraph(vec![Inline::Text(
            "Parmi elles : ceci; « cela » à 10:30".into(),
        )])]);
        french_spacing(&mut content);
        assert_eq!(
            content.plain_text().trim_end(),
            "Parmi elles\u{202F}: ceci\u{202F}; «\u{202F}cela\u{202F}» à 10:30"
        );
    }
}
