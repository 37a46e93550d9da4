//! Browser test of site search: builds an index of 30 notices with `build_index`, writes a
//! minimal `search.html` plus the theme's `search.js`/`search.css`, and drives Debian's Chromium
//! headless (`--dump-dom`) over `file://` and over HTTP from a loopback server, asserting on the
//! resulting DOM. Without Chromium the test prints a loud SKIP and passes, except on CI (`CI`
//! set), where it fails (`common::missing`).
//!
//! Filters are URL parameters, exactly what the search form GETs: `township`, `domain`, `year`.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use gongkai::search::{SearchDoc, build_index, normalize, token_hash, tokens};
use scraper::{Html, Selector};

const CHROMIUM: &str = "/usr/bin/chromium";

fn doc(id: usize, township: &str, domain: &str, item: &str, date: &str, title: &str, text: &str) -> SearchDoc<'static> {
    let slug = match township {
        "青山镇" => "qingshan",
        "柳河乡" => "liuhe",
        _ => "shiqiao",
    };
    SearchDoc {
        url: format!("{slug}/n/{id:03}.html"),
        title: title.into(),
        township: township.into(),
        domain: domain.into(),
        item: item.into(),
        date: date.into(),
        text: text.to_string().into(),
        ..Default::default()
    }
}

/// Thirty notices of the kinds a county site holds. Numbers 1–6 mention 低保; 7 says
/// 最低生活保障 but never 低保 (its characters, not adjacent); 10–12 are 危房改造.
fn notices() -> Vec<SearchDoc<'static>> {
    let sa = "社会救助";
    vec![
        doc(
            1,
            "青山镇",
            sa,
            "最低生活保障/审核信息",
            "2026-03-05",
            "青山镇2026年第一季度低保对象名单公示",
            "根据《社会救助暂行办法》，经村级初审、镇级审核，现将2026年第一季度新增低保对象名单公示如下。本期新增低保对象12户30人，停发低保3户。公示期为7个工作日，如有异议请向青山镇民政办反映，联系电话：0557-5123456。",
        ),
        doc(
            2,
            "青山镇",
            sa,
            "最低生活保障/资金发放",
            "2026-02-10",
            "青山镇2026年1月份低保金发放情况公示",
            "2026年1月份全镇共发放农村低保金218,400元，城市低保金36,000元，资金已通过“一卡通”足额发放到户。",
        ),
        doc(
            3,
            "柳河乡",
            sa,
            "最低生活保障/审核信息",
            "2025-12-20",
            "柳河乡2025年第四季度低保动态调整结果公示",
            "柳河乡对全乡低保家庭开展了入户核查，柳河村、王家村等村召开村民代表会议进行民主评议。经审核，调整低保金额5户。",
        ),
        doc(
            4,
            "柳河乡",
            sa,
            "临时救助/救助结果",
            "2025-08-15",
            "柳河乡2025年7月临时救助发放名单",
            "本月对因病致贫的困难家庭实施临时救助共6户，其中低保户2户，救助资金合计9,800元。",
        ),
        doc(
            5,
            "石桥镇",
            "养老服务",
            "高龄津贴/发放情况",
            "2026-01-18",
            "石桥镇2025年度高龄津贴发放公告",
            "全镇80周岁以上老年人共412人享受高龄津贴，低保家庭中的高龄老人同时享受相应补助。",
        ),
        doc(
            6,
            "石桥镇",
            sa,
            "最低生活保障/审核信息",
            "2024-06-30",
            "石桥镇2024年上半年低保评议结果",
            "石桥镇严格执行低保评议制度，评议结果当场公布，评议过程全程留痕。",
        ),
        doc(
            7,
            "青山镇",
            sa,
            "特困人员救助供养/审核信息",
            "2026-04-02",
            "青山镇特困人员认定结果公示",
            "经审核，以下人员符合特困人员认定条件，不再同时享受最低生活保障待遇，保障标准按县级统一标准执行。",
        ),
        doc(
            8,
            "青山镇",
            "财政预决算",
            "部门预算/预算公开",
            "2026-01-28",
            "青山镇人民政府2026年部门预算公开",
            "本年度收入预算1,520万元，支出预算1,520万元，其中基本支出主要用于保障机构正常运转。",
        ),
        doc(
            9,
            "柳河乡",
            "财政预决算",
            "部门决算/决算公开",
            "2025-09-12",
            "柳河乡2024年度部门决算",
            "与上年相比，“三公”经费支出总体下降，主要原因是严格落实过紧日子要求，压减一般性支出。",
        ),
        doc(
            10,
            "柳河乡",
            "农村危房改造",
            "危房改造/补助对象",
            "2026-05-06",
            "柳河村2026年农村危房改造补助对象公示",
            "经农户申请、村级评议、乡级审核，柳河村李*明等3户纳入2026年农村危房改造计划，每户补助资金3,600元，依据县住建局〔2026〕12号文件执行。",
        ),
        doc(
            11,
            "青山镇",
            "农村危房改造",
            "危房改造/竣工验收",
            "2025-11-03",
            "青山镇2025年危房改造竣工验收结果",
            "全镇2025年度危房改造任务28户已全部竣工，经验收合格，补助资金按每户3600元标准拨付。",
        ),
        doc(
            12,
            "石桥镇",
            "农村危房改造",
            "农房抗震改造/实施方案",
            "2025-04-21",
            "石桥镇农房抗震改造实施方案",
            "为做好农村危房改造和农房抗震改造工作，制定本方案。改造对象为低收入群体的C级、D级危房。",
        ),
        doc(
            13,
            "青山镇",
            "涉农补贴",
            "耕地地力保护补贴/发放",
            "2026-06-12",
            "青山镇2026年耕地地力保护补贴发放公示",
            "本年度耕地地力保护补贴标准为每亩105元，全镇共发放补贴资金2,365,000元。",
        ),
        doc(
            14,
            "柳河乡",
            "涉农补贴",
            "农机购置补贴/公示",
            "2025-10-09",
            "柳河乡2025年农机购置补贴资金兑付公示",
            "本批次共兑付农机购置补贴资金186,000元，涉及拖拉机、收割机等机具52台。",
        ),
        doc(
            15,
            "石桥镇",
            "涉农补贴",
            "种粮大户补贴/公示",
            "2024-11-25",
            "石桥镇2024年种粮大户补贴名单",
            "经核实，全镇共有种粮大户17户，补贴面积3,240亩，补贴资金97,200元。",
        ),
        doc(
            16,
            "青山镇",
            "就业创业",
            "公益性岗位/招聘",
            "2026-02-27",
            "青山镇2026年公益性岗位招聘公告",
            "为帮助就业困难人员实现就业，现面向社会招聘公益性岗位人员10名，报名时间为3月1日至3月10日。",
        ),
        doc(
            17,
            "柳河乡",
            "就业创业",
            "职业技能培训补贴/公示",
            "2025-07-19",
            "柳河乡2025年职业技能培训补贴公示",
            "本期共有45人参加电工、焊工职业技能培训并取得证书，按规定享受培训补贴。",
        ),
        doc(
            18,
            "石桥镇",
            "户籍管理",
            "身份证集中办理/通知",
            "2026-03-22",
            "石桥镇关于集中办理居民身份证的通知",
            "派出所将于4月8日在镇便民服务中心集中办理居民身份证，请需要办理的群众携带户口簿按时前往。",
        ),
        doc(
            19,
            "青山镇",
            "义务教育",
            "招生入学/招生公告",
            "2026-05-20",
            "青山镇中心学校2026年秋季招生入学公告",
            "凡2019年9月1日至2020年8月31日出生的适龄儿童，请家长于6月10日前到学校报名。",
        ),
        doc(
            20,
            "柳河乡",
            "义务教育",
            "营养改善计划/公示",
            "2025-09-30",
            "柳河乡2025年秋季营养改善计划实施情况",
            "全乡3所学校共1,126名学生享受营养改善计划，每生每天补助5元。",
        ),
        doc(
            21,
            "石桥镇",
            "卫生健康",
            "家庭医生签约服务/公示",
            "2025-03-14",
            "石桥镇卫生院家庭医生签约服务公示",
            "本年度家庭医生签约服务覆盖全镇12个行政村，重点人群签约率达到百分之八十五。",
        ),
        doc(
            22,
            "青山镇",
            "安全生产",
            "隐患排查整治/通报",
            "2026-04-28",
            "青山镇安全生产隐患排查整治情况通报",
            "截至4月底，全镇共排查各类安全隐患37处，已整改到位35处，其余问题正在限期整改。",
        ),
        doc(
            23,
            "柳河乡",
            "生态环境",
            "秸秆禁烧/通告",
            "2025-05-28",
            "柳河乡关于做好秸秆禁烧工作的通告",
            "夏收期间全乡范围内严禁露天焚烧秸秆，各村要落实网格化监管责任。",
        ),
        doc(
            24,
            "石桥镇",
            "公共文化",
            "农家书屋/公示",
            "2024-12-05",
            "石桥镇农家书屋图书补充更新公示",
            "本年度为全镇12个农家书屋补充更新图书2,400册，报刊订阅已全部到位。",
        ),
        doc(
            25,
            "青山镇",
            "征地补偿",
            "征地补偿费发放/公示",
            "2025-06-16",
            "青山镇G205改线工程征地补偿费发放公示",
            "G205国道改线工程涉及青山镇3个村，征地补偿费已按公布标准足额兑付。",
        ),
        doc(
            26,
            "柳河乡",
            "公共法律服务",
            "人民调解/公示",
            "2026-01-08",
            "柳河乡2025年度人民调解工作情况",
            "全年共调解各类矛盾纠纷86件，调解成功84件，调解成功率百分之九十七。",
        ),
        doc(
            27,
            "石桥镇",
            "救灾",
            "自然灾害救助资金/发放",
            "2025-08-02",
            "石桥镇2025年汛期受灾群众救助资金发放公示",
            "7月强降雨造成部分房屋受损，镇政府对受灾群众发放救助资金共计64,500元。",
        ),
        doc(
            28,
            "青山镇",
            "社会保险",
            "城乡居民养老保险/通知",
            "2025-10-20",
            "青山镇2026年度城乡居民养老保险缴费通知",
            "2026年度城乡居民基本养老保险缴费工作即日起开始，缴费档次分为200元至3000元共十二个档次。",
        ),
        doc(
            29,
            "柳河乡",
            "保障性住房",
            "公租房分配/公示",
            "2024-09-09",
            "柳河乡公租房分配结果公示",
            "本次共分配公租房8套，分配对象均为符合条件的住房困难家庭。",
        ),
        doc(
            30,
            "石桥镇",
            "市政服务",
            "路灯维修/公告",
            "2026-02-02",
            "石桥镇集镇路灯维修改造公告",
            "为改善集镇夜间照明条件，镇政府对集镇主干道路灯进行维修改造，施工期间请注意安全。",
        ),
        // 兜底保障 holds 底保 verbatim: typed 底保 must list it above the 低保 it sounds like.
        doc(
            31,
            "石桥镇",
            sa,
            "综合业务/监督检查",
            "2024-05-06",
            "石桥镇2024年兜底保障工作通报",
            "全镇兜底保障政策落实情况良好，困难群众应保尽保。",
        ),
        doc(
            32,
            "柳河乡",
            "财政预决算",
            "财政预决算/部门决算",
            "2024-03-01",
            "柳河乡2023年度部门决算公开",
            "2023年度\"三公\"经费支出合计4.2万元，比上年减少0.8万元。",
        ),
    ]
}

