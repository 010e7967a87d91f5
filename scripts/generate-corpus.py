#!/usr/bin/env python3
"""Writes a deterministic synthetic nianbao site for benchmarks.

Usage: scripts/generate-corpus.py --agencies N --years Y [--seed S] [--first-year 2020] [--hugo DIR] OUT

Agencies form a hierarchy as a provincial tax bureau's do: agency-00000 is the provincial bureau,
about one in twenty of the others are municipal bureaus under it, and the rest county bureaus
under a municipal one (`parent:` in agency.yaml). With --hugo, the same reports are also written
as a Hugo site (narrative plus the three tables as Markdown tables; a list page per agency), for
the comparison in scripts/bench.

Every report is consistent (all identities hold, carry-overs match the year before), so a
check of the corpus measures the cost of checking, not of printing findings. Labels are taken
from the templates that `nianbao new` writes, so this script spells no statutory label: run it
with NIANBAO=path/to/nianbao (default .build/release/nianbao).
"""
import argparse, os, random, re, shutil, subprocess, sys, tempfile

SENTENCES = [
    "本机关坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开。",
    "全年通过门户网站政府信息公开专栏主动公开各类政府信息，及时更新机构职能、政策文件和办事指南。",
    "严格执行政府信息公开申请登记、审核、办理、答复、归档全流程管理，按时答复率保持在较高水平。",
    "加强政府信息公开平台建设，优化栏目设置，完善检索功能，提升网站可用性和IPv6访问支持。",
    "建立健全公开保密审查机制，落实“三审三校”制度，确保公开内容准确规范。",
    "组织开展政府信息公开业务培训，提升工作人员依法公开意识和业务能力。",
    "围绕减税降费、优化营商环境等重点领域加强政策解读，采用图解、问答等多种形式回应社会关切。",
    "将政务公开工作纳入年度绩效考评，定期开展自查和督导，及时整改发现的问题。",
]

def templates(nianbao, tmp):
    """The blank tables.yaml of each form edition, as `nianbao new` writes them."""
    out = {}
    for year in (2020, 2024):
        subprocess.run([nianbao, "new", "tpl", str(year), "--name", "模板机关", "--kind", "部门", "-s", tmp],
                       check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(tmp, "Content", "tpl", str(year), "tables.yaml"), encoding="utf-8") as f:
            out[year >= 2021] = f.read()
        with open(os.path.join(tmp, "Content", "tpl", str(year), "report.md"), encoding="utf-8") as f:
            out[("md", year >= 2021)] = f.read()
    return out

def split(total, parts, rng):
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip([0] + cuts, cuts + [total])]

