import ReportForm

extension Rule {
    public static let placeholderUnknown = Rule(
        id: "placeholder-unknown", family: .narrative, severity: .error, title: "占位符不是本年度表格的单元格",
        checks: "正文中的 {{单元格编号}} 会在生成网页时替换为表格中的数字，使正文与表格不会不一致。编号必须是该报告所用格式中存在的单元格（见 docs/cell-ids.md）。",
        basis: "nianbao 正文占位符。", fix: "改为 docs/cell-ids.md 中列出的编号，例如 {{requests.received.total}}。")
    public static let narrativeContradiction = Rule(
        id: "narrative-contradiction", family: .narrative, severity: .warning, title: "正文中的数字与表格不一致",
        checks: "正文中关于申请数量、办理结果、行政复议和行政诉讼的数字（如「收到/受理/办理…申请N件」「予以公开N件」「予以公开及部分公开N件」「无法提供N件」「行政复议N件」「行政诉讼N件」（未经复议直接起诉与复议后起诉之和）「未发生…行政复议」，以及「所有申请均已办结」与结转下年度）应与统计表一致。「1万余件」「300余件」「约30件」等约数不比较。表格中填写的总计本身有误时，与各项相加之和比较，并同时说明两者。",
        basis: "国办公开办函〔2021〕30号：发布内容不准确的，依据条例第四十七条追究责任；评查中常见正文与表格不一致。文字识别依靠常见句式，因此作为警告。",
        fix: "改正文字或表格；也可以用 {{单元格编号}} 直接引用表格中的数字。")

    public static let narrativeRawHTML = Rule(
        id: "narrative-raw-html", family: .narrative, severity: .error, title: "正文中的 HTML 不会发布",
        checks: "正文中直接写的 HTML（如 <div>、<span style=…>、<script>、<iframe>、<img onerror=…>）不会出现在网页上，以免插入脚本或破坏版式，因此发布的内容会与所写的不同；只保留不带属性的 <sup> <sub> <br> <u> <ins> <del> <mark> <small> <strong> <em> <b> <i> <s>。",
        basis: "政府网站安全要求（《政府网站发展指引》国办发〔2017〕47号：防范网页篡改和跨站脚本）；nianbao 内容安全策略不允许内联脚本。",
        fix: "改用 Markdown 写法：表格用 | 列 | 列 |，图片用 ![说明](图片.png)，链接用 [文字](地址)。")

    /// The deepest nesting of quotes, lists, emphasis and links a narrative may have.
    public static let narrativeNestingLimit = 32
    public static let narrativeTooDeep = Rule(
        id: "narrative-too-deep", family: .narrative, severity: .error, title: "正文嵌套过深",
        checks: "引用（行首的 >）、列表、强调和链接层层套叠，不能超过 \(narrativeNestingLimit) 层（一层引用或一层列表算一层）。真实的年报很少超过三四层；几十层以上只会来自误操作或构造的文件，网页上层层缩进到看不见，打印版也无法排版。",
        basis: "nianbao 输入要求（与文件大小的上限同理：超出上限的输入不发布）。",
        fix: "减少行首 > 或列表缩进的层数，把深层的内容改为普通段落。")

    static let narrativeRules = [placeholderUnknown, narrativeContradiction, narrativeRawHTML, narrativeTooDeep]
}
