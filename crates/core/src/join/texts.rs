//! The guide in another language: a file per language beside the guide
//! (`public/data/join.es.json`) holding only its texts, found by the ids of the steps, options
//! and outcomes (and by position within an outcome). Everything else (ids, paths, conditions,
//! links, fees) stays in one place, `join.json`, so a translation can never take a visitor
//! anywhere the English would not.
//!
//! [`translate`] lays a translation over the guide and is the validator for it: a text the
//! guide has and the translation lacks, or the other way round, is a [`Problem`], as a broken
//! path is in the guide itself.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{GuideError, JoinGuide, Link, Problem, load_guide};
use crate::i18n::Lang;
use crate::load::parse_document;
use crate::url::safe_href;

/// Where a language's translation of the guide is, beside it: `data/join.es.json`.
pub fn texts_path(lang: Lang) -> String {
    format!("data/join.{}.json", lang.code())
}

/// Where the site serves the whole guide in `lang`: `data/join.json` in English, and for
/// another language the guide with its translation laid over it, which the site build writes
/// (`data/join/es.json`). The browser reads it as it reads the English one: the laying over
/// and its checks stay out of the app's wasm.
pub fn guide_path(lang: Lang) -> String {
    match lang {
        Lang::En => crate::names::GUIDE_PATH.to_string(),
        lang => format!("data/join/{}.json", lang.code()),
    }
}

/// A translation of the guide's texts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GuideTexts {
    /// The language's code (`es`).
    pub lang: String,
    /// Each step's texts, by step id.
    pub steps: BTreeMap<String, StepTexts>,
    /// Each outcome's texts, by outcome id.
    pub outcomes: BTreeMap<String, OutcomeTexts>,
    /// Pages that exist in this language: the guide's address of a page, and the address of
    /// the same page in this language, used in its place.
    #[serde(default)]
    pub urls: BTreeMap<String, String>,
}

/// A step's texts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StepTexts {
    /// The question.
    pub question: String,
    /// Its help line, where the guide has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Each option's texts, by option id.
    pub options: BTreeMap<String, ChoiceTexts>,
}

/// An option's texts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ChoiceTexts {
    /// The button's text.
    pub label: String,
    /// Its hint, where the guide has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

/// An outcome's texts; its lists in the guide's order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct OutcomeTexts {
    /// The recommendation.
    pub title: String,
    /// The paragraph under it.
    pub summary: String,
    /// Why this path.
    pub why: String,
    /// The link into the directory, where the guide has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directory_label: Option<String>,
    /// What the fee is a share of, where the outcome has a fee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_basis: Option<String>,
    /// Each next step: its text and its links' labels.
    pub steps: Vec<NextStepTexts>,
    /// Each other way in: its text, and its link's label where it has one.
    #[serde(default)]
    pub alternatives: Vec<AlternativeTexts>,
    /// Each source's label.
    pub sources: Vec<String>,
}

/// A next step's texts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NextStepTexts {
    /// What to do.
    pub text: String,
    /// Its links' labels.
    #[serde(default)]
    pub links: Vec<String>,
}

/// Another way in's texts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AlternativeTexts {
    /// The suggestion.
    pub text: String,
    /// Its link's label, where it has a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// Reads the guide (`join.json`'s text) and its translation (`join.es.json`'s), and lays one
/// over the other: the guide in that language, or every problem found in either.
pub fn load_translated_guide(guide: &str, texts: &str) -> Result<JoinGuide, GuideError> {
    let guide = load_guide(guide)?;
    let texts: GuideTexts = parse_document(texts).map_err(GuideError::File)?;
    translate(&guide, &texts).map_err(GuideError::Invalid)
}

/// The English texts of `guide` in a translation's shape: what a translator starts from.
pub fn english_texts(guide: &JoinGuide) -> GuideTexts {
    GuideTexts {
        lang: Lang::En.code().into(),
        steps: guide
            .steps
            .iter()
            .map(|step| {
                let options = step
                    .options
                    .iter()
                    .map(|o| {
                        let texts = ChoiceTexts {
                            label: o.label.clone(),
                            hint: o.hint.clone(),
                        };
                        (o.id.clone(), texts)
                    })
                    .collect();
                let texts = StepTexts {
                    question: step.question.clone(),
                    help: step.help.clone(),
                    options,
                };
                (step.id.clone(), texts)
            })
            .collect(),
        outcomes: guide
            .outcomes
            .iter()
            .map(|o| {
                let labels = |links: &[Link]| links.iter().map(|l| l.label.clone()).collect();
                let texts = OutcomeTexts {
                    title: o.title.clone(),
                    summary: o.summary.clone(),
                    why: o.why.clone(),
                    directory_label: o.directory_label.clone(),
                    fee_basis: o.fee.as_ref().map(|f| f.basis.clone()),
                    steps: o
                        .steps
                        .iter()
                        .map(|s| NextStepTexts {
                            text: s.text.clone(),
                            links: labels(&s.links),
                        })
                        .collect(),
                    alternatives: o
                        .alternatives
                        .iter()
                        .map(|a| AlternativeTexts {
                            text: a.text.clone(),
                            link: a.link.as_ref().map(|l| l.label.clone()),
                        })
                        .collect(),
                    sources: labels(&o.sources),
                };
                (o.id.clone(), texts)
            })
            .collect(),
        urls: BTreeMap::new(),
    }
}