const SEARCH_HTML: &str = r#"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>站内搜索</title>
<link rel="stylesheet" href="ROOTstatic/search.css"></head><body>
<form id="search-form" action="search.html" method="get" role="search">
<input id="search-input" name="q" type="search">
<select id="search-township" name="township"><option value="">全部乡镇</option></select>
<select id="search-domain" name="domain"><option value="">全部领域</option></select>
<select id="search-year" name="year"><option value="">全部年份</option></select>
<button type="submit">搜索</button></form>
<div id="search-status" role="status" aria-live="polite"></div>
<div id="search-results"></div>
<script src="ROOTstatic/search.js" data-root="ROOT"></script>
</body></html>
"#;

/// Writes the index, the theme's search script and style, `search.html` at the root and a
/// copy one folder down (`sub/search.html`, `data-root="../"`).
fn write_site(dir: &Path) {
    for f in build_index(&notices()) {
        let path = dir.join(&f.path);
        std::fs::create_dir_all(path.parent().unwrap_or(dir)).expect("mkdir");
        std::fs::write(&path, &f.bytes).expect("write index file");
    }
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static");
    std::fs::create_dir_all(dir.join("static")).expect("mkdir static");
    std::fs::create_dir_all(dir.join("sub")).expect("mkdir sub");
    for name in ["search.js", "search.css"] {
        std::fs::copy(theme.join(name), dir.join("static").join(name)).expect("copy theme file");
    }
    std::fs::write(dir.join("search.html"), SEARCH_HTML.replace("ROOT", "./")).expect("write page");
    std::fs::write(dir.join("sub/search.html"), SEARCH_HTML.replace("ROOT", "../")).expect("write page");
}

