//! Every language's catalog (`public/i18n/<code>.json`) against the English one: it reads, it
//! has every message in every plural form its language uses, with the same placeholders and
//! marked spans, and nothing English lacks; and every English message is used by the code.

use std::path::{Path, PathBuf};

use coops_core::i18n::{Catalog, Lang, check, english};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn catalog(lang: Lang) -> Catalog {
    Catalog::read(lang, &root().join("public")).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_language_has_every_message_in_every_form() {
    let en = catalog(Lang::En);
    assert_eq!(&en, english(), "the built-in English is the file's");
    assert!(en.keys().count() > 0);
    for lang in Lang::ALL {
        let problems = check(&en, &catalog(lang));
        let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(listed.is_empty(), "{}:\n{}", lang.code(), listed.join("\n"));
    }
    // One file per language, and no other.
    let mut files: Vec<String> = std::fs::read_dir(root().join("public/i18n"))
        .expect("public/i18n")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut expected: Vec<String> = Lang::ALL
        .iter()
        .map(|l| format!("{}.json", l.code()))
        .collect();
    expected.sort();
    assert_eq!(files, expected);
}

/// Every `.rs` file of the app and the crates, but not this one's tests.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            if !path.ends_with("target") && !path.ends_with("tests") {
                sources(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_english_message_is_used_by_the_code() {
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    sources(&root().join("crates"), &mut files);
    let code: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("a source file"))
        .collect();
    let forms = ["_one", "_many", "_other"];
    let mut unused: Vec<&str> = english()
        .keys()
        .map(|key| {
            forms
                .iter()
                .find_map(|f| key.strip_suffix(f))
                .unwrap_or(key)
        })
        .filter(|base| !code.contains(&format!("\"{base}\"")))
        .collect();
    unused.sort();
    unused.dedup();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

#[test]
fn every_language_has_the_whole_guide() {
    use coops_core::join::texts::{load_translated_guide, texts_path};
    let read = |path: &str| {
        let path = root().join("public").join(path);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"))
    };
    let english = read("data/join.json");
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let guide = load_translated_guide(&english, &read(&texts_path(lang)))
            .unwrap_or_else(|e| panic!("{}: {e}", lang.code()));
        let original = coops_core::join::load_guide(&english).expect("the guide");
        // Every text is the language's own: none is the English left in place, but for names.
        let untranslated: Vec<&str> = guide
            .steps
            .iter()
            .zip(&original.steps)
            .map(|(theirs, ours)| (theirs.question.as_str(), ours.question.as_str()))
            .chain(
                guide
                    .outcomes
                    .iter()
                    .zip(&original.outcomes)
                    .flat_map(|(theirs, ours)| {
                        [
                            (theirs.title.as_str(), ours.title.as_str()),
                            (theirs.summary.as_str(), ours.summary.as_str()),
                            (theirs.why.as_str(), ours.why.as_str()),
                        ]
                    }),
            )
            .filter(|(theirs, ours)| theirs == ours)
            .map(|(_, ours)| ours)
            .collect();
        assert!(untranslated.is_empty(), "{}: {untranslated:?}", lang.code());
    }
}
