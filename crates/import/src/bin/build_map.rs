//! `build-map`: the command-line front of [`coops_import::map`].
//!
//! ```text
//! build-map <countries-110m.json> --out <world.json>
//! build-map --close-up <countries-50m.json> --out <world-close.json>
//! ```
//!
//! Reads a TopoJSON file of countries (world-atlas), writes the map asset, and prints a summary
//! of what was left out. Exits 0 when the asset was written, 1 when the input cannot be read or
//! is not a usable topology, or the output cannot be written, and 2 on a usage error.
//! `scripts/build-map.sh` fetches world-atlas and runs this.

use std::path::PathBuf;
use std::process::ExitCode;

use coops_import::map::{CLOSE_UP, Thinning, WORLD, build_from_topojson, to_json};

const USAGE: &str = "\
usage: build-map [--close-up] <countries.json> --out <world.json>

Projects and simplifies country shapes (TopoJSON from the world-atlas npm package) into the
map asset the app draws.
  <countries.json>       the TopoJSON file (its object \"countries\" is read): the
                         1:110m shapes for the world view, the 1:50m ones close up
  --close-up             thin it for the close-up map (16 times less), not the world view
  --out <world.json>     where to write the asset
  -h, --help             show this help

From the workspace root (fetches world-atlas first):
  scripts/build-map.sh";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Run {
        input: PathBuf,
        out: PathBuf,
        close_up: bool,
    },
    Help,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let (mut input, mut out, mut close_up) = (None, None, false);
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--close-up" => close_up = true,
            "--out" => {
                let value = args.next().ok_or("--out needs a file name")?;
                if out.replace(PathBuf::from(value)).is_some() {
                    return Err("--out given twice".to_string());
                }
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path => {
                if input.replace(PathBuf::from(path)).is_some() {
                    return Err("only one input file can be read".to_string());
                }
            }
        }
    }
    Ok(Command::Run {
        input: input.ok_or("no input file given")?,
        out: out.ok_or("no --out file given")?,
        close_up,
    })
}

fn main() -> ExitCode {
    let (input, out, thinning): (PathBuf, PathBuf, Thinning) =
        match parse_args(std::env::args().skip(1)) {
            Ok(Command::Run {
                input,
                out,
                close_up,
            }) => (input, out, if close_up { CLOSE_UP } else { WORLD }),
            Ok(Command::Help) => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Err(e) => {
                eprintln!("build-map: {e}\n\n{USAGE}");
                return ExitCode::from(2);
            }
        };
    let text = match std::fs::read_to_string(&input) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("build-map: cannot read {}: {e}", input.display());
            return ExitCode::FAILURE;
        }
    };
    let built = match build_from_topojson(&text, thinning) {
        Ok(built) => built,
        Err(e) => {
            eprintln!("build-map: {}: {e}", input.display());
            return ExitCode::FAILURE;
        }
    };
    let json = match to_json(&built.map) {
        Ok(json) => json,
        Err(e) => {
            eprintln!("build-map: cannot serialise the map: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(&out, &json) {
        eprintln!("build-map: cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    for note in &built.notes {
        eprintln!("note: {note}");
    }
    println!(
        "wrote {}: {} countries, {}×{}, {} bytes",
        out.display(),
        built.map.countries.len(),
        built.map.width,
        built.map.height,
        json.len()
    );
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn reads_the_command_line() {
        assert_eq!(
            parse_args(args(&["in.json", "--out", "out.json"])),
            Ok(Command::Run {
                input: "in.json".into(),
                out: "out.json".into(),
                close_up: false,
            })
        );
        assert_eq!(
            parse_args(args(&["--close-up", "in.json", "--out", "out.json"])),
            Ok(Command::Run {
                input: "in.json".into(),
                out: "out.json".into(),
                close_up: true,
            })
        );
        assert_eq!(parse_args(args(&["-h"])), Ok(Command::Help));
        assert!(parse_args(args(&["in.json"])).is_err());
        assert!(parse_args(args(&["--out", "o"])).is_err());
        assert!(parse_args(args(&["a", "b", "--out", "o"])).is_err());
        assert!(parse_args(args(&["a", "--out"])).is_err());
        assert!(parse_args(args(&["a", "--zoom", "3"])).is_err());
    }
}
