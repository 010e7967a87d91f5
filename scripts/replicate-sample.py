#!/usr/bin/env python3
"""Writes the shipped sample site replicated to a large site shaped like a real one.

Usage: scripts/replicate-sample.py --copies K [--hugo DIR] OUT

Copies Content/ and nianbao.yaml into OUT, then each agency folder K-1 more times as
`<slug>-c<k>`, with `name:` in agency.yaml and `agency:` (and the name in `title:`) in each
report.md suffixed by `<k>号`. `parent:` links are left as they are, so each parent of the sample
rolls up K times as many children as it had, and every report keeps the sample's real-length
narrative, its tables (both form editions) and its tasks.yaml. This is the site of issue 23:
K = 1,539 gives 20,007 reports. With --hugo, the same reports are also written as a Hugo site
(narrative plus the tables as Markdown tables), for the comparison in scripts/bench.
"""
import argparse, importlib.util, os, re, shutil, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def corpus_module():
    """scripts/generate-corpus.py, for its Hugo writer."""
    spec = importlib.util.spec_from_file_location("generate_corpus", os.path.join(ROOT, "scripts", "generate-corpus.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, required=True, help="copies of each agency, the original included")
    ap.add_argument("--hugo", help="also write the equivalent Hugo site here")
    ap.add_argument("out")
    args = ap.parse_args()
    if os.path.exists(args.out):
        sys.exit(f"{args.out} exists; choose a new folder")
    content = os.path.join(args.out, "Content")
    shutil.copytree(os.path.join(ROOT, "Content"), content)
    shutil.copy(os.path.join(ROOT, "nianbao.yaml"), args.out)
    slugs = sorted(s for s in os.listdir(content) if not s.startswith("_") and os.path.isdir(os.path.join(content, s)))
    hugo = []
    for slug in slugs:
        source = os.path.join(content, slug)
        name = re.search(r"^name: *(.+)$", read(os.path.join(source, "agency.yaml")), re.M).group(1).strip()
        for k in range(1, args.copies + 1):
            target = source if k == 1 else os.path.join(content, f"{slug}-c{k}")
            new_name = name if k == 1 else f"{name}{k}号"
            if k > 1:
                shutil.copytree(source, target)
                agency = read(os.path.join(target, "agency.yaml"))
                write(os.path.join(target, "agency.yaml"), re.sub(r"^name: *.+$", f"name: {new_name}", agency, count=1, flags=re.M))
            reports = []
            for year in sorted(y for y in os.listdir(target) if y.isdigit()):
                path = os.path.join(target, year, "report.md")
                if not os.path.exists(path):
                    continue
                report = read(path)
                if k > 1:
                    head, sep, body = report.partition("\n---\n")
                    head = re.sub(r"^agency: *.+$", f"agency: {new_name}", head, count=1, flags=re.M)
                    head = re.sub(r"^(title: *)" + re.escape(name), lambda m: m.group(1) + new_name, head, count=1, flags=re.M)
                    report = head + sep + body
                    write(path, report)
                tables_path = os.path.join(target, year, "tables.yaml")
                tables = read(tables_path) if os.path.exists(tables_path) else ""
                reports.append((int(year), report, tables))
            if args.hugo:
                hugo.append((os.path.basename(target), new_name, reports))
    if args.hugo:
        corpus_module().write_hugo(args.hugo, hugo)


if __name__ == "__main__":
    main()
