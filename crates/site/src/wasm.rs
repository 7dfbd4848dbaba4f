//! The wasm of the site, after cargo has linked it: the app's split into a main module and a
//! chunk per route (issue 33), and the quick search built; wasm-bindgen and wasm-opt run on
//! each here, with one set of flags, as Trunk would run them.
//!
//! Trunk builds the app (index.html's rust link, wasm-opt off there) and runs wasm-bindgen on
//! it; in a release build made inside `scripts/wasm-toolchain.sh` the linked module still has
//! its relocations and a split point per route (src/chunk.rs), which wasm-bindgen would drop.
//! So the split starts again from cargo's linked module, as `cargo leptos --split` does:
//! 1. `wasm_split_cli_support` cuts it into `main.wasm`, one module per split point and the
//!    chunks they share, and `__wasm_split.js`, which loads them (fetched beside itself);
//! 2. wasm-bindgen runs on the main module only (`--keep-lld-exports`: the chunks import
//!    from it), giving `main.js` and `main_bg.wasm`;
//! 3. wasm-opt runs on every module;
//! 4. all of it goes in one folder named by a hash of its content (`app-<hash>/`), so the
//!    names inside stay the ones the loader knows, a host may cache them for ever, and a
//!    deployment never mixes a page's main module with another build's chunks: an old page
//!    asking for a chunk that a new deployment removed gets a 404, which the app reports
//!    (src/chunk.rs), never another build's code.
//!
//! A build without split points (`trunk serve`, or a release built outside
//! `scripts/wasm-toolchain.sh`) keeps Trunk's two files as they are (wasm-opt run on a
//! release's).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::trunk::AppFiles;
use crate::{SiteError, read, write};

/// wasm-opt's settings: for size, with the features the module uses (the release profile's
/// `strip` removes the section that would tell it).
pub const WASM_OPT_ARGS: [&str; 5] = [
    "-Oz",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
];

/// The import module of a split point that no split has linked yet (wasm_split_helpers).
const SPLIT_PLACEHOLDER_MODULE: &[u8] = b"__wasm_split_placeholder__";

/// The app's files once split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitApp {
    /// The main module and its glue (`app-<hash>/main.js`, `app-<hash>/main_bg.wasm`).
    pub files: AppFiles,
    /// Each split point's name (a route's chunk: `coop`) and the wasm files it needs beside
    /// the main module, each relative to the site's root, as the loader fetches them.
    pub chunks: BTreeMap<String, Vec<String>>,
}

/// Runs `command` in `dir`; its failure names it (its own message is on stderr, above).
pub fn run(command: &mut Command, dir: &Path) -> Result<(), SiteError> {
    let status = command
        .current_dir(dir)
        .status()
        .map_err(|e| SiteError::Tool(format!("{command:?}: {e}")))?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| SiteError::Tool(format!("{command:?} failed (its message is above)")))
}

/// Runs wasm-opt on `wasm`, in place.
pub fn optimise(wasm: &Path, dir: &Path) -> Result<(), SiteError> {
    run(
        Command::new("wasm-opt")
            .args(WASM_OPT_ARGS)
            .arg(wasm)
            .arg("-o")
            .arg(wasm),
        dir,
    )
}

/// `module` without the linker's relocations (the custom sections `linking` and `reloc.*`),
/// which a module built for the split keeps and wasm-opt would keep too: the quick search is
/// built with the app's flags, and never split.
pub fn without_relocations(module: &[u8]) -> Result<Vec<u8>, String> {
    fn leb128(bytes: &[u8], at: &mut usize) -> Result<usize, String> {
        let (mut value, mut shift) = (0_usize, 0);
        loop {
            let byte = *bytes
                .get(*at)
                .ok_or("a section runs past the module's end")?;
            *at += 1;
            value |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
            if shift > 28 {
                return Err("a section's size is not a 32-bit number".into());
            }
        }
    }
    if module.get(..4) != Some(b"\0asm".as_slice()) || module.len() < 8 {
        return Err("not a wasm module".into());
    }
    let mut kept = module[..8].to_vec();
    let mut at = 8;
    while at < module.len() {
        let start = at;
        let id = module[at];
        at += 1;
        let size = leb128(module, &mut at)?;
        let end = at
            .checked_add(size)
            .filter(|end| *end <= module.len())
            .ok_or("a section runs past the module's end")?;
        let relocation = id == 0 && {
            let mut name_at = at;
            let length = leb128(module, &mut name_at)?;
            let name = module.get(name_at..name_at + length).unwrap_or_default();
            name == b"linking" || name.starts_with(b"reloc.")
        };
        if !relocation {
            kept.extend_from_slice(&module[start..end]);
        }
        at = end;
    }
    Ok(kept)
}

