#!/usr/bin/env python3
"""Where a run's CPU goes, per step and per thread (not a test).

Runs `bin/briefings run` on an input folder, samples the CPU time of every thread of the JVM from
/proc/PID/task/*/stat every 50 ms (the JIT compilers and the collector included, which JFR's samples leave out),
and prints, for each step (from the step log lines), its wall time and the CPU-seconds of each thread.

Usage, from the repository root, after the README's build command:
    python3 bench/thread-cpu.py DIR          # DIR: an input folder, e.g. one `bin/briefings generate` wrote
"""
import collections
import os
import subprocess
import sys
import tempfile
import threading
import time


def main():
    input_dir = sys.argv[1] if len(sys.argv) > 1 else "input"
    work = tempfile.mkdtemp(prefix="briefings-thread-cpu-")
    env = dict(os.environ)
    env["JAVA_OPTS"] = (env.get("JAVA_OPTS", "") + " -Dlogging.level.org.springframework.batch=INFO").strip()
    start = time.time()
    run = subprocess.Popen(["bin/briefings", "run", "--input", input_dir, "--output", work + "/out",
                            "--data", work + "/data", "--as-of", "2025-10-31"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
    marks = []

    def read_log():
        for line in run.stderr:
            if "Executing step: [" in line:
                marks.append((time.time() - start, line.split("Executing step: [")[1].split("]")[0]))
            elif "records, " in line and " a second" in line:
                marks.append((time.time() - start, "(end of the pass)"))

    threading.Thread(target=read_log, daemon=True).start()
    ticks = os.sysconf("SC_CLK_TCK")
    samples = []
    jvm = None
    while run.poll() is None:
        if jvm is None:
            children = subprocess.run(["pgrep", "-P", str(run.pid)], capture_output=True, text=True).stdout.split()
            jvm = int(children[0]) if children else run.pid
        seen = {}
        try:
            for tid in os.listdir(f"/proc/{jvm}/task"):
                try:
                    with open(f"/proc/{jvm}/task/{tid}/stat") as f:
                        stat = f.read()
                    name = stat[stat.index("(") + 1:stat.rindex(")")]
                    fields = stat[stat.rindex(")") + 2:].split()
                    seen[tid] = (name, int(fields[11]) + int(fields[12]))
                except (OSError, ValueError):
                    pass
        except OSError:
            pass
        samples.append((time.time() - start, seen))
        time.sleep(0.05)
    total = time.time() - start

    def cpu_at(moment):
        # Threads that ended keep their last count.
        known = {}
        for at, seen in samples:
            if at <= moment + 0.001:
                known.update(seen)
        return known

    bounds = [0.0] + [at for at, _ in marks] + [total]
    names = ["start-up"] + [name for _, name in marks]
    print(f"total {total:.2f} s (exit code {run.returncode})")
    for k in range(len(bounds) - 1):
        before, after = cpu_at(bounds[k]), cpu_at(bounds[k + 1])
        per_thread = collections.Counter()
        for tid, (name, value) in after.items():
            key = "JIT" if name.startswith(("C1 CompilerThre", "C2 CompilerThre")) else name
            per_thread[key] += (value - before.get(tid, (name, 0))[1]) / ticks
        shown = ", ".join(f"{n} {v:.2f}" for n, v in per_thread.most_common(7) if v > 0.02)
        print(f"{names[k]:24} {bounds[k + 1] - bounds[k]:5.2f} s wall, {sum(per_thread.values()):5.2f} CPU-s: {shown}")


if __name__ == "__main__":
    main()