/// Percent-encodes a query-string value.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Runs headless Chromium on `url` and returns the DOM after scripts ran.
fn dump_dom(url: &str) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--dump-dom", url])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut out = String::new();
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let _ = stdout.read_to_string(&mut out);
        out
    });
    let started = Instant::now();
    while child.try_wait().ok().flatten().is_none() {
        if started.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish in 90 s on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap_or_default()
}

/// What a results page shows.
struct Page {
    status: String,
    links: Vec<String>,
    titles: Vec<String>,
    marks: Vec<String>,
    metas: Vec<String>,
}

fn parse(dom: &str) -> Page {
    let html = Html::parse_document(dom);
    let sel = |s: &str| Selector::parse(s).expect("selector");
    let text = |e: scraper::ElementRef<'_>| e.text().collect::<String>();
    Page {
        status: html.select(&sel("#search-status")).map(text).collect(),
        links: html
            .select(&sel("#search-results a[href]"))
            .filter_map(|a| a.value().attr("href").map(str::to_string))
            .collect(),
        titles: html.select(&sel("#search-results a[href]")).map(text).collect(),
        marks: html.select(&sel("#search-results mark")).map(text).collect(),
        metas: html
            .select(&sel("#search-results .search-result-meta"))
            .map(text)
            .collect(),
    }
}

