//! `backend staff appointments …`: the staff appointment actions from a terminal, running the
//! same code as the staff API.

use contract::appointment::{
    AppointmentAction, ClockTime, OpeningHours, PrecheckDecision, PrecheckVerdict, SlotClosure,
    StaffAppointment,
};
use contract::calendar::WorkCalendar;
use contract::chrono::NaiveDate;
use rusqlite::Connection;

use super::{staff, status_label, Ctx};
use crate::http::error::AppError;

#[derive(clap::Subcommand, Debug, Clone)]
pub enum AppointmentCommand {
    /// 列出某日预约: --date YYYY-MM-DD [--place <place id>].
    List {
        #[arg(long)]
        date: NaiveDate,
        #[arg(long)]
        place: Option<String>,
    },
    /// 签到 (on the appointment's day).
    Arrive {
        number: String,
        #[arg(long)]
        handler: String,
    },
    /// 未到 (once the slot has begun).
    NoShow {
        number: String,
        #[arg(long)]
        handler: String,
    },
    /// 预审: --material <material id>=合格 or --material <material id>=需补正:<reason>, once per material.
    Precheck {
        number: String,
        #[arg(long)]
        handler: String,
        #[arg(long = "material", required = true, value_parser = parse_decision)]
        materials: Vec<PrecheckDecision>,
    },
    /// 停约一个时段: its bookings end with the reason, which citizens see.
    CloseSlot {
        #[arg(long)]
        place: String,
        #[arg(long)]
        date: NaiveDate,
        #[arg(long, value_parser = parse_time)]
        start: ClockTime,
        #[arg(long)]
        handler: String,
        #[arg(long)]
        reason: String,
    },
}

fn parse_time(s: &str) -> Result<ClockTime, String> {
    ClockTime::parse(s).ok_or_else(|| "expected HH:MM".into())
}

/// `id=合格` / `id=passed`, or `id=需补正:<reason>` / `id=needs-fix:<reason>`.
fn parse_decision(s: &str) -> Result<PrecheckDecision, String> {
    let (id, verdict) = s.split_once('=').ok_or_else(|| {
        "expected <material id>=合格 or <material id>=需补正:<reason>".to_string()
    })?;
    let (verdict, reason) = verdict.split_once([':', '：']).unwrap_or((verdict, ""));
    let verdict = match verdict.trim() {
        "合格" | "passed" => PrecheckVerdict::Passed,
        "需补正" | "needs-fix" | "needs_fix" => PrecheckVerdict::NeedsFix,
        other => return Err(format!("unknown verdict {other}: use 合格 or 需补正")),
    };
    Ok(PrecheckDecision {
        material_id: id.trim().to_string(),
        verdict,
        reason: reason.trim().to_string(),
    })
}

fn line(a: &StaffAppointment) -> String {
    let precheck: Vec<String> = a
        .precheck
        .iter()
        .map(|p| {
            let v = match p.verdict {
                PrecheckVerdict::Pending => "待预审",
                PrecheckVerdict::Passed => "合格",
                PrecheckVerdict::NeedsFix => "需补正",
            };
            format!("{}:{v}({}页)", p.material_id, p.upload_ids.len())
        })
        .collect();
    format!(
        "{}\t{}\t{}\t{}–{}\t{}\t{}\t{}\t{}\t{}",
        a.appointment_number,
        a.place_id,
        a.date,
        a.start,
        a.end,
        status_label(a.status),
        a.service_name,
        a.name,
        a.closure_reason.as_deref().unwrap_or(""),
        precheck.join(" ")
    )
}

pub fn execute(
    conn: &mut Connection,
    hours: &OpeningHours,
    calendar: &WorkCalendar,
    now: i64,
    command: AppointmentCommand,
) -> Result<String, AppError> {
    let cx = Ctx {
        hours,
        calendar,
        now,
    };
    let act = |conn: &mut Connection, number: String, action: AppointmentAction| {
        staff::act(conn, &cx, number.trim(), &action).map(|a| line(&a))
    };
    match command {
        AppointmentCommand::List { date, place } => Ok(staff::day(conn, date, place.as_deref())?
            .iter()
            .map(line)
            .collect::<Vec<_>>()
            .join("\n")),
        AppointmentCommand::Arrive { number, handler } => {
            act(conn, number, AppointmentAction::Arrive { handler })
        }
        AppointmentCommand::NoShow { number, handler } => {
            act(conn, number, AppointmentAction::NoShow { handler })
        }
        AppointmentCommand::Precheck {
            number,
            handler,
            materials,
        } => act(
            conn,
            number,
            AppointmentAction::Precheck {
                handler,
                decisions: materials,
            },
        ),
        AppointmentCommand::CloseSlot {
            place,
            date,
            start,
            handler,
            reason,
        } => {
            let closure = SlotClosure {
                place_id: place,
                date,
                start,
                handler,
                reason,
            };
            let n = staff::close_slot(conn, &cx, &closure)?;
            Ok(format!(
                "已停约 {} {} {}，受影响预约 {n} 个",
                closure.place_id, date, start
            ))
        }
    }
}
