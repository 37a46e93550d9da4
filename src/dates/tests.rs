use super::*;
use jiff::civil::date;

const SEP25: Date = date(2026, 9, 25);

#[test]
fn iso_and_separated_forms() {
    for s in [
        "2026-09-25",
        "2026-9-25",
        "2026/9/25",
        "2026/09/25",
        "2026.9.25",
        "2026.09.25",
        "20260925",
        " 2026-09-25 ",
        "\u{feff}2026-09-25",
        "2026 - 09 - 25",
        "2026\t/9/25",
    ] {
        assert_eq!(parse_date(s), Ok(SEP25), "{s:?}");
    }
}

#[test]
fn chinese_forms() {
    for s in [
        "2026年9月25日",
        "2026年09月25日",
        "2026 年 9 月 25 日",
        "2026　年　9　月　25　日",
        "２０２６年９月２５日",
        "２０２６年 ９ 月２５日",
        "2026年9月25号",
        "2026年9月25",
        "二〇二六年九月二十五日",
        "二○二六年九月二十五日",
        "2026年9月25日（星期五）",
        "2026年9月25日(周五)",
        "2026-09-25（星期五）",
    ] {
        assert_eq!(parse_date(s), Ok(SEP25), "{s:?}");
    }
}

#[test]
fn full_width_separators() {
    assert_eq!(parse_date("２０２６－０９－２５"), Ok(SEP25));
    assert_eq!(parse_date("２０２６／９／２５"), Ok(SEP25));
    assert_eq!(parse_date("２０２６．９．２５"), Ok(SEP25));
}

#[test]
fn chinese_numerals() {
    assert_eq!(parse_date("二〇二六年十月一日"), Ok(date(2026, 10, 1)));
    assert_eq!(parse_date("二〇二六年十二月三十一日"), Ok(date(2026, 12, 31)));
    assert_eq!(parse_date("二〇二六年一月十日"), Ok(date(2026, 1, 10)));
    assert_eq!(parse_date("二〇二六年二月二十日"), Ok(date(2026, 2, 20)));
    assert_eq!(parse_date("2026年十一月十九日"), Ok(date(2026, 11, 19)));
}

#[test]
fn impossible_days_and_months() {
    assert_eq!(
        parse_date("2026-02-30"),
        Err(DateError::InvalidDay {
            year: 2026,
            month: 2,
            day: 30,
            days_in_month: 28
        })
    );
    assert_eq!(
        parse_date("2026年4月31日").map_err(|e| e.message_zh()),
        Err("2026年4月没有31日（该月只有30天）".to_string())
    );
    assert_eq!(parse_date("2024-02-29"), Ok(date(2024, 2, 29)));
    assert!(matches!(
        parse_date("2025/2/29"),
        Err(DateError::InvalidDay { days_in_month: 28, .. })
    ));
    assert_eq!(
        parse_date("2026-13-01"),
        Err(DateError::InvalidMonth { year: 2026, month: 13 })
    );
    assert!(matches!(
        parse_date("2026.0.10"),
        Err(DateError::InvalidMonth { month: 0, .. })
    ));
    assert!(matches!(
        parse_date("2026年9月0日"),
        Err(DateError::InvalidDay { day: 0, .. })
    ));
    assert!(matches!(parse_date("20261332"), Err(DateError::InvalidMonth { .. })));
}

#[test]
fn implausible_years() {
    assert_eq!(parse_date("0226-09-25"), Err(DateError::YearOutOfRange { year: 226 }));
    assert!(matches!(
        parse_date("2206年9月25日"),
        Err(DateError::YearOutOfRange { year: 2206 })
    ));
    assert_eq!(parse_date("26年9月25日"), Err(DateError::TwoDigitYear));
    assert_eq!(parse_date("26-9-25"), Err(DateError::TwoDigitYear));
    assert_eq!(parse_date("9月25日"), Err(DateError::NoYear));
}

