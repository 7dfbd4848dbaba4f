//! The map's camera as signals, and the gestures that move it: the wheel (and a trackpad
//! pinch), a mouse drag, a two-finger touch, double-click, the keys and the buttons. The
//! arithmetic is [`coops_core::camera`]; this wires events to it.
//!
//! Nothing here writes the URL: panning and zooming are not history entries.

use coops_core::camera::{Camera, Screen, ZOOM_STEP, ease_out, is_double_tap, wheel_factor};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// How long an animated move (a button, a key, a filter) takes.
const FLIGHT_MS: f64 = 250.0;
/// How far a mouse must move, in CSS pixels, before a press becomes a drag (and no longer a
/// click on a marker or a country).
const DRAG_THRESHOLD_PX: f64 = 4.0;
/// How long the two-finger hint stays after a one-finger touch.
const HINT_MS: u64 = 1500;

/// The camera and what the markers need to know about the screen. `Copy`: every handler
/// holds one.
#[derive(Clone, Copy)]
pub(super) struct MapCamera {
    /// Where the camera looks.
    pub camera: RwSignal<Camera>,
    /// CSS pixels per drawing unit at zoom 1 (the drawing's width on screen over its own),
    /// measured when the map appears and when the window resizes.
    pub base_scale: RwSignal<f64>,
    /// True for a moment after one finger touched the map: the hint to use two.
    pub touch_hint: RwSignal<bool>,
    /// The drawing, for its place on screen.
    pub svg: NodeRef<leptos::svg::Svg>,
    /// Bumped by every move, so that an animation in flight stops when something else moves
    /// the camera.
    flight: StoredValue<u64>,
    /// Where the camera is going: where it is, or where an animation in flight will land.
    /// Keys and buttons step from here, so quick presses add up.
    heading: StoredValue<Camera>,
    drag: StoredValue<Option<Drag>>,
    pinch: StoredValue<Option<Pinch>>,
    /// When and where the last one-finger touch began, to tell a double tap.
    last_tap: StoredValue<Option<(f64, (f64, f64))>>,
    /// Whether the last press of the mouse moved the map: its click is not half a double-click.
    last_press_dragged: StoredValue<bool>,
}

#[derive(Clone, Copy)]
struct Drag {
    pointer: i32,
    last: (f64, f64),
    travelled: f64,
    dragging: bool,
}

#[derive(Clone, Copy)]
struct Pinch {
    camera: Camera,
    /// The drawing point under the fingers' midpoint when the pinch began.
    anchor: (f64, f64),
    midpoint: (f64, f64),
    spread: f64,
}

impl MapCamera {
    pub fn new(start: Camera) -> Self {
        MapCamera {
            camera: RwSignal::new(start),
            base_scale: RwSignal::new(1.0),
            touch_hint: RwSignal::new(false),
            svg: NodeRef::new(),
            flight: StoredValue::new(0),
            heading: StoredValue::new(start),
            drag: StoredValue::new(None),
            pinch: StoredValue::new(None),
            last_tap: StoredValue::new(None),
            last_press_dragged: StoredValue::new(false),
        }
    }

    /// The drawing's box on screen, if it is in the page.
    fn screen(&self) -> Option<Screen> {
        let svg = self.svg.get_untracked()?;
        let rect = svg.get_bounding_client_rect();
        (rect.width() > 0.0).then(|| Screen {
            left: rect.left(),
            top: rect.top(),
            width: rect.width(),
            height: rect.height(),
        })
    }

