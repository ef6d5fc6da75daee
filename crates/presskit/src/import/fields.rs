//! Reading one field out of a line of text: the embargo and its time zone,
//! the dateline run into the first paragraph, a quote's attribution, a
//! media contact.

use std::sync::LazyLock;

use regex::Regex;

use super::source::collapse;
use super::words::{Day, find_date};

/// What starts an embargo line, lower case.
const EMBARGO: &[&str] = &[
    "embargoed until",
    "embargoed till",
    "embargoed to",
    "under embargo until",
    "embargo until",
    "embargoed:",
    "embargo:",
    "embargoed",
    "not for publication before",
    "not for publication until",
    "not for release before",
    "not for release until",
    "hold for release until",
    "sous embargo jusqu'au",
    "sous embargo jusqu’au",
    "embargo jusqu'au",
    "embargo jusqu’au",
    "sous embargo",
    "embargo tot",
    "onder embargo tot",
    "onder embargo",
    "niet publiceren voor",
    "niet publiceren vóór",
    "sperrfrist",
    "sperrvermerk",
    "embargo hasta el",
    "embargo hasta",
    "bajo embargo hasta",
    "embargo fino al",
    "embargo fino alle",
    "embargo fino a",
    "embargo até",
    "embargo",
];

/// Time zones as releases write them, and their offsets in minutes.
const ZONES: &[(&str, i32)] = &[
    ("CEST", 120),
    ("MESZ", 120),
    ("CET", 60),
    ("MEZ", 60),
    ("HEC", 60),
    ("HAEC", 120),
    ("BST", 60),
    ("IST", 60),
    ("GMT", 0),
    ("UTC", 0),
    ("WET", 0),
    ("WEST", 60),
    ("EET", 120),
    ("EEST", 180),
    ("EST", -300),
    ("EDT", -240),
    ("CST", -360),
    ("CDT", -300),
    ("MST", -420),
    ("MDT", -360),
    ("PST", -480),
    ("PDT", -420),
    ("ET", -300),
    ("PT", -480),
];

/// An embargo line read: the moment as RFC 3339, the zone as written, and
/// what had to be assumed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EmbargoLine {
    pub rfc3339: String,
    pub zone: Option<String>,
    pub assumed: Vec<String>,
}

/// Whether `text` opens with an embargo keyword; the rest of the line.
pub(crate) fn embargo_rest(text: &str) -> Option<&str> {
    let t = text.trim().trim_start_matches(['*', '[', '(']);
    // Compared char by char: lower case may change a text's length in bytes.
    EMBARGO.iter().find_map(|k| {
        let n = k.chars().count();
        let end = t.char_indices().nth(n).map_or(t.len(), |(i, _)| i);
        (t[..end].to_lowercase() == *k).then(|| t[end..].trim_start_matches([':', ' ', '-', '–', '—']))
    })
}

/// Reads an embargo line: "EMBARGOED UNTIL 00:01 GMT, Thursday 5 March
/// 2026", "SPERRFRIST: 12. März 2026, 00:01 Uhr MEZ", "Embargo: 10.00
/// CET, 20 November 2014". `None` when it names no date.
pub(crate) fn embargo(text: &str, us: bool) -> Option<EmbargoLine> {
    let rest = embargo_rest(text)?;
    let (day, range) = find_date(rest, us)?;
    let without_date = format!("{} {}", &rest[..range.start], &rest[range.end..]);
    let mut assumed = Vec::new();
    let (hour, minute) = time_of_day(&without_date).unwrap_or_else(|| {
        assumed.push("the embargo names no time: 00:00 assumed".to_string());
        (0, 0)
    });
    let (zone, offset) = zone(&without_date, day).unwrap_or_else(|| {
        assumed.push(
            "the embargo names no time zone: UTC assumed; correct `embargo:` if it meant local time".into(),
        );
        (None, 0)
    });
    let sign = if offset < 0 { '-' } else { '+' };
    let rfc3339 =
        format!("{day}T{hour:02}:{minute:02}:00{sign}{:02}:{:02}", offset.abs() / 60, offset.abs() % 60);
    Some(EmbargoLine { rfc3339, zone, assumed })
}

