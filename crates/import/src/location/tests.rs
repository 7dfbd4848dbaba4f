use super::*;
use crate::gazetteer::tests::small;

fn parsed(text: &str, region: &str) -> Parsed {
    parse(text, region, &small())
}

fn read(text: &str, region: &str) -> (Vec<String>, Option<String>) {
    let l = parsed(text, region).location;
    (l.countries, l.locality)
}

fn codes(text: &str, region: &str) -> Vec<String> {
    read(text, region).0
}

/// The places as (name, country, precision).
fn places(text: &str, region: &str) -> Vec<(String, String, Precision)> {
    parsed(text, region)
        .location
        .places
        .into_iter()
        .map(|p| (p.name, p.country, p.precision))
        .collect()
}

fn place(name: &str, country: &str, precision: Precision) -> (String, String, Precision) {
    (name.to_string(), country.to_string(), precision)
}

#[test]
fn several_countries_per_row() {
    assert_eq!(
        codes("USA / Nicaragua / Germany", "north-america"),
        ["US", "NI", "DE"]
    );
    assert_eq!(codes("US + CAN", "north-america"), ["US", "CA"]);
    assert_eq!(codes("USA/Canada", "north-america"), ["US", "CA"]);
    assert_eq!(codes("France, UK, Québec", "europe"), ["FR", "GB", "CA"]);
    assert_eq!(
        read("Berlin, Germany / Dublin, Ireland", "europe"),
        (
            vec!["DE".into(), "IE".into()],
            Some("Berlin, Dublin".into())
        )
    );
    assert_eq!(codes("UK / Germany", "europe"), ["GB", "DE"]);
}

