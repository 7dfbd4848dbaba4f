//! What this directory is and where its data comes from.

use leptos::prelude::*;
use leptos_meta::Title;

/// About the directory and the list behind it.
#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <Title text="About" />
        <section class="page page--about" aria-labelledby="about-title">
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
        </section>
    }
}
