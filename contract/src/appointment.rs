//! 预约 (appointments for a window visit) and 预审 (staff pre-check of photographed materials):
//! the opening hours of each place as data, the slots they make, and every request and answer.
//!
//! Slots are computed here from a place's `PlaceHours` and the official working-day calendar,
//! so that the backend (which counts bookings) and any city's adapter agree on what a slot is.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::application::MaterialPages;
use crate::calendar::WorkCalendar;
use crate::service::Service;

/// Whether a service takes appointments for a window visit, so that its guide offers 预约办理:
/// the catalog's own flag (`Service::takes_appointments`), which a city sets per service.
pub fn needs_visit(service: &Service) -> bool {
    service.takes_appointments
}

/// A time of day as minutes since midnight, written `"HH:MM"` in data and JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(pub u16);

impl ClockTime {
    pub fn parse(s: &str) -> Option<ClockTime> {
        let (h, m) = s.trim().split_once(':')?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
        (h < 24 && m < 60).then_some(ClockTime(h * 60 + m))
    }

    pub fn hour(self) -> u16 {
        self.0 / 60
    }

    pub fn minute(self) -> u16 {
        self.0 % 60
    }
}

impl std::fmt::Display for ClockTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

impl Serialize for ClockTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ClockTime, D::Error> {
        let s = String::deserialize(d)?;
        ClockTime::parse(&s).ok_or_else(|| serde::de::Error::custom("expected HH:MM"))
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for ClockTime {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some("^([01]?[0-9]|2[0-3]):[0-5][0-9]$"))
            .description(Some("Time of day in China, HH:MM"))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl ToSchema for ClockTime {}

/// A span of opening time on one day, e.g. 09:00–12:00.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Period {
    pub from: ClockTime,
    pub to: ClockTime,
}

/// Opening on some days of the week: ISO weekdays, 1 Monday … 7 Sunday.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct WeekdayOpening {
    pub weekdays: Vec<u8>,
    pub periods: Vec<Period>,
}

/// 节假日受理: public holidays (and other rest days) on which the place takes appointments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct HolidayOpening {
    pub dates: Vec<NaiveDate>,
    pub periods: Vec<Period>,
}

/// When one place (办理地点) takes appointments. Kept as data with the catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PlaceHours {
    /// Stable id used in URLs and requests, e.g. `civic-center`.
    pub id: String,
    /// The place's name as the guides give it (`Place::name`).
    pub name: String,
    pub slot_minutes: u16,
    /// How many people one slot takes (号源).
    pub capacity: u16,
    /// Opening on every official working day (including 调休上班 weekend days).
    pub working_days: Vec<Period>,
    /// 延时服务: extra evening periods on working days of these weekdays.
    #[serde(default)]
    pub evening: Option<WeekdayOpening>,
    /// Opening on weekend days that are neither working days nor public holidays (e.g. 周六上午).
    #[serde(default)]
    pub weekend: Option<WeekdayOpening>,
    /// 节假日受理.
    #[serde(default)]
    pub holidays: Option<HolidayOpening>,
}

/// Every place's hours and the booking rules of the center.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct OpeningHours {
    /// Days ahead (from tomorrow) that can be booked.
    pub booking_days: u16,
    /// A booking can be cancelled or moved until this many minutes before its start.
    pub cutoff_minutes: u16,
    /// Bookings one ID number may make per day (号贩子 protection).
    pub max_per_id_per_day: u16,
    pub places: Vec<PlaceHours>,
}

/// What kind of opening a slot belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SlotKind {
    /// Normal hours on a working day.
    Regular,
    /// 延时服务.
    Evening,
    /// 周末 opening.
    Weekend,
    /// 节假日受理.
    Holiday,
}

/// A bookable time span at a place: its start identifies it within the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlotTime {
    pub start: ClockTime,
    pub end: ClockTime,
    pub kind: SlotKind,
}

fn periods_slots(periods: &[Period], minutes: u16, kind: SlotKind, out: &mut Vec<SlotTime>) {
    if minutes == 0 {
        return;
    }
    for p in periods {
        let mut start = p.from.0;
        while start + minutes <= p.to.0 {
            out.push(SlotTime {
                start: ClockTime(start),
                end: ClockTime(start + minutes),
                kind,
            });
            start += minutes;
        }
    }
}

