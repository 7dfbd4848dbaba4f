//! The "which way to join" guide: its data format (`public/data/join.json`), the engine that
//! turns the answers in the URL into the current step or outcome, and the validator that proves
//! every path ends in an outcome.
//!
//! The guide is data so that the networks' maintainers can change questions, text and links
//! without touching Rust. The engine never trusts the URL: an answer that does not exist stops
//! the walk at the last valid step, with a note saying so.
//!
//! One job per module, all re-exported here: `guide.rs` the format, `validate.rs` the loading
//! and the checks, `walk.rs` following the answers, `figures.rs` its money and months in the
//! page's language, and [`texts`] its translations laid over it and checked.
//!
//! The guide builds only on the model, the loader and the words and links below them. The
//! answers' URL codec is with the other URL codecs ([`crate::query::JoinUrl`]); what an
//! outcome names from the directory is [`crate::recommend`], above both the guide and the
//! directory's search.

mod figures;
mod guide;
pub mod texts;
mod validate;
mod walk;

#[cfg(test)]
mod test_guide;

pub use figures::{money, month_label};
pub use guide::{
    Alternative, Choice, Condition, Fee, Filters, JoinGuide, Link, NextStep, Outcome, Step,
    StepKind, Verdict,
};
pub use validate::{GuideError, JOIN_SCHEMA_MAJOR, Problem, load_guide, validate};
pub use walk::{Position, Shown, all_paths};
