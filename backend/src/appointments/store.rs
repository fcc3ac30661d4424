//! The appointment tables (migration 5): rows in and out, nothing decided here.

use contract::appointment::{
    AppointmentStatus, ClockTime, PrecheckVerdict, SlotKind, StaffPrecheckItem,
};
use contract::chrono::NaiveDate as Date;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::db::SerdeText;
use crate::http::error::AppError;

#[derive(Clone, Debug)]
pub struct AppointmentRow {
    pub number: String,
    pub query_code: String,
    pub service_code: String,
    pub service_name: String,
    pub place_id: String,
    pub place_name: String,
    pub place_address: String,
    pub date: Date,
    pub start: ClockTime,
    pub end: ClockTime,
    pub kind: SlotKind,
    pub status: AppointmentStatus,
    pub name: String,
    pub id_number: String,
    pub phone: String,
    pub closure_reason: Option<String>,
}

fn from_row(r: &Row) -> rusqlite::Result<AppointmentRow> {
    Ok(AppointmentRow {
        number: r.get("number")?,
        query_code: r.get("query_code")?,
        service_code: r.get("service_code")?,
        service_name: r.get("service_name")?,
        place_id: r.get("place_id")?,
        place_name: r.get("place_name")?,
        place_address: r.get("place_address")?,
        date: r.get("date")?,
        start: ClockTime(r.get("start")?),
        end: ClockTime(r.get("end_at")?),
        kind: r.get::<_, SerdeText<SlotKind>>("kind")?.0,
        status: r.get::<_, SerdeText<AppointmentStatus>>("status")?.0,
        name: r.get("name")?,
        id_number: r.get("id_number")?,
        phone: r.get("phone")?,
        closure_reason: r.get("closure_reason")?,
    })
}

const BOOKED: SerdeText<AppointmentStatus> = SerdeText(AppointmentStatus::Booked);

pub fn insert(
    conn: &Connection,
    a: &AppointmentRow,
    booked_on: Date,
    now: i64,
) -> Result<(), AppError> {
    conn.execute(
        "INSERT INTO appointments (number, query_code, service_code, service_name, place_id,
            place_name, place_address, date, start, end_at, kind, status, name, id_number, phone,
            booked_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            a.number,
            a.query_code,
            a.service_code,
            a.service_name,
            a.place_id,
            a.place_name,
            a.place_address,
            a.date,
            a.start.0,
            a.end.0,
            SerdeText(a.kind),
            SerdeText(a.status),
            a.name,
            a.id_number,
            a.phone,
            booked_on,
            now
        ],
    )?;
    Ok(())
}

pub fn load(conn: &Connection, number: &str) -> Result<Option<AppointmentRow>, AppError> {
    Ok(conn
        .query_row(
            "SELECT * FROM appointments WHERE number = ?1",
            [number],
            from_row,
        )
        .optional()?)
}

pub fn query_code(conn: &Connection, number: &str) -> Result<Option<String>, AppError> {
    Ok(conn
        .query_row(
            "SELECT query_code FROM appointments WHERE number = ?1",
            [number],
            |r| r.get("query_code"),
        )
        .optional()?)
}

/// Active bookings of one slot.
pub fn booked_in_slot(
    conn: &Connection,
    place_id: &str,
    date: Date,
    start: ClockTime,
) -> Result<u32, AppError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) AS n FROM appointments
         WHERE place_id = ?1 AND date = ?2 AND start = ?3 AND status = ?4",
        params![place_id, date, start.0, BOOKED],
        |r| r.get("n"),
    )?)
}

