//! Every word presskit prints on its own, by language, and the formatting
//! of dates, times and embargo lines. The words are the trade's own, written
//! here; month names and date patterns come from CLDR through ICU4X.

use icu_calendar::{Date as IcuDate, Gregorian};
use icu_datetime::fieldsets::{T, YMD};
use icu_datetime::input::Time;
use icu_datetime::{FixedCalendarDateTimeFormatter, NoCalendarFormatter};
use icu_locale_core::Locale;
use serde::Serialize;

use crate::model::{Date, Embargo, Lang, Region};

/// The words and conventions of one language (and, for English, variant),
/// and the locale its dates are formatted for.
#[derive(Debug, Clone, Serialize)]
pub struct Labels {
    /// The BCP 47 tag the dates are formatted for, e.g. `en-GB`, `fr`.
    pub locale: String,
    /// The words.
    #[serde(flatten)]
    pub words: Words,
}

impl std::ops::Deref for Labels {
    type Target = Words;

    fn deref(&self) -> &Words {
        &self.words
    }
}

/// The words of one language.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Words {
    /// The label at the top of page 1.
    pub release: &'static str,
    /// The release line when there is no embargo.
    pub immediate: &'static str,
    /// The embargo line, with `{date}`, `{time}` and `{zone}` to fill in.
    pub embargo: &'static str,
    /// "Page X of Y": the text before X, between X and Y, and after Y.
    pub page: [&'static str; 3],
    /// At the foot of every page that continues.
    pub more: &'static str,
    /// Heading of the notes to editors.
    pub notes_to_editors: &'static str,
    /// Heading of the media-contact block (one contact, several).
    pub contact: [&'static str; 2],
    /// Before an organisation's name in a generated "About …" heading.
    pub about: &'static str,
    /// End marks by region: US, UK, EU.
    pub end_marks: [&'static str; 3],
    /// What ends a run-in title before its text: ":" or, in French, a
    /// narrow no-break space and ":".
    pub colon: &'static str,
    /// Heading of a media kit's table of contents.
    pub contents: &'static str,
    #[serde(skip)]
    elide_about: bool,
}

/// One language's words, in the order of the fields; the tables below read
/// best as rows.
#[allow(clippy::too_many_arguments)]
const fn words(
    release: &'static str,
    immediate: &'static str,
    embargo: &'static str,
    page: [&'static str; 3],
    more: &'static str,
    notes_to_editors: &'static str,
    contact: [&'static str; 2],
    about: &'static str,
    end: &'static str,
    contents: &'static str,
) -> Words {
    Words {
        release,
        immediate,
        embargo,
        page,
        more,
        notes_to_editors,
        contact,
        about,
        end_marks: ["###", end, end],
        colon: ":",
        contents,
        elide_about: false,
    }
}

/// British and international English.
const EN_GB: Words = words(
    "MEDIA RELEASE",
    "FOR IMMEDIATE RELEASE",
    "EMBARGOED UNTIL {time} {zone}, {date}",
    ["Page ", " of ", ""],
    "-more-",
    "Notes to editors",
    ["Media contact", "Media contacts"],
    "About",
    "ENDS",
    "Contents",
);
/// American English: AP-style title case, "NEWS RELEASE".
const EN_US: Words = words(
    "NEWS RELEASE",
    "FOR IMMEDIATE RELEASE",
    "EMBARGOED UNTIL {time} {zone}, {date}",
    ["Page ", " of ", ""],
    "-more-",
    "Notes to Editors",
    ["Media Contact", "Media Contacts"],
    "About",
    "ENDS",
    "Contents",
);
const FR: Words = Words {
    colon: "\u{202F}:",
    elide_about: true,
    ..words(
        "COMMUNIQUÉ DE PRESSE",
        "POUR DIFFUSION IMMÉDIATE",
        "SOUS EMBARGO JUSQU’AU {date}, {time} {zone}",
        ["Page ", " sur ", ""],
        "…/…",
        "Notes aux rédactions",
        ["Contact presse", "Contacts presse"],
        "À propos de",
        "FIN",
        "Sommaire",
    )
};
const NL: Words = words(
    "PERSBERICHT",
    "VOOR ONMIDDELLIJKE PUBLICATIE",
    "EMBARGO TOT {date}, {time} {zone}",
    ["Pagina ", " van ", ""],
    "-meer-",
    "Noot voor de redactie",
    ["Perscontact", "Perscontacten"],
    "Over",
    "EINDE",
    "Inhoud",
);
const DE: Words = words(
    "PRESSEMITTEILUNG",
    "ZUR SOFORTIGEN VERÖFFENTLICHUNG",
    "SPERRFRIST: {date}, {time} Uhr {zone}",
    ["Seite ", " von ", ""],
    "-mehr-",
    "Hinweise für die Redaktion",
    ["Pressekontakt", "Pressekontakte"],
    "Über",
    "ENDE",
    "Inhalt",
);
const ES: Words = words(
    "NOTA DE PRENSA",
    "PARA DIFUSIÓN INMEDIATA",
    "EMBARGADO HASTA EL {date}, {time} {zone}",
    ["Página ", " de ", ""],
    "-más-",
    "Notas para los editores",
    ["Contacto de prensa", "Contactos de prensa"],
    "Acerca de",
    "FIN",
    "Índice",
);
const IT: Words = words(
    "COMUNICATO STAMPA",
    "PER DIFFUSIONE IMMEDIATA",
    "EMBARGO FINO AL {date}, ORE {time} {zone}",
    ["Pagina ", " di ", ""],
    "-segue-",
    "Note per le redazioni",
    ["Contatto stampa", "Contatti stampa"],
    "Informazioni su",
    "FINE",
    "Indice",
);
const PT: Words = words(
    "COMUNICADO DE IMPRENSA",
    "PARA DIVULGAÇÃO IMEDIATA",
    "EMBARGO ATÉ {date}, {time} {zone}",
    ["Página ", " de ", ""],
    "-mais-",
    "Notas para os editores",
    ["Contacto de imprensa", "Contactos de imprensa"],
    "Sobre",
    "FIM",
    "Índice",
);
/// Brazilian Portuguese spells "contato".
const PT_BR: Words = Words { contact: ["Contato de imprensa", "Contatos de imprensa"], ..PT };

impl Labels {
    /// The labels for a release's language and region preset. English is
    /// American for `en-US` (or plain `en` with the `us` preset), else
    /// British. A language without labels of its own gets English words,
    /// with dates still in its own language.
    pub fn for_lang(lang: &Lang, region: Region) -> Labels {
        let language = lang.language();
        let variant = lang.region();
        let american = match variant.as_deref() {
            Some(r) => r.eq_ignore_ascii_case("US"),
            None => region == Region::Us,
        };
        let base = match language.as_str() {
            "fr" => FR,
            "nl" => NL,
            "de" => DE,
            "es" => ES,
            "it" => IT,
            "pt" if variant.as_deref().is_some_and(|r| r.eq_ignore_ascii_case("BR")) => PT_BR,
            "pt" => PT,
            _ if american => EN_US,
            _ => EN_GB,
        };
        // Dates follow the tag; plain English follows the preset.
        let locale = match (language.as_str(), variant) {
            (_, Some(_)) => lang.as_str().to_string(),
            ("en", None) if american => "en-US".into(),
            ("en", None) => "en-GB".into(),
            (_, None) => language,
        };
        Labels { locale, words: base }
    }

    fn icu_locale(&self) -> Locale {
        Locale::try_from_str(&self.locale).unwrap_or(icu_locale_core::locale!("en-GB"))
    }

    /// The end mark of a region.
    pub fn end_mark(&self, region: Region) -> &'static str {
        match region {
            Region::Us => self.end_marks[0],
            Region::Uk => self.end_marks[1],
            Region::Eu => self.end_marks[2],
        }
    }

    /// A date in full, as the language writes it: "20 November 2014",
    /// "November 20, 2014", "20 novembre 2014", "20. November 2014".
    pub fn date(&self, date: Date) -> String {
        let formatter =
            FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new(self.icu_locale().into(), YMD::long());
        match (formatter, IcuDate::try_new_gregorian(date.year(), date.month(), date.day())) {
            (Ok(formatter), Ok(icu_date)) => formatter.format(&icu_date).to_string(),
            _ => date.to_string(),
        }
    }

    /// A date in a US (AP style) dateline: "Nov. 20, 2014"; in other
    /// languages the medium form CLDR gives.
    pub fn dateline_date(&self, date: Date) -> String {
        const AP: [&str; 12] = [
            "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
        ];
        if self.locale.starts_with("en") {
            return format!("{} {}, {}", AP[usize::from(date.month() - 1)], date.day(), date.year());
        }
        let formatter =
            FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new(self.icu_locale().into(), YMD::medium());
        match (formatter, IcuDate::try_new_gregorian(date.year(), date.month(), date.day())) {
            (Ok(formatter), Ok(icu_date)) => formatter.format(&icu_date).to_string(),
            _ => date.to_string(),
        }
    }

    /// A time of day: "10:00" in most languages; AP style "10 a.m." for
    /// American English.
    pub fn time(&self, hour: u8, minute: u8) -> String {
        if self.locale == "en-US" {
            let (h12, half) = match hour {
                0 => (12, "a.m."),
                1..=11 => (hour, "a.m."),
                12 => (12, "p.m."),
                _ => (hour - 12, "p.m."),
            };
            return if minute == 0 { format!("{h12} {half}") } else { format!("{h12}:{minute:02} {half}") };
        }
        let formatter = NoCalendarFormatter::try_new(self.icu_locale().into(), T::hm());
        match (formatter, Time::try_new(hour, minute, 0, 0)) {
            (Ok(formatter), Ok(time)) => formatter.format(&time).to_string(),
            _ => format!("{hour:02}:{minute:02}"),
        }
    }

    /// The embargo line in this language, with the moment in the embargo's
    /// own time zone. American English sets the whole line in capitals.
    pub fn embargo(&self, embargo: Embargo) -> String {
        let (hour, minute) = embargo.time();
        let line = self
            .embargo
            .replace("{date}", &self.date(embargo.date()))
            .replace("{time}", &self.time(hour, minute))
            .replace("{zone}", &utc_offset(embargo.offset_minutes()));
        if self.locale == "en-US" { line.to_uppercase() } else { line }
    }

    /// The heading of a generated "About" section: "About ECPAT Belgium",
    /// "À propos d’ECPAT Belgique".
    pub fn about(&self, name: &str) -> String {
        let vowel = name.chars().next().is_some_and(|c| "AEIOUYÀÂÉÈÊËÎÏÔÙÛaeiouyàâéèêëîïôùû".contains(c));
        match self.about.strip_suffix(" de") {
            Some(stem) if self.elide_about && vowel => format!("{stem} d’{name}"),
            _ => format!("{} {name}", self.about).trim().to_string(),
        }
    }
}

/// "UTC", "UTC+01:00", "UTC−05:00" (with a real minus sign).
fn utc_offset(minutes: i32) -> String {
    if minutes == 0 {
        return "UTC".into();
    }
    let sign = if minutes < 0 { '−' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(tag: &str, region: Region) -> Labels {
        Labels::for_lang(&Lang::parse(tag).unwrap(), region)
    }

    #[test]
    fn dates_in_every_language() {
        let d = Date::parse("2014-11-20").unwrap();
        let cases = [
            ("en", Region::Eu, "20 November 2014"),
            ("en", Region::Us, "November 20, 2014"),
            ("en-US", Region::Eu, "November 20, 2014"),
            ("en-GB", Region::Us, "20 November 2014"),
            ("fr", Region::Eu, "20 novembre 2014"),
            ("fr-BE", Region::Eu, "20 novembre 2014"),
            ("nl", Region::Eu, "20 november 2014"),
            ("de", Region::Eu, "20. November 2014"),
            ("es", Region::Eu, "20 de noviembre de 2014"),
            ("it", Region::Eu, "20 novembre 2014"),
            ("pt", Region::Eu, "20 de novembro de 2014"),
            ("el", Region::Eu, "20 Νοεμβρίου 2014"),
        ];
        for (tag, region, expected) in cases {
            assert_eq!(labels(tag, region).date(d), expected, "{tag}");
        }
        assert_eq!(labels("en", Region::Us).dateline_date(d), "Nov. 20, 2014");
    }

    #[test]
    fn words_in_every_language() {
        let expect = [
            ("en", "MEDIA RELEASE", "Page 1 of 2", "Notes to editors", "ENDS"),
            ("en-US", "NEWS RELEASE", "Page 1 of 2", "Notes to Editors", "ENDS"),
            ("fr", "COMMUNIQUÉ DE PRESSE", "Page 1 sur 2", "Notes aux rédactions", "FIN"),
            ("nl", "PERSBERICHT", "Pagina 1 van 2", "Noot voor de redactie", "EINDE"),
            ("de", "PRESSEMITTEILUNG", "Seite 1 von 2", "Hinweise für die Redaktion", "ENDE"),
            ("es", "NOTA DE PRENSA", "Página 1 de 2", "Notas para los editores", "FIN"),
            ("it", "COMUNICATO STAMPA", "Pagina 1 di 2", "Note per le redazioni", "FINE"),
            ("pt", "COMUNICADO DE IMPRENSA", "Página 1 de 2", "Notas para os editores", "FIM"),
        ];
        for (tag, release, page, notes, end) in expect {
            let l = labels(tag, Region::Eu);
            assert_eq!(l.release, release);
            assert_eq!(format!("{}1{}2{}", l.page[0], l.page[1], l.page[2]), page);
            assert_eq!((l.notes_to_editors, l.end_mark(Region::Eu)), (notes, end));
            assert_eq!(l.end_mark(Region::Us), "###");
        }
        assert_eq!(labels("pt-BR", Region::Eu).contact[0], "Contato de imprensa");
        assert_eq!(labels("fr", Region::Eu).about("ECPAT Belgique"), "À propos d’ECPAT Belgique");
        assert_eq!(labels("fr", Region::Eu).about("Oxfam"), "À propos d’Oxfam");
        assert_eq!(labels("fr", Region::Eu).about("Caritas"), "À propos de Caritas");
        assert_eq!(labels("de", Region::Eu).about("Caritas"), "Über Caritas");
        assert_eq!(labels("fr", Region::Eu).colon, "\u{202F}:");
    }

    /// `Lang::LABELLED` promises labels of their own for each language it
    /// lists; `for_lang` must give them.
    #[test]
    fn every_labelled_language_has_words() {
        for tag in Lang::LABELLED.into_iter().filter(|t| *t != "en") {
            assert_ne!(labels(tag, Region::Eu).release, EN_GB.release, "{tag}");
        }
    }

    #[test]
    fn embargo_lines() {
        let e = Embargo::parse("2014-11-20T10:00:00+01:00").unwrap();
        assert_eq!(labels("en", Region::Eu).embargo(e), "EMBARGOED UNTIL 10:00 UTC+01:00, 20 November 2014");
        assert_eq!(
            labels("fr", Region::Eu).embargo(e),
            "SOUS EMBARGO JUSQU’AU 20 novembre 2014, 10:00 UTC+01:00"
        );
        assert_eq!(labels("nl", Region::Eu).embargo(e), "EMBARGO TOT 20 november 2014, 10:00 UTC+01:00");
        assert_eq!(labels("de", Region::Eu).embargo(e), "SPERRFRIST: 20. November 2014, 10:00 Uhr UTC+01:00");
        let e = Embargo::parse("2026-03-04T21:30:00-05:00").unwrap();
        assert_eq!(labels("en", Region::Us).embargo(e), "EMBARGOED UNTIL 9:30 P.M. UTC−05:00, MARCH 4, 2026");
        let e = Embargo::parse("2026-03-04T00:01:00Z").unwrap();
        assert_eq!(labels("en-GB", Region::Uk).embargo(e), "EMBARGOED UNTIL 00:01 UTC, 4 March 2026");
    }
}
