//! Structured text as a tree of values that know where they stand: the
//! places of an input's fields ([`fields`]), and the TOML reader, whose
//! errors come out typed ([`from_toml`]) instead of as serde's messages.
//!
//! YAML and JSON are read into the model by serde-saphyr itself (its
//! errors are typed already, and a YAML scalar keeps its text: `0123` stays
//! `0123`); their tree is read only for the places.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};

use crate::error::Location;
use crate::input::parse::{self, Syntax};
use crate::model::Field;

/// A value and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    at: Pos,
    value: Value,
}

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Entries in file order, each key with its place.
    Map(Vec<(String, Pos, Node)>),
}

/// A place as a parser gives it: a line and column (YAML) or a byte
/// offset (TOML), made a [`Location`] once the tree is built.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Pos {
    At(Location),
    Offset(usize),
}

impl Pos {
    fn location(self, text: &str) -> Location {
        match self {
            Pos::At(location) => location,
            Pos::Offset(offset) => Location::from_offset(text, offset),
        }
    }
}

/// The fields of structured text and where each stands, by path
/// (`contacts[1].email`), in file order; `line_offset` is the number of
/// lines before `text` in its file. Empty if the text cannot be read:
/// places serve warnings, which stand without them.
pub(crate) fn fields(text: &str, syntax: Syntax, line_offset: usize) -> Vec<Field> {
    let tree = match syntax {
        // JSON is YAML as far as places go.
        Syntax::Yaml | Syntax::Json => {
            serde_saphyr::from_str_with_options::<Spanned<Yaml>>(text, parse::yaml_options())
                .ok()
                .map(|s| s.0)
        }
        Syntax::Toml => toml::from_str::<Spanned<Toml>>(text).ok().map(|s| s.0),
    };
    let mut out = Vec::new();
    if let Some(tree) = tree {
        flatten(&tree, String::new(), text, line_offset, &mut out);
    }
    out
}

fn flatten(node: &Node, path: String, text: &str, line_offset: usize, out: &mut Vec<Field>) {
    match &node.value {
        Value::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                let path = format!("{path}[{i}]");
                let at = item.at.location(text).shifted(line_offset);
                out.push(Field { path: path.clone(), at, value: item.scalar().map(|v| (v, at)) });
                flatten(item, path, text, line_offset, out);
            }
        }
        Value::Map(entries) => {
            for (key, at, value) in entries {
                let path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                let value_at = value.at.location(text).shifted(line_offset);
                let scalar = value.scalar().map(|v| (v, value_at));
                out.push(Field {
                    path: path.clone(),
                    at: at.location(text).shifted(line_offset),
                    value: scalar,
                });
                flatten(value, path, text, line_offset, out);
            }
        }
        _ => {}
    }
}

impl Node {
    /// The text of a string or integer.
    fn scalar(&self) -> Option<String> {
        match &self.value {
            Value::Str(s) => Some(s.clone()),
            Value::Int(i) => Some(i.to_string()),
            _ => None,
        }
    }
}

/// Reads TOML into `T`. A syntax error comes back as the TOML parser's
/// error; a value that does not fit `T` as a typed [`DeError`] at the
/// value's place.
pub(crate) fn from_toml<T: DeserializeOwned>(text: &str) -> Result<T, TomlError> {
    let tree = toml::from_str::<Spanned<Toml>>(text).map_err(TomlError::Syntax)?.0;
    T::deserialize(Reader { node: &tree, text }).map_err(TomlError::Data)
}

/// Why TOML could not be read.
pub(crate) enum TomlError {
    Syntax(toml::de::Error),
    Data(DeError),
}

/// A value that does not fit the model, as serde reports it, with the place
/// of the innermost value it concerns.
#[derive(Debug)]
pub(crate) struct DeError {
    pub what: DeErrorKind,
    pub at: Option<Location>,
}

