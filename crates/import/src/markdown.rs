//! The list's markdown as blocks: headings, tables, bulleted lists and paragraphs.
//!
//! pulldown-cmark (with GFM tables) does all the parsing; this module only turns its event
//! stream into the few shapes the importer reads, each with its 1-based line number so that a
//! warning can point at the line to fix. Two things GFM does silently are made visible here:
//!
//! * cells beyond the header's width are dropped by GFM; a row that has some is marked
//!   [`Row::excess`], and [`reparse_row`] reads all of its cells by giving the same line to
//!   pulldown-cmark again under a header wide enough for them;
//! * a blank line inside a table ends it, and the rows below become a paragraph;
//!   [`rows_under_header`] reads such a paragraph as rows of the table above.

use std::ops::Range;

use coops_core::Span;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::notes::{SpanBuilder, plain};

/// Nested bullets deeper than this are attached to their ancestor at this depth, so that no
/// input can build a tree deep enough to exhaust the stack when it is converted or dropped.
pub const MAX_LIST_DEPTH: usize = 8;

/// A block of the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading: level 1-6 and its plain text.
    Heading {
        /// 1 for `#`, 2 for `##`, ...
        level: u8,
        /// Plain text (links keep their text).
        text: String,
        /// Line of the heading.
        line: u32,
    },
    /// A GFM table.
    Table(Table),
    /// A bulleted or numbered list.
    List(Vec<Item>),
    /// A top-level paragraph: only its source is kept (to find rows cut off from a table).
    Paragraph {
        /// First line.
        line: u32,
        /// Source text.
        src: String,
    },
}

/// A table: header cells and body rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Line of the header row.
    pub line: u32,
    /// Plain text of the header cells.
    pub header: Vec<String>,
    /// Source of the header and delimiter lines (to re-read rows cut off by a blank line).
    pub head_src: String,
    /// Body rows.
    pub rows: Vec<Row>,
}

/// A body row of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Line of the row.
    pub line: u32,
    /// The cells GFM read, as rich text: exactly as many as the header has.
    pub cells: Vec<Vec<Span>>,
    /// The row's source line.
    pub src: String,
    /// The row has more cells than the header (GFM dropped them; see [`reparse_row`]).
    pub excess: bool,
}

/// An item of a list, with its nested items.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Item {
    /// Line where the item starts.
    pub line: u32,
    /// The item's own text (nested lists excluded).
    pub spans: Vec<Span>,
    /// Nested items.
    pub children: Vec<Item>,
}

/// The markdown features the list uses: GFM tables, and strikethrough so `~~x~~` reads as x.
fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Maps byte offsets to 1-based line numbers.
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { starts }
    }

    /// The line of byte `offset`.
    pub fn line_of(&self, offset: usize) -> u32 {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        };
        u32::try_from(line).unwrap_or(u32::MAX)
    }
}

/// A list item being read.
struct OpenItem {
    item: Item,
    spans: SpanBuilder,
    /// Deeper than [`MAX_LIST_DEPTH`]: attach to the ancestor at that depth.
    flattened: bool,
}

/// A table being read.
struct OpenTable {
    table: Table,
    in_head: bool,
    row: Option<OpenRow>,
    cell: Option<SpanBuilder>,
}

/// A row being read.
struct OpenRow {
    row: Row,
    range: Range<usize>,
    /// End of the last cell that is in the source (GFM pads short rows with empty cells).
    cells_end: usize,
}

/// Reads the blocks of `text`.
pub fn parse(text: &str) -> Vec<Block> {
    let mut reader = Reader {
        text,
        lines: Lines::new(text),
        blocks: Vec::new(),
        heading: None,
        table: None,
        items: Vec::new(),
        roots: Vec::new(),
        list_depth: 0,
    };
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        reader.event(event, range);
    }
    reader.blocks
}

struct Reader<'t> {
    text: &'t str,
    lines: Lines,
    blocks: Vec<Block>,
    heading: Option<(u8, u32, SpanBuilder)>,
    table: Option<OpenTable>,
    items: Vec<OpenItem>,
    roots: Vec<Item>,
    list_depth: usize,
}

