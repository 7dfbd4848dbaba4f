//! "Download": the list as the visitor filtered it, in the formats other tools read, made in
//! the browser from the co-ops on screen (`coops_core::export`), with no server.

use coops_core::export;
use coops_core::i18n::words;
use coops_core::search::Results;
use leptos::prelude::*;

use crate::data::DirectoryData;

/// A format a filtered view can be downloaded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
    GeoJson,
}

impl Format {
    const ALL: [Format; 3] = [Format::Csv, Format::Json, Format::GeoJson];

    /// Its name, the same in every language.
    fn name(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Json => "JSON",
            Format::GeoJson => "GeoJSON",
        }
    }

    /// The file's name and type.
    fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::Csv => ("tech-coops.csv", "text/csv;charset=utf-8"),
            Format::Json => ("tech-coops.json", "application/json"),
            Format::GeoJson => ("tech-coops.geojson", "application/geo+json"),
        }
    }

    /// The co-ops at `matches` (positions in the dataset, in the list's order on screen).
    fn write(self, data: &DirectoryData, matches: &[u32]) -> String {
        let directory = &data.directory;
        let coops = matches.iter().map(|&i| &directory.coops[i as usize]);
        match self {
            Format::Csv => export::csv(directory, coops),
            Format::Json => export::json(directory, coops),
            Format::GeoJson => export::geojson(directory, coops).to_string(),
        }
    }
}

/// A disclosure offering each format; each button saves the co-ops the list shows now.
#[component]
pub fn DownloadMenu(
    /// The dataset.
    data: DirectoryData,
    /// The current results.
    results: Memo<Results>,
    /// In the page rendered at build time, where it is drawn (so nothing moves when the app
    /// takes over) but does nothing yet.
    prerendering: bool,
) -> impl IntoView {
    let buttons = Format::ALL
        .map(|format| {
            let data = data.clone();
            let save = move |_| {
                let (name, mime) = format.file();
                let content = results.with_untracked(|r| format.write(&data, &r.matches));
                crate::dom::download(name, mime, &content);
            };
            view! {
                <li>
                    <button type="button" class="button button--quiet" data-format=format.name() on:click=save>
                        {format.name()}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="download" data-testid="download" inert=prerendering>
            <summary class="download__summary">{words().text("download")}</summary>
            <div class="download__panel">
                <p class="download__help">{words().text("download-help")}</p>
                <ul class="download__formats">{buttons}</ul>
            </div>
        </details>
    }
}
