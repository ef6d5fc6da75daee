//! presskit's integration tests, one module per subject (see README.md).

mod corpus;
mod email;
mod example;
mod hostile;
mod import;
mod inputs;
mod languages;
mod output;
mod properties;
mod refs;
mod surface;
mod templates;
mod themes;