#[test]
fn not_dates() {
    for s in [
        "明天",
        "2026",
        "2026-09",
        "2026年9月",
        "2026-09-25-01",
        "2026-9/25",
        "2026-09-25 10:00",
        "2026-099-25",
        "20260925X",
        "2026年9月25日上午",
        "2026年9月二五日",
        "2026年9月2十5日",
        "¥2026.9.25",
        "2026-09-25（备注）",
        "--",
        "年月日",
    ] {
        assert!(parse_date(s).is_err(), "{s:?} should fail");
    }
    assert_eq!(parse_date("   "), Err(DateError::Empty));
    assert_eq!(parse_date("　"), Err(DateError::Empty));
    assert_eq!(parse_date("明天"), Err(DateError::NotADate));
}

#[test]
fn wrong_weekday_is_caught() {
    let e = parse_date("2026年9月25日（星期四）");
    assert_eq!(
        e,
        Err(DateError::WrongWeekday {
            date: SEP25,
            written: Weekday::Thursday
        })
    );
    let msg = e.map_err(|e| e.message_zh()).expect_err("error");
    assert!(msg.contains("星期五") && msg.contains("星期四"), "{msg}");
    assert_eq!(parse_date("2026年9月27日（星期日）"), Ok(date(2026, 9, 27)));
    assert_eq!(parse_date("2026年9月27日(礼拜天)"), Ok(date(2026, 9, 27)));
}

#[test]
fn formatting() {
    assert_eq!(format_date(SEP25), "2026-09-25");
    assert_eq!(format_date(date(2026, 1, 5)), "2026-01-05");
    assert_eq!(format_date_zh(date(2026, 1, 5)), "2026年1月5日");
    assert_eq!(format_date_zh(SEP25), "2026年9月25日");
}

#[test]
fn round_trips() {
    for d in [date(2024, 2, 29), date(2026, 12, 31), date(1999, 1, 1)] {
        assert_eq!(parse_date(&format_date(d)), Ok(d));
        assert_eq!(parse_date(&format_date_zh(d)), Ok(d));
    }
}

const OCT8: Date = date(2026, 10, 8);

#[test]
fn periods_with_every_separator() {
    for s in [
        "2026-09-25 至 2026-10-08",
        "2026-09-25至2026-10-08",
        "2026-09-25—2026-10-08",
        "2026-09-25——2026-10-08",
        "2026-09-25 – 2026-10-08",
        "2026-09-25 - 2026-10-08",
        "2026-09-25-2026-10-08",
        "2026-9-25-2026-10-8",
        "2026-09-25~2026-10-08",
        "2026-09-25 ～ 2026-10-08",
        "2026-09-25到2026-10-08",
        "2026/9/25-2026/10/8",
        "2026.9.25-2026.10.8",
        "2026.9.25—2026.10.8",
        "2026年9月25日至2026年10月8日",
        "2026年9月25日-2026年10月8日",
        "从2026年9月25日起至2026年10月8日止",
        "自2026年9月25日起至2026年10月8日止",
        "自 2026 年 9 月 25 日起至 2026 年 10 月 8 日止",
        "自2026年9月25日至2026年10月8日",
        "2026年9月25日起至10月8日止",
        "2026年9月25日至10月8日",
        "2026年9月25日-10月8日",
        "２０２６年９月２５日至２０２６年１０月８日",
        "2026年9月25日（星期五）至2026年10月8日（星期四）",
        "2026年9月25日至10月8日（星期四）",
        "20260925-20261008",
    ] {
        assert_eq!(parse_period(s), Ok((SEP25, OCT8)), "{s:?}");
    }
}

#[test]
fn period_end_without_year_rolls_into_next_year() {
    assert_eq!(
        parse_period("2026年12月25日至1月5日"),
        Ok((date(2026, 12, 25), date(2027, 1, 5)))
    );
}

#[test]
fn one_day_period_is_fine() {
    assert_eq!(parse_period("2026-09-25至2026-09-25"), Ok((SEP25, SEP25)));
}

#[test]
fn end_before_start() {
    assert_eq!(
        parse_period("2026-10-08 至 2026-09-25"),
        Err(PeriodError::EndBeforeStart {
            start: OCT8,
            end: SEP25
        })
    );
    assert!(matches!(
        parse_period("2026-10-08-2026-09-25"),
        Err(PeriodError::EndBeforeStart { .. })
    ));
}

