//! 我的预约 on `/track`, beside my cases: every appointment remembered on this device. Each is
//! looked up again when the page opens, so a slot the center closed (已停约) shows without
//! opening it; filled in once the page is live (device data). Without a network the list shows
//! what the device saved, saying when each was saved.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{fetch_kept, store};
use crate::api::ApiErr;
use crate::i18n::t;
use crate::islands::Island;
use crate::routes;

/// 我的预约 on `/track`: nothing in the server's page (the list is on the device); drawn once
/// the island is live.
pub static MY_APPOINTMENTS: Island<()> = Island {
    name: "my-appointments",
    view: |()| my_appointments_list().into_any(),
};

/// A plain function rather than a component: the islands bundle then carries no erased view
/// type for it.
fn my_appointments_list() -> impl IntoView {
    let list = crate::browser::from_device(Vec::new(), store::listed);
    // Appointments whose refresh found no network: their rows say when they were saved.
    let offline = RwSignal::new(Vec::<String>::new());
    // One at a time, after the page is live; a failed refresh keeps what the device knew.
    Effect::new(move |_| {
        spawn_local(async move {
            let mut unreachable = Vec::new();
            for mine in store::listed() {
                match fetch_kept(&mine.number, &mine.query_code).await {
                    Ok((brief, json)) => {
                        store::record_text(brief, json);
                        list.try_set(store::listed());
                    }
                    Err(ApiErr::Network) => unreachable.push(mine.number),
                    Err(_) => {}
                }
            }
            offline.try_set(unreachable);
        });
    });
    crate::components::on_device_cleared(move || {
        list.set(store::listed());
        offline.set(Vec::new());
    });
    let saved_at = move |number: &str| {
        offline.with(|o| o.iter().any(|n| n == number)).then(|| {
            list.with(|l| {
                l.iter()
                    .find(|m| m.number == number)
                    .and_then(|m| m.saved_time())
            })
        })
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
                                <a href=routes::appointment(&a.number)>
                                    <strong>{a.service_name.clone()}</strong>
                                    <span>{t::visit_time(a.date, a.start, a.end)}</span>
                                    <span class="note">{a.place_name.clone()}" · "{t::appointment_status(a.status)}</span>
                                </a>
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
