//! Each page's state as its URL's query string holds it, and back: one codec shape,
//! [`UrlCodec`], which every query the app keeps in its address implements, one file each:
//!
//! - [`DirectoryQuery`] (`directory.rs`): the directory's filters;
//! - [`LinksQuery`] (`links.rs`): the networks' and resources' search and reader;
//! - [`JoinUrl`] (`answers.rs`): the guide's answers, with their value's own codec
//!   ([`parse_answers`], [`format_answers`]);
//! - [`crate::embed::EmbedConfig`]: an embed's settings, kept with the embed's other code.
//!
//! Reading never fails: an unknown key, a repeated single key or a malformed value is dropped,
//! so a hand-edited or stale link still opens a sensible view. The query string itself
//! (percent-encoding, `encoding.rs`) and the app's share of a host page's address
//! ([`QueryShare`], `share.rs`) are written once, here, for all of them.

mod answers;
mod directory;
mod encoding;
mod links;
mod share;

pub use answers::{ANSWER_SEPARATOR, JoinUrl, MULTI_SEPARATOR, format_answers, parse_answers};
pub use directory::{DirectoryQuery, Filter, MAX_TAGS, Sort};
pub use encoding::{MAX_QUERY_CHARS, encode_pairs, parse_query_string, percent_decode};
pub use links::LinksQuery;
pub use share::{IN_PAGE_PREFIX, QueryShare};

/// A value the URL's query string holds: read from decoded pairs and written back as pairs;
/// the query string either way is the same for every value ([`UrlCodec::from_query_string`],
/// [`UrlCodec::to_query_string`]). Plain data (cloned, compared, sent between threads), so
/// the app can hold any of them as state that follows its address.
pub trait UrlCodec: Clone + PartialEq + Default + Send + Sync + 'static {
    /// Reads decoded key/value pairs, dropping whatever it does not understand.
    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self;

    /// What differs from the default, as key/value pairs in a stable order.
    fn to_pairs(&self) -> Vec<(&'static str, String)>;

    /// Reads a raw query string (`a=1&b=%C3%A9`, with or without `?`).
    fn from_query_string(query: &str) -> Self {
        let pairs = parse_query_string(query);
        Self::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// The query string, percent-encoded, without `?`; empty when nothing differs from the
    /// default.
    fn to_query_string(&self) -> String {
        encode_pairs(self.to_pairs().iter().map(|(k, v)| (*k, v.as_str())))
    }
}
