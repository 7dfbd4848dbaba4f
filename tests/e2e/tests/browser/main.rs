//! Every browser test in one test binary: one link instead of one per file, and the harness
//! runs any two tests at a time across all of them (a binary per file waited for its slowest
//! test before the next file's could start). `cargo test -p e2e -- map::` runs one file's.

mod accessibility;
mod chunks;
mod directory;
mod embed;
mod hardening;
mod hosting;
mod in_page;
mod join;
mod languages;
mod map;
mod near;
mod open_data;
mod phones;
mod prerender;
mod readings;
mod shell;
mod subpath;
mod tech_coops_xyz;
mod valid_html;
