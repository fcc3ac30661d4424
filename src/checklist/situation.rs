//! Situation answers (情形) carried in the URL as `?s=opt1,opt2`, so a shared link shows the same list.

use contract::bundle::BundleSituation;
use contract::{Service, Situation};
use leptos::prelude::*;

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

/// A question as the view draws it: its id, its text, and its options (id, label).
type OwnedQuestion = (String, String, Vec<(String, String)>);

/// The questions as groups of radio buttons, checked from `answers`; `choose(question, option)`
/// runs on a change (the pages put the answers in the URL).
pub fn question_fieldsets<Q: Question>(
    questions: &[Q],
    class: &'static str,
    answers: Memo<Vec<String>>,
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
                        view! {
                            <div class="radio">
                                <input type="radio" id=input_id.clone() name=qid.clone()
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
pub fn all_answered(service: &Service, answers: &[String]) -> bool {
    service
        .situations
        .iter()
        .all(|q| q.options.iter().any(|o| answers.contains(&o.id)))
}
