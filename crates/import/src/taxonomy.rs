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
    },
    TagDef {
        id: "games",
        name: "Games",
        description: "Video game development, game writing and game technology.",
        keywords: &["game*"],
        in_notes: false,
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
    },
    TagDef {
        id: "civicrm",
        name: "CiviCRM",
        description: "CiviCRM, the open-source CRM for non-profits.",
        keywords: &["civicrm"],
        in_notes: false,
    },
    TagDef {
        id: "drupal",
        name: "Drupal",
        description: "Drupal sites and development.",
        keywords: &["drupal*"],
        in_notes: false,
    },
    TagDef {
        id: "wordpress",
        name: "WordPress",
        description: "WordPress sites and development.",
        keywords: &["wordpress"],
        in_notes: false,
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
    },
    TagDef {
        id: "gis-maps",
        name: "GIS & maps",
        description: "Geographic information systems, maps and transport data.",
        keywords: &["gis", "map", "maps", "mapping", "geo*", "public transport*"],
        in_notes: false,
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
    },
];

/// The taxonomy as the dataset's tags, in English (their other languages come from
/// `data/i18n/`: [`crate::translations`]).
pub fn tags() -> Vec<Tag> {
    TAXONOMY
        .iter()
        .map(|t| Tag {
            id: t.id.to_string(),
            name: t.name.to_string(),
            description: t.description.to_string(),
            names: Default::default(),
            descriptions: Default::default(),
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
    use coops_core::text::fold;

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
