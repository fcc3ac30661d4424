//! A bundle's answers (情形) carried in the URL as `?s=opt1,opt2`, as a checklist's are, so a
//! shared link shows the same list.

use contract::Bundle;

/// Parses `s=` into option ids of `bundle`, one per question at most, in question order.
pub fn parse_answers(bundle: &Bundle, raw: &str) -> Vec<String> {
    let wanted: Vec<&str> = raw.split(',').filter(|s| !s.is_empty()).collect();
    bundle
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

/// Replaces the answer to `question_id` with `option_id`, keeping the other answers.
pub fn answer(
    bundle: &Bundle,
    current: &[String],
    question_id: &str,
    option_id: &str,
) -> Vec<String> {
    bundle
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

#[cfg(test)]
mod tests {
    use super::*;
    use contract::bundle::{BundleOption, BundleSituation};

    fn bundle() -> Bundle {
        let option = |id: &str| BundleOption {
            id: id.into(),
            label: id.into(),
            adds: vec![],
            removes: vec![],
        };
        let question = |id: &str, options: &[&str]| BundleSituation {
            id: id.into(),
            question: id.into(),
            options: options.iter().map(|o| option(o)).collect(),
        };
        Bundle {
            id: "b".into(),
            name: "b".into(),
            description: String::new(),
            basis: vec![],
            lead_department: String::new(),
            services: vec![],
            situations: vec![
                question("form", &["individual", "family"]),
                question("licence", &["licence-no", "licence-yes"]),
            ],
            shared_materials: vec![],
            promised_limit: contract::TimeLimit::OnTheSpot,
        }
    }

    #[test]
    fn answers_keep_one_known_option_per_question_in_order() {
        let b = bundle();
        assert_eq!(
            parse_answers(&b, "licence-yes,nope,family"),
            ["family", "licence-yes"]
        );
        // Two answers to one question (a hand-edited link): one is kept.
        assert_eq!(parse_answers(&b, "family,individual").len(), 1);
        assert!(parse_answers(&b, "").is_empty());
        let next = answer(
            &b,
            &["family".into(), "licence-no".into()],
            "licence",
            "licence-yes",
        );
        assert_eq!(next, ["family", "licence-yes"]);
        assert_eq!(answer(&b, &[], "form", "individual"), ["individual"]);
    }
}
