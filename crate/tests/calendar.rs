//! The calendar against the research notes' tables for 2024–2027 (kz-calendar-mci-iin.md §4),
//! every date of them: the oracle is the notes, the data holds only holidays and orders.

use chrono::NaiveDate;
use tekser_rules::calendar::{is_working_day, special_days, Why};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Non-working weekdays per year, exactly as §4 lists them (weekend holidays are not weekdays).
const NON_WORKING_WEEKDAYS: &[(i32, &[&str])] = &[
    (2024, &["01-01", "01-02", "03-08", "03-21", "03-22", "03-25", "05-01", "05-07", "05-08", "05-09", "07-08", "08-30", "10-25", "12-16"]),
    (
        2025,
        &[
            "01-01", "01-02", "01-03", "01-07", "03-10", "03-21", "03-24", "03-25", "05-01", "05-07", "05-09", "06-06", "07-07", "09-01",
            "10-27", "12-16",
        ],
    ),
    (2026, &["01-01", "01-02", "01-07", "03-09", "03-23", "03-24", "03-25", "05-01", "05-07", "05-11", "05-27", "07-06", "10-26", "12-16"]),
    (2027, &["01-01", "01-04", "01-07", "03-08", "03-15", "03-22", "03-23", "03-24", "05-03", "05-07", "05-10", "07-06", "10-25", "12-16"]),
];

#[test]
fn non_working_weekdays_match_the_notes_every_date() {
    for (year, days) in NON_WORKING_WEEKDAYS {
        let want: Vec<NaiveDate> = days.iter().map(|md| d(&format!("{year}-{md}"))).collect();
        let mut got = Vec::new();
        let mut day = d(&format!("{year}-01-01"));
        while day.format("%Y").to_string() == year.to_string() {
            use chrono::Datelike;
            let weekday = !matches!(day.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun);
            if weekday && !is_working_day(day) {
                got.push(day);
            }
            day = day.succ_opt().unwrap();
        }
        assert_eq!(got, want, "{year}");
    }
}

#[test]
fn weekend_days_made_working_by_transfer_orders() {
    assert!(is_working_day(d("2024-05-04")), "Sat 4 May 2024 was a working day");
    assert!(is_working_day(d("2025-01-05")), "Sun 5 Jan 2025 was a working day");
    assert!(!is_working_day(d("2024-05-05")), "Sun 5 May 2024 stayed a day off");
}

#[test]
fn religious_days_off_are_not_moved() {
    // 7 Jan 2024 and Kurban Ait 16 Jun 2024 fell on Sundays: the Mondays were working days.
    assert!(is_working_day(d("2024-01-08")));
    assert!(is_working_day(d("2024-06-17")));
    // 30 Aug is no longer a holiday from 2026: Monday 31 Aug 2026 is a working day.
    assert!(is_working_day(d("2026-08-31")));
}

#[test]
fn moved_days_name_the_holiday_they_replace() {
    let days = special_days(2026);
    let nauryz: Vec<_> = days.iter().filter(|x| matches!(x.why, Why::HolidayMoved { .. })).map(|x| (x.date, x.why)).collect();
    assert!(nauryz.contains(&(d("2026-03-24"), Why::HolidayMoved { key: "nauryz_1", from: d("2026-03-21") })));
    assert!(nauryz.contains(&(d("2026-03-25"), Why::HolidayMoved { key: "nauryz_2", from: d("2026-03-22") })));
    assert!(days.iter().any(|x| x.date == d("2026-03-23") && matches!(x.why, Why::Holiday { key: "nauryz_3", .. })));
}

