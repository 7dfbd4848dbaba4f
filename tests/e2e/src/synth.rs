//! Synthetic datasets for the benchmark: the real list, repeated with numbered names until it
//! has the size asked for, so search and facets see realistic text, tags and countries.

use coops_core::Directory;

/// `base` grown (or cut) to `count` co-ops. Every co-op keeps its original's region, tags,
/// countries and notes; copies get a numbered name and id, so ids stay unique.
pub fn synthetic(base: &Directory, count: usize) -> Directory {
    let mut directory = base.clone();
    let originals = base.coops.clone();
    directory.coops = (0..count)
        .filter_map(|i| {
            let original = originals.get(i % originals.len().max(1))?;
            let round = i / originals.len();
            let mut coop = original.clone();
            if round > 0 {
                coop.id = format!("{}-{round}", original.id);
                coop.name = format!("{} {round}", original.name);
            }
            Some(coop)
        })
        .collect();
    directory.source.rows_read = count as u32;
    directory
}

/// How many co-ops of `directory` are still trading: what the list shows by default.
pub fn trading(directory: &Directory) -> usize {
    directory
        .coops
        .iter()
        .filter(|c| c.status != coops_core::Status::Defunct)
        .count()
}

/// `directory` with every copy's places moved a little (up to about 30 km, deterministically),
/// so a grown dataset has as many distinct places as co-ops: the worst case for the map's
/// markers and clusters, which a repeated list would spare (its copies share their places).
/// `originals` is the size of the list it was grown from.
pub fn scattered(mut directory: Directory, originals: usize) -> Directory {
    let originals = originals.max(1);
    for (i, coop) in directory.coops.iter_mut().enumerate() {
        let round = i / originals;
        if round == 0 {
            continue;
        }
        // Two different strides so the copies spread in both directions.
        let (dx, dy) = (
            (round * 37 % 61) as f64 - 30.0,
            (round * 53 % 59) as f64 - 29.0,
        );
        for place in &mut coop.location.places {
            place.lon += dx * 0.01;
            place.lat += dy * 0.01;
        }
    }
    directory
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn grows_to_the_size_asked_with_unique_ids() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../public/data/directory.json"
        ))
        .unwrap();
        let base = coops_core::load::load_directory(&text).unwrap().directory;
        for n in [10, 139, 1000] {
            let d = synthetic(&base, n);
            assert_eq!(d.coops.len(), n);
            let ids: HashSet<_> = d.coops.iter().map(|c| &c.id).collect();
            assert_eq!(ids.len(), n, "unique ids at {n}");
            assert!(
                coops_core::load::load_directory(&serde_json::to_string(&d).unwrap())
                    .unwrap()
                    .skipped
                    .is_empty()
            );
        }
    }

    #[test]
    fn scattered_copies_sit_at_places_of_their_own() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../public/data/directory.json"
        ))
        .unwrap();
        let base = coops_core::load::load_directory(&text).unwrap().directory;
        let grown = scattered(synthetic(&base, 1000), base.coops.len());
        let places = coops_core::places::map_places(&grown.coops);
        let repeated = coops_core::places::map_places(&synthetic(&base, 1000).coops);
        assert!(
            places.len() > 5 * repeated.len(),
            "{} places scattered, {} repeated",
            places.len(),
            repeated.len()
        );
        // The originals stay where they were.
        assert_eq!(grown.coops[0].location, base.coops[0].location);
    }
}
