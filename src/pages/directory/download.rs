//! "Download": the list as the visitor filtered it, in the formats other tools read, made in
//! the browser from the co-ops on screen (`coops_core::export`), with no server: CSV, the
//! dataset's JSON, GeoJSON and Murmurations organisation profiles (a JSON array of them).

use coops_core::export;
use coops_core::i18n::words;
use coops_core::search::Results;
use leptos::prelude::*;

use crate::chunk::{ChunkError, split_fn};
use crate::data::DirectoryData;

/// A format a filtered view can be downloaded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
    GeoJson,
    Murmurations,
}

impl Format {
    const ALL: [Format; 4] = [
        Format::Csv,
        Format::Json,
        Format::GeoJson,
        Format::Murmurations,
    ];

    /// Its name, the same in every language.
    fn name(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Json => "JSON",
            Format::GeoJson => "GeoJSON",
            Format::Murmurations => "Murmurations",
        }
    }

    /// The file's name and type.
    fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::Csv => ("tech-coops.csv", "text/csv;charset=utf-8"),
            Format::Json => ("tech-coops.json", "application/json"),
            Format::GeoJson => ("tech-coops.geojson", "application/geo+json"),
            Format::Murmurations => ("tech-coops-murmurations.json", "application/json"),
        }
    }

    /// The co-ops at `matches` (positions in the dataset, in the list's order on screen).
    fn write(self, data: &DirectoryData, matches: &[u32]) -> String {
        // The page's language names nothing in a file: the published names, in English.
        let directory = &data.published;
        let coops = matches.iter().map(|&i| &data.directory.coops[i as usize]);
        match self {
            Format::Csv => export::csv(directory, coops),
            Format::Json => export::json(directory, coops),
            Format::GeoJson => export::geojson(directory, coops).to_string(),
            Format::Murmurations => export::murmurations::profiles_json(directory, coops),
        }
    }
}

split_fn!(
    /// The co-ops at `matches` in `format`: the writers are a chunk of their own in the split
    /// build, fetched the first time the visitor downloads.
    fn download_writers(format: Format, data: DirectoryData, matches: Vec<u32>) -> String {
        format.write(&data, &matches)
    }
);

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
    // The writers' chunk did not arrive: said in the panel; choosing a format fetches it again.
    let failed = RwSignal::new(false);
    let buttons = Format::ALL
        .map(|format| {
            let data = data.clone();
            let save = move |_| {
                let data = data.clone();
                let matches = results.with_untracked(|r| r.matches.clone());
                leptos::task::spawn_local(async move {
                    match download_writers(format, data, matches).await {
                        Ok(content) => {
                            failed.set(false);
                            let (name, mime) = format.file();
                            crate::dom::download(name, mime, &content);
                        }
                        Err(ChunkError) => failed.set(true),
                    }
                });
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
    // Murmurations has a profile only for a trading co-op with a website: say how many of
    // the view have none, so a count that differs from the list's is explained.
    let without_profile = move || {
        let left_out = results.with(|r| {
            export::murmurations::left_out_count(
                r.matches.iter().map(|&i| &data.directory.coops[i as usize]),
            )
        });
        (left_out > 0).then(|| {
            view! {
                <p class="download__note" data-testid="murmurations-left-out" data-count=left_out>
                    {words().count("download-murmurations-left-out", left_out as u64, &[])}
                </p>
            }
        })
    };
    view! {
        <details class="download" data-testid="download" inert=prerendering>
            <summary class="download__summary">{words().text("download")}</summary>
            <div class="download__panel">
                <p class="download__help">{words().text("download-help")}</p>
                <ul class="download__formats">{buttons}</ul>
                {move || failed.get().then(|| view! {
                    <p class="download__note" role="alert" data-testid="download-failed">
                        {words().text("download-failed")}
                    </p>
                })}
                {without_profile}
            </div>
        </details>
    }
}
