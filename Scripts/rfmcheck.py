"""Differential test of `rfm` against DuckDB: r, f, m, rfm per row and each named segment's size and revenue.

DuckDB scores each column with ntile(5) OVER (ORDER BY x, rowid) over the rows with no null in any of
the three (recency descending when it is a number of days since), exactly what seg promises. Cases:
the sample customers (nulls in last_purchase_date), small tables for the edges (fewer than 5 rows, row
counts not divisible by 5, ties, nulls, -0.0, negative and Int money, timestamps) and, when present,
../shared/data/customer_personality/marketing_campaign.csv (Recency counted in days).
Prints one line per failing case and a closing 'N passed, N failed' line; exits 1 on any failure.
Called by Scripts/difftest, which provides the seg binary and a Python with duckdb.
"""
import argparse
import csv
import io
import os
import subprocess
import sys
import tempfile

import duckdb

# The grid of RFMSegment (Sources/SegmentCore/Analytics/RFMSegments.swift), as SQL over r and f + m.
SEGMENT_SQL = """CASE
  WHEN r >= 4 AND f + m >= 8 THEN 'champions'
  WHEN (r >= 4 AND f + m BETWEEN 6 AND 7) OR (r = 3 AND f + m >= 6) THEN 'loyal'
  WHEN r >= 4 AND f + m BETWEEN 4 AND 5 THEN 'potential_loyalist'
  WHEN r = 5 THEN 'new_customers'
  WHEN r = 4 THEN 'promising'
  WHEN r BETWEEN 2 AND 3 AND f + m BETWEEN 4 AND 5 THEN 'need_attention'
  WHEN r BETWEEN 2 AND 3 AND f + m <= 3 THEN 'about_to_sleep'
  WHEN (r = 2 AND f + m >= 6) OR (r = 1 AND f + m BETWEEN 6 AND 7) THEN 'at_risk'
  WHEN r = 1 AND f + m >= 8 THEN 'cant_lose_them'
  WHEN r = 1 AND f + m BETWEEN 4 AND 5 THEN 'hibernating'
  ELSE 'lost' END"""


# Totals of the marketing file, the same expression in seg's derive and in SQL.
DERIVED = {
    "spend": "MntWines + MntFruits + MntMeatProducts + MntFishProducts + MntSweetProducts + MntGoldProds",
    "purchases": "NumWebPurchases + NumCatalogPurchases + NumStorePurchases",
}


def write(path, header, rows, delimiter=","):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(header)
        w.writerows(rows)


def edge_tables(work):
    """(label, path, recency, frequency, monetary, recency is days-since)."""
    out = []
    cases = {
        "3 rows": [("2026-01-03", 1, 10.0), ("2026-01-01", 2, 5.0), ("2026-01-02", 3, 7.5)],
        "1 row": [("2026-01-03", 1, 10.0)],
        "7 rows, all tied": [("2026-01-01", 2, 1.0)] * 7,
        "12 rows with nulls": [
            ("2026-01-05", 1, 3.0), ("", 2, 4.0), ("2026-01-02", None, 1.0), ("2026-01-02", 4, None),
            ("2026-01-09", 1, 3.0), ("2026-01-01", 3, -0.0), ("2026-01-05", 1, 0.0), ("2026-01-07", 8, -2.5),
            ("2026-01-05", 1, 3.0), ("2026-01-08", 2, 1e9), ("2026-01-03", 0, 3.0), ("2026-01-05", 1, 2.0)],
    }
    for label, rows in cases.items():
        path = os.path.join(work, label.replace(" ", "_").replace(",", "") + ".csv")
        write(path, ["id", "last", "orders", "spend"],
              [(i, d, "" if o is None else o, "" if s is None else s) for i, (d, o, s) in enumerate(rows)])
        out.append((label, path, "last", "orders", "spend", False))
    # 101 rows: days-since recency with ties, Int money, timestamps beside it.
    rows = [(i, (i * 37) % 23, (i * 11) % 7, (i * 13) % 50 - 10, f"2026-03-{1 + i % 28:02d} {i % 24:02d}:15:00")
            for i in range(101)]
    path = os.path.join(work, "days_since.csv")
    write(path, ["id", "since", "orders", "spend", "seen"], rows)
    out.append(("101 rows, days since", path, "since", "orders", "spend", True))
    out.append(("101 rows, timestamps", path, "seen", "orders", "spend", False))
    return out


