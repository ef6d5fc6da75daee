//! What the trade writes, in the seven languages presskit labels: labels,
//! release lines, embargoes, end marks, section headings, months, page
//! furniture, and the small words that tell one language from another.

use std::sync::LazyLock;

use regex::Regex;

/// Labels at the top of a release, with the language they are in and
/// whether they are that language's usual label (then the field is left
/// out: presskit prints it by itself).
pub(crate) const LABELS: &[(&str, &str, bool)] = &[
    ("MEDIA RELEASE", "en", true),
    ("NEWS RELEASE", "en-US", true),
    ("PRESS RELEASE", "en", false),
    ("MEDIA ADVISORY", "en", false),
    ("MEDIA STATEMENT", "en", false),
    ("PRESS STATEMENT", "en", false),
    ("COMMUNIQUÉ DE PRESSE", "fr", true),
    ("COMMUNIQUE DE PRESSE", "fr", false),
    ("COMMUNIQUÉ", "fr", false),
    ("PERSBERICHT", "nl", true),
    ("PERSMEDEDELING", "nl", false),
    ("PRESSEMITTEILUNG", "de", true),
    ("PRESSEINFORMATION", "de", false),
    ("PRESSEMELDUNG", "de", false),
    ("NOTA DE PRENSA", "es", true),
    ("COMUNICADO DE PRENSA", "es", false),
    ("COMUNICATO STAMPA", "it", true),
    ("NOTA STAMPA", "it", false),
    ("COMUNICADO DE IMPRENSA", "pt", true),
    ("COMUNICADO À IMPRENSA", "pt", false),
    ("NOTA À IMPRENSA", "pt", false),
];

/// "For immediate release" in each language.
pub(crate) const IMMEDIATE: &[(&str, &str)] = &[
    ("FOR IMMEDIATE RELEASE", "en"),
    ("IMMEDIATE RELEASE", "en"),
    ("FOR RELEASE IMMEDIATELY", "en"),
    ("POUR DIFFUSION IMMÉDIATE", "fr"),
    ("POUR PUBLICATION IMMÉDIATE", "fr"),
    ("DIFFUSION IMMÉDIATE", "fr"),
    ("À DIFFUSER IMMÉDIATEMENT", "fr"),
    ("VOOR ONMIDDELLIJKE PUBLICATIE", "nl"),
    ("VOOR ONMIDDELLIJKE VERSPREIDING", "nl"),
    ("ZUR SOFORTIGEN VERÖFFENTLICHUNG", "de"),
    ("ZUR SOFORTIGEN FREIGABE", "de"),
    ("PARA DIFUSIÓN INMEDIATA", "es"),
    ("PARA PUBLICACIÓN INMEDIATA", "es"),
    ("PER DIFFUSIONE IMMEDIATA", "it"),
    ("PER LA PUBBLICAZIONE IMMEDIATA", "it"),
    ("PARA DIVULGAÇÃO IMEDIATA", "pt"),
    ("PARA PUBLICAÇÃO IMEDIATA", "pt"),
];

/// End marks, as typed.
pub(crate) const END_MARKS: &[&str] = &[
    "###",
    "# # #",
    "ENDS",
    "-ENDS-",
    "- ENDS -",
    "–ENDS–",
    "END",
    "-END-",
    "-30-",
    "- 30 -",
    "– 30 –",
    "—30—",
    "FIN",
    "-FIN-",
    "EINDE",
    "-EINDE-",
    "ENDE",
    "-ENDE-",
    "FINE",
    "-FINE-",
    "FIM",
    "-FIM-",
];

/// "About …" in each language (the run-in or heading of a boilerplate).
pub(crate) const ABOUT: &[&str] = &[
    "about ",
    "à propos de ",
    "à propos d'",
    "à propos d’",
    "a propos de ",
    "a propos d'",
    "over ",
    "über ",
    "ueber ",
    "acerca de ",
    "sobre ",
    "informazioni su ",
    "chi è ",
    "chi siamo",
    "qui est ",
    "wie is ",
    "quiénes somos",
    "quem somos",
];

