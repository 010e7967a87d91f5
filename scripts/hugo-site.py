#!/usr/bin/env python3
"""Writes the Hugo equivalent of a built nianbao site, for the benchmark: per report, a page with
the narrative and the three statutory tables as Markdown tables; per agency, a list page.

Usage: scripts/hugo-site.py SITE OUTPUT HUGO_DIR
  SITE      the nianbao site (Content/<agency>/<year>/report.md)
  OUTPUT    its `nianbao build` output (the tables are read from <agency>/<year>/data.json)
  HUGO_DIR  the Hugo site to write (content/, layouts/, config.toml)
"""
import json, os, re, shutil, sys

site, output, hugo = sys.argv[1:4]
shutil.rmtree(hugo, ignore_errors=True)
os.makedirs(os.path.join(hugo, "layouts", "_default"))
with open(os.path.join(hugo, "config.toml"), "w") as f:
    f.write('baseURL = "https://www.example.gov.cn/zfxxgk/ndbg/"\nlanguageCode = "zh-CN"\ntitle = "政府信息公开年报"\n'
            'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n[markup.goldmark.renderer]\nunsafe = false\n')
layouts = {
    "baseof.html": '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
                   '<body><main>{{ block "main" . }}{{ end }}</main></body></html>\n',
    "single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}\n',
    "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
}
for name, text in layouts.items():
    with open(os.path.join(hugo, "layouts", "_default", name), "w") as f:
        f.write(text)

content = os.path.join(site, "Content")
for agency in sorted(os.listdir(content)):
    folder = os.path.join(content, agency)
    if not os.path.isdir(folder):
        continue
    target = os.path.join(hugo, "content", agency)
    os.makedirs(target, exist_ok=True)
    with open(os.path.join(target, "_index.md"), "w") as f:
        f.write(f'---\ntitle: "{agency}"\n---\n')
    for year in sorted(os.listdir(folder)):
        report = os.path.join(folder, year, "report.md")
        data = os.path.join(output, agency, year, "data.json")
        if not os.path.isfile(report) or not os.path.isfile(data):
            continue
        text = open(report, encoding="utf-8").read()
        body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
        cells = json.load(open(data, encoding="utf-8"))
        tables = {}
        for cell in cells["cells"]:
            tables.setdefault(cell["table"], []).append(cell)
        for table, rows in tables.items():
            body += f"\n\n### {table}\n\n| 行 | 列 | 数值 |\n| --- | --- | ---: |\n"
            body += "".join(f"| {c['row']} | {c['column']} | {c['value']} |\n" for c in rows)
        os.makedirs(os.path.join(target, year), exist_ok=True)
        with open(os.path.join(target, year, "index.md"), "w", encoding="utf-8") as f:
            f.write(f'---\ntitle: "{cells["title"]}"\ndate: {cells.get("published", year + "-12-31")[:10]}\n---\n' + body)
