//! The part of a checklist that answers to the citizen, as one island: the situation's
//! questions, and everything drawn from the answers (materials with their ticks, the promised
//! limit and the fees), with the share box whose link carries the answers. What does not depend
//! on the answers comes drawn by the server (`Drawn`), so its data and code stay out of the
//! islands bundle.

use contract::service::applies;
use contract::{Material, MaterialSource, Service};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::situation::{all_answered, answer, answers_form, show_in_address, Asked, LimitTexts};
use crate::components::ShareBox;
use crate::guide::parts;
use crate::i18n::t;
use crate::islands::drawn::Drawn;
use crate::islands::Island;
use crate::routes;
use crate::storage::local;

pub static CHECKLIST: Island<ListProps> = Island {
    name: "checklist",
    view: |props| view! { <Checklist props/> }.into_any(),
};

/// What the island draws from: the parts of a `Service` that depend on the answers, the
/// answers the page was drawn for, and the rest of the list already drawn.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ListProps {
    code: String,
    questions: Vec<Asked>,
    answers: Vec<String>,
    materials: Vec<Tick>,
    fees: Vec<FeeLine>,
    promised_limit: LimitTexts,
    /// 受理条件.
    conditions: Drawn,
    /// The rows of 时限和收费 between the promised limit and the fee.
    limit_rows: Vec<Drawn>,
    limit_note: String,
    /// The sections after 时限和收费 (places, 不予受理情形, 救济途径).
    after: Vec<Drawn>,
}

/// A material to tick: its box is the island's, what it says comes drawn by the server.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Tick {
    id: String,
    applies_when: Vec<String>,
    /// The box's `<label>`: name, form, copies, notes.
    label: Drawn,
    /// Outside the label, so following a link in it does not tick the box: spec, forms.
    details: Drawn,
}

impl Tick {
    fn new(m: &Material) -> Self {
        let fetched = matches!(
            m.source,
            MaterialSource::Department {
                fetched_by_center: true,
                ..
            }
        );
        Self {
            id: m.id.clone(),
            applies_when: m.applies_when.clone(),
            label: Drawn::new(view! {
                <label for=tick_id(&m.id)>
                    <span class="material-name">{m.name.clone()}</span>
                    <span class="material-meta">
                        {t::material_form(m.form)}" · "{t::copies(m.copies)}" · "{t::necessity(m.required)}
                    </span>
                    {fetched.then(|| view! { <span class="note good">{t::NO_NEED_TO_BRING()}</span> })}
                    {(!m.notes.is_empty()).then(|| view! { <span class="note">{m.notes.clone()}</span> })}
                </label>
            }),
            details: Drawn::new(view! {
                <span class="material-details">{crate::guide::elements::material_details(m)}</span>
            }),
        }
    }
}

fn tick_id(material: &str) -> String {
    format!("tick-{material}")
}

/// A fee as the list shows it.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct FeeLine {
    item: String,
    standard: String,
    applies_when: Vec<String>,
}

impl ListProps {
    pub fn new(s: &Service, answers: Vec<String>) -> Self {
        let section = |title: &'static str, body: AnyView| {
            Drawn::new(view! { <section class="section"><h2>{title}</h2>{body}</section> })
        };
        Self {
            code: s.code.clone(),
            questions: s.situations.iter().map(Asked::of).collect(),
            answers,
            materials: s.materials.iter().map(Tick::new).collect(),
            fees: s
                .fees
                .iter()
                .map(|f| FeeLine {
                    item: f.item.clone(),
                    standard: f.standard.clone(),
                    applies_when: f.applies_when.clone(),
                })
                .collect(),
            promised_limit: LimitTexts::of(s),
            conditions: section(
                t::CONDITIONS(),
                view! { <ul>{s.conditions.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul> }
                    .into_any(),
            ),
            limit_rows: vec![
                Drawn::new(parts::statutory_limit(s)),
                Drawn::new(view! { <div><dt>{t::VISITS()}</dt><dd>{t::visits(s.visits_required)}</dd></div> }),
            ],
            limit_note: s.limit_note.clone(),
            after: vec![
                section(t::PLACES(), view! { {parts::places(s)}{parts::phones(s)} }.into_any()),
                section(t::REFUSAL(), parts::refusals(s).into_any()),
                section(t::APPEAL(), parts::appeal(s).into_any()),
            ],
        }
    }
}

