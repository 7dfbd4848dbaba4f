//! What changed between two datasets, by co-op: for `make update-list`, which prints it before
//! anyone reads the JSON diff.
//!
//! Co-ops are matched by id (a slug of the name): a renamed co-op shows as one removed and one
//! added, which is how a reader of the list sees it too.

use std::collections::HashMap;
use std::fmt;

use coops_core::{Coop, Directory, Status};

/// The differences between an old and a new dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Names of co-ops new to the list.
    pub added: Vec<String>,
    /// Names of co-ops no longer in either file.
    pub removed: Vec<String>,
    /// Names of co-ops moved from the list to its defunct file.
    pub now_defunct: Vec<String>,
    /// Names of co-ops moved back from the defunct file to the list.
    pub trading_again: Vec<String>,
    /// Co-ops whose entry changed otherwise: the name, and what changed ("url", "location").
    pub changed: Vec<(String, Vec<&'static str>)>,
}

impl Changes {
    /// Whether the two datasets list the same co-ops the same way.
    pub fn is_empty(&self) -> bool {
        self == &Changes::default()
    }
}

/// Compares the co-ops of `old` and `new`, in the new list's order (the old one's for removals).
pub fn between(old: &Directory, new: &Directory) -> Changes {
    let by_id = |dir: &'_ Directory| -> HashMap<String, usize> {
        dir.coops
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect()
    };
    let (old_ids, new_ids) = (by_id(old), by_id(new));
    let mut changes = Changes::default();
    for coop in &new.coops {
        let Some(before) = old_ids.get(&coop.id).map(|&i| &old.coops[i]) else {
            changes.added.push(coop.name.clone());
            continue;
        };
        match (before.status, coop.status) {
            (Status::Active, Status::Defunct) => changes.now_defunct.push(coop.name.clone()),
            (Status::Defunct, Status::Active) => changes.trading_again.push(coop.name.clone()),
            _ => {}
        }
        let fields = changed_fields(before, coop);
        if !fields.is_empty() {
            changes.changed.push((coop.name.clone(), fields));
        }
    }
    changes.removed = old
        .coops
        .iter()
        .filter(|c| !new_ids.contains_key(&c.id))
        .map(|c| c.name.clone())
        .collect();
    changes
}

/// The fields a reader would call a change (not the line it is on, nor its status, told apart).
fn changed_fields(a: &Coop, b: &Coop) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut check = |name: &'static str, same: bool| {
        if !same {
            fields.push(name);
        }
    };
    check("name", a.name == b.name);
    check("website", a.url == b.url);
    check("region", a.region == b.region);
    check("business areas", a.business_areas == b.business_areas);
    check("tags", a.tags == b.tags);
    check("location", a.location == b.location);
    check("notes", a.notes == b.notes);
    check("founding year", a.founded == b.founded);
    check("size", a.size == b.size);
    fields
}

impl fmt::Display for Changes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return writeln!(f, "No co-op changed.");
        }
        let mut list = |title: &str, names: &[String]| -> fmt::Result {
            if names.is_empty() {
                return Ok(());
            }
            writeln!(f, "{title} ({}):", names.len())?;
            names.iter().try_for_each(|n| writeln!(f, "  {n}"))
        };
        list("Added", &self.added)?;
        list("Removed", &self.removed)?;
        list("Moved to defunct", &self.now_defunct)?;
        list("Trading again (back from defunct)", &self.trading_again)?;
        if !self.changed.is_empty() {
            writeln!(f, "Changed ({}):", self.changed.len())?;
            for (name, fields) in &self.changed {
                writeln!(f, "  {name}: {}", fields.join(", "))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coops_core::{Location, Source};

    fn coop(id: &str, status: Status) -> Coop {
        Coop {
            id: id.to_string(),
            name: id.to_uppercase(),
            url: Some(format!("https://{id}.coop/")),
            status,
            region: "europe".into(),
            business_areas: String::new(),
            tags: Vec::new(),
            location: Location::default(),
            notes: Vec::new(),
            founded: None,
            size: None,
            source_line: 1,
        }
    }

    fn directory(coops: Vec<Coop>) -> Directory {
        Directory {
            schema: "1.1".into(),
            source: Source::default(),
            regions: Vec::new(),
            tags: Vec::new(),
            countries: Vec::new(),
            coops,
            networks: Vec::new(),
            meetups: Vec::new(),
            resources: Vec::new(),
            products: Vec::new(),
            jobs: Vec::new(),
            other_lists: Vec::new(),
        }
    }

    #[test]
    fn added_removed_moved_and_changed_by_name() {
        let old = directory(vec![
            coop("kept", Status::Active),
            coop("closing", Status::Active),
            coop("gone", Status::Active),
            coop("moved", Status::Active),
        ]);
        let mut moved = coop("moved", Status::Active);
        moved.url = Some("https://moved.example/".into());
        moved.location.text = "Lyon, France".into();
        moved.source_line = 40;
        let mut kept = coop("kept", Status::Active);
        kept.source_line = 99;
        let new = directory(vec![
            kept,
            moved,
            coop("fresh", Status::Active),
            coop("closing", Status::Defunct),
        ]);
        let changes = between(&old, &new);
        assert_eq!(changes.added, ["FRESH"]);
        assert_eq!(changes.removed, ["GONE"]);
        assert_eq!(changes.now_defunct, ["CLOSING"]);
        assert!(changes.trading_again.is_empty());
        assert_eq!(
            changes.changed,
            [("MOVED".to_string(), vec!["website", "location"])],
            "a new line alone is no change"
        );
        assert_eq!(
            changes.to_string(),
            "Added (1):\n  FRESH\nRemoved (1):\n  GONE\nMoved to defunct (1):\n  CLOSING\nChanged (1):\n  MOVED: website, location\n"
        );
        assert_eq!(between(&new, &new).to_string(), "No co-op changed.\n");
    }
}
