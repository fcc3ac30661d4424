//! 我的预约: the appointments booked or opened on this device, in `localStorage`
//! (`portal.my_appointments`), beside my cases: the query code never appears in a URL. Each keeps
//! the appointment as the server last showed it, and when, so the list and the appointment's page
//! open without a network (the ID number and phone in it are masked by the backend).

use contract::appointment::{AppointmentStatus, AppointmentView, ClockTime};
use contract::chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::storage::local;

const KEY: &str = "my_appointments";
const MAX: usize = 30;
/// Days after its day that an appointment stays on the device.
const KEEP_DAYS: i64 = 30;

/// One appointment on the device. `S` is how its saved copy is held: read whole by the
/// appointment's page, kept as JSON text by the list on `/track` ([`Listed`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "S: Deserialize<'de>"))]
pub struct MyAppointment<S = Box<AppointmentView>> {
    pub number: String,
    pub query_code: String,
    pub service_name: String,
    pub place_name: String,
    #[serde(deserialize_with = "ymd")]
    pub date: NaiveDate,
    pub start: ClockTime,
    pub end: ClockTime,
    pub status: AppointmentStatus,
    /// When the device last had the appointment from the server (ms since the epoch); absent on
    /// entries kept before it was recorded.
    #[serde(default)]
    pub checked_ms: Option<u64>,
    /// The whole appointment as the server last showed it.
    #[serde(default)]
    pub saved: Option<S>,
}

/// An entry as the list on `/track` reads and writes it: its saved copy stays JSON text, so the
/// list (an island of a server-rendered page) carries no code to read a whole appointment.
pub type Listed = MyAppointment<Box<RawValue>>;

/// What an entry keeps of an appointment besides the saved copy, read from the server's answer.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Brief {
    pub appointment_number: String,
    pub service_name: String,
    pub place_name: String,
    #[serde(deserialize_with = "ymd")]
    pub date: NaiveDate,
    pub start: ClockTime,
    pub end: ClockTime,
    pub status: AppointmentStatus,
}

impl Brief {
    fn of(v: &AppointmentView) -> Brief {
        Brief {
            appointment_number: v.appointment_number.clone(),
            service_name: v.service_name.clone(),
            place_name: v.place_name.clone(),
            date: v.date,
            start: v.start,
            end: v.end,
            status: v.status,
        }
    }
}

impl MyAppointment {
    fn from_view(v: &AppointmentView, query_code: &str, now_ms: u64) -> MyAppointment {
        MyAppointment::entry(Brief::of(v), query_code, now_ms, Box::new(v.clone()))
    }
}

impl<S> MyAppointment<S> {
    fn entry(b: Brief, query_code: &str, now_ms: u64, saved: S) -> MyAppointment<S> {
        MyAppointment {
            number: b.appointment_number,
            query_code: query_code.to_string(),
            service_name: b.service_name,
            place_name: b.place_name,
            date: b.date,
            start: b.start,
            end: b.end,
            status: b.status,
            checked_ms: Some(now_ms),
            saved: Some(saved),
        }
    }

    /// When the saved state was had from the server, as the pages show times.
    pub fn saved_time(&self) -> Option<String> {
        self.checked_ms.map(crate::track::saved::saved_time)
    }
}

/// A day as `2026-12-02` (how the contract writes one), read without chrono's general parser,
/// which the list on `/track` (an island) need not carry.
fn ymd<'de, D: serde::Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(d)?;
    let mut parts = text.splitn(3, '-').map(str::parse::<u32>);
    let mut next = || parts.next().and_then(Result::ok);
    let (y, m, day) = (next(), next(), next());
    y.and_then(|y| i32::try_from(y).ok())
        .zip(m.zip(day))
        .and_then(|(y, (m, day))| NaiveDate::from_ymd_opt(y, m, day))
        .ok_or_else(|| serde::de::Error::custom("not a date"))
}

fn now_ms() -> u64 {
    crate::browser::now_ms() as u64
}

/// Puts `seen` first (or updates it), drops old ones, and keeps at most `MAX`.
fn upsert(list: &mut Vec<MyAppointment>, seen: MyAppointment, today: NaiveDate) {
    list.retain(|a| a.number != seen.number);
    list.insert(0, seen);
    list.retain(|a| (today - a.date).num_days() <= KEEP_DAYS);
    list.truncate(MAX);
}

pub fn list() -> Vec<MyAppointment> {
    local::get(KEY).unwrap_or_default()
}

pub fn get(number: &str) -> Option<MyAppointment> {
    list().into_iter().find(|a| a.number == number)
}

/// Remembers an appointment just booked or looked at; `false` if the device could not.
pub fn remember(view: &AppointmentView, query_code: &str) -> bool {
    let mut all = list();
    upsert(
        &mut all,
        MyAppointment::from_view(view, query_code, now_ms()),
        crate::today::today_in_china(),
    );
    local::set(KEY, &all)
}

