use super::*;
use jiff::civil::date;

fn cal() -> Calendar {
    Calendar::builtin()
}

fn working_days_in_year(c: &Calendar, year: i16) -> i64 {
    let last_of_prev = date(year - 1, 12, 31);
    c.working_days_after(last_of_prev, date(year, 12, 31))
        .expect("year loaded")
}

const WORKING: TimeLimit = TimeLimit {
    days: 20,
    working: true,
};

#[test]
fn builtin_parses_and_has_three_years() {
    assert_eq!(Calendar::parse(BUILTIN).map(|c| c.years().count()), Ok(3));
    assert_eq!(cal().years().collect::<Vec<_>>(), vec![2024, 2025, 2026]);
}

#[test]
fn annual_working_day_totals_match_the_notices() {
    let c = cal();
    assert_eq!(working_days_in_year(&c, 2024), 251);
    assert_eq!(working_days_in_year(&c, 2025), 248);
    assert_eq!(working_days_in_year(&c, 2026), 248);
}

#[test]
fn holiday_and_makeup_days_counts_per_year() {
    let c = cal();
    let counts = |y| {
        let t = c.year(y).expect("loaded");
        (t.holidays().count(), t.workdays().count())
    };
    assert_eq!(counts(2024), (1 + 8 + 3 + 5 + 3 + 3 + 7, 8));
    assert_eq!(counts(2025), (1 + 8 + 3 + 5 + 3 + 8, 5));
    assert_eq!(counts(2026), (3 + 9 + 3 + 5 + 3 + 3 + 7, 6));
}

#[test]
fn sources_name_the_notice() {
    let c = cal();
    assert!(
        c.year(2024)
            .is_some_and(|t| t.source().contains("国办发明电〔2023〕7号"))
    );
    assert!(
        c.year(2025)
            .is_some_and(|t| t.source().contains("国办发明电〔2024〕12号"))
    );
}

#[test]
fn weekdays_weekends_holidays_and_makeup_days() {
    let c = cal();
    assert_eq!(c.is_working_day(date(2026, 3, 2)), Ok(true)); // Monday
    assert_eq!(c.is_working_day(date(2026, 3, 7)), Ok(false)); // Saturday
    assert_eq!(c.is_working_day(date(2026, 10, 1)), Ok(false)); // 国庆
    assert_eq!(c.is_working_day(date(2026, 10, 10)), Ok(true)); // 调休 Saturday
    assert_eq!(c.is_working_day(date(2026, 1, 4)), Ok(true)); // 调休 Sunday
    assert_eq!(c.is_working_day(date(2025, 1, 28)), Ok(false)); // 除夕 2025
    // 除夕 2024 (a Friday) was not granted: employers were only encouraged to give it off.
    assert_eq!(c.is_working_day(date(2024, 2, 9)), Ok(true));
}

#[test]
fn missing_year_is_an_error_not_a_guess() {
    let c = cal();
    assert_eq!(c.is_working_day(date(2027, 3, 1)), Err(MissingYear(2027)));
    assert_eq!(c.is_working_day(date(2023, 6, 1)), Err(MissingYear(2023)));
    assert_eq!(
        c.working_days_after(date(2026, 12, 20), date(2027, 1, 10)),
        Err(MissingYear(2027))
    );
    assert_eq!(c.add_working_days(date(2026, 12, 20), 20), Err(MissingYear(2027)));
    assert!(MissingYear(2027).message_zh().contains("2027"));
}

#[test]
fn first_day_is_not_counted() {
    let c = cal();
    // Monday → Tuesday: one working day; the Monday itself does not count.
    assert_eq!(c.working_days_after(date(2026, 3, 2), date(2026, 3, 3)), Ok(1));
    assert_eq!(c.working_days_after(date(2026, 3, 2), date(2026, 3, 2)), Ok(0));
    assert_eq!(c.working_days_after(date(2026, 3, 3), date(2026, 3, 2)), Ok(-1));
    // Only the counted days need a table: 2023-12-31 itself is never looked up.
    assert_eq!(c.working_days_after(date(2023, 12, 31), date(2024, 1, 2)), Ok(1));
}

#[test]
fn twenty_working_days_across_national_day() {
    let c = cal();
    // Formed Friday 2026-09-18. 9-20 (Sun) is a make-up day; 9-25..27 and 10-1..7 off;
    // 10-10 (Sat) a make-up day.
    let end = c.add_working_days(date(2026, 9, 18), 20);
    assert_eq!(end, Ok(date(2026, 10, 22)));
    assert_eq!(c.working_days_after(date(2026, 9, 18), date(2026, 10, 22)), Ok(20));
}

