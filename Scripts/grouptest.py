"""Differential test of `group` and `rfm from` against DuckDB on real order logs.

Online Retail (order lines: returns with negative quantities, a quarter without CustomerID) and the
Olist order items and payments (text keys). Each case groups the log in seg, exports the new table and
compares it with DuckDB's GROUP BY ... ORDER BY key: the keys (seg promises key order), counts, distinct
counts, sums (to 1e-6 relative: seg sums Doubles compensated, so DuckDB uses fsum) and last dates. The
RFM cases compare r, f and m with ntile(5) OVER (ORDER BY x, key order) over DuckDB's grouped table,
the rule of Scripts/rfmcheck.py. Prints one line per failing case and 'N passed, N failed'; exits 1 on
any failure. Called by Scripts/difftest with the seg binary and a Python with duckdb.
"""
import argparse
import csv
import os
import subprocess
import sys
import tempfile

import duckdb

DATA = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))
RETAIL = os.path.join(DATA, "online_retail", "online_retail_sample_20k.csv")
ITEMS = os.path.join(DATA, "olist_ecommerce_sample", "olist_order_items_dataset.csv")
PAYMENTS = os.path.join(DATA, "olist_ecommerce_sample", "olist_order_payments_dataset.csv")

# (label, file, seg command making table g, SQL over table t giving the same rows in key order,
#  kinds of the columns after the key: n = integer, x = number (tolerance), s = text)
GROUPS = [
    ("retail: per customer, bought lines", RETAIL,
     "group t by CustomerID into g with orders = distinct_count(InvoiceNo), revenue = sum(Quantity * UnitPrice),"
     " last_order = max(InvoiceDate), lines = count(*) where Quantity > 0",
     "SELECT CustomerID, count(DISTINCT InvoiceNo), fsum(Quantity * UnitPrice), max(InvoiceDate), count(*)"
     " FROM t WHERE Quantity > 0 AND CustomerID IS NOT NULL GROUP BY CustomerID ORDER BY CustomerID", "nxsn"),
    ("retail: per customer, net of returns (SUM over negative lines)", RETAIL,
     "group t by CustomerID into g with revenue = sum(Quantity * UnitPrice), returns = count(Quantity),"
     " first_order = min(InvoiceDate)",
     "SELECT CustomerID, fsum(Quantity * UnitPrice), count(Quantity), min(InvoiceDate)"
     " FROM t WHERE CustomerID IS NOT NULL GROUP BY CustomerID ORDER BY CustomerID", "xns"),
    ("retail: per country", RETAIL,
     "group t by Country into g with revenue = sum(Quantity * UnitPrice), customers = distinct_count(CustomerID),"
     " orders = distinct_count(InvoiceNo) where not InvoiceNo starts with \"C\"",
     "SELECT Country, fsum(Quantity * UnitPrice), count(DISTINCT CustomerID), count(DISTINCT InvoiceNo)"
     " FROM t WHERE NOT starts_with(InvoiceNo, 'C') GROUP BY Country ORDER BY Country", "xnn"),
    ("olist items: per order", ITEMS,
     "group t by order_id into g with items = count(*), total = sum(price + freight_value),"
     " last_limit = max(shipping_limit_date), sellers = distinct_count(seller_id)",
     "SELECT order_id, count(*), fsum(price + freight_value), max(shipping_limit_date), count(DISTINCT seller_id)"
     " FROM t GROUP BY order_id ORDER BY order_id", "nxsn"),
    ("olist items: per seller", ITEMS,
     "group t by seller_id into g with orders = distinct_count(order_id), revenue = sum(price),"
     " last_sale = max(shipping_limit_date)",
     "SELECT seller_id, count(DISTINCT order_id), fsum(price), max(shipping_limit_date)"
     " FROM t GROUP BY seller_id ORDER BY seller_id", "nxs"),
    ("olist payments: per order", PAYMENTS,
     "group t by order_id into g with paid = sum(payment_value), payments = count(*),"
     " max_installments = max(payment_installments)",
     "SELECT order_id, fsum(payment_value), count(*), max(payment_installments)"
     " FROM t GROUP BY order_id ORDER BY order_id", "xnn"),
]

