//! A review session in the reader with the clock moved forward
//! (TERAKOYA_NOW): tick three points, jump 30 days, rate all three
//! differently, quit; `review --json` then orders their next due dates as
//! the ratings say (again first, easy last).

use std::path::Path;

use assert_cmd::Command;

use crate::pty_support::Reader;

const TICKED_AT: &str = "2026-11-01T09:00:00Z";
const MONTH_LATER: &str = "2026-12-01T09:00:00Z";
const MUCH_LATER: &str = "2027-06-01T09:00:00Z";

fn lessons_dir() -> String {
    format!("{}/lessons", env!("CARGO_MANIFEST_DIR"))
}

fn reader(data: &Path, now: &str) -> Reader {
    let data_dir = data.to_str().unwrap();
    let lessons = lessons_dir();
    Reader::spawn(
        &["--data-dir", data_dir, "--lessons", &lessons],
        &[("TERAKOYA_NOW", now), ("TZ", "UTC")],
    )
}

fn review_json(data: &Path, now: &str) -> serde_json::Value {
    let output = Command::cargo_bin("terakoya")
        .unwrap()
        .env_remove("TERAKOYA_DATA_DIR")
        .env("TERAKOYA_NOW", now)
        .env("TZ", "UTC")
        .env("TERAKOYA_CONFIG", "/nonexistent")
        .args([
            "--lessons",
            &lessons_dir(),
            "review",
            "--json",
            "--data-dir",
        ])
        .arg(data)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn a_month_later_three_ratings_schedule_three_due_dates_in_order() {
    let data = tempfile::tempdir().unwrap();
    let mut first = reader(data.path(), TICKED_AT);
    first.wait_for_text("Enter open");
    first.send(crate::pty_support::OPEN_SNS);
    first.wait_for_text("Introduction");
    first.send("\t");
    first.wait_for_text("Summary 0/6");
    first.send("x");
    first.wait_for_text("Summary 1/6");
    first.send("jx");
    first.wait_for_text("Summary 2/6");
    first.send("jx");
    first.wait_for_text("Summary 3/6");
    first.send("q");
    assert_eq!(first.wait_exit(), 0);

    let mut later = reader(data.path(), MONTH_LATER);
    later.wait_for_text("Review: 3 due");
    later.send("r");
    later.wait_for_text("3 left");
    // The supporting text shows on Space; the intervals are in the status.
    later.send(" ");
    later.wait_for_text("3 good →");
    later.send("1");
    later.wait_for_text("2 left");
    later.send("3");
    later.wait_for_text("1 left");
    later.send("4");
    later.wait_for_text("Review done");
    later.send("q");
    assert_eq!(later.wait_exit(), 0);

    // Nothing is due any more that day; the "again" card tomorrow.
    let now = review_json(data.path(), MONTH_LATER);
    assert_eq!(now["now"], MONTH_LATER);
    assert_eq!(now["due"].as_array().unwrap().len(), 0, "{now}");
    let days = now["next_7_days"].as_array().unwrap();
    assert_eq!(days.len(), 7);
    assert_eq!(days[0]["date"], "2026-12-02");
    assert_eq!(days[0]["count"], 1, "{now}");

    // Months later all three are due, soonest first: again, good, easy.
    let much_later = review_json(data.path(), MUCH_LATER);
    let due = much_later["due"].as_array().unwrap();
    assert_eq!(due.len(), 3, "{much_later}");
    let dates: Vec<&str> = due.iter().map(|d| d["due"].as_str().unwrap()).collect();
    assert!(dates[0] < dates[1] && dates[1] < dates[2], "{dates:?}");
    let points: Vec<&str> = due.iter().map(|d| d["point"].as_str().unwrap()).collect();
    let progress = std::fs::read_to_string(data.path().join("progress.toml")).unwrap();
    for (point, rating) in points.iter().zip(["again", "good", "easy"]) {
        let line = progress
            .lines()
            .find(|l| l.starts_with(&format!("{point} =")))
            .unwrap_or_else(|| panic!("{point} has a log:\n{progress}"));
        assert!(line.contains(rating), "{point}: {line}");
    }
}