impl Reader<'_> {
    fn src(&self, range: &Range<usize>) -> &str {
        self.text.get(range.clone()).unwrap_or("")
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        // Inline content goes to the innermost open thing that collects text.
        let collector = if let Some(table) = &mut self.table {
            table.cell.as_mut()
        } else if let Some((_, _, spans)) = &mut self.heading {
            Some(spans)
        } else {
            self.items.last_mut().map(|open| &mut open.spans)
        };
        if collector.is_some_and(|spans| spans.feed(&event)) {
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        let line = self.lines.line_of(range.start);
        match tag {
            Tag::Heading { level, .. } => {
                self.heading = Some((level as u8, line, SpanBuilder::default()));
            }
            Tag::Table(_) => {
                let src = self.src(&range);
                let head_src = src.split_inclusive('\n').take(2).collect::<String>();
                self.table = Some(OpenTable {
                    table: Table {
                        line,
                        header: Vec::new(),
                        head_src,
                        rows: Vec::new(),
                    },
                    in_head: false,
                    row: None,
                    cell: None,
                });
            }
            Tag::TableHead => self.with_table(|t| t.in_head = true),
            Tag::TableRow => {
                let src = self.src(&range).trim_end_matches(['\n', '\r']).to_string();
                let start = range.start;
                self.with_table(|t| {
                    t.row = Some(OpenRow {
                        row: Row {
                            line,
                            cells: Vec::new(),
                            src,
                            excess: false,
                        },
                        cells_end: start,
                        range,
                    });
                });
            }
            Tag::TableCell => self.with_table(|t| {
                if let Some(row) = &mut t.row
                    && range.start < row.range.end
                {
                    row.cells_end = row.cells_end.max(range.end);
                }
                t.cell = Some(SpanBuilder::default());
            }),
            Tag::List(_) => {
                self.list_depth += 1;
            }
            Tag::Item => {
                let flattened = self.items.len() >= MAX_LIST_DEPTH;
                self.items.push(OpenItem {
                    item: Item {
                        line,
                        ..Item::default()
                    },
                    spans: SpanBuilder::default(),
                    flattened,
                });
            }
            Tag::Paragraph if self.items.is_empty() && self.table.is_none() => {
                let src = self.src(&range).to_string();
                self.blocks.push(Block::Paragraph { line, src });
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                if let Some((level, line, spans)) = self.heading.take() {
                    let text = plain(&spans.finish());
                    self.blocks.push(Block::Heading { level, text, line });
                }
            }
            TagEnd::TableCell => self.with_table(|t| {
                let spans = t.cell.take().map(SpanBuilder::finish).unwrap_or_default();
                if t.in_head {
                    t.table.header.push(plain(&spans));
                } else if let Some(row) = &mut t.row {
                    row.row.cells.push(spans);
                }
            }),
            TagEnd::TableHead => self.with_table(|t| t.in_head = false),
            TagEnd::TableRow => {
                let text = self.text;
                self.with_table(|t| {
                    if let Some(mut open) = t.row.take() {
                        let rest = text.get(open.cells_end..open.range.end).unwrap_or("");
                        open.row.excess = rest.chars().any(|c| !c.is_whitespace() && c != '|');
                        t.table.rows.push(open.row);
                    }
                });
            }
            TagEnd::Table => {
                if let Some(open) = self.table.take() {
                    self.blocks.push(Block::Table(open.table));
                }
            }
            TagEnd::Paragraph => {
                // Paragraphs of a loose list item are separated by a space.
                if let Some(open) = self.items.last_mut() {
                    open.spans.push(" ");
                }
            }
            TagEnd::Item => self.close_item(),
            TagEnd::List(_) => {
                self.list_depth = self.list_depth.saturating_sub(1);
                if self.list_depth == 0 && self.items.is_empty() && !self.roots.is_empty() {
                    self.blocks
                        .push(Block::List(std::mem::take(&mut self.roots)));
                }
            }
            _ => {}
        }
    }

    fn with_table(&mut self, f: impl FnOnce(&mut OpenTable)) {
        if let Some(table) = &mut self.table {
            f(table);
        }
    }

    fn close_item(&mut self) {
        let Some(open) = self.items.pop() else { return };
        let mut item = open.item;
        item.spans = open.spans.finish();
        let parent = if open.flattened {
            self.items.get_mut(MAX_LIST_DEPTH - 1)
        } else {
            self.items.last_mut()
        };
        match parent {
            Some(parent) => parent.item.children.push(item),
            None => self.roots.push(item),
        }
    }
}

/// All cells of one row line, read by pulldown-cmark under a header wide enough for them, with
/// empty cells at the end dropped. `None` when the line does not read as a table row.
pub fn reparse_row(src: &str) -> Option<Vec<Vec<Span>>> {
    let line = src.lines().next().unwrap_or("");
    let width = line.matches('|').count() + 2;
    let mut doc = String::with_capacity(line.len() + width * 8);
    doc.push('|');
    doc.push_str(&" c |".repeat(width));
    doc.push_str("\n|");
    doc.push_str(&" - |".repeat(width));
    doc.push('\n');
    doc.push_str(line);
    doc.push('\n');
    let table = parse(&doc).into_iter().find_map(|block| match block {
        Block::Table(table) => Some(table),
        _ => None,
    })?;
    let mut cells = table.rows.into_iter().next()?.cells;
    while cells.last().is_some_and(Vec::is_empty) {
        cells.pop();
    }
    Some(cells)
}

