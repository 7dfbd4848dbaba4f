//! `make update-list` (scripts/update-list.sh) against a local server on 127.0.0.1: a list that
//! moved on is imported and its changes printed by name; a download that fails, or a page that
//! is not the list, changes nothing and says why; and the importer itself stops, naming the
//! file, when its gazetteer is missing or corrupt.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Serves `files` (path → body) on 127.0.0.1, 404 for anything else, for at most 50 requests.
fn serve(files: Vec<(String, String)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let address = listener.local_addr().expect("its address");
    std::thread::spawn(move || {
        for stream in listener.incoming().take(50) {
            let Ok(mut stream) = stream else { continue };
            let mut line = String::new();
            if BufReader::new(&stream).read_line(&mut line).is_err() {
                continue;
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            let (status, body) = files
                .iter()
                .find(|(p, _)| *p == path)
                .map_or(("404 Not Found", "not found".to_string()), |(_, b)| {
                    ("200 OK", b.clone())
                });
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    format!("http://{address}")
}

/// A checkout to update: the committed list and dataset, copied.
fn checkout(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("update-list-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for file in [
        "data/README.md",
        "data/DEFUNCT.md",
        "data/serves.toml",
        "data/i18n/es.json",
        "data/i18n/fr.json",
        "data/i18n/de.json",
        "public/data/directory.json",
    ] {
        let to = dir.join(file);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(Path::new(ROOT).join(file), &to).unwrap();
    }
    dir
}

fn update(root: &Path, url: &str) -> Output {
    Command::new("bash")
        .arg(Path::new(ROOT).join("scripts/update-list.sh"))
        .env("ROOT", root)
        .env("LIST_URL", url)
        .env("IMPORT", env!("CARGO_BIN_EXE_import"))
        .env(
            "GAZETTEER",
            Path::new(ROOT).join(coops_import::gazetteer::DEFAULT_PATH),
        )
        .output()
        .expect("bash runs the script")
}

fn read(root: &Path, file: &str) -> String {
    std::fs::read_to_string(root.join(file)).unwrap()
}

fn committed(file: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(file)).unwrap()
}

/// The list as it might be next month: Agaric gone, a new co-op in Lyon, and one co-op moved
/// to the defunct file.
fn next_month() -> (String, String) {
    let readme = committed("data/README.md");
    let defunct = committed("data/DEFUNCT.md");
    let mut lines: Vec<String> = readme.lines().map(str::to_string).collect();
    lines.retain(|l| !l.starts_with("[Agaric]"));
    let closing = lines
        .iter()
        .position(|l| l.starts_with("[Codeurs en Liberté]"))
        .expect("the row of Codeurs en Liberté");
    let closing_row = lines.remove(closing);
    lines.insert(
        closing,
        "[Nouvelle Coop](https://nouvelle.example/) | Web development | Lyon, France | Founded 2026"
            .to_string(),
    );
    let defunct = defunct.replacen("[Rabotnik]", &format!("{closing_row}\n[Rabotnik]"), 1);
    (lines.join("\n") + "\n", defunct)
}

#[test]
fn a_list_that_moved_on_is_imported_and_its_changes_named() {
    let root = checkout("moved-on");
    let (readme, defunct) = next_month();
    let url = serve(vec![
        ("/list/README.md".into(), readme.clone()),
        ("/list/DEFUNCT.md".into(), defunct.clone()),
    ]);
    let out = update(&root, &format!("{url}/list"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("Added (1):\n  Nouvelle Coop\n"), "{stdout}");
    assert!(stdout.contains("Removed (1):\n  Agaric\n"), "{stdout}");
    assert!(
        stdout.contains("Moved to defunct (1):\n  Codeurs en Liberté\n"),
        "{stdout}"
    );
    assert!(stdout.contains("updated from"), "{stdout}");
    assert_eq!(read(&root, "data/README.md"), readme);
    assert_eq!(read(&root, "data/DEFUNCT.md"), defunct);
    let dataset = read(&root, "public/data/directory.json");
    assert!(dataset.contains("\"nouvelle-coop\"") && !dataset.contains("\"agaric\""));
    // Run again: nothing left to change.
    let again = update(&root, &format!("{url}/list"));
    assert!(String::from_utf8_lossy(&again.stdout).contains("No co-op changed."));
    std::fs::remove_dir_all(&root).unwrap();
}

/// Each failure leaves the checkout as it was and says why.
fn assert_nothing_changed(root: &Path, out: &Output, why: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains(why) && stderr.contains("nothing changed"),
        "{stderr}"
    );
    for file in [
        "data/README.md",
        "data/DEFUNCT.md",
        "public/data/directory.json",
    ] {
        assert_eq!(read(root, file), committed(file), "{file} changed");
    }
}

#[test]
fn a_failed_download_changes_nothing() {
    let root = checkout("missing");
    let url = serve(vec![(
        "/list/README.md".into(),
        committed("data/README.md"),
    )]);
    // DEFUNCT.md is missing there: 404.
    let out = update(&root, &format!("{url}/list"));
    assert_nothing_changed(&root, &out, "could not download");
    assert!(String::from_utf8_lossy(&out.stderr).contains("DEFUNCT.md"));
    // No server at all.
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let out = update(&root, &format!("http://{closed}/list"));
    assert_nothing_changed(&root, &out, "could not download");
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_page_that_is_not_the_list_changes_nothing() {
    let root = checkout("not-the-list");
    let url = serve(vec![
        (
            "/list/README.md".into(),
            "<!doctype html><title>Sign in</title><p>Please sign in.</p>".into(),
        ),
        ("/list/DEFUNCT.md".into(), committed("data/DEFUNCT.md")),
    ]);
    let out = update(&root, &format!("{url}/list"));
    assert_nothing_changed(&root, &out, "is not the list");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no table of co-ops"));
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn the_importer_stops_naming_a_missing_or_corrupt_gazetteer() {
    let dir = std::env::temp_dir().join(format!("gazetteer-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let corrupt = dir.join("cities.json");
    std::fs::write(&corrupt, "{\"1\": [").unwrap();
    for gazetteer in [dir.join("missing.json"), corrupt] {
        let out = Command::new(env!("CARGO_BIN_EXE_import"))
            .arg(Path::new(ROOT).join("data/README.md"))
            .arg("--gazetteer")
            .arg(&gazetteer)
            .arg("--out")
            .arg(dir.join("out.json"))
            .output()
            .expect("the importer runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(&gazetteer.display().to_string()),
            "{stderr}"
        );
        assert!(stderr.contains("scripts/setup.sh gazetteer"), "{stderr}");
        assert!(!dir.join("out.json").exists(), "nothing written");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
