//! The links between this project's documents: README.md and every .md file under docs/.
//!
//! The README is the front door and each topic has a document of its own in docs/, so the documents
//! point at one another, often at a heading (`performance.md#levers-tried`). A file renamed or a
//! heading reworded would leave links that go nowhere, and nothing else would notice: GitHub shows
//! a broken anchor as the top of the page. So every relative inline link, `[text](target)`, is
//! checked here (the documents use no reference links): its file must exist, relative to the
//! linking file's folder, and when it names an anchor, the file must have a heading whose GitHub
//! anchor that is. Links in fenced code blocks and in code spans are examples, not links, and are
//! left alone; links to other sites are not fetched. And the README must stay short enough to be a
//! front door.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The README's length at most: room to grow a little, not to become a manual again.
const README_MAX_LINES: usize = 220;

/// The repository's root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// README.md, then every `.md` file under docs/ (its folders too), by path.
fn documents() -> Vec<PathBuf> {
    let root = root();
    let mut documents = Vec::new();
    markdown_under(&root.join("docs"), &mut documents);
    documents.sort();
    documents.insert(0, root.join("README.md"));
    documents
}

/// Every `.md` file under `dir`, at any depth.
fn markdown_under(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a folder lists its files").path();
        if path.is_dir() {
            markdown_under(&path, found);
        } else if path.extension().and_then(|ext| ext.to_str()) == Some("md") {
            found.push(path);
        }
    }
}

/// A document's blocks outside fenced code (```` ``` ```` or `~~~`), each with the number of
/// its first line: the runs of lines between blank lines and fences. A code span cannot leave
/// its block, so a block is where code spans are told apart from text.
fn blocks(text: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    let mut fence: Option<&str> = None;
    for (i, line) in text.lines().enumerate() {
        let marker = ["```", "~~~"]
            .into_iter()
            .find(|m| line.trim_start().starts_with(*m));
        if let Some(open) = fence {
            if marker == Some(open) {
                fence = None;
            }
            continue;
        }
        if marker.is_some() || line.trim().is_empty() {
            blocks.extend(current.take());
            fence = marker;
            continue;
        }
        let (_, block) = current.get_or_insert_with(|| (i + 1, String::new()));
        if !block.is_empty() {
            block.push('\n');
        }
        block.push_str(line);
    }
    blocks.extend(current);
    blocks
}

/// The text of an ATX heading (`## Levers tried`), without its `#`s.
fn heading(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches('#');
    let level = line.len() - rest.len();
    let is_heading = (1..=6).contains(&level) && (rest.is_empty() || rest.starts_with(' '));
    if !is_heading {
        return None;
    }
    let text = rest.trim();
    // A closing run of `#`s counts only after a space ("## C#" is about C#).
    let unclosed = text.trim_end_matches('#');
    Some(if unclosed.is_empty() || unclosed.ends_with(' ') {
        unclosed.trim_end()
    } else {
        text
    })
}

/// GitHub's anchor for a heading: lower case, each space a `-`, and every character that is
/// not a letter, a digit, `-` or `_` left out.
fn slug(heading: &str) -> String {
    heading
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The anchors of a document's headings, in order; GitHub numbers a repeated one (`title-1`).
fn anchors(text: &str) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut anchors = Vec::new();
    for (_, block) in blocks(text) {
        for line in block.lines() {
            let Some(heading) = heading(line) else {
                continue;
            };
            let anchor = slug(heading);
            let times = seen.entry(anchor.clone()).or_insert(0);
            anchors.push(if *times == 0 {
                anchor
            } else {
                format!("{anchor}-{times}")
            });
            *times += 1;
        }
    }
    anchors
}

/// A block without its code spans (`like this`): the parts outside backticks.
fn without_code_spans(block: &str) -> String {
    block.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

/// The targets of the inline links `[text](target)` in a block, without any title.
fn link_targets(block: &str) -> Vec<&str> {
    let mut targets = Vec::new();
    let mut rest = block;
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let Some(end) = after.find(')') else {
            break;
        };
        targets.push(after[..end].split_whitespace().next().unwrap_or(""));
        rest = &after[end..];
    }
    targets
}

/// Whether a relative link of `document` leads somewhere: what is missing if not.
fn check(document: &Path, target: &str) -> Result<(), String> {
    if target.is_empty() {
        return Err("the link has no target".to_string());
    }
    let (file, anchor) = match target.split_once('#') {
        Some((file, anchor)) => (file, Some(anchor)),
        None => (target, None),
    };
    let path = if file.is_empty() {
        document.to_path_buf()
    } else {
        document
            .parent()
            .expect("a document is in a folder")
            .join(file)
    };
    if !path.exists() {
        return Err(format!(
            "there is no {file} beside the linking file (looked for {})",
            path.display()
        ));
    }
    let Some(anchor) = anchor else {
        return Ok(());
    };
    // Only markdown files have headings; GitHub's other anchors (a source file's `#L12`) are
    // not checked.
    if path.extension().and_then(|ext| ext.to_str()) != Some("md") {
        return Ok(());
    }
    let anchors = anchors(&read(&path));
    if anchors.iter().any(|a| a == anchor) {
        return Ok(());
    }
    let file = if file.is_empty() { "this file" } else { file };
    Err(format!(
        "{file} has no heading whose anchor is #{anchor} (its anchors: {})",
        anchors.join(", ")
    ))
}

#[test]
fn every_relative_link_between_the_documents_leads_somewhere() {
    let root = root();
    let mut problems = Vec::new();
    for document in documents() {
        let name = document
            .strip_prefix(&root)
            .unwrap_or(document.as_path())
            .display()
            .to_string();
        for (line, block) in blocks(&read(&document)) {
            let text = without_code_spans(&block);
            for target in link_targets(&text) {
                let external = ["http://", "https://", "mailto:"]
                    .iter()
                    .any(|scheme| target.starts_with(*scheme));
                if external {
                    continue;
                }
                if let Err(missing) = check(&document, target) {
                    problems.push(format!(
                        "{name}, the paragraph at line {line}: the link ({target}): {missing}"
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} broken link(s) between the documents:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_readme_stays_a_front_door() {
    let lines = read(&root().join("README.md")).lines().count();
    assert!(
        lines <= README_MAX_LINES,
        "README.md has {lines} lines, more than {README_MAX_LINES}: it is the front door, so \
         move the detail into a document of docs/ and link to it"
    );
}

#[test]
fn anchors_follow_githubs_rules() {
    let text = "# Title\n\n## Format of `public/data/directory.json` (schema 1.3)\n\n```\n\
                # not a heading\n```\n\n## A co-op's page\n## Title\n### C#\n## Closed ##\n";
    assert_eq!(
        anchors(text),
        [
            "title",
            "format-of-publicdatadirectoryjson-schema-13",
            "a-co-ops-page",
            "title-1",
            "c",
            "closed",
        ]
    );
}

#[test]
fn links_are_read_outside_code() {
    let block = "See [a](b.md#c), `[x](y.md)` and [d](https://e \"title\").";
    assert_eq!(
        link_targets(&without_code_spans(block)),
        ["b.md#c", "https://e"]
    );
}
