//! Small helpers shared by several stages.

pub mod suggest;
pub mod text;
pub mod timing;
