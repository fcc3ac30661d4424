//! Situation answers (情形) carried in the URL as `?s=opt1,opt2`, so a shared link shows the same list.
//!
//! The pages that ask them (a checklist, a bundle's guide) draw the answers' effects in an
//! island: the server draws the page for the answers in its address; in the browser a choice
//! redraws the island and puts the new answers in the address (no page load, no router).

use contract::bundle::BundleSituation;
use contract::Situation;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A question answered by one of its options: a service's 情形 or a bundle's.
pub trait Question {
    fn id(&self) -> &str;
    fn text(&self) -> &str;
    /// Option ids with their labels, in order.
    fn options(&self) -> Vec<(&str, &str)>;
}

impl Question for Situation {
    fn id(&self) -> &str {
        &self.id
    }
    fn text(&self) -> &str {
        &self.question
    }
    fn options(&self) -> Vec<(&str, &str)> {
        self.options
            .iter()
            .map(|o| (o.id.as_str(), o.label.as_str()))
            .collect()
    }
}

impl Question for BundleSituation {
    fn id(&self) -> &str {
        &self.id
    }
    fn text(&self) -> &str {
        &self.question
    }
    fn options(&self) -> Vec<(&str, &str)> {
        self.options
            .iter()
            .map(|o| (o.id.as_str(), o.label.as_str()))
            .collect()
    }
}

/// A question as an island carries it: what the radio groups show, nothing else.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Asked {
    id: String,
    text: String,
    /// Option ids with their labels, in order.
    options: Vec<(String, String)>,
}

impl Asked {
    pub fn of(q: &impl Question) -> Self {
        Self {
            id: q.id().to_string(),
            text: q.text().to_string(),
            options: q
                .options()
                .into_iter()
                .map(|(id, label)| (id.to_string(), label.to_string()))
                .collect(),
        }
    }
}

impl Question for Asked {
    fn id(&self) -> &str {
        &self.id
    }
    fn text(&self) -> &str {
        &self.text
    }
    fn options(&self) -> Vec<(&str, &str)> {
        self.options
            .iter()
            .map(|(id, label)| (id.as_str(), label.as_str()))
            .collect()
    }
}

/// A service's promised limit as a page shows it: the text of the service's own, and of each
/// option that has its own (which wins when chosen, as `Service::promised_limit_for` says).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitTexts {
    default: String,
    own: Vec<(String, String)>,
}

impl LimitTexts {
    pub fn of(s: &contract::Service) -> Self {
        Self {
            default: crate::i18n::t::time_limit(s.promised_limit),
            own: s
                .situations
                .iter()
                .flat_map(|q| &q.options)
                .filter_map(|o| Some((o.id.clone(), crate::i18n::t::time_limit(o.promised_limit?))))
                .collect(),
        }
    }

    pub fn for_answers(&self, chosen: &[String]) -> String {
        let own = self.own.iter().map(|(id, text)| (id.as_str(), text));
        contract::service::chosen_override(own, chosen)
            .unwrap_or(&self.default)
            .clone()
    }
}

/// The option of `q` among `ids`, if any.
fn chosen<Q: Question>(q: &Q, ids: &[impl AsRef<str>]) -> Option<String> {
    q.options()
        .into_iter()
        .find(|(id, _)| ids.iter().any(|w| w.as_ref() == *id))
        .map(|(id, _)| id.to_string())
}

/// Parses `s=` into option ids of `questions`, one per question at most, in question order.
pub fn parse_answers<Q: Question>(questions: &[Q], raw: &str) -> Vec<String> {
    let wanted: Vec<&str> = raw.split(',').filter(|s| !s.is_empty()).collect();
    questions
        .iter()
        .filter_map(|q| chosen(q, &wanted))
        .collect()
}

/// Replaces the answer of question `question_id` with `option_id`, keeping question order.
pub fn answer<Q: Question>(
    questions: &[Q],
    current: &[String],
    question_id: &str,
    option_id: &str,
) -> Vec<String> {
    questions
        .iter()
        .filter_map(|q| {
            if q.id() == question_id {
                Some(option_id.to_string())
            } else {
                chosen(q, current)
            }
        })
        .collect()
}