/// Headings of the notes to editors.
pub(crate) const NOTES: &[&str] = &[
    "notes to editors",
    "note to editors",
    "notes for editors",
    "note for editors",
    "editor's note",
    "editors' note",
    "editor's notes",
    "editors' notes",
    "notes to the editor",
    "note to the editor",
    "notes aux rédactions",
    "note aux rédactions",
    "notes à la rédaction",
    "note à la rédaction",
    "notes pour la rédaction",
    "note pour la rédaction",
    "noot voor de redactie",
    "noten voor de redactie",
    "nota voor de redactie",
    "hinweise für die redaktion",
    "hinweis für die redaktion",
    "hinweise für redaktionen",
    "hinweis für redaktionen",
    "hinweise an die redaktion",
    "hinweis an die redaktion",
    "für die redaktion",
    "redaktioneller hinweis",
    "notas para los editores",
    "nota para los editores",
    "notas para editores",
    "nota para editores",
    "note per le redazioni",
    "nota per le redazioni",
    "nota per la redazione",
    "note per la redazione",
    "notas para os editores",
    "nota para os editores",
    "notas aos editores",
    "notes",
    "background",
    "notas",
    "noten",
    "hinweise",
    "note",
    "anmerkungen",
    "opmerkingen",
    "nota bene",
];

/// Headings of the media-contact block.
pub(crate) const CONTACTS: &[&str] = &[
    "media contact",
    "media contacts",
    "press contact",
    "press contacts",
    "contact",
    "contacts",
    "media enquiries",
    "media inquiries",
    "press enquiries",
    "press inquiries",
    "for more information",
    "for further information",
    "for media enquiries",
    "for media inquiries",
    "press office",
    "contact presse",
    "contacts presse",
    "contact médias",
    "contacts médias",
    "perscontact",
    "perscontacten",
    "contact voor de pers",
    "pressekontakt",
    "pressekontakte",
    "kontakt",
    "medienkontakt",
    "contacto de prensa",
    "contactos de prensa",
    "contacto",
    "contatto stampa",
    "contatti stampa",
    "contatti",
    "contacto de imprensa",
    "contactos de imprensa",
    "contato de imprensa",
    "contatos de imprensa",
    "contato",
];

/// Month names and abbreviations, lower case, by language; index + 1 is
/// the month.
pub(crate) const MONTHS: &[(&str, [&str; 12])] = &[
    (
        "en",
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
    ),
    (
        "fr",
        [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
    ),
    (
        "nl",
        [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
    ),
    (
        "de",
        [
            "januar",
            "februar",
            "märz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember",
        ],
    ),
    (
        "es",
        [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
    ),
    (
        "it",
        [
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ],
    ),
    (
        "pt",
        [
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ],
    ),
];

/// Abbreviations the months' first letters do not give.
const MONTH_ABBREVIATIONS: &[(&str, u8)] =
    &[("sept", 9), ("févr", 2), ("mrt", 3), ("mär", 3), ("maerz", 3), ("fevr", 2)];

/// The month a word names, and the language, if it names one: full names,
/// and abbreviations of three letters or more ("Feb.", "sept.", "janv.").
pub(crate) fn month(word: &str) -> Option<(u8, &'static str)> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.chars().count() < 3 {
        return None;
    }
    for (lang, names) in MONTHS {
        if let Some(i) = names.iter().position(|m| *m == word) {
            return Some((i as u8 + 1, lang));
        }
    }
    if let Some((_, m)) = MONTH_ABBREVIATIONS.iter().find(|(a, _)| *a == word) {
        return Some((*m, ""));
    }
    for (lang, names) in MONTHS {
        if let Some(i) = names.iter().position(|m| m.starts_with(&word) && word.chars().count() >= 3) {
            // "mar" is March in several languages: the language is unknown.
            let _ = lang;
            return Some((i as u8 + 1, ""));
        }
    }
    None
}

/// Weekday names, to skip before a date.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
];

/// A calendar date found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn valid(year: i32, month: u8, day: u8) -> Option<Day> {
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    };
    ((1900..=2200).contains(&year) && (1..=days).contains(&day)).then_some(Day { year, month, day })
}

