//! The core's layers, as its module doc lists them (src/lib.rs, "Layers"): every module is in
//! one, imports only from its own layer and those below it, and no modules import each other,
//! even through others. Read from the sources, so the list and the code cannot drift apart.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Each module's layer, from 1 at the bottom, as the numbered list of lib.rs's doc gives them
/// (`//! 2. `model`, `load`: …`).
fn layers(lib: &str) -> BTreeMap<String, usize> {
    let mut layers = BTreeMap::new();
    for line in lib.lines() {
        let Some((number, item)) = line
            .strip_prefix("//! ")
            .and_then(|item| item.split_once(". "))
        else {
            continue;
        };
        let (Ok(layer), Some((names, _))) = (number.parse::<usize>(), item.split_once(": ")) else {
            continue;
        };
        for name in names.split(", ") {
            layers.insert(name.trim_matches('`').to_string(), layer);
        }
    }
    layers
}

/// The modules lib.rs declares (`pub mod camera;`).
fn modules(lib: &str) -> BTreeSet<String> {
    lib.lines()
        .filter_map(|line| line.strip_prefix("pub mod")?.trim().strip_suffix(';'))
        .map(str::to_string)
        .collect()
}

/// The files of module `name`: `src/<name>.rs`, or every file under `src/<name>/`.
fn files(name: &str) -> Vec<PathBuf> {
    let file = src().join(format!("{name}.rs"));
    if file.exists() {
        return vec![file];
    }
    let mut found = Vec::new();
    let mut folders = vec![src().join(name)];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("{name}: {e}")) {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    found
}

/// The top-level names a source file reaches through `crate::` (`crate::query::X`,
/// `crate::{model::Coop, text}`), in its code: its comments and its unit tests aside (tests may
/// reach anything below them, and docs may name anything).
fn reached(source: &str) -> BTreeSet<String> {
    let code = source
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or_default()
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let mut names = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The group's top-level items: `{model::{Coop, Status}, text}` gives model and text.
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item.push('\n'),
                    c if depth == 0 => item.push(c),
                    _ => {}
                }
            }
            names.extend(
                item.lines()
                    .filter_map(|i| i.trim().split("::").next())
                    .map(str::to_string),
            );
        } else {
            names.insert(
                rest.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect(),
            );
        }
    }
    names.retain(|name| !name.is_empty());
    names
}

#[test]
fn no_module_imports_from_a_layer_above_it_or_in_a_cycle() {
    let lib = read(&src().join("lib.rs"));
    let layers = layers(&lib);
    let modules = modules(&lib);
    let layered: BTreeSet<String> = layers.keys().cloned().collect();
    let expected: BTreeSet<String> = modules
        .iter()
        .filter(|m| *m != "testing")
        .cloned()
        .collect();
    assert_eq!(
        layered, expected,
        "lib.rs's layers list every module but `testing`, once"
    );

    // Each module's imports of other modules; a name at the crate's root that is no module is
    // the model's (`pub use model::*`).
    let imports: BTreeMap<&str, BTreeSet<&str>> = layers
        .keys()
        .map(|module| {
            let reached = files(module)
                .iter()
                .flat_map(|f| reached(&read(f)))
                .collect::<BTreeSet<_>>();
            let targets = reached
                .iter()
                .map(|name| modules.get(name).map_or("model", String::as_str))
                .filter(|target| target != module)
                .collect();
            (module.as_str(), targets)
        })
        .collect();

    let mut upward = Vec::new();
    for (module, targets) in &imports {
        for target in targets {
            if layers[*target] > layers[*module] {
                upward.push(format!(
                    "{module} (layer {}) imports {target} (layer {})",
                    layers[*module], layers[*target]
                ));
            }
        }
    }
    assert!(upward.is_empty(), "{}", upward.join("\n"));

    // A cycle: a walk from a module that comes back to it.
    for start in imports.keys() {
        let mut paths = vec![vec![*start]];
        let mut seen = BTreeSet::new();
        while let Some(path) = paths.pop() {
            for next in &imports[path[path.len() - 1]] {
                let mut longer = path.clone();
                longer.push(next);
                assert_ne!(
                    next,
                    start,
                    "the modules import each other: {}",
                    longer.join(" → ")
                );
                if seen.insert(*next) {
                    paths.push(longer);
                }
            }
        }
    }
}

#[test]
fn the_reader_finds_grouped_and_nested_imports() {
    let source = "use crate::{model::{Coop, Status}, text};
use crate::query::X; // crate::join
fn f() { crate::i18n::words(); }
#[cfg(test)]
mod tests {
    use crate::testing::coop_at;
}
";
    let found: Vec<String> = reached(source).into_iter().collect();
    assert_eq!(found, ["i18n", "model", "query", "text"]);
}