/// "10:00", "10.00 Uhr", "10h00", "10 h", "9 a.m.", "12 noon", "midnight".
fn time_of_day(text: &str) -> Option<(u32, u32)> {
    static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(\d{1,2})\s*(?:[:.h]\s*(\d{2})|h\b|\s*uhr\b)?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?(?:\W|$)",
        )
        .expect("valid")
    });
    let lower = text.to_lowercase();
    if lower.contains("midnight")
        || lower.contains("minuit")
        || lower.contains("middernacht")
        || lower.contains("mitternacht")
    {
        return Some((0, 0));
    }
    for c in CLOCK.captures_iter(text) {
        let hour: u32 = c[1].parse().ok()?;
        let minute: u32 = c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
        let meridiem = c.get(3).map(|m| m.as_str().to_lowercase());
        // A bare number is a time only with minutes, "h", "Uhr" or am/pm.
        let whole = c[0].to_lowercase();
        if c.get(2).is_none() && meridiem.is_none() && !whole.contains('h') && !whole.contains("uhr") {
            continue;
        }
        let hour = match meridiem.as_deref().map(|m| m.starts_with('p')) {
            Some(true) if hour < 12 => hour + 12,
            Some(false) if hour == 12 => 0,
            _ => hour,
        };
        if hour < 24 && minute < 60 {
            return Some((hour, minute));
        }
    }
    lower.contains("noon").then_some((12, 0))
}

/// The zone a line names and its offset on `day`: "CET", "GMT+1",
/// "UTC−05:00", "Brussels time".
fn zone(text: &str, day: Day) -> Option<(Option<String>, i32)> {
    static OFFSET: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?\b").expect("valid"));
    if let Some(c) = OFFSET.captures(text) {
        let hours: i32 = c[3].parse().ok()?;
        let minutes: i32 = c.get(4).map_or(Some(0), |m| m.as_str().parse().ok())?;
        let sign = if &c[2] == "+" { 1 } else { -1 };
        return Some((Some(c[0].to_string()), sign * (hours * 60 + minutes)));
    }
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if let Some((name, offset)) = ZONES.iter().find(|(z, _)| *z == word) {
            return Some((Some((*name).to_string()), *offset));
        }
    }
    let lower = text.to_lowercase();
    let central = [
        "brussels time",
        "heure de bruxelles",
        "heure belge",
        "belgian time",
        "paris time",
        "heure de paris",
        "berlin time",
        "deutscher zeit",
        "amsterdam time",
        "nederlandse tijd",
        "belgische tijd",
        "hora de madrid",
        "hora peninsular",
        "ora italiana",
        "central european",
    ];
    if central.iter().any(|c| lower.contains(c)) {
        return Some((None, if european_summer(day) { 120 } else { 60 }));
    }
    if ["london time", "uk time", "british time"].iter().any(|c| lower.contains(c)) {
        return Some((None, if european_summer(day) { 60 } else { 0 }));
    }
    None
}

/// European summer time: from the last Sunday of March to the last Sunday
/// of October (the day's change at 01:00 UTC is below what a release
/// line says).
fn european_summer(day: Day) -> bool {
    let last_sunday =
        |month: u8, days: u8| (1..=days).rev().find(|&d| weekday(day.year, month, d) == 0).unwrap_or(days);
    match day.month {
        4..=9 => true,
        3 => day.day >= last_sunday(3, 31),
        10 => day.day < last_sunday(10, 31),
        _ => false,
    }
}

/// 0 = Sunday (Sakamoto).
fn weekday(year: i32, month: u8, day: u8) -> i32 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    (y + y / 4 - y / 100 + y / 400 + T[month as usize - 1] + day as i32).rem_euclid(7)
}

/// A dateline read off the start of the first paragraph.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Dateline {
    pub place: String,
    pub day: Option<Day>,
    /// Characters of plain text it covers, the dash and space after it
    /// included.
    pub chars: usize,
    /// The place was written in capitals with a US state or a month-first
    /// date ("SPRINGFIELD, Ill., Feb. 24, 2026 —").
    pub us: bool,
}

/// US state abbreviations in AP style, and postal codes.
const STATES: &[&str] = &[
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.",
    "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.",
    "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Vt.", "Va.",
    "Wash.", "W.Va.", "Wis.", "Wyo.", "D.C.", "Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Texas",
    "Utah",
];

