//! The business-area taxonomy: a small, fixed set of tags, and how the free-text
//! "Business Areas" cell maps onto it.
//!
//! | id | name | matched by (examples) |
//! |----|------|------------------------|
//! | `software-development` | Software development | "Software development", "Development", "Full-stack", "bespoke" |
//! | `web-development` | Web development | "Web…", "Websites", "Django", "Drupal", "WordPress", "front-end" |
//! | `mobile-apps` | Mobile apps | "Mobile…", "apps", "Android", "cross-platform" |
//! | `design-ux` | Design & UX | "Design…", "UX", "UI", "graphic…", "accessibility" |
//! | `consulting` | Consulting | "Consult…", "advice", "strategic planning" |
//! | `project-management` | Project management | "project management", "digital transformation", "agile…" |
//! | `hosting` | Hosting | "Hosting", "SaaS", "e-mail" |
//! | `sysadmin-infrastructure` | Sysadmin & infrastructure | "Sysadmin", "DevOps", "infrastructure", "cloud…", "PostgreSQL" |
//! | `it-support` | IT services & support | "IT services", "tech support", "support", "I.T." |
//! | `hardware-repair` | Hardware & repair | "Hardware", "repair…", "IoT", "firmware" |
//! | `games` | Games | "Game…" |
//! | `data-ai` | Data & AI | "Data…", "AI", "analysis", "operations research" |
//! | `open-source` | Open source | "open source", "FLOSS", "free software" (also in the notes) |
//! | `civicrm` | CiviCRM | "CiviCRM" |
//! | `drupal` | Drupal | "Drupal" |
//! | `wordpress` | WordPress | "WordPress" |
//! | `erp` | ERP & business software | "ERP", "Odoo", "CRM", "POS software", "case management" |
//! | `training` | Training & education | "Training", "education", "e-learning", "workshops", "coaching" |
//! | `gis-maps` | GIS & maps | "GIS", "maps", "geo…", "public transport" |
//! | `security` | Security & privacy | "security", "privacy", "formal verification" |
//! | `media-video` | Media, video & XR | "video production", "film…", "animation", "audio", "music", "VFX", "mixed reality" |
//! | `platforms` | Platforms | "platform…", "rideshare", "delivery", "decision-making", "conferencing" |
//! | `civic-tech` | Civic tech & campaigning | "grassroots", "activists", "political", "campaign…", "non-profit" |
//! | `p2p-decentralised` | P2P & decentralised | "p2p", "distributed systems", "decentrali…", "federated" |
//! | `content-marketing` | Content & marketing | "marketing", "translation", "copy-editing", "writing" |
//!
//! Keywords are matched against the folded cell (lower case, accents removed, see
//! [`coops_core::text::fold`]). A keyword matches where a word starts (not after a hyphen:
//! "cross-platform" is no platform); it must also end where
//! a word ends, unless it ends in `*` (a prefix: `consult*` matches "consulting" and
//! "consultancy"). A keyword starting with `=` must be a whole phrase of the cell, phrases
//! being separated by `,` `;` `/` `|` `(` `)` `.` `:` — so "Development" alone means software
//! development while "Web development" does not also count as it. Only `open-source` also
//! looks at the notes, where co-ops say they make free software.
//!
//! Tags are listed on a co-op in this table's order, and [`crate::import`] writes the table
//! as the dataset's `tags`.

use coops_core::Tag;

