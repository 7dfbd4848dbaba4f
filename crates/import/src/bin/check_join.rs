//! `check-join [public/data/join.json]`: validates the join guide and lists every path.
//!
//! Exits 0 when every path from the start ends in an outcome with sources and well-formed
//! links; otherwise prints each problem and exits 1. Maintainers run it after editing the file.

use std::process::ExitCode;

use coops_core::join::{GuideError, all_paths, format_answers, load_guide};

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "public/data/join.json".to_string());
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("check-join: cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    match load_guide(&text) {
        Ok(guide) => {
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
            ExitCode::SUCCESS
        }
        Err(GuideError::Invalid(problems)) => {
            eprintln!("{path}: {} problem(s):", problems.len());
            for problem in problems {
                eprintln!("  - {problem}");
            }
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}
