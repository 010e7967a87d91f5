#!/usr/bin/env python3
"""Writes a deterministic synthetic nianbao site for benchmarks.

Usage: scripts/generate-corpus.py --agencies N --years Y [--seed S] [--first-year 2020] [--hugo DIR] OUT

Agencies form a hierarchy as a provincial tax bureau's do: agency-00000 is the provincial bureau;
one in fifty of the others are municipal bureaus under it, one in ten county bureaus under a
municipal one, and the rest departments (分局) under a county bureau, except that one in twenty are
provincial departments directly under the province and one county holds one in twenty: so the
province and that county are parents of hundreds (`parent:` in agency.yaml). With --rollups the
province, the municipal and the county bureaus publish roll-ups (汇总) of their children (`rollup:`,
no tables.yaml): roll-ups at each level, summed from the bottom. With --hugo, the same reports are
also written as a Hugo site (narrative plus the three tables as Markdown tables; a list page per
agency), for the comparison in scripts/bench.

Narratives are drawn from the shipped sample (Content/ of this repository): sections 一, 五 and 六
are a sample report's of the same form edition, with its agency names and years replaced and the
sentences that state numbers of requests, reviews or lawsuits left out; sections 二 to 四 state the
generated numbers. Year-2020 reports of agencies under a task list's `applies_to` get a tasks.yaml
(the sample's, with its links to pages left out).

Every report is consistent (all identities hold, carry-overs match the year before), so a
check of the corpus measures the cost of checking, not of printing findings. Labels are taken
from the templates that `nianbao new` writes, so this script spells no statutory label: run it
with NIANBAO=path/to/nianbao (default .build/release/nianbao).
"""
import argparse, os, random, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

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
    # The template writes no totals (nianbao computes them): rows of six applicant columns, in the
    # order received, carried_over, results..., carried_forward. Each row's 总计 is typed here.
    result_rows = [i for i, l in enumerate(lines) if re.search(r": \[0(, 0){5}\]$", l)]
    n_results = len(result_rows) - 3
    received, carried, results, handled, forward = requests_rows(rng, carried, n_results)
    values = [received, carried] + results + [forward]
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
            # 结果维持, 结果纠正, 其他结果, 尚未审结 of one group (its 总计 computed).
            group.append(len(out))
            out.append(line)
            if len(group) == 4:
                for gi in group:
                    out[gi] = re.sub(r"0$", str(rng.randint(0, 2) if rng.random() < 0.2 else 0), out[gi])
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

CLAIM = re.compile(r"\d+\s*件|申请|复议|诉讼|未发生|未收到")

def sample_sections(root):
    """Sections 一, 五 and 六 of each report of the shipped sample, by form edition (2021 or not):
    agency names as {name}, years as {y+N} (N from the report year), and the sentences that
    state numbers of requests, reviews or lawsuits left out, since the tables here are others."""
    content = os.path.join(root, "Content")
    names = []
    for agency in sorted(os.listdir(content)):
        config = os.path.join(content, agency, "agency.yaml")
        if os.path.exists(config):
            names += re.findall(r"^name: (.+)$", open(config, encoding="utf-8").read(), flags=re.M)
    out = {True: [], False: []}
    for agency in sorted(os.listdir(content)):
        for year in sorted(os.listdir(os.path.join(content, agency))):
            path = os.path.join(content, agency, year, "report.md")
            if not (year.isdigit() and os.path.exists(path)):
                continue
            body = re.sub(r"\A---\n.*?\n---\n", "", open(path, encoding="utf-8").read(), flags=re.S)
            parts = re.split(r"^## ", body, flags=re.M)
            if len(parts) != 7:
                continue
            sections = []
            for index in (1, 5, 6):
                text = parts[index].split("\n", 1)[1].strip()
                for name in names:
                    text = text.replace(name, "{name}")
                text = re.sub(r"(\d{4})年", lambda m: "{y%+d}年" % (int(m.group(1)) - int(year)), text)
                sections.append(without_claims(text))
            out[int(year) >= 2021].append(sections)
    return out

