//! A bundle's answers (情形) carried in the URL as `?s=opt1,opt2`, as a checklist's are, so a
//! shared link shows the same list.

pub(crate) use crate::checklist::situation::{
    answer, answers_form, answers_in_query, parse_answers, show_in_address, LimitTexts,
};

#[cfg(test)]
mod tests {
    use super::*;
    use contract::bundle::{BundleOption, BundleSituation};
    use contract::Bundle;

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
            parse_answers(&b.situations, "licence-yes,nope,family"),
            ["family", "licence-yes"]
        );
        // Two answers to one question (a hand-edited link): one is kept.
        assert_eq!(parse_answers(&b.situations, "family,individual").len(), 1);
        assert!(parse_answers(&b.situations, "").is_empty());
        let next = answer(
            &b.situations,
            &["family".into(), "licence-no".into()],
            "licence",
            "licence-yes",
        );
        assert_eq!(next, ["family", "licence-yes"]);
        assert_eq!(
            answer(&b.situations, &[], "form", "individual"),
            ["individual"]
        );
    }

    #[test]
    fn the_form_without_javascript_answers_as_the_link_does() {
        let b = bundle();
        let query = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        // One parameter per question, as the GET form sends them.
        assert_eq!(
            answers_in_query(
                &b.situations,
                query(&[("licence", "licence-yes"), ("form", "family")])
            ),
            ["family", "licence-yes"]
        );
        // The app's `s=` still reads; an unknown option or question is dropped.
        assert_eq!(
            answers_in_query(&b.situations, query(&[("s", "individual"), ("x", "y")])),
            ["individual"]
        );
        assert_eq!(
            answers_in_query(&b.situations, query(&[("form", "nope")])),
            Vec::<String>::new()
        );
    }
}
