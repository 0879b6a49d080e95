#!/usr/bin/env python3
"""`make bench-peer`: Planbook against Jupyter Book 1.x side by side, in one run.

Usage: bench_peer.py PLANBOOK REPORTS JB_STUDY JUPYTER_BOOK [ROUNDS]

PLANBOOK is the planbook executable, REPORTS the study it builds (copied, never written), JB_STUDY the equivalent
Jupyter Book study that gen.py wrote (its site-jb/ folder), JUPYTER_BOOK its `jupyter-book` executable. Every case
runs each tool as a whole process, A B A B …: one untimed warm-up round, then ROUNDS (default 5) timed rounds; the
medians and their ratios (Jupyter Book / Planbook) are printed. The peak resident memory of each cold build's whole
process tree (the tool, its kernels or compilers, its Graphviz children) is sampled from /proc every 20 ms.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PLANBOOK, REPORTS, JB_STUDY, JUPYTER_BOOK = map(os.path.abspath, sys.argv[1:5])
ROUNDS = int(sys.argv[5]) if len(sys.argv) > 5 else 5
EDIT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "edit.py")


def tree_rss(root):
    """Resident bytes of `root` and all its descendants, now."""
    children, rss = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            with open(f"/proc/{entry}/statm") as f:
                rss[int(entry)] = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            pass
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def timed(command, cwd):
    """Runs `command` in `cwd`; returns (seconds, peak resident bytes of its process tree)."""
    environment = {k: v for k, v in os.environ.items() if k != "PLANBOOK_MODULE_CACHE"}
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a chatty tool never blocks on it
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=environment, stdout=subprocess.DEVNULL, stderr=errors)
        peak = 0
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        if process.returncode != 0:
            errors.seek(0)
            sys.exit(f"failed ({process.returncode}): {' '.join(command)} in {cwd}\n{errors.read().decode()[-4000:]}")
    return seconds, peak


work = tempfile.mkdtemp(prefix="planbook-bench-peer-")
planbook_study = os.path.join(work, "planbook")
jb_study = os.path.join(work, "jupyter-book")
shutil.copytree(REPORTS, os.path.join(planbook_study, "Reports"))
shutil.copytree(JB_STUDY, jb_study)
edited_report = os.path.join(planbook_study, "Reports", sorted(
    name for name in os.listdir(os.path.join(planbook_study, "Reports"))
    if name.endswith(".md") and "```swift plan" in open(os.path.join(planbook_study, "Reports", name)).read())[0])
state = {"round": 0}


def planbook(*arguments):
    return timed([PLANBOOK, "build", "-q", *arguments], planbook_study)


def planbook_parameters():
    return ["--param", f"batch={128 + 16 * state['round']}"] if state["round"] else []


def planbook_cold():
    for folder in (".planbook", "site"):
        shutil.rmtree(os.path.join(planbook_study, folder), ignore_errors=True)
    return planbook(*planbook_parameters())


def planbook_prose():
    with open(edited_report, "a") as f:
        f.write(f"\nA sentence added in round {state['round']}.\n")
    return planbook(*planbook_parameters())


def planbook_parameter():
    state["round"] += 1  # a batch size never built before
    return planbook(*planbook_parameters())


def jupyter_book():
    return timed([JUPYTER_BOOK, "build", "-qq", "."], jb_study)


def jb_cold():
    shutil.rmtree(os.path.join(jb_study, "_build"), ignore_errors=True)
    return jupyter_book()


def jb_edit(page, kind):
    subprocess.run([sys.executable, EDIT, os.path.join(jb_study, page), kind], check=True)
    return jupyter_book()


CASES = [
    ("cold build", jb_cold, planbook_cold),
    ("no-change rebuild", jupyter_book, lambda: planbook(*planbook_parameters())),
    ("prose edit", lambda: jb_edit("baseline.md", "prose"), planbook_prose),
    ("parameter edit (batch)", lambda: jb_edit("proposed.md", "param"), planbook_parameter),
]
results = {name: ([], []) for name, _, _ in CASES}
for round_number in range(ROUNDS + 1):
    for name, jb_case, planbook_case in CASES:
        jb_run, planbook_run = jb_case(), planbook_case()
        if round_number:
            results[name][0].append(jb_run)
            results[name][1].append(planbook_run)
shutil.rmtree(work, ignore_errors=True)

with open("/proc/loadavg") as f:
    load = " ".join(f.read().split()[:3])
print(f"Planbook against Jupyter Book 1.x (the equivalent study of Scripts/peer/gen.py), side by side: "
      f"{ROUNDS} interleaved rounds after a warm-up, medians; machine load {load}")
print(f"{'case':<28} {'Jupyter Book':>13} {'Planbook':>10} {'ratio':>8}")
for name, _, _ in CASES:
    jb_seconds = statistics.median(seconds for seconds, _ in results[name][0])
    planbook_seconds = statistics.median(seconds for seconds, _ in results[name][1])
    print(f"{name:<28} {jb_seconds:>11.2f} s {planbook_seconds:>8.2f} s {jb_seconds / planbook_seconds:>7.2f}×")
jb_peak = statistics.median(peak for _, peak in results["cold build"][0]) / 2**20
planbook_peak = statistics.median(peak for _, peak in results["cold build"][1]) / 2**20
print(f"{'peak memory, cold, tree':<28} {jb_peak:>9.0f} MiB {planbook_peak:>6.0f} MiB")
