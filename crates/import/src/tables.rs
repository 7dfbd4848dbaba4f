//! Co-op tables: which tables list co-ops, which column is which, and how a row's cells are
//! sorted into name, business areas, location and notes.
//!
//! A table lists co-ops when one header cell names the co-op ("Coop", "Co-op", "Name"); the
//! other columns are found by their header ("Business Areas", "Region/Country", "Notes"), so
//! the Worldwide table's three columns need nothing special. A column nobody knows is not
//! lost: its cells are added to the notes as "Header: text".
//!
//! GFM drops cells beyond the header's width; such a row (Startin'blox has an extra
//! `| Hosting |` cell) is read again whole (see [`crate::markdown::reparse_row`]) and merged:
//! the first extra-or-later cell that names a place becomes the location, the cells between the
//! business areas and it join the business areas, the ones after it join the notes; a warning
//! says what was done.

use coops_core::Span;
use coops_core::text::fold;

use crate::Warnings;
use crate::location::names_a_place;
use crate::markdown::{Row, reparse_row};
use crate::notes::{join, plain};

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    /// The co-op's name, usually a link to its site.
    Name,
    /// "Business Areas".
    Areas,
    /// "Region/Country".
    Location,
    /// "Notes".
    Notes,
    /// Anything else, by its header.
    Other(String),
}

/// The columns of a co-op table, or `None` when the table does not list co-ops.
pub fn columns(header: &[String]) -> Option<Vec<Column>> {
    let mut columns: Vec<Column> = header.iter().map(|h| column(h)).collect();
    // Only the first name-like column is the name; a second one is just another column.
    let first_name = columns.iter().position(|c| *c == Column::Name)?;
    for (i, c) in columns.iter_mut().enumerate() {
        if *c == Column::Name && i != first_name {
            *c = Column::Other(header.get(i).cloned().unwrap_or_default());
        }
    }
    Some(columns)
}

fn column(header: &str) -> Column {
    let folded = fold(header);
    let folded = folded.trim();
    let is = |words: &[&str]| words.iter().any(|w| folded.contains(w));
    if [
        "coop",
        "co-op",
        "coops",
        "co-ops",
        "cooperative",
        "co-operative",
        "name",
        "organisation",
        "organization",
    ]
    .contains(&folded)
    {
        Column::Name
    } else if is(&["business", "area", "service", "focus", "activit"]) {
        Column::Areas
    } else if is(&["region", "country", "location", "city", "where"]) {
        Column::Location
    } else if is(&["note", "comment", "description", "remark"]) {
        Column::Notes
    } else {
        Column::Other(header.trim().to_string())
    }
}

/// A row sorted into the co-op's fields, still as rich text.
#[derive(Debug, Clone, PartialEq)]
pub struct RawCoop {
    /// Line of the row.
    pub line: u32,
    /// Region id.
    pub region: String,
    /// The name cell.
    pub name: Vec<Span>,
    /// The business areas cell.
    pub areas: Vec<Span>,
    /// The location cell; `None` when the table has no location column.
    pub location: Option<Vec<Span>>,
    /// The notes cell, with the cells of unknown columns added.
    pub notes: Vec<Span>,
}

/// Reads one row of a co-op table; `None` (with a warning) when it cannot be read.
pub fn read_row(
    row: &Row,
    header: &[String],
    columns: &[Column],
    region: &str,
    warnings: &mut Warnings,
) -> Option<RawCoop> {
    let mut cells = row.cells.clone();
    if row.excess {
        match reparse_row(&row.src) {
            Some(all) if all.len() > columns.len() => cells = merge_extra_cells(all, header, columns, region, row.line, warnings),
            _ => warnings.add(row.line, "the row has more cells than the table has columns, and they could not be read; only the first ones were kept"),
        }
    }
    if cells.iter().all(Vec::is_empty) {
        warnings.add(row.line, "empty table row: nothing to import");
        return None;
    }
    let mut raw = RawCoop {
        line: row.line,
        region: region.to_string(),
        name: vec![],
        areas: vec![],
        location: None,
        notes: vec![],
    };
    let mut others = Vec::new();
    for (column, cell) in columns.iter().zip(cells) {
        match column {
            Column::Name => raw.name = cell,
            Column::Areas => raw.areas = cell,
            Column::Location => raw.location = Some(cell),
            Column::Notes => raw.notes = cell,
            Column::Other(title) if !cell.is_empty() => {
                let mut labelled = vec![Span::text(format!("{title}: "))];
                labelled.extend(cell);
                others.push(labelled);
            }
            Column::Other(_) => {}
        }
    }
    if !others.is_empty() {
        raw.notes = join(
            std::iter::once(std::mem::take(&mut raw.notes)).chain(others),
            "; ",
        );
    }
    if plain(&raw.name).is_empty() {
        warnings.add(
            row.line,
            format!(
                "the row has no co-op name, so it was not imported: {}",
                row.src.trim()
            ),
        );
        return None;
    }
    Some(raw)
}