/// The dateline that opens `plain`: a place (and perhaps a date) before a
/// dash. "Brussels, Belgium — The …", "LEEDS, 3 March 2026 – More …",
/// "SPRINGFIELD, Ill., Feb. 24, 2026 — Prairie …", "Hamburg, 10.03.2026 –".
pub(crate) fn dateline(plain: &str, us: bool) -> Option<Dateline> {
    static DASH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*(?:—|–|--|\s-)\s*").expect("valid"));
    let head: String = plain.chars().take(100).collect();
    let dash = DASH.find(&head)?;
    let prefix = head[..dash.start()].trim();
    // "Madrid, 03/03/2026.– La …": a full stop after the date.
    let prefix = match prefix.strip_suffix('.') {
        Some(p) if p.ends_with(|c: char| c.is_ascii_digit()) => p,
        _ => prefix,
    };
    if prefix.is_empty()
        || !prefix.chars().next()?.is_uppercase()
        || prefix.contains(['"', '“', '„', '«', ':', ';'])
    {
        return None;
    }
    let (place, day) = match find_date(prefix, us) {
        Some((day, range)) if range.end == prefix.len() => {
            // "Namur, le 10 mars 2026", "Köln, den 3. März 2026".
            let mut place = prefix[..range.start].trim();
            for article in [" le", " den", " am", " el", " il", " op", " em"] {
                place = place.strip_suffix(article).unwrap_or(place);
            }
            (place.trim().trim_end_matches(',').trim().to_string(), Some(day))
        }
        Some(_) => return None,
        None => (prefix.to_string(), None),
    };
    let parts: Vec<&str> = place.split(',').map(str::trim).collect();
    if place.is_empty() || parts.len() > 3 || parts.iter().any(|p| !place_like(p)) {
        return None;
    }
    let first = parts[0];
    let capitals = first.chars().any(char::is_alphabetic) && first.chars().all(|c| !c.is_lowercase());
    let state = parts.get(1).is_some_and(|p| STATES.contains(p));
    let month_first = day.is_some()
        && prefix[place.len()..].trim_start_matches([',', ' ']).starts_with(char::is_alphabetic);
    let us_style = capitals && (state || month_first);
    // Capitals are how the region prints the place, not its name.
    let place = if capitals && first.chars().filter(|c| c.is_alphabetic()).count() > 1 {
        std::iter::once(title_case(first))
            .chain(parts[1..].iter().map(|p| p.to_string()))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        parts.join(", ")
    };
    // "Acme Corp – the leading maker of …" is a sentence, not a dateline:
    // a place alone (no date, capitals or state) needs a sentence after it.
    let sentence_follows = head[dash.end()..].chars().next().is_none_or(char::is_uppercase);
    if day.is_none() && !capitals && !state && parts.len() == 1 && !sentence_follows {
        return None;
    }
    Some(Dateline { place, day, chars: head[..dash.end()].chars().count(), us: us_style })
}

/// A part of a place name: one to four words, each starting with a
/// capital (or a particle: "am", "de", "upon"), no sentence.
fn place_like(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase() || c == '(')
                || matches!(
                    *w,
                    "am" | "an"
                        | "der"
                        | "de"
                        | "del"
                        | "la"
                        | "le"
                        | "les"
                        | "upon"
                        | "on"
                        | "sur"
                        | "aan"
                        | "den"
                        | "im"
                        | "in"
                        | "di"
                        | "da"
                        | "do"
                        | "dos"
                        | "das"
                        | "sul"
                        | "sous"
                        | "en"
                        | "bei"
                        | "ob"
                        | "the"
                )
        })
}

/// "NEW YORK" → "New York", "WINSTON-SALEM" → "Winston-Salem".
fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start = true;
    for c in text.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic() && c != '\'' && c != '’';
    }
    out
}

/// A line that attributes the quote before it: "— Jane Doe, Director",
/// "-- Jane Doe". The name and role, without the dash.
pub(crate) fn attribution(plain: &str) -> Option<&str> {
    let t = plain.trim();
    let rest = ["—", "–", "--", "- ", "―"].iter().find_map(|d| t.strip_prefix(d))?;
    let rest = rest.trim();
    (!rest.is_empty() && rest.chars().count() <= 200 && rest.chars().next()?.is_uppercase()).then_some(rest)
}