impl PlaceHours {
    /// The place's slots on `date`, in time order; empty when it is closed that day.
    pub fn slots_on(&self, calendar: &WorkCalendar, date: NaiveDate) -> Vec<SlotTime> {
        let weekday = date.weekday().number_from_monday() as u8;
        let mut out = Vec::new();
        let holiday_open = self.holidays.as_ref().filter(|h| h.dates.contains(&date));
        if let Some(h) = holiday_open {
            periods_slots(&h.periods, self.slot_minutes, SlotKind::Holiday, &mut out);
        } else if calendar.is_working_day(date) {
            periods_slots(
                &self.working_days,
                self.slot_minutes,
                SlotKind::Regular,
                &mut out,
            );
            if let Some(e) = self
                .evening
                .as_ref()
                .filter(|e| e.weekdays.contains(&weekday))
            {
                periods_slots(&e.periods, self.slot_minutes, SlotKind::Evening, &mut out);
            }
        } else if calendar.holiday_name(date).is_none() {
            if let Some(w) = self
                .weekend
                .as_ref()
                .filter(|w| w.weekdays.contains(&weekday))
            {
                periods_slots(&w.periods, self.slot_minutes, SlotKind::Weekend, &mut out);
            }
        }
        out.sort_by_key(|s| s.start);
        out.dedup_by_key(|s| s.start);
        out
    }

    /// The slot of `date` that starts at `start`.
    pub fn slot(
        &self,
        calendar: &WorkCalendar,
        date: NaiveDate,
        start: ClockTime,
    ) -> Option<SlotTime> {
        self.slots_on(calendar, date)
            .into_iter()
            .find(|s| s.start == start)
    }

    /// Problems with the data, so that a city's edit is checked at start-up.
    pub fn check(&self) -> Result<(), String> {
        let name = &self.name;
        if self.id.is_empty()
            || !self
                .id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(format!("{name}: id must be letters, digits and -"));
        }
        if !(5..=240).contains(&self.slot_minutes) {
            return Err(format!("{name}: slot_minutes must be 5–240"));
        }
        if self.capacity == 0 {
            return Err(format!("{name}: capacity must be at least 1"));
        }
        let all = self
            .working_days
            .iter()
            .chain(self.evening.iter().flat_map(|e| &e.periods))
            .chain(self.weekend.iter().flat_map(|e| &e.periods))
            .chain(self.holidays.iter().flat_map(|e| &e.periods));
        for p in all {
            if p.from >= p.to {
                return Err(format!("{name}: period {}–{} is empty", p.from, p.to));
            }
        }
        let days = self
            .evening
            .iter()
            .chain(self.weekend.iter())
            .flat_map(|e| &e.weekdays);
        for d in days {
            if !(1..=7).contains(d) {
                return Err(format!("{name}: weekday {d} is not 1–7"));
            }
        }
        Ok(())
    }
}

impl OpeningHours {
    pub fn place(&self, id: &str) -> Option<&PlaceHours> {
        self.places.iter().find(|p| p.id == id)
    }

    pub fn place_named(&self, name: &str) -> Option<&PlaceHours> {
        self.places.iter().find(|p| p.name == name)
    }

    /// The bookable places of a service, in the guide's order.
    pub fn places_of<'a>(&'a self, service: &'a Service) -> impl Iterator<Item = &'a PlaceHours> {
        service
            .places
            .iter()
            .filter_map(|p| self.place_named(&p.name))
    }

    pub fn check(&self) -> Result<(), String> {
        for (i, p) in self.places.iter().enumerate() {
            p.check()?;
            if self.places[..i]
                .iter()
                .any(|q| q.id == p.id || q.name == p.name)
            {
                return Err(format!("{}: given twice", p.name));
            }
        }
        if self.booking_days == 0 || self.booking_days > 60 {
            return Err("booking_days must be 1–60".into());
        }
        if self.max_per_id_per_day == 0 {
            return Err("max_per_id_per_day must be at least 1".into());
        }
        Ok(())
    }
}

