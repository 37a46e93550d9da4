use super::*;
use jiff::civil::date;
use proptest::prelude::*;

const TODAY: Date = date(2026, 9, 25);

fn scanner() -> Scanner {
    Scanner::new(TODAY)
}

fn hits(text: &str) -> Vec<Hit> {
    scanner().scan(text)
}

/// (kind, found, masked) of every hit, checking the offsets on the way.
fn found(text: &str) -> Vec<(IdKind, String, String)> {
    hits(text)
        .into_iter()
        .map(|h| {
            assert_eq!(text.get(h.start..h.end), Some(h.found.as_str()), "{h:?}");
            (h.kind, h.found, h.masked)
        })
        .collect()
}

fn one(text: &str) -> (IdKind, String, String) {
    let all = found(text);
    assert_eq!(all.len(), 1, "{text:?}: {all:?}");
    all.into_iter().next().expect("one hit")
}

fn none(text: &str) {
    assert_eq!(found(text), vec![], "{text:?} should have no hits");
}

use IdKind::*;

fn hit(kind: IdKind, found: &str, masked: &str) -> (IdKind, String, String) {
    (kind, found.to_string(), masked.to_string())
}

#[test]
fn resident_id_in_a_sentence() {
    let text = "申请人张三，身份证号340825199001011239，住柳河村。";
    let h = hits(text);
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].kind, ResidentId18);
    assert_eq!(&text[h[0].start..h[0].end], "340825199001011239");
    assert_eq!(h[0].masked, "340825********1239");
    assert_eq!(h[0].start, "申请人张三，身份证号".len());
}

#[test]
fn resident_id_with_x() {
    assert_eq!(
        one("身份证号：11010519491231002X。"),
        hit(ResidentId18, "11010519491231002X", "110105********002X")
    );
    assert_eq!(
        one("11010519491231002x"),
        hit(ResidentId18, "11010519491231002x", "110105********002X")
    );
}

#[test]
fn resident_id_typo_is_still_reported() {
    // The check character of 34082519900101123? is 9; a 4 is a typo of a real number.
    assert_eq!(
        one("身份证号 340825199001011234 "),
        hit(ResidentId18, "340825199001011234", "340825********1234")
    );
}

#[test]
fn resident_id_in_full_width_digits() {
    let text = "身份证：３４０８２５１９９００１０１１２３９；";
    let (kind, f, masked) = one(text);
    assert_eq!(kind, ResidentId18);
    assert_eq!(f, "３４０８２５１９９００１０１１２３９");
    assert_eq!(masked, "340825********1239");
}

#[test]
fn resident_id_grouped_six_eight_four() {
    assert_eq!(
        one("身份证号 340825 19900101 1239"),
        hit(ResidentId18, "340825 19900101 1239", "340825********1239")
    );
    assert_eq!(
        one("110105 19491231 002X"),
        hit(ResidentId18, "110105 19491231 002X", "110105********002X")
    );
}

#[test]
fn other_valid_ids() {
    for id in [
        "340825198506150029",
        "340825196203084416",
        "440306197811223012",
        "620102199204173523",
        "130682197209011017",
        "510107198803056048",
        "620102199204170007", // also passes Luhn: the valid ID wins
    ] {
        assert_eq!(one(id).0, ResidentId18, "{id}");
    }
}

#[test]
fn birth_date_bounds() {
    // Born 2005: a hit today, not for a scanner whose "today" is 2000.
    let id = "340825200503151237";
    assert_eq!(one(id).0, ResidentId18);
    assert_eq!(Scanner::new(date(2000, 1, 1)).scan(id), vec![]);
    // Born 1880 (the standard's own sample): no living person. (It passes Luhn with a card
    // issuer prefix, so it is still reported, as a card number.)
    assert_eq!(one("440524188001010014").0, BankCard);
    // 30 February.
    none("340825199002301239");
}

