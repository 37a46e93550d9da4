//! The stable diagnostic codes and their long explanations (`gongkai explain CODE`).
//!
//! A code never changes meaning once released: county scripts and the JSON format rely on it.

use super::Text;

macro_rules! codes {
    ($($variant:ident = $code:literal, $zh:literal, $en:literal, $fix_zh:literal, $fix_en:literal;)*) => {
        /// A stable diagnostic code, written `GK0xx`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant,)* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            fn parts(self) -> (&'static str, &'static str, &'static str, &'static str) {
                match self { $(Code::$variant => ($zh, $en, $fix_zh, $fix_en),)* }
            }
        }
    };
}

codes! {
    NotUtf8 = "GK001", "文件不是 UTF-8 编码（多为记事本或 WPS 另存的 GBK/GB18030）", "The file is not UTF-8 (usually GBK/GB18030 saved by Notepad or WPS)",
        "用记事本“另存为”，编码选择“UTF-8”；或在 WPS 中“文件→另存为→编码：UTF-8”。", "Save the file again as UTF-8 (Notepad: Save as → Encoding: UTF-8).";
    Undecodable = "GK002", "文件内容无法识别为文本", "The file's bytes cannot be read as text",
        "确认这是用文本编辑器保存的 Markdown 文件，而不是 Word 文档。", "Make sure this is a Markdown text file, not a Word document.";
    NoFrontMatter = "GK010", "缺少开头的 --- 信息头", "The notice has no front matter",
        "在文件第一行写 ---，接着写 标题、事项 等信息，再用一行 --- 结束。", "Start the file with a line `---`, the keys, and a closing `---`.";
    UnclosedFrontMatter = "GK011", "信息头没有用 --- 结束", "The front matter is not closed by `---`",
        "在信息头最后一项之后加一行 ---。", "Add a line `---` after the last key.";
    YamlSyntax = "GK012", "信息头格式错误", "Front matter syntax error",
        "每行写成“键: 值”，冒号用英文半角“:”，冒号后空一格。", "Write each line as `key: value` with an ASCII colon and a space.";
    FullWidthColon = "GK013", "信息头使用了中文全角冒号“：”", "A full-width colon `：` in the front matter",
        "把“：”改成英文半角冒号“:”，并在冒号后空一格。", "Replace `：` with an ASCII `:` followed by a space.";
    FullWidthSpace = "GK014", "信息头中有全角空格", "A full-width space in the front matter",
        "把全角空格“　”改成半角空格，或删除。", "Replace the full-width space with an ASCII space.";
    Tab = "GK015", "信息头中有制表符（Tab）", "A tab in the front matter",
        "用空格代替 Tab 键缩进。", "Indent with spaces, not tabs.";
    NotText = "GK016", "值被当成了数字或真假值", "A value was read as a number or boolean",
        "给值加上英文引号，例如 监督电话: \"05561234567\"。", "Quote the value, e.g. contact: \"05561234567\".";
    DuplicateKey = "GK017", "信息头中同一个键写了两次", "A front-matter key is given twice",
        "删除重复的一行，只保留一个值。", "Delete the repeated line and keep one value.";
    UnknownKey = "GK020", "未知的信息头键", "Unknown front-matter key",
        "检查拼写；可用的键见 gongkai explain GK020。", "Check the spelling; see gongkai explain GK020 for the keys.";
    MissingKey = "GK021", "缺少必填项", "A required key is missing",
        "在信息头中补上该项。", "Add the key to the front matter.";
    WrongType = "GK022", "值的类型不对", "A value has the wrong type",
        "按提示改写该值（文字、日期或列表）。", "Rewrite the value as the hint says (text, date or list).";
    BadDate = "GK023", "日期无法识别", "The date cannot be read",
        "写成 2026-09-25 或 2026年9月25日，并确认该日期存在。", "Write it as 2026-09-25 and check the date exists.";
    UnknownTownship = "GK024", "乡镇不在 book.toml 中", "The township is not in book.toml",
        "使用 book.toml 中 [[townships]] 的名称、slug 或代码。", "Use a name, slug or code from book.toml [[townships]].";
    UnknownVillage = "GK025", "村（社区）不在该乡镇下", "The village is not listed under the township",
        "使用 book.toml 中该乡镇 [[townships.villages]] 的名称、slug 或代码。", "Use a village listed under the township in book.toml.";
    BadPeriod = "GK026", "公示期格式错误", "The notice period cannot be read",
        "写成“2026-09-25 至 2026-10-08”，结束日期不能早于开始日期。", "Write `2026-09-25 至 2026-10-08`; the end may not precede the start.";
    UnknownItem = "GK030", "事项不在目录中", "The catalog item does not exist",
        "运行 gongkai catalog show 领域 查看事项名称，按“领域/一级事项/二级事项”填写。", "Run gongkai catalog show DOMAIN and write the item as domain/level1/level2.";
    AmbiguousItem = "GK031", "事项名称对应多个目录事项", "The item name matches several catalog items",
        "写出完整路径“领域/一级事项/二级事项”或事项编号。", "Write the full path or the item id.";
    LevelNotAllowed = "GK032", "该事项不在此层级公开", "The item is not published at this level",
        "检查 村 字段，或改用允许该层级的事项。", "Check the village key or choose an item for this level.";
    MissingElement = "GK033", "缺少事项要求的公开要素", "A required element of the item is missing",
        "为该要素加一个二级标题（## 要素名），写上内容。", "Add a level-2 heading `## element` with its content.";
    MissingPeriod = "GK034", "该事项需要公示期", "The item requires a notice period",
        "在信息头写 公示期: 开始日期 至 结束日期。", "Add `公示期: START 至 END`.";
    ShortPeriod = "GK035", "公示期短于目录规定", "The notice period is shorter than the catalog requires",
        "延长公示期的结束日期（首日不计入）。", "Move the end date later (the first day is not counted).";
    Late = "GK040", "超过公开时限发布", "Published after the time limit",
        "今后在时限内发布；如形成日期填错，请更正。", "Publish within the limit; correct the formed date if it is wrong.";
    FutureDate = "GK041", "发布日期晚于今天", "The publish date is in the future",
        "发布日期不能晚于构建日期（--date）。", "The publish date may not be after the build date (--date).";
    NoCalendar = "GK042", "缺少该年度的法定节假日安排", "No official holiday calendar for that year",
        "在站点 calendar.toml 中加入该年的放假和调休安排。", "Add that year's holidays and make-up days to calendar.toml.";
    PublishedBeforeFormed = "GK043", "发布日期早于形成日期", "Published before the information was formed",
        "检查两个日期是否写反。", "Check whether the two dates are swapped.";
    IdNumber = "GK050", "发现未遮蔽的身份证号码", "An unmasked resident ID number",
        "改为遮蔽形式：前6位 + ******** + 后4位。", "Mask it: first 6 + ******** + last 4.";
    OldIdNumber = "GK051", "发现未遮蔽的15位身份证号码", "An unmasked 15-digit ID number",
        "改为遮蔽形式：前6位 + ***** + 后4位。", "Mask it: first 6 + ***** + last 4.";
    Mobile = "GK052", "发现未遮蔽的手机号码", "An unmasked mobile number",
        "改为遮蔽形式：前3位 + **** + 后4位；公务电话请加入 book.toml 的 contacts。", "Mask it: 3 + **** + 4; list official numbers in book.toml contacts.";
    BankCard = "GK053", "发现未遮蔽的银行卡号", "An unmasked bank card number",
        "只保留后4位，例如 ****1234。", "Keep only the last 4 digits, e.g. ****1234.";
    PeopleColumn = "GK054", "名单中有不得公开的个人信息列", "A name list has a column that may not be published",
        "删除该列；名单只公开目录允许的列（如户主姓名、所在村组、保障人数、金额）。", "Remove the column; publish only the columns the catalog allows.";
    EmptyExemption = "GK055", "隐私豁免没有写明理由", "A privacy exemption without a reason",
        "写明依据和理由，例如 隐私豁免: 经本人书面同意公开联系电话。", "Write the reason for the exemption.";
    OutputLeak = "GK056", "生成的文件中有未遮蔽的个人信息", "An output file would carry an unmasked identifier",
        "在来源文件中把号码改为遮蔽形式；没有写入任何文件，原有网站保持不变。", "Mask the number in the source file; nothing was written.";
    UncheckedAttachment = "GK057", "附件内容无法自动检查个人信息", "An attachment's text cannot be checked automatically",
        "人工核对该附件（扫描件、图片、加密 PDF）中没有身份证号、手机号、银行卡号，或改用可检查的格式。", "Check the attachment by hand for identifiers, or use a format gongkai can read.";
    BrokenLink = "GK060", "站内链接指向不存在的文件", "An internal link points to a missing file",
        "检查链接路径，或把被链接的文件放进站点。", "Fix the link path or add the file.";
    MissingFile = "GK061", "附件或数据文件不存在", "An attachment or data file is missing",
        "把文件放在公告旁边，文件名与信息头中写的一致。", "Put the file beside the notice with exactly that name.";
    OutsideRoot = "GK062", "路径超出站点目录", "A path leaves the site folder",
        "只引用站点目录内的文件，不要用 ../ 跳出站点。", "Reference only files inside the site.";
    DuplicateOutput = "GK063", "两个文件会生成同一个网页", "Two files would produce the same page",
        "修改其中一个文件的文件名或位置。", "Rename or move one of the files.";
    BadData = "GK064", "数据文件无法读取", "The data file cannot be read",
        "用 UTF-8 编码的 CSV 或 xlsx，第一行为列名。", "Use a UTF-8 CSV or xlsx with a header row.";
    Config = "GK070", "book.toml 格式错误", "book.toml syntax error",
        "按 TOML 格式书写：键 = \"值\"，字符串加英文引号。", "Write TOML: key = \"value\".";
    ConfigUnknownKey = "GK071", "book.toml 中有未知的键", "Unknown key in book.toml",
        "检查拼写，参照 gongkai init 生成的 book.toml。", "Check the spelling against the book.toml made by gongkai init.";
    ConfigValue = "GK072", "book.toml 中的值不合要求", "Invalid value in book.toml",
        "按提示修改该值。", "Change the value as the hint says.";
    CalendarFile = "GK073", "calendar.toml 格式错误", "calendar.toml error",
        "按内置日历的格式书写，每年一节：[2027] source = \"通知名称\" holidays = [\"2027-01-01\"] workdays = []。", "Write one table per year: [2027] source = \"…\" holidays = [\"2027-01-01\"] workdays = [].";
    CatalogSyntax = "GK080", "目录文件格式错误", "Catalog file syntax error",
        "按 docs/catalog-format.md 的格式书写目录 YAML。", "Follow docs/catalog-format.md.";
    CatalogInvalid = "GK081", "目录文件内容不合要求", "Invalid catalog content",
        "按提示修改该目录项。", "Fix the catalog row as the hint says.";
    DuplicateItemId = "GK082", "目录事项编号重复", "Duplicate catalog item id",
        "每个事项的 id 必须唯一。", "Give every item a unique id.";
    Template = "GK090", "模板错误", "Template error",
        "检查主题模板的语法和变量名。", "Check the theme template's syntax and variables.";
    Suppressed = "GK099", "同类问题过多，其余未逐条列出", "Too many findings of one kind; the rest are counted",
        "先改正列出的问题，再运行 gongkai check 查看其余的。", "Fix the listed ones, then run gongkai check again.";
    CatalogPeriodic = "GK100", "目录事项的更新周期（periodic）无法识别", "A catalog item's cadence (periodic) cannot be read",
        "periodic.every 写 month、quarter、half-year 或 year（也可写 每月、每季度、每半年、每年）。", "Write periodic.every as month, quarter, half-year or year.";
    ReportNoNotices = "GK101", "报告期间内没有任何公告", "No notice was published in the report period",
        "检查 --year 或 --from/--to 是否写对；报告只统计发布日期在期间内的公告。", "Check --year or --from/--to; the report counts notices published in the period.";
    ReportEmptyTownship = "GK102", "乡镇在报告中没有可统计的内容", "A township has nothing to report",
        "确认该乡镇的公告放在 content/ 下且 乡镇 字段写对；目录中乡级事项为空时检查目录文件的 levels。", "Check the township's notices and their 乡镇 key, or the catalog levels.";
    ReportUnknownTownship = "GK103", "--township 指定的乡镇不在 book.toml 中", "The --township is not in book.toml",
        "使用 book.toml 中 [[townships]] 的名称、slug 或代码。", "Use a name, slug or code from book.toml [[townships]].";
    ReportNoCalendar = "GK104", "报告期间超出工作日历的年份", "The report period lies outside the working-day calendar",
        "选择日历中已有的年份，或在站点 calendar.toml 中加入该年的放假和调休安排。", "Pick a year the calendar has, or add that year to calendar.toml.";
    ReportBadPeriod = "GK105", "报告期间写得不对", "The report period is not valid",
        "写 --year 2026，或 --from 2026-01-01 --to 2026-06-30（开始不晚于结束）。", "Write --year 2026, or --from 2026-01-01 --to 2026-06-30 (start not after end).";
    Io = "GK091", "读写文件失败", "File could not be read or written",
        "检查文件是否存在、是否有权限、磁盘是否已满。", "Check the file exists, permissions and disk space.";
    PackPathTooLong = "GK120", "打包后的文件路径超过 Windows 的长度限制", "A bundle path is too long for Windows",
        "把文件名改短，或改短 book.toml 中的 slug。", "Shorten the file name or the slug in book.toml.";
    PackBadName = "GK121", "文件名在 U 盘或 Windows 上不能使用", "A file name is not valid on USB sticks or Windows",
        "给文件改名：不用 CON、AUX、NUL、COM1 等保留名，不用 < > : \" | ? *，不以句点或空格结尾。", "Rename the file: no CON/AUX/NUL/COM1, no < > : \" | ? *, no final dot or space.";
    PackCaseClash = "GK122", "两个文件只有大小写不同", "Two files differ only in letter case",
        "给其中一个文件换个名字。", "Rename one of the files.";
    PackFileTooLarge = "GK123", "文件超过 FAT32 格式 U 盘的 4 GB 上限", "A file is over FAT32's 4 GB limit",
        "把文件拆小或压缩；或把 U 盘格式化为 exFAT 或 NTFS 后另行拷贝该文件。", "Split or compress the file, or use an exFAT/NTFS stick for it.";
    PackMissing = "GK124", "打包文件夹中缺少文件", "A file of the bundle is missing",
        "从原始打包文件重新完整拷贝，拷贝完成前不要拔出 U 盘。", "Copy the whole bundle again and wait for the copy to finish before unplugging.";
    PackModified = "GK125", "文件与清单不符（已损坏或被改动）", "A file differs from the manifest (damaged or changed)",
        "从原始打包文件重新拷贝；U 盘反复出错时请更换 U 盘。", "Copy the bundle again; replace the stick if it keeps failing.";
    PackExtra = "GK126", "文件夹中有清单以外的文件", "A file that is not in the manifest",
        "如不是有意放入的，删除该文件。", "Delete the file unless it was put there on purpose.";
    PackManifest = "GK127", "打包清单缺失或损坏", "The bundle's manifest is missing or damaged",
        "从原始打包文件重新拷贝整个文件夹，或重新运行 gongkai pack。", "Copy the whole bundle again, or run gongkai pack again.";
    PackTarget = "GK128", "打包输出位置不可用", "The pack output cannot be used",
        "用 --output 指定一个新的文件夹或 .zip 文件名。", "Give a new folder or .zip file with --output.";
    TableUnreadable = "GK110", "表格无法读取", "The table cannot be read",
        "在 WPS/Excel 中打开该表格，“另存为”Excel 工作簿（.xlsx）或 CSV 后再试；表格正在编辑时先关闭。", "Open the table in WPS/Excel and save it as .xlsx or CSV, then try again.";
    TableNoHeader = "GK111", "表格中找不到表头（列名行）", "The table has no recognisable header row",
        "保留表格的列名行：目录表如 序号、一级事项、二级事项、公开内容（要素）、公开时限；名单如 序号、户主姓名、所在村组。", "Keep the header row: 序号, 一级事项, 二级事项, 公开内容… for a catalog; 序号, 户主姓名, 所在村组… for a list.";
    TableRow = "GK112", "目录表格中有一行无法读取", "A row of the catalog table cannot be read",
        "按提示改正该单元格后重新导入；读不懂的行不会被猜测着写进目录。", "Fix the cell as the hint says and import again; unreadable rows are never guessed.";
    ImportDomain = "GK113", "无法确定目录表格属于哪个领域", "The catalog table's domain is unknown",
        "用 --domain 指定领域，例如 --domain 社会救助。", "Pass --domain, e.g. --domain 社会救助.";
    NumberAsNumber = "GK114", "长数字被存成了数值，位数已经丢失", "A long number was stored as a number and lost digits",
        "在 WPS/Excel 中把该列设为“文本”格式，再从原系统重新导出或重新录入这些号码；丢失的位数无法恢复。", "Format the column as text and take the numbers again from the source system; lost digits cannot be recovered.";
    SheetChoice = "GK115", "需要指定工作表", "Which sheet to read must be given",
        "用 --sheet 工作表名称 指定要读取的工作表。", "Pass --sheet NAME.";
    MaskNoList = "GK116", "该事项没有可公开的名单列", "Nothing of this list may be published for the item",
        "确认 --item 是名单类事项（如 社会救助/最低生活保障/审核信息），表格中有姓名、村组、金额等列。", "Check that --item is a list item and the table has name, place or amount columns.";
    UnknownKind = "GK150", "种类无法识别", "Unknown kind of page (种类)",
        "种类 写 政策文件、政策解读、征求意见 或 意见反馈；普通公告不写 种类。", "Write 种类 as 政策文件, 政策解读, 征求意见 or 意见反馈; a catalog notice has no 种类.";
    PolicyMissingKey = "GK151", "政策文件、解读或征求意见缺少必填项", "A policy document, interpretation or call lacks a required key",
        "在信息头中补上该项（各种类的键见 docs/policy.md）。", "Add the key (the keys of each kind are in docs/policy.md).";
    BadDocNo = "GK152", "文号格式错误", "The 文号 cannot be read",
        "写成 机关代字〔年份〕序号号，例如 示政办〔2026〕12号。", "Write it as agency〔year〕number号, e.g. 示政办〔2026〕12号.";
    DocNoForm = "GK153", "文号的括号或写法不规范", "The 文号 is written in a non-standard form",
        "年份用六角括号〔〕，序号不加“第”、不补零，例如 示政办〔2026〕12号。", "Put the year in 〔〕, no 第 and no leading zeros, e.g. 示政办〔2026〕12号.";
    DuplicateDocNo = "GK154", "两个政策文件的文号相同", "Two documents have the same 文号",
        "核对两份文件的文号，改正抄错的一份；同一文件只保留一个文件。", "Check both 文号 and correct the wrong one; keep one file per document.";
    UnknownRepealed = "GK155", "废止或修改的文件不存在", "A repealed or amended document does not exist",
        "核对 废止/修改 中的文号；被废止的旧文件也要放进政策文件库。", "Check the 文号 in 废止/修改; the old document belongs in the library too.";
    EffectiveBeforeWritten = "GK156", "施行日期早于成文日期", "The 施行日期 is before the 成文日期",
        "核对文件落款和施行条款，改正日期。", "Check the document's date and its entry-into-force clause.";
    NoInterpretation = "GK157", "规章或行政规范性文件没有政策解读", "A 规章 or 行政规范性文件 has no 解读",
        "新建一篇 种类: 政策解读，关联文件 写该文件的文号，与文件同步发布（最迟3个工作日内）。", "Write a 种类: 政策解读 whose 关联文件 is the 文号, within 3 working days.";
    LateInterpretation = "GK158", "政策解读晚于文件发布3个工作日以上", "The 解读 came more than 3 working days after its document",
        "今后解读与文件同步发布；如发布日期填错，请更正。", "Publish the 解读 with the document; correct the date if it is wrong.";
    UnknownDocument = "GK159", "关联文件不存在", "The 关联文件 does not exist",
        "关联文件 写政策文件库中已有文件的文号，或该文件的路径。", "Write the 文号 or the path of a document of the library.";
    InterpretationIncomplete = "GK160", "政策解读没有写明解读机关、解读人或联系方式", "The 解读 lacks its agency, interpreter or contact",
        "补上 解读机关、解读人 和 联系方式（座机或办公电话）。", "Add 解读机关, 解读人 and 联系方式 (an office phone).";
    ShortConsultation = "GK161", "征求意见期限短于规定", "The consultation is shorter than its type allows",
        "延长 起止日期 的结束日期；确需缩短的，写明 缩短理由。", "Move the end later, or state 缩短理由.";
    NoFeedback = "GK162", "征求意见结束后没有公布意见采纳情况", "No feedback was published after the consultation closed",
        "新建一篇 种类: 意见反馈，征求意见 写该征求意见文件的路径，公布收到的意见和采纳情况。", "Write a 种类: 意见反馈 naming the call, with the comments and what was adopted.";
    UnknownConsultation = "GK163", "意见反馈对应的征求意见不存在", "The feedback's consultation does not exist",
        "征求意见 写征求意见文件的路径，例如 征求意见: zhengqiu-2026-yanglao.md。", "Write the call's path, e.g. 征求意见: zhengqiu-2026-yanglao.md.";
    CitesInvalid = "GK164", "公告引用了已失效或已废止的文件", "A notice cites a lapsed or repealed document",
        "改为引用现行有效的文件；确属历史情况说明的，可以不改。", "Cite the document now in force; a historical account may stay.";
    StatusOverride = "GK165", "手工调整的文件状态无法采用", "A hand-set status cannot be used",
        "状态由日期和废止关系自动得出；确需手工调整时，写 状态（现行有效/已废止/已失效/已修改）和 状态理由。", "Status is derived; to override it write 状态 and 状态理由.";
    PolicyBadValue = "GK166", "政策文件、解读或征求意见的值不合要求", "A value of a policy document, interpretation or call is not valid",
        "按提示改写该值。", "Rewrite the value as the hint says.";
    PortTaken = "GK130", "预览端口被占用", "The preview port is taken",
        "关掉占用端口的程序（可能是另一个 gongkai serve），或换一个端口：gongkai serve --port 9000。", "Stop the program on that port (maybe another gongkai serve) or pick another: gongkai serve --port 9000.";
    WatchFailed = "GK131", "收不到文件变化通知", "File change events are not available",
        "在网络盘、U 盘或 WSL 的 /mnt/c 上请加 --poll：gongkai serve --poll。", "On network drives, USB sticks or WSL's /mnt/c, add --poll: gongkai serve --poll.";
    AnnualRegister = "GK190", "依申请登记表缺少或读不出", "The 依申请 register is missing or cannot be read",
        "在 annual/<年度>/ 中放 register.xlsx 或 register.csv，第一行写表头：收到日期、申请人类型、答复日期、处理结果（可加 延期、补正日期）。", "Put register.xlsx or register.csv in annual/<year>/ with a header row: 收到日期, 申请人类型, 答复日期, 处理结果 (optional 延期, 补正日期).";
    AnnualValue = "GK191", "登记表中的值不在年报的规定列表中", "A register value is not in the official list",
        "处理结果写年报表三的规定名称（如“予以公开”“不予公开-属于国家秘密”），申请人类型写 自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他，延期写 是 或 否。", "Write the outcome as table 3 names it, the applicant type from the six columns, 延期 as 是 or 否.";
    AnnualDate = "GK192", "登记表中的日期缺少、读不出或前后矛盾", "A register date is missing, unreadable or out of order",
        "每件申请写收到日期；已答复的写答复日期和处理结果；答复不能早于收到或补正。日期写成 2025-03-18。", "Every application has a 收到日期; answered ones a 答复日期 and an outcome, not before receipt or completion.";
    AnnualLate = "GK193", "依申请答复超过法定期限", "A reply came after the statutory deadline",
        "条例第三十三条：20 个工作日内答复，经批准延期的再加 20 个工作日；补正的从收到补正材料之日起重新计算。核对登记表的日期；确属逾期的，在年报“存在的主要问题及改进情况”中说明。", "Art. 33: 20 working days, 20 more with an approved extension; a 补正 restarts the clock. Check the dates; if late, say so in section 五.";
    AnnualGbk = "GK194", "登记表是 GBK 编码的 CSV", "The register is a GBK CSV",
        "已按 GB18030 读取，数字照常计算；建议在 WPS 中另存为 Excel 工作簿（.xlsx），或另存 CSV 时选择 UTF-8。", "It was read as GB18030; better save it as .xlsx, or as UTF-8 CSV.";
    AnnualData = "GK195", "data.toml 的值不合要求", "A value of data.toml is not valid",
        "按 docs/annual.md 的格式填写：[表二] 行政许可、行政处罚、行政强制（件数），行政事业性收费（万元）；[表四.行政复议] 等三组。", "Follow docs/annual.md: [表二] counts and the fee in 万元; the three groups of [表四].";
    AnnualIdentity = "GK196", "年报表格的数字不满足勾稽关系", "The tables' numbers break an identity",
        "表三每列：第一项 + 第二项 = 第三项（七）总计 + 第四项；表四每组：总计 = 前四项之和。改正填写的数字，或把缺少的申请补进登记表。", "Table 3: 一 + 二 = 三（七） + 四 per column; table 4: 总计 = the four columns. Fix the typed figure or complete the register.";
    AnnualHandNumber = "GK197", "手填的数字与网站算出的不一致", "A typed figure differs from the computed one",
        "网站能算出的数字不要手填：正文中写占位符（如 {{表三.一.总计}}），data.toml 中删去该项。", "Do not type what the site computes: use the placeholder in the text, drop the key from data.toml.";
    AnnualSections = "GK198", "年报正文（sections.md）有误", "The report's text (sections.md) has a problem",
        "sections.md 写三节：## 一、总体情况、## 五、存在的主要问题及改进情况、## 六、其他需要报告的事项；占位符的名称见 docs/annual.md。", "sections.md has three sections (一, 五, 六); placeholder names are in docs/annual.md.";
    AnnualLeak = "GK199", "年报中出现了申请人的信息", "The report contains an applicant's details",
        "登记表只用来计数，年报不得出现申请人的姓名、名称、电话、地址：从正文中删去。", "The register is for counting only: remove applicants' names and contacts from the text.";
    Placeholder = "GK170", "模板的提示文字还没有替换", "A template's fill-in note was not replaced",
        "把“（在此填写…）”这样的提示换成实际内容。", "Replace notes such as （在此填写…） with the actual content.";
    EmptyTable = "GK171", "表格只有表头，没有内容", "A table has a header and no rows",
        "在表头下面逐行写上内容，或删掉空表格。", "Add the rows below the header, or delete the empty table.";
    EmptyContact = "GK172", "监督电话是空的", "The complaints phone is empty",
        "写上监督举报电话，或删掉这一行沿用 _index.md 中的。", "Write the phone, or delete the line to use the _index.md's.";
    BadBoards = "GK173", "张贴村写得不对", "`张贴村` names a board that cannot carry the notice",
        "张贴村 只写本乡镇 book.toml 中的村（社区），并且只用于乡镇的公告。", "List villages of the notice's township in book.toml, on a township notice only.";
    BookItem = "GK180", "一本通的大项选择了不存在的目录事项或路径", "A book's chapter names an item or path that does not exist",
        "把 items 写成 gongkai catalog list 列出的事项路径，paths 写成 content/ 下存在的文件或目录。", "Use an item path from gongkai catalog list, and paths that exist under content/.";
    BookEmpty = "GK181", "一本通的大项没有选到任何办事指南", "A book's chapter chooses no guide",
        "检查 items、tags、paths 是否与公告的 事项、关键词 和文件位置一致。", "Check that items, tags and paths match the guides' 事项, 关键词 and files.";
    GuideNotInBook = "GK182", "办事指南没有编入任何一本通", "A service guide is in no book",
        "在 book.toml 某本书的大项中用 items、tags 或 paths 选入它；不需要编入的可以不管。", "Choose it in a chapter of a book in book.toml (items, tags or paths); or leave it out on purpose.";
    GuideElement = "GK183", "办事指南缺少必备要素", "A service guide lacks a required element",
        "按提示补上该要素的“## 标题”和内容（事项名称、设定依据、申请条件、申请材料、办理流程、办理时限、收费标准、办理地点、办理时间、咨询电话、监督投诉电话）。", "Add the element as a `##` section with its content.";
    GuideFee = "GK184", "办事指南的收费标准为空或含糊", "A guide's fee is blank or vague",
        "不收费的写明“不收费”；收费的写明标准和依据。", "Write 不收费 when free; otherwise the amount and its basis.";
    GuideTimeLimit = "GK185", "办事指南的办理时限写法不合要求", "A guide's time limit is not in the required form",
        "写“即办”，或“自受理之日起 N 个工作日办结”。", "Write 即办, or 自受理之日起 N 个工作日办结.";
    GuidePhone = "GK186", "办事指南的电话不是“区号-号码”格式", "A guide's phone number is not area code - number",
        "写成 0556-1234567 这样的固定电话（区号-号码），或 12345 这样的服务热线。", "Write a landline as 0556-1234567, or a hotline such as 12345.";
    BookFont = "GK187", "找不到可以排版一本通的中文字体", "No Chinese font to typeset the book",
        "安装中文字体（Debian/Ubuntu：apt install fonts-noto-cjk；Windows 自带宋体、微软雅黑），或用 --font 文件 / 环境变量 GONGKAI_FONT 指定字体文件。", "Install a CJK font (apt install fonts-noto-cjk), or pass --font FILE / set GONGKAI_FONT.";
}

impl Code {
    pub fn parse(s: &str) -> Option<Code> {
        let s = s.trim().to_ascii_uppercase();
        Code::ALL.iter().copied().find(|c| c.as_str() == s)
    }

    /// The one-line title of the code.
    pub fn title(self) -> Text {
        let (zh, en, _, _) = self.parts();
        Text::new(zh, en)
    }

    /// The general fix, used when a rule has nothing more specific to say.
    pub fn fix(self) -> Text {
        let (_, _, zh, en) = self.parts();
        Text::new(zh, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_parse_back() {
        let mut seen = std::collections::BTreeSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()), "duplicate {}", c.as_str());
            assert_eq!(Code::parse(c.as_str()), Some(*c));
        }
        assert_eq!(Code::parse("gk013"), Some(Code::FullWidthColon));
    }
}
