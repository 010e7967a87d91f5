import SiteModel

/// The web page tags of 《政府网站网页设计规范》 (国办发〔2017〕47号 附件): site tags on every
/// page, column tags on list pages, content tags on report pages (spec §3).
enum GovernmentMeta {
    /// The 栏目类别 value for annual disclosure reports, from the standard's list.
    static let columnType = "信息公开年报"

    struct Tag {
        let name: String
        let content: String
    }

    /// SiteName, SiteDomain, SiteIDCode.
    static func siteTags(_ website: Website) -> [Tag] {
        [Tag(name: "SiteName", content: website.name), Tag(name: "SiteDomain", content: website.domain),
         Tag(name: "SiteIDCode", content: website.idCode)]
    }

    /// The site tags and ColumnName, ColumnDescription, ColumnKeywords, ColumnType.
    static func listTags(_ website: Website) -> [Tag] {
        siteTags(website) + columnTags(website) + [
            Tag(name: "ColumnDescription", content: website.columnDescription),
            Tag(name: "ColumnKeywords", content: website.columnKeywords),
        ]
    }

    /// The site tags, the column's name and type (as real article pages carry them; whether
    /// they are required there is uncertain), and ArticleTitle, PubDate, ContentSource, Url.
    static func articleTags(_ website: Website, title: String, published: PublicationDate?, source: String, url: String)
        -> [Tag]
    {
        siteTags(website) + columnTags(website) + [
            Tag(name: "ArticleTitle", content: title),
            Tag(name: "PubDate", content: published?.pubDate ?? ""),
            Tag(name: "ContentSource", content: source),
            Tag(name: "Keywords", content: "政府信息公开,年度报告," + source),
            Tag(name: "Url", content: url),
        ]
    }

    private static func columnTags(_ website: Website) -> [Tag] {
        [Tag(name: "ColumnName", content: website.column), Tag(name: "ColumnType", content: columnType)]
    }
}

extension SiteBuilder {
    /// The path the site is served under (`/zfxxgk/ndbg/`), from `base_url` in nianbao.yaml.
    public static func basePath(of config: SiteConfig) -> String { Website(config).basePath }
}

/// The website the reports are published on, from `nianbao.yaml`, with what pages need of it.
struct Website {
    let name: String
    let domain: String
    let idCode: String
    /// Absolute, ending in a slash.
    let baseURL: String
    /// The name of the column (栏目) the reports are published in.
    let column: String

    /// The path part of the base URL, with slashes at both ends: `/zfxxgk/ndbg/`.
    let basePath: String
    /// Scheme and host of the base URL; empty when it is a bare path.
    let origin: String

    var columnDescription: String { "\(name)发布的各机关政府信息公开工作年度报告，附统计表格开放数据。" }
    var columnKeywords: String { "政府信息公开,年度报告,\(column)" }

    init(_ config: SiteConfig) {
        name = config["name"]?.value ?? ""
        domain = config["domain"]?.value ?? ""
        idCode = config["id_code"]?.value ?? ""
        column = config["column"]?.value ?? "政府信息公开年报"
        baseURL = config.baseURL
        basePath = config.basePath
        origin = config.origin
    }
}
