//! 我的预约 on `/track`, beside my cases: every appointment remembered on this device. Each is
//! looked up again when the page opens, so a slot the center closed (已停约) shows without
//! opening it; filled in once the page is live (device data). Without a network the list shows
//! what the device saved, saying when each was saved.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::{fetch, store};
use crate::api::ApiErr;
use crate::i18n::t;
use crate::routes;

#[component]
pub fn MyAppointmentsList() -> impl IntoView {
    let list = crate::browser::from_device(Vec::new(), store::list);
    // Appointments whose refresh found no network: their rows say when they were saved.
    let offline = RwSignal::new(Vec::<String>::new());
    // One at a time, after the page is live; a failed refresh keeps what the device knew.
    Effect::new(move |_| {
        spawn_local(async move {
            let mut unreachable = Vec::new();
            for mine in store::list() {
                match fetch(&mine.number, &mine.query_code).await {
                    Ok(view) => {
                        store::record(&view);
                        list.try_set(store::list());
                    }
                    Err(ApiErr::Network) => unreachable.push(mine.number),
                    Err(_) => {}
                }
            }
            offline.try_set(unreachable);
        });
    });
    let saved_at = move |number: &str| {
        offline
            .with(|o| o.iter().any(|n| n == number))
            .then(|| store::get(number).and_then(|m| m.saved_time()))
    };
    view! {
        {move || (!list.with(Vec::is_empty)).then(|| view! {
            <section class="section my-appointments" aria-labelledby="my-appointments-title">
                <h2 id="my-appointments-title">{t::MY_APPOINTMENTS()}</h2>
                <p class="note">{t::MY_APPOINTMENTS_NOTE()}</p>
                <p class="note" role="status">
                    {move || (!offline.with(Vec::is_empty)).then(t::MY_APPOINTMENTS_OFFLINE)}
                </p>
                <ul class="case-list">
                    {list.get().into_iter().map(|a| {
                        let number = a.number.clone();
                        view! {
                            <li class="my-appointment">
                                <A href=routes::appointment(&a.number)>
                                    <strong>{a.service_name.clone()}</strong>
                                    <span>{t::visit_time(a.date, a.start, a.end)}</span>
                                    <span class="note">{a.place_name.clone()}" · "{t::appointment_status(a.status)}</span>
                                </A>
                                {move || saved_at(&number).map(|at| view! {
                                    <p class="note">{t::status_saved_at(at.as_deref())}</p>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
