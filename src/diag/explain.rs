//! The long explanations of `gongkai explain CODE`: why the rule exists, an example of the
//! mistake and its correction, and the fix. Kept apart from the one-line titles in `codes.rs`
//! because they are long and only this command reads them.

use super::{Code, Lang};

/// (why in Chinese, why in English, the mistake, the correction).
type Entry = (&'static str, &'static str, &'static str, &'static str);

fn entry(code: Code) -> Option<Entry> {
    use Code::*;
    Some(match code {
        NotUtf8 => (
            "Windows 记事本和 WPS 在中文系统上常把文件存成 GBK/GB18030 编码。gongkai 能识别并按 GB18030 读取（所以这只是警告，检查照常进行），但别的工具会把它显示成乱码，请改存为 UTF-8。",
            "Notepad and WPS on Chinese Windows often save GBK/GB18030. gongkai reads it (so this is a warning and every check still runs), but other tools show mojibake: save as UTF-8.",
            "（文件以 GBK 编码保存）",
            "（同样的内容，另存为 UTF-8 编码）",
        ),
        Undecodable => (
            "文件既不是 UTF-8 也不是 GBK 文本，多半是把 Word 文档（.docx）或图片改了扩展名。公告必须是纯文本的 Markdown 文件。",
            "The file is neither UTF-8 nor GBK text, usually a Word document or an image renamed to .md.",
            "公告.md（实际是 Word 文档）",
            "用记事本或 VS Code 新建 公告.md，把正文粘贴进去",
        ),
        NoFrontMatter => (
            "每条公告的开头是用两行 --- 围起来的“信息头”，写标题、事项、日期等。没有它，gongkai 不知道公告属于哪个事项、哪个乡镇。中文输入法打出的“———”不算。",
            "Every notice starts with front matter between two `---` lines (title, item, dates). Dashes typed by a Chinese input method (———) do not count.",
            "青山镇临时救助政策文件汇编\n\n现将……",
            "---\n标题: 青山镇临时救助政策文件汇编\n事项: 社会救助/临时救助/政策法规文件\n形成日期: 2026-11-16\n发布日期: 2026-11-18\n---\n\n现将……",
        ),
        UnclosedFrontMatter => (
            "信息头以 --- 开始，也必须以单独一行 --- 结束，否则正文会被当成信息头。",
            "The front matter must be closed by a line `---`, or the body is read as front matter.",
            "---\n标题: 公告\n发布日期: 2026-11-18\n\n正文……",
            "---\n标题: 公告\n发布日期: 2026-11-18\n---\n\n正文……",
        ),
        YamlSyntax => (
            "信息头按 YAML 格式读取：每行“键: 值”，冒号用英文半角并后跟一个空格；值里有“: ”或以 [ * & 等符号开头时，整个值要加英文双引号。",
            "The front matter is YAML: `key: value` with an ASCII colon and a space; quote values that contain `: ` or start with [ * & and the like.",
            "标题: \"青山镇临时救助政策文件汇编",
            "标题: \"青山镇临时救助政策文件汇编\"",
        ),
        FullWidthColon => (
            "中文输入法下打出的冒号“：”是全角字符，YAML 不认，整行会读不出来。gongkai 会在内存中修正后继续检查其他问题，但文件本身要改。",
            "A full-width colon `：` (typed with a Chinese input method) is not YAML's `:`.",
            "标题：青山镇2026年低保审核公示",
            "标题: 青山镇2026年低保审核公示",
        ),
        FullWidthSpace => (
            "全角空格“　”出现在冒号后或行首缩进处时，YAML 不把它当作空格。值中间的全角空格不受影响。",
            "A full-width space after the colon or in the indentation is not a space to YAML.",
            "标题:　青山镇公告",
            "标题: 青山镇公告",
        ),
        Tab => (
            "YAML 不允许用 Tab 键缩进，列表项要用空格缩进。",
            "YAML does not allow tabs for indentation.",
            "附件:\n\t- 名单.csv",
            "附件:\n  - 名单.csv",
        ),
        NotText => (
            "YAML 会把纯数字当成数字（05561234567 会丢掉开头的 0），把 true/false 当成真假值。电话、编号等要加引号；日期的年月日之间要有分隔符；隐私豁免要写理由而不是 true。",
            "YAML reads bare digits as numbers (05561234567 loses its 0) and true/false as booleans: quote numbers, separate date parts, give a reason for 隐私豁免.",
            "监督电话: 05561234567\n形成日期: 20261116\n隐私豁免: true",
            "监督电话: \"0556-1234567\"\n形成日期: 2026-11-16\n隐私豁免: 经本人书面同意公开联系电话",
        ),
        DuplicateKey => (
            "同一个键写了两次时无法判断哪个值是对的。",
            "With a key given twice there is no telling which value is right.",
            "标题: 关于低保的公示\n标题: 柳河村低保审核公示",
            "标题: 柳河村低保审核公示",
        ),
        UnknownKey => (
            "信息头可用的键是：标题、事项、乡镇、村、发布主体、形成日期、发布日期、公示期、监督电话、附件、数据、隐私豁免、关键词、张贴村，以及本事项的要素名称（可以写成键）。写错的键会被忽略，所以报错。_index.md 中只有 乡镇、村、事项、发布主体、监督电话 会传给下级公告。",
            "Known keys: 标题 事项 乡镇 村 发布主体 形成日期 发布日期 公示期 监督电话 附件 数据 隐私豁免 关键词 张贴村, and the item's element names. In an _index.md only 乡镇 村 事项 发布主体 监督电话 cascade.",
            "发布时间: 2026-11-18",
            "发布日期: 2026-11-18",
        ),
        MissingKey => (
            "标题、事项、形成日期、发布日期 是每条公告必填的；乡镇 可以写在所在文件夹的 _index.md 中统一给出。",
            "标题, 事项, 形成日期 and 发布日期 are required; 乡镇 may come from the folder's _index.md.",
            "---\n标题: 青山镇临时救助政策文件汇编\n事项: sa-11\n形成日期: 2026-11-16\n---",
            "---\n标题: 青山镇临时救助政策文件汇编\n事项: sa-11\n形成日期: 2026-11-16\n发布日期: 2026-11-18\n---",
        ),
        WrongType => (
            "有的键要一段文字，有的要列表（附件、关键词），公示期可以是一段文字或 开始/结束 两项；空着的键也算错。",
            "Some keys take text, some a list (附件, 关键词); 公示期 is text or start/end; an empty key is an error too.",
            "标题:",
            "标题: 青山镇临时救助政策文件汇编",
        ),
        BadDate => (
            "日期可写成 2026-09-25、2026/9/25、2026.9.25、2026年9月25日（可带空格、全角数字），但必须是真实存在的日子，年份写全四位。",
            "Dates may be 2026-09-25, 2026/9/25, 2026.9.25 or 2026年9月25日, but must exist and have a four-digit year.",
            "发布日期: 2026年11月31日",
            "发布日期: 2026年11月30日",
        ),
        UnknownTownship => (
            "乡镇必须是 book.toml 中 [[townships]] 的名称、slug 或代码。新设的乡镇先加到 book.toml。",
            "The township must be a name, slug or code of book.toml [[townships]].",
            "乡镇: 石桥镇",
            "乡镇: 石桥乡",
        ),
        UnknownVillage => (
            "村（社区）必须列在该乡镇的 [[townships.villages]] 下。村可以写在村文件夹的 _index.md 中。",
            "The village must be listed under its township's [[townships.villages]].",
            "村: 柳和村",
            "村: 柳河村",
        ),
        BadPeriod => (
            "公示期写成两个日期，用 至、—、-、~ 连接（也可写“从…起至…止”），或写成 开始/结束 两项；结束日期不能早于开始日期。",
            "A notice period is two dates joined by 至 — - ~ (or 从…起至…止), or a start and an end; the end may not precede the start.",
            "公示期: 2026-11-27 至 2026-11-18",
            "公示期: 2026-11-18 至 2026-11-27\n# 或\n公示期:\n  开始: 2026-11-18\n  结束: 2026-11-27",
        ),
        UnknownItem => (
            "事项要写成标准目录中的“领域/一级事项/二级事项”、它唯一的后半段，或事项编号（如 sa-05）。gongkai catalog show 社会救助 列出该领域的全部事项。",
            "Name the item as domain/level1/level2, a unique tail of it, or its id (sa-05); gongkai catalog show lists them.",
            "事项: 社会救助/低保/审核信息",
            "事项: 社会救助/最低生活保障/审核信息",
        ),
        AmbiguousItem => (
            "只写了事项名称的一部分，而有多个目录事项以它结尾。",
            "The name given is the tail of several catalog items.",
            "事项: 政策法规文件",
            "事项: 社会救助/临时救助/政策法规文件",
        ),
        LevelNotAllowed => (
            "标准目录规定每个事项在哪一级公开（县级、乡级、村级）。写了“村”（或放在村文件夹中、由 _index.md 给出村）的公告是村级公告。",
            "The catalog says at which levels an item is published; a notice with 村 (own or from _index.md) is village-level.",
            "content/qingshan/liuhe/监督举报.md（柳河村文件夹中）\n事项: 社会救助/综合业务/监督检查",
            "content/qingshan/监督举报.md（乡镇文件夹中）\n事项: 社会救助/综合业务/监督检查",
        ),
        MissingElement => (
            "标准目录列出每个事项必须公开的要素（公开内容）。每个要素写成一个二级标题（## 要素名），或写成信息头中同名的键。",
            "Each required element of the item is a level-2 heading (## name) or a front-matter key of that name.",
            "（没有“社会救助信访通讯地址”标题）",
            "## 社会救助信访通讯地址\n\n青山镇人民政府民政办，和平路 6 号。",
        ),
        MissingPeriod => (
            "有公示要求的事项（如低保审核，公示7个工作日）必须写明公示期。",
            "An item with a 公示 requirement needs 公示期.",
            "（信息头中没有 公示期）",
            "公示期: 2026-11-18 至 2026-11-27",
        ),
        ShortPeriod => (
            "公示期按事项规定的单位计算（工作日按国务院公布的放假和调休安排），开始当天不计入。例如 2026-11-18（周三）开始的 7 个工作日公示，到 2026-11-27（周五）才满。",
            "The period is counted in the item's unit (working days on the official calendar), the first day not counted: 7 working days from Wed 2026-11-18 end on Fri 2026-11-27.",
            "公示期: 2026-11-18 至 2026-11-25",
            "公示期: 2026-11-18 至 2026-11-27",
        ),
        Late => (
            "公开时限从形成日期起算（当天不计入），按工作日计算时跳过周末和法定节假日、计入调休上班日。没有单独规定的事项按《政府信息公开条例》第二十六条，20 个工作日。逾期默认是警告，县里可在 book.toml 中设 [rules] late = \"error\"。",
            "The time limit runs from the formed date (not counted), in working days on the official calendar; the legal default is 20 working days. Late is a warning unless book.toml sets [rules] late = \"error\".",
            "形成日期: 2026-09-28\n发布日期: 2026-10-30   # 10个工作日的事项，截止 2026-10-16",
            "形成日期: 2026-09-28\n发布日期: 2026-10-16",
        ),
        FutureDate => (
            "发布日期不能晚于构建当天（--date 指定的日期或今天）：还没发布的公告不应出现在网站上。",
            "The publish date may not be after the build date (--date or today).",
            "发布日期: 2026-12-18   # 今天是 2026-11-28",
            "发布日期: 2026-11-28",
        ),
        NoCalendar => (
            "按工作日计算需要当年的放假和调休安排（国务院办公厅每年 11 月前后发布）。gongkai 内置已核实的年份；缺少的年份不会猜测，只给出警告。在站点根目录的 calendar.toml 中按内置格式加入该年即可。",
            "Working days need that year's official holidays and make-up days. Missing years are never guessed: add them to calendar.toml at the site root.",
            "（calendar.toml 中没有 2027 年）",
            "# calendar.toml\n[2027]\nsource = \"国务院办公厅关于2027年部分节假日安排的通知\"\nholidays = [\"2027-01-01..2027-01-03\"]\nworkdays = [\"2027-01-04\"]",
        ),
        PublishedBeforeFormed => (
            "形成日期是信息形成或变更的日子，发布日期不能早于它；多半是两个日期写反了。",
            "The information cannot be published before it was formed; the dates are probably swapped.",
            "形成日期: 2026-11-18\n发布日期: 2026-11-16",
            "形成日期: 2026-11-16\n发布日期: 2026-11-18",
        ),
        IdNumber => (
            "公开的名单和正文中不得出现完整的身份证号码。全站统一遮蔽规则：前 6 位 + 8 个 * + 后 4 位（两份遮蔽方式不同的名单合起来就能拼出完整号码）。确需公开的，在信息头写明 隐私豁免: 理由。",
            "No full ID number may be published. The one site-wide mask is first 6 + ******** + last 4; 隐私豁免 with a reason allows an exception.",
            "孙长林 341099196503120425",
            "孙长林 341099********0425",
        ),
        OldIdNumber => (
            "15 位的旧身份证号码同样不得公开，遮蔽为前 6 位 + 5 个 * + 后 4 位。",
            "A 15-digit legacy ID number is masked as first 6 + ***** + last 4.",
            "孙长林 341099650312042",
            "孙长林 341099*****2042",
        ),
        Mobile => (
            "个人手机号码要遮蔽为前 3 位 + **** + 后 4 位。乡镇公开的公务手机写进 book.toml 该乡镇的 contacts 后可以原样出现。",
            "A personal mobile is masked as 3 + **** + 4; list official numbers in book.toml contacts.",
            "联系人：王海 13812345678",
            "联系人：王海 138****5678",
        ),
        BankCard => (
            "银行卡号（16—19 位，通过 Luhn 校验）只保留后 4 位。",
            "A bank card number keeps only its last 4 digits.",
            "卡号 6228481234567890128",
            "卡号 ****0128",
        ),
        PeopleColumn => (
            "低保、救助等名单只能公开目录允许的列（户主姓名、所在村组、保障人数、金额等）；身份证号、电话、银行账号、住址、病情、家庭困难情况等列一律不得公开，遮蔽了也不行。",
            "A list of people publishes only the allowed columns; ID, phone, bank account, address, illness and hardship columns are not published at all.",
            "| 序号 | 户主姓名 | 身份证号 | 所在村组 |",
            "| 序号 | 户主姓名 | 所在村组 | 保障人数 |",
        ),
        EmptyExemption => (
            "隐私豁免用来在有依据时公开个人信息，必须写明理由；gongkai report 生成的测评自查报告会列出每一条隐私豁免和它的理由，供县政务公开办复核。",
            "A privacy exemption needs a written reason; `gongkai report` lists every exemption with its reason for the county to review.",
            "隐私豁免: \"\"",
            "隐私豁免: 村委会主任王海书面同意公开本人手机号码，作为异议受理电话",
        ),
        OutputLeak => (
            "每个要写出的文件（网页、搜索索引、开放数据、订阅、附件、数据文件、文件名）在写入前都经过同一个个人信息检查。号码即使被 Markdown 标记、HTML 实体、全角字符、空格或零宽字符拆开，也会被识别。发现未遮蔽的号码时整个生成中止，原有网站保持不变；消息只显示遮蔽后的号码。",
            "Every file about to be written (pages, search index, open data, feeds, attachments, data files, file names) passes one scanner first, which sees through markup, entities, full-width digits, spaces and zero-width characters. A hit stops the build and leaves the previous site as it was; messages show only the masked number.",
            "附件: [张三340825199001011239.pdf]",
            "附件: [张三身份证复印件（已遮蔽）.pdf]",
        ),
        UncheckedAttachment => (
            "gongkai 能读取 CSV、TXT、XLSX/XLS/ODS 的每个工作表、DOCX 的正文，并检查其中的号码；图片、扫描件和无法读取的文件只能由人核对。警告会一直显示，提醒发布前人工检查。",
            "gongkai reads CSV, TXT, every sheet of XLSX/XLS/ODS and DOCX text; images, scans and unreadable files must be checked by a person.",
            "附件: [低保审批表扫描件.jpg]",
            "（人工确认扫描件中的身份证号已涂黑后发布）",
        ),
        Suppressed => (
            "同一个文件中同一类问题超过 20 个时，只逐条列出前 20 个，其余只计数，以免输出过长、占用过多内存。改正后再检查即可看到其余的。",
            "Past 20 findings of one code in one file, the rest are counted, not listed.",
            "（一个文件中有 2 万个失效链接）",
            "（逐个改正，或检查链接是否整批写错）",
        ),
        BrokenLink => (
            "正文中的站内链接必须指向站点内存在的文件；链接到其他公告时写它的 .md 文件的相对路径。",
            "Internal links must point at files that exist; link other notices by their .md path.",
            "[申请表](临时救助申请表.docx)   # 文件夹里没有这个文件",
            "[申请表](临时救助申请表.doc)",
        ),
        MissingFile => (
            "附件和数据文件要放在公告旁边，文件名与信息头中写的完全一致（包括扩展名）。",
            "Attachments and data files sit beside the notice, named exactly as written.",
            "附件: [临时救助申请表.doc]   # 实际文件是 .docx",
            "附件: [临时救助申请表.docx]",
        ),
        OutsideRoot => (
            "网站只能发布站点目录中的文件：../ 跳出站点、C:\\ 或 file: 开头的本机路径，在别人的电脑上都打不开。",
            "Only files inside the site can be published; ../, C:\\ and file: paths break elsewhere.",
            "附件: ../../../../民政办/申请表.pdf",
            "附件: 申请表.pdf   # 先把文件复制到公告旁边",
        ),
        DuplicateOutput => (
            "网页地址由乡镇、领域和文件名决定；同一乡镇、同一领域中两个同名文件会写到同一个网页。",
            "Page addresses come from township, domain and file name; two files with the same name collide.",
            "content/qingshan/dibao-zhinan.md\ncontent/qingshan/2025/dibao-zhinan.md",
            "content/qingshan/dibao-zhinan.md\ncontent/qingshan/2025/dibao-zhinan-2025.md",
        ),
        BadData => (
            "数据文件是名单表格：CSV（UTF-8 或 GBK）或 .xlsx，第一行是列名。",
            "A data file is a CSV (UTF-8 or GBK) or .xlsx table with a header row.",
            "数据: 低保名单.doc",
            "数据: 低保名单.xlsx",
        ),
        Config => (
            "book.toml 按 TOML 格式书写：键 = \"值\"，字符串用英文双引号，表头用 [site]、[[townships]]。",
            "book.toml is TOML: key = \"value\", ASCII quotes, [site] and [[townships]] headers.",
            "title：“示例县基层政务公开”",
            "title = \"示例县基层政务公开\"",
        ),
        ConfigUnknownKey => (
            "book.toml 中写错的键会被忽略，所以报错并给出最接近的正确写法。",
            "A misspelt key in book.toml would be ignored, so it is an error with the nearest correct key.",
            "baseurl = \"https://gk.example.gov.cn/\"",
            "base_url = \"https://gk.example.gov.cn/\"",
        ),
        ConfigValue => (
            "book.toml 的值有格式要求：区划代码为 6/9/12 位数字且下级以上级开头，slug 只用小写英文、数字和 -，rules.late、rules.level、rules.guide 为 warning 或 error。",
            "Values have formats: 6/9/12-digit division codes nested in their parent's, slugs of a-z 0-9 -, rules.late, rules.level and rules.guide warning or error.",
            "slug = \"桃园\"",
            "slug = \"taoyuan\"",
        ),
        CalendarFile => (
            "calendar.toml 为站点补充内置日历没有的年份，格式与内置的 calendar/holidays.toml 相同：每年一节，列出放假日和调休上班日。",
            "calendar.toml adds years in the built-in calendar's format: one table per year with holidays and make-up working days.",
            "[2027]\nholidays = [\"2027-13-01\"]",
            "[2027]\nsource = \"国务院办公厅关于2027年部分节假日安排的通知\"\nholidays = [\"2027-01-01..2027-01-03\"]\nworkdays = []",
        ),
        CatalogSyntax => (
            "站点 catalogs/ 中的目录文件按 YAML 书写，字段见 docs/catalog-format.md。",
            "Catalog files in catalogs/ are YAML; see docs/catalog-format.md.",
            "items:\n  - id: sa-99\n    level1 社会救助",
            "items:\n  - id: sa-99\n    level1: 最低生活保障",
        ),
        CatalogInvalid => (
            "目录事项必须有英文编号、一级和二级事项；层级只能是 县级、乡级、村级；天数不能为 0。",
            "A catalog item needs an ASCII id, level1 and level2; levels are 县级/乡级/村级; days may not be 0.",
            "levels: [镇级]",
            "levels: [乡级]",
        ),
        DuplicateItemId => (
            "事项编号在所有目录中必须唯一，公告用它来指明事项。",
            "Item ids must be unique across catalogs: notices name items by them.",
            "- id: sa-05   # 另一个领域也用了 sa-05",
            "- id: sa-99",
        ),
        Template => (
            "主题模板语法错误或用了不存在的变量；gongkai 宁可报错，也不生成缺字段的网页。",
            "A theme template has a syntax error or an undefined variable.",
            "{{ notice.titel }}",
            "{{ notice.title }}",
        ),
        PackPathTooLong => (
            "Windows 资源管理器和多数软件只认 260 个字符以内的路径（含盘符和存放的文件夹）。打包时为存放的文件夹预留 80 个字符，包内路径最多 179 个字符。网页名来自公告的英文文件名，过长的英文文件名会生成过长的路径；中文文件名会生成短的网页名。",
            "Windows Explorer and most programs handle paths of at most 260 characters, drive and folders included. 80 are kept for the folder the bundle is copied into, leaving 179 inside it. Page names come from a notice's ASCII file name; a Chinese name gets a short one.",
            "content/qingshan/qingshan-zhen-2026-nian-di-san-ji-du-zui-di-sheng-huo-bao-zhang-shen-he-jie-guo-gong-shi-…-liu-he-cun.md",
            "content/qingshan/2026年第三季度柳河村低保审核结果公示.md",
        ),
        PackBadName => (
            "FAT32、exFAT 和 NTFS 都不允许 < > : \" / \\ | ? * 等字符和结尾的句点、空格；CON、PRN、AUX、NUL、COM1–COM9、LPT1–LPT9 是 Windows 的设备名，带扩展名（aux.html）也不能作文件名，拷贝时会失败或出错。",
            "FAT32, exFAT and NTFS forbid < > : \" / \\ | ? * and a final dot or space; CON, PRN, AUX, NUL, COM1–9 and LPT1–9 are Windows device names and cannot be file names even with an extension (aux.html).",
            "content/qingshan/aux.md",
            "content/qingshan/aux-2026.md",
        ),
        PackCaseClash => (
            "Windows 和 U 盘的文件系统不区分大小写，Notice.html 和 notice.html 是同一个文件，拷贝时后一个会覆盖前一个。",
            "Windows and USB file systems ignore case: Notice.html and notice.html are one file, and the copy keeps only one.",
            "static/Logo.png 与 static/logo.png",
            "static/logo.png 与 static/logo-small.png",
        ),
        PackFileTooLarge => (
            "多数 U 盘出厂为 FAT32 格式，单个文件不能达到 4 GB，拷贝大文件时 Windows 会提示“文件过大”。",
            "Most USB sticks come formatted FAT32, which cannot hold a file of 4 GB or more.",
            "附件: [全年会议录像.mp4]   # 5 GB",
            "附件: [会议录像-上半年.mp4, 会议录像-下半年.mp4]",
        ),
        PackMissing => (
            "清单 manifest.json 列出了打包时的全部文件。缺少文件多是拷贝中途拔出 U 盘，或被人删除；缺文件的页面打不开或搜索不全。",
            "manifest.json lists every file of the bundle. A missing one usually means a copy was interrupted or a file deleted.",
            "site/qingshan/index.html（已被删除）",
            "重新拷贝整个文件夹，然后运行 gongkai pack --verify 文件夹",
        ),
        PackModified => (
            "每个文件的大小和 SHA-256 校验值记录在 manifest.json 中。不一致说明文件已损坏（U 盘老化、未安全弹出）或被人改动；查阅点上不能展示与发布内容不一致的页面。",
            "Each file's size and SHA-256 are in manifest.json. A mismatch means the file is damaged (ageing stick, unsafe removal) or was edited; a reading room must not show pages that differ from what was published.",
            "site/index.html（被人用记事本改过）",
            "重新拷贝整个文件夹，然后运行 gongkai pack --verify 文件夹",
        ),
        PackExtra => (
            "打包后加入的文件不在清单中，查阅机可能展示未经检查的内容。Windows 会自动生成 Thumbs.db、desktop.ini，这类文件可以忽略，所以这只是警告。",
            "A file added after packing was never checked. Windows creates Thumbs.db and desktop.ini on its own, so this is only a warning.",
            "site/通知（手工加入）.doc",
            "把内容写成公告后重新打包",
        ),
        PackManifest => (
            "manifest.json 是检查拷贝是否完整的依据。它缺失或损坏时，无法判断其他文件是否完好。",
            "manifest.json is what a copy is checked against; without it nothing can be verified.",
            "（文件夹中没有 manifest.json）",
            "重新运行 gongkai pack，或从原始 zip 重新解压",
        ),
        PackTarget => (
            "打包到文件夹时会整体替换该文件夹。为免误删，只替换以前打包的文件夹（有 manifest.json）或空文件夹，绝不替换站点自己的文件夹。",
            "Packing into a folder replaces it whole, so only an earlier bundle (with manifest.json) or an empty folder is replaced, never the site itself.",
            "gongkai pack --output .",
            "gongkai pack --output D:\\查阅机",
        ),
        TableUnreadable => (
            "gongkai 读取 .xlsx、.xls、.et、.ods 和 CSV（UTF-8 或 GBK）表格。文件损坏、加了密码、其实是别的格式，或正在被 WPS 占用时无法读取。",
            "gongkai reads .xlsx, .xls, .et, .ods and CSV (UTF-8 or GBK); a damaged, password-protected or mislabelled file cannot be read.",
            "gongkai mask 名单.docx --item …",
            "gongkai mask 名单.xlsx --item …（在 WPS 中另存为 Excel 工作簿）",
        ),
        TableNoHeader => (
            "表头按列名的文字查找，而不是按位置：标题行、制表日期行可以保留，但要有一行列名。目录表至少要有 一级事项 和 二级事项（可以合并在“公开事项”下）。",
            "The header is found by its words, not its position; a catalog table needs 一级事项 and 二级事项 columns.",
            "| 最低生活保障 | 审核信息 | … |（没有列名行）",
            "| 序号 | 一级事项 | 二级事项 | 公开内容（要素） | 公开时限 | … |",
        ),
        TableRow => (
            "导入的目录要被 check 接受，读不懂的行宁可报错也不写成半截的事项：每条事项要有二级事项，渠道、对象、方式、层级的格子只能是勾选符号（■ √ ✓ ● ☑，不勾留空或 □），层级写 县级、乡级、村级。",
            "Rows that cannot be read are reported, never half-imported: each needs a 二级事项, mark cells hold marks (■ √ ✓; empty or □), levels are 县级/乡级/村级.",
            "| 3 | 最低生活保障 |  | 低保对象名单 | … | 有 |",
            "| 3 | 最低生活保障 | 审批信息 | 低保对象名单 | … | ■ |",
        ),
        ImportDomain => (
            "目录文件按领域合并到内置目录。表格的标题、工作表名或文件名中有领域名称（如“社会救助领域基层政务公开标准目录”）时自动识别，否则需要指定。",
            "A catalog merges into a domain; it is read from the title, sheet or file name, else it must be given.",
            "gongkai catalog import 目录.xlsx",
            "gongkai catalog import 目录.xlsx --domain 社会救助",
        ),
        NumberAsNumber => (
            "Excel 和 WPS 只保存 15 位有效数字。身份证号、银行卡号存成数值后，末尾几位变成 0，或显示为 3.41099E+17。按丢了位数的号码遮蔽或公开，公布的就是错的（后四位可能是别人的），所以拒绝处理。",
            "Excel keeps 15 significant digits: an ID stored as a number ends in zeros or shows as 3.41099E+17. Publishing or masking it would publish a wrong number, so it is refused.",
            "身份证号码：3.41099E+17",
            "身份证号码：'340825198001011236（设为文本格式后重新录入）",
        ),
        SheetChoice => (
            "表格有多个工作表时，gongkai 不猜用哪一个：请按名称指定。",
            "With several sheets gongkai does not guess: name one.",
            "gongkai mask 名单.xlsx --item 社会救助/最低生活保障/审核信息",
            "gongkai mask 名单.xlsx --item 社会救助/最低生活保障/审核信息 --sheet 柳河村",
        ),
        MaskNoList => (
            "只有名单类事项（要素中有人员名单）才能生成公开名单；保留的列由目录决定，身份证号、电话、银行账号、住址、病情、困难情况一律删除。",
            "Only list items publish lists; the catalog decides the columns, and IDs, phones, accounts, addresses, health and hardship are always dropped.",
            "gongkai mask 名单.xlsx --item 社会救助/最低生活保障/办事指南",
            "gongkai mask 名单.xlsx --item 社会救助/最低生活保障/审核信息",
        ),
        PortTaken => (
            "gongkai serve 只在本机 127.0.0.1 上提供预览。指定的端口已被别的程序（常见的是另一个还开着的 gongkai serve）占用时，会自动改用后面空闲的端口并在终端说明；往后 20 个端口都不可用时才报这个错误。",
            "gongkai serve previews on 127.0.0.1 only. When the port is taken (often by another gongkai serve still running) the next free port is used and named; this error means the next 20 ports were all unavailable.",
            "gongkai serve --port 8000   # 8000 到 8020 都被占用",
            "gongkai serve --port 9000",
        ),
        WatchFailed => (
            "预览靠操作系统的文件变化通知来发现保存。网络盘、U 盘和 WSL 的 /mnt/c 上收不到这种通知，gongkai 会改为定时检查（--poll），每半秒看一次文件是否变化。",
            "The preview learns of saves from the system's file change events. Network drives, USB sticks and WSL's /mnt/c do not deliver them, so gongkai polls instead (--poll), looking every half second.",
            "gongkai serve --root Z:\\乡镇站点",
            "gongkai serve --root Z:\\乡镇站点 --poll",
        ),
        CatalogPeriodic => (
            "periodic 说明一个事项要定期公开（村务公开一般事项至少每季度一次，财务收支较多的村每月一次：村民委员会组织法第三十条；预决算每年）。gongkai report 据此区分定期事项和事件性事项：定期事项在某一期没有公告就是逾期，事件性事项（征地、救灾）没有公告只说明期间内没有发生。周期写错，报告就无法判断是否逾期。",
            "periodic says an item must be published again at a cadence (村务 at least quarterly, village finances monthly, budgets yearly). gongkai report uses it to tell periodic items, whose missing period is overdue, from event items, whose blank only means nothing happened.",
            "  - id: cw-02\n    periodic: {every: 每星期}",
            "  - id: cw-02\n    periodic: {every: month, text: 财务收支较多的村每月公布一次}",
        ),
        ReportNoNotices => (
            "报告期间内一条公告也没有时，覆盖率、及时率都没有意义，生成的文件看起来像结果却不是，所以 gongkai 不写文件。多半是年份写错了（--year 2025 写成 2052），或指定的乡镇还没有公告。",
            "With no notice in the period every figure is empty, and a file that looks like a result would mislead: nothing is written. Usually the year is mistyped or the township has no notices yet.",
            "gongkai report --year 2052",
            "gongkai report --year 2026",
        ),
        ReportEmptyTownship => (
            "报告照常生成，但该乡镇在期间内没有任何公告（所有事项都是空白栏目），或目录中没有它要公开的事项。提醒县政务公开办核实这是实情还是公告放错了位置、乡镇 字段写错了。",
            "The report is written, but the township published nothing in the period (every item is blank) or the catalogs give it no item: check whether that is true or its notices are misfiled.",
            "content/shiqiao/ 下没有公告，或公告写的是 乡镇: 石乔乡",
            "乡镇: 石桥乡",
        ),
        ReportUnknownTownship => (
            "--township 要写 book.toml 中已有的乡镇，否则报告会是空的。",
            "--township must name a township of book.toml, or the report would be empty.",
            "gongkai report --township 青山乡",
            "gongkai report --township 青山镇",
        ),
        ReportNoCalendar => (
            "逾期天数按国务院办公厅每年公布的放假和调休安排计算工作日；日历中没有的年份无法计算，gongkai 不会猜。",
            "Days late are counted in working days of the State Council's yearly holiday notice; a year the calendar lacks cannot be counted, and gongkai does not guess.",
            "gongkai report --year 2031",
            "gongkai report --year 2026（或在 calendar.toml 中加入 [2031]）",
        ),
        ReportBadPeriod => (
            "报告期间是一个年度（--year）或一个起止日期（--from 和 --to 都要写，开始不晚于结束）。",
            "The period is a year (--year) or a range (--from and --to, the start not after the end).",
            "gongkai report --from 2026-12-31 --to 2026-01-01",
            "gongkai report --from 2026-01-01 --to 2026-12-31",
        ),
        UnknownKind => (
            "种类 说明一个文件是哪一种页面：不写 种类 的是目录事项的公告；政策文件、政策解读、征求意见、意见反馈 各有自己的信息头键和页面。写错的种类无法判断该按哪种规则检查，所以这个文件不会发布。",
            "种类 says which kind of page a file is: none for a catalog notice; 政策文件, 政策解读, 征求意见 and 意见反馈 each have their own keys and pages. An unknown kind cannot be checked, so the file is not published.",
            "种类: 政策性文件",
            "种类: 政策文件",
        ),
        PolicyMissingKey => (
            "政策文件必须有 标题、文号、发文机关、成文日期、发布日期、类别；政策解读必须有 关联文件 和 发布日期；征求意见必须有 起止日期、意见提交方式、联系方式、类型；意见反馈必须写明对应的 征求意见。缺了这些，文件状态和关联关系都无法判断。",
            "A 政策文件 needs 标题 文号 发文机关 成文日期 发布日期 类别; a 解读 needs 关联文件 and 发布日期; a 征求意见 needs 起止日期 意见提交方式 联系方式 类型; a 意见反馈 names its 征求意见.",
            "---\n种类: 政策文件\n标题: 示例县城乡居民临时救助实施办法\n发布日期: 2026-03-10\n---",
            "---\n种类: 政策文件\n标题: 示例县城乡居民临时救助实施办法\n文号: 示政办〔2026〕5号\n发文机关: 示例县人民政府办公室\n成文日期: 2026-03-06\n发布日期: 2026-03-10\n类别: 行政规范性文件\n---",
        ),
        BadDocNo => (
            "文号的规范写法是“机关代字〔年份〕序号号”（GB/T 9704）。文号是解读、废止和引用找到这份文件的依据，读不出来就无法关联。",
            "A 文号 is agency〔year〕number号 (GB/T 9704); 解读, repeals and citations find the document by it.",
            "文号: 示政办2026年5",
            "文号: 示政办〔2026〕5号",
        ),
        DocNoForm => (
            "年份要用六角括号〔〕，不用方括号 [] 或圆括号 ()，序号前不加“第”、不补零。gongkai 按规范写法读取并在网页上显示规范写法，但源文件也请改正。",
            "The year goes in 〔〕, not [] or (); no 第, no leading zeros. gongkai reads and shows the standard form; correct the file too.",
            "文号: 示政办[2026]05号",
            "文号: 示政办〔2026〕5号",
        ),
        DuplicateDocNo => (
            "一个文号只对应一份文件。两份文件文号相同，多半是复制上一份文件时忘了改文号，解读和废止关系就会挂错文件。",
            "One 文号, one document. Two with the same one are usually a copied file whose 文号 was not changed.",
            "文号: 示政办〔2026〕5号   # 两个文件都这样写",
            "文号: 示政办〔2026〕6号   # 第二个文件改为自己的文号",
        ),
        UnknownRepealed => (
            "废止、修改 写的是被废止或修改的文件的文号。找不到那份文件，就没有办法把它列入“已废止”目录，群众会以为它仍然有效。旧文件即使年代久远，也应当收入政策文件库。",
            "废止/修改 name the 文号 of the document repealed or amended; without it in the library it cannot be listed as repealed.",
            "废止: 示政办〔2023〕9号   # 库中没有这个文号",
            "废止: 示政办〔2023〕8号",
        ),
        EffectiveBeforeWritten => (
            "施行日期 是文件开始执行的日子，不会早于成文（签发）日期；早了多半是年份或月份写错了。",
            "A document cannot take effect before it was signed; the year or month is usually mistyped.",
            "成文日期: 2026-03-06\n施行日期: 2025-04-01",
            "成文日期: 2026-03-06\n施行日期: 2026-04-01",
        ),
        NoInterpretation => (
            "规章和行政规范性文件要“同步起草、同步审签、同步发布”解读，最迟在文件公开后3个工作日内发布。文件发布不满3个工作日时是警告，超过后是错误。",
            "规章 and 行政规范性文件 are interpreted together with the document, at the latest 3 working days after it: a warning before that, an error after.",
            "（政策文件 示政办〔2026〕5号，没有任何 种类: 政策解读 的文件关联它）",
            "---\n种类: 政策解读\n标题: 《示例县城乡居民临时救助实施办法》政策解读\n关联文件: 示政办〔2026〕5号\n解读机关: 示例县民政局\n解读人: 王明（县民政局副局长）\n联系方式: 0556-5123456\n发布日期: 2026-03-10\n---",
        ),
        LateInterpretation => (
            "解读应与文件同步发布，最迟不超过文件公开后3个工作日（按法定节假日和调休计算）。晚发的解读照常发布，但要在今后改进。",
            "A 解读 is published with its document, at the latest 3 working days after it (official calendar).",
            "（文件 2026-03-10 发布）\n发布日期: 2026-03-20",
            "发布日期: 2026-03-10",
        ),
        UnknownDocument => (
            "关联文件 把解读（或征求意见）挂到政策文件上：写文件的文号，或者文件的路径（相对于本文件，或以 content/ 开头）。写错了，文件页面上就看不到这篇解读。",
            "关联文件 ties a 解读 (or call) to its document: its 文号, or its path (beside this file, or from content/).",
            "关联文件: 示政办〔2026〕50号",
            "关联文件: 示政办〔2026〕5号",
        ),
        InterpretationIncomplete => (
            "解读要明确解读机关、解读人和联系方式，群众看不懂可以找到人问（政策咨询）。联系方式写办公电话，不写个人手机。",
            "A 解读 names its agency, its interpreter and a contact so that readers can ask; use an office phone.",
            "解读机关: 示例县民政局",
            "解读机关: 示例县民政局\n解读人: 王明（县民政局副局长）\n联系方式: 0556-5123456",
        ),
        ShortConsultation => (
            "重大行政决策和规章草案征求意见一般不少于30日，行政规范性文件不少于7个工作日，与企业密切相关的（涉企: 是）不少于30日；期限从开始日的次日起算。确需缩短的，要在征求意见中说明理由（缩短理由）。",
            "Major decisions and 规章 drafts: at least 30 days; 规范性文件: 7 working days, 30 days when closely tied to businesses (涉企: 是); counted from the day after the start. A shorter call states 缩短理由.",
            "类型: 重大行政决策\n起止日期: 2026-11-02 至 2026-11-16",
            "类型: 重大行政决策\n起止日期: 2026-11-02 至 2026-12-02",
        ),
        NoFeedback => (
            "征求意见结束后要公布收到的意见和采纳情况，未采纳的说明理由。结束后超过 book.toml [rules] feedback_days 天（默认30天）仍没有意见反馈的，报警告。",
            "After a call closes, the comments and what was adopted are published. Past [rules] feedback_days (30) days without a 意见反馈 this is a warning.",
            "（征求意见 2026-09-30 结束，没有 种类: 意见反馈 的文件指向它）",
            "---\n种类: 意见反馈\n标题: 关于养老服务补贴办法征求意见采纳情况的说明\n征求意见: zhengqiu-yanglao.md\n发布日期: 2026-10-20\n---",
        ),
        UnknownConsultation => (
            "意见反馈的 征求意见 写对应征求意见文件的路径（相对于本文件，或以 content/ 开头），征求意见页面据此链接到反馈。",
            "A 意见反馈's 征求意见 is the call's path (beside this file, or from content/); the call's page links to it.",
            "征求意见: zhengqiu-yanglao",
            "征求意见: zhengqiu-yanglao.md",
        ),
        CitesInvalid => (
            "已失效或已废止的文件不能再作为依据使用。公告正文里引用了它的文号，多半是沿用了旧模板；如果只是介绍历史情况，可以忽略这个警告。",
            "A lapsed or repealed document may no longer be applied. A notice citing its 文号 usually copied an old template; a historical account may stay.",
            "依据《示例县临时救助暂行办法》（示政办〔2023〕8号）",
            "依据《示例县城乡居民临时救助实施办法》（示政办〔2026〕5号）",
        ),
        StatusOverride => (
            "文件状态（现行有效、已修改、已废止、已失效）由施行日期、有效期和其他文件的 废止、修改 自动得出，不需要手写。只有在这些事实之外另有决定时（例如政府常务会议决定停止执行），才写 状态 和 状态理由。",
            "The status is derived from the dates and other documents' 废止/修改. Only a decision outside these facts is written by hand, as 状态 with 状态理由.",
            "状态: 已失效",
            "状态: 已失效\n状态理由: 经县政府第12次常务会议决定停止执行\n状态日期: 2026-05-01",
        ),
        PolicyBadValue => (
            "类别 只能是 规章、行政规范性文件、其他政策文件；征求意见的 类型 只能是 重大行政决策、规范性文件、规章、其他；有效期 写“5年”这样的年数或“长期”。这些值决定文件进哪个目录、要不要解读、征求意见至少多长。",
            "类别 is 规章, 行政规范性文件 or 其他政策文件; a call's 类型 is 重大行政决策, 规范性文件, 规章 or 其他; 有效期 is a number of years or 长期.",
            "类别: 红头文件\n有效期: 五年左右",
            "类别: 行政规范性文件\n有效期: 5年",
        ),
        AnnualRegister => (
            "表三的每个数字都从依申请登记表（台账）算出：一行一件申请。gongkai 按表头文字找列，所以列的顺序、其他列（姓名、申请内容等）都不影响；但四个必需的列要有。没有申请的年份也要放一个只有表头的登记表，这样表三的 0 是算出来的，不是漏填的。",
            "Every figure of table 3 is counted from the register, one row per application. Columns are found by their header words; the four required ones must be there. A year without applications still has a register with only its header.",
            "annual/2025/申请登记.xlsx（文件名不对，表头为“日期、结果”）",
            "annual/2025/register.xlsx，表头：序号 | 申请人姓名 | 申请人类型 | 收到日期 | 补正日期 | 延期 | 答复日期 | 处理结果",
        ),
        AnnualValue => (
            "表三的行和列是国办公开办函〔2021〕30号规定的，登记表中的处理结果和申请人类型必须能对上其中一项，否则这件申请就不知道该计入哪一格。gongkai 认得常见写法（“不予公开-属于国家秘密”“三（三）1”“本机关不掌握”），认不出的会给出最接近的规定名称，不会猜。",
            "Table 3's rows and columns are fixed; each outcome and applicant type must name one of them. Common spellings are read; anything else is refused with the nearest official name, never guessed.",
            "处理结果: 已公开\n申请人类型: 公司法人",
            "处理结果: 予以公开\n申请人类型: 商业企业",
        ),
        AnnualDate => (
            "一件申请计入哪一行（本年新收、上年结转、本年办结、结转下年）和是否逾期，都由日期决定。缺日期、日期写错或答复早于收到，表三就会算错，所以这些都是错误，表格不会生成。",
            "Which row an application counts in and whether it was late depend on its dates; a missing or impossible date would make table 3 wrong, so no table is made.",
            "收到日期: 2025-03-18\n答复日期: 2025-03-10",
            "收到日期: 2025-03-18\n答复日期: 2025-04-10",
        ),
        AnnualLate => (
            "期限按官方工作日历计算（法定节假日放假、调休上班日照常计算），从收到的次日起算；延期的期限为 40 个工作日；补正的从收到补正材料的次日重新起算。跨春节、国庆的申请最容易算错。年底仍未答复且已过期限的申请也会列出。",
            "Deadlines use the official calendar (holidays off, 调休 weekend days worked), counted from the day after receipt; 40 working days with an extension; a 补正 restarts the count. Open applications past their deadline at the year's end are listed too.",
            "收到日期: 2025-09-26，答复日期: 2025-10-31（国庆放假 8 天，期限是 2025-11-03？）",
            "收到日期: 2025-09-26，答复日期: 2025-10-28（期限 2025-10-31：9 月 28 日、10 月 11 日调休上班计入）",
        ),
        AnnualGbk => (
            "WPS 和 Excel 在中文 Windows 上另存 CSV 默认是 GBK 编码。gongkai 能读（所以这是警告），但其他工具常显示乱码。",
            "WPS and Excel save CSV as GBK on Chinese Windows. gongkai reads it (a warning), other tools may show mojibake.",
            "register.csv（GBK）",
            "register.xlsx，或另存为“CSV UTF-8”",
        ),
        AnnualData => (
            "表二的行政许可、处罚、强制决定数和收费金额，表四的复议、诉讼数字，网站算不出，要从业务系统查到后写在 data.toml 中。每一项都要写，没有就写 0，这样空白不会被当成 0 漏报。",
            "Table 2's decision counts and fees and table 4's cases come from other systems: write each in data.toml, 0 if none, so a blank is never a silent 0.",
            "[表二]\n行政许可 = \"126件\"",
            "[表二]\n行政许可 = 126\n行政处罚 = 58\n行政强制 = 4\n行政事业性收费 = 35.6",
        ),
        AnnualIdentity => (
            "表三表头印着勾稽关系：第一项加第二项之和，等于第三项加第四项之和；表四每组的总计等于前四项之和。测评时常因此扣分。从登记表算出的数字本身满足它；手填的上年结转或总计不满足时报错，表格不生成。",
            "Table 3 prints its identity (一 + 二 = 三 + 四) in its header and table 4's 总计 are sums; assessments check them. Counted figures satisfy them; typed ones that do not are errors.",
            "[表三]\n上年结转 = { 自然人 = 3 }   # 登记表中没有这 3 件的办理结果",
            "把上年收到的 3 件写进登记表（收到日期为上年），删去 [表三]",
        ),
        AnnualHandNumber => (
            "网站能算出的数字（规范性文件件数、新收申请数……）手填了又与算出的不同，多半是手填的错了。表格用算出的数字；正文请用占位符，这样正文和表格总是一致。",
            "A typed figure the site computes and which differs is most likely wrong; the table uses the computed one. Use placeholders in the text.",
            "本年度共新收政府信息公开申请42件",
            "本年度共新收政府信息公开申请{{表三.一.总计}}件",
        ),
        AnnualSections => (
            "年报的一、五、六部分由机关自己写，放在 sections.md 中，每部分一个“## ”标题；二、三、四是表格，由 gongkai annual 生成。正文中的数字写成占位符，如 {{表三.一.总计}}、{{表二.行政规范性文件.本年制发}}、{{表三.逾期}}。",
            "Sections 一, 五 and 六 are the office's text in sections.md, one `## ` heading each; 二–四 are generated by gongkai annual. Figures are placeholders such as {{表三.一.总计}}.",
            "## 二、主动公开政府信息情况\n共收到申请{{表三.新收}}件",
            "## 一、总体情况\n共收到申请{{表三.一.总计}}件",
        ),
        AnnualLeak => (
            "登记表中有申请人的姓名、名称、电话、地址，只能用来计数。年报是公开的，正文中不能出现这些信息。",
            "The register holds applicants' names and contacts, for counting only; the published report (gongkai annual) must not contain them.",
            "张某某申请公开其宅基地审批材料，已予以公开。",
            "一件关于宅基地审批材料的申请，已予以公开。",
        ),
        Placeholder => (
            "gongkai new 写出的公告在每个标题下有一句括号里的提示（例如“（在此填写审核程序。）”），单位模板里常见的“【请填写…】”也一样。这些提示如果没有替换就发布，群众看到的是一份空公告，所以算作错误。",
            "gongkai new writes a bracketed note under each heading (e.g. （在此填写审核程序。）), as county Word templates do with 【请填写…】. Published unreplaced, villagers read an empty notice, so it is an error.",
            "## 审核程序\n\n（在此填写审核程序。）",
            "## 审核程序\n\n经村民代表会议民主评议、镇人民政府审核，确定以下12户为低保对象。",
        ),
        EmptyTable => (
            "表格只有表头和 | --- | 一行、下面没有内容时，页面上是一个空表格。gongkai new 为名单留下的就是这样一个空表格。",
            "A table with only its header and `| --- |` line shows as an empty table; gongkai new leaves one for a name list.",
            "| 序号 | 户主姓名 | 所在村组 | 金额（元） |\n| --- | --- | --- | --- |",
            "| 序号 | 户主姓名 | 所在村组 | 金额（元） |\n| --- | --- | --- | --- |\n| 1 | 王某某 | 一组 | 650 |",
        ),
        EmptyContact => (
            "监督电话印在公告页面和张贴文件上，群众对公示内容有异议时拨打。gongkai new 写出 监督电话: \"\"，留空就发布，公告上就没有可以打的电话。",
            "The complaints phone is printed on the page and the board; gongkai new writes 监督电话: \"\" and an empty one leaves villagers no number to call.",
            "监督电话: \"\"",
            "监督电话: \"0556-1234567\"",
        ),
        BadBoards => (
            "乡镇的公告默认贴到哪些村的公示栏，由事项的公开渠道决定（渠道有村公示栏、被征收范围内公告栏等）。征地补偿安置方案这样只涉及几个村的公告，用 张贴村 写明张贴在哪些村的公示栏，gongkai board 就把它放进这些村的张贴文件。写的村必须是本乡镇 book.toml 中的村（社区）。",
            "Which villages' boards carry a township notice follows its item's channels; a notice that concerns a few villages (a land compensation plan) lists them in 张贴村, and gongkai board puts it on those boards. Each must be a village of the township in book.toml.",
            "张贴村: [河弯村, 柳河村]",
            "张贴村: [河湾村, 柳河村]",
        ),
        BookItem => (
            "一本通的每个大项按目录事项（items）、信息头的关键词（tags）或文件位置（paths）选入办事指南；写错的事项或路径选不到任何公告，印出来的书就少了内容。",
            "Each chapter picks guides by catalog item, by 关键词 tag or by path; a wrong item or path picks nothing and the printed book misses pages.",
            "[[book.chapters]]\ntitle = \"社会救助\"\nitems = [\"社会救助/低保办理指南\"]",
            "[[book.chapters]]\ntitle = \"社会救助\"\nitems = [\"社会救助/最低生活保障/办事指南\"]",
        ),
        BookEmpty => (
            "大项选不到任何办事指南时，这一章在书里只有标题。",
            "A chapter that chooses no guide prints as a bare title.",
            "tags = [\"残疾人\"]   # 没有公告的关键词是“残疾人”",
            "tags = [\"残疾人\"]   # 公告信息头写 关键词: [残疾人]",
        ),
        GuideNotInBook => (
            "办事指南通常都应编入惠企或惠民一本通；这是提示，不是错误。只有在 book.toml 中编了一本通（[[book]]）的站点才会提示，没有编一本通的站点不提示。",
            "Service guides usually belong in one of the books; this is a hint, not an error, and only given on a site whose book.toml defines a [[book]].",
            "（book.toml 中没有选入该指南的大项）",
            "[[book.chapters]]\ntitle = \"社会保障\"\nitems = [\"社会保险/…/办事指南\"]",
        ),
        GuideElement => (
            "各省办事指南规范（如 DB33/T 2036、DB31/T 544）要求每份办事指南写明事项名称、设定依据、申请条件、申请材料、办理流程、办理时限、收费标准、办理地点、办理时间、咨询电话和监督投诉电话；缺一项，群众就要多跑一趟。标题也可以用常见的其他写法（办理事项、办理依据、办理条件、所需材料、承诺时限、收费依据及标准、办理时间、地点、联系方式等，见 docs/guide.md“写办事指南”）；信息头的 监督电话 算监督投诉电话。缺的要素合在一条里报；标题下面什么都没写的，在那个标题的一行报。",
            "Provincial standards require every guide to state its name, basis, conditions, materials, steps, time limit, fee, place, hours, enquiry and complaint phones. The usual other headings count too (办理事项, 办理依据, 所需材料, 承诺时限, 联系方式 …; see docs/guide.md), and 监督电话 in the front matter is the complaints phone. All missing elements make one finding; a blank section is reported at its heading.",
            "## 申请材料\n\n## 办理流程\n1. 提出申请",
            "## 申请材料\n| 材料名称 | 原件/复印件 | 份数 |\n|---|---|---|\n| 居民身份证 | 原件 | 1 |\n\n## 办理流程\n1. 提出申请",
        ),
        GuideFee => (
            "收费标准不能空着：不收费的要写明“不收费”，群众才知道不用带钱。",
            "The fee may not be blank: write 不收费 so that people know.",
            "## 收费标准\n无",
            "## 收费标准\n不收费",
        ),
        GuideTimeLimit => (
            "办理时限要么是即办件（“即办”），要么是承诺件（“自受理之日起 N 个工作日办结”），才能据此监督。",
            "A time limit is 即办 or N 个工作日, so that it can be checked.",
            "## 办理时限\n尽快办理",
            "## 办理时限\n自受理之日起 5 个工作日办结",
        ),
        GuidePhone => (
            "咨询电话和监督投诉电话要写区号，外地打来才能拨通。",
            "Phones need the area code so that callers from elsewhere can dial them.",
            "## 咨询电话\n1234567",
            "## 咨询电话\n0556-1234567",
        ),
        BookFont => (
            "gongkai 用本机已安装的中文字体排版一本通并嵌入 PDF，自己不带字体；依次查找 --font、GONGKAI_FONT、用户字体目录和系统字体目录。",
            "gongkai typesets the book with an installed CJK font and embeds it; it looks at --font, GONGKAI_FONT, then the font folders.",
            "gongkai book   # 服务器上没有装中文字体",
            "apt install fonts-noto-cjk && gongkai book\n或 gongkai book --font /path/simsun.ttc",
        ),
        Io => return None,
    })
}

/// The long explanation printed by `gongkai explain CODE`.
pub fn explain(code: Code, lang: Lang) -> String {
    let title = code.title();
    let fix = code.fix();
    let mut out = format!("{}: {}\n\n", code.as_str(), title.get(lang));
    let (why_l, wrong_l, right_l, fix_l) = match lang {
        Lang::Zh => ("说明：", "错误写法：", "正确写法：", "怎样改正："),
        Lang::En => ("Why: ", "Wrong:", "Right:", "How to fix: "),
    };
    if let Some((why_zh, why_en, wrong, right)) = entry(code) {
        let why = match lang {
            Lang::Zh => why_zh,
            Lang::En => why_en,
        };
        out.push_str(&format!("{why_l}{why}\n\n{wrong_l}\n{wrong}\n\n{right_l}\n{right}\n\n"));
    }
    out.push_str(&format!("{fix_l}{}\n", fix.get(lang)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_but_io_has_an_example() {
        for c in Code::ALL {
            let text = explain(*c, Lang::Zh);
            assert!(text.starts_with(c.as_str()));
            if *c != Code::Io {
                assert!(text.contains("错误写法："), "{} has no example", c.as_str());
                assert!(explain(*c, Lang::En).contains("Wrong:"));
            }
        }
    }
}