def seg_run(seg, script):
    result = subprocess.run([seg, "--no-init", "-c", script], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip())
    return result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seg", required=True)
    parser.add_argument("--rows", type=int, default=20000)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="seg-rfmcheck-")
    sample = os.path.join(work, "customers.csv")
    subprocess.run([args.seg, "--no-init", "-c",
                    f'load sample customers rows {args.rows} seed 7; export customers to "{sample}"'],
                   check=True, capture_output=True)
    cases = [("sample customers", sample, "last_purchase_date", "orders", "total_spend", False)]
    cases += edge_tables(work)
    real = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "customer_personality",
                        "marketing_campaign.csv")
    if os.path.exists(real):
        real = os.path.abspath(real)
        cases.append(("marketing_campaign.csv", real, "Recency", "NumStorePurchases", "MntWines", True))
        cases.append(("marketing_campaign.csv, derived totals", real, "Recency", "purchases", "spend", True))
    passed = failed = 0

    def check(label, ours, theirs):
        nonlocal passed, failed
        if ours == theirs:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {label}\n  seg:    {str(ours)[:400]}\n  duckdb: {str(theirs)[:400]}")

    for label, path, rec, freq, mon, days_since in cases:
        out = os.path.join(work, "scored.csv")
        prelude = "".join(f"derive {name} = {expression}; " for name, expression in DERIVED.items()
                          if "derived" in label)
        try:
            text = seg_run(args.seg, f'load "{path}" as t; {prelude}set format csv; rfm recency {rec} '
                                     f'frequency {freq} monetary {mon}; export t to "{out}" replace')
        except RuntimeError as error:
            check(f"{label}: rfm runs", f"error: {error}", "ok")
            continue
        with open(out, newline="") as f:
            ours = [(row["r"], row["f"], row["m"], row["rfm"]) for row in csv.DictReader(f)]
        con = duckdb.connect()
        con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}')")
        if "derived" in label:
            rec, freq, mon = (f"({DERIVED.get(c, c)})" for c in (rec, freq, mon))
        order = "DESC" if days_since else "ASC"
        scored = f"""SELECT rowid AS id, {mon} AS money,
                   ntile(5) OVER (ORDER BY {rec} {order}, rowid) AS r,
                   ntile(5) OVER (ORDER BY {freq}, rowid) AS f, ntile(5) OVER (ORDER BY {mon}, rowid) AS m
                   FROM t WHERE {rec} IS NOT NULL AND {freq} IS NOT NULL AND {mon} IS NOT NULL"""
        rows = con.execute(f"""SELECT s.r, s.f, s.m FROM t LEFT JOIN ({scored}) s ON s.id = t.rowid
                               ORDER BY t.rowid""").fetchall()
        theirs = [("", "", "", "") if r is None else (str(r), str(f), str(m), f"{r}{f}{m}") for r, f, m in rows]
        check(f"{label}: r, f, m and rfm per row", ours, theirs)
        # The rfm table's CSV: segment, rule, customers, share, revenue, revenue share, recency.
        table = text[text.index("segment,rule,"):]
        ours = sorted((row["segment"], int(row["customers"]), round(float(row["revenue"]), 2))
                      for row in csv.DictReader(io.StringIO(table)) if row.get("revenue") is not None)
        rows = con.execute(f"""SELECT {SEGMENT_SQL} AS segment, count(*), coalesce(sum(money), 0)
                               FROM ({scored}) GROUP BY segment""").fetchall()
        found = {name: (n, round(float(total), 2)) for name, n, total in rows}
        names = [row[0] for row in ours]
        theirs = sorted((name, *found.get(name, (0, 0.0))) for name in names)
        check(f"{label}: segment sizes and revenue", ours, theirs)

    print(f"rfm against DuckDB {duckdb.__version__} ntile(5): {passed + failed} cases")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
