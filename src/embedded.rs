//! Embed mode: the app inside another site's page (an iframe with `?embed=1`, or a host
//! element in in-page mode).
//!
//! The settings are read once from the URL the app was opened with and kept in the
//! [`Host`](crate::host::Host), so the frame stays embedded as the visitor navigates; every URL
//! the app writes keeps them too, so a reload inside the frame stays embedded. The app tells
//! its parent window how tall it is whenever its layout changes, so the host's `embed.js` can
//! size the frame.

use coops_core::embed::EmbedConfig;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// The message the app posts to its parent: `{ type: "tech-coops:resize", height }`.
pub const RESIZE_MESSAGE: &str = "tech-coops:resize";

/// Applies the colour settings to the app's root and, when framed, keeps the parent told of
/// the app's height.
pub fn wire_root(root: NodeRef<Div>, config: EmbedConfig) {
    Effect::new(move |_| {
        let Some(root) = root.get() else { return };
        // CSSOM, not a style attribute, so a strict style-src policy allows it.
        let style = web_sys::HtmlElement::style(&root);
        if let Some(primary) = &config.primary {
            let _ = style.set_property("--tc-primary", primary);
        }
        if let Some(accent) = &config.accent {
            let _ = style.set_property("--tc-accent", accent);
            let _ = style.set_property("--tc-accent-text", accent);
        }
        if config.embed {
            report_height(&root);
        }
    });
}

/// Posts the root's height to the parent window now and after every resize.
fn report_height(root: &web_sys::HtmlDivElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return; // not in a frame
    }
    let post = move |height: f64| {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &RESIZE_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.ceil().into());
        // Only a height is sent, so any host may read it.
        let _ = parent.post_message(&message, "*");
    };
    let element: web_sys::Element = root.clone().into();
    post(element.get_bounding_client_rect().height());
    let observed = element.clone();
    let callback =
        Closure::<dyn Fn()>::new(move || post(observed.get_bounding_client_rect().height()));
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&element);
        // The observer lives as long as the page; so does its callback.
        callback.forget();
        std::mem::forget(observer);
    }
}
