//! Every word presskit prints on its own, in one table, and the formatting of
//! dates and embargo lines. English only for now; a language is a new table.

use serde::Serialize;

use crate::model::{Date, Embargo, Region};

/// The words of one language.
#[derive(Debug, Clone, Serialize)]
pub struct Labels {
    /// The label at the top of page 1.
    pub release: &'static str,
    /// The release line when there is no embargo.
    pub immediate: &'static str,
    /// Before the embargo moment.
    pub embargoed_until: &'static str,
    /// "Page X of Y": the text before X, between X and Y, and after Y.
    pub page: [&'static str; 3],
    /// At the foot of every page that continues.
    pub more: &'static str,
    /// Heading of the notes to editors.
    pub notes_to_editors: &'static str,
    /// Heading of the media-contact block (one contact, several).
    pub contact: [&'static str; 2],
    /// Prefix of a generated "About …" heading.
    pub about: &'static str,
    /// End marks by region: US, UK, EU.
    pub end_marks: [&'static str; 3],
    month_names: [&'static str; 12],
    month_abbrev: [&'static str; 12],
}

/// English.
pub const EN: Labels = Labels {
    release: "MEDIA RELEASE",
    immediate: "FOR IMMEDIATE RELEASE",
    embargoed_until: "EMBARGOED UNTIL",
    page: ["Page ", " of ", ""],
    more: "-more-",
    notes_to_editors: "Notes to editors",
    contact: ["Media contact", "Media contacts"],
    about: "About",
    end_marks: ["###", "ENDS", "ENDS"],
    month_names: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    // AP style abbreviates long month names in datelines.
    month_abbrev: [
        "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
    ],
};

impl Labels {
    /// The labels for a language tag. Every language gets English until its
    /// table exists.
    pub fn for_language(_language: &str) -> &'static Labels {
        &EN
    }

    /// The end mark of a region.
    pub fn end_mark(&self, region: Region) -> &'static str {
        match region {
            Region::Us => self.end_marks[0],
            Region::Uk => self.end_marks[1],
            Region::Eu => self.end_marks[2],
        }
    }

    /// A date as the region writes it: "November 20, 2014" (US) or
    /// "20 November 2014".
    pub fn date(&self, date: Date, region: Region) -> String {
        let month = self.month_names[usize::from(date.month() - 1)];
        match region {
            Region::Us => format!("{month} {}, {}", date.day(), date.year()),
            Region::Uk | Region::Eu => format!("{} {month} {}", date.day(), date.year()),
        }
    }

    /// A date in a US dateline: "Nov. 20, 2014".
    pub fn dateline_date(&self, date: Date) -> String {
        let month = self.month_abbrev[usize::from(date.month() - 1)];
        format!("{month} {}, {}", date.day(), date.year())
    }

    /// The embargo line: "EMBARGOED UNTIL 10:00 UTC+01:00, 20 November 2014"
    /// (UK/EU) or "EMBARGOED UNTIL 10:00 A.M. UTC−05:00, MARCH 4, 2026" (US).
    pub fn embargo(&self, embargo: Embargo, region: Region) -> String {
        let (hour, minute) = embargo.time();
        let zone = utc_offset(embargo.offset_minutes());
        let date = self.date(embargo.date(), region);
        match region {
            Region::Us => {
                let (h12, half) = match hour {
                    0 => (12, "A.M."),
                    1..=11 => (hour, "A.M."),
                    12 => (12, "P.M."),
                    _ => (hour - 12, "P.M."),
                };
                format!("{} {h12}:{minute:02} {half} {zone}, {}", self.embargoed_until, date.to_uppercase())
            }
            Region::Uk | Region::Eu => {
                format!("{} {hour:02}:{minute:02} {zone}, {date}", self.embargoed_until)
            }
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

    #[test]
    fn dates_by_region() {
        let d = Date::parse("2014-11-20").unwrap();
        assert_eq!(EN.date(d, Region::Eu), "20 November 2014");
        assert_eq!(EN.date(d, Region::Us), "November 20, 2014");
        assert_eq!(EN.dateline_date(d), "Nov. 20, 2014");
    }

    #[test]
    fn embargo_lines() {
        let e = Embargo::parse("2014-11-20T10:00:00+01:00").unwrap();
        assert_eq!(EN.embargo(e, Region::Eu), "EMBARGOED UNTIL 10:00 UTC+01:00, 20 November 2014");
        let e = Embargo::parse("2026-03-04T21:30:00-05:00").unwrap();
        assert_eq!(EN.embargo(e, Region::Us), "EMBARGOED UNTIL 9:30 P.M. UTC−05:00, MARCH 4, 2026");
        let e = Embargo::parse("2026-03-04T00:01:00Z").unwrap();
        assert_eq!(EN.embargo(e, Region::Uk), "EMBARGOED UNTIL 00:01 UTC, 4 March 2026");
    }
}