/// The answers a page's address carries: `s=` (the app's links) and one parameter per question
/// (what the answers' form sends without JavaScript), parsed as `parse_answers` does.
pub fn answers_in_query<Q: Question>(
    questions: &[Q],
    get: impl Fn(&str) -> Option<String>,
) -> Vec<String> {
    let mut raw = get("s").unwrap_or_default();
    for q in questions {
        if let Some(option) = get(q.id()) {
            raw.push(',');
            raw.push_str(&option);
        }
    }
    parse_answers(questions, &raw)
}

/// A question as the view draws it: its id, its text, and its options (id, label).
type OwnedQuestion = (String, String, Vec<(String, String)>);

/// Puts `path` (the page with its new answers) in the address bar in place of the current one,
/// so a reload, a bookmark or a copied address shows the same answers.
pub fn show_in_address(path: &str) {
    if let Some(history) = crate::browser::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
    }
}

/// The questions as a GET form to `page` (the page's path): without JavaScript, its button asks
/// the server for the page drawn for the answers chosen. Once the island is live each choice
/// redraws the page itself (`choose`), and the button goes.
pub fn answers_form<Q: Question>(
    page: &str,
    questions: &[Q],
    class: &'static str,
    answers: Signal<Vec<String>>,
    choose: impl Fn(String, String) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    use crate::i18n::lang::{self, Lang};
    if questions.is_empty() {
        return None;
    }
    let live = crate::browser::from_device(false, || true);
    // The form's own query replaces the action's, so the page's language travels as a field.
    let action = page.split('?').next().unwrap_or_default().to_string();
    let english = (lang::current() == Lang::En)
        .then(|| view! { <input type="hidden" name=lang::PARAM value=Lang::En.code()/> });
    Some(view! {
        <form method="get" action=action class="situation-form">
            {english}
            {question_fieldsets(questions, class, answers, choose)}
            // `hidden` would lose to `.button`'s display.
            <button type="submit" class="button secondary"
                style:display=move || live.get().then_some("none")>
                {crate::i18n::t::SHOW_FOR_ANSWERS()}
            </button>
        </form>
    })
}

/// The questions as groups of radio buttons, checked from `answers`; `choose(question, option)`
/// runs on a change (the pages put the answers in the URL).
fn question_fieldsets<Q: Question>(
    questions: &[Q],
    class: &'static str,
    answers: Signal<Vec<String>>,
    choose: impl Fn(String, String) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let owned: Vec<OwnedQuestion> = questions
        .iter()
        .map(|q| {
            let options = q
                .options()
                .into_iter()
                .map(|(id, label)| (id.to_string(), label.to_string()))
                .collect();
            (q.id().to_string(), q.text().to_string(), options)
        })
        .collect();
    owned
        .into_iter()
        .map(|(qid, question, options)| {
            let choose = choose.clone();
            view! {
                <fieldset class=class>
                    <legend>{question}</legend>
                    {options.into_iter().map(|(oid, label)| {
                        let (qid, choose) = (qid.clone(), choose.clone());
                        let checked_id = oid.clone();
                        let input_id = format!("sit-{qid}-{oid}");
                        // In the markup for the form without JavaScript; the property once live.
                        let drawn_checked = answers.with_untracked(|a| a.contains(&oid));
                        view! {
                            <div class="radio">
                                <input type="radio" id=input_id.clone() name=qid.clone() value=oid.clone()
                                    checked=drawn_checked
                                    prop:checked=move || answers.with(|a| a.contains(&checked_id))
                                    on:change=move |_| choose(qid.clone(), oid.clone())/>
                                <label for=input_id>{label}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            }
        })
        .collect_view()
}

/// Whether every question has an answer (only then is the list complete).
pub fn all_answered<Q: Question>(questions: &[Q], answers: &[String]) -> bool {
    questions.iter().all(|q| chosen(q, answers).is_some())
}
