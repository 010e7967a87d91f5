extension Rule {
    public static let themeMissing = Rule(
        id: "theme-missing", family: .build, severity: .error, title: "找不到主题或模板",
        checks: "nianbao.yaml 的 theme 指定的主题在 Themes/<主题名>/ 或 nianbao 自带的主题中存在，且页面所需的模板（layout、index、agency、report、search）都能找到。",
        basis: "nianbao 主题。",
        fix: "检查 theme 的拼写；自建主题只需放入要改动的模板，其余模板会从 extends 指定的主题或默认主题取得。")
    public static let themeTemplate = Rule(
        id: "theme-template", family: .build, severity: .error, title: "模板语法错误",
        checks: "主题中的 Mustache 模板能被解析：标签成对闭合，段落名称一致；渲染页面时不超出限制（不无限引用自身）。",
        basis: "Mustache 模板语法（mustache.github.io）。",
        fix: "按所示行列改正模板；{{#名称}} 必须以 {{/名称}} 结束；{{>部分模板}} 不要无条件地引用自身。")
    public static let linkBroken = Rule(
        id: "link-broken", family: .build, severity: .error, title: "站内链接无法到达",
        checks: "生成的每个页面中指向本站的链接（含 #锚点）都指向本次生成的文件和其中存在的 id。",
        basis: "《政府网站发展指引》（国办发〔2017〕47号）：网站不得出现错链、断链。",
        fix: "改正正文或模板中的链接地址；链接到其他年度报告时写相对地址，如 ../2023/。")

    public static let printFontMissing = Rule(
        id: "print-font-missing", family: .build, severity: .error, title: "找不到打印用的中文字体",
        checks: "生成 PDF 所用的字体（nianbao.yaml 的 print_font_body、print_font_title、print_font_heading、print_font_subheading，未设置时为 Debian 的文鼎明体、楷体和文泉驿正黑）能找到，且是含 glyf 轮廓的 TrueType 字体。",
        basis: "GB/T 9704-2012《党政机关公文格式》：正文用3号仿宋体字，标题用2号小标宋体字；PDF 须嵌入字体才能在各处显示一致。",
        fix: "安装字体：apt-get install fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei；或在 nianbao.yaml 中写明字体文件路径（.ttf 或 .ttc，可加 #序号 选择集合中的字体）。也可用 --no-pdf 跳过 PDF。")
    public static let printGlyphMissing = Rule(
        id: "print-glyph-missing", family: .build, severity: .warning, title: "字体缺少字符",
        checks: "报告中的每个字符都能在所选字体或其后备字体中找到字形；找不到的字符在 PDF 中会显示为方框。",
        basis: "GB/T 9704-2012：公文用字应完整清晰。",
        fix: "换用收字更全的字体（如文泉驿正黑），或改用常用字形；生僻字可以图片或注释说明。")

    public static let outputLink = Rule(
        id: "output-link", family: .build, severity: .warning, title: "输出文件夹中有符号链接",
        checks: "Output/ 中的符号链接。nianbao 从不经由链接写入或删除文件：生成的文件要放到链接所在位置时，删除链接，代之以真实的文件夹；其他链接保留。",
        basis: "nianbao：Output/ 只含 nianbao 生成的文件；经由链接写入会改动网站以外的文件（如 ln -s /etc Output/xx）。",
        fix: "删除 Output/ 中的链接。需要一并发布的文件放到站点的 static/ 文件夹，nianbao 会原样复制；由 Web 服务器提供的其他目录在服务器配置中指定。")
    public static let outputForeignFile = Rule(
        id: "output-foreign-file", family: .build, severity: .warning, title: "输出文件夹中有不是 nianbao 生成的文件",
        checks: "完整生成时 Output/ 中有上次生成的清单（deploy/manifest.json）未列出的文件，例如管理员放入的网站验证文件（google123.html、.well-known/）。nianbao 在任何生成中都保留这些文件，但它们不在清单里，也不会随网站一并部署。",
        basis: "nianbao：不删除用户写的文件；Output/ 由 nianbao 生成，其中的文件应能由站点内容重新得到。",
        fix: "把这些文件移到站点根目录下的 static/ 文件夹（保持相对路径，如 static/.well-known/…），nianbao 会原样复制到 Output/ 并列入清单；然后从 Output/ 中删除它们。")
    public static let staticFile = Rule(
        id: "static-file", family: .build, severity: .warning, title: "static/ 中的文件无法发布",
        checks: "站点的 static/ 文件夹中的文件原样复制到 Output/ 的同一相对路径。与生成的文件同名的文件、符号链接和非普通文件不复制（完整生成时报告；static/ 有改动时总是完整生成）。",
        basis: "nianbao：生成的页面和数据文件由报告决定，不能被覆盖；链接可能指向站点以外的文件。",
        fix: "给与生成文件同名的文件换个名字或位置；用普通文件代替符号链接。")

    public static let reportWithheld = Rule(
        id: "report-withheld", family: .build, severity: .warning, title: "报告有错误，本次未发布",
        checks: "nianbao build 发布所有没有错误的报告；有错误的报告不发布：上次发布的版本（页面、打印页、PDF、数据）原样保留，从未发布的则不出现在目录、订阅和站点地图中。预览（nianbao serve）照常显示全部报告。",
        basis: "nianbao：错误表示“不得这样公布”；一份报告的错误不应耽误其他报告按时公布。加 --all-or-nothing 时，任何错误都使整个网站不生成。",
        fix: "改正该报告的错误（见同一文件的其他发现），再次运行 nianbao build。")
    static let buildRules = [
        themeMissing, themeTemplate, linkBroken, printFontMissing, printGlyphMissing, outputLink, outputForeignFile, staticFile,
        reportWithheld,
    ]
}