/// `guide` with the texts of `texts`; or every text one has and the other lacks, and every
/// localised address that is not a safe one in place of an address the guide links to.
pub fn translate(guide: &JoinGuide, texts: &GuideTexts) -> Result<JoinGuide, Vec<Problem>> {
    // The shapes must match: compare the guide's own texts, in the translation's shape, key by
    // key and position by position with the translation's.
    let english = english_texts(guide);
    let mut comparison = Comparison::new(&texts.lang);
    comparison.steps(&english.steps, &texts.steps);
    comparison.outcomes(&english.outcomes, &texts.outcomes);
    comparison.addresses(guide, texts);
    comparison.finish()?;
    Ok(lay_over(guide, texts))
}

/// What a translation lacks, has more of, and links to unsafely, as [`translate`] finds them.
struct Comparison<'a> {
    /// The translation's language.
    lang: &'a str,
    /// Texts the guide has and the translation lacks.
    lacking: Vec<String>,
    /// Texts (and addresses) the translation has for nothing in the guide.
    extra: Vec<String>,
    /// Localised addresses that are not safe ones.
    bad_links: Vec<Problem>,
}

impl<'a> Comparison<'a> {
    fn new(lang: &'a str) -> Self {
        Comparison {
            lang,
            lacking: Vec::new(),
            extra: Vec::new(),
            bad_links: Vec::new(),
        }
    }

    /// An optional text the guide and the translation must both have or both lack.
    fn both_or_neither(&mut self, ours: bool, theirs: bool, lacking: String, extra: String) {
        match (ours, theirs) {
            (true, false) => self.lacking.push(lacking),
            (false, true) => self.extra.push(extra),
            _ => {}
        }
    }

    /// `their` texts of a list where the guide has `ours` of them (`what`, of outcome `id`).
    fn count(&mut self, id: &str, what: &str, ours: usize, their: usize) {
        if their < ours {
            self.lacking.push(format!(
                "{} of the {ours} {what} of outcome {id:?}",
                ours - their
            ));
        } else if their > ours {
            self.extra.push(format!(
                "{} {what} more than outcome {id:?} has",
                their - ours
            ));
        }
    }

    /// The steps and their options, by id.
    fn steps(&mut self, ours: &BTreeMap<String, StepTexts>, theirs: &BTreeMap<String, StepTexts>) {
        for (id, step) in ours {
            let Some(their) = theirs.get(id) else {
                self.lacking.push(format!("step {id:?}"));
                continue;
            };
            self.both_or_neither(
                step.help.is_some(),
                their.help.is_some(),
                format!("the help of step {id:?}"),
                format!("a help line for step {id:?}"),
            );
            for (option, texts) in &step.options {
                match their.options.get(option) {
                    None => self
                        .lacking
                        .push(format!("option {option:?} of step {id:?}")),
                    Some(their) => self.both_or_neither(
                        texts.hint.is_some(),
                        their.hint.is_some(),
                        format!("the hint of option {option:?} of step {id:?}"),
                        format!("a hint for option {option:?} of step {id:?}"),
                    ),
                }
            }
            self.extra.extend(
                their
                    .options
                    .keys()
                    .filter(|o| !step.options.contains_key(*o))
                    .map(|o| format!("option {o:?} of step {id:?}")),
            );
        }
        self.extra.extend(
            theirs
                .keys()
                .filter(|id| !ours.contains_key(*id))
                .map(|id| format!("step {id:?}")),
        );
    }

    /// The outcomes, by id, and their lists, by position.
    fn outcomes(
        &mut self,
        ours: &BTreeMap<String, OutcomeTexts>,
        theirs: &BTreeMap<String, OutcomeTexts>,
    ) {
        for (id, outcome) in ours {
            let Some(their) = theirs.get(id) else {
                self.lacking.push(format!("outcome {id:?}"));
                continue;
            };
            self.outcome(id, outcome, their);
        }
        self.extra.extend(
            theirs
                .keys()
                .filter(|id| !ours.contains_key(*id))
                .map(|id| format!("outcome {id:?}")),
        );
    }

