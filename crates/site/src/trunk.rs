//! What the build needs from Trunk's output: the names of the app's two files.
//!
//! Trunk.toml's `pattern_script` makes Trunk write them, in place of its own loader, as a JSON
//! data block (`<script type="application/json" id="tc-trunk-output">`), and `pattern_preload`
//! makes it write no preloads (gate.js asks for what each page needs). Nothing else of Trunk's
//! `index.html` is used: every page is written anew.

use crate::SiteError;

/// The id of the data block Trunk writes (Trunk.toml's `pattern_script`).
pub const OUTPUT_ID: &str = "tc-trunk-output";

/// The app's files, as Trunk named them (relative to the site's root).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppFiles {
    /// wasm-bindgen's glue.
    pub js: String,
    /// The module.
    pub wasm: String,
}

/// Reads the app's file names from Trunk's `index.html`.
pub fn app_files(index_html: &str) -> Result<AppFiles, SiteError> {
    let missing = || {
        SiteError::Trunk(format!(
            "index.html has no <script type=\"application/json\" id=\"{OUTPUT_ID}\"> (is \
             Trunk.toml's pattern_script set?)"
        ))
    };
    let marker = format!("id=\"{OUTPUT_ID}\"");
    let at = index_html.find(&marker).ok_or_else(missing)?;
    let open = at + index_html[at..].find('>').ok_or_else(missing)? + 1;
    let close = open + index_html[open..].find("</script>").ok_or_else(missing)?;
    let value: serde_json::Value = serde_json::from_str(index_html[open..close].trim())
        .map_err(|e| SiteError::Trunk(format!("the block {OUTPUT_ID} is not JSON: {e}")))?;
    let field = |name: &str| {
        value[name]
            .as_str()
            .filter(|s| !s.is_empty() && !s.contains('/') && !s.contains(".."))
            .map(str::to_string)
            .ok_or_else(|| SiteError::Trunk(format!("the block {OUTPUT_ID} has no file {name:?}")))
    };
    Ok(AppFiles {
        js: field("js")?,
        wasm: field("wasm")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_files_trunk_names() {
        let html = r#"<html><head><base href="/"/>
<script type="application/json" id="tc-trunk-output">{"js": "app-1a2b.js", "wasm": "app-1a2b_bg.wasm"}</script>
</head><body></body></html>"#;
        assert_eq!(
            app_files(html).unwrap(),
            AppFiles {
                js: "app-1a2b.js".into(),
                wasm: "app-1a2b_bg.wasm".into()
            }
        );
    }

    #[test]
    fn says_what_is_missing() {
        let error = app_files("<html><script type=\"module\">import x</script></html>")
            .unwrap_err()
            .to_string();
        assert!(error.contains("pattern_script"), "{error}");
        let error = app_files(
            r#"<script type="application/json" id="tc-trunk-output">{"js": "a.js"}</script>"#,
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("wasm"), "{error}");
        let error = app_files(r#"<script type="application/json" id="tc-trunk-output">{"js": "../a.js", "wasm": "b"}</script>"#)
            .unwrap_err()
            .to_string();
        assert!(error.contains("js"), "{error}");
    }
}
