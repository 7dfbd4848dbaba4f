//! Rich text from the dataset (notes, descriptions): text, emphasis, and safe links.

use coops_core::Span;
use coops_core::url::safe_href;
use leptos::prelude::*;

/// Renders runs of rich text. Text is always text (never parsed as markup), and only http,
/// https and mailto links become links; the rest stay plain text.
#[component]
pub fn RichText(
    /// The runs to render.
    spans: Vec<Span>,
) -> impl IntoView {
    spans.into_iter().map(span_view).collect_view()
}

fn span_view(span: Span) -> AnyView {
    let Span {
        text,
        href,
        em,
        strong,
    } = span;
    let inner = match (em, strong) {
        (true, true) => view! { <strong><em>{text}</em></strong> }.into_any(),
        (true, false) => view! { <em>{text}</em> }.into_any(),
        (false, true) => view! { <strong>{text}</strong> }.into_any(),
        (false, false) => text.into_any(),
    };
    match href.as_deref().and_then(safe_href) {
        Some(url) => view! { <ExternalLink href=url.to_string()>{inner}</ExternalLink> }.into_any(),
        None => inner,
    }
}

/// A link that leaves the app: opens in a new tab (outside any iframe the app is embedded in),
/// without giving the new page a handle on this one.
#[component]
pub fn ExternalLink(
    /// Where it goes; must already have passed `safe_href`.
    href: String,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    view! {
        <a href=href target="_blank" rel="noopener noreferrer">
            {children()}
        </a>
    }
}