static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("valid"));
/// 3 March 2026, 3. März 2026, 1er mars 2026, 3rd of March 2026, 3 de marzo de 2026.
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:\.|er|e|st|nd|rd|th|º|°)?\s+(?:of\s+|de\s+)?(\p{L}{3,10}\.?)\s*,?\s+(?:de\s+|del\s+)?(\d{4})\b")
        .expect("valid")
});
/// March 3, 2026; Feb. 24, 2026; March 3rd 2026.
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\p{L}{3,10}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").expect("valid")
});
/// 03/03/2026, 3.3.2026, 03-03-2026.
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})([./-])(\d{1,2})([./-])(\d{4})\b").expect("valid"));

/// The first date in `text`, with the byte range it covers. `us` reads
/// 03/04/2026 as March 4.
pub(crate) fn find_date(text: &str, us: bool) -> Option<(Day, std::ops::Range<usize>)> {
    let mut found: Vec<(Day, std::ops::Range<usize>)> = Vec::new();
    if let Some(c) = ISO.captures(text)
        && let Some(day) = valid(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
    {
        found.push((day, c.get(0)?.range()));
    }
    for c in DAY_MONTH.captures_iter(text) {
        if let (Some((m, _)), Ok(d), Ok(y)) = (month(&c[2]), c[1].parse(), c[3].parse())
            && let Some(day) = valid(y, m, d)
        {
            found.push((day, c.get(0)?.range()));
            break;
        }
    }
    for c in MONTH_DAY.captures_iter(text) {
        if let (Some((m, _)), Ok(d), Ok(y)) = (month(&c[1]), c[2].parse(), c[3].parse())
            && let Some(day) = valid(y, m, d)
        {
            found.push((day, c.get(0)?.range()));
            break;
        }
    }
    if let Some(c) = NUMERIC.captures(text)
        && c[2] == c[4]
    {
        let (a, b, y): (u8, u8, i32) = (c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?);
        let day = if us && c[2] == *"/" { valid(y, a, b) } else { valid(y, b, a) };
        if let Some(day) = day {
            found.push((day, c.get(0)?.range()));
        }
    }
    found.into_iter().min_by_key(|(_, r)| r.start)
}

/// A line that is only a date (perhaps with a weekday, "le", a place):
/// the date.
pub(crate) fn date_line(text: &str, us: bool) -> Option<Day> {
    let (day, range) = find_date(text, us)?;
    let rest = format!("{} {}", &text[..range.start], &text[range.end..]).to_lowercase();
    let rest = rest.replace([',', '.', ':', '–', '—', '-', '(', ')'], " ");
    let leftover: Vec<&str> = rest
        .split_whitespace()
        .filter(|w| {
            !WEEKDAYS.contains(w)
                && !matches!(
                    *w,
                    "le" | "the" | "den" | "el" | "il" | "on" | "date" | "datum" | "fecha" | "data" | "dated"
                )
        })
        .collect();
    leftover.is_empty().then_some(day)
}

/// "Gent, 17 maart 2026", "Paris, le 3 mars 2026": a place, then the
/// date, alone on a line. The place and the date.
pub(crate) fn place_date(text: &str, us: bool) -> Option<(String, Day)> {
    let (day, range) = find_date(text, us)?;
    let (place, after) = text[..range.start].split_once(',')?;
    let place = place.trim();
    let words = place.split_whitespace().count();
    let capital = place.chars().next().is_some_and(char::is_uppercase);
    let rest = format!("{after} {}", &text[range.end..]);
    let ok = (1..=4).contains(&words)
        && capital
        && !place.chars().any(|c| c.is_ascii_digit())
        && date_line(&format!("{rest} {}", &text[range.clone()]), us).is_some();
    ok.then(|| (place.to_string(), day))
}

/// Small words by language, to tell the language of a text.
const STOPWORDS: &[(&str, &[&str])] = &[
    ("en", &["the", "and", "of", "to", "in", "is", "for", "with", "that", "on", "are", "will", "has"]),
    ("fr", &["le", "la", "les", "et", "des", "du", "en", "une", "est", "pour", "dans", "qui", "sur", "au"]),
    (
        "nl",
        &["de", "het", "een", "en", "van", "is", "op", "voor", "met", "zijn", "die", "dat", "niet", "wordt"],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "mit", "für", "von", "den", "ein", "eine", "nicht", "auf",
            "wird",
        ],
    ),
    ("es", &["el", "la", "los", "las", "y", "de", "que", "en", "para", "por", "con", "una", "del", "se"]),
    ("it", &["il", "la", "gli", "e", "di", "che", "per", "con", "una", "del", "della", "sono", "nel", "è"]),
    ("pt", &["o", "a", "os", "as", "e", "de", "que", "para", "com", "uma", "do", "da", "não", "em"]),
];