#[test]
fn bad_prefix_is_not_an_id() {
    none("000825199001011239");
    none("190825199001011239");
    none("993410199001011239");
}

#[test]
fn credit_code_is_not_an_id() {
    // 9-prefixed, valid date, and both check characters agree: a credit code, not an ID.
    none("统一社会信用代码：91110119850615022X");
    // A near miss that is a valid credit code.
    none("110119198506150010");
}

#[test]
fn legacy_fifteen_digit_id() {
    assert_eq!(
        one("原身份证号340825850615002。"),
        hit(ResidentId15, "340825850615002", "340825*****5002")
    );
    none("340825851315002");
}

#[test]
fn mobile_numbers_in_every_form() {
    let cases = [
        ("联系电话13812345678。", "13812345678", "138****5678"),
        ("手机：138 1234 5678", "138 1234 5678", "138****5678"),
        ("手机：138-1234-5678", "138-1234-5678", "138****5678"),
        ("手机：+8613812345678", "+8613812345678", "+86138****5678"),
        ("手机：+86 138 1234 5678", "+86 138 1234 5678", "+86 138****5678"),
        ("手机：+86-13812345678", "+86-13812345678", "+86-138****5678"),
        ("手机（+86）13812345678", "+86）13812345678", "+86）138****5678"),
        ("手机：8613812345678", "8613812345678", "86138****5678"),
        ("手机：86 138 1234 5678", "86 138 1234 5678", "86 138****5678"),
        ("手机：１３８１２３４５６７８", "１３８１２３４５６７８", "138****5678"),
        ("手机：138　1234　5678", "138　1234　5678", "138****5678"),
        (
            "手机：１３８－１２３４－５６７８",
            "１３８－１２３４－５６７８",
            "138****5678",
        ),
        ("Tel:19912345678", "19912345678", "199****5678"),
        ("13812345678@qq.com", "13812345678", "138****5678"),
    ];
    for (text, f, masked) in cases {
        assert_eq!(one(text), hit(Mobile, f, masked), "{text}");
    }
}

#[test]
fn spreadsheet_float_mobile() {
    assert_eq!(
        one("张三,13812345678.0,柳河村"),
        hit(Mobile, "13812345678", "138****5678")
    );
    none("金额13812345678.05元");
}

#[test]
fn not_mobile_numbers() {
    none("12812345678");
    none("1381234567");
    none("138123456789");
    none("138 1234 56789");
    none("138-1234-5678-9012");
    // Letters glued on hide nothing: a file name `zhangsan13812345678.jpg` publishes it.
    assert_eq!(one("TEL13812345678").0, Mobile);
    none("0.13812345678");
}

#[test]
fn markdown_emphasis_does_not_hide_a_number() {
    assert_eq!(
        one("联系电话：**13812345678**"),
        hit(Mobile, "13812345678", "138****5678")
    );
    assert_eq!(one("身份证号：**340825199001011239**。").0, ResidentId18);
    assert_eq!(one("身份证号：_340825199001011239_").0, ResidentId18);
    assert_eq!(one("`13812345678`").0, Mobile);
    none("3×13812345678");
    none("138****5678**");
}

#[test]
fn slashes_underscores_and_file_names_do_not_hide_a_number() {
    assert_eq!(
        found("联系电话：0556-1234567/13812345678"),
        vec![hit(Mobile, "13812345678", "138****5678")]
    );
    assert_eq!(found("13812345678/13912345678").len(), 2);
    assert_eq!(one("附件：张三_340825199001011239.jpg").0, ResidentId18);
    assert_eq!(one("附件/340825199001011239/照片").0, ResidentId18);
    let url = "https://example.gov.cn/art/2026/9/25/art_13812345678_340825199001011239.html";
    let kinds: Vec<IdKind> = hits(url).iter().map(|h| h.kind).collect();
    assert_eq!(kinds, vec![Mobile, ResidentId18]);
    // A serial number after "No." is reported: a false alarm is the safe mistake.
    assert_eq!(one("No.13812345678").0, Mobile);
}

