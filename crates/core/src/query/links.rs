//! The filters of the networks and resources pages as their URL holds them, and back.

use super::UrlCodec;
use super::encoding::search_text;
use crate::model::Serves;

/// The filters of the networks and resources pages: their search text and, on the resources
/// page, who a resource is for (`/resources?serves=start`). An unknown reader is dropped like
/// any value the directory does not understand.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LinksQuery {
    /// Free text.
    pub q: String,
    /// Only resources for this reader.
    pub serves: Option<Serves>,
}

impl UrlCodec for LinksQuery {
    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut links = LinksQuery::default();
        for (key, value) in pairs {
            match key {
                "q" => links.q = search_text(value),
                "serves" => links.serves = Serves::from_id(value.trim()).or(links.serves),
                _ => {}
            }
        }
        links
    }

    fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.q.trim().is_empty() {
            pairs.push(("q", self.q.clone()));
        }
        if let Some(serves) = self.serves {
            pairs.push(("serves", serves.id().to_string()));
        }
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_links_query_keeps_text_and_a_known_reader_and_reads_back() {
        let query = LinksQuery::from_query_string("?q=loomio&serves=start&x=1");
        assert_eq!(query.q, "loomio");
        assert_eq!(query.serves, Some(Serves::Start));
        assert_eq!(query.to_query_string(), "q=loomio&serves=start");
        assert_eq!(
            LinksQuery::from_query_string(&query.to_query_string()),
            query
        );
        let unknown = LinksQuery::from_query_string("serves=astronauts");
        assert_eq!(unknown, LinksQuery::default());
        assert_eq!(unknown.to_query_string(), "");
        for reader in Serves::ALL {
            let query = LinksQuery {
                serves: Some(reader),
                ..LinksQuery::default()
            };
            assert_eq!(
                LinksQuery::from_query_string(&query.to_query_string()),
                query
            );
        }
    }
}
