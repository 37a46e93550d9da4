//! The workbooks of tests/import.rs, made with rust_xlsxwriter the way WPS and Excel save
//! them: a title row merged across, header cells merged over two rows, 一级事项 merged down its
//! rows, a 序号 column with gaps, ■ □ √ ● ✓ marks, a "注：" row under the table, a second sheet,
//! and ID numbers stored as numbers.
#![allow(dead_code)]

use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::path::Path;

/// A valid 18-digit ID (GB 11643 check digit), a Luhn-valid card and a mobile: fake people.
pub const ID_1: &str = "340825198001011234";
pub const ID_2: &str = "340825197503154564";
pub const CARD: &str = "6222021234567890128";
pub const MOBILE: &str = "13812345678";
pub const MOBILE_IN_NOTE: &str = "13900001111";

/// 示例县社会救助领域目录 after its 目录优化与调整: three rows of 最低生活保障 (the built-in
/// 办事指南, 审核信息 and 审批信息, the last two with the county's own time limits) and a new
/// 临时救助 row; a "说明" sheet beside it.
pub fn county_catalog(path: &Path) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let f = Format::new();
    let ws = wb.add_worksheet();
    ws.set_name("社会救助")?;
    ws.merge_range(0, 0, 0, 15, "示例县社会救助领域基层政务公开标准目录（2026年调整）", &f)?;
    for (c, h) in [
        (0, "序号"),
        (3, "公开内容（要素）"),
        (4, "公开依据"),
        (5, "公开时限"),
        (6, "公开主体"),
    ] {
        ws.merge_range(1, c, 2, c, h, &f)?;
    }
    ws.merge_range(1, 1, 1, 2, "公开事项", &f)?;
    ws.merge_range(1, 7, 1, 9, "公开渠道和载体", &f)?;
    ws.merge_range(1, 10, 1, 11, "公开对象", &f)?;
    ws.merge_range(1, 12, 1, 13, "公开方式", &f)?;
    ws.merge_range(1, 14, 1, 15, "公开层级", &f)?;
    let sub = [
        (1, "一级事项"),
        (2, "二级事项"),
        (7, "政府网站"),
        (8, "社区/企事业单位/村公示栏(电子屏)"),
        (9, "两微一端"),
        (10, "全社会"),
        (11, "特定群体"),
        (12, "主动"),
        (13, "依申请"),
        (14, "县级"),
        (15, "乡级"),
    ];
    for (c, h) in sub {
        ws.write_string(2, c, h)?;
    }
    ws.merge_range(3, 1, 5, 1, "最低生活保障", &f)?;
    let rows: [[&str; 16]; 4] = [
        [
            "1",
            "",
            "办事指南",
            "1.办理事项\n2.办理条件\n3.申请材料\n4.办理流程",
            "《社会救助暂行办法》",
            "自信息形成或者变更之日起20个工作日内",
            "县民政局、乡镇人民政府",
            "■",
            "□",
            "√",
            "■",
            "□",
            "■",
            "□",
            "■",
            "■",
        ],
        [
            "2",
            "",
            "审核信息",
            "初审对象名单及相关信息",
            "《最低生活保障审核确认办法》",
            "审核后3个工作日内公示，公示期为7天",
            "乡镇人民政府",
            "□",
            "■",
            "",
            "■",
            "",
            "√",
            "",
            "",
            "√",
        ],
        [
            "",
            "",
            "审批信息",
            "低保对象名单及相关信息",
            "《最低生活保障审核确认办法》",
            "10个工作日内",
            "县民政局",
            "●",
            "●",
            "",
            "✓",
            "",
            "✓",
            "",
            "✓",
            "",
        ],
        [
            "5",
            "临时救助",
            "急难型临时救助",
            "救助对象名单",
            "《国务院关于全面建立临时救助制度的通知》",
            "公示7天",
            "乡镇人民政府",
            "■",
            "■",
            "□",
            "■",
            "□",
            "■",
            "□",
            "□",
            "■",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            // Column B of the first three rows is the merged 最低生活保障.
            let merged = c == 1 && r < 3;
            if !v.is_empty() && !merged {
                ws.write_string(3 + r as u32, c as u16, *v)?;
            }
        }
    }
    ws.merge_range(7, 0, 7, 15, "注：■ 表示通过该渠道公开，□ 表示不通过。", &f)?;
    let notes = wb.add_worksheet();
    notes.set_name("说明")?;
    notes.write_string(0, 0, "本表经县政务公开办审定。")?;
    wb.save(path)
}