    /// Measures [`MapCamera::base_scale`] now and whenever the drawing's size changes (the
    /// window, or the page around an embedded app), until the map goes.
    pub fn measure_on_resize(&self) {
        let Some(svg) = self.svg.get_untracked() else {
            return;
        };
        self.measure();
        let this = *self;
        let callback = Closure::<dyn Fn()>::new(move || this.measure());
        let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
            return;
        };
        observer.observe(&svg);
        let held = StoredValue::new_local(Some((observer, callback)));
        on_cleanup(move || {
            if let Some(Some((observer, _))) = held.try_update_value(Option::take) {
                observer.disconnect();
            }
        });
    }

    /// Measures [`MapCamera::base_scale`] again.
    fn measure(&self) {
        if let Some(screen) = self.screen() {
            let scale = self
                .camera
                .get_untracked()
                .widest()
                .pixels_per_unit(&screen);
            if scale.is_finite() && scale > 0.0 {
                self.base_scale.set(scale);
            }
        }
    }

    /// Drawing units per CSS pixel at the current zoom: how big a marker is drawn.
    pub fn units_per_pixel(&self) -> f64 {
        1.0 / (self.base_scale.get() * self.camera.with(|c| c.zoom))
    }

    /// Moves the camera at once, stopping any animation.
    pub fn jump(&self, to: Camera) {
        self.flight.update_value(|n| *n += 1);
        self.heading.set_value(to);
        self.camera.set(to);
    }

    /// Moves the camera smoothly to `to`, or at once for those who prefer less motion.
    pub fn fly(&self, to: Camera) {
        self.flight.update_value(|n| *n += 1);
        self.heading.set_value(to);
        if prefers_reduced_motion() {
            self.camera.set(to);
            return;
        }
        let from = self.camera.get_untracked();
        let started = now();
        let flight = self.flight.get_value();
        let this = *self;
        step(this, flight, from, to, started);

        fn step(this: MapCamera, flight: u64, from: Camera, to: Camera, started: f64) {
            request_animation_frame(move || {
                if this.flight.try_get_value() != Some(flight) {
                    return;
                }
                let t = ((now() - started) / FLIGHT_MS).min(1.0);
                this.camera.set(from.towards(to, ease_out(t)));
                if t < 1.0 {
                    step(this, flight, from, to, started);
                }
            });
        }
    }

    /// Moves the keyboard focus to the drawing (when what had it goes away).
    pub fn focus_drawing(&self) {
        if let Some(svg) = self.svg.get_untracked() {
            focus(&svg);
        }
    }

    /// Zooms by `factor` around the centre (buttons and keys).
    pub fn zoom_by(&self, factor: f64) {
        let to = self.heading.get_value().zoomed(factor);
        self.fly(to);
    }

    pub fn on_wheel(&self, event: web_sys::WheelEvent) {
        let Some(screen) = self.screen() else { return };
        // Lines (Firefox with a mouse) and pages to pixels.
        let delta = match event.delta_mode() {
            1 => event.delta_y() * 16.0,
            2 => event.delta_y() * screen.height,
            _ => event.delta_y(),
        };
        let camera = self.camera.get_untracked();
        let at = camera.to_drawing(&screen, event.client_x().into(), event.client_y().into());
        let to = camera.zoomed_at(wheel_factor(delta, event.ctrl_key()), at);
        // At a limit the wheel scrolls the page, so the map never traps it for nothing.
        if to != camera {
            event.prevent_default();
            self.jump(to);
        }
    }

    pub fn on_double_click(&self, event: web_sys::MouseEvent) {
        let Some(screen) = self.screen() else { return };
        event.prevent_default();
        if self.last_press_dragged.get_value() {
            return;
        }
        let camera = self.camera.get_untracked();
        let at = camera.to_drawing(&screen, event.client_x().into(), event.client_y().into());
        let factor = if event.shift_key() {
            1.0 / ZOOM_STEP
        } else {
            ZOOM_STEP
        };
        let to = camera.zoomed_at(factor, at);
        self.fly(to);
    }

    /// A mouse or pen press: the start of a drag, if it moves. Touch has its own handlers.
    pub fn on_pointer_down(&self, event: web_sys::PointerEvent) {
        if event.pointer_type() == "touch" || event.button() != 0 {
            return;
        }
        self.drag.set_value(Some(Drag {
            pointer: event.pointer_id(),
            last: (event.client_x().into(), event.client_y().into()),
            travelled: 0.0,
            dragging: false,
        }));
    }

    pub fn on_pointer_move(&self, event: web_sys::PointerEvent) {
        let Some(mut drag) = self.drag.get_value() else {
            return;
        };
        if drag.pointer != event.pointer_id() {
            return;
        }
        // Released where no `pointerup` reached the map: the drag is over.
        if event.buttons() & 1 == 0 {
            self.end_drag();
            return;
        }
        let at: (f64, f64) = (event.client_x().into(), event.client_y().into());
        let (dx, dy) = (at.0 - drag.last.0, at.1 - drag.last.1);
        drag.last = at;
        drag.travelled += dx.hypot(dy);
        if !drag.dragging && drag.travelled >= DRAG_THRESHOLD_PX {
            drag.dragging = true;
            // Captured, the release (and the click after it) comes to the drawing, not to
            // the marker or country the drag began on.
            if let Some(svg) = self.svg.get_untracked() {
                let _ = svg.set_pointer_capture(drag.pointer);
                let _ = svg.class_list().add_1("world-map__svg--dragging");
            }
        }
        self.drag.set_value(Some(drag));
        if drag.dragging {
            let camera = self.camera.get_untracked();
            let scale = self.screen().map_or(1.0, |s| camera.pixels_per_unit(&s));
            self.jump(camera.dragged(dx / scale, dy / scale));
        }
    }

    pub fn on_pointer_up(&self, _event: web_sys::PointerEvent) {
        self.end_drag();
    }

    fn end_drag(&self) {
        if let Some(drag) = self.drag.get_value() {
            self.last_press_dragged.set_value(drag.dragging);
        }
        self.drag.set_value(None);
        if let Some(svg) = self.svg.get_untracked() {
            let _ = svg.class_list().remove_1("world-map__svg--dragging");
        }
    }

    /// Two fingers pinch and pan the map; one finger is left to scroll the page, with a hint;
    /// a double tap zooms in.
    pub fn on_touch_start(&self, event: web_sys::TouchEvent) {
        let touches = event.touches();
        if touches.length() < 2 {
            if let Some(touch) = touches.item(0) {
                let at = (f64::from(touch.client_x()), f64::from(touch.client_y()));
                let time = now();
                if is_double_tap(self.last_tap.get_value(), time, at) {
                    self.last_tap.set_value(None);
                    // No click or double-click follows: the zoom is the double tap's only effect.
                    event.prevent_default();
                    if let Some(screen) = self.screen() {
                        let camera = self.heading.get_value();
                        let to =
                            camera.zoomed_at(ZOOM_STEP, camera.to_drawing(&screen, at.0, at.1));
                        self.fly(to);
                    }
                } else {
                    self.last_tap.set_value(Some((time, at)));
                }
            }
            return;
        }
        event.prevent_default();
        let Some(screen) = self.screen() else { return };
        let (midpoint, spread) = two_fingers(&touches);
        let camera = self.camera.get_untracked();
        self.flight.update_value(|n| *n += 1);
        self.touch_hint.set(false);
        self.pinch.set_value(Some(Pinch {
            camera,
            anchor: camera.to_drawing(&screen, midpoint.0, midpoint.1),
            midpoint,
            spread,
        }));
    }

    pub fn on_touch_move(&self, event: web_sys::TouchEvent) {
        let touches = event.touches();
        let Some(pinch) = self.pinch.get_value() else {
            // One finger moving: the page scrolls; say how to move the map instead.
            if touches.length() == 1 && !self.touch_hint.get_untracked() {
                self.show_touch_hint();
            }
            return;
        };
        if touches.length() < 2 {
            return;
        }
        event.prevent_default();
        let Some(screen) = self.screen() else { return };
        let (midpoint, spread) = two_fingers(&touches);
        let moved = pinch.camera.pinched(
            pinch.anchor,
            spread / pinch.spread,
            (midpoint.0 - pinch.midpoint.0, midpoint.1 - pinch.midpoint.1),
            &screen,
        );
        self.heading.set_value(moved);
        self.camera.set(moved);
    }

    pub fn on_touch_end(&self, event: web_sys::TouchEvent) {
        if event.touches().length() < 2 {
            self.pinch.set_value(None);
        }
    }

    fn show_touch_hint(&self) {
        self.touch_hint.set(true);
        let hint = self.touch_hint;
        set_timeout(
            move || {
                hint.try_set(false);
            },
            std::time::Duration::from_millis(HINT_MS),
        );
    }

    /// The keys of the map: arrows pan, + and − zoom, 0 resets to `home`. True if handled.
    pub fn on_key(&self, key: &str, home: Camera) -> bool {
        match self.heading.get_value().after_key(key, home) {
            Some(to) => {
                self.fly(to);
                true
            }
            None => false,
        }
    }
}

/// The midpoint of the first two touches and the distance between them.
fn two_fingers(touches: &web_sys::TouchList) -> ((f64, f64), f64) {
    let point = |i| {
        touches.item(i).map_or((0.0, 0.0), |t| {
            (f64::from(t.client_x()), f64::from(t.client_y()))
        })
    };
    let (a, b) = (point(0), point(1));
    (
        ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0),
        (a.0 - b.0).hypot(a.1 - b.1),
    )
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// The element an event's target is, as an SVG or HTML element that can take focus.
pub(super) fn focus(element: &web_sys::Element) {
    if let Some(el) = element.dyn_ref::<web_sys::SvgElement>() {
        let _ = el.focus();
    } else if let Some(el) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
