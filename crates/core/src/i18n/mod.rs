//! The app in several languages: which languages ([`Lang`]), how each counts and writes
//! numbers ([`plural`]), and its messages, read from a file per language ([`Catalog`]).

pub mod catalog;
pub mod lang;
pub mod plural;

pub use catalog::{Catalog, CatalogError, Problem, Rich, check, rich};
pub use lang::Lang;
pub use plural::{Plural, decimal, decimal_separator, number, parse_decimal, plural};

/// The English catalog (`public/i18n/en.json`), built into the app and the site build: the
/// words a page has until its own language's are set ([`set_words`]).
pub fn english() -> &'static Catalog {
    static ENGLISH: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    ENGLISH.get_or_init(|| {
        // Checked by the tests (`catalogs`): a broken file fails them, never a page.
        Catalog::parse(Lang::En, include_str!("../../../../public/i18n/en.json"))
            .unwrap_or_default()
    })
}

thread_local! {
    static CURRENT: std::cell::Cell<&'static Catalog> = std::cell::Cell::new(english());
}

/// The words of the page being shown: a page is in one language from start to end (another
/// language is another page, `/es/…`), so they are set once before it renders
/// ([`set_words`]) rather than handed to every component and every function that writes a
/// sentence. Per thread: the site build renders one page at a time per thread. English until
/// set.
pub fn words() -> &'static Catalog {
    CURRENT.with(std::cell::Cell::get)
}

/// Makes `catalog` the words of what renders next on this thread (see [`words`]).
pub fn set_words(catalog: &'static Catalog) {
    CURRENT.with(|current| current.set(catalog));
}