def without_claims(text):
    kept = []
    for line in text.split("\n"):
        if line.startswith(("#", "|")) or not line.strip():
            kept.append(line)
            continue
        sentences = re.findall(r"[^。；]+[。；]?", line)
        line = "".join(x for x in sentences if not CLAIM.search(x))
        if line.strip() and not re.fullmatch(r"\s*(-|\d+\.)\s*", line):
            kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept))

def narrative(md_template, rng, name, year, received, handled, is2021, samples):
    template_year = 2024 if is2021 else 2020
    text = md_template.replace("模板机关", name)
    text = text.replace(f"year: {template_year}", f"year: {year}").replace(f"{template_year}年政府信息公开", f"{year}年政府信息公开")
    text = re.sub(r"published: 待填写", f"published: {year + 1}-01-{rng.randint(10, 28):02d} 09:30", text)
    text = re.sub(r"索引号: 待填写", f"索引号: SYN-{year + 1}-{rng.randint(1, 99999):05d}", text)
    section = iter(range(6))
    def sampled(index):
        body = rng.choice(samples[is2021])[index]
        body = re.sub(r"\{y([+-]\d+)\}", lambda m: str(year + int(m.group(1))), body).replace("{name}", name)
        # A subsection whose sentences were all left out gets one of its own.
        return re.sub(r"^(###[^\n]*)\n+(?=###|\Z)", lambda m: m.group(1) + "\n\n" + rng.choice(SENTENCES) + "\n\n", body, flags=re.M)
    def body(_):
        index = next(section)
        if index in (0, 4, 5):
            return sampled((0, 4, 5).index(index))
        paras = ["".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 2)))]
        if index == 1:
            paras.append("| 事项 | 数量 |\n| --- | --- |\n| 新闻发布会 | %d |\n| 政策解读 | %d |" % (rng.randint(1, 12), rng.randint(5, 60)))
        if index == 2:
            paras.append(f"- 全年共收到政府信息公开申请{received}件。\n- 办结{handled}件。")
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

