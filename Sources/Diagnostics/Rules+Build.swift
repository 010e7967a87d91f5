extension Rule {
    public static let themeMissing = Rule(
        id: "theme-missing", family: .build, severity: .error, title: "找不到主题或模板",
        checks: "nianbao.yaml 的 theme 指定的主题在 Themes/<主题名>/ 或 nianbao 自带的主题中存在，且页面所需的模板（layout、index、agency、report、search）都能找到。",
        basis: "nianbao 主题。",
        fix: "检查 theme 的拼写；自建主题只需放入要改动的模板，其余模板会从 extends 指定的主题或默认主题取得。")
    public static let themeTemplate = Rule(
        id: "theme-template", family: .build, severity: .error, title: "模板语法错误",
        checks: "主题中的 Mustache 模板能被解析：标签成对闭合，段落名称一致。",
        basis: "Mustache 模板语法（mustache.github.io）。",
        fix: "按所示行列改正模板；{{#名称}} 必须以 {{/名称}} 结束。")
    public static let linkBroken = Rule(
        id: "link-broken", family: .build, severity: .error, title: "站内链接无法到达",
        checks: "生成的每个页面中指向本站的链接（含 #锚点）都指向本次生成的文件和其中存在的 id。",
        basis: "《政府网站发展指引》（国办发〔2017〕47号）：网站不得出现错链、断链。",
        fix: "改正正文或模板中的链接地址；链接到其他年度报告时写相对地址，如 ../2023/。")

    static let buildRules = [themeMissing, themeTemplate, linkBroken]
}