/// One slot as the citizen chooses it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Slot {
    pub date: NaiveDate,
    pub start: ClockTime,
    pub end: ClockTime,
    pub kind: SlotKind,
    /// Places still free.
    pub left: u32,
    /// Set when the center closed the slot (the reason is shown).
    #[serde(default)]
    pub closed: Option<String>,
}

/// One bookable day of a place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SlotDay {
    pub date: NaiveDate,
    /// The public holiday's name on a 节假日受理 day.
    #[serde(default)]
    pub holiday: Option<String>,
    pub slots: Vec<Slot>,
}

/// One place of a service with its bookable days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PlaceAvailability {
    pub place_id: String,
    pub name: String,
    pub address: String,
    /// The opening hours as the guide words them.
    pub hours: String,
    pub days: Vec<SlotDay>,
}

/// `GET /api/services/{code}/availability`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Availability {
    pub service_code: String,
    pub service_name: String,
    pub cutoff_minutes: u16,
    pub places: Vec<PlaceAvailability>,
    /// The earliest free slot over all places.
    #[serde(default)]
    pub next_free: Option<NextFree>,
}

/// The earliest free slot, as the guide and a "该时段已约满" answer give it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NextFree {
    pub place_id: String,
    pub place_name: String,
    pub date: NaiveDate,
    pub start: ClockTime,
    pub end: ClockTime,
    pub kind: SlotKind,
}

/// The field of a "该时段已约满" error whose message is the next free slot as
/// `<place id> <date> <HH:MM>`, for the app to offer it.
pub const NEXT_FREE_FIELD: &str = "next_free";

impl NextFree {
    pub fn to_field(&self) -> String {
        format!("{} {} {}", self.place_id, self.date, self.start)
    }

    /// `(place id, date, start)` from `to_field`'s text.
    pub fn parse_field(s: &str) -> Option<(String, NaiveDate, ClockTime)> {
        let mut parts = s.split(' ');
        let place = parts.next()?.to_string();
        let date = crate::time::parse_date(parts.next()?)?;
        let start = ClockTime::parse(parts.next()?)?;
        Some((place, date, start))
    }
}

/// `POST /api/appointments`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AppointmentRequest {
    pub service_code: String,
    pub place_id: String,
    pub date: NaiveDate,
    pub start: ClockTime,
    pub name: String,
    pub id_number: String,
    pub phone: String,
    /// Photographed materials for 预审 (optional), from `POST /api/uploads`.
    #[serde(default)]
    pub materials: Vec<MaterialPages>,
}

/// What a booking returns: keep both to see the appointment again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AppointmentReceipt {
    pub appointment_number: String,
    pub query_code: String,
    pub appointment: AppointmentView,
}

/// Where an appointment stands. Legal moves: `AppointmentStatus::can_move_to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AppointmentStatus {
    /// 已预约.
    Booked,
    /// 已签到.
    Arrived,
    /// 未到 (爽约).
    NoShow,
    /// 已取消 by the citizen.
    Cancelled,
    /// 已停约: the center closed the slot (with a reason).
    Closed,
}

impl AppointmentStatus {
    pub const ALL: [AppointmentStatus; 5] = [
        AppointmentStatus::Booked,
        AppointmentStatus::Arrived,
        AppointmentStatus::NoShow,
        AppointmentStatus::Cancelled,
        AppointmentStatus::Closed,
    ];

    /// Every appointment starts `Booked`; each of the others ends it.
    pub fn can_move_to(self, next: AppointmentStatus) -> bool {
        self == AppointmentStatus::Booked && next != AppointmentStatus::Booked
    }

    /// Holds a place of its slot.
    pub fn active(self) -> bool {
        self == AppointmentStatus::Booked
    }
}

/// 预审 verdict on one material.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PrecheckVerdict {
    /// 待预审.
    Pending,
    /// 合格.
    Passed,
    /// 需补正.
    NeedsFix,
}

/// One material of the pre-check as the citizen sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PrecheckItem {
    pub material_id: String,
    pub material_name: String,
    pub pages: u32,
    pub verdict: PrecheckVerdict,
    /// Why it needs fixing.
    #[serde(default)]
    pub reason: String,
}