/// Updates what the device knows of an appointment it holds (status, a moved time), in place.
pub fn record(view: &AppointmentView) {
    let mut all = list();
    if let Some(mine) = all.iter_mut().find(|a| a.number == view.appointment_number) {
        *mine = MyAppointment::from_view(view, &mine.query_code, now_ms());
        local::set(KEY, &all);
    }
}

/// The entries as the list on `/track` holds them.
pub fn listed() -> Vec<Listed> {
    local::get(KEY).unwrap_or_default()
}

/// [`record`], from the server's answer kept as text (`api::post_kept`).
pub fn record_text(brief: Brief, view_json: String) {
    let mut all = listed();
    let Ok(saved) = RawValue::from_string(view_json) else {
        return;
    };
    if let Some(mine) = all
        .iter_mut()
        .find(|a| a.number == brief.appointment_number)
    {
        *mine = MyAppointment::entry(brief, &mine.query_code, now_ms(), saved);
        local::set(KEY, &all);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mine(number: &str, date: &str) -> MyAppointment {
        MyAppointment {
            number: number.into(),
            query_code: "ABCD2345".into(),
            service_name: "事项".into(),
            place_name: "大厅".into(),
            date: date.parse().unwrap(),
            start: ClockTime(540),
            end: ClockTime(570),
            status: AppointmentStatus::Booked,
            checked_ms: None,
            saved: None,
        }
    }

    #[test]
    fn newest_first_once_each_and_old_ones_leave() {
        let today: NaiveDate = "2026-12-01".parse().unwrap();
        let mut list = vec![mine("A", "2026-12-02"), mine("B", "2026-10-01")];
        upsert(&mut list, mine("C", "2026-12-03"), today);
        let numbers: Vec<&str> = list.iter().map(|a| a.number.as_str()).collect();
        // B's day is more than 30 days past.
        assert_eq!(numbers, ["C", "A"]);
        let mut moved = mine("A", "2026-12-05");
        moved.status = AppointmentStatus::Cancelled;
        upsert(&mut list, moved, today);
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].status, AppointmentStatus::Cancelled);
    }

    #[test]
    fn the_list_keeps_the_saved_copy_as_it_came() {
        let mut mine = mine("A", "2026-12-02");
        mine.checked_ms = Some(7);
        mine.saved = None;
        let json = serde_json::to_string(&vec![mine.clone()]).unwrap();
        let mut listed: Vec<Listed> = serde_json::from_str(&json).unwrap();
        let copy = r#"{"appointment_number":"A","status":"cancelled"}"#;
        listed[0].saved = Some(RawValue::from_string(copy.into()).unwrap());
        let written = serde_json::to_string(&listed).unwrap();
        assert!(written.contains(copy), "{written}");
        let back: Vec<serde_json::Value> = serde_json::from_str(&written).unwrap();
        assert_eq!(back[0]["saved"]["status"], "cancelled");
        assert_eq!(back[0]["query_code"], "ABCD2345");
        let brief: Brief = serde_json::from_value(serde_json::json!({
            "appointment_number": "A", "service_name": "事项", "place_name": "大厅",
            "date": "2026-12-02", "start": "09:00", "end": "09:30", "status": "booked", "ignored": 1
        }))
        .unwrap();
        let rebuilt = MyAppointment::entry(brief, "ABCD2345", 7, ());
        assert_eq!(
            (rebuilt.number, rebuilt.date, rebuilt.start, rebuilt.status),
            (mine.number, mine.date, mine.start, mine.status)
        );
    }

    #[test]
    fn days_read_as_the_contract_writes_them() {
        let read = |s: &str| ymd(serde_json::Value::String(s.into())).ok();
        assert_eq!(read("2026-12-02"), "2026-12-02".parse().ok());
        assert_eq!(read("2026-02-30"), None);
        assert_eq!(read("2026-12"), None);
        assert_eq!(read("soon"), None);
        let day: NaiveDate = "2027-01-05".parse().unwrap();
        // As the contract writes a day.
        let written = serde_json::to_value(day).unwrap();
        assert_eq!(read(written.as_str().unwrap()), Some(day));
    }

    #[test]
    fn entries_kept_before_saved_copies_still_load() {
        let mut json = serde_json::to_value(vec![mine("A", "2026-12-02")]).unwrap();
        for key in ["checked_ms", "saved"] {
            json[0].as_object_mut().unwrap().remove(key);
        }
        let old: Vec<MyAppointment> = serde_json::from_value(json).unwrap();
        assert_eq!(old, vec![mine("A", "2026-12-02")]);
        assert_eq!(old[0].saved_time(), None);
    }
}
