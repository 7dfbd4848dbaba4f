//! Small reads of the DOM that hold inside a shadow root, where the app lives on another site's
//! page (in-page mode). There, an event seen by a listener outside the root (Leptos delegates
//! `input`, `change` and `click` to the window) names the shadow host as its target, and the
//! document's focused element is the host too: the real ones are inside.

use wasm_bindgen::JsCast;

/// The element `event` started at: the first entry of its composed path, which is not
/// retargeted to a shadow host.
pub fn event_origin(event: &web_sys::Event) -> Option<web_sys::Element> {
    event
        .composed_path()
        .get(0)
        .dyn_into::<web_sys::Element>()
        .ok()
        .or_else(|| event.target()?.dyn_into().ok())
}

/// The `value` of the input or select `event` started at (`event_target_value`, which reads
/// the retargeted target, would read the shadow host).
pub fn event_origin_value(event: &web_sys::Event) -> String {
    event_origin(event)
        .and_then(|element| js_sys::Reflect::get(&element, &"value".into()).ok())
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

/// The element with keyboard focus, looked for inside shadow roots.
pub fn focused_element() -> Option<web_sys::Element> {
    let mut focused = web_sys::window()?.document()?.active_element()?;
    while let Some(inner) = focused.shadow_root().and_then(|root| root.active_element()) {
        focused = inner;
    }
    Some(focused)
}

/// Writes `text` to the clipboard; whether the browser took it (it may refuse: no permission,
/// or a page that is not focused).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Whether the browser has a share sheet (`navigator.share`): phones mostly.
pub fn can_share() -> bool {
    web_sys::window()
        .is_some_and(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
}

/// Opens the browser's share sheet for `url` titled `title`; a visitor closing it is no error.
pub fn share(url: &str, title: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let data = web_sys::ShareData::new();
    data.set_url(url);
    data.set_title(title);
    let promise = window.navigator().share_with_data(&data);
    leptos::task::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// Why the browser gave no position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PositionError {
    /// The visitor said no, or the page may not ask (no secure context, a policy).
    Refused,
    /// It tried and could not tell, or took too long.
    Unknown,
}

/// Where the device is, (latitude, longitude), asked of the browser now (it asks the visitor
/// first). The position is returned to the caller and goes nowhere else.
pub async fn current_position() -> Result<(f64, f64), PositionError> {
    use js_sys::Reflect;
    let geolocation = web_sys::window()
        .and_then(|w| w.navigator().geolocation().ok())
        .ok_or(PositionError::Refused)?;
    let options = web_sys::PositionOptions::new();
    // A town's precision is plenty to order co-ops by, and it comes quicker.
    options.set_enable_high_accuracy(false);
    options.set_timeout(15_000);
    options.set_maximum_age(600_000);
    let mut asked = Ok(());
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        asked = geolocation.get_current_position_with_error_callback_and_options(
            &resolve,
            Some(&reject),
            &options,
        );
    });
    asked.map_err(|_| PositionError::Refused)?;
    let read = |value: &wasm_bindgen::JsValue, key: &str| {
        Reflect::get(value, &key.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(position) => {
            let coords =
                Reflect::get(&position, &"coords".into()).map_err(|_| PositionError::Unknown)?;
            match (read(&coords, "latitude"), read(&coords, "longitude")) {
                (Some(lat), Some(lon)) if lat.is_finite() && lon.is_finite() => Ok((lat, lon)),
                _ => Err(PositionError::Unknown),
            }
        }
        // GeolocationPositionError.PERMISSION_DENIED is 1.
        Err(error) if read(&error, "code") == Some(1.0) => Err(PositionError::Refused),
        Err(_) => Err(PositionError::Unknown),
    }
}

/// Runs `then` once `element` takes up room on the page: at once if it does, else when it
/// first gets a size (a panel that the phone's layout keeps hidden until asked for). Nothing
/// runs if the owner goes first.
pub fn when_drawn(element: &web_sys::Element, then: impl FnOnce() + 'static) {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let drawn = |e: &web_sys::Element| e.client_width() > 0;
    if drawn(element) {
        then();
        return;
    }
    type Held = (web_sys::ResizeObserver, Closure<dyn Fn()>);
    let held = StoredValue::new_local(None::<Held>);
    let then = std::cell::Cell::new(Some(then));
    let watched = element.clone();
    let callback = Closure::<dyn Fn()>::new(move || {
        if !drawn(&watched) {
            return;
        }
        if let Some(then) = then.take() {
            // Disconnected, not dropped: the closure is running (the owner's clean-up drops it).
            held.with_value(|h| h.as_ref().map(|(observer, _)| observer.disconnect()));
            then();
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(element);
    held.set_value(Some((observer, callback)));
    on_cleanup(move || {
        if let Some(Some((observer, _))) = held.try_update_value(Option::take) {
            observer.disconnect();
        }
    });
}

/// Saves `content` as a file named `name` (of type `mime`), made in the browser: a link to it
/// is clicked and let go. Whether the browser took it.
pub fn download(name: &str, mime: &str, content: &str) -> bool {
    let save = || -> Option<()> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let link: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(name);
        document.body()?.append_child(&link).ok()?;
        link.click();
        link.remove();
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    };
    save().is_some()
}