/// Text that is one quotation, in any language's marks.
pub(crate) fn is_quotation(plain: &str) -> bool {
    let t = plain.trim();
    let open = ['"', '“', '„', '«', '‘', '‚', '»', '\''];
    let close = ['"', '”', '“', '»', '«', '’', '‘', '\''];
    t.chars().count() > 2
        && t.starts_with(open)
        && (t.ends_with(close) || t.trim_end_matches(['.', ',']).ends_with(close))
}

/// A media contact as the readers give it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Contact {
    pub name: Option<String>,
    pub role: Option<String>,
    pub org: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+").expect("valid"));
static PHONE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\+?[\d\s().\-/]{7,}\d$").expect("valid"));

/// Words that name a role rather than an organisation.
const ROLES: &[&str] = &[
    "officer",
    "manager",
    "director",
    "head",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "press",
    "communication",
    "coordinator",
    "advisor",
    "adviser",
    "chief",
    "president",
    "ceo",
    "executive",
    "lead",
    "editor",
    "secretary",
    "assistant",
    "specialist",
    "relations",
    "sprecher",
    "coordinatrice",
    "coördinator",
    "verantwoordelijke",
    "referent",
    "leiter",
    "leitung",
    "vorstand",
    "woordvoerder",
    "medewerker",
    "perschef",
    "porte-parole",
    "chargé",
    "chargée",
    "responsable",
    "attaché",
    "attachée",
    "directeur",
    "directrice",
    "portavoz",
    "jefe",
    "jefa",
    "gabinete",
    "addetto",
    "addetta",
    "ufficio",
    "direttore",
    "direttrice",
    "assessor",
    "assessora",
    "diretor",
    "diretora",
    "assessorin",
    "pressestelle",
];

/// Reads media contacts from the lines of a contact block. `groups` holds
/// one entry per block of the source; a block of several lines is one
/// contact, single lines are grouped until a line after an email or phone
/// starts another. `orgs` are organisation names the document gives.
pub(crate) fn contacts(groups: &[Vec<String>], orgs: &[String]) -> Vec<Contact> {
    let many = groups.iter().any(|g| g.len() > 1);
    let mut out: Vec<Contact> = Vec::new();
    let mut current = Contact::default();
    for group in groups {
        for line in group {
            let parts = split_parts(line);
            let texts: Vec<&String> = parts.iter().filter(|p| kind(p) == Part::Text).collect();
            if current.email.is_some() || current.phone.is_some() {
                let starts_new = !many && !texts.is_empty() && current.name.is_some();
                if starts_new {
                    out.push(std::mem::take(&mut current));
                }
            }
            for part in &parts {
                let value = strip_prefix(part);
                match kind(part) {
                    Part::Email => {
                        current.email.get_or_insert_with(|| {
                            EMAIL.find(&value).map_or(value.clone(), |m| m.as_str().to_string())
                        });
                    }
                    Part::Phone => {
                        current.phone.get_or_insert(value);
                    }
                    Part::Text => text_part(&mut current, &value, orgs),
                }
            }
        }
        if many && current != Contact::default() {
            out.push(std::mem::take(&mut current));
        }
    }
    if current != Contact::default() {
        out.push(current);
    }
    out.retain(|c| c.name.is_some() || c.email.is_some());
    out
}

fn text_part(contact: &mut Contact, value: &str, orgs: &[String]) {
    let is_org = |v: &str| {
        let v = v.to_lowercase();
        orgs.iter().any(|o| !o.is_empty() && (v == o.to_lowercase() || v.contains(&o.to_lowercase())))
    };
    let is_role = |v: &str| {
        let lower = v.to_lowercase();
        // Compounds hold the role: "Persverantwoordelijke", "Pressesprecherin".
        lower
            .split(|c: char| !c.is_alphabetic() && c != '-')
            .any(|w| ROLES.iter().any(|r| w.starts_with(r) || (r.chars().count() >= 7 && w.contains(r))))
    };
    // "woordvoerder Vlaamse Roeiliga": a role in lower case, then the org.
    if contact.name.is_some()
        && contact.role.is_none()
        && value.starts_with(char::is_lowercase)
        && is_role(value)
    {
        let words: Vec<&str> = value.split_whitespace().collect();
        if let Some(at) = words.iter().position(|w| w.starts_with(char::is_uppercase))
            && at > 0
        {
            contact.role = Some(words[..at].join(" "));
            text_part(contact, &words[at..].join(" "), orgs);
            return;
        }
    }
    // "Communications Manager, Riverbend Public Library": role, then org.
    if contact.name.is_some()
        && contact.role.is_none()
        && let Some((role, org)) = value.split_once(", ")
        && is_role(role)
        && !is_role(org)
    {
        contact.role = Some(role.trim().to_string());
        text_part(contact, org.trim(), orgs);
        return;
    }
    if contact.name.is_none() {
        // "Dana Whitfield, Communications Manager"
        if let Some((name, rest)) = value.split_once(", ").filter(|(n, _)| n.split_whitespace().count() <= 4)
        {
            contact.name = Some(name.trim().to_string());
            for piece in rest.split(", ") {
                text_part(contact, piece.trim(), orgs);
            }
        } else {
            contact.name = Some(value.to_string());
        }
    } else if is_org(value) && contact.org.is_none() {
        contact.org = Some(value.to_string());
    } else if is_role(value) && contact.role.is_none() {
        contact.role = Some(value.to_string());
    } else if contact.org.is_none() && (contact.role.is_some() || !is_role(value)) {
        contact.org = Some(value.to_string());
    } else if contact.role.is_none() {
        contact.role = Some(value.to_string());
    } else if let Some(org) = &mut contact.org {
        org.push_str(", ");
        org.push_str(value);
    }
}

