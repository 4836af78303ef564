"""Times loading a CSV file fully into memory with seg, DuckDB and polars; prints medians and ratios.

Each engine runs in its own process per run (warm page cache, data read from disk cache), so peak memory
is that engine's alone. Called by Scripts/bench, which prepares the file and the virtual environment.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

PEER = r"""
import os, sys, time, resource
engine, threads, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if engine == "polars":
    os.environ["POLARS_MAX_THREADS"] = str(threads)
    import polars as pl
    start = time.perf_counter()
    df = pl.read_csv(path, try_parse_dates=True)
    n = df.height
else:
    import duckdb
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    start = time.perf_counter()
    con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}')")
    n = con.execute("SELECT count(*) FROM t").fetchone()[0]
elapsed = time.perf_counter() - start
print(f"{elapsed:.6f} {n}")
"""


def run_peer(engine, threads, path):
    out = subprocess.run([sys.executable, "-c", PEER, engine, str(threads), path],
                         check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1])


def run_seg(seg, path):
    result = subprocess.run([seg, "--no-init", "-c", f'set timer on; load "{path}"'],
                            check=True, capture_output=True, text=True)
    times = re.findall(r"time: ([0-9.]+) s", result.stderr)
    rows = re.search(r"loaded \w+: ([0-9,]+) rows", result.stdout)
    return float(times[-1]), int(rows.group(1).replace(",", ""))


def measure(fn, runs):
    """Median seconds over `runs` separate processes, and the row count they reported."""
    samples = []
    rows = None
    for _ in range(runs):
        seconds, rows = fn()
        samples.append(seconds)
    return statistics.median(samples), rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seg", required=True)
    parser.add_argument("--file", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    size_mb = os.path.getsize(args.file) / 1e6
    print(f"load {args.file} ({size_mb:.1f} MB) fully into memory; median of {args.runs} runs; 2 cores")
    configs = [("seg", lambda: run_seg(args.seg, args.file))]
    configs += [(f"duckdb threads={t}", (lambda t=t: run_peer("duckdb", t, args.file))) for t in (1, 2)]
    configs += [(f"polars threads={t}", (lambda t=t: run_peer("polars", t, args.file))) for t in (1, 2)]
    results = []
    for label, fn in configs:
        median, rows = measure(fn, args.runs)
        # Peak memory: one more run under /usr/bin/time, so each engine's reading is its own.
        results.append((label, median, rows, peak_rss(label, args)))
    seg_time = results[0][1]
    print(f"{'engine':<20}{'rows':>10}{'median s':>10}{'vs seg':>9}{'peak MiB':>10}")
    for label, median, rows, peak in results:
        print(f"{label:<20}{rows:>10}{median:>10.3f}{median / seg_time:>8.2f}x{peak:>10.0f}")
    print("'vs seg' is the engine's time over seg's: above 1.00x means seg is faster")


def peak_rss(label, args):
    if label == "seg":
        command = [args.seg, "--no-init", "-c", f'load "{args.file}"']
    else:
        engine, threads = label.split(" threads=")
        command = [sys.executable, "-c", PEER, engine, threads, args.file]
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, check=True,
                            capture_output=True, text=True)
    return int(result.stderr.strip().splitlines()[-1]) / 1024


if __name__ == "__main__":
    main()