/// Years outside the cached tables (2000–2100) are classified by the same rule: weekends and
/// holidays are days off, an ordinary weekday works (mutation testing found this path untested).
#[test]
fn years_outside_the_tables_follow_the_same_rule() {
    // 1999-01-01 Friday (New Year), 1999-01-02 Saturday (New Year, moved to Monday 4th), Tuesday 5th.
    assert!(!is_working_day(d("1999-01-01")));
    assert!(!is_working_day(d("1999-01-02")));
    assert!(!is_working_day(d("1999-01-04")));
    assert!(is_working_day(d("1999-01-05")));
    // 2101-01-01 Saturday (New Year on a weekend), 2101-01-05 Wednesday.
    assert!(!is_working_day(d("2101-01-01")));
    assert!(is_working_day(d("2101-01-05")));
    assert_eq!(tekser_rules::calendar::why(d("2101-01-08")), Some(Why::Weekend), "Saturday 2101-01-08");
}

/// `why` names an ordinary weekend as such and an ordinary weekday as nothing special.
#[test]
fn why_names_weekends_and_leaves_ordinary_weekdays() {
    use tekser_rules::calendar::why;
    assert_eq!(why(d("2026-03-28")), Some(Why::Weekend), "Saturday");
    assert_eq!(why(d("2026-03-29")), Some(Why::Weekend), "Sunday");
    assert_eq!(why(d("2026-03-26")), None, "Thursday after Nauryz");
    assert_eq!(why(d("2099-06-10")), None, "Wednesday");
}

/// The special days of a year list each day once, in order, all in that year: holidays, moved
/// days, and a transfer order's day off and working day (which replace what the rule would say).
#[test]
fn special_days_list_transfers_once_in_date_order() {
    let days = special_days(2025);
    assert!(days.iter().all(|x| chrono::Datelike::year(&x.date) == 2025), "only 2025");
    assert!(days.windows(2).all(|w| w[0].date < w[1].date), "sorted, each date once");
    assert!(days.iter().any(|x| x.date == d("2025-01-01") && matches!(x.why, Why::Holiday { key: "new_year_1", .. })));
    let jan3 = days.iter().find(|x| x.date == d("2025-01-03")).expect("3 Jan 2025 listed");
    assert!(matches!(jan3.why, Why::TransferDayOff { working_day, .. } if working_day == d("2025-01-05")), "{jan3:?}");
    let jan5 = days.iter().find(|x| x.date == d("2025-01-05")).expect("5 Jan 2025 listed");
    assert!(matches!(jan5.why, Why::TransferWorkingDay { day_off, .. } if day_off == d("2025-01-03")), "{jan5:?}");
    // 2024: the working Saturday 4 May and the day off 8 May.
    let days = special_days(2024);
    assert!(days.iter().any(|x| x.date == d("2024-05-04") && matches!(x.why, Why::TransferWorkingDay { .. })));
    assert!(days.iter().any(|x| x.date == d("2024-05-08") && matches!(x.why, Why::TransferDayOff { .. })));
    assert!(days.iter().any(|x| x.date == d("2024-05-09") && matches!(x.why, Why::Holiday { .. })), "Victory Day kept");
}

/// `after_working_days` (which reads each year's table directly) is `next_working_day` taken `n`
/// times, from every day of 1999–2101 (across the cached years 2000–2100 and the rule outside
/// them, and every new year) for n up to 40, and at the end of chrono's days.
#[test]
fn after_working_days_is_next_working_day_n_times() {
    use tekser_rules::calendar::{after_working_days, next_working_day};
    let by_steps = |from: NaiveDate, n: u32| (0..n).try_fold(from, |day, _| next_working_day(day));
    let mut day = d("1999-01-01");
    let mut checked = 0;
    while day <= d("2101-12-31") {
        for n in [0, 1, 2, 3, 5, 10, 13, 15, 22, 40] {
            assert_eq!(after_working_days(day, n), by_steps(day, n), "{day} + {n}");
            checked += 1;
        }
        day = day.succ_opt().unwrap();
    }
    assert!(checked > 370_000);
    for n in [0, 1, 5] {
        assert_eq!(after_working_days(NaiveDate::MAX, n), by_steps(NaiveDate::MAX, n), "MAX + {n}");
        let near = NaiveDate::MAX.checked_sub_days(chrono::Days::new(3)).unwrap();
        assert_eq!(after_working_days(near, n), by_steps(near, n), "MAX - 3 + {n}");
    }
}
