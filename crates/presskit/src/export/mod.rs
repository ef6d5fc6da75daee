//! The export stage: the outputs. The `Renderer` compiles the Typst project
//! into a PDF, PNG or SVG `Document`; text, HTML and email are written from
//! the same presentation. May use every earlier stage.

pub(crate) mod email;
pub(crate) mod html;
pub(crate) mod render;
pub(crate) mod text;