/// Reads `body` (lines cut off from a table by a blank line) as rows under `head_src` (that
/// table's header and delimiter lines). Each row's line is counted from `first_line`, the line
/// `body` starts on.
pub fn rows_under_header(head_src: &str, body: &str, first_line: u32) -> Vec<Row> {
    let head = if head_src.ends_with('\n') {
        head_src.to_string()
    } else {
        format!("{head_src}\n")
    };
    let head_lines = u32::try_from(head.matches('\n').count()).unwrap_or(u32::MAX);
    let doc = format!("{head}{body}");
    parse(&doc)
        .into_iter()
        .find_map(|block| match block {
            Block::Table(table) if table.line == 1 => Some(table.rows),
            _ => None,
        })
        .unwrap_or_default()
        .into_iter()
        .map(|mut row| {
            row.line = row
                .line
                .saturating_sub(head_lines)
                .saturating_add(first_line.saturating_sub(1));
            row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(markdown: &str) -> Table {
        parse(markdown)
            .into_iter()
            .find_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .expect("a table")
    }

    const HEAD: &str = "Coop | Business Areas | Region/Country | Notes\n---- | --- | --- | ---\n";

    #[test]
    fn reads_rows_with_and_without_trailing_pipes() {
        let t = table(&format!(
            "# X\n\n{HEAD}[A](https://a.example) | Web | Berlin, Germany | |\n[B](https://b.example) | Apps | France\n"
        ));
        assert_eq!(t.line, 3);
        assert_eq!(
            t.header,
            ["Coop", "Business Areas", "Region/Country", "Notes"]
        );
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].line, 6);
        assert_eq!(plain(&t.rows[1].cells[2]), "France");
        assert!(t.rows[1].cells[3].is_empty());
        assert!(t.rows.iter().all(|r| !r.excess));
    }

    #[test]
    fn escaped_pipes_stay_in_their_cell() {
        let t = table(&format!(
            "{HEAD}[Web\\|Alternatif](https://w.example) | open {{data&#124;source}} | France | a \\| b\n"
        ));
        let row = &t.rows[0];
        assert_eq!(plain(&row.cells[0]), "Web|Alternatif");
        assert_eq!(plain(&row.cells[1]), "open {data|source}");
        assert_eq!(plain(&row.cells[3]), "a | b");
        assert!(!row.excess);
    }

    #[test]
    fn marks_and_rereads_extra_cells() {
        let t = table(&format!(
            "{HEAD}[S](https://s.example) | Web development | Hosting | federated | France | |\n"
        ));
        let row = &t.rows[0];
        assert!(row.excess);
        assert_eq!(row.cells.len(), 4);
        let all = reparse_row(&row.src).expect("cells");
        let texts: Vec<String> = all.iter().map(|c| plain(c)).collect();
        assert_eq!(
            texts,
            ["S", "Web development", "Hosting", "federated", "France"]
        );
    }

    #[test]
    fn nested_lists_become_children() {
        let blocks = parse("* [A](https://a.example) - x\n  * [B](https://b.example)\n* C\n");
        let Some(Block::List(items)) = blocks.first() else {
            panic!("{blocks:?}")
        };
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].children.len(), 1);
        assert_eq!(items[0].children[0].line, 2);
        assert_eq!(plain(&items[1].spans), "C");
    }

    #[test]
    fn deep_nesting_is_capped() {
        let deep: String = (0..40)
            .map(|i| format!("{}* level {i}\n", "  ".repeat(i)))
            .collect();
        let blocks = parse(&deep);
        fn depth(items: &[Item]) -> usize {
            items
                .iter()
                .map(|i| 1 + depth(&i.children))
                .max()
                .unwrap_or(0)
        }
        let Some(Block::List(items)) = blocks.first() else {
            panic!()
        };
        assert!(depth(items) <= MAX_LIST_DEPTH + 1);
        fn count(items: &[Item]) -> usize {
            items.iter().map(|i| 1 + count(&i.children)).sum()
        }
        assert!(
            count(items) > MAX_LIST_DEPTH,
            "deep items are kept, not dropped"
        );
    }

    #[test]
    fn rows_cut_off_by_a_blank_line_can_be_reread() {
        let rows = rows_under_header(
            HEAD,
            "[C](https://c.example) | Web | Spain | |\n[D](https://d.example) | Web | Italy\n",
            20,
        );
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 20);
        assert_eq!(rows[1].line, 21);
    }
}
