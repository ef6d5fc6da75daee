//! Where an input's parts stand in its file, noted from the parsers' spans
//! while it is loaded, so that warnings and late errors point at lines
//! without keeping the text to search it again.

use crate::error::Location;

/// Where the parts of one input file stand.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Places {
    /// Every field and list item by path (`contacts[1].email`), in file order.
    pub fields: Vec<Field>,
    /// Lines before a `.md` file's body.
    pub body_line: Option<usize>,
    /// The Markdown fields as written (`body`, `notes_to_editors`), for the
    /// checks of what the model no longer shows (unused footnotes, link
    /// schemes), with the lines before them when the text stands in the
    /// file as is (a `.md` body).
    pub markdown: Vec<(&'static str, String, Option<usize>)>,
    /// The file's size in bytes, for limits on inputs taken together.
    pub size: u64,
}

/// A field or list item and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field {
    /// `headline`, `contacts[1]`, `typography.base.family`.
    pub path: String,
    pub at: Location,
    /// The text of a scalar value, and where the value starts.
    pub value: Option<(String, Location)>,
}

impl Places {
    /// The place of field `key`: the top-level field if there is one, else
    /// the first nested one of that name (brand fields are nested).
    pub fn key(&self, key: &str) -> Option<Location> {
        let nested = format!(".{key}");
        let find = |pred: &dyn Fn(&Field) -> bool| self.fields.iter().find(|f| pred(f)).map(|f| f.at);
        find(&|f| f.path == key).or_else(|| find(&|f| f.path.ends_with(&nested)))
    }

    /// The places of the items of the list field `key`.
    pub fn items(&self, key: &str) -> Vec<Location> {
        let prefix = format!("{key}[");
        self.fields
            .iter()
            .filter(|f| {
                f.path.strip_prefix(&prefix).is_some_and(|rest| rest.ends_with(']') && !rest.contains('.'))
            })
            .map(|f| f.at)
            .collect()
    }

    /// The place of a scalar `value` (a path, a family name): in a field
    /// named `key` if one holds it, else in any field.
    pub fn value(&self, key: &str, value: &str) -> Option<Location> {
        let holds = |f: &&Field| f.value.as_ref().is_some_and(|(v, _)| v == value);
        let named = |f: &&Field| {
            let last = f.path.rsplit('.').next().unwrap_or(&f.path);
            last == key || last.starts_with(&format!("{key}["))
        };
        let found = self.fields.iter().filter(holds).find(named).or_else(|| self.fields.iter().find(holds));
        found.and_then(|f| f.value.as_ref()).map(|(_, at)| *at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(path: &str, line: usize, value: Option<&str>) -> Field {
        let at = Location { line, column: 1 };
        Field { path: path.into(), at, value: value.map(|v| (v.into(), at)) }
    }

    #[test]
    fn keys_items_and_values_are_found_by_path() {
        let places = Places {
            fields: vec![
                field("contacts", 2, None),
                field("contacts[0]", 3, None),
                field("contacts[0].name", 3, Some("Jo")),
                field("contacts[1]", 4, None),
                field("meta.contacts", 6, None),
                field("typography.base.family", 8, Some("Inter")),
                field("note", 9, Some("Inter")),
            ],
            ..Places::default()
        };
        assert_eq!(places.key("contacts").map(|l| l.line), Some(2));
        assert_eq!(places.key("family").map(|l| l.line), Some(8));
        assert_eq!(places.key("absent"), None);
        assert_eq!(places.items("contacts").iter().map(|l| l.line).collect::<Vec<_>>(), [3, 4]);
        assert_eq!(places.value("family", "Inter").map(|l| l.line), Some(8));
        assert_eq!(places.value("other", "Inter").map(|l| l.line), Some(8));
        assert_eq!(places.value("name", "An"), None);
    }
}
