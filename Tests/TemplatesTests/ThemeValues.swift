import Templates

/// Values with every key the default theme reads (docs/themes.md), each page's at once, so that
/// every section of every template has something to render. Arbitrary text: the statutory
/// headings and labels are the report form model's, not these tests'.
enum ThemeValues {
    static let crumbs: TemplateValue = [["title": "年报", "url": "../"], ["title": "江屿市税务局", "url": "./", "current": true]]

    static let report: TemplateValue = [
        "title": "江屿市税务局2024年政府信息公开工作年度报告", "year": 2024, "agencyName": "江屿市税务局",
        "indexNumber": "11310000-2025-00001", "published": "2025-01-20", "publishedISO": "2025-01-20",
        "publishedChinese": "2025年1月20日", "form": "2021 年版", "canonical": "https://example.gov.cn/a/2024/",
        "toc": [["title": "第一节", "anchor": "s1"], ["title": "第二节", "anchor": "s2"]],
        "body": "<h2 id=\"s1\">第一节</h2>\n<p>正文 &amp; 表格</p>", "pdf": true, "pdfPages": 7,
        "previous": ["year": 2023, "url": "../2023/"], "next": ["year": 2025, "url": "../2025/"],
        "tasks": [
            "heading": "任务表", "columns": ["序号", "任务", "时限", "状态", "完成时间", "说明"], "title": "2024 年要点",
            "url": "../../tasks/2024/", "counts": [["status": "已完成", "count": 2], ["status": "推进中", "count": 1]],
            "rows": [
                ["number": 1, "title": "任务一", "deadline": "6 月底前", "status": "已完成", "statusClass": "done", "completed": "2024-05-01",
                 "evidenceLink": ["url": "https://example.gov.cn/x", "text": "链接"]],
                ["number": 2, "title": "任务二", "deadline": "全年", "localDeadline": "9 月底前", "status": "不适用", "statusClass": "na",
                 "completed": "", "evidence": "文字说明", "reason": "不涉及"],
            ],
        ],
    ]

    static let page: TemplateValue = [
        "site": ["name": "江屿市人民政府门户网站", "domain": "www.jiangyu.gov.cn", "idCode": "3100000001", "baseURL": "https://www.jiangyu.gov.cn/nb/"],
        "column": ["name": "政府信息公开年报", "type": "信息公开年报", "description": "年度报告"],
        "generator": ["version": "0.0.0-test"],
        "page": ["title": "页面", "root": "../../", "canonical": "https://www.jiangyu.gov.cn/nb/a/", "isHome": true, "hasBreadcrumbs": true],
        "meta": [["name": "SiteName", "content": "江屿"], ["name": "ColumnName", "content": "年报"]],
        "breadcrumbs": crumbs,
        "assets": ["style_css": "assets/style.0a1b2c3d.css", "print_css": "assets/print.css", "search_js": "assets/search.1234abcd.js"],
        "report": report,
        "agencies": [
            ["name": "江屿市税务局", "slug": "jiangyu-tax", "kind": "部门", "url": "jiangyu-tax/",
             "reports": [["year": 2024, "title": "年报", "url": "jiangyu-tax/2024/", "published": "2025-01-20", "status": "按期发布", "statusClass": "ok"]]],
        ],
        "agency": ["name": "江屿市税务局", "slug": "jiangyu-tax", "kind": "部门", "parent": ["name": "上级", "url": "../up/"]],
        "reports": [["year": 2024, "title": "年报", "url": "2024/", "published": "2025-01-20"]],
        "chart": [
            "svg": "<svg></svg>", "caption": "历年申请", "series": [["label": "甲"], ["label": "乙"]],
            "years": [["year": 2023, "values": ["12", "8"]], ["year": 2024, "values": ["15", "9"]]],
        ],
        "list": [
            "title": "2024 年要点", "issuedBy": "国家税务总局", "issued": "2024-03-01", "year": 2024, "numbers": [1, 2],
            "tasks": [["number": 1, "title": "任务一", "part": "一", "text": "内容", "units": "办公室（牵头）", "deadline": "6 月底前",
                       "tally": [["status": "已完成", "count": 1], ["status": "未报告", "count": 0]]]],
            "agencies": [["name": "江屿市税务局", "url": "../../jiangyu-tax/2024/#tasks", "hasTasks": true,
                          "cells": [["status": "完", "statusClass": "done", "label": "第1项：已完成"]]]],
        ],
        "compliance": [
            "table": true, "details": true, "rowsHTML": "<tr><td>行</td></tr>", "hasFiles": true, "hasTaskLists": true,
            "headings": [["label": "网站顺序", "url": "index.html", "current": true, "sort": "ascending"], ["label": "错误", "url": "by-errors.html"]],
            "files": [["file": "nianbao.yaml", "anchor": "file-nianbao.yaml", "errors": 1, "warnings": 0, "families": "配置"]],
            "taskLists": [["title": "2024 年要点", "url": "../tasks/2024/"]],
            "totals": ["reports": 13, "errors": 1, "warnings": 2, "late": 0],
            "groups": [["anchor": "a-2024", "title": "江屿 2024年度", "url": "../a/2024/",
                        "findings": [["severity": "错误", "severityClass": "error", "rule": "table-sum", "message": "不相等", "location": "a:1:1", "url": "../a/2024/"]]]],
        ],
    ]
}
