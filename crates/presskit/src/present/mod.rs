//! The present stage: one presentation of a release, common to every
//! output: which languages (the options), the words and dates of each
//! (labels), what the page shows (view), bidirectional text kept in place,
//! and the trade's conventions checked (`Release::check`). Uses the root
//! modules, the model and the input stage.

pub(crate) mod bidi;
pub(crate) mod conventions;
pub(crate) mod labels;
pub(crate) mod look;
// Here, not among the shared root modules: the options name a `Lang` (a
// model type), and only this stage and later ones read them.
pub(crate) mod options;
pub(crate) mod view;
