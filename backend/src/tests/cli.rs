use clap::Parser;

use super::*;
use crate::cases::cli::{execute, StaffCommand};
use crate::config::{Cli, Command};

fn parse_staff(args: &[&str]) -> StaffCommand {
    let cli = Cli::try_parse_from(args).unwrap();
    match cli.command {
        Some(Command::Staff(c)) => c,
        _ => panic!("no staff subcommand in {args:?}"),
    }
}

#[test]
fn serves_without_a_subcommand() {
    let cli = Cli::try_parse_from(["backend", "--addr", "0.0.0.0:9000"]).unwrap();
    assert!(cli.command.is_none());
    assert_eq!(cli.config.addr, "0.0.0.0:9000");
    // --data-dir may come after the subcommand too.
    let cli =
        Cli::try_parse_from(["backend", "staff", "list", "--data-dir", "/srv/portal"]).unwrap();
    assert_eq!(cli.config.data_dir, std::path::PathBuf::from("/srv/portal"));
    assert!(
        Cli::try_parse_from(["backend", "staff", "accept", "1"]).is_err(),
        "handler needed"
    );
    assert!(Cli::try_parse_from([
        "backend",
        "staff",
        "request-supplement",
        "1",
        "--handler",
        "张三"
    ])
    .is_err());
    assert!(Cli::try_parse_from([
        "backend",
        "staff",
        "start-special",
        "1",
        "--handler",
        "张三",
        "--procedure",
        "party",
        "--reason",
        "x"
    ])
    .is_err());
}

#[tokio::test]
async fn staff_commands_act_on_the_database() {
    let t = TestApp::new();
    let r = t.new_case().await;
    let n = r.case_number.as_str();
    let now = t.state.clock.now();
    let calendar = t.state.calendar.clone();
    let run = |args: &[&str]| {
        let command = parse_staff(args);
        t.state
            .db
            .with(|c| execute(c, &calendar, now, command))
            .unwrap()
    };

    let listed = run(&["backend", "staff", "list"]).unwrap();
    assert!(listed.contains(n) && listed.contains("待受理"), "{listed}");

    run(&[
        "backend",
        "staff",
        "accept",
        n,
        "--handler",
        "张三",
        "--opinion",
        "材料齐全",
    ])
    .unwrap();
    let out = run(&[
        "backend",
        "staff",
        "request-supplement",
        n,
        "--handler",
        "张三",
        "--material",
        "form=签名不清晰",
        "--material",
        "photo=照片模糊",
    ])
    .unwrap();
    let view: CaseView = serde_json::from_str(&out).unwrap();
    assert_eq!(view.status, CaseStatus::SupplementRequired);
    assert_eq!(view.supplements.len(), 2);
    assert_eq!(view.supplements[1].material_name, "现场照片");

    // An illegal move is refused with the same error as over HTTP.
    let err = run(&["backend", "staff", "approve", n, "--handler", "张三"]).unwrap_err();
    assert_eq!(err.body.code, ErrorCode::IllegalTransition);
    assert_eq!(err.body.message, "办件当前状态为“需补正”，不能变更为“准予”");

    let shown = run(&["backend", "staff", "show", n]).unwrap();
    let detail: StaffCaseDetail = serde_json::from_str(&shown).unwrap();
    assert_eq!(detail.application.applicant.id_number, ID_NUMBER);
    assert_eq!(t.lookup(&r).await.status, CaseStatus::SupplementRequired);
}
