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

    static let buildRules = [themeMissing, themeTemplate, linkBroken, printFontMissing, printGlyphMissing]
}