/// An appointment as its holder sees it: ID number masked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AppointmentView {
    pub appointment_number: String,
    pub status: AppointmentStatus,
    pub service_code: String,
    pub service_name: String,
    pub place_id: String,
    pub place_name: String,
    pub place_address: String,
    pub date: NaiveDate,
    pub start: ClockTime,
    pub end: ClockTime,
    pub kind: SlotKind,
    /// Masked (张*).
    pub name: String,
    /// Masked: first and last characters only.
    pub id_number: String,
    /// Masked (138****8000).
    pub phone: String,
    /// The center's reason when it closed the slot.
    #[serde(default)]
    pub closure_reason: Option<String>,
    /// Whether cancelling or moving is still possible (before the cut-off).
    pub changeable: bool,
    /// The cut-off time, e.g. 2026-03-03T07:30:00+08:00.
    pub change_until: chrono::DateTime<chrono::FixedOffset>,
    pub precheck: Vec<PrecheckItem>,
}

/// The number and code that open an appointment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AppointmentLookup {
    pub appointment_number: String,
    pub query_code: String,
}

/// `POST /api/appointments/move`: a new slot for the same service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AppointmentMove {
    pub appointment_number: String,
    pub query_code: String,
    pub place_id: String,
    pub date: NaiveDate,
    pub start: ClockTime,
}

/// `POST /api/appointments/precheck`: new pages for some materials (replacing their old ones).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PrecheckSubmission {
    pub appointment_number: String,
    pub query_code: String,
    pub materials: Vec<MaterialPages>,
}

/// A staff verdict on one material.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PrecheckDecision {
    pub material_id: String,
    /// `passed` or `needs_fix`.
    pub verdict: PrecheckVerdict,
    /// Required for `needs_fix`.
    #[serde(default)]
    pub reason: String,
}

/// What staff do to an appointment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum AppointmentAction {
    /// 签到: the citizen came.
    Arrive { handler: String },
    /// 未到: the slot has begun and the citizen did not come.
    NoShow { handler: String },
    /// 预审 verdicts.
    Precheck {
        handler: String,
        decisions: Vec<PrecheckDecision>,
    },
}

/// `POST /api/staff/slots/close`: stops a slot; its bookings become 已停约 with the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SlotClosure {
    pub place_id: String,
    pub date: NaiveDate,
    pub start: ClockTime,
    pub handler: String,
    pub reason: String,
}

/// One row of the staff day list (unmasked: staff check the ID at the window).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct StaffAppointment {
    pub appointment_number: String,
    pub status: AppointmentStatus,
    pub service_code: String,
    pub service_name: String,
    pub place_id: String,
    pub date: NaiveDate,
    pub start: ClockTime,
    pub end: ClockTime,
    pub kind: SlotKind,
    pub name: String,
    pub id_number: String,
    pub phone: String,
    #[serde(default)]
    pub closure_reason: Option<String>,
    pub precheck: Vec<StaffPrecheckItem>,
}

/// A material of the pre-check with its pages (`/api/staff/uploads/{id}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct StaffPrecheckItem {
    pub material_id: String,
    pub material_name: String,
    pub upload_ids: Vec<String>,
    pub verdict: PrecheckVerdict,
    #[serde(default)]
    pub reason: String,
}

