//! Free places per slot over the booking window, and the next free slot.

use std::collections::HashMap;

use contract::appointment::{
    Availability, ClockTime, NextFree, PlaceAvailability, PlaceHours, Slot, SlotDay,
};
use contract::chrono::{Days, NaiveDate};
use contract::Service;
use rusqlite::Connection;

use super::{store, unix_at, Ctx};
use crate::http::error::AppError;

/// The days a booking may fall on: today (for slots still ahead) to `booking_days` ahead.
pub fn window(cx: &Ctx) -> (NaiveDate, NaiveDate) {
    let today = cx.today();
    let last = today
        .checked_add_days(Days::new(u64::from(cx.hours.booking_days)))
        .unwrap_or(today);
    (today, last)
}

/// Every bookable day of one place with each slot's free places.
pub fn place_days(
    conn: &Connection,
    cx: &Ctx,
    place: &PlaceHours,
) -> Result<Vec<SlotDay>, AppError> {
    let (first, last) = window(cx);
    let booked: HashMap<(NaiveDate, ClockTime), u32> =
        store::booked_by_slot(conn, &place.id, first, last)?
            .into_iter()
            .map(|(d, s, n)| ((d, s), n))
            .collect();
    let closed: HashMap<(NaiveDate, ClockTime), String> =
        store::closures(conn, &place.id, first, last)?
            .into_iter()
            .map(|(d, s, r)| ((d, s), r))
            .collect();
    let mut days = Vec::new();
    for date in first.iter_days().take_while(|d| *d <= last) {
        let slots: Vec<Slot> = place
            .slots_on(cx.calendar, date)
            .into_iter()
            .filter(|s| unix_at(date, s.start) > cx.now)
            .map(|s| Slot {
                date,
                start: s.start,
                end: s.end,
                kind: s.kind,
                left: u32::from(place.capacity)
                    .saturating_sub(booked.get(&(date, s.start)).copied().unwrap_or(0)),
                closed: closed.get(&(date, s.start)).cloned(),
            })
            .collect();
        if !slots.is_empty() {
            days.push(SlotDay {
                date,
                holiday: cx.calendar.holiday_name(date).map(str::to_string),
                slots,
            });
        }
    }
    Ok(days)
}

pub fn availability(
    conn: &Connection,
    cx: &Ctx,
    service: &Service,
) -> Result<Availability, AppError> {
    let mut places = Vec::new();
    for guide_place in &service.places {
        let Some(hours) = cx.hours.place_named(&guide_place.name) else {
            continue;
        };
        places.push(PlaceAvailability {
            place_id: hours.id.clone(),
            name: guide_place.name.clone(),
            address: guide_place.address.clone(),
            hours: guide_place.hours.clone(),
            days: place_days(conn, cx, hours)?,
        });
    }
    let next_free = earliest(&places);
    Ok(Availability {
        service_code: service.code.clone(),
        service_name: service.name.clone(),
        cutoff_minutes: cx.hours.cutoff_minutes,
        places,
        next_free,
    })
}

/// The earliest open slot with a free place, over all places (the first listed wins a tie).
pub fn earliest(places: &[PlaceAvailability]) -> Option<NextFree> {
    earliest_after(places, None)
}

/// `earliest`, among the slots after `after` (a date and start) when given.
pub fn earliest_after(
    places: &[PlaceAvailability],
    after: Option<(NaiveDate, ClockTime)>,
) -> Option<NextFree> {
    places
        .iter()
        .filter_map(|p| {
            p.days
                .iter()
                .flat_map(|d| &d.slots)
                .find(|s| {
                    s.left > 0 && s.closed.is_none() && after.is_none_or(|a| (s.date, s.start) > a)
                })
                .map(|s| NextFree {
                    place_id: p.place_id.clone(),
                    place_name: p.name.clone(),
                    date: s.date,
                    start: s.start,
                    end: s.end,
                    kind: s.kind,
                })
        })
        .min_by_key(|n| (n.date, n.start))
}

pub fn next_free(
    conn: &Connection,
    cx: &Ctx,
    service: &Service,
) -> Result<Option<NextFree>, AppError> {
    Ok(availability(conn, cx, service)?.next_free)
}

/// The free slot that follows a full one (the citizen chose that time of the week), or else
/// the earliest one.
pub fn next_free_after(
    conn: &Connection,
    cx: &Ctx,
    service: &Service,
    date: NaiveDate,
    start: ClockTime,
) -> Result<Option<NextFree>, AppError> {
    let a = availability(conn, cx, service)?;
    Ok(earliest_after(&a.places, Some((date, start))).or(a.next_free))
}
