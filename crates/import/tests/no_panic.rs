//! The importer never panics: not on random text, not on the real list with its table rows
//! mutated at random (cells cut, pipes added, bytes swapped, lines dropped or doubled).

use coops_import::gazetteer::Gazetteer;
use proptest::prelude::*;

const SEED: &str = include_str!("fixtures/seed-README.md");
const TRAPS: &str = include_str!("fixtures/traps.md");

/// A small list with one table, to which random rows are appended.
const HEAD: &str = "# List\n\n### Europe\n\nCoop | Business Areas | Region/Country | Notes\n---- | --- | --- | ---\n";

fn import_all_ways(text: &str) {
    let _ = coops_import::import(text, "README.md", None, &Gazetteer::default());
    let _ = coops_import::import(
        TRAPS,
        "README.md",
        Some((text, "DEFUNCT.md")),
        &Gazetteer::default(),
    );
}

/// Characters that matter to markdown tables, links and the location parser.
fn table_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec!['|', '\\', '[', ']', '(', ')', '<', '>', '*', '_', '`', '&', '#', ';', ',', '/', '+', '-', ' ', '\n', ':']),
        2 => prop::char::range('a', 'z'),
        1 => prop::sample::select(vec!['Ã', '©', 'â', '€', '\u{9d}', 'é', '🎉', '\u{feff}', '\t', '\r', '0', '9']),
        1 => any::<char>(),
    ]
}

fn row() -> impl Strategy<Value = String> {
    prop::collection::vec(table_char(), 0..80).prop_map(|chars| chars.into_iter().collect())
}

/// One edit of a line.
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
    Drop,
    Double,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<usize>(), row()).prop_map(|(at, s)| Edit::Insert(at, s)),
        2 => (any::<usize>(), 0usize..20).prop_map(|(at, n)| Edit::Delete(at, n)),
        1 => Just(Edit::Drop),
        1 => Just(Edit::Double),
    ]
}

fn apply(line: &str, edit: &Edit) -> String {
    let chars: Vec<char> = line.chars().collect();
    let pos = |at: usize| {
        if chars.is_empty() {
            0
        } else {
            at % (chars.len() + 1)
        }
    };
    match edit {
        Edit::Insert(at, s) => {
            let p = pos(*at);
            chars[..p]
                .iter()
                .copied()
                .chain(s.chars())
                .chain(chars[p..].iter().copied())
                .collect()
        }
        Edit::Delete(at, n) => {
            let p = pos(*at);
            let end = (p + n).min(chars.len());
            chars[..p].iter().chain(chars[end..].iter()).collect()
        }
        Edit::Drop => String::new(),
        Edit::Double => format!("{line}\n{line}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, .. ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_text(text in any::<String>()) {
        import_all_ways(&text);
    }

    #[test]
    fn never_panics_on_random_rows(rows in prop::collection::vec(row(), 0..12)) {
        let text = format!("{HEAD}{}\n", rows.join("\n"));
        import_all_ways(&text);
    }

    #[test]
    fn never_panics_on_mutated_rows_of_the_list(edits in prop::collection::vec((any::<usize>(), edit()), 1..8)) {
        let mut lines: Vec<String> = SEED.lines().map(str::to_string).collect();
        let rows: Vec<usize> = lines.iter().enumerate().filter(|(_, l)| l.contains(" | ")).map(|(i, _)| i).collect();
        for (which, edit) in &edits {
            let i = rows[which % rows.len()];
            lines[i] = apply(&lines[i], edit);
        }
        import_all_ways(&lines.join("\n"));
    }
}

#[test]
fn never_panics_on_odd_documents() {
    let deep_list: String = (0..2000)
        .map(|i| format!("{}* [x](https://x.example/{i})\n", " ".repeat(i % 200)))
        .collect();
    let dashes = format!("## Networks\n\n{}x\n", "- ".repeat(5000));
    let wide = format!("{HEAD}{}\n", "| a ".repeat(5000));
    for text in [
        String::new(),
        "\u{feff}".to_string(),
        "|".repeat(1000),
        format!("{HEAD}|||||\n| | | |\n\\|\\|\\|\n"),
        format!("## Networks\n\n{deep_list}"),
        dashes,
        wide,
        format!("{HEAD}[x](https://x.example) | {} | \n", "Ã".repeat(100)),
        format!("{}{HEAD}", "> ".repeat(2000)),
        format!("{HEAD}{} | a | b\n", "[".repeat(5000)),
        format!("{HEAD}x | {} | b\n", "*_".repeat(5000)),
        format!(
            "## Resources\n\n{}",
            "#### h\n\n* [a](https://a.example)\n".repeat(500)
        ),
    ] {
        import_all_ways(&text);
    }
}