#[test]
fn add_zero_working_days_is_the_same_day() {
    assert_eq!(cal().add_working_days(date(2026, 10, 3), 0), Ok(date(2026, 10, 3)));
}

#[test]
fn calendar_period_ending_on_a_rest_day_moves_on() {
    let c = cal();
    // 7 days from 2026-09-25 is 10-02, inside 国庆: the period ends 10-08 (民法典 Art. 203).
    assert_eq!(c.add_calendar_days(date(2026, 9, 25), 7), Ok(date(2026, 10, 8)));
    // Ending on a Saturday moves to Monday.
    assert_eq!(c.add_calendar_days(date(2026, 3, 2), 5), Ok(date(2026, 3, 9)));
    // Ending on a working day stays.
    assert_eq!(c.add_calendar_days(date(2026, 3, 2), 3), Ok(date(2026, 3, 5)));
    assert_eq!(c.add_calendar_days(date(2026, 12, 28), 7), Err(MissingYear(2027)));
}

#[test]
fn days_late_working() {
    let c = cal();
    let formed = date(2026, 3, 2); // Monday
    // 20 working days after Monday 3-2 is Monday 3-30.
    assert_eq!(c.deadline(formed, WORKING), Ok(date(2026, 3, 30)));
    assert_eq!(c.days_late(formed, date(2026, 3, 30), WORKING), Ok(0));
    assert_eq!(c.days_late(formed, date(2026, 3, 10), WORKING), Ok(0));
    assert_eq!(c.days_late(formed, date(2026, 3, 31), WORKING), Ok(1));
    assert_eq!(c.days_late(formed, date(2026, 4, 8), WORKING), Ok(6));
    // Published before formed is not "late" (other rules catch it).
    assert_eq!(c.days_late(formed, date(2026, 2, 1), WORKING), Ok(0));
}

#[test]
fn late_on_a_weekend_is_at_least_one_day_late() {
    let c = cal();
    let limit = TimeLimit { days: 5, working: true };
    // Monday 3-2 + 5 working days = Monday 3-9; published Saturday 3-14 counts as Monday
    // 3-16: late by 3-10..3-13 and 3-16.
    assert_eq!(c.days_late(date(2026, 3, 2), date(2026, 3, 14), limit), Ok(5));
    // Deadline Friday 3-6 (4 working days); published Saturday 3-7.
    let four = TimeLimit { days: 4, working: true };
    assert_eq!(c.days_late(date(2026, 3, 2), date(2026, 3, 7), four), Ok(1));
}

#[test]
fn days_late_calendar() {
    let c = cal();
    let seven = TimeLimit {
        days: 7,
        working: false,
    };
    assert_eq!(c.days_late(date(2026, 3, 2), date(2026, 3, 9), seven), Ok(0));
    assert_eq!(c.days_late(date(2026, 3, 2), date(2026, 3, 12), seven), Ok(3));
    // Deadline moved past 国庆 to 10-08: publishing on 10-08 is on time.
    assert_eq!(c.days_late(date(2026, 9, 25), date(2026, 10, 8), seven), Ok(0));
}

#[test]
fn days_late_needs_the_years_it_touches() {
    let c = cal();
    assert_eq!(
        c.days_late(date(2026, 12, 15), date(2027, 1, 30), WORKING),
        Err(MissingYear(2027))
    );
    assert_eq!(
        c.days_late(date(2023, 11, 1), date(2023, 12, 1), WORKING),
        Err(MissingYear(2023))
    );
}

#[test]
fn site_file_adds_a_year_and_wins_on_conflict() {
    let site = "[2027]\nsource = \"示例\"\nholidays = [\"2027-01-01\"]\nworkdays = []\n\n\
                [2026]\nsource = \"本地更正\"\nholidays = []\nworkdays = []\n";
    let mut c = cal();
    c.merge(Calendar::parse(site).expect("valid"));
    assert_eq!(c.is_working_day(date(2027, 1, 1)), Ok(false));
    assert_eq!(c.is_working_day(date(2027, 1, 4)), Ok(true));
    // The site's 2026 replaced the built-in one entirely.
    assert_eq!(c.is_working_day(date(2026, 10, 1)), Ok(true));
    assert_eq!(c.year(2026).map(YearTable::source), Some("本地更正"));
    assert_eq!(c.year(2025).map(|t| t.holidays().count()), Some(28));
}

#[test]
fn empty_file_is_an_empty_calendar() {
    let c = Calendar::parse("# nothing yet\n").expect("valid");
    assert_eq!(c.years().count(), 0);
    assert_eq!(c.is_working_day(date(2026, 1, 5)), Err(MissingYear(2026)));
}

fn err(text: &str) -> CalendarError {
    Calendar::parse(text).expect_err("should fail")
}

