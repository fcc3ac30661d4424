//! 预约 and 预审 through the API: booking, never more bookings than places, fair use,
//! moving and cancelling, staff actions, closing a slot, the pre-check, and every pair of
//! appointment states.

use std::sync::Arc;

use axum::http::{Method, StatusCode};
use contract::appointment::*;
use AppointmentStatus::*;

use super::*;

pub const VISIT_SERVICE: &str = "TEST-VISIT-0003";
const HALL: &str = "市民中心政务服务大厅";
const AUTH: &str = "Bearer test-staff-token-0123456789";

/// Tuesday 2026-03-03, the day after the tests' clock.
fn tomorrow() -> Date {
    Date::from_ymd_opt(2026, 3, 3).unwrap()
}

fn hm(s: &str) -> ClockTime {
    ClockTime::parse(s).unwrap()
}

/// A valid ID number (GB 11643 check character) for each `n`.
pub fn id_number(n: u32) -> String {
    let body = format!("11010519800101{:03}", n % 1000);
    let check = contract::validate::id_check_char(body.as_bytes()).map_or('0', char::from);
    format!("{body}{check}")
}

fn add_visit_service(t: &TestApp) {
    let mut s = test_service(VISIT_SERVICE, false);
    s.name = "测试现场核验".into();
    s.visits_required = 1;
    s.takes_appointments = true;
    s.places = vec![Place {
        name: HALL.into(),
        address: "某某路1号".into(),
        hours: "周一至周五".into(),
        district: None,
        phone: None,
    }];
    t.state
        .db
        .with(|c| {
            c.execute(
                "INSERT INTO services (code, name, department, body, pinyin, etag) VALUES (?1, ?2, ?3, ?4, '[]', '\"t\"')",
                rusqlite::params![VISIT_SERVICE, s.name, s.department, serde_json::to_string(&s).unwrap()],
            )
            .unwrap()
        })
        .unwrap();
}

fn app() -> TestApp {
    let t = TestApp::new();
    add_visit_service(&t);
    t
}

fn capacity(t: &TestApp) -> u32 {
    u32::from(t.state.hours.place("civic-center").unwrap().capacity)
}

fn request(n: u32, date: Date, start: &str) -> Value {
    json!({
        "service_code": VISIT_SERVICE, "place_id": "civic-center", "date": date, "start": start,
        "name": "王五", "id_number": id_number(n), "phone": "13800138000"
    })
}

impl TestApp {
    async fn book_from(&self, from: u8, body: Value) -> (StatusCode, Value) {
        let req = Request::post("/api/appointments")
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        let (status, _, body) = self.send_from(ip(from), req).await;
        (status, parse(&body))
    }

    async fn book_ok(&self, from: u8, body: Value) -> AppointmentReceipt {
        let (status, body) = self.book_from(from, body).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        serde_json::from_value(body).unwrap()
    }

    async fn appointment(&self, r: &AppointmentReceipt, path: &str) -> (StatusCode, Value) {
        self.post(
            path,
            json!({"appointment_number": r.appointment_number, "query_code": r.query_code}),
        )
        .await
    }
}

fn slot_left(a: &Availability, date: Date, start: ClockTime) -> Option<&Slot> {
    a.places[0]
        .days
        .iter()
        .find(|d| d.date == date)
        .and_then(|d| d.slots.iter().find(|s| s.start == start))
}

