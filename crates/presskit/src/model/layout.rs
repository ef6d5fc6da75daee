//! Themes and layout settings: how a brand's letterhead is arranged
//! (`defaults.presskit.theme` and friends in `_brand.yml`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize};

use crate::model::Asset;

/// A built-in look. Each lays out everything a release has; they differ in
/// arrangement, type and accent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// A letterhead: logo and address over a fine rule, serif text.
    #[default]
    Classic,
    /// A colour band across the top, sans text, the headline in colour.
    Modern,
    /// A newsroom sheet: narrow margins, small type, dense.
    Compact,
}

impl Theme {
    /// Every theme, in the order the docs show them.
    pub const ALL: [Theme; 3] = [Theme::Classic, Theme::Modern, Theme::Compact];

    /// The theme's name, as written in brand files.
    pub fn name(self) -> &'static str {
        match self {
            Self::Classic => "classic",
            Self::Modern => "modern",
            Self::Compact => "compact",
        }
    }
}

impl fmt::Display for Theme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Theme {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| format!("unknown theme `{text}`; the themes are classic, modern and compact"))
    }
}

/// Which side of the letterhead the logo stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// On the left, the address opposite.
    Left,
    /// On the right, the address opposite.
    Right,
}

/// Where the organisation's address is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AddressPlace {
    /// In the letterhead, beside the logo.
    Header,
    /// In the footer of every page.
    Footer,
    /// Nowhere.
    None,
}

/// How the brand colour marks the letterhead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Accent {
    /// A fine rule under the letterhead.
    Rule,
    /// A band of colour across the top of page 1.
    Band,
    /// No accent.
    None,
}

/// Page margins in millimetres; each left out takes the theme's.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Margins {
    /// Top margin.
    pub top: Option<f64>,
    /// Bottom margin.
    pub bottom: Option<f64>,
    /// Left margin.
    pub left: Option<f64>,
    /// Right margin.
    pub right: Option<f64>,
}

/// A brand's layout: its theme, the settings that change it, or a Typst
/// template of its own.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    /// The built-in theme.
    pub theme: Theme,
    /// Logo side; default: the theme's.
    pub logo_position: Option<Side>,
    /// Logo height in millimetres; default: the theme's.
    pub logo_height_mm: Option<f64>,
    /// Where the address goes; default: the theme's.
    pub address: Option<AddressPlace>,
    /// The colour accent; default: the theme's.
    pub accent: Option<Accent>,
    /// Page margins; each left out takes the theme's.
    pub margins: Margins,
    /// A Typst file that replaces the built-in template
    /// (`defaults.presskit.template`): it receives the same data.
    pub template: Option<Asset>,
}

/// A theme's settings once the brand's own are applied.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LayoutSettings {
    pub theme: Theme,
    pub logo_position: Side,
    pub logo_height_mm: f64,
    pub address: AddressPlace,
    pub accent: Accent,
    pub margins: LayoutMargins,
    /// The body text's family unless the brand names one.
    #[serde(skip)]
    pub text_family: &'static str,
    /// The body text's size in points unless the brand gives one.
    #[serde(skip)]
    pub text_size: f64,
    /// The headline's size in points.
    pub headline_size: f64,
    /// The width of the line beside a block quote, in points.
    pub quote_rule_pt: f64,
    /// The rule under the letterhead, where the accent is a rule.
    pub rule: Rule,
    /// The space under the letterhead where there is no rule, in mm.
    pub letterhead_gap_mm: f64,
    /// How the label, release line and date are set.
    pub header: HeaderStyle,
}

/// The rule under the letterhead: the space above and below it (mm) and
/// its thickness (points).
#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) struct Rule {
    pub above_mm: f64,
    pub thickness_pt: f64,
    pub below_mm: f64,
}

/// How the label, the release line and the date are set on page 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum HeaderStyle {
    /// The label on a line, then the release line and the date.
    Stacked,
    /// All three on one line.
    OneLine,
}

/// Margins in millimetres.
#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) struct LayoutMargins {
    pub top: f64,
    pub bottom: f64,
    pub left: f64,
    pub right: f64,
}

