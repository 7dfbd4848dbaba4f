//! What this directory is and where its data comes from.

use leptos::html::Section;
use leptos::prelude::*;

use crate::components::page_meta::PageMeta;
use crate::handover::take_over_when_shown;

/// About the directory and the list behind it.
#[component]
pub fn AboutPage() -> impl IntoView {
    let shown = NodeRef::<Section>::new();
    take_over_when_shown(shown, |_| ());
    view! {
        <PageMeta title="About" description="What worker-owned tech co-ops are, and where this directory's data comes from." path="/about" />
        <section class="page page--about" aria-labelledby="about-title" node_ref=shown>
            <h1 id="about-title">"About this directory"</h1>
            <p>
                "A worker co-operative is a business its workers own together and run democratically, "
                "one member, one vote. Tech co-ops do this in software, design, hosting and the rest of "
                "the digital trades."
            </p>
            <p>
                "Every entry here comes from the "
                <a href="https://github.com/hng/tech-coops">"tech co-ops list"</a>
                ", a public-domain list kept by its contributors. The directory is rebuilt from the list, "
                "so a correction made there shows up here."
            </p>
            <p id="about-places">
                "Each co-op is placed where the list says it works. Cities and their coordinates come "
                "from "<a href="https://www.geonames.org/">"GeoNames"</a>", whose data is shared under "
                <a href="https://creativecommons.org/licenses/by/4.0/">"CC BY 4.0"</a>
                "; states, regions and countries from the ISO 3166 names and positions of the keshvar "
                "library. Where the list names only a country, the co-op sits at that country's centre."
            </p>
        </section>
    }
}
