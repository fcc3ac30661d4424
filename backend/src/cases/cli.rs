//! `backend staff ...`: the staff actions from a terminal, on the database in --data-dir.
//! They run the same code as the HTTP staff API (`cases::actions`).

use contract::calendar::WorkCalendar;
use contract::{SpecialProcedureKind, StaffAction, SupplementRequest};
use rusqlite::Connection;

use crate::cases::actions;
use crate::clock::Clock;
use crate::config::Config;
use crate::db::Db;
use crate::http::error::AppError;

#[derive(clap::Subcommand, Debug, Clone)]
pub enum StaffCommand {
    /// 预约: a day's list, 签到 / 未到, 预审, closing a slot.
    #[command(subcommand)]
    Appointments(crate::appointments::cli::AppointmentCommand),
    /// 列出全部办件 (newest first).
    List,
    /// 查看办件详情, with the unmasked application, as JSON.
    Show { number: String },
    /// 受理: 待受理 → 已受理.
    Accept {
        number: String,
        #[arg(long)]
        handler: String,
        #[arg(long, default_value = "")]
        opinion: String,
    },
    /// 不予受理: 待受理 → 不予受理.
    RefuseIntake {
        number: String,
        #[arg(long)]
        handler: String,
        #[arg(long)]
        reason: String,
    },
    /// 开始审查: 已受理 → 审查中.
    StartReview {
        number: String,
        #[arg(long)]
        handler: String,
        #[arg(long, default_value = "")]
        opinion: String,
    },
    /// 需补正: --material <material id>=<reason>, once per material.
    RequestSupplement {
        number: String,
        #[arg(long)]
        handler: String,
        #[arg(long = "material", required = true, value_parser = parse_item)]
        materials: Vec<SupplementRequest>,
    },
    /// 特别程序: --procedure hearing | inspection | expert-review.
    StartSpecial {
        number: String,
        #[arg(long)]
        handler: String,
        #[arg(long, value_parser = parse_procedure)]
        procedure: SpecialProcedureKind,
        #[arg(long)]
        reason: String,
    },
    /// 特别程序结束: 特别程序 → 审查中.
    EndSpecial {
        number: String,
        #[arg(long)]
        handler: String,
        #[arg(long, default_value = "")]
        opinion: String,
    },
    /// 准予.
    Approve {
        number: String,
        #[arg(long)]
        handler: String,
        #[arg(long, default_value = "")]
        opinion: String,
    },
    /// 不予许可.
    Refuse {
        number: String,
        #[arg(long)]
        handler: String,
        #[arg(long)]
        reason: String,
    },
    /// 送达; --tracking is required when the result goes by post.
    Deliver {
        number: String,
        #[arg(long)]
        handler: String,
        #[arg(long)]
        tracking: Option<String>,
    },
    /// 咨询, 投诉 and 差评整改.
    #[command(flatten)]
    Feedback(crate::feedback::cli::FeedbackCommand),
}

fn parse_item(s: &str) -> Result<SupplementRequest, String> {
    let (id, reason) = s
        .split_once('=')
        .ok_or_else(|| "expected <material id>=<reason>".to_string())?;
    Ok(SupplementRequest {
        material_id: id.trim().to_string(),
        reason: reason.trim().to_string(),
    })
}

/// The JSON name (`expert_review`, or `expert-review` as options are usually spelled) or the
/// Chinese name (专家评审).
fn parse_procedure(s: &str) -> Result<SpecialProcedureKind, String> {
    let by_name = serde_json::from_value(serde_json::Value::String(s.replace('-', "_")));
    by_name
        .ok()
        .or_else(|| {
            SpecialProcedureKind::ALL
                .into_iter()
                .find(|p| crate::cases::labels::procedure_label(*p) == s)
        })
        .ok_or_else(|| "expected hearing, inspection or expert-review".into())
}

