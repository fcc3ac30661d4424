//! Situation answers (情形) carried in the URL as `?s=opt1,opt2`, so a shared link shows the same list.

use contract::Service;

/// Parses `s=` into option ids that exist in `service`, one per question at most.
pub fn parse_answers(service: &Service, raw: &str) -> Vec<String> {
    let wanted: Vec<&str> = raw.split(',').filter(|s| !s.is_empty()).collect();
    service
        .situations
        .iter()
        .filter_map(|q| {
            q.options
                .iter()
                .find(|o| wanted.contains(&o.id.as_str()))
                .map(|o| o.id.clone())
        })
        .collect()
}

/// Replaces the answer of question `question_id` with `option_id`, keeping question order.
pub fn answer(
    service: &Service,
    current: &[String],
    question_id: &str,
    option_id: &str,
) -> Vec<String> {
    service
        .situations
        .iter()
        .filter_map(|q| {
            if q.id == question_id {
                Some(option_id.to_string())
            } else {
                q.options
                    .iter()
                    .find(|o| current.contains(&o.id))
                    .map(|o| o.id.clone())
            }
        })
        .collect()
}

/// Whether every question has an answer (only then is the list complete).
pub fn all_answered(service: &Service, answers: &[String]) -> bool {
    service
        .situations
        .iter()
        .all(|q| q.options.iter().any(|o| answers.contains(&o.id)))
}