#[test]
fn bank_cards() {
    assert_eq!(
        one("银行卡号6222021234567890128，"),
        hit(BankCard, "6222021234567890128", "****0128")
    );
    assert_eq!(
        one("卡号：6222 0212 3456 7890 128"),
        hit(BankCard, "6222 0212 3456 7890 128", "****0128")
    );
    assert_eq!(one("4111111111111111").0, BankCard);
    assert_eq!(one("4111-1111-1111-1111").0, BankCard);
    assert_eq!(one("6217001234567890122").0, BankCard);
    assert_eq!(one("9558801234567890128").0, BankCard);
    assert_eq!(one("62284801234567897").0, BankCard);
    assert_eq!(one("622202123456789012").0, BankCard);
}

#[test]
fn not_bank_cards() {
    none("6222021234567890129"); // Luhn fails
    none("1222021234567890128"); // no issuer prefix
    none("62220212345678901234"); // 20 digits
    none("6222 0212 3456 7890 1234"); // 20 digits grouped
    none("6222 0212 3456"); // too short
}

#[test]
fn the_non_hits_of_the_brief() {
    for text in [
        "索引号：341099100/2026-00012",
        "统一社会信用代码：91341099MA2N1X2Y3Q",
        "项目代码：2026-341099-48-01-012345",
        "监督电话：0556-1234567",
        "监督电话：(0556)1234567",
        "监督电话：（0556）1234567",
        "监督电话：０５５６－１２３４５６７",
        "合计金额 1,234,567.89 元",
        "合计金额 13812345678.00 元",
        "发布日期：2026-09-25，形成日期：20260918",
        "示政办〔2026〕12号",
        "身份证号：340825********1234",
        "身份证号：340825××××××××1234",
        "身份证号：340825＊＊＊＊＊＊＊＊1234",
        "身份证号：340825XXXXXXXX1234",
        "身份证号：340825xxxxxxxx1234",
        "手机：138****5678",
        "手机：138＊＊＊＊5678",
        "手机：138××××5678",
        "手机：138XXXX5678",
        "卡号：****0128",
        "卡号：6222********0128",
        "编号 123456789012345678",
        "流水号 20260925123045678901",
        "版本 1.13812345678",
    ] {
        none(text);
    }
}

#[test]
fn code_with_id_glued_by_connectors_is_not_a_hit() {
    none("A-340825199001011239");
    none("340825199001011239-01");
    none("ZX-13812345678");
}

#[test]
fn a_real_looking_list() {
    let text = "\
| 序号 | 户主姓名 | 所在村组 | 身份证号 | 联系电话 | 保障金额（元） |
|---|---|---|---|---|---|
| 1 | 张三 | 柳河村一组 | 340825199001011239 | 138 1234 5678 | 1,260.00 |
| 2 | 李四 | 柳河村二组 | 340825********0029 | 139****5678 | 980.00 |
| 3 | 王五 | 柳河村三组 | ３４０８２５１９６２０３０８４４１６ | １５０１２３４５６７８ | 1,020.00 |
";
    let kinds: Vec<IdKind> = hits(text).iter().map(|h| h.kind).collect();
    assert_eq!(kinds, vec![ResidentId18, Mobile, ResidentId18, Mobile]);
}

#[test]
fn mixed_chinese_prose() {
    let text = "经村民代表会议评议，拟将张三（身份证号码：340825199001011239，联系方式：13812345678、\
                15012345678）纳入低保，保障金额每月1260元。公示期为2026年9月25日至2026年10月8日，\
                监督电话：0556-1234567，索引号：341099100/2026-00012。";
    let kinds: Vec<IdKind> = hits(text).iter().map(|h| h.kind).collect();
    assert_eq!(kinds, vec![ResidentId18, Mobile, Mobile]);
}

