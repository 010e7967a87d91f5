extension Rule {
    public static let webIPv4Link = Rule(
        id: "web-ipv4-link", family: .web, severity: .error, title: "链接使用 IPv4 地址",
        checks: "正文中的链接不写 IPv4 地址（如 http://10.1.2.3/…）：只有 IPv6 的访问者无法打开，地址变更后链接也会失效。",
        basis: "《推进互联网协议第六版（IPv6）规模部署行动计划》及政府网站 IPv6 改造要求（2020年税务系统任务清单第19项）。",
        fix: "改用域名链接（如 https://www.example.gov.cn/…），并确认该域名有 AAAA 记录。")
    public static let webInsecureLink = Rule(
        id: "web-insecure-link", family: .web, severity: .warning, title: "政府网站链接未使用 HTTPS",
        checks: "正文中指向政府网站（.gov.cn）的链接使用 https://。",
        basis: "《政府网站发展指引》（国办发〔2017〕47号）：政府网站应使用安全的传输协议。",
        fix: "把 http:// 改为 https://，并确认对方网站支持 HTTPS。")
    public static let siteIDCode = Rule(
        id: "site-id-code", family: .web, severity: .error, title: "缺少或写错政府网站标识码",
        checks: "nianbao.yaml 写有 id_code（网页的 SiteIDCode），格式为10位数字（地方政府）或 bm 加8位数字（国务院部门）。",
        basis: "《政府网站网页设计规范》（国办发〔2017〕47号附件）：SiteIDCode 为必选标签。格式来自公开网页的观察，未见规范原文，因此格式不符只作为警告。",
        fix: "在 nianbao.yaml 写 id_code: \"3399000001\"（用引号，以免前导零被去掉），数值见政府网站信息报送系统。")

    static let webRules = [webIPv4Link, webInsecureLink, siteIDCode]
}