fn search(base: &str, params: &str) -> Page {
    let page = parse(&dump_dom(&format!("{base}?{params}")));
    eprintln!("{params}: {} | {} links", page.status, page.links.len());
    page
}

/// Links of the notices whose title or text contains `needle`, as the page writes them.
fn expected(needle: &str, root: &str) -> Vec<String> {
    let mut v: Vec<String> = notices()
        .into_iter()
        .filter(|d| d.title.contains(needle) || d.text.get().contains(needle))
        .map(|d| format!("{root}{}", d.url))
        .collect();
    v.sort();
    v
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// A loopback HTTP server for `dir`: GET only, no directory listing, no `..`.
fn serve(dir: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let addr = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            std::thread::spawn(move || respond(stream, &dir));
        }
    });
    format!("http://{addr}")
}

fn respond(mut stream: TcpStream, dir: &Path) {
    let mut line = String::new();
    let mut reader = BufReader::new(&stream);
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let path = line.split(' ').nth(1).unwrap_or("/").split('?').next().unwrap_or("/");
    let rel = path.trim_start_matches('/');
    let file = dir.join(rel);
    let (status, body, kind) = match std::fs::read(&file) {
        Ok(body) if !rel.contains("..") => {
            let kind = match file.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript; charset=utf-8",
                Some("css") => "text/css; charset=utf-8",
                _ => "application/octet-stream",
            };
            ("200 OK", body, kind)
        }
        _ => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

#[test]
fn search_page_in_headless_chromium() {
    if !Path::new(CHROMIUM).exists() {
        common::missing(CHROMIUM, "search_browser (the search page in a browser)");
        return;
    }
    let dir = tempfile::tempdir().expect("site dir");
    write_site(dir.path());
    let file_base = format!("file://{}/search.html", dir.path().display());

    // Two characters, from file://: every notice with 低保 and nothing else, highlighted.
    let page = search(&file_base, &format!("q={}", enc("低保")));
    let mut want = expected("低保", "./");
    assert_eq!(want.len(), 6, "fixture has six 低保 notices");
    want.push("./qingshan/n/007.html".to_string());
    assert_eq!(sorted(page.links.clone()), sorted(want), "{}", page.status);
    let at = |url: &str| page.links.iter().position(|l| l == url);
    for titled in ["./qingshan/n/001.html", "./qingshan/n/002.html", "./liuhe/n/003.html"] {
        assert!(
            at(titled) < at("./qingshan/n/007.html"),
            "最低生活保障 in a body is found by 低保, below 低保 in a title: {:?}",
            page.links
        );
    }
    assert!(
        page.marks.iter().filter(|m| *m == "低保").count() >= 6,
        "{:?}",
        page.marks
    );
    assert!(page.status.contains("7 条"), "{}", page.status);
    assert!(
        page.metas
            .iter()
            .any(|m| m.contains("青山镇") && m.contains("最低生活保障/审核信息") && m.contains("2026-03-05"))
    );
    assert_eq!(
        page.links.first().map(String::as_str),
        Some("./qingshan/n/001.html"),
        "title hits first, newest first"
    );
    assert_eq!(
        page.titles.first().map(String::as_str),
        Some("青山镇2026年第一季度低保对象名单公示")
    );

    // Four characters and a village name.
    let page = search(&file_base, &format!("q={}", enc("危房改造")));
    assert_eq!(sorted(page.links), expected("危房改造", "./"));
    let page = search(&file_base, &format!("q={}", enc("柳河村")));
    assert_eq!(sorted(page.links), expected("柳河村", "./"));

    // Numbers: a document number, and an amount written with and without the comma.
    let page = search(&file_base, &format!("q={}", enc("〔2026〕12号")));
    assert_eq!(page.links, ["./liuhe/n/010.html"]);
    let page = search(&file_base, &format!("q={}", enc("3600")));
    assert_eq!(sorted(page.links), ["./liuhe/n/010.html", "./qingshan/n/011.html"]);
    assert!(page.marks.iter().any(|m| m == "3,600"), "{:?}", page.marks);

    // Filters are URL parameters, the same ones the form submits.
    let page = search(&file_base, &format!("q={}&township={}", enc("低保"), enc("青山镇")));
    assert_eq!(
        sorted(page.links),
        [
            "./qingshan/n/001.html",
            "./qingshan/n/002.html",
            "./qingshan/n/007.html"
        ],
        "007 says 最低生活保障"
    );
    let page = search(&file_base, &format!("q={}&year=2025", enc("低保")));
    assert_eq!(sorted(page.links), ["./liuhe/n/003.html", "./liuhe/n/004.html"]);

    // Empty and nonsense queries.
    let page = search(&file_base, "q=");
    assert!(page.links.is_empty());
    assert!(page.status.contains("请输入"), "{}", page.status);
    let page = search(&file_base, &format!("q={}", enc("量子纠缠")));
    assert!(page.links.is_empty());
    assert!(page.status.contains("未找到"), "{}", page.status);

    // A page one folder down resolves the index and the links through data-root.
    let page = search(
        &format!("file://{}/sub/search.html", dir.path().display()),
        &format!("q={}", enc("低保")),
    );
    let mut want = expected("低保", "../");
    want.push("../qingshan/n/007.html".to_string());
    assert_eq!(sorted(page.links), sorted(want));

    // Over HTTP.
    let http_base = format!("{}/search.html", serve(dir.path().to_path_buf()));
    let page = search(&http_base, &format!("q={}", enc("危房改造")));
    assert_eq!(sorted(page.links), expected("危房改造", "./"));
    assert!(page.marks.iter().any(|m| m == "危房改造"));
}

/// Strings where the browser and the builder could disagree: folding, separators, the
/// thousands comma, astral characters, other scripts, a word longer than the token limit.
const TRICKY: &[&str] = &[
    "〔2026〕12号",
    "ＧＤＰ增长3,600元",
    "Ünïcode ÄÖ",
    "1,234,567元",
    "3，600",
    "1,,234",
    "12,345,67",
    "第3户,600人",
    "王*明",
    "𠀀𠀁村",
    "abc中文def",
    "Привет мир",
    "ئۇيغۇر تىلى",
    "ཀུན་ཁྱབ",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa号",
    "低保　特困",
    "\"三公\"经费",
    "“三公”经费和「低保」",
    "a“b”c",
    "最低\u{200B}生活\u{AD}保障",
    "3,600”元",
];

/// What people type (issue 17): no spaces, short forms, pinyin slips, quotes inside a term.
#[test]
fn search_understands_what_people_mean() {
    if !Path::new(CHROMIUM).exists() {
        common::missing(CHROMIUM, "search_browser (queries as people type them)");
        return;
    }
    let dir = tempfile::tempdir().expect("site dir");
    write_site(dir.path());
    let base = format!("file://{}/search.html", dir.path().display());

    let page = search(&base, &format!("q={}", enc("柳河村低保")));
    assert_eq!(
        page.links.first().map(String::as_str),
        Some("./liuhe/n/003.html"),
        "{}",
        page.status
    );
    assert_eq!(
        sorted(search(&base, &format!("q={}", enc("柳河村 低保"))).links)[..1],
        ["./liuhe/n/003.html".to_string()][..],
        "typed with a space, the same notice"
    );

    let page = search(&base, &format!("q={}", enc("底保")));
    assert_eq!(
        page.links.first().map(String::as_str),
        Some("./shiqiao/n/031.html"),
        "what was typed first: {:?}",
        page.links
    );
    assert!(
        page.links.contains(&"./qingshan/n/001.html".to_string()),
        "then 低保: {:?}",
        page.links
    );

    let page = search(&base, &format!("q={}", enc("三公经费")));
    assert_eq!(
        sorted(page.links),
        ["./liuhe/n/009.html", "./liuhe/n/032.html"],
        "{}",
        page.status
    );
    assert!(page.marks.iter().any(|m| m.contains("三公")), "{:?}", page.marks);

    let page = search(&base, &format!("q={}", enc("五保")));
    assert!(
        page.links.contains(&"./qingshan/n/007.html".to_string()),
        "五保 is 特困人员救助供养: {:?}",
        page.links
    );
}

/// The example site built by the real binary, searched in Chromium: the text a clerk wrapped
/// across two lines, a village typed against its short form, and a term inside quotes.
#[test]
fn built_example_site_finds_what_people_mean() {
    if !Path::new(CHROMIUM).exists() {
        common::missing(CHROMIUM, "search_browser (the built example site)");
        return;
    }
    let out = tempfile::tempdir().expect("output dir");
    let status = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args([
            "build",
            "--root",
            env!("CARGO_MANIFEST_DIR"),
            "--date",
            "2026-11-28",
            "--output",
        ])
        .arg(out.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run gongkai");
    assert!(status.success());
    let base = format!("file://{}/search.html", out.path().display());
    let page = search(&base, &format!("q={}", enc("柳河村低保")));
    assert!(
        page.titles
            .first()
            .is_some_and(|t| t.contains("柳河村") && t.contains("最低生活保障")),
        "{:?}",
        page.titles
    );
    let page = search(&base, &format!("q={}", enc("经济状况核对授权书")));
    assert!(
        page.titles.iter().any(|t| t.starts_with("柳河乡最低生活保障办事指南")),
        "a soft line break between 状况 and 核对 is no break: {:?}",
        page.titles
    );
    let page = search(&base, &format!("q={}", enc("三公经费")));
    assert!(page.titles.iter().any(|t| t.contains("部门决算")), "{:?}", page.titles);
    let page = search(&base, &format!("q={}", enc("底保")));
    assert!(
        page.titles.iter().any(|t| t.contains("最低生活保障")),
        "{:?}",
        page.titles
    );
}

#[test]
fn browser_tokenizer_agrees_with_the_builder() {
    if !Path::new(CHROMIUM).exists() {
        common::missing(CHROMIUM, "search_browser (the tokenizer compared in a browser)");
        return;
    }
    let dir = tempfile::tempdir().expect("site dir");
    write_site(dir.path());
    let cases = serde_json::to_string(TRICKY).expect("json");
    let page = format!(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><pre id="out"></pre>
<script src="static/search.js" data-root="./"></script>
<script>
var d = gongkaiSearch.debug, out = {cases}.map(function (s) {{
  var toks = d.tokens(s);
  return {{ norm: d.normalize(s), tokens: toks, hashes: toks.map(d.hash) }};
}});
document.getElementById("out").textContent = JSON.stringify(out);
</script></body></html>"#
    );
    std::fs::write(dir.path().join("debug.html"), page).expect("write page");
    let dom = dump_dom(&format!("file://{}/debug.html", dir.path().display()));
    let html = Html::parse_document(&dom);
    let json: String = html
        .select(&Selector::parse("#out").expect("selector"))
        .flat_map(|e| e.text())
        .collect();
    let got: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {dom}"));
    assert_eq!(got.len(), TRICKY.len());
    for (s, g) in TRICKY.iter().zip(&got) {
        assert_eq!(g["norm"].as_str(), Some(normalize(s).as_str()), "normalize({s})");
        let doc_tokens = tokens(s, true);
        let js_tokens: Vec<&str> = g["tokens"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str())
            .collect();
        assert!(!js_tokens.is_empty(), "{s}: no query tokens");
        for (t, h) in js_tokens.iter().zip(g["hashes"].as_array().into_iter().flatten()) {
            assert!(
                doc_tokens.iter().any(|d| d == t),
                "{s}: query token {t} is not an index token {doc_tokens:?}"
            );
            assert_eq!(h.as_u64(), Some(u64::from(token_hash(t))), "hash of {t}");
        }
    }
}
