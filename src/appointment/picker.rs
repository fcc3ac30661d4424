//! Choosing a place, a day and a slot from a service's availability: radio buttons with their
//! labels, so each choice has a name a screen reader (and a test) can find.

use contract::appointment::{Availability, ClockTime, Slot, SlotKind};
use contract::chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::i18n::t;

/// What the citizen picked so far.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub place_id: String,
    pub date: Option<NaiveDate>,
    pub start: Option<ClockTime>,
}

impl Choice {
    /// The chosen slot, when it is still open with a free place in `a`.
    pub fn slot<'a>(&self, a: &'a Availability) -> Option<&'a Slot> {
        let place = a.places.iter().find(|p| p.place_id == self.place_id)?;
        let day = place.days.iter().find(|d| Some(d.date) == self.date)?;
        day.slots
            .iter()
            .find(|s| Some(s.start) == self.start && s.left > 0 && s.closed.is_none())
    }
}

fn kind_tag(kind: SlotKind) -> Option<&'static str> {
    match kind {
        SlotKind::Regular => None,
        SlotKind::Evening => Some(t::EVENING()),
        SlotKind::Weekend => Some(t::WEEKEND()),
        SlotKind::Holiday => Some(t::HOLIDAY_OPEN()),
    }
}

/// The picker. `availability` may be replaced (after a refresh); `choice` keeps the picks.
#[component]
pub fn SlotPicker(
    #[prop(into)] availability: Signal<Availability>,
    choice: RwSignal<Choice>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    // A single place is chosen for the citizen.
    Effect::new(move |_| {
        let places = availability.with(|a| {
            a.places
                .iter()
                .map(|p| p.place_id.clone())
                .collect::<Vec<_>>()
        });
        if !places.contains(&choice.with_untracked(|c| c.place_id.clone())) {
            if let Some(first) = places.first() {
                choice.update(|c| {
                    *c = Choice {
                        place_id: first.clone(),
                        ..Choice::default()
                    }
                });
            }
        }
    });
    let place = move || {
        let id = choice.with(|c| c.place_id.clone());
        availability.with(|a| a.places.iter().find(|p| p.place_id == id).cloned())
    };
    let days = move || place().map(|p| p.days).unwrap_or_default();
    let slots = move || {
        let date = choice.with(|c| c.date);
        days()
            .into_iter()
            .find(|d| Some(d.date) == date)
            .map(|d| d.slots)
    };
    view! {
        <fieldset class="picker">
            <legend>{t::CHOOSE_PLACE()}</legend>
            {move || availability.get().places.into_iter().map(|p| {
                let id = format!("place-{}", p.place_id);
                let pid = p.place_id.clone();
                let checked = {
                    let pid = pid.clone();
                    move || choice.with(|c| c.place_id == pid)
                };
                view! {
                    <div class="choice">
                        <input type="radio" name="place" id=id.clone() prop:checked=checked
                            on:change=move |_| choice.set(Choice { place_id: pid.clone(), ..Choice::default() })/>
                        <label for=id>
                            <strong>{p.name.clone()}</strong>
                            <span class="note">{p.address.clone()}</span>
                        </label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <fieldset class="picker days">
            <legend>{t::CHOOSE_DAY()}</legend>
            {move || days().into_iter().map(|d| {
                let id = format!("day-{}", d.date);
                let date = d.date;
                let free: u32 = d.slots.iter().filter(|s| s.closed.is_none()).map(|s| s.left).sum();
                let special = d.slots.first().and_then(|s| kind_tag(s.kind)).filter(|_| d.slots.iter().all(|s| s.kind != SlotKind::Regular));
                view! {
                    <div class="choice">
                        <input type="radio" name="day" id=id.clone() disabled=free == 0
                            prop:checked=move || choice.with(|c| c.date == Some(date))
                            on:change=move |_| choice.update(|c| { c.date = Some(date); c.start = None; })/>
                        <label for=id>
                            {t::visit_day(date)}
                            {d.holiday.clone().map(|h| view! { <span class="tag">{h}</span> })}
                            {special.map(|s| view! { <span class="tag">{s}</span> })}
                            <span class="note">{if free == 0 { t::SLOT_FULL().to_string() } else { t::slots_left(free) }}</span>
                        </label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <fieldset class="picker slots" id="f-slot">
            <legend>{t::CHOOSE_SLOT()}</legend>
            {move || error.get().map(|m| view! { <p class="error-message">{m}</p> })}
            {move || match slots() {
                None => view! { <p class="note">{t::CHOOSE_DAY()}</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p class="note">{t::NO_SLOTS_DAY()}</p> }.into_any(),
                Some(list) => list.into_iter().map(|s| {
                    let id = format!("slot-{}", s.start.0);
                    let start = s.start;
                    let open = s.left > 0 && s.closed.is_none();
                    let state = match (&s.closed, s.left) {
                        (Some(reason), _) => reason.clone(),
                        (None, 0) => t::SLOT_FULL().to_string(),
                        (None, n) => t::slots_left(n),
                    };
                    view! {
                        <div class="choice slot">
                            <input type="radio" name="slot" id=id.clone() disabled=!open
                                prop:checked=move || choice.with(|c| c.start == Some(start))
                                on:change=move |_| choice.update(|c| c.start = Some(start))/>
                            <label for=id>
                                {format!("{}–{}", s.start, s.end)}
                                {kind_tag(s.kind).map(|k| view! { <span class="tag">{k}</span> })}
                                <span class="note">{state}</span>
                            </label>
                        </div>
                    }
                }).collect_view().into_any(),
            }}
        </fieldset>
    }
}