/// Masks a phone number: the first three and last four digits kept.
pub fn mask_phone(value: &str) -> String {
    let chars: Vec<char> = value.trim().chars().collect();
    let n = chars.len();
    if n < 8 {
        return "*".repeat(n);
    }
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| if i < 3 || i >= n - 4 { c } else { '*' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{CalendarYear, Holiday};

    fn t(s: &str) -> ClockTime {
        ClockTime::parse(s).unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn calendar() -> WorkCalendar {
        // 2026-10-01 (Thu) and 10-02 holidays, 10-10 (Sat) worked: enough for these tests.
        let year = CalendarYear {
            year: 2026,
            holidays: vec![
                Holiday {
                    date: d("2026-10-01"),
                    name: "国庆节".into(),
                },
                Holiday {
                    date: d("2026-10-02"),
                    name: "国庆节".into(),
                },
            ],
            adjusted_working_days: vec![d("2026-10-10")],
            working_days: 0,
        };
        let count = year.count_working_days();
        WorkCalendar::new([CalendarYear {
            working_days: count,
            ..year
        }])
        .unwrap()
    }

    fn hall() -> PlaceHours {
        let p = |a: &str, b: &str| Period {
            from: t(a),
            to: t(b),
        };
        PlaceHours {
            id: "hall".into(),
            name: "大厅".into(),
            slot_minutes: 30,
            capacity: 3,
            working_days: vec![p("09:00", "12:00"), p("13:30", "17:00")],
            evening: Some(WeekdayOpening {
                weekdays: vec![2, 4],
                periods: vec![p("17:00", "19:00")],
            }),
            weekend: Some(WeekdayOpening {
                weekdays: vec![6],
                periods: vec![p("09:00", "12:00")],
            }),
            holidays: Some(HolidayOpening {
                dates: vec![d("2026-10-02")],
                periods: vec![p("09:00", "11:00")],
            }),
        }
    }

    #[test]
    fn times_read_and_write_as_hh_mm() {
        assert_eq!(t("9:30"), ClockTime(570));
        assert_eq!(t("09:30").to_string(), "09:30");
        for bad in ["24:00", "9:60", "0930", "", "a:bc", "9:3"] {
            assert!(ClockTime::parse(bad).is_none(), "{bad}");
        }
        let json = serde_json::to_string(&t("17:00")).unwrap();
        assert_eq!(json, "\"17:00\"");
    }

    #[test]
    fn slots_follow_the_calendar_evenings_weekends_and_holiday_opening() {
        let (cal, hall) = (calendar(), hall());
        // Monday: 6 + 7 regular slots, no evening.
        let mon = hall.slots_on(&cal, d("2026-10-12"));
        assert_eq!(mon.len(), 13);
        assert!(mon.iter().all(|s| s.kind == SlotKind::Regular));
        assert_eq!(mon[6].start, t("13:30"));
        // Tuesday has 延时 until 19:00.
        let tue = hall.slots_on(&cal, d("2026-10-13"));
        assert_eq!(tue.len(), 17);
        assert_eq!(
            tue.last().map(|s| (s.kind, s.end)),
            Some((SlotKind::Evening, t("19:00")))
        );
        // Saturday morning; Sunday closed.
        let sat = hall.slots_on(&cal, d("2026-10-17"));
        assert_eq!(sat.len(), 6);
        assert!(sat.iter().all(|s| s.kind == SlotKind::Weekend));
        assert!(hall.slots_on(&cal, d("2026-10-18")).is_empty());
        // The adjusted working Saturday has working-day hours.
        assert_eq!(hall.slots_on(&cal, d("2026-10-10")).len(), 13);
        // A holiday is closed unless listed for 节假日受理.
        assert!(hall.slots_on(&cal, d("2026-10-01")).is_empty());
        let holiday = hall.slots_on(&cal, d("2026-10-02"));
        assert_eq!(holiday.len(), 4);
        assert!(holiday.iter().all(|s| s.kind == SlotKind::Holiday));
    }

    #[test]
    fn the_data_is_checked() {
        assert_eq!(hall().check(), Ok(()));
        let mut bad = hall();
        bad.capacity = 0;
        assert!(bad.check().is_err());
        let mut bad = hall();
        bad.working_days[0].to = t("08:00");
        assert!(bad.check().is_err());
        let mut bad = hall();
        bad.id = "a b".into();
        assert!(bad.check().is_err());
    }

    #[test]
    fn only_a_booked_appointment_moves() {
        use AppointmentStatus::*;
        for from in AppointmentStatus::ALL {
            for to in AppointmentStatus::ALL {
                let expected = from == Booked && to != Booked;
                assert_eq!(from.can_move_to(to), expected, "{from:?} → {to:?}");
            }
        }
    }

    #[test]
    fn next_free_round_trips_through_its_field() {
        let n = NextFree {
            place_id: "hall".into(),
            place_name: "大厅".into(),
            date: d("2026-10-13"),
            start: t("17:30"),
            end: t("18:00"),
            kind: SlotKind::Evening,
        };
        assert_eq!(
            NextFree::parse_field(&n.to_field()),
            Some(("hall".into(), d("2026-10-13"), t("17:30")))
        );
        assert_eq!(mask_phone("13800138000"), "138****8000");
    }
}
