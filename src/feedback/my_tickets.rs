//! 我的咨询与投诉: questions and complaints sent or looked up on this device, kept in
//! `localStorage` (`portal.my_tickets`) beside my cases, so that the query code never appears in
//! a URL: the ticket page at `/tickets/{number}` reads it from here.
//!
//! Each entry remembers whether an answer was known the last time the citizen looked, so that
//! a new answer shows as 有新答复 in the list. The list logic is pure and tested natively.

use serde::{Deserialize, Serialize};

use crate::storage::local;

const KEY: &str = "my_tickets";
/// Oldest tickets are dropped beyond this: the list stays a few kilobytes.
const MAX_TICKETS: usize = 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Inquiry,
    Complaint,
}

impl Kind {
    /// The kind of a ticket number, by its prefix (`ZX…`, `TS…`).
    pub fn of(ticket_number: &str) -> Option<Kind> {
        let upper = ticket_number.trim().to_ascii_uppercase();
        if upper.starts_with(contract::INQUIRY_PREFIX) {
            Some(Kind::Inquiry)
        } else if upper.starts_with(contract::COMPLAINT_PREFIX) {
            Some(Kind::Complaint)
        } else {
            None
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyTicket {
    pub ticket_number: String,
    pub query_code: String,
    pub kind: Kind,
    /// The service asked about, or what the complaint is about.
    pub title: String,
    /// An answer (reply) was known at the latest look-up.
    #[serde(default)]
    pub answered: bool,
    /// …and the citizen has seen it.
    #[serde(default)]
    pub seen_answer: bool,
}

impl MyTicket {
    pub fn has_news(&self) -> bool {
        self.answered && !self.seen_answer
    }
}

fn load() -> Vec<MyTicket> {
    local::get(KEY).unwrap_or_default()
}

fn save(tickets: &[MyTicket]) -> bool {
    local::set(KEY, &tickets)
}

pub fn list() -> Vec<MyTicket> {
    load()
}

pub fn get(ticket_number: &str) -> Option<MyTicket> {
    load()
        .into_iter()
        .find(|t| t.ticket_number == ticket_number)
}

/// Adds a ticket first in the list (or refreshes it); `false` if the device could not store it.
pub fn remember(ticket_number: &str, query_code: &str, kind: Kind, title: &str) -> bool {
    let mut tickets = load();
    upsert(&mut tickets, ticket_number, query_code, kind, title);
    save(&tickets)
}

/// A look-up learnt whether the ticket is answered; `seen` when the citizen is looking at it.
pub fn record(ticket_number: &str, answered: bool, seen: bool) {
    let mut tickets = load();
    if apply(&mut tickets, ticket_number, answered, seen) {
        save(&tickets);
    }
}

fn upsert(
    tickets: &mut Vec<MyTicket>,
    ticket_number: &str,
    query_code: &str,
    kind: Kind,
    title: &str,
) {
    let old = tickets
        .iter()
        .position(|t| t.ticket_number == ticket_number)
        .map(|i| tickets.remove(i));
    tickets.insert(
        0,
        MyTicket {
            ticket_number: ticket_number.trim().to_string(),
            query_code: query_code.trim().to_ascii_uppercase(),
            kind,
            title: title.to_string(),
            answered: old.as_ref().is_some_and(|o| o.answered),
            seen_answer: old.as_ref().is_some_and(|o| o.seen_answer),
        },
    );
    tickets.truncate(MAX_TICKETS);
}

fn apply(tickets: &mut [MyTicket], ticket_number: &str, answered: bool, seen: bool) -> bool {
    let Some(t) = tickets
        .iter_mut()
        .find(|t| t.ticket_number == ticket_number)
    else {
        return false;
    };
    let before = t.clone();
    t.answered = answered;
    if seen {
        t.seen_answer = answered;
    }
    *t != before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_by_the_prefix() {
        assert_eq!(Kind::of("ZX2026113000001"), Some(Kind::Inquiry));
        assert_eq!(Kind::of(" ts2026113000001"), Some(Kind::Complaint));
        assert_eq!(Kind::of("2026113000001"), None);
    }

    #[test]
    fn an_answer_is_news_until_seen() {
        let mut list = Vec::new();
        upsert(&mut list, "ZX1", "ab3k7mnp", Kind::Inquiry, "身份证换领");
        upsert(&mut list, "TS1", "CODE2", Kind::Complaint, "办件 1");
        assert_eq!(list[0].ticket_number, "TS1");
        assert_eq!(list[1].query_code, "AB3K7MNP");
        assert!(!list[1].has_news());
        assert!(apply(&mut list, "ZX1", true, false));
        assert!(list[1].has_news());
        assert!(!apply(&mut list, "ZX1", true, false), "nothing new");
        assert!(apply(&mut list, "ZX1", true, true));
        assert!(!list[1].has_news());
        // Looked up again on this device: the answer stays seen.
        upsert(&mut list, "ZX1", "AB3K7MNP", Kind::Inquiry, "身份证换领");
        assert_eq!(list[0].ticket_number, "ZX1");
        assert!(list[0].answered && !list[0].has_news());
        assert!(
            !apply(&mut list, "ZX9", true, true),
            "unknown tickets are left alone"
        );
        for i in 0..MAX_TICKETS + 3 {
            upsert(&mut list, &format!("ZX{i}9"), "C", Kind::Inquiry, "x");
        }
        assert_eq!(list.len(), MAX_TICKETS);
    }
}
