//! Every disguise of issue 9, as a family: each one must be found, and each look-alike that
//! real notices carry must stay clean.

use super::*;
use jiff::civil::date;

const TODAY: Date = date(2026, 9, 25);

fn kinds(text: &str) -> Vec<IdKind> {
    Scanner::new(TODAY).scan(text).into_iter().map(|h| h.kind).collect()
}

use IdKind::*;

#[test]
fn digits_broken_up_by_what_the_eye_skips() {
    for text in [
        "身份证号 3408 2519 9001 0112 39",
        "身份证号 340825　19900101　1239",
        "身份证号 3408\u{200B}25199001011239",
        "身份证号 34082519\u{FEFF}9001011239",
        "身份证号 &#51;&#52;0825199001011239",
        "身份证号 &#x33;40825199001011239",
        "身份证号 3408251990**0101**1239",
        "身份证号 34082519900101<strong>1239</strong>",
        "身份证号 340825<span class=\"x\">1990</span>01011239",
        "身份证号 340825-1990-0101-1239",
        "身份证号 340825.19900101.1239",
        "身份证号 340825·19900101·1239",
        "身份证号 34082519900101~~1239~~",
        "身份证号 3408251990`0101`1239",
    ] {
        assert_eq!(kinds(text), vec![ResidentId18], "{text}");
    }
    for text in [
        "电话 138 1234 5678",
        "电话 138\u{3000}1234\u{3000}5678",
        "电话 138\u{200D}12345678",
        "电话 138**1234**5678",
        "电话 &#49;3812345678",
        "电话 138.1234.5678",
        "电话 1381234 5678",
        "电话 138 12345678",
    ] {
        assert_eq!(kinds(text), vec![Mobile], "{text}");
    }
}

#[test]
fn digits_glued_to_something_else() {
    assert_eq!(kinds("附件：zhangsan340825199001011239.pdf"), vec![ResidentId18]);
    assert_eq!(kinds("附件：lisi13812345678.jpg"), vec![Mobile]);
    assert_eq!(kinds("files/%E4%B8%89340825199001011239.pdf"), vec![ResidentId18]);
    assert_eq!(kinds("files/%E5%BC%A013812345678.pdf"), vec![Mobile]);
    assert_eq!(kinds("files/%33%34%30%38%32%35199001011239.pdf"), vec![ResidentId18]);
    assert_eq!(kinds("1.340825199001011239 张三"), vec![ResidentId18]);
    assert_eq!(kinds("1、340825199001011239"), vec![ResidentId18]);
}

#[test]
fn look_alikes_stay_clean() {
    for text in [
        "索引号：11341099MB1234567X/2026-00123",
        "索引号：341099100/2026-00012",
        "统一社会信用代码：91341099MA2N1X2Y3Q",
        "统一社会信用代码：12341099MB0123456Q",
        "示政办〔2026〕12号",
        "皖政秘〔2026〕123号",
        "监督电话：0556-1234567",
        "监督电话：0556 1234 567",
        "服务热线：400-123-4567",
        "服务热线：400 123 4567",
        "热线：12345",
        "金额 1,234,567.89 元",
        "金额 13812345678.00 元",
        "2026-09-25 至 2026-10-08",
        "20260925—20261008",
        "2026年9月25日",
        "340825********1234",
        "34082519620315****",
        "138****5678",
        "××××",
        "340825××××××××1234",
        "0.13812345678",
        "A-340825199001011239",
        "项目代码：2026-341099-48-01-012345",
        "<td>13812</td><td>345678</td>",
        "| 138 | 1234 | 5678 |",
        "户数 13 人数 8 金额 1234 5678",
    ] {
        assert_eq!(kinds(text), vec![], "{text} should stay clean");
    }
}

#[test]
fn positions_point_at_the_text_as_written() {
    let text = "号码&#51;40825199001011239。";
    let hits = Scanner::new(TODAY).scan(text);
    assert_eq!(hits.len(), 1);
    assert_eq!(&text[hits[0].start..hits[0].end], "&#51;40825199001011239");
    assert_eq!(hits[0].masked, "340825********1239");
}

#[test]
fn one_long_line_of_numbers_is_read_in_regions() {
    // 200,000 digits on one line, no identifier among them (the bench measures the time).
    let text = "1234567890 ".repeat(20_000);
    assert_eq!(kinds(&text), vec![]);
    let with_one = format!("{text}身份证号 340825199001011239 {text}");
    assert_eq!(kinds(&with_one), vec![ResidentId18]);
}

#[test]
fn a_number_hidden_inside_a_tag_is_found() {
    // Raw HTML a Markdown file may carry through: the browser hides it, the page holds it.
    for text in [
        "<span a13812345678>通知</span>",
        "<span data-x=\"13812345678\">通知</span>",
        "<b title=340825199001011239>x</b>",
    ] {
        assert_eq!(kinds(text).len(), 1, "{text}");
    }
}
