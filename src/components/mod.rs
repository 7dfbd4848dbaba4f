//! Small pieces shared by the pages.

pub mod answers_recap;
pub mod app_link;
pub mod coop_card;
pub mod coop_link;
pub mod embed_snippet;
pub mod entry_list;
pub mod join_outcome;
pub mod join_step;
pub mod language_switcher;
pub mod load_state;
pub mod locator_map;
pub mod message;
pub mod outcome_coops;
pub mod page_meta;
pub mod read_next;
pub mod rich_text;
pub mod search_box;
pub mod serves_filter;
pub mod share_links;
pub mod skipped_notice;
