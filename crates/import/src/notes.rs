//! Rich text ([`Span`]s) from pulldown-cmark's inline events.
//!
//! Notes cells, list items and headings are all collected with a [`SpanBuilder`]: text, links
//! (inline, autolinks, e-mail autolinks), emphasis, strong and code become runs of text with
//! their style; adjacent runs of the same style are merged and white space is collapsed, so
//! the dataset holds what a reader sees. Link targets are kept as written here; which of them
//! are safe to publish is decided later, where a warning can name the line.

use coops_core::Span;
use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

/// Collects inline events into spans.
#[derive(Debug, Default)]
pub struct SpanBuilder {
    spans: Vec<Span>,
    em: u32,
    strong: u32,
    /// Targets of the links we are inside (innermost last).
    links: Vec<String>,
}

impl SpanBuilder {
    /// Feeds one event; returns `false` for events that are not inline (the caller's business).
    pub fn feed(&mut self, event: &Event<'_>) -> bool {
        match event {
            Event::Text(text) | Event::Code(text) => self.push(text),
            Event::SoftBreak | Event::HardBreak => self.push(" "),
            // `<br>` inside a table cell is a line break; other inline HTML is markup, not text.
            Event::InlineHtml(html)
                if html.trim_start().to_ascii_lowercase().starts_with("<br") =>
            {
                self.push(" ")
            }
            Event::InlineHtml(_) => {}
            Event::Start(tag) => return self.start(tag),
            Event::End(tag) => return self.end(*tag),
            _ => return false,
        }
        true
    }

    fn start(&mut self, tag: &Tag<'_>) -> bool {
        match tag {
            Tag::Emphasis => self.em += 1,
            Tag::Strong => self.strong += 1,
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                let href = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.to_string(),
                };
                self.links.push(href);
            }
            // Strikethrough and images keep their text (an image's alt text).
            Tag::Strikethrough | Tag::Image { .. } => {}
            _ => return false,
        }
        true
    }

    fn end(&mut self, tag: TagEnd) -> bool {
        match tag {
            TagEnd::Emphasis => self.em = self.em.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Link => {
                self.links.pop();
            }
            TagEnd::Strikethrough | TagEnd::Image => {}
            _ => return false,
        }
        true
    }

    /// Appends text in the current style.
    pub fn push(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let span = Span {
            text: text.to_string(),
            href: self.links.last().cloned(),
            em: self.em > 0,
            strong: self.strong > 0,
        };
        self.spans.push(span);
    }

    /// The spans, tidied (see [`tidy`]).
    pub fn finish(self) -> Vec<Span> {
        tidy(self.spans)
    }
}

/// Collapses white space (inside and across spans), trims both ends, drops empty spans and
/// merges neighbours of the same style.
pub fn tidy(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    let mut last_was_space = true; // drops leading white space
    for span in spans {
        let mut text = String::with_capacity(span.text.len());
        for c in span.text.chars() {
            if c.is_whitespace() {
                if !last_was_space {
                    text.push(' ');
                }
                last_was_space = true;
            } else {
                text.push(c);
                last_was_space = false;
            }
        }
        if text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(prev) if same_style(prev, &span) => prev.text.push_str(&text),
            _ => out.push(Span { text, ..span }),
        }
    }
    // Trailing white space, which may leave a span empty.
    while let Some(last) = out.last_mut() {
        let trimmed_len = last.text.trim_end().len();
        last.text.truncate(trimmed_len);
        if last.text.is_empty() {
            out.pop();
        } else {
            break;
        }
    }
    out
}

fn same_style(a: &Span, b: &Span) -> bool {
    a.href == b.href && a.em == b.em && a.strong == b.strong
}

/// The plain text of spans, white space collapsed.
pub fn plain(spans: &[Span]) -> String {
    coops_core::plain_text(spans)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Joins rich texts with a plain separator between the non-empty ones.
pub fn join(parts: impl IntoIterator<Item = Vec<Span>>, separator: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(Span::text(separator));
        }
        out.extend(part);
    }
    tidy(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser};

    fn spans(markdown: &str) -> Vec<Span> {
        let mut builder = SpanBuilder::default();
        for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
            builder.feed(&event);
        }
        builder.finish()
    }

    #[test]
    fn text_links_emphasis_and_code() {
        let got = spans(
            "Founded 2018; *\"Sofi\"* uses `Vue`, see [site](https://s.example) and **more**",
        );
        assert_eq!(
            got,
            vec![
                Span::text("Founded 2018; "),
                Span {
                    text: "\"Sofi\"".into(),
                    em: true,
                    ..Span::default()
                },
                Span::text(" uses Vue, see "),
                Span {
                    text: "site".into(),
                    href: Some("https://s.example".into()),
                    ..Span::default()
                },
                Span::text(" and "),
                Span {
                    text: "more".into(),
                    strong: true,
                    ..Span::default()
                },
            ]
        );
    }

    #[test]
    fn autolinks_and_email_autolinks() {
        let got = spans("see <https://a.example/x> or <hello@b.example>");
        assert_eq!(got[1].href.as_deref(), Some("https://a.example/x"));
        assert_eq!(got[1].text, "https://a.example/x");
        assert_eq!(got[3].href.as_deref(), Some("mailto:hello@b.example"));
    }

    #[test]
    fn emphasis_inside_a_link_keeps_both() {
        let got = spans("[*Inactive.*](https://t.example)");
        assert_eq!(got.len(), 1);
        assert!(got[0].em);
        assert_eq!(got[0].href.as_deref(), Some("https://t.example"));
    }

    #[test]
    fn white_space_is_collapsed_and_trimmed() {
        let got = spans("  a \n  b  ");
        assert_eq!(got, vec![Span::text("a b")]);
        assert_eq!(join([spans("x"), vec![], spans("*y*")], " | ").len(), 2);
    }
}
