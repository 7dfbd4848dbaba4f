//! The browser's entry point (Trunk builds this bin): see `tech_coops_app::start`.

fn main() {
    tech_coops_app::start();
}