/// What serde found wrong, kept apart instead of formatted into a message.
#[derive(Debug)]
pub(crate) enum DeErrorKind {
    UnknownField {
        field: String,
        expected: &'static [&'static str],
    },
    MissingField(&'static str),
    UnknownVariant {
        variant: String,
        expected: &'static [&'static str],
    },
    /// A value of the wrong type or form: what was found, what was wanted.
    Invalid {
        found: String,
        expected: String,
    },
    /// A message of the model's own (a date that does not exist, say).
    Custom(String),
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.what {
            DeErrorKind::UnknownField { field, .. } => write!(f, "unknown field `{field}`"),
            DeErrorKind::MissingField(field) => write!(f, "missing field `{field}`"),
            DeErrorKind::UnknownVariant { variant, .. } => write!(f, "unknown value `{variant}`"),
            DeErrorKind::Invalid { found, expected } => {
                write!(f, "invalid value: {found}, expected {expected}")
            }
            DeErrorKind::Custom(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for DeError {}

impl DeError {
    fn new(what: DeErrorKind) -> Self {
        Self { what, at: None }
    }

    /// Sets the place unless an inner value has set it.
    fn or_at(mut self, at: Location) -> Self {
        self.at.get_or_insert(at);
        self
    }
}

impl de::Error for DeError {
    fn custom<M: fmt::Display>(message: M) -> Self {
        Self::new(DeErrorKind::Custom(message.to_string()))
    }
    fn invalid_type(found: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Self::new(DeErrorKind::Invalid { found: found.to_string(), expected: expected.to_string() })
    }
    fn invalid_value(found: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Self::invalid_type(found, expected)
    }
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Self::new(DeErrorKind::UnknownVariant { variant: variant.into(), expected })
    }
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Self::new(DeErrorKind::UnknownField { field: field.into(), expected })
    }
    fn missing_field(field: &'static str) -> Self {
        Self::new(DeErrorKind::MissingField(field))
    }
}

/// Reads a node into a model type.
#[derive(Clone, Copy)]
struct Reader<'a> {
    node: &'a Node,
    text: &'a str,
}

impl Reader<'_> {
    fn at(&self) -> Location {
        self.node.at.location(self.text)
    }
}

impl<'de> Deserializer<'de> for Reader<'_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let text = self.text;
        let result = match &self.node.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Int(i) => visitor.visit_i64(*i),
            Value::Float(x) => visitor.visit_f64(*x),
            Value::Str(s) => visitor.visit_str(s),
            Value::Seq(items) => {
                visitor.visit_seq(Items { items: items.iter(), text }).map_err(|e| e.or_at(self.at()))
            }
            Value::Map(entries) => visitor
                .visit_map(Entries { entries: entries.iter(), value: None, text })
                .map_err(|e| e.or_at(self.at())),
        };
        result.map_err(|e| e.or_at(self.at()))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.node.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match &self.node.value {
            Value::Str(s) => visitor
                .visit_enum(IntoDeserializer::<DeError>::into_deserializer(s.as_str()))
                .map_err(|e| e.or_at(self.at())),
            _ => self.deserialize_any(visitor),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

struct Items<'a> {
    items: std::slice::Iter<'a, Node>,
    text: &'a str,
}

impl<'de> SeqAccess<'de> for Items<'_> {
    type Error = DeError;

    fn next_element_seed<S: de::DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, DeError> {
        let Some(node) = self.items.next() else { return Ok(None) };
        let reader = Reader { node, text: self.text };
        // The model's own checks run after the value is read, outside the
        // reader: place their errors here.
        seed.deserialize(reader).map(Some).map_err(|e| e.or_at(reader.at()))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Entries<'a> {
    entries: std::slice::Iter<'a, (String, Pos, Node)>,
    value: Option<&'a Node>,
    text: &'a str,
}