#[test]
fn syntax_error_has_line_and_column() {
    let e = err("[2026]\nsource = \"x\"\nholidays = [\"2026-01-01\"\n");
    assert_eq!(e.line, 3, "{e}");
    let e = err("[2026]\nsource = x\n");
    assert_eq!((e.line, e.column), (2, 10), "{e}");
}

#[test]
fn bad_date_points_at_the_entry() {
    let e = err("[2026]\nsource = \"x\"\nholidays = [\"2026-01-01\", \"2026-02-30\"]\n");
    assert_eq!((e.line, e.column), (3, 27), "{e}");
    assert!(e.message.contains("2026-02-30"), "{e}");
    let e = err("[2026]\nsource = \"x\"\nholidays = [\"2026/1/1\"]\n");
    assert!(e.message.contains("YYYY-MM-DD"), "{e}");
}

#[test]
fn column_counts_characters_not_bytes() {
    let e = err("[2026]\nsource = \"通知\"\nholidays = [\"2026-13-01\"] # 元旦\n");
    assert_eq!((e.line, e.column), (3, 13), "{e}");
    let e = err("[2026]\nsource = \"通知\"; holidays = []\n");
    assert_eq!(e.line, 2, "{e}");
}

#[test]
fn date_in_the_wrong_year_is_an_error() {
    let e = err("[2026]\nsource = \"x\"\nholidays = [\"2025-12-31..2026-01-02\"]\n");
    assert!(e.message.contains("not in 2026"), "{e}");
}

#[test]
fn backwards_range_is_an_error() {
    let e = err("[2026]\nsource = \"x\"\nholidays = [\"2026-02-23..2026-02-15\"]\n");
    assert!(e.message.contains("ends before"), "{e}");
}

#[test]
fn weekday_workday_is_an_error() {
    let e = err("[2026]\nsource = \"x\"\nworkdays = [\"2026-01-05\"]\n");
    assert!(e.message.contains("weekend"), "{e}");
    assert_eq!(e.line, 3);
}

#[test]
fn workday_that_is_also_a_holiday_is_an_error() {
    let e = err("[2026]\nsource = \"x\"\nholidays = [\"2026-01-01..2026-01-04\"]\nworkdays = [\"2026-01-04\"]\n");
    assert!(e.message.contains("both"), "{e}");
}

#[test]
fn workday_ranges_are_refused() {
    let e = err("[2026]\nsource = \"x\"\nworkdays = [\"2026-01-03..2026-01-04\"]\n");
    assert!(e.message.contains("one by one"), "{e}");
}

#[test]
fn bad_year_keys_and_unknown_fields() {
    let e = err("[20266]\nsource = \"x\"\n");
    assert_eq!((e.line, e.column), (1, 2), "{e}");
    let e = err("[1066]\nsource = \"x\"\n");
    assert!(e.message.contains("not a year"), "{e}");
    let e = err("[2026]\nsource = \"x\"\nholiday = []\n");
    assert_eq!(e.line, 3, "{e}");
    let e = err("[2026]\nholidays = []\n");
    assert!(e.message.contains("source"), "{e}");
    let e = err("[2026]\nsource = \"  \"\n");
    assert!(e.message.contains("source"), "{e}");
    let e = err("version = 1\n");
    assert_eq!(e.line, 1, "{e}");
}

proptest::proptest! {
    #[test]
    fn adding_then_counting_working_days_agree(offset in 0i64..900, n in 0u32..60) {
        let c = cal();
        let from = date(2024, 1, 1).saturating_add(Span::new().days(offset));
        if let Ok(end) = c.add_working_days(from, n) {
            proptest::prop_assert_eq!(c.working_days_after(from, end), Ok(i64::from(n)));
            proptest::prop_assert!(n == 0 || c.is_working_day(end) == Ok(true));
        }
    }

    #[test]
    fn parse_never_panics(text in "\\PC{0,80}") {
        let _ = Calendar::parse(&text);
    }

    #[test]
    fn parse_never_panics_on_near_valid_files(
        text in "\\[(19|20|29|30)[0-9]{2}\\]\nsource = \"x\"\n(holidays|workdays) = \\[\"20[0-9]{2}-[0-9]{1,2}-[0-9]{2}(\\.\\.20[0-9]{2}-[0-9]{2}-[0-9]{2})?\"\\]\n"
    ) {
        let _ = Calendar::parse(&text);
    }
}

#[test]
fn line_column_handles_odd_offsets() {
    assert_eq!(line_column("ab\ncd", 4), (2, 2));
    assert_eq!(line_column("ab", 99), (1, 3));
    assert_eq!(line_column("通知", 1), (1, 1));
}