/// Fits a row's cells (more than `columns`) into the columns; see the module doc.
fn merge_extra_cells(
    cells: Vec<Vec<Span>>,
    header: &[String],
    columns: &[Column],
    region: &str,
    line: u32,
    warnings: &mut Warnings,
) -> Vec<Vec<Span>> {
    let count = cells.len();
    let title = |i: usize| header.get(i).cloned().unwrap_or_default();
    let location = columns
        .iter()
        .position(|c| *c == Column::Location)
        .filter(|&l| l >= 1);
    let place = location.and_then(|l| {
        (l..count)
            .find(|&j| names_a_place(&plain(&cells[j]), region))
            .map(|j| (l, j))
    });
    let mut out: Vec<Vec<Span>> = vec![Vec::new(); columns.len()];
    match place {
        Some((l, j)) => {
            let mut cells = cells.into_iter();
            for slot in out.iter_mut().take(l - 1) {
                *slot = cells.next().unwrap_or_default();
            }
            let before: Vec<Vec<Span>> = cells.by_ref().take(j + 1 - l).collect();
            out[l - 1] = join(before, ", ");
            out[l] = cells.next().unwrap_or_default();
            let rest: Vec<Vec<Span>> = cells.collect();
            fill_from(&mut out, l + 1, rest, l - 1);
            warnings.add(
                line,
                format!(
                    "the row has {count} cells but the table has {} columns: read “{}” as {}, and merged the cells before it into {} (“{}”)",
                    columns.len(),
                    plain(&out[l]),
                    title(l),
                    title(l - 1),
                    plain(&out[l - 1]),
                ),
            );
        }
        None => {
            let last = columns.len().saturating_sub(1);
            let mut cells = cells.into_iter();
            for slot in out.iter_mut().take(last) {
                *slot = cells.next().unwrap_or_default();
            }
            let rest: Vec<Vec<Span>> = cells.collect();
            if let Some(slot) = out.get_mut(last) {
                *slot = join(rest, " | ");
            }
            warnings.add(
                line,
                format!(
                    "the row has {count} cells but the table has {} columns: merged the extra cells into {} (“{}”)",
                    columns.len(),
                    title(last),
                    out.get(last).map(|c| plain(c)).unwrap_or_default(),
                ),
            );
        }
    }
    out
}

/// Puts `rest` into the columns from `from` on, the last of them taking what is left over;
/// with no column left, the leftovers join column `fallback`.
fn fill_from(out: &mut [Vec<Span>], from: usize, rest: Vec<Vec<Span>>, fallback: usize) {
    let slots = out.len().saturating_sub(from);
    if slots == 0 {
        if let Some(slot) = out.get_mut(fallback) {
            let current = std::mem::take(slot);
            *slot = join(std::iter::once(current).chain(rest), " | ");
        }
        return;
    }
    let mut rest = rest.into_iter();
    for i in from..out.len() - 1 {
        out[i] = rest.next().unwrap_or_default();
    }
    let last = out.len() - 1;
    out[last] = join(rest, " | ");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn finds_columns_by_header() {
        let cols = columns(&header(&[
            "Coop",
            "Business Areas",
            "Region/Country",
            "Notes",
        ]))
        .unwrap();
        assert_eq!(
            cols,
            [Column::Name, Column::Areas, Column::Location, Column::Notes]
        );
        let cols = columns(&header(&["Coop", "Business Areas", "Notes"])).unwrap();
        assert_eq!(cols, [Column::Name, Column::Areas, Column::Notes]);
        assert_eq!(columns(&header(&["Tool", "Link"])), None);
    }

    fn texts(cells: &[Vec<Span>]) -> Vec<String> {
        cells.iter().map(|c| plain(c)).collect()
    }

    #[test]
    fn merges_an_extra_cell_into_business_areas() {
        let h = header(&["Coop", "Business Areas", "Region/Country", "Notes"]);
        let cols = columns(&h).unwrap();
        let cells = ["S", "Web development", "Hosting", "specialised", "France"]
            .map(|t| vec![Span::text(t)])
            .to_vec();
        let mut w = Warnings::new("README.md");
        let out = merge_extra_cells(cells, &h, &cols, "europe", 7, &mut w);
        assert_eq!(
            texts(&out),
            ["S", "Web development, Hosting, specialised", "France", ""]
        );
        assert_eq!(w.list.len(), 1);
        assert_eq!(w.list[0].line, 7);
    }

    #[test]
    fn extra_cells_after_the_location_join_the_notes() {
        let h = header(&["Coop", "Business Areas", "Region/Country", "Notes"]);
        let cols = columns(&h).unwrap();
        let cells = ["S", "Web", "Spain", "note one", "note two"]
            .map(|t| vec![Span::text(t)])
            .to_vec();
        let mut w = Warnings::new("README.md");
        let out = merge_extra_cells(cells, &h, &cols, "europe", 7, &mut w);
        assert_eq!(texts(&out), ["S", "Web", "Spain", "note one | note two"]);
    }

    #[test]
    fn without_a_place_extra_cells_join_the_last_column() {
        let h = header(&["Coop", "Business Areas", "Notes"]);
        let cols = columns(&h).unwrap();
        let cells = ["S", "Web", "a", "b"].map(|t| vec![Span::text(t)]).to_vec();
        let mut w = Warnings::new("README.md");
        let out = merge_extra_cells(cells, &h, &cols, "worldwide", 7, &mut w);
        assert_eq!(texts(&out), ["S", "Web", "a | b"]);
    }
}
