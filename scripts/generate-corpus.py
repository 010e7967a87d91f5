#!/usr/bin/env python3
"""Writes a deterministic synthetic nianbao site for benchmarks.

Usage: scripts/generate-corpus.py --agencies N --years Y [--seed S] [--first-year 2020] OUT

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

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--agencies", type=int, required=True)
    ap.add_argument("--years", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--first-year", type=int, default=2020)
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
    rng = random.Random(args.seed)
    for a in range(args.agencies):
        slug = f"agency-{a:05d}"
        name = f"国家税务总局第{a}号县税务局"
        folder = os.path.join(args.out, "Content", slug)
        os.makedirs(folder)
        with open(os.path.join(folder, "agency.yaml"), "w", encoding="utf-8") as f:
            f.write(f"name: {name}\nkind: 部门\n")
        carried, stock = [0] * 6, [rng.randint(0, 30), rng.randint(0, 80)]
        for y in range(args.years):
            year = args.first_year + y
            is2021 = year >= 2021
            tables, carried, received, handled = fill_tables(tpl[is2021], rng, carried, stock, is2021)
            os.makedirs(os.path.join(folder, str(year)))
            with open(os.path.join(folder, str(year), "tables.yaml"), "w", encoding="utf-8") as f:
                f.write(tables)
            with open(os.path.join(folder, str(year), "report.md"), "w", encoding="utf-8") as f:
                f.write(narrative(tpl[("md", is2021)], rng, name, year, received, handled, is2021))

if __name__ == "__main__":
    main()
