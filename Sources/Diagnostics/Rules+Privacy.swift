extension Rule {
    public static let privacyIDNumber = Rule(
        id: "privacy-id-number", family: .privacy, severity: .error, title: "正文含有居民身份证号码",
        checks: "正文中出现 18 位居民身份证号码（出生日期有效、校验码正确）。",
        basis: "《中华人民共和国政府信息公开条例》第十五条：涉及个人隐私的政府信息不得公开；《个人信息保护法》第二十八条：身份证件号码属敏感个人信息；2020年税务系统政务公开重点任务第14项：保护纳税人商业秘密和个人隐私。",
        fix: "删去号码，或只保留前后几位并以 * 代替其余数字（如 110105********002X）。")
    public static let privacyMobile = Rule(
        id: "privacy-mobile", family: .privacy, severity: .error, title: "正文含有手机号码",
        checks: "正文中出现中国大陆手机号码（1 开头的 11 位数字，可带 - 或空格分隔）。机关自己公开的联系电话写在 nianbao.yaml 的 public_contacts 中即不报告。",
        basis: "《中华人民共和国政府信息公开条例》第十五条；《个人信息保护法》第四条、第二十八条。",
        fix: "删去个人手机号；若是本机关公开的联系电话，加入 nianbao.yaml 的 public_contacts（多个用逗号分隔）。")
    public static let privacyCreditCode = Rule(
        id: "privacy-credit-code", family: .privacy, severity: .error, title: "正文含有统一社会信用代码",
        checks: "正文中出现 18 位统一社会信用代码（校验码正确，GB 32100-2015），可能指向具体纳税人。",
        basis: "《中华人民共和国政府信息公开条例》第十五条：涉及商业秘密的政府信息不得公开；2020年税务系统政务公开重点任务第14项。",
        fix: "删去代码，改以不指向具体纳税人的方式表述；本机关自己的代码可加入 nianbao.yaml 的 public_contacts。")
    public static let privacyBankCard = Rule(
        id: "privacy-bank-card", family: .privacy, severity: .error, title: "正文含有银行卡号",
        checks: "正文中出现 16–19 位、通过 Luhn 校验的银行卡号（可带空格或 - 分隔）。",
        basis: "《个人信息保护法》第二十八条：金融账户属敏感个人信息；《中华人民共和国政府信息公开条例》第十五条。",
        fix: "删去卡号。")
    public static let privacyEmail = Rule(
        id: "privacy-email", family: .privacy, severity: .error, title: "正文含有个人电子邮箱",
        checks: "正文中出现个人邮箱（如 qq.com、163.com、gmail.com 等个人邮件服务的地址）。政府域名（.gov.cn）的邮箱和 nianbao.yaml 中 public_contacts 列出的地址不报告。",
        basis: "《个人信息保护法》第四条；《中华人民共和国政府信息公开条例》第十五条。",
        fix: "删去个人邮箱，改为本机关公开的政务邮箱；若确为本机关公开的地址，加入 public_contacts。")

    static let privacyRules = [privacyIDNumber, privacyMobile, privacyCreditCode, privacyBankCard, privacyEmail]
}
