//! `backend staff ...` commands for questions, complaints and follow-ups; they run the same code
//! as the staff API.

use contract::chrono::{DateTime, FixedOffset};
use contract::{ComplaintAction, FaqPublication, FollowUpAction, InquiryAnswer};
use rusqlite::Connection;

use super::{complaints, follow_ups, inquiries};
use crate::http::error::AppError;

#[derive(clap::Subcommand, Debug, Clone)]
pub enum FeedbackCommand {
    /// 列出咨询 (unanswered first).
    Inquiries,
    /// 答复咨询.
    Answer {
        ticket: String,
        #[arg(long)]
        handler: String,
        #[arg(long)]
        answer: String,
    },
    /// 发布到常见问题: the question and answer as the guide shows them, without personal data.
    Publish {
        ticket: String,
        #[arg(long)]
        question: String,
        #[arg(long)]
        answer: String,
    },
    /// 列出投诉 (unanswered first by deadline; 逾期 marks the overdue ones).
    Complaints,
    /// 投诉处理中: 已受理 → 处理中.
    StartComplaint {
        ticket: String,
        #[arg(long)]
        handler: String,
    },
    /// 答复投诉: → 已答复.
    ReplyComplaint {
        ticket: String,
        #[arg(long)]
        handler: String,
        #[arg(long)]
        reply: String,
    },
    /// 列出差评整改; --overdue for the overdue ones only.
    FollowUps {
        #[arg(long)]
        overdue: bool,
    },
    /// 回访: 待回访 → 已回访.
    Contact {
        number: String,
        #[arg(long)]
        handler: String,
        #[arg(long)]
        note: String,
    },
    /// 整改: 已回访 → 已整改.
    Rectify {
        number: String,
        #[arg(long)]
        handler: String,
        #[arg(long)]
        note: String,
    },
}

fn overdue_mark(overdue: bool) -> &'static str {
    if overdue {
        "\t逾期"
    } else {
        ""
    }
}

/// Runs one command at `now`; returns what to print.
pub fn execute(
    conn: &mut Connection,
    now: DateTime<FixedOffset>,
    command: FeedbackCommand,
) -> Result<String, AppError> {
    let today = now.date_naive();
    Ok(match command {
        FeedbackCommand::Inquiries => inquiries::list(conn)?
            .into_iter()
            .map(|q| {
                format!(
                    "{}\t{}\t{}\t{}",
                    q.inquiry.ticket_number,
                    if q.inquiry.answer.is_some() {
                        "已答复"
                    } else {
                        "待答复"
                    },
                    q.inquiry.service_name,
                    q.inquiry.question
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        FeedbackCommand::Answer {
            ticket,
            handler,
            answer,
        } => json(&inquiries::answer(
            conn,
            now,
            &ticket,
            &InquiryAnswer { handler, answer },
        )?)?,
        FeedbackCommand::Publish {
            ticket,
            question,
            answer,
        } => json(&inquiries::publish(
            conn,
            &ticket,
            &FaqPublication { question, answer },
        )?)?,
        FeedbackCommand::Complaints => complaints::list(conn, today)?
            .into_iter()
            .map(|c| {
                format!(
                    "{}\t{}\t{}\t{}\t答复期限 {}{}",
                    c.complaint.ticket_number,
                    c.complaint.status.label(),
                    c.complaint.category.label(),
                    c.complaint.about,
                    c.complaint.due_date,
                    overdue_mark(c.overdue)
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        FeedbackCommand::StartComplaint { ticket, handler } => json(&complaints::perform(
            conn,
            today,
            &ticket,
            &ComplaintAction::Start { handler },
        )?)?,
        FeedbackCommand::ReplyComplaint {
            ticket,
            handler,
            reply,
        } => json(&complaints::perform(
            conn,
            today,
            &ticket,
            &ComplaintAction::Reply { handler, reply },
        )?)?,
        FeedbackCommand::FollowUps { overdue } => follow_ups::list(conn, today, overdue)?
            .into_iter()
            .map(|f| {
                format!(
                    "{}\t{}\t{}分\t{}\t整改期限 {}{}",
                    f.case_number,
                    f.follow_up.status.label(),
                    f.score,
                    f.service_name,
                    f.follow_up.due_date,
                    overdue_mark(f.overdue)
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        FeedbackCommand::Contact {
            number,
            handler,
            note,
        } => json(&follow_ups::perform(
            conn,
            today,
            &number,
            &FollowUpAction::Contact { handler, note },
        )?)?,
        FeedbackCommand::Rectify {
            number,
            handler,
            note,
        } => json(&follow_ups::perform(
            conn,
            today,
            &number,
            &FollowUpAction::Rectify { handler, note },
        )?)?,
    })
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, AppError> {
    Ok(serde_json::to_string_pretty(value)?)
}