#[test]
fn csv_row() {
    let kinds: Vec<IdKind> = hits("张三,340825199001011239,13812345678,6222021234567890128\r\n")
        .iter()
        .map(|h| h.kind)
        .collect();
    assert_eq!(kinds, vec![ResidentId18, Mobile, BankCard]);
}

#[test]
fn official_contacts_pass() {
    let mut s = scanner();
    s.allow(&["138-1234-5678".to_string(), "0556-1234567".to_string()]);
    assert_eq!(s.scan("监督电话：13812345678"), vec![]);
    assert_eq!(s.scan("监督电话：+86 138 1234 5678"), vec![]);
    assert_eq!(s.scan("监督电话：１３８１２３４５６７８"), vec![]);
    assert_eq!(s.scan("联系人：13912345678").len(), 1);
    let mut s = scanner();
    s.allow(&["+86 13812345678".to_string(), String::new()]);
    assert_eq!(s.scan("13812345678"), vec![]);
}

#[test]
fn mask_all_replaces_every_hit() {
    let s = scanner();
    assert_eq!(
        s.mask_all("张三 340825199001011239 电话 138-1234-5678 卡号 6222021234567890128。"),
        "张三 340825********1239 电话 138****5678 卡号 ****0128。"
    );
    assert_eq!(s.mask_all("无个人信息"), "无个人信息");
}

#[test]
fn masks() {
    assert_eq!(mask(ResidentId18, "340825199001011239"), "340825********1239");
    assert_eq!(mask(ResidentId15, "340825850615002"), "340825*****5002");
    assert_eq!(mask(Mobile, "13812345678"), "138****5678");
    assert_eq!(mask(BankCard, "6222021234567890128"), "****0128");
    assert_eq!(mask(BankCard, "12"), "****12");
    assert_eq!(ResidentId18.label_zh(), "身份证号码");
}

#[test]
fn hits_are_ordered_and_disjoint() {
    let text = "13812345678 13912345678 340825199001011239 6222021234567890128";
    let h = hits(text);
    assert_eq!(h.len(), 4);
    assert!(h.windows(2).all(|w| w[0].end <= w[1].start));
}

#[test]
fn empty_and_short_texts() {
    none("");
    none("1");
    none("+");
    none("+86");
    none("+86 ");
    none("(+86)");
    none("一二三");
}

fn digitish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("1".to_string()),
            Just("3".to_string()),
            Just("8".to_string()),
            Just("0".to_string()),
            Just("X".to_string()),
            Just("x".to_string()),
            Just("*".to_string()),
            Just(" ".to_string()),
            Just("　".to_string()),
            Just("-".to_string()),
            Just(".".to_string()),
            Just("+".to_string()),
            Just("86".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            Just("１".to_string()),
            Just("８".to_string()),
            Just("－".to_string()),
            Just("号".to_string()),
            Just("340825199001011239".to_string()),
            Just("13812345678".to_string()),
            Just("6222 0212 3456 7890 128".to_string()),
            "[0-9]{1,19}",
        ],
        0..12,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn scan_never_panics_on_any_text(text in any::<String>()) {
        check_hits(&text);
    }

    #[test]
    fn scan_never_panics_on_digit_soup(text in digitish()) {
        check_hits(&text);
    }
}

/// Offsets are char boundaries, ordered, disjoint, and `found` is their slice; masked forms
/// carry no run of more than six digits.
fn check_hits(text: &str) {
    let hits = scanner().scan(text);
    let mut last = 0;
    for h in &hits {
        assert!(h.start < h.end && h.start >= last, "{h:?}");
        assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
        assert_eq!(text.get(h.start..h.end), Some(h.found.as_str()));
        let longest_digit_run = h
            .masked
            .split(|c: char| !c.is_ascii_digit())
            .map(str::len)
            .max()
            .unwrap_or(0);
        assert!(longest_digit_run <= 6, "{h:?}");
        last = h.end;
    }
    let _ = scanner().mask_all(text);
}
