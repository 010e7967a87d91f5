/// Why each rule has its severity (issue 24; docs/severity.md). An error means the report must not
/// be published as it is: `build` withholds it. A warning means a person should look: the report is
/// published with it. Each reason is written for one severity, so changing a rule's severity without
/// rewriting its reason fails a test, as does a rule without a reason.
extension Rule {
    /// Why this rule is an error or a warning: a Chinese sentence with the English gist. Empty for a
    /// rule without a reason or whose reason argues for another severity (never shown), which a test forbids.
    public var severityReason: String {
        guard let reason = Self.severityReasons[id], reason.severity == severity else { return "" }
        return reason.text
    }

    /// A reason and the severity it argues for.
    struct SeverityReason: Sendable {
        let severity: Severity
        let text: String
        static func error(_ text: String) -> Self { Self(severity: .error, text: text) }
        static func warning(_ text: String) -> Self { Self(severity: .warning, text: text) }
    }

    /// Shared by the five privacy rules: what is published cannot be taken back.
    private static let cannotBeTakenBack = "一经公布便无法收回，必须在发布前删去。"

    static let severityReasons: [String: SeverityReason] = [
        // Input: what nianbao cannot read, it can neither check nor publish as written.
        "report-incomplete": .error("没有正文或统计表就没有完整的年度报告，发布半份报告等于漏报法定内容。 (Without the narrative or the tables there is no report to publish.)"),
        "file-unreadable": .error("读不到的文件既无法检查也无法发布；照常生成，网站上的报告会悄悄缺少这部分。 (Unread content would silently be missing from the site.)"),
        "file-not-regular": .error("命名管道、设备文件没有确定的内容，读取可能永远不结束，发布的内容无从确定。 (A FIFO or device has no fixed content to publish.)"),
        "file-encoding": .error("编码读错，公布的就是乱码；按 accept_gb18030 转换读取的 GB18030 文件文字已正确读出，只作警告。 (Misdecoded text would be published as garbage; a GB18030 file read via accept_gb18030 is only a warning.)"),
        "path-encoding": .error("名称不是 UTF-8 的文件夹无法读取，也无法成为网址，其中的报告不能发布；报为错误，免得它被悄悄漏掉。 (Its reports cannot be read or given a URL; an error so they are not silently missing.)"),
        "file-binary": .error("误存为 Word、PDF 或图片的文件读不出文字，公布出去的会是乱码。 (A binary file would be published as garbage.)"),
        "file-empty": .error("必需的文件为空，报告就缺少法定内容。 (An empty required file leaves statutory content out.)"),
        "text-invisible-character": .error("看不见的控制字符使公布的文字显示得与实际内容不同，或使检索、复制的数字出错。 (Readers would see something other than what the text contains.)"),
        "yaml-syntax": .error("语法错误的文件读不出确定的内容，nianbao 不猜测，因此无法检查，也不能发布。 (A file with syntax errors has no definite content; nianbao does not guess.)"),
        "yaml-tag": .error("带标签的值 nianbao 不转换也不猜测其含义，交给其他工具还有执行代码的风险。 (Tagged values are not guessed at and are unsafe for other tools.)"),
        "yaml-shape": .error("结构不符，数字放不进表格的格子，公布的表格会缺数或错位。 (Numbers in the wrong structure would be missing or misplaced in the published table.)"),
        "agency-config": .error("没有机关全称和类别，报告不知署谁的名、按哪个时限公布，该机关的报告不发布；文件夹名不宜作网址、重复的汇总年度等不妨碍正确生成的只作警告。 (Without name and kind a report has no issuer and no deadline; problems that do not stop a correct build are warnings.)"),
        "site-config": .error("nianbao.yaml 决定整个网站，其中的错误会出现在每一页上，因此整个网站不生成；无法识别的键只是被略过，只作警告。 (The site configuration is on every page; an unknown key is only ignored, a warning.)"),
        // Structure: the six statutory sections of 条例第五十条.
        "section-missing": .error("条例第五十条规定的内容缺了一部分，就是漏报法定事项（“不能遗漏”）。 (A missing statutory section is content left out.)"),
        "section-order": .error("年报格式规定六个部分的顺序；顺序错乱，公布的报告与法定格式不符。 (The published report would not follow the statutory order.)"),
        "section-duplicate": .error("同一法定部分写了两次，读者无法知道哪一份是准确的。 (Two versions of one section: readers cannot tell which is right.)"),
        "section-heading-variant": .warning("标题能识别为法定部分，内容没有缺失，只是写法不同，由人决定是否改为规范写法。 (The section is there; only the heading's wording differs.)"),
        "section-unknown": .warning("多出的二级标题不影响法定内容是否齐全，多半是小标题用错了级别，请人看一眼。 (An extra heading leaves nothing out; probably a subheading at the wrong level.)"),
        "front-matter-missing": .error("没有标题、机关、年度和发布时间，网页无法按《政府网站发展指引》标明来源和发布时间，也无法判断是否按期公布。 (A page without title, source and date does not meet the website guideline.)"),
        "front-matter-invalid": .error("年度、机关或发布日期写错，报告就以错误的年度、机关或日期公布；只缺时分的发布时间日期是对的，只作警告。 (The report would be published under a wrong year, agency or date; a date without time is a warning.)"),
        "not-filled-in": .error("留有「待填写」的报告是未完成的草稿，公布出去就是空话或漏报。 (A report with template placeholders left is an unfinished draft.)"),
        // Form: the statutory tables as the form prints them.
        "form-version": .error("用错版本的表格，公布的统计表与该年度的法定格式不符，行列的含义也不同。 (The published tables would not be the form required for that year.)"),
        "form-outdated-row": .error("结构与本年度格式不同的行（如把三行写成一行）放不进法定表格的格子，公布的表格会与格式不符。 (A row structured as in the other edition has no place in this year's table.)"),
        "cell-missing": .error("法定表格缺了整个表格或整行，公布的表格就不完整，等于擅自删减报告事项；没有发生的填 0。 (A table or row left out makes the published tables incomplete.)"),
        "cell-blank": .warning("空白本身不使表格算错：它按“未知”参加核对，能推算的给出应填的数，推算出的数与其他关系矛盾时另有 arith-* 错误；空白的数读者无法核对，由人补填。 (A blank makes no identity fail by itself; any contradiction is an arith-* error; a person fills it in.)"),
        "cell-unknown": .error("无法识别的行或列中的数字放不进法定表格，公布时会悄悄丢掉。 (Numbers under unknown labels would silently be left out of the published table.)"),
        "label-variant": .warning("标签能识别，数字照常读取、核对并显示在规范标签下；只是写法与官方文字不同，由人改为规范写法。 (The numbers are kept and checked; only the label's wording differs.)"),
        "cell-value": .error("值不是数字，nianbao 不猜测其含义；照常公布，这一格就是错的或空的。 (nianbao does not guess; the published cell would be wrong or empty.)"),
        "cell-negative": .warning("件数不为负只是推论（研究资料标为 [UNCERTAIN]，格式未明文规定），由人核对。 (Non-negative counts are an inference marked [UNCERTAIN]; a person checks.)"),
        // Arithmetic: every failing identity of a statutory table is an error (issue 24).
        "arith-column-balance": .error("年报格式表头印明“第一项加第二项之和，等于第三项加第四项之和”；不成立，公布的表格就是错的。 (The identity printed on the form fails: the published table would be wrong.)"),
        "arith-results-total": .error("总计不等于各办理结果之和，公布的表格就是错的；这一关系由“总计”推出，格式未印出（[UNCERTAIN]），评查普遍按此核对。 (A total that is not the sum of its rows makes the published table wrong.)"),
        "arith-row-total": .error("各类申请人互不重叠，行总计不等于其和，公布的表格就是错的；这一关系由表头“总计”推出（[UNCERTAIN]）。 (A row total that is not the sum of the applicant columns makes the published table wrong.)"),
        "arith-outcome-total": .error("四种结果互不重叠，总计不等于其和，公布的表格就是错的；这一关系由“总计”推出（[UNCERTAIN]）。 (A review or litigation total that is not the sum of its outcomes makes the published table wrong.)"),
        // Across years: inferences, and last year's report may be the wrong one.
        "carry-over-mismatch": .warning("前后衔接是推论（[UNCERTAIN]），错的也可能是已公布的上一年度报告；由人核对并在报告中说明。 (An inference; last year's published report may be the wrong one.)"),
        "stock-drift": .warning("清理、修订会使这一估算不成立，格式也未规定（[UNCERTAIN]），只请人核对。 (An estimate that clean-ups break, marked [UNCERTAIN].)"),
        // Publication.
        "published-late": .warning("逾期是已经发生的事实，机关应在报告中如实说明、下一年度改正；不发布只会更晚。 (Lateness is a fact the office must state and fix next year; refusing to publish makes it later.)"),
        "published-early": .warning("统计期限结束前发布多半是年份写错，但格式未明文规定，由人核对。 (Probably a wrong year, but no rule says so; a person checks.)"),
        "report-year-future": .error("年度尚未结束就没有年度报告可言，这一定是年份写错，以错误年度公布会误导读者。 (A report for a year not yet ended has a wrong year.)"),
        "fee-statement-missing": .warning("2021 年格式第（六）项的原文未能核实（[UNCERTAIN]），说法又多种多样，识别可能漏认，由人确认。 (The requirement's text is unverified and wordings vary; a person confirms.)"),
        // Narrative.
        "placeholder-unknown": .error("占位符不是表格的格子，网页上替换不出数字，公布的句子会缺数。 (The placeholder names no cell; the published sentence would lack its number.)"),
        "narrative-contradiction": .warning("识别句子依靠常见句式，可能误读；确实不一致时，由人判断该改正文还是表格。 (Sentences are read by common patterns and may be misread; a person decides.)"),
        "narrative-raw-html": .error("这些 HTML 为防脚本、防破坏版式不会发布，网页上的内容就与所写的不同。 (The raw HTML is left out, so the page would differ from what was written.)"),
        "narrative-too-deep": .error("嵌套这么深的正文网页上缩进到看不见，打印版无法排版，只会来自误操作或构造的文件。 (Such nesting cannot be shown or printed and comes only from mistakes or crafted files.)"),
        // Privacy: 条例第十五条.
        "privacy-id-number": .error("身份证号码是敏感个人信息，条例第十五条规定涉及个人隐私的不得公开；" + cannotBeTakenBack + " (ID numbers are sensitive personal data; once published they cannot be taken back.)"),
        "privacy-mobile": .error("个人手机号码涉及个人隐私，不得公开；机关公开的电话写入 public_contacts 便不报告，其余的" + cannotBeTakenBack + " (A personal mobile number is private; once published it cannot be taken back.)"),
        "privacy-credit-code": .error("统一社会信用代码可指向具体纳税人，涉及商业秘密，不得公开；" + cannotBeTakenBack + " (The code can identify a taxpayer, a trade secret; once published it cannot be taken back.)"),
        "privacy-bank-card": .error("银行卡号是金融账户这一敏感个人信息，不得公开；" + cannotBeTakenBack + " (A bank card is a sensitive financial account; once published it cannot be taken back.)"),
        "privacy-email": .error("个人电子邮箱涉及个人隐私，不得公开；政务邮箱和 public_contacts 不报告，其余的" + cannotBeTakenBack + " (A personal mail address is private; once published it cannot be taken back.)"),
        // Key tasks.
        "task-list-invalid": .error("任务清单读不准，每份报告对照的任务和时限就无从确定，nianbao 不猜测；applies_to 写了不存在的机关只作警告。 (Without a readable list no report can be checked against it; an unknown applies_to is a warning.)"),
        "tasks-file-invalid": .error("tasks.yaml 有误，公布的落实情况会缺漏或对错任务；指向另一年度的清单只作警告，由人确认。 (The published task status would be missing or misattributed; a list of another year is a warning.)"),
        "task-not-addressed": .error("清单第23项要求落实情况纳入年度报告予以公开，未报告就是漏报。 (The list requires every task's status in the report; leaving one out is an omission.)"),
        "task-overdue": .warning("未按期完成是需要如实说明的事实，不应为了通过检查而改写，因此只作警告。 (Missing a deadline is a fact to state, not to rewrite to pass a check.)"),
        "task-reason-missing": .error("不落实须说明理由、接受社会监督，没有理由的「不适用」不能公布。 (“Not applicable” without a reason escapes public oversight.)"),
        "task-evidence-unresolved": .error("《政府网站发展指引》要求不得出现错链、断链，打不开的依据等于没有依据。 (A broken evidence link is a broken link on a government site.)"),
        // Roll-ups.
        "rollup-mismatch": .error("汇总表就是下级机关之和，不等，公布的汇总数就是错的。 (A roll-up that is not the sum of its children is wrong as published.)"),
        "rollup-form-mismatch": .error("两版格式行列不同，无法逐格相加，公布的汇总表必然是错的。 (Tables of two editions cannot be added cell by cell.)"),
        "rollup-children": .warning("下级机关可能尚未报告；汇总表如实只含已有的机关，由人确认是否齐全。 (The roll-up honestly covers the children that reported; a person checks it is complete.)"),
        // Web.
        "web-ipv4-link": .error("只有 IPv6 的访问者打不开 IPv4 地址的链接，地址一变即失效，不合政府网站 IPv6 改造要求。 (IPv6-only readers cannot follow it, against the IPv6 requirement for government sites.)"),
        "web-insecure-link": .warning("链接仍能打开；能否改用 HTTPS 取决于对方网站，由人确认后修改。 (The link works; whether HTTPS is possible depends on the other site.)"),
        "site-id-code": .error("缺少 SiteIDCode，每一页都缺网页设计规范的必选标签；格式不符只作警告，因为格式来自观察（[UNCERTAIN]）。 (Missing, every page lacks a required tag; a malformed one is a warning, the format being observed.)"),
        // Build.
        "theme-missing": .error("没有模板就生成不出页面；主题属于整个网站，因此整个网站不生成。 (Without templates no page can be made; the theme is the whole site's.)"),
        "theme-template": .error("模板有误，用它的每一页都会错，因此整个网站不生成。 (A broken template breaks every page that uses it.)"),
        "link-broken": .error("《政府网站发展指引》要求网站不得出现错链、断链。 (Government sites must not publish broken links.)"),
        "print-font-missing": .error("没有中文字体就生成不出可读的 PDF；不要 PDF 时可加 --no-pdf。 (Without a Chinese font no readable PDF can be made; --no-pdf skips PDFs.)"),
        "print-glyph-missing": .warning("只有个别字符在 PDF 中显示为方框，网页照常显示，由人决定换字体或改写。 (A few characters print as boxes; the web page is fine.)"),
        "output-link": .warning("nianbao 从不经由链接写入，网站照常正确生成，只请管理员清理链接。 (nianbao never writes through links; the site is built correctly.)"),
        "output-foreign-file": .warning("这些文件不影响公布的报告，nianbao 保留它们，只提醒它们不会随网站部署。 (They do not affect the reports; they are kept but not deployed.)"),
        "static-file": .warning("报告照常发布，只是这个文件没有复制，由人改名或换成普通文件。 (The reports are published; only this file is not copied.)"),
        "report-withheld": .warning("这条发现只说明 build 做了什么：报告因自身的错误未发布，其他报告照常发布；原因见该报告的错误。 (It reports what build did; the report's own errors are the errors.)"),
    ]
}

extension Severity {
    /// What this severity means for publishing, in Chinese with the English gist (docs/severity.md).
    public var meaning: String {
        switch self {
        case .error:
            "不得这样公布。nianbao build 不发布有错误的报告（上次发布的版本原样保留），其他报告照常发布；错误在 nianbao.yaml、主题等不属于任何报告的文件中时，整个网站不生成。退出码为 1。 (Must not be published as it is: build withholds the report, or the whole site for a site-wide error; exit 1.)"
        case .warning: "请人核对，报告照常发布；check --strict 时退出码为 1。 (A person should look; the report is published.)"
        case .info: "仅供参考，不影响发布。 (For information; publishing is not affected.)"
        }
    }
}