#[derive(PartialEq)]
enum Part {
    Email,
    Phone,
    Text,
}

fn kind(part: &str) -> Part {
    let value = strip_prefix(part);
    if EMAIL.is_match(&value) && value.split_whitespace().count() <= 2 {
        Part::Email
    } else if PHONE.is_match(&value) && value.chars().filter(char::is_ascii_digit).count() >= 7 {
        Part::Phone
    } else {
        Part::Text
    }
}

/// "Tel.: +32 …", "Email: …", "M: …" without the label.
fn strip_prefix(part: &str) -> String {
    static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:tel|tél|tele(?:phone|fon|fono)|phone|ph|t|m|mob|mobile|mobil|gsm|cell|handy|móvil|cellulare|e-?mail|mail|courriel|correo|e)\s*\.?\s*:?\s+").expect("valid")
    });
    let t = part.trim();
    let stripped = PREFIX.replace(t, "");
    // "T" or "E" alone as a word of the text is not a prefix.
    if stripped.len() < t.len() && (EMAIL.is_match(&stripped) || PHONE.is_match(stripped.trim())) {
        collapse(&stripped)
    } else {
        collapse(t)
    }
}

/// A contact line cut where it joins several parts: " | ", " · ", " / "
/// between an email and a phone, ", " before an email or phone.
fn split_parts(line: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    // " – " parts a line too: "02 38 55 14 27 – presse@example.fr".
    let line =
        line.split([' ', '\u{a0}']).collect::<Vec<_>>().join(" ").replace(" – ", " | ").replace(" — ", " | ");
    for piece in line.split(['|', '·', '•', ';', '\t']) {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        // "Jane Doe, jane@x.org, +32 …": commas before an email or phone.
        let pieces: Vec<&str> = piece.split(", ").collect();
        if pieces.len() > 1 && pieces.iter().skip(1).any(|p| kind(p) != Part::Text) {
            let mut text = Vec::new();
            for p in pieces {
                if kind(p) == Part::Text {
                    text.push(p);
                } else {
                    if !text.is_empty() {
                        parts.push(text.join(", "));
                        text.clear();
                    }
                    parts.push(p.to_string());
                }
            }
            if !text.is_empty() {
                parts.push(text.join(", "));
            }
        } else if let Some((a, b)) =
            piece.split_once(" / ").filter(|(a, b)| kind(a) != Part::Text || kind(b) != Part::Text)
        {
            parts.push(a.to_string());
            parts.push(b.to_string());
        } else {
            parts.push(piece.to_string());
        }
    }
    parts
}