#[test]
fn countries_written_as_people_write_them() {
    for (text, want) in [
        ("Deutschland", "DE"),
        ("Allemagne", "DE"),
        ("ESPAÑA", "ES"),
        ("españa", "ES"),
        ("Brasil", "BR"),
        ("Nederland", "NL"),
        ("the Netherlands", "NL"),
        ("Bolivia (Plurinational State of)", "BO"),
        ("Türkiye", "TR"),
        ("Ivory Coast", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("UAE", "AE"),
        ("Scotland", "GB"),
        ("Catalonia", "ES"),
        ("Catalunya", "ES"),
        ("Quebec", "CA"),
        ("Bavaria", "DE"),
        ("Bayern", "DE"),
        ("Ohio", "US"),
    ] {
        assert_eq!(codes(text, "europe"), [want], "{text}");
    }
    // In any order.
    assert_eq!(codes("Germany, Berlin", "europe"), ["DE"]);
    assert_eq!(codes("Spain, Barcelona, Catalonia", "europe"), ["ES"]);
}

#[test]
fn codes_in_capitals() {
    // In North America a state or province code wins, elsewhere a country's.
    assert_eq!(codes("NY", "north-america"), ["US"]);
    assert_eq!(codes("QC", "north-america"), ["CA"]);
    assert_eq!(codes("CA", "north-america"), ["US"], "California");
    assert_eq!(codes("CO", "north-america"), ["US"], "Colorado");
    assert_eq!(codes("CA", "europe"), ["CA"], "Canada");
    assert_eq!(codes("DE", "europe"), ["DE"]);
    assert_eq!(codes("TX", "europe"), ["US"], "no country has that code");
    assert!(
        codes("fr", "asia").is_empty(),
        "codes count only in capitals"
    );
}

#[test]
fn states_provinces_and_regions() {
    assert_eq!(codes("Western US and Georgia, US", "north-america"), ["US"]);
    assert_eq!(codes("Tbilisi, Georgia", "europe"), ["GE"]);
    assert_eq!(
        read("Boulder, CO", "north-america"),
        (vec!["US".into()], Some("Boulder".into()))
    );
    assert_eq!(
        read("Brooklyn, NY", "north-america"),
        (vec!["US".into()], Some("Brooklyn".into()))
    );
    assert_eq!(
        read("East Bay, CA, USA", "north-america"),
        (vec!["US".into()], Some("East Bay".into()))
    );
    assert_eq!(codes("Vermont, US", "north-america"), ["US"]);
    assert_eq!(read("Ottawa, Ontario, Canada", "north-america").0, ["CA"]);
    assert_eq!(
        read("Montreal, QC, Canada", "north-america"),
        (vec!["CA".into()], Some("Montreal".into()))
    );
    assert_eq!(codes("EU, Bulgaria", "europe"), ["BG"]);
    assert_eq!(
        read("Lower Austria, Austria", "europe"),
        (vec!["AT".into()], None)
    );
    assert_eq!(
        read("Cupar, Scotland", "europe"),
        (vec!["GB".into()], Some("Cupar".into()))
    );
    assert_eq!(codes("Barcelona, Catalonia", "europe"), ["ES"]);
    assert_eq!(codes("Errenteria, Basque Country", "europe"), ["ES"]);
    assert_eq!(codes("GER", "europe"), ["DE"]);
    assert_eq!(codes("Rennes, FR", "europe"), ["FR"]);
    assert_eq!(codes("Rio de Janeiro, BR", "south-america"), ["BR"]);
    assert_eq!(codes("NZ", "oceania"), ["NZ"]);
    assert_eq!(codes("Amsterdam, the Netherlands", "europe"), ["NL"]);
    assert_eq!(
        codes("SF Bay Area and Southern Oregon", "north-america"),
        ["US"]
    );
}

#[test]
fn localities() {
    let locality = |text: &str, region: &str| read(text, region).1;
    assert_eq!(
        locality("Buenos Aires, Argentina", "south-america").as_deref(),
        Some("Buenos Aires")
    );
    assert_eq!(
        locality("CABA, Buenos Aires, Argentina", "south-america").as_deref(),
        Some("Buenos Aires")
    );
    assert_eq!(
        locality("Quebec City, Quebec, Canada", "north-america").as_deref(),
        Some("Quebec City")
    );
    assert_eq!(
        read("Montreal and Quebec City, Canada", "north-america"),
        (vec!["CA".into()], Some("Montreal and Quebec City".into()))
    );
    assert_eq!(
        read("Tkaronto (Toronto), Ontario, Canada", "north-america"),
        (vec!["CA".into()], Some("Tkaronto (Toronto)".into()))
    );
    assert_eq!(read("Tkaronto (Toronto)", "north-america").0, ["CA"]);
    assert_eq!(
        read("Lille, Paris, Nantes, Lyon (France)", "europe"),
        (vec!["FR".into()], Some("Lille, Paris, Nantes, Lyon".into()))
    );
    assert_eq!(
        read("New York, USA and beyond", "north-america"),
        (vec!["US".into()], Some("New York".into()))
    );
    assert_eq!(
        locality("New York and San Francisco, USA", "north-america").as_deref(),
        Some("New York and San Francisco")
    );
    assert_eq!(locality("Germany", "europe"), None);
}

#[test]
fn flags() {
    let l = parsed("Distributed / Remote, North America", "north-america");
    assert!(
        l.location.distributed && l.location.remote && l.vague && l.location.countries.is_empty()
    );
    let l = parsed("Remote, international", "north-america").location;
    assert!(l.remote && l.worldwide);
    let l = parsed("UK (Remote)", "europe").location;
    assert_eq!(l.countries, ["GB"]);
    assert!(l.remote);
    let l = parsed("UK, Cypherspace", "europe").location;
    assert!(l.worldwide);
    let l = parsed("A Coruña, Spain; Global", "europe").location;
    assert_eq!(
        (l.countries, l.locality.as_deref(), l.worldwide),
        (vec!["ES".to_string()], Some("A Coruña"), true)
    );
    assert!(parsed("Europe", "europe").vague);
}

#[test]
fn remote_wording_in_every_position() {
    for text in [
        "France (full remote)",
        "France (fully remote)",
        "Remote, France",
        "France, remote",
        "Remote France",
        "France remote",
        "France - remote",
        "100% remote - France",
        "remote-first (France)",
        "Fully remote / France",
        "France; remote only",
    ] {
        let l = parsed(text, "europe").location;
        assert_eq!(
            (l.countries.clone(), l.remote),
            (vec!["FR".to_string()], true),
            "{text}"
        );
        assert_eq!(l.locality, None, "{text}");
    }
    let l = parsed("Paris, France (remote first)", "europe").location;
    assert_eq!((l.locality.as_deref(), l.remote), (Some("Paris"), true));
    let l = parsed("Worldwide, fully remote", "worldwide").location;
    assert!(l.worldwide && l.remote);
}

#[test]
fn multi_city_rows_are_placed_city_by_city() {
    assert_eq!(
        places("Lille, Paris, Nantes, Lyon (France)", "europe"),
        [
            place("Lille", "FR", Precision::City),
            place("Paris", "FR", Precision::City),
            place("Nantes", "FR", Precision::City),
            place("Lyon", "FR", Precision::City),
        ]
    );
    assert_eq!(
        places("Berlin and Cologne (Köln), Germany", "europe"),
        [
            place("Berlin", "DE", Precision::City),
            place("Cologne (Köln)", "DE", Precision::City),
        ]
    );
    assert_eq!(
        places("Montreal and Quebec City, Canada", "north-america"),
        [
            place("Montreal", "CA", Precision::City),
            place("Quebec City", "CA", Precision::City),
        ]
    );
    assert_eq!(
        places("Berlin, Germany / Dublin, Ireland", "europe"),
        [
            place("Berlin", "DE", Precision::City),
            place("Dublin", "IE", Precision::City),
        ]
    );
    // Coordinates kept to 0.01° for a city.
    let paris = &parsed("Paris, France", "europe").location.places[0];
    assert_eq!((paris.lat, paris.lon), (48.85, 2.35));
}

#[test]
fn a_region_after_a_city_says_where_the_city_is() {
    // Not a place of its own.
    assert_eq!(
        places("Tkaronto (Toronto), Ontario, Canada", "north-america"),
        [place("Tkaronto (Toronto)", "CA", Precision::City)]
    );
    assert_eq!(
        places("Brooklyn, NY", "north-america"),
        [place("Brooklyn", "US", Precision::City)]
    );
    assert_eq!(
        places("CABA, Buenos Aires, Argentina", "south-america"),
        [place("Buenos Aires", "AR", Precision::City)]
    );
    // It picks the city of that name inside it.
    let portland = |text: &str| parsed(text, "north-america").location.places[0].lon;
    assert_eq!(portland("Portland, OR, USA"), -122.68);
    assert_eq!(portland("Portland, Oregon, USA"), -122.68);
    assert_eq!(portland("Portland, Maine, USA"), -70.26);
    // A region that does not hold the city before it is a place of its own (and Lille, looked
    // for in Germany first, is found in the one country that has a Lille).
    assert_eq!(
        places("Lille, Bavaria", "europe"),
        [
            place("Lille", "FR", Precision::City),
            place("Bavaria", "DE", Precision::Region),
        ]
    );
}

#[test]
fn ambiguous_names_are_resolved_by_the_country() {
    assert_eq!(
        places("Córdoba, Argentina", "south-america"),
        [place("Córdoba", "AR", Precision::City)]
    );
    assert_eq!(
        places("Córdoba, Spain", "europe"),
        [place("Córdoba", "ES", Precision::City)]
    );
    assert_eq!(
        places("Paris, USA", "north-america"),
        [place("Paris", "US", Precision::City)]
    );
    assert_eq!(
        places("London, Ontario", "north-america"),
        [place("London", "CA", Precision::City)]
    );
    // ... or by a region only one country has.
    assert_eq!(
        places("Barcelona, Catalonia", "europe"),
        [place("Barcelona", "ES", Precision::City)]
    );
    // ... and with nothing to decide by, not guessed.
    let p = parsed("Córdoba", "south-america");
    assert!(p.location.places.is_empty() && p.location.countries.is_empty());
    assert_eq!(
        p.unplaced,
        ["“Córdoba” is a place in AR, ES, and the row does not say which: not placed"]
    );
}

#[test]
fn regions_and_countries_are_placed_at_their_centre() {
    assert_eq!(
        places("Vermont, US", "north-america"),
        [place("Vermont", "US", Precision::Region)],
        "the state, not the small town of that name"
    );
    assert_eq!(
        places("Seattle, Washington, USA", "north-america"),
        [place("Seattle", "US", Precision::City)],
        "Washington the state, not the District of Columbia"
    );
    assert_eq!(
        places("Alcalá de Henares, Madrid, Spain", "europe"),
        [place("Alcalá de Henares", "ES", Precision::City)]
    );
    assert_eq!(
        places("Michigan, Minnesota, USA", "north-america"),
        [
            place("Michigan", "US", Precision::Region),
            place("Minnesota", "US", Precision::Region),
        ]
    );
    assert_eq!(
        places("UK / Germany", "europe"),
        [
            place("United Kingdom", "GB", Precision::Country),
            place("Germany", "DE", Precision::Country),
        ]
    );
    let germany = &parsed("Germany", "europe").location.places[0];
    assert_eq!(germany.lat, (germany.lat * 10.0).round() / 10.0);
    assert!(parsed("Worldwide", "worldwide").location.places.is_empty());
}

#[test]
fn unknown_places_are_reported_and_fall_back_to_the_country() {
    let p = parsed("Atlantis, France", "europe");
    assert_eq!(p.location.locality.as_deref(), Some("Atlantis"));
    assert_eq!(
        p.location.places,
        [Place {
            name: "France".into(),
            country: "FR".into(),
            lat: Precision::Country.round(countries::info("FR").unwrap().centre.0),
            lon: Precision::Country.round(countries::info("FR").unwrap().centre.1),
            precision: Precision::Country,
        }]
    );
    assert_eq!(
        p.unplaced,
        [
            "no city or region called “Atlantis” in the gazetteer (looked for in FR): not placed at a city"
        ]
    );
    // A script the gazetteer lacks for that city: reported, not matched to a near name.
    let p = parsed("Лилль, France", "europe");
    assert_eq!(p.unplaced.len(), 1, "{:?}", p.unplaced);
    assert_eq!(p.location.places[0].precision, Precision::Country);
    // A misspelling is no near miss.
    assert_eq!(parsed("Pariss, France", "europe").unplaced.len(), 1);
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "",
        "()",
        "(",
        ")",
        " and ",
        "&&&",
        "(France)",
        "x (",
        "é (ü)",
        "Western",
        "&",
        "and and",
        "remote (",
        "- -",
        "100%",
        "(remote)",
        "and (and)",
    ] {
        let _ = parsed(text, "europe");
    }
}
