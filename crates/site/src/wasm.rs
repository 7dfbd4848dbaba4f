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
use wasmparser::{Parser, Payload};

use crate::assets::short_hash;
use crate::routes::Route;
use crate::trunk::AppFiles;
use crate::{Options, SiteError, read, write};

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
const SPLIT_PLACEHOLDER_MODULE: &str = "__wasm_split_placeholder__";

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
/// built with the app's flags, and never split. Every other section is kept byte for byte
/// (a section's header is what lies between the previous section's end and its contents).
pub fn without_relocations(module: &[u8]) -> Result<Vec<u8>, String> {
    let mut kept = Vec::with_capacity(module.len());
    let mut end = 0;
    for payload in Parser::new(0).parse_all(module) {
        let payload = payload.map_err(|e| e.to_string())?;
        let contents = match &payload {
            Payload::Version { range, .. } => range.clone(),
            other => match other.as_section() {
                Some((_, contents)) => contents,
                None => continue,
            },
        };
        let whole = end..usize::try_from(contents.end).map_err(|e| e.to_string())?;
        let relocation = matches!(&payload, Payload::CustomSection(custom)
            if custom.name() == "linking" || custom.name().starts_with("reloc."));
        if !relocation {
            kept.extend_from_slice(&module[whole.clone()]);
        }
        end = whole.end;
    }
    Ok(kept)
}

/// Whether the linked module has split points: imports from the splitter's placeholder module.
pub fn has_split_points(linked: &[u8]) -> Result<bool, String> {
    for payload in Parser::new(0).parse_all(linked) {
        if let Payload::ImportSection(imports) = payload.map_err(|e| e.to_string())? {
            for import in imports.into_imports() {
                if import.map_err(|e| e.to_string())?.module == SPLIT_PLACEHOLDER_MODULE {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
    }
    Ok(false)
}

/// The app's wasm as the site serves it: split into a main module and chunks when cargo's
/// linked module has split points (a release built inside `scripts/wasm-toolchain.sh`),
/// Trunk's two files otherwise (optimised, in a release). Every route's chunk must be among
/// the split's, or the pages would preload nothing for it.
pub fn app_wasm(options: &Options, trunk_app: AppFiles) -> Result<SplitApp, SiteError> {
    let unsplit = |files| SplitApp {
        files,
        chunks: Default::default(),
    };
    let Some(linked_path) = &options.linked_app else {
        return Ok(unsplit(trunk_app));
    };
    let linked = read(linked_path)?;
    let split_points = has_split_points(&linked)
        .map_err(|e| SiteError::Tool(format!("{}: {e}", linked_path.display())))?;
    if !split_points {
        optimise(&options.staging.join(&trunk_app.wasm), &options.source)?;
        return Ok(unsplit(trunk_app));
    }
    let split = split_app(&linked, &options.work, &options.staging)?;
    for route_chunk in Route::CHUNKS {
        if !split.chunks.contains_key(route_chunk) {
            return Err(SiteError::Tool(format!(
                "the split app has no chunk {route_chunk:?} (src/pages/routes.rs names each \
                 route's chunk; crates/site/src/routes.rs preloads it); it has {:?}",
                split.chunks.keys().collect::<Vec<_>>()
            )));
        }
    }
    let manifest = serde_json::json!({
        "main": split.files.wasm,
        "chunks": split.chunks,
        "routes": Route::CHUNKS,
    });
    write(
        &options.work.join(MANIFEST),
        manifest.to_string().as_bytes(),
    )?;
    // Trunk's unsplit files would only mislead.
    for file in [&trunk_app.js, &trunk_app.wasm] {
        let path = options.staging.join(file);
        std::fs::remove_file(&path).map_err(|error| SiteError::Io { path, error })?;
    }
    Ok(split)
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
    let folder = format!("app-{}", short_hash(hash.finalize()));
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

    /// A section `id` holding `contents` (each short enough for a one-byte size).
    fn section(id: u8, contents: &[u8]) -> Vec<u8> {
        [vec![id, contents.len() as u8], contents.to_vec()].concat()
    }

    /// A custom section named `name` holding `body`.
    fn custom(name: &str, body: &[u8]) -> Vec<u8> {
        let contents = [
            vec![name.len() as u8],
            name.as_bytes().to_vec(),
            body.to_vec(),
        ]
        .concat();
        section(0, &contents)
    }

    const HEADER: &[u8] = b"\0asm\x01\0\0\0";

    #[test]
    fn relocations_are_dropped_and_every_other_section_kept_byte_for_byte() {
        let header = HEADER.to_vec();
        let types = section(1, &[1, 0x60, 0, 0]);
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
        let types = section(1, &[1, 0x60, 0, 0]);
        let import = |module: &str| {
            let entry = [
                vec![1, module.len() as u8],
                module.as_bytes().to_vec(),
                vec![4],
                b"load".to_vec(),
                vec![0, 0],
            ]
            .concat();
            section(2, &entry)
        };
        let module = |imports: Vec<u8>| [HEADER.to_vec(), types.clone(), imports].concat();
        assert!(!has_split_points(HEADER).unwrap());
        assert!(!has_split_points(&module(import("env"))).unwrap());
        assert!(has_split_points(&module(import("__wasm_split_placeholder__"))).unwrap());
    }
}
