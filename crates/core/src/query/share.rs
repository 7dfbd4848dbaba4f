//! The app's part of an address's query string: all of it on the app's own pages and frames,
//! only its prefixed keys in another site's page, where the host's keys are kept as written.

/// The prefix of the app's keys in the address of another site's page (in-page mode), where the
/// query string is shared: `?tc-q=camba&tc-region=europe`. Unprefixed, the app's `q` would be
/// the host's (mkdocs-material opens its own search for `?q=`).
pub const IN_PAGE_PREFIX: &str = "tc-";

/// How the app holds its part of a query string: all of it (its own pages and frames), or only
/// the keys with a prefix, beside the host page's own, which are kept as written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QueryShare {
    prefix: &'static str,
}

impl QueryShare {
    /// The whole query string is the app's.
    pub const WHOLE: QueryShare = QueryShare { prefix: "" };
    /// The app's keys carry [`IN_PAGE_PREFIX`] in a host page's address.
    pub const IN_PAGE: QueryShare = QueryShare {
        prefix: IN_PAGE_PREFIX,
    };

    /// The app's part of `query` (with or without its `?`) in the app's own keys, for its
    /// codecs: `?tc-q=a&lang=fr` gives `q=a`.
    pub fn read(&self, query: &str) -> String {
        let query = query.trim_start_matches('?');
        if self.prefix.is_empty() {
            return query.to_string();
        }
        query
            .split('&')
            .filter_map(|part| part.strip_prefix(self.prefix))
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("&")
    }

    /// `query` with the app's part replaced by `own` (a query string in the app's own keys,
    /// without `?`); the host's pairs come first, byte for byte as they were. No `?`.
    pub fn write(&self, query: &str, own: &str) -> String {
        if self.prefix.is_empty() {
            return own.to_string();
        }
        let host = query
            .trim_start_matches('?')
            .split('&')
            .filter(|part| !part.is_empty() && !part.starts_with(self.prefix));
        let app = own
            .split('&')
            .filter(|part| !part.is_empty())
            .map(|part| format!("{}{part}", self.prefix));
        host.map(str::to_string)
            .chain(app)
            .collect::<Vec<_>>()
            .join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{DirectoryQuery, UrlCodec};

    #[test]
    fn in_a_host_page_the_app_reads_and_writes_only_its_prefixed_keys() {
        let share = QueryShare::IN_PAGE;
        let address = "?lang=fr&tc-q=camba&q=host+search&tc-region=europe&tc-";
        assert_eq!(share.read(address), "q=camba&region=europe");
        assert_eq!(
            DirectoryQuery::from_query_string(&share.read(address)).q,
            "camba",
            "the host's own q is not the app's"
        );
        assert_eq!(
            share.write(address, "q=coop&tag=web"),
            "lang=fr&q=host+search&tc-q=coop&tc-tag=web",
            "the host's pairs kept as written, first"
        );
        assert_eq!(share.write(address, ""), "lang=fr&q=host+search");
        assert_eq!(share.write("", "a=1"), "tc-a=1");
        assert_eq!(share.read(""), "");
    }

    #[test]
    fn on_its_own_pages_the_whole_query_is_the_apps() {
        let share = QueryShare::WHOLE;
        assert_eq!(
            share.read("?q=camba&region=europe"),
            "q=camba&region=europe"
        );
        assert_eq!(share.write("?q=camba&lang=fr", "q=coop"), "q=coop");
        assert_eq!(QueryShare::default(), QueryShare::WHOLE);
    }
}
