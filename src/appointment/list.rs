//! 我的预约 on `/track`, beside my cases: every appointment remembered on this device. Each is
//! looked up again when the page opens, so a slot the center closed (已停约) shows without
//! opening it; filled in once the page is live (device data).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::{fetch, store};
use crate::i18n::t;
use crate::routes;

#[component]
pub fn MyAppointmentsList() -> impl IntoView {
    let list = crate::browser::from_device(Vec::new(), store::list);
    // One at a time, after the page is live; a failed refresh keeps what the device knew.
    Effect::new(move |_| {
        spawn_local(async move {
            for mine in store::list() {
                if let Ok(view) = fetch(&mine.number, &mine.query_code).await {
                    store::record(&view);
                    list.try_set(store::list());
                }
            }
        });
    });
    view! {
        {move || (!list.with(Vec::is_empty)).then(|| view! {
            <section class="section my-appointments" aria-labelledby="my-appointments-title">
                <h2 id="my-appointments-title">{t::MY_APPOINTMENTS()}</h2>
                <p class="note">{t::MY_APPOINTMENTS_NOTE()}</p>
                <ul class="case-list">
                    {list.get().into_iter().map(|a| view! {
                        <li>
                            <A href=routes::appointment(&a.number)>
                                <strong>{a.service_name.clone()}</strong>
                                <span>{t::visit_time(a.date, a.start, a.end)}</span>
                                <span class="note">{a.place_name.clone()}" · "{t::appointment_status(a.status)}</span>
                            </A>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
