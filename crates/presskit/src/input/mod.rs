//! The input stage: reading release, brand and kit files and the images and
//! Markdown they hold, checking each inside the sandbox, into the model.
//! Errors point at file:line:column. Uses the root modules and the model.

pub(crate) mod brand;
pub(crate) mod images;
pub(crate) mod kit;
// `pub` so that the crate root can re-export it, hidden, as
// `presskit::markdown` for the fuzz targets, benches and tests.
pub mod markdown;
pub(crate) mod parse;
pub(crate) mod release;
pub(crate) mod tree;
