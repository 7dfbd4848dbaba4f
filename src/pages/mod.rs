//! One module per route.

pub mod about;
pub mod coop;
pub mod directory;
pub mod join;
pub mod not_found;
pub mod resources;
pub mod routes;