/// One tag of the taxonomy.
#[derive(Debug, Clone, Copy)]
pub struct TagDef {
    /// Stable id, used in URLs.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// What it covers.
    pub description: &'static str,
    /// Keywords (see the module doc for the syntax).
    pub keywords: &'static [&'static str],
    /// Also look for the keywords in the notes.
    pub in_notes: bool,
    /// Its name and description in the app's other languages: (language code, name,
    /// description).
    pub translations: [(&'static str, &'static str, &'static str); 3],
}

/// The taxonomy, in display order.
pub const TAXONOMY: &[TagDef] = &[
    TagDef {
        id: "software-development",
        name: "Software development",
        description: "Custom and general software development, back ends, full-stack work.",
        keywords: &[
            "software*",
            "=development",
            "=dev",
            "=developers",
            "=software",
            "full-stack*",
            "full stack",
            "fullstack",
            "back-end*",
            "backend*",
            "bespoke",
            "custom development",
            "product development",
            "product company",
            "engineering",
            "programming",
            "clojure",
            "haskell",
            "python",
            "ruby",
            "golang",
            "java",
            "floss development",
            "open source development",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "Desarrollo de software",
                "Desarrollo de software a medida y de propósito general, back end y full stack.",
            ),
            (
                "fr",
                "Développement logiciel",
                "Développement logiciel sur mesure ou généraliste, back-end et full stack.",
            ),
            (
                "de",
                "Softwareentwicklung",
                "Individuelle und allgemeine Softwareentwicklung, Backend- und Full-Stack-Entwicklung.",
            ),
        ],
    },
    TagDef {
        id: "web-development",
        name: "Web development",
        description: "Websites and web applications.",
        keywords: &[
            "web*",
            "website*",
            "django",
            "drupal*",
            "wordpress",
            "front-end*",
            "frontend*",
            "symfony",
            "node.js",
            "vue",
            "angular",
            "react",
            "e-commerce",
            "ecommerce",
        ],
        in_notes: false,
        translations: [
            ("es", "Desarrollo web", "Sitios y aplicaciones web."),
            ("fr", "Développement web", "Sites et applications web."),
            ("de", "Webentwicklung", "Websites und Webanwendungen."),
        ],
    },
    TagDef {
        id: "mobile-apps",
        name: "Mobile apps",
        description: "Apps for phones and tablets.",
        keywords: &[
            "mobile*",
            "app",
            "apps",
            "app development",
            "android",
            "ios",
            "cross-platform*",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "Aplicaciones móviles",
                "Aplicaciones para teléfonos móviles y tabletas.",
            ),
            (
                "fr",
                "Applications mobiles",
                "Applications pour smartphones et tablettes.",
            ),
            ("de", "Mobile Apps", "Apps für Smartphones und Tablets."),
        ],
    },
    TagDef {
        id: "design-ux",
        name: "Design & UX",
        description: "Visual, graphic and interaction design, user experience and accessibility.",
        keywords: &[
            "design*",
            "ux",
            "ui",
            "user experience",
            "graphic*",
            "accessib*",
            "accesib*",
            "branding",
            "illustration*",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "Diseño y UX",
                "Diseño visual, gráfico y de interacción, experiencia de usuario y accesibilidad.",
            ),
            (
                "fr",
                "Design et UX",
                "Design visuel, graphique et d'interaction, expérience utilisateur et accessibilité.",
            ),
            (
                "de",
                "Design & UX",
                "Visuelles Design, Grafik- und Interaktionsdesign, User Experience und Barrierefreiheit.",
            ),
        ],
    },
    TagDef {
        id: "consulting",
        name: "Consulting",
        description: "Technical and business consulting and advice.",
        keywords: &[
            "consult*",
            "advice",
            "advisory",
            "strategic planning",
            "contracting",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "Consultoría",
                "Consultoría y asesoramiento técnico y empresarial.",
            ),
            (
                "fr",
                "Conseil",
                "Conseil technique et conseil aux entreprises.",
            ),
            (
                "de",
                "Beratung",
                "Technische Beratung und Unternehmensberatung.",
            ),
        ],
    },
    TagDef {
        id: "project-management",
        name: "Project management",
        description: "Project and product management, digital transformation.",
        keywords: &[
            "project management",
            "product management",
            "digital transformation",
            "virtual assistance",
            "agile*",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "Gestión de proyectos",
                "Gestión de proyectos y de producto, transformación digital.",
            ),
            (
                "fr",
                "Gestion de projet",
                "Gestion de projet et de produit, transformation numérique.",
            ),
            (
                "de",
                "Projektmanagement",
                "Projekt- und Produktmanagement, digitale Transformation.",
            ),
        ],
    },
    TagDef {
        id: "hosting",
        name: "Hosting",
        description: "Web, e-mail and application hosting, software as a service.",
        keywords: &[
            "hosting",
            "host",
            "saas",
            "e-mail",
            "email",
            "cloud services",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "Alojamiento web",
                "Alojamiento web, de correo electrónico y de aplicaciones, software como servicio.",
            ),
            (
                "fr",
                "Hébergement",
                "Hébergement web, de messagerie et d'applications, logiciel en tant que service.",
            ),
            (
                "de",
                "Hosting",
                "Hosting für Websites, E-Mail und Anwendungen, Software as a Service.",
            ),
        ],
    },
    TagDef {
        id: "sysadmin-infrastructure",
        name: "Sysadmin & infrastructure",
        description: "System administration, DevOps, networks and cloud infrastructure.",
        keywords: &[
            "sysadmin*",
            "system administration",
            "sysops",
            "devops",
            "devop",
            "infrastructure",
            "cloud*",
            "networking",
            "kubernetes",
            "docker",
            "postgresql",
            "servers",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "Sistemas e infraestructura",
                "Administración de sistemas, DevOps, redes e infraestructura en la nube.",
            ),
            (
                "fr",
                "Administration système et infrastructure",
                "Administration système, DevOps, réseaux et infrastructure cloud.",
            ),
            (
                "de",
                "Systemadministration & Infrastruktur",
                "Systemadministration, DevOps, Netzwerke und Cloud-Infrastruktur.",
            ),
        ],
    },
    TagDef {
        id: "it-support",
        name: "IT services & support",
        description: "IT services and support for people and organisations.",
        keywords: &[
            "it services",
            "tech support",
            "support",
            "business it*",
            "i.t.*",
            "information services",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "Servicios informáticos y soporte",
                "Servicios informáticos y soporte técnico para particulares y organizaciones.",
            ),
            (
                "fr",
                "Services et support informatiques",
                "Services informatiques et assistance pour les particuliers et les organisations.",
            ),
            (
                "de",
                "IT-Dienstleistungen & Support",
                "IT-Dienstleistungen und Support für Privatpersonen und Organisationen.",
            ),
        ],
    },
    TagDef {
        id: "hardware-repair",
        name: "Hardware & repair",
        description: "Hardware, electronics, IoT and computer repair.",
        keywords: &[
            "hardware",
            "repair*",
            "iot",
            "firmware",
            "electrical engineering",
            "electronics",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "Hardware y reparación",
                "Hardware, electrónica, IoT y reparación de equipos informáticos.",
            ),
            (
                "fr",
                "Matériel et réparation",
                "Matériel, électronique, IoT et réparation d'ordinateurs.",
            ),
            (
                "de",
                "Hardware & Reparatur",
                "Hardware, Elektronik, IoT und Computerreparatur.",
            ),
        ],
    },
    TagDef {
        id: "games",
        name: "Games",
        description: "Video game development, game writing and game technology.",
        keywords: &["game*"],
        in_notes: false,
        translations: [
            (
                "es",
                "Videojuegos",
                "Desarrollo y guion de videojuegos, y tecnología para juegos.",
            ),
            (
                "fr",
                "Jeux vidéo",
                "Développement et écriture de jeux vidéo, technologies du jeu.",
            ),
            (
                "de",
                "Spiele",
                "Entwicklung von Videospielen, Game Writing und Spieletechnik.",
            ),
        ],
    },
    TagDef {
        id: "data-ai",
        name: "Data & AI",
        description: "Data engineering and science, open data, analysis, machine learning.",
        keywords: &[
            "data*",
            "ai",
            "artificial intelligence",
            "machine learning",
            "analytics",
            "analysis",
            "operations research",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "Datos e IA",
                "Ingeniería y ciencia de datos, datos abiertos, análisis, aprendizaje automático.",
            ),
            (
                "fr",
                "Données et IA",
                "Ingénierie et science des données, données ouvertes, analyse, apprentissage automatique.",
            ),
            (
                "de",
                "Daten & KI",
                "Data Engineering und Data Science, offene Daten, Analyse, maschinelles Lernen.",
            ),
        ],
    },
    TagDef {
        id: "open-source",
        name: "Open source",
        description: "Free and open-source software development.",
        keywords: &[
            "open source*",
            "open-source*",
            "floss*",
            "free software*",
            "libre*",
            "free open source",
        ],
        in_notes: true,
        translations: [
            (
                "es",
                "Código abierto",
                "Desarrollo de software libre y de código abierto.",
            ),
            (
                "fr",
                "Open source",
                "Développement de logiciels libres et open source.",
            ),
            (
                "de",
                "Open Source",
                "Entwicklung freier und Open-Source-Software.",
            ),
        ],
    },
    TagDef {
        id: "civicrm",
        name: "CiviCRM",
        description: "CiviCRM, the open-source CRM for non-profits.",
        keywords: &["civicrm"],
        in_notes: false,
        translations: [
            (
                "es",
                "CiviCRM",
                "CiviCRM, el CRM de código abierto para organizaciones sin fines de lucro.",
            ),
            (
                "fr",
                "CiviCRM",
                "CiviCRM, le CRM open source pour les organisations à but non lucratif.",
            ),
            (
                "de",
                "CiviCRM",
                "CiviCRM, das Open-Source-CRM für gemeinnützige Organisationen.",
            ),
        ],
    },
    TagDef {
        id: "drupal",
        name: "Drupal",
        description: "Drupal sites and development.",
        keywords: &["drupal*"],
        in_notes: false,
        translations: [
            ("es", "Drupal", "Sitios web y desarrollo con Drupal."),
            ("fr", "Drupal", "Sites et développement Drupal."),
            ("de", "Drupal", "Drupal-Websites und -Entwicklung."),
        ],
    },
    TagDef {
        id: "wordpress",
        name: "WordPress",
        description: "WordPress sites and development.",
        keywords: &["wordpress"],
        in_notes: false,
        translations: [
            ("es", "WordPress", "Sitios web y desarrollo con WordPress."),
            ("fr", "WordPress", "Sites et développement WordPress."),
            ("de", "WordPress", "WordPress-Websites und -Entwicklung."),
        ],
    },
    TagDef {
        id: "erp",
        name: "ERP & business software",
        description: "ERP, CRM, point-of-sale and case-management systems.",
        keywords: &[
            "erp*",
            "odoo",
            "crm",
            "pos software",
            "case management",
            "business software",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "ERP y software de gestión",
                "ERP, CRM y sistemas de punto de venta y de gestión de expedientes.",
            ),
            (
                "fr",
                "ERP et logiciels de gestion",
                "ERP, CRM, logiciels de caisse et de gestion de dossiers.",
            ),
            (
                "de",
                "ERP & Unternehmenssoftware",
                "ERP-, CRM-, Kassen- und Fallmanagementsysteme.",
            ),
        ],
    },
    TagDef {
        id: "training",
        name: "Training & education",
        description: "Training, teaching, workshops and coaching.",
        keywords: &[
            "training",
            "education",
            "e-learning",
            "elearning",
            "workshop*",
            "teaching",
            "courses",
            "coaching",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "Formación y educación",
                "Formación, docencia, talleres y coaching.",
            ),
            (
                "fr",
                "Formation et enseignement",
                "Formation, enseignement, ateliers et accompagnement.",
            ),
            (
                "de",
                "Schulungen & Bildung",
                "Schulungen, Unterricht, Workshops und Coaching.",
            ),
        ],
    },
    TagDef {
        id: "gis-maps",
        name: "GIS & maps",
        description: "Geographic information systems, maps and transport data.",
        keywords: &["gis", "map", "maps", "mapping", "geo*", "public transport*"],
        in_notes: false,
        translations: [
            (
                "es",
                "SIG y mapas",
                "Sistemas de información geográfica, mapas y datos de transporte.",
            ),
            (
                "fr",
                "SIG et cartographie",
                "Systèmes d'information géographique, cartes et données de transport.",
            ),
            (
                "de",
                "GIS & Karten",
                "Geoinformationssysteme, Karten und Verkehrsdaten.",
            ),
        ],
    },
    TagDef {
        id: "security",
        name: "Security & privacy",
        description: "Digital security, privacy and formal verification.",
        keywords: &[
            "security",
            "cybersecurity",
            "cyber security",
            "privacy",
            "formal verification",
            "encryption",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "Seguridad y privacidad",
                "Seguridad digital, privacidad y verificación formal.",
            ),
            (
                "fr",
                "Sécurité et vie privée",
                "Sécurité numérique, protection de la vie privée et vérification formelle.",
            ),
            (
                "de",
                "Sicherheit & Datenschutz",
                "Digitale Sicherheit, Datenschutz und formale Verifikation.",
            ),
        ],
    },
    TagDef {
        id: "media-video",
        name: "Media, video & XR",
        description: "Film, video, animation, audio, music, visual effects and mixed reality.",
        keywords: &[
            "video prod*",
            "film*",
            "animation",
            "audio",
            "music*",
            "moving image",
            "visual effects",
            "vfx",
            "photo*",
            "media",
            "mixed reality",
            "virtual reality",
            "augmented*",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "Medios, vídeo y XR",
                "Cine, vídeo, animación, audio, música, efectos visuales y realidad mixta.",
            ),
            (
                "fr",
                "Médias, vidéo et XR",
                "Cinéma, vidéo, animation, audio, musique, effets visuels et réalité mixte.",
            ),
            (
                "de",
                "Medien, Video & XR",
                "Film, Video, Animation, Audio, Musik, visuelle Effekte und Mixed Reality.",
            ),
        ],
    },
    TagDef {
        id: "platforms",
        name: "Platforms",
        description: "Platform co-ops and online services: delivery, rideshare, meetings, decision-making, streaming.",
        keywords: &[
            "platform*",
            "rideshare",
            "ride-share",
            "delivery",
            "decision-making*",
            "conferencing",
            "streaming",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "Plataformas",
                "Cooperativas de plataforma y servicios en línea de reparto, viajes compartidos, reuniones, toma de decisiones y streaming.",
            ),
            (
                "fr",
                "Plateformes",
                "Plateformes coopératives et services en ligne de livraison, de VTC, de réunion, de prise de décision et de streaming.",
            ),
            (
                "de",
                "Plattformen",
                "Plattformgenossenschaften und Onlinedienste für Lieferungen, Fahrdienste, Meetings, Entscheidungsfindung und Streaming.",
            ),
        ],
    },
    TagDef {
        id: "civic-tech",
        name: "Civic tech & campaigning",
        description: "Tools and services for campaigns, grassroots groups, unions and non-profits.",
        keywords: &[
            "grassroots",
            "activis*",
            "political",
            "campaign*",
            "organizing",
            "organising",
            "nonprofit*",
            "non-profit*",
            "advocacy",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "Tecnología cívica y campañas",
                "Herramientas y servicios para campañas, colectivos de base, sindicatos y organizaciones sin fines de lucro.",
            ),
            (
                "fr",
                "Civic tech et mobilisation",
                "Outils et services pour les campagnes, les collectifs citoyens, les syndicats et les associations.",
            ),
            (
                "de",
                "Civic Tech & Kampagnen",
                "Werkzeuge und Dienste für Kampagnen, Basisgruppen, Gewerkschaften und gemeinnützige Organisationen.",
            ),
        ],
    },
    TagDef {
        id: "p2p-decentralised",
        name: "P2P & decentralised",
        description: "Peer-to-peer, federated and distributed systems.",
        keywords: &[
            "p2p",
            "peer-to-peer",
            "distributed systems",
            "distribute systems",
            "decentrali*",
            "federated",
            "blockchain",
            "offline data replication",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "P2P y descentralización",
                "Sistemas entre pares, federados y distribuidos.",
            ),
            (
                "fr",
                "P2P et décentralisation",
                "Systèmes pair à pair, fédérés et distribués.",
            ),
            (
                "de",
                "P2P & Dezentralisierung",
                "Peer-to-Peer-, föderierte und verteilte Systeme.",
            ),
        ],
    },
    TagDef {
        id: "content-marketing",
        name: "Content & marketing",
        description: "Marketing, writing, editing and translation.",
        keywords: &[
            "marketing",
            "translation",
            "copy-editing",
            "copywriting",
            "writing",
            "editing",
            "content",
        ],
        in_notes: false,
        translations: [
            (
                "es",
                "Contenidos y marketing",
                "Marketing, redacción, edición y traducción.",
            ),
            (
                "fr",
                "Contenu et marketing",
                "Marketing, rédaction, révision et traduction.",
            ),
            (
                "de",
                "Inhalte & Marketing",
                "Marketing, Texten, Lektorat und Übersetzung.",
            ),
        ],
    },
];