/// Whether the linked module has split points (imports from the splitter's placeholder).
pub fn has_split_points(linked: &[u8]) -> bool {
    linked
        .windows(SPLIT_PLACEHOLDER_MODULE.len())
        .any(|window| window == SPLIT_PLACEHOLDER_MODULE)
}

/// Splits the linked app `linked` (cargo's output, relocations kept) in `work`, and writes
/// the result into `staging` under `app-<hash>/`.
pub fn split_app(linked: &[u8], work: &Path, staging: &Path) -> Result<SplitApp, SiteError> {
    let split_dir = work.join("split");
    let bindgen_dir = work.join("bindgen");
    for dir in [&split_dir, &bindgen_dir] {
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir).map_err(|error| SiteError::Io {
            path: dir.clone(),
            error,
        })?;
    }
    // 1. The split.
    let main_wasm = split_dir.join("main.wasm");
    let mut options = wasm_split_cli_support::Options::new(linked);
    options.output_dir = &split_dir;
    options.main_out_path = &main_wasm;
    options.link_name = LOADER;
    options.main_module = "./main.js";
    options.target.web();
    let split = wasm_split_cli_support::transform(options)
        .map_err(|e| SiteError::Tool(format!("splitting the app's wasm: {e:#}")))?;
    // 2. wasm-bindgen on the main module.
    run(
        Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--keep-lld-exports",
                "--no-demangle",
                "--out-name",
                "main",
                "--out-dir",
            ])
            .arg(&bindgen_dir)
            .arg(&main_wasm),
        work,
    )?;
    // 3. wasm-opt on every module.
    let mut files: Vec<(String, PathBuf)> = vec![
        ("main.js".into(), bindgen_dir.join("main.js")),
        ("main_bg.wasm".into(), bindgen_dir.join("main_bg.wasm")),
        (LOADER_FILE.into(), split_dir.join(LOADER_FILE)),
    ];
    for module in &split.split_modules {
        let name = module
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| SiteError::Tool(format!("a chunk without a name: {module:?}")))?;
        files.push((name, module.clone()));
    }
    for (name, path) in &files {
        if name.ends_with(".wasm") {
            optimise(path, work)?;
        }
    }
    // 4. One folder, named by its content.
    let mut contents = Vec::new();
    let mut hash = Sha256::new();
    files.sort();
    for (name, path) in &files {
        let bytes = read(path)?;
        hash.update(name.as_bytes());
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
        contents.push((name, bytes));
    }
    let short: String = hash
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let folder = format!("app-{short}");
    for (name, bytes) in &contents {
        write(&staging.join(&folder).join(name), bytes)?;
    }
    let chunks = split
        .prefetch_map
        .into_iter()
        .map(|(split, stems)| {
            let files = stems
                .into_iter()
                .map(|stem| format!("{folder}/{stem}.wasm"))
                .collect();
            (split, files)
        })
        .collect();
    Ok(SplitApp {
        files: AppFiles {
            js: format!("{folder}/main.js"),
            wasm: format!("{folder}/main_bg.wasm"),
        },
        chunks,
    })
}

/// The split's manifest in the work folder (for `make size` and the benchmark): the main
/// module, each split point's files, and which split points are routes.
pub const MANIFEST: &str = "split.json";

/// The loader the splitter writes; the main module imports it by this name.
const LOADER: &str = "./__wasm_split.js";
/// [`LOADER`]'s file.
const LOADER_FILE: &str = "__wasm_split.js";

#[cfg(test)]
mod tests {
    use super::*;

    /// A custom section named `name` holding `body`.
    fn custom(name: &str, body: &[u8]) -> Vec<u8> {
        let mut content = vec![name.len() as u8];
        content.extend_from_slice(name.as_bytes());
        content.extend_from_slice(body);
        let mut section = vec![0, content.len() as u8];
        section.extend(content);
        section
    }

    #[test]
    fn relocations_are_dropped_and_every_other_section_kept_byte_for_byte() {
        let header = b"\0asm\x01\0\0\0".to_vec();
        let types = vec![1, 4, 1, 0x60, 0, 0];
        let producers = custom("producers", b"rustc");
        let module = [
            header.clone(),
            types.clone(),
            custom("linking", &[2; 40]),
            custom("reloc.CODE", &[1, 2, 3]),
            producers.clone(),
        ]
        .concat();
        assert_eq!(
            without_relocations(&module).unwrap(),
            [header.clone(), types, producers].concat()
        );
        assert!(without_relocations(b"<!doctype html>").is_err());
        let cut = [header, vec![1, 9, 1]].concat();
        assert!(without_relocations(&cut).is_err(), "a section past the end");
    }

    #[test]
    fn a_module_with_split_points_is_told_from_one_without() {
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        assert!(!has_split_points(&module));
        module.extend_from_slice(b"\x02\x1a__wasm_split_placeholder__");
        assert!(has_split_points(&module));
    }
}
