"""Shared helpers of the benchmark scripts: timing a command and generating a synthetic site."""
import os, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NIANBAO = os.environ.get("NIANBAO", os.path.join(ROOT, ".build", "release", "nianbao"))


def require_release_build():
    if not os.access(NIANBAO, os.X_OK):
        sys.exit(f"{NIANBAO} not found: run swift build -c release --product nianbao")


def measure(args, runs, ok=(0, 1)):
    """Best of `runs` by wall time: (wall s, user+sys CPU s, peak RSS MB of that run, last stdout line).

    os.wait4 gives the resource usage of the one child, so each run's peak RSS is its own."""
    best = None
    for _ in range(runs):
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


def generate(work, agencies, years):
    """Writes a synthetic site into `work` unless it already has a Content/ folder."""
    if os.path.isdir(os.path.join(work, "Content")):
        return
    t = time.perf_counter()
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "generate-corpus.py"),
                    "--agencies", str(agencies), "--years", str(years), work],
                   check=True, env=dict(os.environ, NIANBAO=NIANBAO))
    print(f"generated {agencies * years} reports in {time.perf_counter() - t:.1f} s")