    /// One outcome's texts against the translation's.
    fn outcome(&mut self, id: &str, ours: &OutcomeTexts, their: &OutcomeTexts) {
        for (key, ours, their) in [
            (
                "directory label",
                &ours.directory_label,
                &their.directory_label,
            ),
            ("fee's basis", &ours.fee_basis, &their.fee_basis),
        ] {
            self.both_or_neither(
                ours.is_some(),
                their.is_some(),
                format!("the {key} of outcome {id:?}"),
                format!("a {key} for outcome {id:?}"),
            );
        }
        self.count(id, "next steps", ours.steps.len(), their.steps.len());
        self.count(
            id,
            "other ways in",
            ours.alternatives.len(),
            their.alternatives.len(),
        );
        self.count(id, "sources", ours.sources.len(), their.sources.len());
        for (n, (ours, their)) in ours.steps.iter().zip(&their.steps).enumerate() {
            self.count(
                id,
                &format!("links of next step {}", n + 1),
                ours.links.len(),
                their.links.len(),
            );
        }
        for (n, (ours, their)) in ours
            .alternatives
            .iter()
            .zip(&their.alternatives)
            .enumerate()
        {
            self.count(
                id,
                &format!("links of other way in {}", n + 1),
                usize::from(ours.link.is_some()),
                usize::from(their.link.is_some()),
            );
        }
    }

    /// A localised address stands in for one the guide links to, and is as safe.
    fn addresses(&mut self, guide: &JoinGuide, texts: &GuideTexts) {
        let linked: Vec<&str> = guide
            .outcomes
            .iter()
            .flat_map(|o| {
                o.steps
                    .iter()
                    .flat_map(|s| &s.links)
                    .chain(o.alternatives.iter().filter_map(|a| a.link.as_ref()))
                    .chain(&o.sources)
            })
            .map(|l| l.url.as_str())
            .collect();
        for (from, to) in &texts.urls {
            if !linked.contains(&from.as_str()) {
                self.extra.push(format!(
                    "an address for {from:?}, which the guide does not link to"
                ));
            }
            if safe_href(to).is_none_or(|safe| safe.starts_with("mailto:")) {
                self.bad_links.push(Problem::BadLink {
                    place: format!("the {:?} translation", texts.lang),
                    url: to.clone(),
                });
            }
        }
    }

