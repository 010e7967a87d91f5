import ReportForm

extension Rule {
    public static let fileUnreadable = Rule(
        id: "file-unreadable", family: .input, severity: .error, title: "文件无法读取",
        checks: "站点中的文件必须可以读取（权限、符号链接、文件大小）。",
        basis: "nianbao 输入要求。", fix: "检查文件权限；不要让 Content/ 中的符号链接指向站点之外。")
    public static let fileNotRegular = Rule(
        id: "file-not-regular", family: .input, severity: .error, title: "不是普通文件",
        checks: "report.md、tables.yaml、tasks.yaml、agency.yaml、nianbao.yaml 等输入必须是普通文件，不能是命名管道（FIFO）、套接字或设备文件。",
        basis: "nianbao 输入要求：读取命名管道会一直等待写入方，检查和生成因此永远不会结束（serve 的重新生成也会停住）。",
        fix: "删除该特殊文件，在原处放入普通的文本文件。")
    public static let fileEncoding = Rule(
        id: "file-encoding", family: .input, severity: .error, title: "文件不是 UTF-8 编码",
        checks: "所有文本文件必须是 UTF-8 编码。GB18030/GBK 编码的文件会被识别并指出。",
        basis: "nianbao 输入要求；政府网站页面统一使用 UTF-8。",
        fix: "用编辑器另存为 UTF-8，或运行：iconv -f GB18030 -t UTF-8 原文件 > 新文件")
    public static let pathEncoding = Rule(
        id: "path-encoding", family: .input, severity: .error, title: "文件夹名不是 UTF-8 编码",
        checks: "Content/ 中的文件夹名必须是 UTF-8 编码。名称不是 UTF-8 的文件夹（例如在中文 Windows 上以 GB18030 编码建立、再复制过来的）无法读取，其中的报告不会检查、不会发布；这样的文件夹会按字节（\\xNN）指出，而不是悄悄略过。",
        basis: "nianbao 输入要求；文件夹名出现在网址中，网址只能用 UTF-8 编码（RFC 3986、RFC 3987）。",
        fix: "把文件夹改名为只用小写字母、数字和连字符的名称（如 jiangyu-tax）；机关全称写在 agency.yaml 的 name 中。")
    public static let fileBinary = Rule(
        id: "file-binary", family: .input, severity: .error, title: "文件不是文本文件",
        checks: "report.md、tables.yaml 等必须是纯文本，不能包含 NUL 字节（例如误存为 Word、PDF、图片）。",
        basis: "nianbao 输入要求。", fix: "把内容复制为纯文本另存；Word 文档请另存为纯文本或 Markdown。")
    public static let fileEmpty = Rule(
        id: "file-empty", family: .input, severity: .error, title: "文件为空",
        checks: "必需的文件不能为空。", basis: "nianbao 输入要求。",
        fix: "用 `nianbao new <机关> <年度>` 生成完整模板后再填写。")
    public static let yamlSyntax = Rule(
        id: "yaml-syntax", family: .input, severity: .error, title: "YAML 语法错误",
        checks: "nianbao.yaml、agency.yaml、tables.yaml 和 report.md 的头信息必须是合法的 YAML（缩进用空格，不能用制表符；同一层不能有重复的键）。",
        basis: "YAML 1.1/1.2。", fix: "按提示的行列修正缩进、冒号或引号；冒号后要有一个空格。")
    public static let yamlTag = Rule(
        id: "yaml-tag", family: .input, severity: .error, title: "YAML 标签不被接受",
        checks: "YAML 文件中不能有标签（以 ! 或 !! 开头，如 !!python/object:os.system、!!int、!foo）。nianbao 不按标签转换数据，带标签的值会被拒绝，而不是悄悄当作后面的文字读取。",
        basis: "nianbao 输入要求；YAML 1.1 的本地标签可让某些 YAML 库构造任意对象（如 PyYAML 的 !!python/object），同一文件交给其他工具时有执行代码的风险。",
        fix: "删去标签，只写值本身：数字直接写数字，文字可以加引号。")
    public static let yamlShape = Rule(
        id: "yaml-shape", family: .input, severity: .error, title: "YAML 结构不符合要求",
        checks: "文件的层级结构必须符合约定（例如表格的行应当是数组或按列标签的映射）。",
        basis: "nianbao 文件格式（docs/content-format.md）。", fix: "对照 `nianbao new` 生成的模板调整结构。")
    public static let agencyConfig = Rule(
        id: "agency-config", family: .input, severity: .error, title: "agency.yaml 缺失或不完整",
        checks: "每个机关文件夹必须有 agency.yaml，写明 name（机关全称）和 kind（\(AgencyKind.choices)）。",
        basis: "《中华人民共和国政府信息公开条例》第四十九条按机关类别规定公布时限。",
        fix: "在机关文件夹中建立 agency.yaml：name: 机关全称，kind: \(AgencyKind.choices)。")
    public static let siteConfig = Rule(
        id: "site-config", family: .input, severity: .error, title: "nianbao.yaml 有误",
        checks: "站点配置 nianbao.yaml 中的键和值必须合法。", basis: "nianbao 站点配置。",
        fix: "对照 README 中的配置说明修改。")

    public static let reportIncomplete = Rule(
        id: "report-incomplete", family: .input, severity: .error, title: "年度文件夹缺少文件",
        checks: "每个年度文件夹（Content/<机关>/<年度>/）必须有 report.md（正文）和 tables.yaml（统计表）。",
        basis: "nianbao 文件格式。", fix: "用 `nianbao new <机关> <年度>` 生成缺少的文件。")

    static let inputRules = [
        reportIncomplete,
        fileUnreadable, fileNotRegular, fileEncoding, pathEncoding, fileBinary, fileEmpty, textInvisibleCharacter, yamlSyntax, yamlTag, yamlShape, agencyConfig, siteConfig,
    ]
}

extension Rule {
    public static let textInvisibleCharacter = Rule(
        id: "text-invisible-character", family: .input, severity: .error, title: "文本中有看不见的控制字符",
        checks: "Unicode 双向文字控制符（U+202A–202E、U+2066–2069 等）会让一行文字显示的顺序与其实际内容不同；零宽字符（U+200B–200D、U+2060、U+FEFF）会使检索、复制的数字出错。",
        basis: "Unicode 技术报告 #36《Unicode 安全考虑》；CVE-2021-42574（Trojan Source）。",
        fix: "在编辑器中显示不可见字符后删除；从网页或 Word 复制的文字常带有这些字符。")
}