/// 50 concurrent bookings at a slot with 3 places left: exactly 3 succeed, the others hear
/// 该时段已约满 with the next free slot.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn never_more_bookings_than_places() {
    let t = Arc::new(app());
    let cap = capacity(&t);
    assert!(cap >= 3);
    for i in 0..cap - 3 {
        t.book_ok(200, request(900 + i, tomorrow(), "09:00")).await;
    }
    let tasks: Vec<_> = (0..50u32)
        .map(|i| {
            let t = t.clone();
            // One client each, as 50 phones would be: the per-client limit is not what stops them.
            tokio::spawn(async move {
                t.book_from(i as u8 + 1, request(i, tomorrow(), "09:00"))
                    .await
            })
        })
        .collect();
    let (mut ok, mut full) = (0, 0);
    for task in tasks {
        let (status, body) = task.await.unwrap();
        match status {
            StatusCode::OK => ok += 1,
            StatusCode::CONFLICT => {
                assert_eq!(body["code"], "slot_full", "{body}");
                let message = body["message"].as_str().unwrap();
                assert!(message.starts_with("该时段已约满"), "{message}");
                let next = body["fields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|f| f["field"] == NEXT_FREE_FIELD)
                    .unwrap();
                let (place, date, start) =
                    NextFree::parse_field(next["message"].as_str().unwrap()).unwrap();
                assert_eq!(
                    (place.as_str(), date, start),
                    ("civic-center", tomorrow(), hm("09:30"))
                );
                assert!(message.contains("09:30"), "{message}");
                full += 1;
            }
            other => panic!("{other}: {body}"),
        }
    }
    assert_eq!((ok, full), (3, 47));
    let booked = t.count(&format!(
        "appointments WHERE date = '{}' AND start = 540 AND status = 'booked'",
        tomorrow()
    ));
    assert_eq!(booked, i64::from(cap));
}