#[component]
fn Checklist(props: ListProps) -> impl IntoView {
    let ListProps {
        code,
        questions,
        answers,
        materials,
        fees,
        promised_limit,
        conditions,
        limit_rows,
        limit_note,
        after,
    } = props;
    let answers = RwSignal::new(answers);
    let ticks_key = format!("ticks.{code}");
    // Ticks are properties, not in the server's markup, so the device's come in at once, with
    // any box ticked before the island took over the page.
    let mut saved = local::get::<Vec<String>>(&ticks_key).unwrap_or_default();
    for m in &materials {
        if !saved.contains(&m.id) && crate::browser::is_ticked(&tick_id(&m.id)) {
            saved.push(m.id.clone());
        }
    }
    let ticks = RwSignal::new(saved);
    Effect::new(move |_| {
        ticks.with(|v| local::set(&ticks_key, v));
    });
    let fieldsets = answers_form(
        &routes::checklist(&code, &[]),
        &questions,
        "situation no-print-if-answered",
        answers.into(),
        {
            let (questions, code) = (questions.clone(), code.clone());
            move |question: String, option: String| {
                let next = answer(&questions, &answers.get_untracked(), &question, &option);
                show_in_address(&routes::checklist(&code, &next));
                answers.set(next);
            }
        },
    );
    let share_path = Signal::derive({
        let code = code.clone();
        move || answers.with(|a| routes::checklist(&code, a))
    });
    let body = StoredValue::new((
        questions,
        materials,
        fees,
        promised_limit,
        conditions,
        limit_rows,
        limit_note,
        after,
    ));
    view! {
        {fieldsets}
        {move || {
            let chosen = answers.get();
            body.with_value(|(questions, materials, fees, promised_limit, conditions, limit_rows, limit_note, after)| {
                if !all_answered(questions, &chosen) {
                    return view! { <p class="notice" role="status">{t::ANSWER_FIRST()}</p> }.into_any();
                }
                let materials: Vec<Tick> = materials.iter().filter(|m| applies(&m.applies_when, &chosen)).cloned().collect();
                let fees: Vec<&FeeLine> = fees.iter().filter(|f| applies(&f.applies_when, &chosen)).collect();
                let limit = promised_limit.for_answers(&chosen);
                view! {
                    {materials_section(materials, ticks)}
                    {conditions.clone().view()}
                    <section class="section">
                        <h2>{t::LIMITS_AND_FEES()}</h2>
                        <dl class="facts">
                            <div><dt>{t::PROMISED_LIMIT()}</dt><dd>{limit}</dd></div>
                            {limit_rows.iter().cloned().map(Drawn::view).collect_view()}
                            <div><dt>{t::FEE()}</dt><dd>{if fees.is_empty() {
                                t::FREE().to_string()
                            } else {
                                fees.iter().map(|f| format!("{}{}{}", f.item, t::COLON(), f.standard)).collect::<Vec<_>>().join(t::SEMI())
                            }}</dd></div>
                        </dl>
                        {(!limit_note.is_empty()).then(|| view! { <p class="note">{limit_note.clone()}</p> })}
                    </section>
                    {after.iter().cloned().map(Drawn::view).collect_view()}
                }
                .into_any()
            })
        }}
        <ShareBox path=share_path/>
    }
}

fn materials_section(materials: Vec<Tick>, ticks: RwSignal<Vec<String>>) -> impl IntoView {
    view! {
        <section class="section" aria-labelledby="cl-materials">
            <h2 id="cl-materials">{t::MATERIALS_TO_BRING()}</h2>
            <p class="note">{t::TICK_HINT()}</p>
            <ul class="ticks">
                {materials.into_iter().map(|m| {
                    let id = m.id.clone();
                    let id2 = m.id.clone();
                    view! {
                        <li class="tick">
                            <input type="checkbox" id=tick_id(&m.id)
                                prop:checked=move || ticks.with(|v| v.contains(&id))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    ticks.update(|v| {
                                        v.retain(|x| x != &id2);
                                        if on { v.push(id2.clone()); }
                                    });
                                }/>
                            <div class="tick-body">
                                {m.label.view()}
                                {m.details.view()}
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