def hierarchy(n):
    """(name, parent index or None, level) of agencies 0..n-1: the province; municipal bureaus
    under it; county bureaus under those; departments under a county (one county holds one in
    twenty of all agencies) or, one in twenty, directly under the province."""
    out = [("国家税务总局某省税务局", None, 0)]
    cities = [out.append((f"国家税务总局某省第{i + 1}号市税务局", 0, 1)) or len(out) - 1 for i in range(max(1, n // 50))]
    counties = [out.append((f"国家税务总局第{len(out)}号县税务局", cities[i % len(cities)], 2)) or len(out) - 1
                for i in range(max(1, n // 10))]
    for _ in range(n // 20):
        out.append((f"国家税务总局某省税务局第{len(out)}号直属分局", 0, 3))
    rest = n - len(out)
    for i in range(max(0, rest)):
        parent = counties[0] if i < n // 20 else counties[i % len(counties)]
        out.append((f"国家税务总局第{len(out)}号税务分局", parent, 3))
    return out[:n]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--agencies", type=int, required=True)
    ap.add_argument("--years", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--first-year", type=int, default=2020)
    ap.add_argument("--hugo", help="also write the equivalent Hugo site here")
    ap.add_argument("--rollups", action="store_true",
                    help="the province, municipal and county bureaus publish roll-ups (汇总) of their children: rollup: in agency.yaml, no tables.yaml")
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
    samples = sample_sections(ROOT)
    years = [args.first_year + y for y in range(args.years)]
    agencies = hierarchy(args.agencies)
    has_children = {parent for _, parent, _ in agencies if parent is not None}
    rollups = {a for a in has_children if args.rollups}
    tasks = task_files(args.out, years)
    sums = {a: {year: [0, 0] for year in years} for a in range(len(agencies))}
    hugo = []
    for a, (name, parent, level) in enumerate(agencies):
        slug = f"agency-{a:05d}"
        folder = os.path.join(args.out, "Content", slug)
        os.makedirs(folder)
        with open(os.path.join(folder, "agency.yaml"), "w", encoding="utf-8") as f:
            f.write(f"name: {name}\nkind: 部门\n" + (f"parent: agency-{parent:05d}\n" if parent is not None else "")
                    + (f"rollup: [{', '.join(map(str, years))}]\n" if a in rollups else ""))
        for year in years:
            os.makedirs(os.path.join(folder, str(year)))
            if year in tasks:
                with open(os.path.join(folder, str(year), "tasks.yaml"), "w", encoding="utf-8") as f:
                    f.write(tasks[year])
        if a in rollups:
            continue
        hugo.append((slug, name, []))
        carried, stock = [0] * 6, [rng.randint(0, 30), rng.randint(0, 80)]
        for year in years:
            is2021 = year >= 2021
            tables, carried, received, handled = fill_tables(tpl[is2021], rng, carried, stock, is2021)
            sums[a][year] = [received, handled]
            with open(os.path.join(folder, str(year), "tables.yaml"), "w", encoding="utf-8") as f:
                f.write(tables)
            report = narrative(tpl[("md", is2021)], rng, name, year, received, handled, is2021, samples)
            with open(os.path.join(folder, str(year), "report.md"), "w", encoding="utf-8") as f:
                f.write(report)
            if args.hugo:
                hugo[-1][2].append((year, report, tables))
    # Roll-ups state their children's summed numbers: deepest first, so a roll-up of roll-ups
    # adds sums already made.
    for a in sorted(range(len(agencies)), key=lambda a: -agencies[a][2]):
        parent = agencies[a][1]
        if parent in rollups:
            for year in years:
                sums[parent][year][0] += sums[a][year][0]
                sums[parent][year][1] += sums[a][year][1]
    for a in sorted(rollups):
        name, folder = agencies[a][0], os.path.join(args.out, "Content", f"agency-{a:05d}")
        hugo.append((f"agency-{a:05d}", name, []))
        for year in years:
            report = narrative(tpl[("md", year >= 2021)], rng, name, year, sums[a][year][0], sums[a][year][1], year >= 2021, samples)
            with open(os.path.join(folder, str(year), "report.md"), "w", encoding="utf-8") as f:
                f.write(report)
            # (Hugo has no sums: the roll-up's page is its narrative.)
            hugo[-1][2].append((year, report, ""))
    if args.hugo:
        write_hugo(args.hugo, hugo)

def task_files(out, years):
    """The sample's task lists whose year is generated, applied to the province (so to every
    agency), in Content/_tasks/; and the tasks.yaml each report of that year gets."""
    source = os.path.join(ROOT, "Content", "_tasks")
    found = {}
    for listing in sorted(os.listdir(source)) if os.path.isdir(source) else []:
        text = open(os.path.join(source, listing), encoding="utf-8").read()
        year = int(re.search(r"^year: (\d{4})", text, flags=re.M).group(1))
        list_id = listing.rsplit(".", 1)[0]
        answers = [os.path.join(ROOT, "Content", a, str(year), "tasks.yaml") for a in sorted(os.listdir(os.path.join(ROOT, "Content")))]
        answers = [p for p in answers if os.path.exists(p) and f"list: {list_id}" in open(p, encoding="utf-8").read()]
        if year not in years or not answers:
            continue
        os.makedirs(os.path.join(out, "Content", "_tasks"), exist_ok=True)
        with open(os.path.join(out, "Content", "_tasks", listing), "w", encoding="utf-8") as f:
            f.write(re.sub(r"^applies_to: .*$", "applies_to: [agency-00000]", text, flags=re.M))
        found[year] = open(answers[0], encoding="utf-8").read()
    return found

if __name__ == "__main__":
    main()