/// A catalog table with a clerk's three mistakes: a row without 二级事项, a mark cell in which
/// the channel's name was typed instead of a tick, and a level 省级.
pub fn bad_catalog(path: &Path) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let f = Format::new();
    let ws = wb.add_worksheet();
    ws.set_name("目录")?;
    for (c, h) in [
        (0, "序号"),
        (1, "一级事项"),
        (2, "二级事项"),
        (3, "公开内容（要素）"),
        (4, "公开时限"),
        (7, "公开层级"),
    ] {
        ws.merge_range(0, c, 1, c, h, &f)?;
    }
    ws.merge_range(0, 5, 0, 6, "公开渠道和载体", &f)?;
    ws.write_string(1, 5, "政府网站")?;
    ws.write_string(1, 6, "村公示栏")?;
    let rows = [
        [
            "1",
            "最低生活保障",
            "办事指南",
            "办理事项",
            "20个工作日内",
            "■",
            "",
            "县级",
        ],
        [
            "2",
            "最低生活保障",
            "",
            "低保对象名单",
            "10个工作日内",
            "■",
            "■",
            "乡级",
        ],
        [
            "3",
            "临时救助",
            "审核审批信息",
            "救助对象名单",
            "10个工作日内",
            "网站",
            "■",
            "乡级",
        ],
        ["4", "临时救助", "办事指南", "办理条件", "20个工作日内", "■", "", "省级"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(2 + r as u32, c as u16, *v)?;
        }
    }
    wb.save(path)
}

/// A 低保 list as the provincial system exports it: two villages' sheets, a merged title,
/// ID numbers, phones, cards and addresses, an ID-like number typed into 备注, a gap in 序号 and
/// a "注：" row. With `ids_as_numbers`, the ID column holds numbers, as after a paste into a
/// cell with the general format.
pub fn name_list(path: &Path, ids_as_numbers: bool) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let f = Format::new();
    for (sheet, people) in [
        (
            "柳河村",
            [
                ("1", "王建国", ID_1, "柳河村1组", 2.0, 635.0),
                ("3", "李秀英", ID_2, "柳河村2组", 3.0, 670.0),
            ],
        ),
        (
            "桃园村",
            [
                ("1", "张德华", ID_2, "桃园村3组", 4.0, 705.0),
                ("2", "赵桂兰", ID_1, "桃园村1组", 1.0, 420.0),
            ],
        ),
    ] {
        let ws = wb.add_worksheet();
        ws.set_name(sheet)?;
        ws.merge_range(0, 0, 0, 9, &format!("{sheet}2026年第四季度最低生活保障对象名单"), &f)?;
        let header = [
            "序号",
            "户主姓名",
            "身份证号码",
            "所在村组",
            "保障人数",
            "月保障金额（元）",
            "联系电话",
            "开户银行账号",
            "家庭住址",
            "备注",
        ];
        for (c, h) in header.iter().enumerate() {
            ws.write_string(1, c as u16, *h)?;
        }
        for (i, (seq, name, id, group, n, amount)) in people.iter().enumerate() {
            let r = 2 + i as u32;
            ws.write_string(r, 0, *seq)?;
            ws.write_string(r, 1, *name)?;
            if ids_as_numbers {
                ws.write_number(r, 2, id.parse::<f64>().unwrap())?;
            } else {
                ws.write_string(r, 2, *id)?;
            }
            ws.write_string(r, 3, *group)?;
            ws.write_number(r, 4, *n)?;
            ws.write_number(r, 5, *amount)?;
            ws.write_string(r, 6, MOBILE)?;
            ws.write_string(r, 7, CARD)?;
            ws.write_string(r, 8, format!("{group}12号"))?;
            if i == 1 {
                ws.write_string(r, 9, format!("由女儿代领，电话{MOBILE_IN_NOTE}"))?;
            }
        }
        ws.merge_range(5, 0, 5, 9, "注：本名单经村民代表会议民主评议。", &f)?;
    }
    wb.save(path)
}
