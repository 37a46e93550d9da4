//! Small helpers shared by several stages.

pub(crate) mod out;
pub mod suggest;
pub mod text;
pub mod timing;
pub mod utf8;
