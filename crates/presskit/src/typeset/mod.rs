//! The typeset stage: the release as a Typst project (`data`: the data
//! handed to the template, and the built-in template), a brand's own
//! template (`template`), the sandboxed world the compiler reads the
//! project from (`world`), and the fonts (`fonts`). Named `typeset` rather
//! than `typst` so that `typst::` always means the Typst crate. Uses the
//! root modules, the model, the input and the present stages.

// Public (and hidden) only for `data`: the project types `Renderer`
// hands out live there, and `presskit::document` names it.
pub mod data;
pub(crate) mod fonts;
pub(crate) mod template;
pub(crate) mod world;
