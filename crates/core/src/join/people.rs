//! The co-ops an outcome shows (issue 22): those doing the visitor's kind of work, in their
//! country first, then their region, then those that work remotely, from the answers' filters.

use crate::join::Filters;
use crate::model::{Directory, Status};
use crate::query::DirectoryQuery;
use crate::search::Index;

/// How many co-ops an outcome names.
pub const OUTCOME_COOPS: usize = 6;

/// The co-ops matching `filters` (positions in `directory.coops`), best first: the visitor's
/// country, then their region, then remote or worldwide ones; and how many match in all. Only
/// co-ops still trading; the business areas of the answers (any of them) narrow all three
/// groups; with no country and no region, every match counts. By name within each group, as
/// the directory orders them.
pub fn matching_coops(
    directory: &Directory,
    index: &Index,
    filters: &Filters,
) -> (Vec<u32>, usize) {
    let query = DirectoryQuery {
        tags: filters.tags.clone(),
        ..DirectoryQuery::default()
    };
    let matches = index.search(&query).matches;
    let rank = |i: &u32| {
        let coop = &directory.coops[*i as usize];
        let location = &coop.location;
        if filters
            .country
            .as_ref()
            .is_some_and(|c| location.countries.contains(c))
        {
            Some(0)
        } else if filters.region.as_ref().is_some_and(|r| &coop.region == r) {
            Some(1)
        } else if location.remote || location.worldwide || location.distributed {
            Some(2)
        } else if filters.country.is_none() && filters.region.is_none() {
            Some(3)
        } else {
            None
        }
    };
    let mut ranked: Vec<(u8, u32)> = matches
        .iter()
        .filter(|i| directory.coops[**i as usize].status == Status::Active)
        .filter_map(|i| rank(i).map(|r| (r, *i)))
        .collect();
    // Stable: the directory's order (by name) within each group.
    ranked.sort_by_key(|(r, _)| *r);
    let total = ranked.len();
    (
        ranked
            .into_iter()
            .take(OUTCOME_COOPS)
            .map(|(_, i)| i)
            .collect(),
        total,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Precision;
    use crate::testing::{coop_at, directory_of};

    #[test]
    fn the_visitors_country_first_then_their_region_then_remote_ones() {
        let mut coops = vec![
            coop_at("paris", &[("Paris", "FR", 48.9, 2.4, Precision::City)]),
            coop_at("berlin", &[("Berlin", "DE", 52.5, 13.4, Precision::City)]),
            coop_at("remote", &[]),
            coop_at("lyon", &[("Lyon", "FR", 45.8, 4.8, Precision::City)]),
            coop_at("closed", &[("Lille", "FR", 50.6, 3.1, Precision::City)]),
            coop_at("quito", &[("Quito", "EC", -0.2, -78.5, Precision::City)]),
        ];
        for coop in &mut coops {
            coop.location.countries = coop
                .location
                .places
                .iter()
                .map(|p| p.country.clone())
                .collect();
        }
        coops[2].location.remote = true;
        coops[4].status = Status::Defunct;
        coops[5].region = "south-america".into();
        let directory = directory_of(coops);
        let index = Index::build(&directory);
        let ids = |filters: &Filters| -> (Vec<&str>, usize) {
            let (found, total) = matching_coops(&directory, &index, filters);
            (
                found
                    .iter()
                    .map(|i| directory.coops[*i as usize].id.as_str())
                    .collect(),
                total,
            )
        };
        let in_france = Filters {
            region: Some("europe".into()),
            country: Some("FR".into()),
            tags: Vec::new(),
        };
        assert_eq!(
            ids(&in_france),
            (vec!["lyon", "paris", "berlin", "remote"], 4)
        );
        let anywhere = Filters::default();
        assert_eq!(ids(&anywhere).1, 5, "every co-op still trading");
        let in_ecuador = Filters {
            region: Some("south-america".into()),
            country: Some("EC".into()),
            tags: Vec::new(),
        };
        assert_eq!(ids(&in_ecuador), (vec!["quito", "remote"], 2));
    }
}
