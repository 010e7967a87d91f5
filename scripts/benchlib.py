"""Shared helpers of the benchmark scripts: timing a command and generating a synthetic site."""
import tempfile, os, shutil, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NIANBAO = os.environ.get("NIANBAO", os.path.join(ROOT, ".build", "release", "nianbao"))


def require_release_build():
    if not os.access(NIANBAO, os.X_OK):
        sys.exit(f"{NIANBAO} not found: run swift build -c release --product nianbao")


def measure(args, runs, ok=(0, 1), before=None):
    """Best of `runs` by wall time: (wall s, user+sys CPU s, peak RSS MB of that run, last stdout line).

    os.wait4 gives the resource usage of the one child, so each run's peak RSS is its own.
    `before(run)`, if given, is called before each run, untimed (to edit a report, say)."""
    best = None
    for run in range(runs):
        if before:
            before(run)
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = proc.stdout.read(), proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code
        if code not in ok:
            sys.exit(f"{' '.join(args)} exited {code}: {err.decode()[:500]}")
        cpu = usage.ru_utime + usage.ru_stime
        lines = out.decode().strip().splitlines() or [""]
        sample = (wall, cpu, usage.ru_maxrss / 1024, lines[-1])
        best = sample if best is None or sample[0] < best[0] else best
    return best


def work_folder(keep, prefix):
    """The folder the sites are generated in: `keep` (made if missing), else a temporary one.
    `keep` holds site-<N> folders; given a site itself (it has Content/), the script would
    generate a second site inside it, so it stops and says which folder to pass instead."""
    if not keep:
        return tempfile.mkdtemp(prefix=prefix)
    if os.path.isdir(os.path.join(keep, "Content")):
        sys.exit(f"--keep {keep} is a site (it has Content/); pass the folder that holds the generated "
                 f"sites instead: --keep {os.path.dirname(os.path.abspath(keep))}")
    os.makedirs(keep, exist_ok=True)
    return keep


def _clear(work, hugo):
    """Whether a site must be made in `work` (and `hugo`): False when one is there already. Only
    what a generation left may be replaced: a folder holding anything else is not ours."""
    if os.path.isdir(os.path.join(work, "Content")) and (hugo is None or os.path.isdir(hugo)):
        return False
    if os.path.isdir(work) and os.listdir(work) and not os.path.isdir(os.path.join(work, "Content")):
        sys.exit(f"{work} holds files but no generated site (no Content/); not touching it: remove it or choose another --keep")
    shutil.rmtree(work, ignore_errors=True)
    if hugo:
        shutil.rmtree(hugo, ignore_errors=True)
    return True


def generate(work, agencies, years, hugo=None, rollups=False):
    """Writes a synthetic site into `work` (and its Hugo twin into `hugo`) unless it already has
    a Content/ folder. With `rollups`, municipal bureaus publish roll-ups of their counties."""
    if not _clear(work, hugo):
        return
    t = time.perf_counter()
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "generate-corpus.py"),
                    "--agencies", str(agencies), "--years", str(years), work] + (["--hugo", hugo] if hugo else [])
                   + (["--rollups"] if rollups else []),
                   check=True, env=dict(os.environ, NIANBAO=NIANBAO))
    print(f"generated {agencies * years} reports in {time.perf_counter() - t:.1f} s")


def replicate(work, copies, hugo=None):
    """The shipped sample replicated `copies` times into `work` (and its Hugo twin into `hugo`)
    unless it already has a Content/ folder: the shape of a real site (parents rolling up many
    children, the sample's narratives and tasks), 13 reports a copy."""
    if not _clear(work, hugo):
        return
    t = time.perf_counter()
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "replicate-sample.py"), "--copies", str(copies), work]
                   + (["--hugo", hugo] if hugo else []), check=True)
    print(f"replicated the sample to {copies * 13} reports in {time.perf_counter() - t:.1f} s")


def edit_report(site, agency="agency-00001", year=None):
    """A `before` hook for `measure`: appends a sentence (different each run) to one report, so the
    next build has exactly one changed report."""
    folder = os.path.join(site, "Content", agency)
    year = year or sorted(y for y in os.listdir(folder) if y.isdigit())[0]
    path = os.path.join(folder, str(year), "report.md")

    def edit(run):
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"\n基准测试第{run + 1}次修改。\n")
    return edit


def copy_sample(work):
    """The shipped sample site (Content/ and nianbao.yaml) copied into `work`: benchmarks never
    write into the repository."""
    target = os.path.join(work, "sample")
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "Content"), os.path.join(target, "Content"))
    shutil.copy(os.path.join(ROOT, "nianbao.yaml"), target)
    return target