/// The language most of `text`'s small words belong to.
pub(crate) fn language_of(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    let mut best = (0usize, None);
    for (lang, list) in STOPWORDS {
        let count = words.iter().filter(|w| list.contains(w)).count();
        if count > best.0 {
            best = (count, Some(*lang));
        }
    }
    (best.0 >= 3).then_some(best.1).flatten()
}

/// "Page 1 of 2", "-more-": what a printed page adds.
pub(crate) fn is_page_furniture(text: &str) -> bool {
    static PAGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(page|pagina|página|seite)\s+\d+\s+(of|sur|van|von|de|di)\s+\d+$").expect("valid")
    });
    let t = text.trim();
    let lower = t.to_lowercase();
    // "Share: Facebook LinkedIn", "Partager cet article : …".
    static SHARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(share|partager|teilen|delen|compartir|condividi|compartilhar)( (this|cet|ce|diesen|dit|este|questo) \w+)?\s*:").expect("valid")
    });
    PAGE.is_match(t)
        || SHARE.is_match(t)
        || [
            "-more-", "- more -", "(more)", "…/…", ".../...", "-meer-", "-mehr-", "-más-", "-segue-",
            "-mais-", "-suite-",
        ]
        .contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_language() {
        let day = |y, m, d| Day { year: y, month: m, day: d };
        for (text, want) in [
            ("20 November 2014", day(2014, 11, 20)),
            ("November 20, 2014", day(2014, 11, 20)),
            ("Feb. 24, 2026", day(2026, 2, 24)),
            ("1er mars 2026", day(2026, 3, 1)),
            ("mardi 3 mars 2026", day(2026, 3, 3)),
            ("3 maart 2026", day(2026, 3, 3)),
            ("3. März 2026", day(2026, 3, 3)),
            ("3 de marzo de 2026", day(2026, 3, 3)),
            ("3 marzo 2026", day(2026, 3, 3)),
            ("3 de março de 2026", day(2026, 3, 3)),
            ("03/04/2026", day(2026, 4, 3)),
            ("2026-03-03", day(2026, 3, 3)),
            ("Brussels, 12 sept. 2026", day(2026, 9, 12)),
        ] {
            assert_eq!(find_date(text, false).map(|(d, _)| d), Some(want), "{text}");
        }
        assert_eq!(find_date("03/04/2026", true).map(|(d, _)| d), Some(day(2026, 3, 4)));
        assert_eq!(find_date("30 February 2026", false), None);
        assert_eq!(date_line("Tuesday, 3 March 2026", false), Some(day(2026, 3, 3)));
        assert_eq!(date_line("Brussels, 3 March 2026", false), None);
    }

    #[test]
    fn languages_and_furniture() {
        assert_eq!(language_of("De bibliotheek is op zondag open voor de inwoners van de stad"), Some("nl"));
        assert_eq!(
            language_of("La bibliothèque est ouverte le dimanche pour les habitants de la ville"),
            Some("fr")
        );
        assert!(
            is_page_furniture("Page 2 of 3") && is_page_furniture("-more-") && !is_page_furniture("Page two")
        );
    }
}
