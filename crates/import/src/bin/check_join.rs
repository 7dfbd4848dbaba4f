//! `check-join [public/data/join.json]`: validates the join guide and its translations beside
//! it (`join.es.json`, …), and lists every path.
//!
//! Exits 0 when every path from the start ends in an outcome with sources and well-formed
//! links, and every language's texts fit the guide; otherwise prints each problem and exits 1.
//! Maintainers run it after editing a file.

use std::path::Path;
use std::process::ExitCode;

use coops_core::i18n::Lang;
use coops_core::join::texts::{load_translated_guide, texts_path};
use coops_core::join::{GuideError, all_paths, load_guide};
use coops_core::query::format_answers;

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "public/data/join.json".to_string());
    let read = |path: &str| match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) => {
            eprintln!("check-join: cannot read {path}: {e}");
            None
        }
    };
    let Some(text) = read(&path) else {
        return ExitCode::from(2);
    };
    let guide = match load_guide(&text) {
        Ok(guide) => guide,
        Err(e) => return report(&path, e),
    };
    let paths = all_paths(&guide);
    println!(
        "{path}: valid. {} steps, {} outcomes, {} paths:",
        guide.steps.len(),
        guide.outcomes.len(),
        paths.len()
    );
    for (answers, outcome) in &paths {
        println!(
            "  /join?a={} -> {outcome}",
            format_answers(&answers.iter().map(|a| vec![a.clone()]).collect::<Vec<_>>())
        );
    }
    // Each translation beside the guide (`data/join.es.json` next to `data/join.json`).
    let folder = Path::new(&path).parent().unwrap_or(Path::new("."));
    let mut status = ExitCode::SUCCESS;
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let file = folder.join(Path::new(&texts_path(lang)).file_name().unwrap_or_default());
        let file = file.to_string_lossy();
        let Some(texts) = read(&file) else {
            status = ExitCode::FAILURE;
            continue;
        };
        match load_translated_guide(&text, &texts) {
            Ok(_) => println!("{file}: every text of the guide, and nothing else."),
            Err(e) => status = report(&file, e),
        }
    }
    status
}

/// Prints what is wrong with the file at `path`.
fn report(path: &str, error: GuideError) -> ExitCode {
    match error {
        GuideError::Invalid(problems) => {
            eprintln!("{path}: {} problem(s):", problems.len());
            for problem in problems {
                eprintln!("  - {problem}");
            }
        }
        e => eprintln!("{path}: {e}"),
    }
    ExitCode::FAILURE
}