impl<'de> MapAccess<'de> for Entries<'_> {
    type Error = DeError;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, DeError> {
        let Some((key, at, value)) = self.entries.next() else { return Ok(None) };
        self.value = Some(value);
        let key: de::value::StrDeserializer<DeError> = key.as_str().into_deserializer();
        seed.deserialize(key).map(Some).map_err(|e| e.or_at(at.location(self.text)))
    }

    fn next_value_seed<S: de::DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, DeError> {
        let node = self.value.take().expect("serde asks for a value after its key");
        let reader = Reader { node, text: self.text };
        seed.deserialize(reader).map_err(|e| e.or_at(reader.at()))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// A tree node read with its parser's places: how each parser's
/// `Spanned` wrapper is opened.
trait Spans: Sized {
    /// The parser's wrapper of a value with its place.
    type Wrap: for<'de> Deserialize<'de>;
    /// The parser's wrapper of a map key, if keys have places of their own.
    type KeyWrap: for<'de> Deserialize<'de>;
    fn open(wrap: Self::Wrap) -> (Node, Pos);
    fn open_key(wrap: Self::KeyWrap) -> (String, Option<Pos>);
}

struct Yaml;
struct Toml;

/// A tree read by parser `S`; `.0` is the tree.
struct Spanned<S>(Node, std::marker::PhantomData<S>);

impl Spans for Yaml {
    type Wrap = serde_saphyr::Spanned<Spanned<Yaml>>;
    type KeyWrap = serde_saphyr::Spanned<Key>;
    fn open(wrap: Self::Wrap) -> (Node, Pos) {
        (wrap.value.0, yaml_pos(wrap.referenced))
    }
    fn open_key(wrap: Self::KeyWrap) -> (String, Option<Pos>) {
        (wrap.value.0, Some(yaml_pos(wrap.referenced)))
    }
}

impl Spans for Toml {
    type Wrap = toml::Spanned<Spanned<Toml>>;
    // A TOML key has no span of its own through serde; its value starts on
    // its line (`key = value`) or is the table under its `[key]` header.
    type KeyWrap = Key;
    fn open_key(wrap: Self::KeyWrap) -> (String, Option<Pos>) {
        (wrap.0, None)
    }
    fn open(wrap: Self::Wrap) -> (Node, Pos) {
        let at = Pos::Offset(wrap.span().start);
        (wrap.into_inner().0, at)
    }
}

fn yaml_pos(location: serde_saphyr::Location) -> Pos {
    Pos::At(parse::yaml_location(location).unwrap_or(Location { line: 1, column: 1 }))
}

/// TOML hands a date or time to serde as a map of one entry under this key.
const TOML_DATETIME: &str = "$__toml_private_datetime";

impl<'de, S: Spans> Deserialize<'de> for Spanned<S> {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct Build<S>(std::marker::PhantomData<S>);
        fn leaf<S>(value: Value) -> Spanned<S> {
            // The place is set by the wrapper around this node.
            Spanned(Node { at: Pos::Offset(0), value }, std::marker::PhantomData)
        }
        impl<'de, S: Spans> Visitor<'de> for Build<S> {
            type Value = Spanned<S>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
                Ok(leaf(Value::Bool(v)))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
                Ok(leaf(Value::Int(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
                Ok(leaf(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int)))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
                Ok(leaf(Value::Float(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(leaf(Value::Str(v.into())))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(leaf(Value::Null))
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(leaf(Value::Null))
            }
            fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
                Spanned::deserialize(de)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(wrap) = seq.next_element::<S::Wrap>()? {
                    let (mut node, at) = S::open(wrap);
                    node.at = at;
                    items.push(node);
                }
                Ok(leaf(Value::Seq(items)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<S::KeyWrap>()? {
                    let (key, key_at) = S::open_key(key);
                    if key == TOML_DATETIME {
                        return Ok(leaf(Value::Str(map.next_value::<String>()?)));
                    }
                    let (mut node, at) = S::open(map.next_value::<S::Wrap>()?);
                    node.at = at;
                    entries.push((key, key_at.unwrap_or(at), node));
                }
                Ok(leaf(Value::Map(entries)))
            }
        }
        de.deserialize_any(Build(std::marker::PhantomData))
    }
}

/// A map key as text, whatever scalar it is written as.
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E>(self, v: &str) -> Result<Key, E> {
                Ok(Key(v.into()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_unit<E>(self) -> Result<Key, E> {
                Ok(Key(String::new()))
            }
        }
        de.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        lang: Option<Lang>,
        #[serde(default)]
        people: Vec<Person>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Person {
        name: String,
        kind: Option<Kind>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Press,
    }

    #[derive(Debug)]
    struct Lang;

    impl<'de> Deserialize<'de> for Lang {
        fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
            let text = String::deserialize(de)?;
            if text == "en" { Ok(Lang) } else { Err(de::Error::custom(format!("`{text}` is no language"))) }
        }
    }

    fn toml_error(text: &str) -> (String, Option<(usize, usize)>) {
        match from_toml::<Doc>(text) {
            Err(TomlError::Data(e)) => (format!("{:?}", e.what), e.at.map(|l| (l.line, l.column))),
            Err(TomlError::Syntax(e)) => panic!("syntax error: {e}"),
            Ok(doc) => panic!("read: {doc:?}"),
        }
    }

    /// Each kind of serde error comes out as its own variant, at the place
    /// of the innermost value it concerns: no message is parsed.
    #[test]
    fn toml_errors_are_typed_and_placed() {
        let (what, at) = toml_error("title = \"T\"\n[[people]]\nname = \"Jo\"\nnmae = \"x\"\n");
        assert!(what.starts_with("UnknownField { field: \"nmae\""), "{what}");
        assert_eq!(at, Some((4, 8)));
        let (what, at) = toml_error("title = \"T\"\n[[people]]\nkind = \"press\"\n");
        assert_eq!((what.as_str(), at), ("MissingField(\"name\")", Some((2, 1))));
        let (what, at) = toml_error("title = \"T\"\npeople = [{name = \"Jo\", kind = \"tv\"}]\n");
        assert!(what.starts_with("UnknownVariant { variant: \"tv\""), "{what}");
        assert_eq!(at, Some((2, 32)));
        let (what, at) = toml_error("title = 5\n");
        assert_eq!(
            (what.as_str(), at),
            ("Invalid { found: \"integer `5`\", expected: \"a string\" }", Some((1, 9)))
        );
        // The model's own check fails after the value is read.
        let (what, at) = toml_error("title = \"T\"\n\nlang = \"xx\"\n");
        assert_eq!((what.as_str(), at), ("Custom(\"`xx` is no language\")", Some((3, 8))));
    }

    #[test]
    fn toml_dates_are_read_as_text() {
        #[derive(Deserialize)]
        struct Dated {
            date: String,
        }
        let dated: Dated = from_toml("date = 2014-11-20").ok().unwrap();
        assert_eq!(dated.date, "2014-11-20");
    }

    fn places(text: &str, syntax: Syntax) -> Vec<(String, usize)> {
        fields(text, syntax, 1).into_iter().map(|f| (f.path, f.at.line)).collect()
    }

    /// The same release in the three syntaxes: every field and item at its
    /// line (one line before the text, as in front matter).
    #[test]
    fn fields_are_placed_in_every_syntax() {
        let yaml = "title: T\npeople:\n  - name: Jo\n  - name: An\n    kind: press\n";
        let toml = "title = \"T\"\n[[people]]\nname = \"Jo\"\n[[people]]\nname = \"An\"\nkind = \"press\"\n";
        let json = "{\"title\": \"T\",\n \"people\": [\n  {\"name\": \"Jo\"},\n  {\"name\": \"An\",\n   \"kind\": \"press\"}]}\n";
        let at = |list: &[(String, usize)], path: &str| list.iter().find(|(p, _)| p == path).map(|(_, l)| *l);
        // title, people[0], people[1], people[1].kind
        for (syntax, text, lines) in [
            (Syntax::Yaml, yaml, [2, 4, 5, 6]),
            (Syntax::Toml, toml, [2, 3, 5, 7]),
            (Syntax::Json, json, [2, 4, 5, 6]),
        ] {
            let found = places(text, syntax);
            let got = ["title", "people[0]", "people[1]", "people[1].kind"].map(|p| at(&found, p));
            assert_eq!(got, lines.map(Some), "{syntax:?} {found:?}");
        }
        assert!(places("title: [", Syntax::Yaml).is_empty());
    }
}
