//! `prerender [DIR]`: writes the directory's first view into DIR/index.html, from
//! DIR/data/directory.json (see `coops_import::prerender`). Trunk runs it after each build on
//! its staging directory ($TRUNK_STAGING_DIR); DIR defaults to that, then to `dist`.

use std::path::PathBuf;
use std::process::ExitCode;

use coops_core::load::load_directory;
use coops_import::prerender::{MARKER, inject};

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .map_or_else(|| PathBuf::from("dist"), PathBuf::from);
    match run(&dir) {
        Ok(message) => {
            eprintln!("[prerender] {message}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("[prerender] {}: {message}", dir.display());
            ExitCode::FAILURE
        }
    }
}

fn run(dir: &std::path::Path) -> Result<String, String> {
    let index_path = dir.join("index.html");
    let data_path = dir.join("data/directory.json");
    let page = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;
    if !page.contains(MARKER) && page.contains(r#"id="tc-prerender""#) {
        return Ok("index.html already holds the directory".into());
    }
    let text = std::fs::read_to_string(&data_path)
        .map_err(|e| format!("cannot read {}: {e}", data_path.display()))?;
    let loaded = load_directory(&text).map_err(|e| {
        format!(
            "{} is not a dataset the app can read: {e}",
            data_path.display()
        )
    })?;
    let out = inject(&page, &loaded.directory).map_err(|e| e.to_string())?;
    std::fs::write(&index_path, &out)
        .map_err(|e| format!("cannot write {}: {e}", index_path.display()))?;
    Ok(format!(
        "wrote {} co-ops into index.html ({} KB)",
        loaded.directory.coops.len(),
        out.len() / 1024
    ))
}
