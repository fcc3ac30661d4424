//! A database written by the version before limits had units still starts and reads.

use contract::chrono::NaiveDate as Date;
use contract::{LimitUnit, Service, TimeLimit};
use serde_json::Value;

use super::application;
use crate::app::AppState;
use crate::cases::{store, view};
use crate::catalog::{seed, service_items};
use crate::config::Config;
use crate::db::MIGRATIONS;

const ID_CARD: &str = "11990100GAHZ070001000";

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// A catalog body as the old version stored it: limits as bare numbers of working days.
fn old_body(service: &Service) -> String {
    let mut v = serde_json::to_value(service).unwrap();
    let old = |limit: &Value| -> Value {
        match limit.get("days") {
            Some(days) => days.clone(),
            None => 0.into(),
        }
    };
    v["statutory_limit"] = old(&v["statutory_limit"]);
    v["promised_limit"] = old(&v["promised_limit"]);
    for q in v["situations"].as_array_mut().unwrap() {
        for o in q["options"].as_array_mut().unwrap() {
            if !o["promised_limit"].is_null() {
                o["promised_limit"] = old(&o["promised_limit"]);
            }
        }
    }
    v.to_string()
}

#[test]
fn a_database_from_before_units_starts_and_keeps_its_cases() {
    let dir = tempfile::tempdir().unwrap();
    {
        // The schema and rows of the previous version, written by hand.
        let conn = rusqlite::Connection::open(dir.path().join("portal.sqlite3")).unwrap();
        for sql in &MIGRATIONS[..2] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 2).unwrap();
        for s in seed::services() {
            let body = old_body(&s);
            // The old bodies read as they are, before anything replaces them.
            let read: Service = serde_json::from_str(&body).unwrap();
            assert_eq!(read.code, s.code);
            conn.execute(
                "INSERT INTO services (code, name, department, body, pinyin, etag) VALUES (?1, ?2, ?3, ?4, '[]', 'old')",
                rusqlite::params![s.code, s.name, s.department, body],
            )
            .unwrap();
        }
        conn.execute(
            "INSERT INTO cases (case_number, query_code, service_code, service_name, department,
                status, applicant_name, applicant_id_number, application, promised_limit,
                submitted_at, submitted_on, accepted_on)
             VALUES ('2026030200001', 'ABCDEFGH', ?1, '居民身份证申领、换领、补领', '市公安局',
                'accepted', '张三', '11010519491231002X', ?2, 10,
                '2026-03-02T10:00:00+08:00', '2026-03-02', '2026-03-02')",
            rusqlite::params![ID_CARD, serde_json::to_string(&application("u1")).unwrap()],
        )
        .unwrap();
    }

    let config = Config {
        addr: "127.0.0.1:0".into(),
        data_dir: dir.path().to_path_buf(),
        dist_dir: dir.path().join("dist"),
        staff_token: None,
        trust_proxy: false,
        api_origin: None,
        behind_tls: false,
    };
    let state = AppState::open(&config).unwrap();
    let calendar = state.calendar.clone();
    state
        .db
        .with(move |conn| {
            // The catalog now says what the embedded one says.
            let service = service_items::load_service(conn, ID_CARD).unwrap().unwrap();
            assert_eq!(service.statutory_limit.limit, TimeLimit::calendar_days(60));
            let etag: String = conn
                .query_row(
                    "SELECT etag FROM services WHERE code = ?1",
                    [ID_CARD],
                    |r| r.get("etag"),
                )
                .unwrap();
            assert_ne!(etag, "old");
            // The old case's plain 10 is 10 working days: Monday 03-02 is due Monday 03-16.
            let row = store::load(conn, "2026030200001").unwrap().unwrap();
            assert_eq!(row.promised_limit, TimeLimit::working_days(10));
            let today = date("2026-03-04");
            assert_eq!(
                view::due_date(&calendar, &row, &[], today),
                Some(date("2026-03-16"))
            );
            // Starting again changes nothing.
            service_items::seed_or_update(conn).unwrap();
            let count: i64 = conn
                .query_row("SELECT COUNT(*) AS n FROM services", [], |r| r.get("n"))
                .unwrap();
            assert_eq!(count as usize, seed::services().len());
        })
        .unwrap();
}

#[test]
fn a_case_row_keeps_the_unit_of_its_promise() {
    let dir = tempfile::tempdir().unwrap();
    let db = crate::db::Db::open(dir.path()).unwrap();
    let limit = TimeLimit::calendar_days(15);
    let row = db
        .with(|c| {
            c.execute(
                "INSERT INTO cases (case_number, query_code, service_code, service_name,
                    department, status, applicant_name, applicant_id_number, application,
                    promised_limit, submitted_at, submitted_on, accepted_on, promised_time_limit)
                 VALUES ('2026030200002', 'ABCDEFGH', 'X', 'X', 'X', 'accepted', '张三',
                    '11010519491231002X', ?1, 15, '2026-03-02T10:00:00+08:00', '2026-03-02',
                    '2026-03-02', ?2)",
                rusqlite::params![
                    serde_json::to_string(&application("u1")).unwrap(),
                    serde_json::to_string(&limit).unwrap()
                ],
            )
            .unwrap();
            store::load(c, "2026030200002").unwrap().unwrap()
        })
        .unwrap();
    assert_eq!(
        row.promised_limit.days(),
        Some((15, LimitUnit::CalendarDays))
    );
}
