//! Files written under a hash of their content (so a host may cache them for ever), with
//! their Subresource Integrity; the stylesheets joined; the scripts' shared pieces written in
//! and their placeholder filled.

use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

use crate::{SiteError, read, write};

/// The one placeholder each script source (`public/js/*.js`) holds, as a JSON value:
/// `const BUILD = /*BUILD*/{};`.
pub const PLACEHOLDER: &str = "/*BUILD*/{}";

/// A file written by [`write_hashed`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Its name in the site's root: `boot-0123456789abcdef.js`.
    pub name: String,
    /// Its Subresource Integrity (`sha384-…`).
    pub integrity: String,
}

/// Writes `bytes` as `<stem>-<hash>.<ext>` in `dir`.
pub fn write_hashed(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> Result<Written, SiteError> {
    let name = format!("{stem}-{}.{ext}", short_hash(Sha256::digest(bytes)));
    write(&dir.join(&name), bytes)?;
    Ok(Written {
        name,
        integrity: integrity(bytes),
    })
}

/// A digest's first 8 bytes in hex: the part of a file's (or a folder's) name that changes
/// with its content.
pub fn short_hash(digest: impl AsRef<[u8]>) -> String {
    digest
        .as_ref()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The Subresource Integrity of `bytes`.
pub fn integrity(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

/// How a script source asks for a piece of script it shares with others:
/// `/*INCLUDE:dataset.js*/`, a file of `public/js/include/`.
pub const INCLUDE: &str = "/*INCLUDE:";

/// `source` (the script at `path`) with each `/*INCLUDE:name*/` replaced by the file `name` of
/// `dir`: what several scripts do is written once. It is written into each script rather than
/// imported from a module of its own, which would be one more request before the downloads the
/// scripts start.
pub fn include_shared(path: &Path, source: &str, dir: &Path) -> Result<String, SiteError> {
    let refuse = |message: String| SiteError::Include {
        path: path.to_path_buf(),
        message,
    };
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(start) = rest.find(INCLUDE) {
        out.push_str(&rest[..start]);
        let after = &rest[start + INCLUDE.len()..];
        let end = after
            .find("*/")
            .ok_or_else(|| refuse(format!("{INCLUDE} without its closing */")))?;
        let name = &after[..end];
        let plain = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            && !name.starts_with('.');
        if !plain {
            return Err(refuse(format!(
                "{name:?} is not a file name of {}",
                dir.display()
            )));
        }
        out.push_str(&String::from_utf8_lossy(&read(&dir.join(name))?));
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `source` (the script at `path`) with its [`PLACEHOLDER`] replaced by `value`.
pub fn fill_placeholder(
    path: &Path,
    source: &str,
    value: &serde_json::Value,
) -> Result<String, SiteError> {
    if source.matches(PLACEHOLDER).count() != 1 {
        return Err(SiteError::Placeholder(path.to_path_buf()));
    }
    Ok(source.replacen(PLACEHOLDER, &value.to_string(), 1))
}

/// The stylesheets `files` of `dir`, in order, each headed by its name.
pub fn join_stylesheets(dir: &Path, files: &[&str]) -> Result<String, SiteError> {
    let mut joined = String::new();
    for file in files {
        let text = read(&dir.join(file))?;
        joined.push_str(&format!("/* {file} */\n"));
        joined.push_str(&String::from_utf8_lossy(&text));
        joined.push('\n');
    }
    Ok(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_placeholder_is_filled_once_and_a_source_without_it_is_refused() {
        let value = serde_json::json!({"a": "</script>"});
        let filled =
            fill_placeholder(Path::new("x.js"), "const BUILD = /*BUILD*/{};", &value).unwrap();
        assert_eq!(filled, r#"const BUILD = {"a":"</script>"};"#);
        for bad in ["const BUILD = {};", "/*BUILD*/{} /*BUILD*/{}"] {
            let error = fill_placeholder(Path::new("gate.js"), bad, &value).unwrap_err();
            assert!(error.to_string().contains("gate.js"), "{error}");
        }
    }

    #[test]
    fn shared_pieces_are_written_in_and_a_bad_marker_is_refused() {
        let dir = std::env::temp_dir().join(format!("coops-site-include-{}", std::process::id()));
        write(&dir.join("shared.js"), b"const shared = 1;").unwrap();
        let script = Path::new("boot.js");
        let filled = include_shared(
            script,
            "a();\n/*INCLUDE:shared.js*/\nb(shared); /*INCLUDE:shared.js*/",
            &dir,
        )
        .unwrap();
        assert_eq!(
            filled,
            "a();\nconst shared = 1;\nb(shared); const shared = 1;"
        );
        assert_eq!(
            include_shared(script, "no marker", &dir).unwrap(),
            "no marker"
        );
        for bad in [
            "/*INCLUDE:shared.js",
            "/*INCLUDE:../shared.js*/",
            "/*INCLUDE:*/",
            "/*INCLUDE:.hidden*/",
        ] {
            let error = include_shared(script, bad, &dir).unwrap_err();
            assert!(error.to_string().starts_with("boot.js: "), "{error}");
        }
        let missing = include_shared(script, "/*INCLUDE:gone.js*/", &dir).unwrap_err();
        assert!(missing.to_string().contains("gone.js"), "{missing}");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn hashed_names_follow_the_content() {
        let dir = std::env::temp_dir().join(format!("coops-site-hash-{}", std::process::id()));
        let a = write_hashed(&dir, "boot", "js", b"one").unwrap();
        let b = write_hashed(&dir, "boot", "js", b"two").unwrap();
        assert_ne!(a.name, b.name);
        assert!(a.name.starts_with("boot-") && a.name.ends_with(".js"));
        assert_eq!(std::fs::read(dir.join(&a.name)).unwrap(), b"one");
        assert!(a.integrity.starts_with("sha384-"));
        let _ = std::fs::remove_dir_all(dir);
    }
}