/// The taxonomy as the dataset's tags.
pub fn tags() -> Vec<Tag> {
    TAXONOMY
        .iter()
        .map(|t| Tag {
            id: t.id.to_string(),
            name: t.name.to_string(),
            description: t.description.to_string(),
            names: t
                .translations
                .iter()
                .map(|(lang, name, _)| ((*lang).to_string(), (*name).to_string()))
                .collect(),
            descriptions: t
                .translations
                .iter()
                .map(|(lang, _, description)| ((*lang).to_string(), (*description).to_string()))
                .collect(),
        })
        .collect()
}

/// Tag ids for a co-op, in taxonomy order. Both texts are folded already.
pub fn tags_for(areas: &str, notes: &str) -> Vec<String> {
    TAXONOMY
        .iter()
        .filter(|tag| {
            tag.keywords
                .iter()
                .any(|k| matches(areas, k) || (tag.in_notes && matches(notes, k)))
        })
        .map(|tag| tag.id.to_string())
        .collect()
}

/// Whether `keyword` (module-doc syntax) matches the folded `text`.
pub fn matches(text: &str, keyword: &str) -> bool {
    if let Some(phrase) = keyword.strip_prefix('=') {
        return text
            .split([',', ';', '/', '|', '(', ')', '.', ':'])
            .any(|p| p.trim() == phrase);
    }
    let (word, prefix) = match keyword.strip_suffix('*') {
        Some(word) => (word, true),
        None => (keyword, false),
    };
    if word.is_empty() {
        return false;
    }
    text.match_indices(word).any(|(i, _)| {
        // A hyphen joins words: "cross-platform" is not "platform".
        let starts_word = text
            .get(..i)
            .and_then(|before| before.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric() && c != '-');
        let ends_word = prefix
            || text
                .get(i + word.len()..)
                .and_then(|after| after.chars().next())
                .is_none_or(|c| !c.is_alphanumeric());
        starts_word && ends_word
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use coops_core::i18n::Lang;
    use coops_core::text::fold;

    #[test]
    fn every_area_is_named_and_described_in_every_language() {
        let others: Vec<&str> = Lang::ALL
            .iter()
            .filter(|l| **l != Lang::En)
            .map(|l| l.code())
            .collect();
        for tag in TAXONOMY {
            let langs: Vec<&str> = tag.translations.iter().map(|(lang, _, _)| *lang).collect();
            assert_eq!(langs, others, "{}", tag.id);
            for (lang, name, description) in tag.translations {
                assert!(!name.trim().is_empty(), "{} {lang}", tag.id);
                assert!(!description.trim().is_empty(), "{} {lang}", tag.id);
            }
        }
        let written = super::tags();
        assert_eq!(written[0].names.len(), others.len());
        assert_eq!(written[0].descriptions.len(), others.len());
    }

    fn tags(areas: &str) -> Vec<String> {
        tags_for(&fold(areas), "")
    }

    #[test]
    fn ids_are_unique_slugs_and_the_size_is_small() {
        let mut ids: Vec<&str> = TAXONOMY.iter().map(|t| t.id).collect();
        assert!((15..=25).contains(&ids.len()));
        assert!(ids.iter().all(|id| coops_core::text::slugify(id) == *id));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), TAXONOMY.len());
    }

    #[test]
    fn keyword_syntax() {
        assert!(matches("tech consulting", "consult*"));
        assert!(!matches("preconsulting", "consult*"), "starts at a word");
        assert!(
            !matches("cross-platform apps", "platform*"),
            "a hyphen joins words"
        );
        assert!(matches("ux research", "ux"));
        assert!(!matches("uxe", "ux"), "ends at a word unless a prefix");
        assert!(matches("design, development", "=development"));
        assert!(!matches("web development", "=development"));
    }

    #[test]
    fn typical_cells() {
        assert_eq!(
            tags("Web development, CiviCRM, Tech support, Training"),
            ["web-development", "it-support", "civicrm", "training"]
        );
        assert_eq!(
            tags("Hosting, Websites, Sysadmin"),
            ["web-development", "hosting", "sysadmin-infrastructure"]
        );
        assert_eq!(tags("Game development"), ["games"]);
        assert_eq!(tags("Development"), ["software-development"]);
        assert_eq!(
            tags("GIS, Maps, Web applications"),
            ["web-development", "gis-maps"]
        );
        assert_eq!(
            tags("Front-end dev, design services, e-commerce, Drupal/WordPress"),
            ["web-development", "design-ux", "drupal", "wordpress"]
        );
        assert!(tags("").is_empty());
    }

    #[test]
    fn open_source_also_from_the_notes() {
        assert_eq!(
            tags_for("erp development", &fold("we provide Open Source ERPs")),
            ["open-source", "erp"]
        );
        assert_eq!(tags_for("erp development", &fold("open data")), ["erp"]);
    }
}
