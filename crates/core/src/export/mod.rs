//! The directory's data in the formats other tools read (issue 22): CSV for spreadsheets and
//! journalists, GeoJSON for maps, Murmurations profiles for the maps of the wider movement
//! ([`murmurations`]). Made from any selection of co-ops, in the list's order: the
//! build publishes the whole dataset at stable addresses (`data/directory.csv`,
//! `data/directory.geojson`), and the same functions can make a filtered view's files.
//!
//! The columns and properties are the dataset's own fields, under the same names, with the
//! lists joined as [`JOINED`] says, so one description (docs/data-format.md's) serves every format.

pub mod murmurations;

use serde_json::{Value, json};

use crate::model::{Coop, Directory, Precision, Status, plain_text};
use crate::places::place_label;

/// How a field that holds a list is written in one CSV cell: its items joined by this.
pub const JOINED: &str = "; ";

/// The CSV's columns, in order (docs/data-format.md documents each).
pub const CSV_COLUMNS: [&str; 15] = [
    "id",
    "name",
    "url",
    "status",
    "region",
    "countries",
    "places",
    "latitudes",
    "longitudes",
    "remote",
    "worldwide",
    "business_areas",
    "tags",
    "founded",
    "notes",
];

/// `coops` as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a
/// comma, a quote or a line break, its quotes doubled), UTF-8, a header row first. A cell that a
/// spreadsheet would take for a formula (it begins with `=`, `+`, `-`, `@`, a tab or a carriage
/// return) starts with an apostrophe instead, so it shows as the text it is. No co-ops: the
/// header alone.
pub fn csv<'a>(directory: &Directory, coops: impl IntoIterator<Item = &'a Coop>) -> String {
    let mut out = String::new();
    push_row(&mut out, CSV_COLUMNS.iter().map(|c| c.to_string()));
    for coop in coops {
        let places = &coop.location.places;
        let numbers = |pick: fn(&crate::model::Place) -> f64| {
            places
                .iter()
                .map(|p| format!("{}", pick(p)))
                .collect::<Vec<_>>()
                .join(JOINED)
        };
        let row = [
            coop.id.clone(),
            coop.name.clone(),
            coop.url.clone().unwrap_or_default(),
            status(coop.status).to_string(),
            directory.region_name(&coop.region),
            coop.location.countries.join(JOINED),
            places
                .iter()
                .map(|p| place_label(directory, &p.name, &p.country, p.precision))
                .collect::<Vec<_>>()
                .join(JOINED),
            numbers(|p| p.lat),
            numbers(|p| p.lon),
            coop.location.remote.to_string(),
            coop.location.worldwide.to_string(),
            coop.business_areas.clone(),
            coop.tags.join(JOINED),
            coop.founded.map(|y| y.to_string()).unwrap_or_default(),
            plain_text(&coop.notes),
        ];
        push_row(&mut out, row.into_iter());
    }
    out
}

/// One CSV record and its line end.
fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    let cells: Vec<String> = fields.map(|f| csv_cell(&f)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// A field as a CSV cell: neutralised if a spreadsheet would run it, quoted if it must be.
pub fn csv_cell(field: &str) -> String {
    let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field.to_string()
    };
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

fn status(status: Status) -> &'static str {
    match status {
        Status::Active => "active",
        Status::Defunct => "defunct",
    }
}

/// `coops` in the dataset's own format (`public/directory.schema.json`): the directory with
/// only them, which the app and the schema read back as they read the whole.
pub fn json<'a>(directory: &Directory, coops: impl IntoIterator<Item = &'a Coop>) -> String {
    let selected = Directory {
        coops: coops.into_iter().cloned().collect(),
        ..directory.clone()
    };
    serde_json::to_string_pretty(&selected).unwrap_or_default()
}

