//! The subcommands, one file each: its arguments and what it does. What
//! several share is in `job` (one release) and `batch` (many).

pub mod check;
pub mod email;
pub mod fonts;
pub mod import;
pub mod kit;
pub mod new;
pub mod preview;
pub mod render;
pub mod serve;
pub mod typst;
pub mod watch;