#[tokio::test]
async fn a_booking_shows_masked_and_its_place_is_counted() {
    let t = app();
    let (status, a) = t
        .get(&format!("/api/services/{VISIT_SERVICE}/availability"))
        .await;
    assert_eq!(status, StatusCode::OK, "{a}");
    let a: Availability = serde_json::from_value(a).unwrap();
    // Today's slots before 10:00 are gone; the next free one is 10:00 today.
    let next = a.next_free.clone().unwrap();
    assert_eq!(
        (next.date, next.start),
        (tomorrow().pred_opt().unwrap(), hm("10:30"))
    );
    // Tuesday has 延时 slots.
    assert!(a.places[0]
        .days
        .iter()
        .find(|d| d.date == tomorrow())
        .unwrap()
        .slots
        .iter()
        .any(|s| s.kind == SlotKind::Evening));
    let r = t.book_ok(1, request(1, tomorrow(), "17:30")).await;
    assert!(
        r.appointment_number.starts_with("YY20260302"),
        "{}",
        r.appointment_number
    );
    let v = &r.appointment;
    assert_eq!((v.status, v.kind), (Booked, SlotKind::Evening));
    assert_eq!(
        v.id_number,
        "1****************".to_string() + &id_number(1)[17..]
    );
    assert_eq!((v.name.as_str(), v.phone.as_str()), ("王*", "138****8000"));
    assert!(v.changeable);
    let (_, a) = t
        .get(&format!("/api/services/{VISIT_SERVICE}/availability"))
        .await;
    let a: Availability = serde_json::from_value(a).unwrap();
    assert_eq!(
        slot_left(&a, tomorrow(), hm("17:30")).unwrap().left,
        capacity(&t) - 1
    );
    // Looked up with its code; a wrong code is "not found".
    let (status, seen) = t.appointment(&r, "/api/appointments/lookup").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(seen["appointment_number"], r.appointment_number);
    let (status, _) = t
        .post(
            "/api/appointments/lookup",
            json!({"appointment_number": r.appointment_number, "query_code": "WRONGCDE"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bad_details_and_bad_slots_are_refused_clearly() {
    let t = app();
    let mut body = request(1, tomorrow(), "09:00");
    body["id_number"] = json!("110105198001010010");
    body["phone"] = json!("12345");
    let (status, e) = t.book_from(1, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = e["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["id_number", "phone"]);
    // Not a slot (12:00 is lunch), in the past, beyond the window, a Sunday.
    for (date, start) in [
        (tomorrow(), "12:00"),
        (tomorrow().pred_opt().unwrap(), "09:00"),
        (Date::from_ymd_opt(2026, 4, 30).unwrap(), "09:00"),
        (Date::from_ymd_opt(2026, 3, 8).unwrap(), "09:00"),
    ] {
        let (status, e) = t.book_from(1, request(1, date, start)).await;
        assert_eq!(
            (status, e["code"].as_str()),
            (StatusCode::CONFLICT, Some("slot_unavailable")),
            "{date} {start}"
        );
    }
    // A service done wholly online takes no appointments.
    let mut online = request(1, tomorrow(), "09:00");
    online["service_code"] = json!(SERVICE);
    let (status, _) = t.book_from(1, online).await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn fair_use_one_active_per_service_a_daily_limit_and_no_bulk_booking() {
    let t = TestApp::strict();
    add_visit_service(&t);
    let mut r = t.book_ok(1, request(1, tomorrow(), "09:00")).await;
    let (status, e) = t.book_from(1, request(1, tomorrow(), "10:00")).await;
    assert_eq!(
        (status, e["code"].as_str()),
        (StatusCode::CONFLICT, Some("already_booked"))
    );
    // Cancelled, the ID number may book again, up to the daily limit: cancelling frees no quota.
    for _ in 1..t.state.hours.max_per_id_per_day {
        let (status, _) = t.appointment(&r, "/api/appointments/cancel").await;
        assert_eq!(status, StatusCode::OK);
        r = t.book_ok(2, request(1, tomorrow(), "10:00")).await;
    }
    let (status, _) = t.appointment(&r, "/api/appointments/cancel").await;
    assert_eq!(status, StatusCode::OK);
    let (status, e) = t.book_from(3, request(1, tomorrow(), "11:00")).await;
    assert_eq!(
        (status, e["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("too_many_appointments")),
        "{e}"
    );
    // One client booking for many ID numbers is refused, in words a 号贩子 understands.
    let mut refused = None;
    for n in 100..130 {
        let (status, e) = t.book_from(9, request(n, tomorrow(), "14:00")).await;
        if status == StatusCode::TOO_MANY_REQUESTS {
            refused = Some(e);
            break;
        }
    }
    let e = refused.expect("bulk booking was never refused");
    assert_eq!(e["code"], "rate_limited");
    assert!(
        e["message"].as_str().unwrap().contains("严禁倒卖号源"),
        "{e}"
    );
}

#[tokio::test]
async fn moving_and_cancelling_free_the_place_at_once_until_the_cut_off() {
    let t = app();
    let cap = capacity(&t);
    let mut receipts = Vec::new();
    for n in 0..cap {
        receipts.push(
            t.book_ok(n as u8 + 1, request(n, tomorrow(), "09:00"))
                .await,
        );
    }
    let (status, _) = t.book_from(50, request(50, tomorrow(), "09:00")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    // Moving one frees its place: the waiting citizen gets it at once.
    let r = &receipts[0];
    let (status, moved) = t
        .post("/api/appointments/move", json!({"appointment_number": r.appointment_number,
            "query_code": r.query_code, "place_id": "civic-center", "date": tomorrow(), "start": "09:30"}))
        .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["start"], "09:30");
    t.book_ok(50, request(50, tomorrow(), "09:00")).await;
    // Cancelling frees a place too.
    let (status, v) = t
        .appointment(&receipts[1], "/api/appointments/cancel")
        .await;
    assert_eq!(
        (status, v["status"].as_str()),
        (StatusCode::OK, Some("cancelled"))
    );
    t.book_ok(51, request(51, tomorrow(), "09:00")).await;
    // Two hours before 09:30 the moved appointment can no longer change.
    t.state
        .clock
        .set(crate::clock::china_midnight(tomorrow()) + 7 * 3600 + 31 * 60);
    let (status, e) = t.appointment(r, "/api/appointments/cancel").await;
    assert_eq!(
        (status, e["code"].as_str()),
        (StatusCode::CONFLICT, Some("past_cutoff"))
    );
    let (_, v) = t.appointment(r, "/api/appointments/lookup").await;
    assert_eq!(v["changeable"], false);
}

#[tokio::test]
async fn staff_list_mark_arrived_or_no_show_and_close_a_slot_with_a_reason() {
    let t = app();
    let a = t.book_ok(1, request(1, tomorrow(), "09:00")).await;
    let b = t.book_ok(2, request(2, tomorrow(), "09:00")).await;
    let c = t.book_ok(3, request(3, tomorrow(), "10:00")).await;
    let (status, _) = t
        .get(&format!("/api/staff/appointments?date={}", tomorrow()))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, list) = t
        .request(
            Method::GET,
            &format!(
                "/api/staff/appointments?date={}&place=civic-center",
                tomorrow()
            ),
            &[("authorization", AUTH)],
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let list: Vec<StaffAppointment> = serde_json::from_value(list).unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(list[0].id_number, id_number(1));
    // 签到 only on the day.
    let act = |n: &str| format!("/api/staff/appointments/{n}/actions");
    let (status, _) = t
        .staff_post(
            &act(&a.appointment_number),
            json!({"action": "arrive", "handler": "赵窗口"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // The 10:00 slot closes: its citizen sees why; nobody can book it.
    let (status, closed) = t
        .staff_post(
            "/api/staff/slots/close",
            json!({"place_id": "civic-center", "date": tomorrow(),
            "start": "10:00", "handler": "赵窗口", "reason": "系统升级，暂停办理"}),
        )
        .await;
    assert_eq!(
        (status, closed["closed_appointments"].as_u64()),
        (StatusCode::OK, Some(1))
    );
    let (_, v) = t.appointment(&c, "/api/appointments/lookup").await;
    assert_eq!(
        (v["status"].as_str(), v["closure_reason"].as_str()),
        (Some("closed"), Some("系统升级，暂停办理"))
    );
    let (status, e) = t.book_from(9, request(9, tomorrow(), "10:00")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(e["message"].as_str().unwrap().contains("系统升级"), "{e}");
    // On the day: one arrives, the other does not come.
    t.state
        .clock
        .set(crate::clock::china_midnight(tomorrow()) + 9 * 3600 + 5 * 60);
    let (status, v) = t
        .staff_post(
            &act(&a.appointment_number),
            json!({"action": "arrive", "handler": "赵窗口"}),
        )
        .await;
    assert_eq!(
        (status, v["status"].as_str()),
        (StatusCode::OK, Some("arrived")),
        "{v}"
    );
    let (status, v) = t
        .staff_post(
            &act(&b.appointment_number),
            json!({"action": "no_show", "handler": "赵窗口"}),
        )
        .await;
    assert_eq!(
        (status, v["status"].as_str()),
        (StatusCode::OK, Some("no_show")),
        "{v}"
    );
}

/// Puts an appointment in `status` directly, as the state-machine test needs.
fn force(t: &TestApp, number: &str, status: AppointmentStatus) {
    t.state
        .db
        .with(|c| {
            c.execute(
                "UPDATE appointments SET status = ?2 WHERE number = ?1",
                rusqlite::params![number, crate::db::SerdeText(status)],
            )
            .unwrap()
        })
        .unwrap();
}

/// Every pair of states: each action succeeds from exactly the states the machine allows,
/// and a refused one changes nothing.
#[tokio::test]
async fn every_pair_of_appointment_states() {
    let legal = |from, to| {
        matches!(
            (from, to),
            (Booked, Arrived) | (Booked, NoShow) | (Booked, Cancelled) | (Booked, Closed)
        )
    };
    for (i, from) in AppointmentStatus::ALL.into_iter().enumerate() {
        for to in AppointmentStatus::ALL {
            assert_eq!(from.can_move_to(to), legal(from, to), "{from:?} → {to:?}");
            let t = app();
            let start = ["09:00", "09:30", "10:00", "10:30", "11:00"][i].to_string();
            let r = t.book_ok(1, request(i as u32, tomorrow(), &start)).await;
            let n = r.appointment_number.clone();
            force(&t, &n, from);
            // The clock each action needs: on the day once the slot began, or well before.
            let slot_start = crate::appointments::unix_at(tomorrow(), hm(&start));
            let (status, _) = match to {
                Arrived | NoShow => {
                    t.state.clock.set(slot_start + 60);
                    let action = if to == Arrived { "arrive" } else { "no_show" };
                    t.staff_post(
                        &format!("/api/staff/appointments/{n}/actions"),
                        json!({"action": action, "handler": "赵窗口"}),
                    )
                    .await
                }
                Cancelled => t.appointment(&r, "/api/appointments/cancel").await,
                Closed => {
                    t.staff_post(
                        "/api/staff/slots/close",
                        json!({"place_id": "civic-center", "date": tomorrow(),
                        "start": start, "handler": "赵窗口", "reason": "停电"}),
                    )
                    .await
                }
                // Nothing makes an appointment booked again: a move keeps only a booked one.
                Booked => {
                    t.post(
                        "/api/appointments/move",
                        json!({"appointment_number": n, "query_code": r.query_code,
                        "place_id": "civic-center", "date": tomorrow(), "start": "16:00"}),
                    )
                    .await
                }
            };
            let (_, v) = t.appointment(&r, "/api/appointments/lookup").await;
            let now: AppointmentStatus = serde_json::from_value(v["status"].clone()).unwrap();
            if to == Booked {
                assert_eq!(
                    status == StatusCode::OK,
                    from == Booked,
                    "move from {from:?}"
                );
                assert_eq!(now, from);
            } else if to == Closed {
                // Closing a slot always works; it ends only a booking that is active.
                assert_eq!(status, StatusCode::OK);
                assert_eq!(
                    now,
                    if legal(from, to) { Closed } else { from },
                    "{from:?} → {to:?}"
                );
            } else if legal(from, to) {
                assert_eq!((status, now), (StatusCode::OK, to), "{from:?} → {to:?}");
            } else {
                assert_eq!(
                    (status, now),
                    (StatusCode::CONFLICT, from),
                    "{from:?} → {to:?}"
                );
            }
        }
    }
}

#[tokio::test]
async fn precheck_verdicts_reach_the_citizen_who_rephotographs_what_is_wrong() {
    let t = app();
    let (form, photo) = (t.upload_png().await, t.upload_png().await);
    let mut body = request(1, tomorrow(), "09:00");
    body["materials"] = json!([{"material_id": "form", "upload_ids": [form]}, {"material_id": "photo", "upload_ids": [photo]}]);
    let r = t.book_ok(1, body).await;
    let verdicts = |v: &AppointmentView| {
        v.precheck
            .iter()
            .map(|p| (p.material_id.clone(), p.verdict))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        verdicts(&r.appointment),
        [
            ("form".into(), PrecheckVerdict::Pending),
            ("photo".into(), PrecheckVerdict::Pending)
        ]
    );
    // A used photo cannot be sent again.
    let mut again = request(2, tomorrow(), "09:00");
    again["materials"] = json!([{"material_id": "form", "upload_ids": [form]}]);
    let (status, e) = t.book_from(2, again).await;
    assert_eq!(
        (status, e["fields"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("material.form"))
    );
    // Staff: form needs fixing (a reason is required), photo passes.
    let act = format!("/api/staff/appointments/{}/actions", r.appointment_number);
    let (status, _) = t
        .staff_post(
            &act,
            json!({"action": "precheck", "handler": "钱预审",
        "decisions": [{"material_id": "form", "verdict": "needs_fix"}]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, staff_view) = t
        .staff_post(
            &act,
            json!({"action": "precheck", "handler": "钱预审",
        "decisions": [{"material_id": "form", "verdict": "needs_fix", "reason": "签名不清晰"},
                      {"material_id": "photo", "verdict": "passed"}]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{staff_view}");
    assert_eq!(staff_view["precheck"][0]["upload_ids"][0], form.as_str());
    let (_, v) = t.appointment(&r, "/api/appointments/lookup").await;
    let v: AppointmentView = serde_json::from_value(v).unwrap();
    assert_eq!(
        verdicts(&v),
        [
            ("form".into(), PrecheckVerdict::NeedsFix),
            ("photo".into(), PrecheckVerdict::Passed)
        ]
    );
    assert_eq!(v.precheck[0].reason, "签名不清晰");
    // The citizen re-photographs the form: it waits for a new verdict, the photo keeps its own.
    let fixed = t.upload_png().await;
    let (status, v) = t
        .post(
            "/api/appointments/precheck",
            json!({"appointment_number": r.appointment_number,
        "query_code": r.query_code, "materials": [{"material_id": "form", "upload_ids": [fixed]}]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let v: AppointmentView = serde_json::from_value(v).unwrap();
    assert_eq!(
        verdicts(&v),
        [
            ("form".into(), PrecheckVerdict::Pending),
            ("photo".into(), PrecheckVerdict::Passed)
        ]
    );
    // Held photos survive the upload sweep; the replaced one and, after cancelling, all go.
    t.days_later(2);
    let now = t.state.clock.now();
    let gone = t
        .state
        .db
        .with(|c| crate::uploads::cleanup::expire_rows(c, now).unwrap())
        .unwrap();
    assert_eq!(gone, std::slice::from_ref(&form));
    let (status, _) = t.appointment(&r, "/api/appointments/cancel").await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "past its day: too late to cancel"
    );
    t.days_later(crate::appointments::store::KEEP_DAYS as i64 + 1);
    let now = t.state.clock.now();
    let mut gone = t
        .state
        .db
        .with(|c| crate::uploads::cleanup::expire_rows(c, now).unwrap())
        .unwrap();
    gone.sort();
    let mut expected = vec![photo, fixed];
    expected.sort();
    assert_eq!(gone, expected);
}

#[tokio::test]
async fn the_guide_s_next_free_time_and_staff_commands() {
    use clap::Parser;
    let t = app();
    let (status, n) = t
        .get(&format!("/api/services/{VISIT_SERVICE}/next-free"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(n["next_free"]["start"], "10:30");
    let (_, n) = t.get(&format!("/api/services/{SERVICE}/next-free")).await;
    assert_eq!(n["next_free"], Value::Null);

    let upload = t.upload_png().await;
    let mut body = request(1, tomorrow(), "09:00");
    body["materials"] = json!([{"material_id": "form", "upload_ids": [upload]}]);
    let r = t.book_ok(1, body).await;
    let run = |args: &[&str]| {
        let cli = crate::config::Cli::try_parse_from(args).unwrap();
        let Some(crate::config::Command::Staff(crate::cases::cli::StaffCommand::Appointments(c))) =
            cli.command
        else {
            panic!("not an appointment command: {args:?}");
        };
        let (hours, calendar, now) = (
            t.state.hours.clone(),
            t.state.calendar.clone(),
            t.state.clock.now(),
        );
        t.state
            .db
            .with(|conn| crate::appointments::cli::execute(conn, &hours, &calendar, now, c))
            .unwrap()
    };
    let date = tomorrow().to_string();
    let list = run(&[
        "backend",
        "staff",
        "appointments",
        "list",
        "--date",
        &date,
        "--place",
        "civic-center",
    ])
    .unwrap();
    assert!(
        list.contains(&r.appointment_number)
            && list.contains("已预约")
            && list.contains("form:待预审"),
        "{list}"
    );
    let n = r.appointment_number.as_str();
    run(&[
        "backend",
        "staff",
        "appointments",
        "precheck",
        n,
        "--handler",
        "钱预审",
        "--material",
        "form=需补正:照片反光",
    ])
    .unwrap();
    let (_, v) = t.appointment(&r, "/api/appointments/lookup").await;
    assert_eq!(
        (
            v["precheck"][0]["verdict"].as_str(),
            v["precheck"][0]["reason"].as_str()
        ),
        (Some("needs_fix"), Some("照片反光"))
    );
    let out = run(&[
        "backend",
        "staff",
        "appointments",
        "close-slot",
        "--place",
        "civic-center",
        "--date",
        &date,
        "--start",
        "09:00",
        "--handler",
        "赵窗口",
        "--reason",
        "设备故障",
    ])
    .unwrap();
    assert!(out.contains("受影响预约 1 个"), "{out}");
    let err = run(&[
        "backend",
        "staff",
        "appointments",
        "arrive",
        n,
        "--handler",
        "赵窗口",
    ])
    .unwrap_err();
    assert_eq!(err.body.code, ErrorCode::IllegalTransition);
    assert_eq!(
        err.body.message,
        "预约当前状态为“已停约”，不能变更为“已签到”"
    );
}

#[tokio::test]
async fn openapi_documents_the_appointment_routes() {
    let t = app();
    let (_, doc) = t.get("/api/openapi.json").await;
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/api/services/{code}/availability", "get"),
        ("/api/services/{code}/next-free", "get"),
        ("/api/appointments", "post"),
        ("/api/appointments/lookup", "post"),
        ("/api/appointments/cancel", "post"),
        ("/api/appointments/move", "post"),
        ("/api/appointments/precheck", "post"),
        ("/api/staff/appointments", "get"),
        ("/api/staff/appointments/{number}/actions", "post"),
        ("/api/staff/slots/close", "post"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path}"
        );
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for schema in [
        "AppointmentRequest",
        "AppointmentReceipt",
        "AppointmentView",
        "Availability",
        "AppointmentAction",
        "SlotClosure",
        "StaffAppointment",
        "PrecheckSubmission",
        "AppointmentMove",
    ] {
        assert!(schemas.contains_key(schema), "{schema}");
    }
    assert_eq!(schemas["ClockTime"]["type"], "string");
}

/// A booking whose reply was lost: the retry under the same key gets the first receipt (and
/// says it is a replay), not "already booked"; only one place is taken. The same key with
/// another booking is refused; a booking without a key still works.
#[tokio::test]
async fn a_booking_retried_after_a_lost_reply_gets_its_first_receipt() {
    let t = app();
    let day = tomorrow();
    let keyed = |body: &Value, key: &str| {
        Request::post("/api/appointments")
            .header("content-type", "application/json")
            .header("idempotency-key", key)
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let body = request(41, day, "09:00");
    let (status, headers, first) = t.send_from(ip(7), keyed(&body, "booking-key-0001")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers.get("idempotent-replayed").is_none());
    let (status, headers, again) = t.send_from(ip(7), keyed(&body, "booking-key-0001")).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&again)
    );
    assert_eq!(headers.get("idempotent-replayed").unwrap(), "true");
    let (first, again) = (parse(&first), parse(&again));
    assert_eq!(first["appointment_number"], again["appointment_number"]);
    assert_eq!(first["query_code"], again["query_code"]);
    let booked: i64 = t
        .state
        .db
        .with(|c| {
            c.query_row("SELECT COUNT(*) FROM appointments", [], |r| r.get(0))
                .unwrap()
        })
        .unwrap();
    assert_eq!(booked, 1);

    // The same key with another booking: refused, nothing booked.
    let other = request(42, day, "09:00");
    let (status, _, refused) = t.send_from(ip(7), keyed(&other, "booking-key-0001")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(parse(&refused)["code"], "idempotency_conflict");
    // Without a key, the second person books as before.
    t.book_ok(7, other).await;
}