def requests_rows(rng, carried, n_result_rows):
    """Rows of table 三 (each 6 applicant values) with every identity holding."""
    received = [rng.randint(0, 30)] + [rng.randint(0, 4) for _ in range(5)]
    available = [r + c for r, c in zip(received, carried)]
    forward = [rng.randint(0, a // 5) for a in available]
    handled = [a - f for a, f in zip(available, forward)]
    results = [[0] * 6 for _ in range(n_result_rows)]
    for col, h in enumerate(handled):
        for row, v in enumerate(split(h, n_result_rows, rng)):
            results[row][col] = v
    return received, carried, results, handled, forward

def fill_tables(template, rng, carried, stock, is2021):
    lines = template.split("\n")
    result_rows = [i for i, l in enumerate(lines) if re.search(r": \[0(, 0){6}\]$", l)]
    # Order in the template: received, carried_over, results..., total, carried_forward.
    n_results = len(result_rows) - 4
    received, carried, results, handled, forward = requests_rows(rng, carried, n_results)
    values = [received, carried] + results + [handled, forward]
    for index, row in zip(result_rows, values):
        lines[index] = re.sub(r"\[.*\]$", "[" + ", ".join(map(str, row + [sum(row)])) + "]", lines[index])
    out, in_appeals, group, documents = [], False, [], []
    first_block_done = False
    for line in lines:
        if "第（五）项" in line:
            first_block_done = True
        if line.startswith("四、"):
            in_appeals = True
        m = re.match(r"^(\s+)([^:#]+): 0$", line)
        if m and in_appeals:
            group.append(len(out))
            out.append(line)
            if len(group) == 5:
                parts = [rng.randint(0, 2) if rng.random() < 0.2 else 0 for _ in range(4)]
                for gi, v in zip(group, parts + [sum(parts)]):
                    out[gi] = re.sub(r"0$", str(v), out[gi])
                group = []
            continue
        if m and is2021 and not first_block_done:
            # 本年制发件数, 本年废止件数, 现行有效件数 of one row: keep the stock consistent.
            documents.append(len(out))
            out.append(line)
            if len(documents) % 3 == 0:
                row = len(documents) // 3 - 1
                issued, repealed = rng.randint(0, 20), rng.randint(0, min(5, stock[row]))
                stock[row] += issued - repealed
                for gi, v in zip(documents[-3:], (issued, repealed, stock[row])):
                    out[gi] = re.sub(r"0$", str(v), out[gi])
            continue
        if m:
            value = f"{rng.randint(0, 9000) / 100:.2f}" if "万元" in line or "金额" in line else str(rng.randint(0, 50))
            line = re.sub(r"0$", value, line)
        out.append(line)
    text = "\n".join(out)
    return text, forward, sum(received), sum(handled)

def narrative(md_template, rng, name, year, received, handled, is2021):
    template_year = 2024 if is2021 else 2020
    text = md_template.replace("模板机关", name)
    text = text.replace(f"year: {template_year}", f"year: {year}").replace(f"{template_year}年政府信息公开", f"{year}年政府信息公开")
    text = re.sub(r"published: 待填写", f"published: {year + 1}-01-{rng.randint(10, 28):02d} 09:30", text)
    text = re.sub(r"索引号: 待填写", f"索引号: SYN-{year + 1}-{rng.randint(1, 99999):05d}", text)
    # Narrative of 3-5 KB per report (issue 6): short sections, one list, one GFM table.
    section = iter(range(7))
    def body(_):
        index = next(section)
        paras = ["".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(1, 2))]
        if index == 0:
            paras.append("| 事项 | 数量 |\n| --- | --- |\n| 新闻发布会 | %d |\n| 政策解读 | %d |" % (rng.randint(1, 12), rng.randint(5, 60)))
        if index == 2:
            paras.append(f"- 全年共收到政府信息公开申请{received}件。\n- 办结{handled}件。")
        if index == 5:
            paras.append("依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。")
        return "\n\n".join(paras)
    return re.sub(r"（待填写[^）]*）", body, text)

def markdown_tables(tables):
    """tables.yaml as Markdown tables: one per statutory table, one row per YAML row (the groups
    above it joined into its label), as many value columns as its widest row."""
    blocks, path = [], []
    for line in tables.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        depth = (len(line) - len(line.lstrip())) // 2
        key, _, value = line.strip().partition(":")
        value = value.strip()
        if depth == 0:
            blocks.append((key, []))
            path = []
            continue
        path = path[:depth - 1] + [key]
        if value:
            blocks[-1][1].append((" / ".join(path), [v.strip() for v in value.strip("[]").split(",")]))
    out = []
    for title, rows in blocks:
        width = max((len(values) for _, values in rows), default=1)
        out.append(f"\n### {title}\n\n| 项目 |" + " 数值 |" * width + "\n| --- |" + " ---: |" * width)
        out += [f"| {label} | " + " | ".join(values + [""] * (width - len(values))) + " |" for label, values in rows]
    return "\n".join(out) + "\n"

def write_hugo(hugo, agencies):
    """The Hugo site: config, three layouts, and per agency a list page and its reports."""
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
    for slug, name, reports in agencies:
        target = os.path.join(hugo, "content", slug)
        os.makedirs(target)
        with open(os.path.join(target, "_index.md"), "w", encoding="utf-8") as f:
            f.write(f'---\ntitle: "{name}"\n---\n')
        for year, report, tables in reports:
            body = re.sub(r"\A---\n.*?\n---\n", "", report, flags=re.S)
            published = re.search(r"published: (\d{4}-\d\d-\d\d)", report).group(1)
            os.makedirs(os.path.join(target, str(year)))
            with open(os.path.join(target, str(year), "index.md"), "w", encoding="utf-8") as f:
                f.write(f'---\ntitle: "{name}{year}年政府信息公开工作年度报告"\ndate: {published}\n---\n' + body + markdown_tables(tables))

def agency_level(a, agencies):
    """(name, parent slug) of agency number `a`: a province, municipal bureaus, county bureaus."""
    if a == 0:
        return "国家税务总局某省税务局", None
    municipal = list(range(1, agencies, 20))
    if a in municipal:
        return f"国家税务总局某省第{a}号市税务局", "agency-00000"
    parent = max(m for m in municipal if m < a)
    return f"国家税务总局第{a}号县税务局", f"agency-{parent:05d}"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--agencies", type=int, required=True)
    ap.add_argument("--years", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--first-year", type=int, default=2020)
    ap.add_argument("--hugo", help="also write the equivalent Hugo site here")
    ap.add_argument("--rollups", action="store_true",
                    help="municipal bureaus publish roll-ups (汇总) of their county bureaus: rollup: in agency.yaml, no tables.yaml")
    ap.add_argument("out")
    args = ap.parse_args()
    nianbao = os.environ.get("NIANBAO", ".build/release/nianbao")
    with tempfile.TemporaryDirectory() as tmp:
        tpl = templates(nianbao, tmp)
    if os.path.exists(os.path.join(args.out, "Content")):
        sys.exit(f"{args.out}/Content exists; choose an empty folder")
    os.makedirs(os.path.join(args.out, "Content"))
    with open(os.path.join(args.out, "nianbao.yaml"), "w", encoding="utf-8") as f:
        f.write("name: 合成测试站点\ndomain: www.example.gov.cn\nid_code: '1100000001'\nbase_url: https://www.example.gov.cn/\n")
    if args.hugo and os.path.exists(args.hugo):
        sys.exit(f"{args.hugo} exists; choose a new folder")
    rng = random.Random(args.seed)
    hugo = []
    years = [args.first_year + y for y in range(args.years)]
    # A roll-up's narrative states its children's summed numbers, so it is written after them.
    pending = None  # (folder, name, {year: [received, handled]})

    def flush():
        if pending:
            folder, name, sums = pending
            for year in years:
                report = narrative(tpl[("md", year >= 2021)], rng, name, year, sums[year][0], sums[year][1], year >= 2021)
                with open(os.path.join(folder, str(year), "report.md"), "w", encoding="utf-8") as f:
                    f.write(report)

    for a in range(args.agencies):
        slug = f"agency-{a:05d}"
        name, parent = agency_level(a, args.agencies)
        rollup = args.rollups and parent == "agency-00000"
        if rollup or parent == "agency-00000" or parent is None:
            flush()
            pending = None
        folder = os.path.join(args.out, "Content", slug)
        os.makedirs(folder)
        with open(os.path.join(folder, "agency.yaml"), "w", encoding="utf-8") as f:
            f.write(f"name: {name}\nkind: 部门\n" + (f"parent: {parent}\n" if parent else "")
                    + (f"rollup: [{', '.join(map(str, years))}]\n" if rollup else ""))
        if rollup:
            pending = (folder, name, {year: [0, 0] for year in years})
            for year in years:
                os.makedirs(os.path.join(folder, str(year)))
            continue
        hugo.append((slug, name, []))
        carried, stock = [0] * 6, [rng.randint(0, 30), rng.randint(0, 80)]
        for year in years:
            is2021 = year >= 2021
            tables, carried, received, handled = fill_tables(tpl[is2021], rng, carried, stock, is2021)
            os.makedirs(os.path.join(folder, str(year)))
            with open(os.path.join(folder, str(year), "tables.yaml"), "w", encoding="utf-8") as f:
                f.write(tables)
            report = narrative(tpl[("md", is2021)], rng, name, year, received, handled, is2021)
            with open(os.path.join(folder, str(year), "report.md"), "w", encoding="utf-8") as f:
                f.write(report)
            if pending and parent == os.path.basename(pending[0]):
                pending[2][year][0] += received
                pending[2][year][1] += handled
            if args.hugo:
                hugo[-1][2].append((year, report, tables))
    flush()
    if args.hugo:
        write_hugo(args.hugo, hugo)

if __name__ == "__main__":
    main()