impl Layout {
    /// The settings to lay out with: the brand's, else its theme's.
    pub(crate) fn settings(&self) -> LayoutSettings {
        let (side, logo, address, accent, [top, bottom, x], family, size, headline) = match self.theme {
            Theme::Classic => {
                (Side::Left, 16.0, AddressPlace::Header, Accent::Rule, [22.0, 26.0, 22.0], SERIF, 10.5, 19.0)
            }
            Theme::Modern => {
                (Side::Left, 14.0, AddressPlace::Footer, Accent::Band, [24.0, 26.0, 20.0], SANS, 10.5, 23.0)
            }
            Theme::Compact => {
                (Side::Right, 10.0, AddressPlace::Footer, Accent::Rule, [15.0, 20.0, 16.0], SERIF, 9.5, 15.0)
            }
        };
        let m = self.margins;
        LayoutSettings {
            theme: self.theme,
            logo_position: self.logo_position.unwrap_or(side),
            logo_height_mm: self.logo_height_mm.unwrap_or(logo),
            address: self.address.unwrap_or(address),
            accent: self.accent.unwrap_or(accent),
            margins: LayoutMargins {
                top: m.top.unwrap_or(top),
                bottom: m.bottom.unwrap_or(bottom),
                left: m.left.unwrap_or(x),
                right: m.right.unwrap_or(x),
            },
            text_family: family,
            text_size: size,
            headline_size: headline,
            quote_rule_pt: if self.theme == Theme::Modern { 3.0 } else { 1.5 },
            rule: match self.theme {
                Theme::Compact => Rule { above_mm: 2.5, thickness_pt: 0.8, below_mm: 5.0 },
                _ => Rule { above_mm: 3.5, thickness_pt: 1.2, below_mm: 7.0 },
            },
            letterhead_gap_mm: if self.theme == Theme::Compact { 5.0 } else { 8.0 },
            header: if self.theme == Theme::Compact { HeaderStyle::OneLine } else { HeaderStyle::Stacked },
        }
    }
}

const SERIF: &str = "Source Serif 4";
const SANS: &str = "Source Sans 3";

/// A length in millimetres, written as a number of millimetres or with a
/// unit: `16`, `16mm`, `1.6cm`, `0.6in`, `45pt`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Millimetres(pub f64);

impl FromStr for Millimetres {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let split = text.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        let factor = match unit.trim() {
            "" | "mm" => 1.0,
            "cm" => 10.0,
            "in" => 25.4,
            "pt" => 25.4 / 72.0,
            other => return Err(format!("`{other}` is not a unit of length; use mm, cm, in or pt")),
        };
        let value: f64 = number.trim().parse().map_err(|_| format!("`{text}` is not a length like 16mm"))?;
        let mm = value * factor;
        if !(0.0..=200.0).contains(&mm) {
            return Err(format!("{text} is out of range (0 to 200 mm)"));
        }
        Ok(Self(mm))
    }
}

impl<'de> Deserialize<'de> for Millimetres {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(f64),
            Text(String),
        }
        let text = match Raw::deserialize(deserializer)? {
            Raw::Number(n) => n.to_string(),
            Raw::Text(t) => t,
        };
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_take_units() {
        assert_eq!("16".parse::<Millimetres>(), Ok(Millimetres(16.0)));
        assert_eq!("1.5cm".parse::<Millimetres>(), Ok(Millimetres(15.0)));
        assert_eq!("1in".parse::<Millimetres>(), Ok(Millimetres(25.4)));
        assert!("3 furlongs".parse::<Millimetres>().unwrap_err().contains("not a unit"));
        assert!("900mm".parse::<Millimetres>().unwrap_err().contains("out of range"));
    }

    #[test]
    fn settings_override_the_theme() {
        let layout = Layout { theme: Theme::Compact, logo_position: Some(Side::Left), ..Layout::default() };
        let settings = layout.settings();
        assert_eq!((settings.logo_position, settings.address), (Side::Left, AddressPlace::Footer));
        assert_eq!("Modern".parse::<Theme>(), Ok(Theme::Modern));
        assert!("fancy".parse::<Theme>().unwrap_err().contains("classic, modern and compact"));
    }
}
