extension Rule {
    public static let privacyIDNumber = Rule(
        id: "privacy-id-number", family: .privacy, severity: .error, title: "公开的文字含有居民身份证号码",
        checks: "公开的文字中出现 18 位居民身份证号码（出生日期有效、校验码正确；数字间可有空格或 -，如 320826 19850315 123X）或 15 位一代身份证号码（省级行政区划代码和 19xx 年出生日期有效；无校验码，故两者都须成立）。后接量词或单位（次、元、件、人等）的数字是数量，不报告。扫描所有公开的文字：正文（含链接文字和链接地址，按 %XX、&#NN; 和 Markdown 反斜杠转义还原后的内容）、report.md 头信息各字段（title、published、索引号等）、tasks.yaml 的 list、evidence、reason 和 deadline、agency.yaml 的 name、任务清单（Content/_tasks）的标题、任务内容和完成时限、nianbao.yaml 中页面显示的 name、domain、id_code、column、base_url。全角数字和字母按半角识别。",
        basis: "《中华人民共和国政府信息公开条例》第十五条：涉及个人隐私的政府信息不得公开；《个人信息保护法》第二十八条：身份证件号码属敏感个人信息；2020年税务系统政务公开重点任务第14项：保护纳税人商业秘密和个人隐私。",
        fix: "删去号码，或只保留前后几位并以 * 代替其余数字（如 110105********002X）；头信息、tasks.yaml、agency.yaml 中的同样处理。")
    public static let privacyMobile = Rule(
        id: "privacy-mobile", family: .privacy, severity: .error, title: "公开的文字含有手机号码",
        checks: "公开的文字中出现中国大陆手机号码（1 开头、第二位 3–9 的 11 位数字），包括常见写法：138-1234-5678、138 1234 5678、138.1234.5678、(138)12345678、+86 138 1234 5678、0086 13812345678 和全角数字。后接量词或单位（次、元、件、人、万、亿、条、页、份、字等）的数字是数量（如「累计访问量13800000000次」），不报告。机关自己公开的联系电话写在 nianbao.yaml 的 public_contacts 中即不报告（按数字比较，不计分隔符和 +86）。扫描所有公开的文字：正文（含链接文字和链接地址，按 %XX、&#NN; 和 Markdown 反斜杠转义还原后的内容）、report.md 头信息各字段（title、published、索引号等）、tasks.yaml 的 list、evidence、reason 和 deadline、agency.yaml 的 name、任务清单（Content/_tasks）的标题、任务内容和完成时限、nianbao.yaml 中页面显示的 name、domain、id_code、column、base_url。全角数字和字母按半角识别。",
        basis: "《中华人民共和国政府信息公开条例》第十五条；《个人信息保护法》第四条、第二十八条。",
        fix: "删去个人手机号；若是本机关公开的联系电话，加入 nianbao.yaml 的 public_contacts（多个用逗号分隔）。")
    public static let privacyCreditCode = Rule(
        id: "privacy-credit-code", family: .privacy, severity: .error, title: "公开的文字含有统一社会信用代码",
        checks: "公开的文字中出现 18 位统一社会信用代码（校验码正确，GB 32100-2015），可能指向具体纳税人。头信息「索引号」第一个 / 之前的代码是本机关自己的代码（索引号以发布机关的代码开头），在该报告中不报告；其他本机关代码可加入 public_contacts。扫描所有公开的文字：正文（含链接文字和链接地址，按 %XX、&#NN; 和 Markdown 反斜杠转义还原后的内容）、report.md 头信息各字段（title、published、索引号等）、tasks.yaml 的 list、evidence、reason 和 deadline、agency.yaml 的 name、任务清单（Content/_tasks）的标题、任务内容和完成时限、nianbao.yaml 中页面显示的 name、domain、id_code、column、base_url。全角数字和字母按半角识别。",
        basis: "《中华人民共和国政府信息公开条例》第十五条：涉及商业秘密的政府信息不得公开；2020年税务系统政务公开重点任务第14项。",
        fix: "删去代码，改以不指向具体纳税人的方式表述；本机关自己的代码可加入 nianbao.yaml 的 public_contacts。")
    public static let privacyBankCard = Rule(
        id: "privacy-bank-card", family: .privacy, severity: .error, title: "公开的文字含有银行卡号",
        checks: "公开的文字中出现 16–19 位、通过 Luhn 校验的银行卡号（可带空格或 - 分隔）。后接量词或单位的数字不报告。扫描所有公开的文字：正文（含链接文字和链接地址，按 %XX、&#NN; 和 Markdown 反斜杠转义还原后的内容）、report.md 头信息各字段（title、published、索引号等）、tasks.yaml 的 list、evidence、reason 和 deadline、agency.yaml 的 name、任务清单（Content/_tasks）的标题、任务内容和完成时限、nianbao.yaml 中页面显示的 name、domain、id_code、column、base_url。全角数字和字母按半角识别。",
        basis: "《个人信息保护法》第二十八条：金融账户属敏感个人信息；《中华人民共和国政府信息公开条例》第十五条。",
        fix: "删去卡号。")
    public static let privacyEmail = Rule(
        id: "privacy-email", family: .privacy, severity: .error, title: "公开的文字含有个人电子邮箱",
        checks: "公开的文字中出现个人邮箱（如 qq.com、163.com、gmail.com 等个人邮件服务的地址，含 mailto: 链接中 %40 转义的地址）。政府域名（.gov.cn）的邮箱和 nianbao.yaml 中 public_contacts 列出的地址不报告。扫描所有公开的文字：正文（含链接文字和链接地址，按 %XX、&#NN; 和 Markdown 反斜杠转义还原后的内容）、report.md 头信息各字段（title、published、索引号等）、tasks.yaml 的 list、evidence、reason 和 deadline、agency.yaml 的 name、任务清单（Content/_tasks）的标题、任务内容和完成时限、nianbao.yaml 中页面显示的 name、domain、id_code、column、base_url。全角数字和字母按半角识别。",
        basis: "《个人信息保护法》第四条；《中华人民共和国政府信息公开条例》第十五条。",
        fix: "删去个人邮箱，改为本机关公开的政务邮箱；若确为本机关公开的地址，加入 public_contacts。")

    static let privacyRules = [privacyIDNumber, privacyMobile, privacyCreditCode, privacyBankCard, privacyEmail]
}
