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
}