#[test]
fn period_side_errors_name_the_side() {
    assert!(matches!(
        parse_period("2026-02-30 至 2026-03-05"),
        Err(PeriodError::Start(DateError::InvalidDay { day: 30, .. }))
    ));
    assert!(matches!(
        parse_period("2026-02-20 至 2026-02-30"),
        Err(PeriodError::End(DateError::InvalidDay { day: 30, .. }))
    ));
    assert!(matches!(
        parse_period("2026-02-30-2026-03-05"),
        Err(PeriodError::Start(DateError::InvalidDay { .. }))
    ));
    assert!(matches!(
        parse_period("2026-02-20-2026-13-05"),
        Err(PeriodError::End(DateError::InvalidMonth { .. }))
    ));
    assert!(matches!(
        parse_period("9月25日至10月8日"),
        Err(PeriodError::Start(DateError::NoYear))
    ));
    assert!(matches!(
        parse_period("2026年9月25日至10月32日"),
        Err(PeriodError::End(DateError::InvalidDay { .. }))
    ));
}

#[test]
fn not_periods() {
    assert_eq!(parse_period(""), Err(PeriodError::Empty));
    assert_eq!(parse_period("从起至止"), Err(PeriodError::NotAPeriod));
    assert_eq!(parse_period("2026-09-25"), Err(PeriodError::MissingEnd));
    assert_eq!(parse_period("2026年9月25日"), Err(PeriodError::MissingEnd));
    assert_eq!(parse_period("七个工作日"), Err(PeriodError::NotAPeriod));
    assert_eq!(parse_period("-"), Err(PeriodError::NotAPeriod));
    assert_eq!(parse_period("至"), Err(PeriodError::NotAPeriod));
    assert!(parse_period("2026-09-25至2026-10-01至2026-10-08").is_err());
    assert!(parse_period("2026-09-25 至").is_err());
    assert!(parse_period("至 2026-10-08").is_err());
    assert!(parse_period("2026-09-25 2026-10-08").is_err());
}

#[test]
fn messages_are_chinese_and_specific() {
    let e = parse_period("2026-10-08 至 2026-09-25").expect_err("error");
    assert_eq!(
        e.message_zh(),
        "公示期结束日期 2026年9月25日 早于开始日期 2026年10月8日"
    );
    let e = parse_period("2026-02-30 至 2026-03-05").expect_err("error");
    assert!(e.message_zh().contains("2026年2月没有30日"), "{}", e.message_zh());
    assert!(e.to_string().contains("no day 30"), "{e}");
    assert!(DateError::NotADate.message_zh().contains("2026-09-25"));
}

proptest::proptest! {
    #[test]
    fn never_panics(text in "\\PC{0,40}") {
        let _ = parse_date(&text);
        let _ = parse_period(&text);
    }

    #[test]
    fn dates_round_trip(y in 1900i16..=2100, m in 1i8..=12, d in 1i8..=28) {
        let day = date(y, m, d);
        proptest::prop_assert_eq!(parse_date(&format_date(day)), Ok(day));
        proptest::prop_assert_eq!(parse_date(&format_date_zh(day)), Ok(day));
        let period = format!("{} 至 {}", format_date_zh(day), format_date(day));
        proptest::prop_assert_eq!(parse_period(&period), Ok((day, day)));
    }
}

#[test]
fn odd_inputs_never_panic() {
    for s in [
        "年",
        "月",
        "日",
        "年月",
        "2026年月日",
        "2026年9月",
        "(星期五)",
        "()",
        "(",
        ")",
        "2026年9月25日(",
        "十十",
        "十一十",
        "〇〇〇〇年一月一日",
        "9999年99月99日",
        "4294967296-1-1",
        "2026-4294967296-1",
        "20260925200000000",
        "至至至",
        "——",
        "~~",
        "从",
        "自",
        "止",
        "起至",
        "2026-",
        "-2026-09-25",
        "2026-09-25-",
        "年2026",
        "𝟐𝟎𝟐𝟔-09-25",
        "２０２６年１３月",
        "2026年9月25日至",
        "起",
    ] {
        let _ = parse_date(s);
        let _ = parse_period(s);
    }
}
