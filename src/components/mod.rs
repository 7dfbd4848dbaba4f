//! Small pieces shared by the pages.

pub mod load_state;