    /// Every problem found: what the translation lacks, then its unsafe addresses, then what
    /// it has for nothing in the guide.
    fn finish(self) -> Result<(), Vec<Problem>> {
        let lang = self.lang;
        let problems: Vec<Problem> = self
            .lacking
            .into_iter()
            .map(|place| Problem::Untranslated {
                lang: lang.to_string(),
                place,
            })
            .chain(self.bad_links)
            .chain(self.extra.into_iter().map(|place| Problem::NotInGuide {
                lang: lang.to_string(),
                place,
            }))
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

/// `guide` with every text of `texts` (which [`translate`] found complete) laid over it, and
/// its localised addresses in place of the guide's.
fn lay_over(guide: &JoinGuide, texts: &GuideTexts) -> JoinGuide {
    let mut out = guide.clone();
    for step in &mut out.steps {
        let theirs = &texts.steps[&step.id];
        step.question = theirs.question.clone();
        step.help = theirs.help.clone();
        for option in &mut step.options {
            let their = &theirs.options[&option.id];
            option.label = their.label.clone();
            option.hint = their.hint.clone();
        }
    }
    let relink = |link: &mut Link, label: &str| {
        link.label = label.to_string();
        if let Some(url) = texts.urls.get(&link.url) {
            link.url = url.clone();
        }
    };
    for outcome in &mut out.outcomes {
        let theirs = &texts.outcomes[&outcome.id];
        outcome.title = theirs.title.clone();
        outcome.summary = theirs.summary.clone();
        outcome.why = theirs.why.clone();
        outcome.directory_label = theirs.directory_label.clone();
        if let (Some(fee), Some(basis)) = (&mut outcome.fee, &theirs.fee_basis) {
            fee.basis = basis.clone();
        }
        for (step, their) in outcome.steps.iter_mut().zip(&theirs.steps) {
            step.text = their.text.clone();
            for (link, label) in step.links.iter_mut().zip(&their.links) {
                relink(link, label);
            }
        }
        for (alternative, their) in outcome.alternatives.iter_mut().zip(&theirs.alternatives) {
            alternative.text = their.text.clone();
            if let (Some(link), Some(label)) = (&mut alternative.link, &their.link) {
                relink(link, label);
            }
        }
        for (source, label) in outcome.sources.iter_mut().zip(&theirs.sources) {
            relink(source, label);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guide() -> JoinGuide {
        load_guide(include_str!("../../../../public/data/join.json")).expect("the bundled guide")
    }

    /// A translation that writes every text in capitals: complete, and easy to recognise.
    fn shouted(guide: &JoinGuide) -> GuideTexts {
        let mut texts = english_texts(guide);
        texts.lang = "xx".into();
        let up = |s: &mut String| *s = s.to_uppercase();
        for step in texts.steps.values_mut() {
            up(&mut step.question);
            step.help.iter_mut().for_each(up);
            for option in step.options.values_mut() {
                up(&mut option.label);
                option.hint.iter_mut().for_each(up);
            }
        }
        for outcome in texts.outcomes.values_mut() {
            for text in [&mut outcome.title, &mut outcome.summary, &mut outcome.why] {
                up(text);
            }
            outcome.directory_label.iter_mut().for_each(up);
            outcome.fee_basis.iter_mut().for_each(up);
            for step in &mut outcome.steps {
                up(&mut step.text);
                step.links.iter_mut().for_each(up);
            }
            for alternative in &mut outcome.alternatives {
                up(&mut alternative.text);
                alternative.link.iter_mut().for_each(up);
            }
            outcome.sources.iter_mut().for_each(up);
        }
        texts
    }

    #[test]
    fn a_complete_translation_changes_the_texts_and_nothing_else() {
        let guide = guide();
        let texts = shouted(&guide);
        let translated = translate(&guide, &texts).expect("complete");
        assert_eq!(
            translated.steps[0].question,
            guide.steps[0].question.to_uppercase()
        );
        assert_eq!(
            translated.outcomes[0].steps[0].links[0].label,
            guide.outcomes[0].steps[0].links[0].label.to_uppercase()
        );
        // The structure is the guide's: the same walk, the same addresses.
        assert_eq!(super::super::validate(&translated), vec![]);
        for (ours, theirs) in guide.outcomes.iter().zip(&translated.outcomes) {
            assert_eq!(ours.id, theirs.id);
            let urls = |o: &super::super::Outcome| -> Vec<String> {
                o.sources.iter().map(|l| l.url.clone()).collect()
            };
            assert_eq!(urls(ours), urls(theirs));
        }
        // The English, in a translation's shape, is itself a complete translation.
        assert_eq!(translate(&guide, &english_texts(&guide)), Ok(guide));
    }

    #[test]
    fn gaps_and_leftovers_are_named() {
        let guide = guide();
        let mut texts = shouted(&guide);
        let first_step = guide.steps[0].id.clone();
        let first_outcome = guide.outcomes[0].id.clone();
        texts
            .steps
            .get_mut(&first_step)
            .unwrap()
            .options
            .pop_first();
        texts.outcomes.get_mut(&first_outcome).unwrap().steps.pop();
        texts
            .outcomes
            .insert("no-such-outcome".into(), OutcomeTexts::default());
        texts.urls.insert(
            "https://nowhere.example/".into(),
            "https://x.example/".into(),
        );
        let problems: Vec<String> = translate(&guide, &texts)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        let all = problems.join("\n");
        assert!(all.contains(&format!("of step {first_step:?}")), "{all}");
        assert!(all.contains("1 of the"), "{all}");
        assert!(all.contains("next steps of outcome"), "{all}");
        assert!(all.contains("\"no-such-outcome\""), "{all}");
        assert!(all.contains("https://nowhere.example/"), "{all}");
        assert_eq!(problems.len(), 4, "{all}");
    }

    #[test]
    fn a_localised_address_replaces_the_guides_and_must_be_safe() {
        let guide = guide();
        let source = guide.outcomes[0].sources[0].url.clone();
        let mut texts = shouted(&guide);
        texts
            .urls
            .insert(source.clone(), "https://example.org/es/".into());
        let translated = translate(&guide, &texts).expect("complete");
        assert_eq!(
            translated.outcomes[0].sources[0].url,
            "https://example.org/es/"
        );
        texts.urls.insert(source, "javascript:alert(1)".into());
        let problems = translate(&guide, &texts).unwrap_err();
        assert!(
            matches!(problems[..], [Problem::BadLink { .. }]),
            "{problems:?}"
        );
    }
}