# (label, file, seg rfm-from command (makes table g), key, date, amount SQL, order SQL or None, SQL where)
RFMS = [
    ("retail: rfm from, bought lines", RETAIL,
     "rfm from t by CustomerID date InvoiceDate amount Quantity * UnitPrice order InvoiceNo where Quantity > 0"
     " into g", "CustomerID", "InvoiceDate", "Quantity * UnitPrice", "InvoiceNo", "Quantity > 0"),
    ("retail: rfm from, every line", RETAIL,
     "rfm from t by CustomerID date InvoiceDate amount Quantity * UnitPrice into g", "CustomerID", "InvoiceDate",
     "Quantity * UnitPrice", None, "true"),
    ("olist items: rfm from per seller", ITEMS,
     "rfm from t by seller_id date shipping_limit_date amount price + freight_value order order_id into g",
     "seller_id", "shipping_limit_date", "price + freight_value", "order_id", "true"),
]


def seg_export(seg, path, command, out):
    script = f'load "{path}" as t; {command}; export g to "{out}" replace'
    result = subprocess.run([seg, "--no-init", "-c", script], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip())
    with open(out, newline="") as f:
        return list(csv.reader(f))[1:]


def text(v):
    if v is None:
        return ""
    if hasattr(v, "strftime"):
        return v.strftime("%Y-%m-%d %H:%M:%S")
    return str(v)


def same(ours, theirs, kinds):
    if len(ours) != len(theirs):
        return f"{len(ours)} rows against {len(theirs)}"
    for a, b in zip(ours, theirs):
        if a[0] != text(b[0]):
            return f"key {a[0]} against {b[0]}"
        for kind, x, y in zip(kinds, a[1:], b[1:]):
            if kind == "x":
                if abs(float(x) - float(y)) > 1e-6 * max(1.0, abs(float(y))):
                    return f"{a[0]}: {x} against {y}"
            elif kind == "n":
                if int(x) != int(y):
                    return f"{a[0]}: {x} against {y}"
            elif x != text(y):
                return f"{a[0]}: {x} against {text(y)}"
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seg", required=True)
    args = parser.parse_args()
    if not all(os.path.exists(p) for p in (RETAIL, ITEMS, PAYMENTS)):
        print(f"grouptest: SKIPPED: the order logs are not in {DATA}")
        return
    work = tempfile.mkdtemp(prefix="seg-grouptest-")
    out = os.path.join(work, "g.csv")
    passed = failed = 0
    figures = []

    def check(label, problem):
        nonlocal passed, failed
        if problem is None:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {label}: {problem}")

    def duck(path):
        con = duckdb.connect()
        con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}', nullstr = 'NA')")
        return con

    for label, path, command, sql, kinds in GROUPS:
        try:
            ours = seg_export(args.seg, path, command, out)
        except RuntimeError as error:
            check(label, f"seg failed: {error}")
            continue
        theirs = duck(path).execute(sql).fetchall()
        figures.append(f"{label}: {len(theirs)} groups")
        check(label, same(ours, theirs, kinds))

    for label, path, command, key, date, amount, order, where in RFMS:
        try:
            ours = seg_export(args.seg, path, command, out)
        except RuntimeError as error:
            check(label, f"seg failed: {error}")
            continue
        frequency = f"count(DISTINCT {order})" if order else "count(*)"
        con = duck(path)
        con.execute(f"""CREATE TABLE g AS SELECT {key} AS k, max({date}) AS last_order, {frequency} AS orders,
                        fsum({amount}) AS revenue FROM t WHERE ({where}) AND {key} IS NOT NULL
                        GROUP BY {key} ORDER BY {key}""")
        rows = con.execute("""SELECT k, last_order, orders, revenue,
                   ntile(5) OVER (ORDER BY last_order, rowid) AS r,
                   ntile(5) OVER (ORDER BY orders, rowid) AS f,
                   ntile(5) OVER (ORDER BY revenue, rowid) AS m FROM g ORDER BY rowid""").fetchall()
        # seg's table: key, last_order, orders, revenue, r, f, m, fm, rfm.
        check(f"{label}: grouped columns", same([row[:4] for row in ours], [row[:4] for row in rows], "snx"))
        ours_scores = [tuple(row[4:7]) + (row[8],) for row in ours]
        theirs_scores = [(str(r), str(f), str(m), f"{r}{f}{m}") for *_, r, f, m in rows]
        wrong = sum(1 for a, b in zip(ours_scores, theirs_scores) if a != b)
        figures.append(f"{label}: {len(rows)} customers scored")
        check(f"{label}: r, f, m and rfm per customer",
              None if wrong == 0 and len(ours_scores) == len(theirs_scores) else f"{wrong} customers differ")

    for line in figures:
        print(line)
    print(f"group and rfm from against DuckDB {duckdb.__version__}: {passed + failed} cases")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
