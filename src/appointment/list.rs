//! 我的预约 on `/track`, beside my cases: every appointment remembered on this device, with its
//! status as last seen; filled in once the page is live (device data).

use leptos::prelude::*;
use leptos_router::components::A;

use super::store;
use crate::i18n::t;
use crate::routes;

#[component]
pub fn MyAppointmentsList() -> impl IntoView {
    let list = crate::browser::from_device(Vec::new(), store::list);
    view! {
        {move || (!list.with(Vec::is_empty)).then(|| view! {
            <section class="section my-appointments" aria-labelledby="my-appointments-title">
                <h2 id="my-appointments-title">{t::MY_APPOINTMENTS}</h2>
                <p class="note">{t::MY_APPOINTMENTS_NOTE}</p>
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