impl StaffCommand {
    /// The case number and action, for the commands that change a case.
    fn action(self) -> Option<(String, StaffAction)> {
        use StaffAction as A;
        Some(match self {
            StaffCommand::List
            | StaffCommand::Show { .. }
            | StaffCommand::Appointments(_)
            | StaffCommand::Feedback(_) => return None,
            StaffCommand::Accept {
                number,
                handler,
                opinion,
            } => (number, A::Accept { handler, opinion }),
            StaffCommand::RefuseIntake {
                number,
                handler,
                reason,
            } => (number, A::RefuseIntake { handler, reason }),
            StaffCommand::StartReview {
                number,
                handler,
                opinion,
            } => (number, A::StartReview { handler, opinion }),
            StaffCommand::RequestSupplement {
                number,
                handler,
                materials,
            } => (
                number,
                A::RequestSupplement {
                    handler,
                    items: materials,
                },
            ),
            StaffCommand::StartSpecial {
                number,
                handler,
                procedure,
                reason,
            } => (
                number,
                A::StartSpecialProcedure {
                    handler,
                    procedure,
                    reason,
                },
            ),
            StaffCommand::EndSpecial {
                number,
                handler,
                opinion,
            } => (number, A::EndSpecialProcedure { handler, opinion }),
            StaffCommand::Approve {
                number,
                handler,
                opinion,
            } => (number, A::Approve { handler, opinion }),
            StaffCommand::Refuse {
                number,
                handler,
                reason,
            } => (number, A::Refuse { handler, reason }),
            StaffCommand::Deliver {
                number,
                handler,
                tracking,
            } => (
                number,
                A::Deliver {
                    handler,
                    tracking_number: tracking,
                },
            ),
        })
    }
}

/// Runs one command and returns what to print.
pub fn execute(
    conn: &mut Connection,
    calendar: &WorkCalendar,
    now: i64,
    command: StaffCommand,
) -> Result<String, AppError> {
    match command {
        StaffCommand::List => Ok(actions::list(conn)?
            .into_iter()
            .map(|c| {
                format!(
                    "{}\t{}\t{}\t{}\t{}",
                    c.case_number,
                    crate::cases::labels::status_label(c.status),
                    c.service_name,
                    c.applicant_name,
                    c.submitted_at
                )
            })
            .collect::<Vec<_>>()
            .join("\n")),
        // The number of a 一件事 case shows the whole with its tracks; staff act on a track.
        StaffCommand::Show { number } => {
            let today = crate::clock::china_time(now).date_naive();
            let reader = crate::cases::view::Reader::Staff;
            match crate::cases::bundle::view(conn, calendar, &number, today, reader)? {
                Some(whole) => Ok(serde_json::to_string_pretty(&whole)?),
                None => Ok(serde_json::to_string_pretty(&actions::detail(
                    conn, calendar, now, &number,
                )?)?),
            }
        }
        StaffCommand::Feedback(command) => {
            crate::feedback::cli::execute(conn, crate::clock::china_time(now), command)
        }
        other => {
            let Some((number, action)) = other.action() else {
                return Err(AppError::internal(anyhow::anyhow!(
                    "command without an action"
                )));
            };
            let view = actions::perform(conn, calendar, now, &number, &action)?;
            Ok(serde_json::to_string_pretty(&view)?)
        }
    }
}

pub fn run(config: &Config, command: StaffCommand) -> anyhow::Result<()> {
    let db = Db::open(&config.data_dir)?;
    db.with(crate::catalog::service_items::seed_or_update)??;
    let calendar = crate::calendar::load(&config.data_dir)?;
    let now = Clock::default().now();
    let result = match command {
        StaffCommand::Appointments(command) => {
            let hours = crate::appointments::hours::load(&config.data_dir)?;
            db.with(|c| crate::appointments::cli::execute(c, &hours, &calendar, now, command))?
        }
        other => db.with(|c| execute(c, &calendar, now, other))?,
    };
    match result {
        Ok(out) => {
            if !out.is_empty() {
                println!("{out}");
            }
            Ok(())
        }
        Err(e) => {
            e.log();
            // The message, the field errors and an internal error's cause (see `Display`).
            anyhow::bail!("{e}")
        }
    }
}