/// Active bookings per (date, start) of a place between two dates.
pub fn booked_by_slot(
    conn: &Connection,
    place_id: &str,
    from: Date,
    to: Date,
) -> Result<Vec<(Date, ClockTime, u32)>, AppError> {
    let mut stmt = conn.prepare(
        "SELECT date, start, COUNT(*) AS n FROM appointments
         WHERE place_id = ?1 AND date BETWEEN ?2 AND ?3 AND status = ?4 GROUP BY date, start",
    )?;
    let rows = stmt.query_map(params![place_id, from, to, BOOKED], |r| {
        Ok((r.get("date")?, ClockTime(r.get("start")?), r.get("n")?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Slots a place's staff closed between two dates, with the reason.
pub fn closures(
    conn: &Connection,
    place_id: &str,
    from: Date,
    to: Date,
) -> Result<Vec<(Date, ClockTime, String)>, AppError> {
    let mut stmt = conn.prepare(
        "SELECT date, start, reason FROM slot_closures
         WHERE place_id = ?1 AND date BETWEEN ?2 AND ?3",
    )?;
    let rows = stmt.query_map(params![place_id, from, to], |r| {
        Ok((r.get("date")?, ClockTime(r.get("start")?), r.get("reason")?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn closure(
    conn: &Connection,
    place_id: &str,
    date: Date,
    start: ClockTime,
) -> Result<Option<String>, AppError> {
    Ok(conn
        .query_row(
            "SELECT reason FROM slot_closures WHERE place_id = ?1 AND date = ?2 AND start = ?3",
            params![place_id, date, start.0],
            |r| r.get("reason"),
        )
        .optional()?)
}

pub fn insert_closure(
    conn: &Connection,
    place_id: &str,
    date: Date,
    start: ClockTime,
    reason: &str,
    handler: &str,
    now: i64,
) -> Result<(), AppError> {
    conn.execute(
        "INSERT INTO slot_closures (place_id, date, start, reason, handler, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (place_id, date, start) DO UPDATE SET reason = excluded.reason,
            handler = excluded.handler",
        params![place_id, date, start.0, reason, handler, now],
    )?;
    Ok(())
}

/// Ends every active booking of a slot with the closure's reason; returns how many.
pub fn close_bookings(
    conn: &Connection,
    place_id: &str,
    date: Date,
    start: ClockTime,
    reason: &str,
    handler: &str,
) -> Result<usize, AppError> {
    Ok(conn.execute(
        "UPDATE appointments SET status = ?5, closure_reason = ?6, handler = ?7
         WHERE place_id = ?1 AND date = ?2 AND start = ?3 AND status = ?4",
        params![
            place_id,
            date,
            start.0,
            BOOKED,
            SerdeText(AppointmentStatus::Closed),
            reason,
            handler
        ],
    )?)
}

/// The active booking of this ID number for this service, if any.
pub fn active_for(
    conn: &Connection,
    id_number: &str,
    service_code: &str,
) -> Result<Option<String>, AppError> {
    Ok(conn
        .query_row(
            "SELECT number FROM appointments
             WHERE id_number = ?1 AND service_code = ?2 AND status = ?3",
            params![id_number, service_code, BOOKED],
            |r| r.get("number"),
        )
        .optional()?)
}

/// Bookings this ID number made on `day` (cancelled ones count: cancelling frees no quota).
pub fn booked_on(conn: &Connection, id_number: &str, day: Date) -> Result<u32, AppError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) AS n FROM appointments WHERE id_number = ?1 AND booked_on = ?2",
        params![id_number, day],
        |r| r.get("n"),
    )?)
}

pub fn set_status(
    conn: &Connection,
    number: &str,
    status: AppointmentStatus,
    handler: &str,
) -> Result<(), AppError> {
    conn.execute(
        "UPDATE appointments SET status = ?2, handler = ?3 WHERE number = ?1",
        params![number, SerdeText(status), handler],
    )?;
    Ok(())
}

pub fn move_to(
    conn: &Connection,
    number: &str,
    place: (&str, &str, &str),
    date: Date,
    slot: contract::appointment::SlotTime,
) -> Result<(), AppError> {
    conn.execute(
        "UPDATE appointments SET place_id = ?2, place_name = ?3, place_address = ?4, date = ?5,
            start = ?6, end_at = ?7, kind = ?8 WHERE number = ?1",
        params![
            number,
            place.0,
            place.1,
            place.2,
            date,
            slot.start.0,
            slot.end.0,
            SerdeText(slot.kind)
        ],
    )?;
    Ok(())
}

/// A day's appointments, of one place or all, in time order.
pub fn day_list(
    conn: &Connection,
    date: Date,
    place_id: Option<&str>,
) -> Result<Vec<AppointmentRow>, AppError> {
    let mut stmt = conn.prepare(
        "SELECT * FROM appointments WHERE date = ?1 AND (?2 IS NULL OR place_id = ?2)
         ORDER BY place_id, start, number",
    )?;
    let rows = stmt.query_map(params![date, place_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// `YY` + the booking day + a 5-digit daily sequence, e.g. YY2026113000001.
pub fn next_number(conn: &Connection, day: Date) -> Result<Option<String>, AppError> {
    let prefix = format!("YY{}", day.format("%Y%m%d"));
    let last: Option<String> = conn.query_row(
        "SELECT MAX(number) AS n FROM appointments WHERE number LIKE ?1 || '%'",
        [&prefix],
        |r| r.get("n"),
    )?;
    let seq = last
        .as_deref()
        .and_then(|n| n.get(prefix.len()..))
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(0)
        + 1;
    Ok((seq <= 99_999).then(|| format!("{prefix}{seq:05}")))
}

// 预审.

pub fn precheck_items(conn: &Connection, number: &str) -> Result<Vec<StaffPrecheckItem>, AppError> {
    let mut stmt = conn.prepare(
        "SELECT material_id, material_name, verdict, reason FROM precheck_items
         WHERE appointment_number = ?1 ORDER BY rowid",
    )?;
    let items: Vec<StaffPrecheckItem> = stmt
        .query_map([number], |r| {
            Ok(StaffPrecheckItem {
                material_id: r.get("material_id")?,
                material_name: r.get("material_name")?,
                upload_ids: Vec::new(),
                verdict: r.get::<_, SerdeText<PrecheckVerdict>>("verdict")?.0,
                reason: r.get("reason")?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut pages = conn.prepare(
        "SELECT upload_id FROM precheck_pages WHERE appointment_number = ?1 AND material_id = ?2
         ORDER BY page",
    )?;
    items
        .into_iter()
        .map(|mut item| {
            item.upload_ids = pages
                .query_map(params![number, item.material_id], |r| r.get("upload_id"))?
                .collect::<Result<_, _>>()?;
            Ok(item)
        })
        .collect()
}

/// Puts `upload_ids` as the pages of one material (the old ones are let go: the upload sweep
/// removes them a day later) and sets its verdict back to 待预审.
pub fn replace_pages(
    conn: &Connection,
    number: &str,
    material_id: &str,
    material_name: &str,
    upload_ids: &[String],
) -> Result<(), AppError> {
    conn.execute(
        "DELETE FROM precheck_pages WHERE appointment_number = ?1 AND material_id = ?2",
        params![number, material_id],
    )?;
    for (i, id) in upload_ids.iter().enumerate() {
        conn.execute(
            "INSERT INTO precheck_pages (upload_id, appointment_number, material_id, page)
             VALUES (?1, ?2, ?3, ?4)",
            params![id, number, material_id, i as i64],
        )?;
    }
    conn.execute(
        "INSERT INTO precheck_items (appointment_number, material_id, material_name, verdict, reason)
         VALUES (?1, ?2, ?3, ?4, '')
         ON CONFLICT (appointment_number, material_id) DO UPDATE SET verdict = excluded.verdict,
            reason = '', handler = NULL",
        params![
            number,
            material_id,
            material_name,
            SerdeText(PrecheckVerdict::Pending)
        ],
    )?;
    Ok(())
}

pub fn set_verdict(
    conn: &Connection,
    number: &str,
    material_id: &str,
    verdict: PrecheckVerdict,
    reason: &str,
    handler: &str,
) -> Result<bool, AppError> {
    Ok(conn.execute(
        "UPDATE precheck_items SET verdict = ?3, reason = ?4, handler = ?5
         WHERE appointment_number = ?1 AND material_id = ?2",
        params![number, material_id, SerdeText(verdict), reason, handler],
    )? == 1)
}

/// Whether an upload can become a pre-check page: it exists, no case holds it, and no
/// appointment does.
pub fn upload_free(conn: &Connection, upload_id: &str) -> Result<bool, AppError> {
    let free: Option<i64> = conn
        .query_row(
            "SELECT 1 AS ok FROM uploads WHERE id = ?1 AND case_number IS NULL
             AND id NOT IN (SELECT upload_id FROM precheck_pages)",
            [upload_id],
            |r| r.get("ok"),
        )
        .optional()?;
    Ok(free.is_some())
}

/// Pre-check photos follow application uploads: kept while they serve a visit, then let go so
/// the upload sweep deletes them. Let go: pages of appointments that ended (cancelled, closed)
/// and of appointment days more than `KEEP_DAYS` past.
pub fn release_old_pages(conn: &Connection, today: Date) -> Result<usize, AppError> {
    let before = today - contract::chrono::Days::new(KEEP_DAYS);
    Ok(conn.execute(
        "DELETE FROM precheck_pages WHERE appointment_number IN (
            SELECT number FROM appointments WHERE date < ?1 OR status IN (?2, ?3))",
        params![
            before,
            SerdeText(AppointmentStatus::Cancelled),
            SerdeText(AppointmentStatus::Closed)
        ],
    )?)
}

/// Days after the appointment day that its pre-check photos are kept (a visit put off by a
/// day or two still finds them).
pub const KEEP_DAYS: u64 = 7;