/// Whether a line reads as a contact's email or phone.
pub(crate) fn has_reach(line: &str) -> bool {
    split_parts(line).iter().any(|p| kind(p) != Part::Text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_whose_lower_case_is_longer_do_not_cut_a_character() {
        // "İ" lower-cases to two characters; found by the property test.
        assert_eq!(embargo_rest("İİ 1. An item"), None);
        // "Ⱥ" (2 bytes) lower-cases to "ⱥ" (3 bytes): the case it shrank to.
        assert_eq!(embargo_rest("Ⱥ"), None);
        assert_eq!(embargo_rest("EMBARGOED UNTIL İ"), Some("İ"));
    }

    #[test]
    fn embargoes_with_their_zones() {
        let got = |t: &str| embargo(t, false).map(|e| e.rfc3339);
        assert_eq!(
            got("EMBARGOED UNTIL 00:01 GMT, Thursday 5 March 2026").as_deref(),
            Some("2026-03-05T00:01:00+00:00")
        );
        assert_eq!(
            got("SPERRFRIST: Donnerstag, 12. März 2026, 00:01 Uhr MEZ").as_deref(),
            Some("2026-03-12T00:01:00+01:00")
        );
        assert_eq!(got("Embargo: 20 November 2014, 10h00 CET").as_deref(), Some("2014-11-20T10:00:00+01:00"));
        assert_eq!(
            got("Embargoed until 9 a.m. EST, March 3, 2026").as_deref(),
            Some("2026-03-03T09:00:00-05:00")
        );
        assert_eq!(
            got("Sous embargo jusqu'au 3 juillet 2026, 10 h, heure de Bruxelles").as_deref(),
            Some("2026-07-03T10:00:00+02:00")
        );
        assert_eq!(got("EMBARGO: 2026-03-05 11:00 UTC+2").as_deref(), Some("2026-03-05T11:00:00+02:00"));
        let bare = embargo("Embargoed until 5 March 2026", false).expect("a date");
        assert_eq!(bare.rfc3339, "2026-03-05T00:00:00+00:00");
        assert_eq!(bare.assumed.len(), 2);
        assert!(embargo("For immediate release", false).is_none());
    }

    #[test]
    fn datelines_eu_and_us() {
        let d = dateline("Brussels, Belgium — The report", false).expect("a dateline");
        assert_eq!((d.place.as_str(), d.day, d.us), ("Brussels, Belgium", None, false));
        assert_eq!(&"Brussels, Belgium — The report".chars().skip(d.chars).collect::<String>(), "The report");
        let d = dateline("SPRINGFIELD, Ill., Feb. 24, 2026 — Prairie Food Bank", true).expect("a dateline");
        assert_eq!((d.place.as_str(), d.us), ("Springfield, Ill.", true));
        assert_eq!(d.day.map(|d| d.to_string()).as_deref(), Some("2026-02-24"));
        let d = dateline("Hamburg, 10.03.2026 – Ein Viertel", false).expect("a dateline");
        assert_eq!(d.place, "Hamburg");
        assert!(dateline("The museum – which opened in 1990 – closes", false).is_none());
        assert!(dateline("“We are ready” – said the director", false).is_none());
    }

    #[test]
    fn contacts_from_lines() {
        let orgs = vec!["Riverkeepers Trust".to_string()];
        let lines: Vec<Vec<String>> = [
            "Tom Reilly",
            "Press Officer",
            "Riverkeepers Trust",
            "press@riverkeepers.org.uk",
            "+44 113 496 0721",
        ]
        .iter()
        .map(|l| vec![l.to_string()])
        .collect();
        let got = contacts(&lines, &orgs);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].role.as_deref(), Some("Press Officer"));
        assert_eq!(got[0].org.as_deref(), Some("Riverkeepers Trust"));
        assert_eq!(got[0].phone.as_deref(), Some("+44 113 496 0721"));
        let block = vec![vec![
            "Dana Whitfield, Communications Manager".to_string(),
            "Prairie Food Bank Network".to_string(),
            "217-555-0188 | dwhitfield@prairiefoodbank.org".to_string(),
        ]];
        let got = contacts(&block, &[]);
        assert_eq!(got[0].name.as_deref(), Some("Dana Whitfield"));
        assert_eq!(got[0].role.as_deref(), Some("Communications Manager"));
        assert_eq!(got[0].org.as_deref(), Some("Prairie Food Bank Network"));
        assert_eq!(got[0].email.as_deref(), Some("dwhitfield@prairiefoodbank.org"));
        let two = vec![
            vec!["Jonas Petersen".to_string(), "Tel. 040 3861 4472".to_string(), "presse@x.de".to_string()],
            vec!["Ana Ruiz · ana@x.de".to_string()],
        ];
        let got = contacts(&two, &[]);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].phone.as_deref(), Some("040 3861 4472"));
        assert_eq!(got[1].email.as_deref(), Some("ana@x.de"));
    }
}