/// `coops` as a GeoJSON FeatureCollection (RFC 7946): a Point at each of a co-op's places
/// (longitude first, as GeoJSON has it), its properties the co-op's fields and the place's. A
/// co-op the list places nowhere has no feature. No co-ops: an empty collection.
pub fn geojson<'a>(directory: &Directory, coops: impl IntoIterator<Item = &'a Coop>) -> Value {
    let features: Vec<Value> = coops
        .into_iter()
        .flat_map(|coop| {
            coop.location.places.iter().map(move |place| {
                json!({
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                    "properties": {
                        "id": coop.id,
                        "name": coop.name,
                        "url": coop.url,
                        "status": status(coop.status),
                        "region": directory.region_name(&coop.region),
                        "place": place_label(directory, &place.name, &place.country, place.precision),
                        "country": place.country,
                        "precision": match place.precision {
                            Precision::City => "city",
                            Precision::Region => "region",
                            Precision::Country => "country",
                        },
                        "remote": coop.location.remote,
                        "worldwide": coop.location.worldwide,
                        "business_areas": coop.business_areas,
                        "tags": coop.tags,
                        "founded": coop.founded,
                    },
                })
            })
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::coop_at;

    fn directory(coops: Vec<Coop>) -> Directory {
        crate::testing::directory_of(coops)
    }

    /// A reader of RFC 4180 records, enough to read back what [`csv`] writes.
    fn read_csv(text: &str) -> Vec<Vec<String>> {
        let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        rows
    }

    #[test]
    fn csv_cells_stay_text_in_a_spreadsheet_and_read_back_whole() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        for formula in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(
                csv_cell(formula).trim_start_matches('"').starts_with('\''),
                "{formula:?}"
            );
        }
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        let mut hostile = coop_at("hostile", &[("Paris", "FR", 48.85, 2.35, Precision::City)]);
        hostile.name = "=cmd|' /C calc'!A0, \"Ltd\"\nline two".into();
        hostile.business_areas = "@web, +design".into();
        let plain = coop_at("plain", &[]);
        let dir = directory(vec![hostile, plain]);
        let text = csv(&dir, &dir.coops);
        assert!(text.ends_with("\r\n"));
        let rows = read_csv(&text);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0], CSV_COLUMNS.map(String::from));
        assert!(
            rows.iter().all(|r| r.len() == CSV_COLUMNS.len()),
            "{rows:?}"
        );
        assert_eq!(rows[1][1], "'=cmd|' /C calc'!A0, \"Ltd\"\nline two");
        assert_eq!(rows[1][11], "'@web, +design");
        assert_eq!(rows[1][6], "Paris, FR");
        assert_eq!(rows[1][7], "48.85");
        assert_eq!(rows[2][0], "plain");
        // An empty view: the header alone.
        assert_eq!(read_csv(&csv(&dir, [])).len(), 1);
    }

    #[test]
    fn geojson_has_a_point_per_place_longitude_first() {
        let two = coop_at(
            "two",
            &[
                ("Lyon", "FR", 45.76, 4.84, Precision::City),
                ("France", "FR", 46.6, 2.2, Precision::Country),
            ],
        );
        let nowhere = coop_at("nowhere", &[]);
        let dir = directory(vec![two, nowhere]);
        let collection = geojson(&dir, &dir.coops);
        assert_eq!(collection["type"], "FeatureCollection");
        let features = collection["features"].as_array().unwrap();
        assert_eq!(features.len(), 2);
        assert_eq!(features[0]["geometry"]["coordinates"], json!([4.84, 45.76]));
        assert_eq!(features[0]["properties"]["id"], "two");
        assert_eq!(features[1]["properties"]["precision"], "country");
        assert_eq!(geojson(&dir, [])["features"], json!([]));
    }

    #[test]
    fn json_is_the_dataset_with_only_the_chosen_coops() {
        let dir = directory(vec![
            coop_at("a", &[]),
            coop_at("b", &[]),
            coop_at("c", &[]),
        ]);
        let text = json(&dir, [&dir.coops[0], &dir.coops[2]]);
        let back = crate::load::load_directory(&text).expect("it reads back");
        let ids: Vec<&str> = back.directory.coops.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(back.directory.regions, dir.regions);
    }
}
