"""Differential test: the same predicates, group-bys and aggregates through seg and through DuckDB.

Runs on the built-in sample customers exported to CSV (nulls in income, last_purchase_date and
avg_order_value; non-ASCII city names; a list column), read by both engines from the same file.
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
from decimal import ROUND_HALF_UP, Context, Decimal

TODAY = "2026-10-31"

# (seg predicate, equivalent SQL predicate)
PREDICATES = [
    ('gender = "M"', "gender = 'M'"),
    ('gender != "M"', "gender <> 'M'"),
    ('gender = "m"', "gender = 'm'"),
    ("age between 18 and 25", "age BETWEEN 18 AND 25"),
    ("age not between 18 and 25", "age NOT BETWEEN 18 AND 25"),
    ("age > 30 and age <= 40", "age > 30 AND age <= 40"),
    ("age >= 85", "age >= 85"),
    ("age > 29.5", "age > 29.5"),
    ("income > 50000", "income > 50000"),
    ("not (income > 50000)", "NOT (income > 50000)"),
    ("income is null", "income IS NULL"),
    ("income is not null", "income IS NOT NULL"),
    ("not (income > 50000) or income is null", "NOT (income > 50000) OR income IS NULL"),
    ("income between 30000 and 60000 or income is null", "income BETWEEN 30000 AND 60000 OR income IS NULL"),
    ("not (age > 30 or income is null)", "NOT (age > 30 OR income IS NULL)"),
    ("not (income > 40000 and age > 40)", "NOT (income > 40000 AND age > 40)"),
    ("not not (income < 20000)", "NOT NOT (income < 20000)"),
    ("total_spend >= 500.5", "total_spend >= 500.5"),
    ("total_spend between 100 and 200.5", "total_spend BETWEEN 100 AND 200.5"),
    ("avg_order_value < 20", "avg_order_value < 20"),
    ("avg_order_value != 20", "avg_order_value <> 20"),
    ("orders = 0", "orders = 0"),
    ("cart_abandons >= 3 and device = \"mobile\"", "cart_abandons >= 3 AND device = 'mobile'"),
    ("customer_id in (1, 2, 3, 99999)", "customer_id IN (1, 2, 3, 99999)"),
    ("customer_id not in (1, 2, 3)", "customer_id NOT IN (1, 2, 3)"),
    ("last_purchase_date after 2026-08-01", "last_purchase_date > DATE '2026-08-01'"),
    ("last_purchase_date before 2025-01-01", "last_purchase_date < DATE '2025-01-01'"),
    ("last_purchase_date >= 2026-10-31", "last_purchase_date >= DATE '2026-10-31'"),
    ("last_purchase_date is null", "last_purchase_date IS NULL"),
    ("last_purchase_date within 90 days",
     f"last_purchase_date BETWEEN DATE '{TODAY}' - INTERVAL 90 DAY AND DATE '{TODAY}'"),
    ("last_purchase_date within 3 months",
     f"last_purchase_date BETWEEN DATE '{TODAY}' - INTERVAL 3 MONTH AND DATE '{TODAY}'"),
    ("last_purchase_date within 2 weeks",
     f"last_purchase_date BETWEEN DATE '{TODAY}' - INTERVAL 14 DAY AND DATE '{TODAY}'"),
    ("signup_date within 1 year", f"signup_date BETWEEN DATE '{TODAY}' - INTERVAL 1 YEAR AND DATE '{TODAY}'"),
    ("not (last_purchase_date within 30 days)",
     f"NOT (last_purchase_date BETWEEN DATE '{TODAY}' - INTERVAL 30 DAY AND DATE '{TODAY}')"),
    ("signup_date = 2024-02-29", "signup_date = DATE '2024-02-29'"),
    ("birth_date < 1960-01-01", "birth_date < DATE '1960-01-01'"),
    ('city starts with "San"', "starts_with(city, 'San')"),
    ('city ends with "on"', "suffix(city, 'on')"),
    ('city contains "an"', "contains(city, 'an')"),
    ('city not contains "an"', "NOT contains(city, 'an')"),
    ('city in ("London", "Paris", "San Sebastián", "Düsseldorf")',
     "city IN ('London', 'Paris', 'San Sebastián', 'Düsseldorf')"),
    ('city not in ("London", "Paris")', "city NOT IN ('London', 'Paris')"),
    ('city starts with "Mün" or city contains "ü"', "starts_with(city, 'Mün') OR contains(city, 'ü')"),
    ('city = "A Coruña"', "city = 'A Coruña'"),
    ('city between "A" and "D"', "city BETWEEN 'A' AND 'D'"),
    ('region > "M"', "region > 'M'"),
    ('region <= "Bavaria"', "region <= 'Bavaria'"),
    ('interests contains "outdoor"', "list_contains(string_split(interests, ';'), 'outdoor')"),
    ('interests contains "outdoor" and city starts with "San"',
     "list_contains(string_split(interests, ';'), 'outdoor') AND starts_with(city, 'San')"),
    ('interests in ("tech", "gaming")', "list_has_any(string_split(interests, ';'), ['tech', 'gaming'])"),
    ("urban = true", "urban = true"),
    ("email_opt_in = false", "email_opt_in = false"),
    ("email_opt_in", "email_opt_in"),
    ("not email_opt_in and urban", "NOT email_opt_in AND urban"),
    ('country = "United States" or country = "Canada"', "country = 'United States' OR country = 'Canada'"),
    ('(country = "Germany" or country = "France") and age < 30',
     "(country = 'Germany' OR country = 'France') AND age < 30"),
    ('loyalty_tier in ("gold", "platinum") and not (preferred_channel = "email")',
     "loyalty_tier IN ('gold', 'platinum') AND NOT (preferred_channel = 'email')"),
    ('gender = "X" or income > 100000 and age < 40', "gender = 'X' OR income > 100000 AND age < 40"),
]

# (seg `count by` clause with optional where, SQL group expression, SQL where)
GROUPS = [
    ("by region", "region", "true"),
    ('by gender where total_spend > 500', "gender", "total_spend > 500"),
    ("by loyalty_tier, device", "loyalty_tier, device", "true"),
    ("by region where total_spend > 500 and last_purchase_date after 2026-08-01", "region",
     "total_spend > 500 AND last_purchase_date > DATE '2026-08-01'"),
    ("by income where age < 20", "income", "age < 20"),
    ("by urban", "urban", "true"),
]


def seg_lines(seg, csv_path, command):
    script = f'set format csv; load "{csv_path}" as customers; set today {TODAY}; {command}'
    result = subprocess.run([seg, "--no-init", "-c", script], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip())
    # In CSV the messages go to stderr: stdout is the command's CSV alone.
    return result.stdout.splitlines()


def seg_duplicates(seg, csv_path):
    """The exact duplicate rows seg drops with `load ... distinct` (issue 16)."""
    import re
    result = subprocess.run([seg, "--no-init", "-c", f'load "{csv_path}" as t distinct'],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip())
    found = re.search(r"dropped ([\d,]+) exact duplicate", result.stdout + result.stderr)
    return int(found.group(1).replace(",", "")) if found else 0


def check_duplicates(seg, work, customers_path, check):
    """Exact duplicate rows counted by seg and by DuckDB's SELECT DISTINCT *: the sample customers with
    every 50th row repeated, and the shared online retail sample when it is on this machine."""
    with open(customers_path, newline="", encoding="utf-8") as f:
        lines = f.read().splitlines(keepends=True)
    repeated = os.path.join(work, "repeated.csv")
    with open(repeated, "w", newline="", encoding="utf-8") as f:
        f.writelines(lines + lines[1::50])
    files = [repeated]
    retail = "/work/shared/data/online_retail/online_retail_sample_20k.csv"
    if os.path.exists(retail):
        files.append(retail)
    for path in files:
        try:
            ours = seg_duplicates(seg, path)
        except Exception as error:
            ours = f"error: {error}"
        con = duckdb.connect()
        con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}')")
        theirs = con.execute(
            "SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT * FROM t)) FROM t").fetchone()[0]
        check(f"duplicate rows in {os.path.basename(path)}", ours, theirs)


def value_text(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seg", required=True)
    parser.add_argument("--rows", type=int, default=20000)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="seg-difftest-")
    path = os.path.join(work, "customers.csv")
    subprocess.run([args.seg, "--no-init", "-c",
                    f'load sample customers rows {args.rows} seed 7; export customers to "{path}"'],
                   check=True, capture_output=True)
    con = duckdb.connect()
    con.execute(f"CREATE TABLE customers AS SELECT * FROM read_csv('{path}')")
    passed = failed = 0

    def check(label, ours, theirs):
        nonlocal passed, failed
        if ours == theirs:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {label}\n  seg:    {ours}\n  duckdb: {theirs}")

    for seg_pred, sql in PREDICATES:
        try:
            lines = seg_lines(args.seg, path, f"count where {seg_pred}")
            ours = int(lines[1].split(",")[0])
        except Exception as error:  # a seg error is a failed case, not a crash of the test
            ours = f"error: {error}"
        theirs = con.execute(f"SELECT count(*) FROM customers WHERE {sql}").fetchone()[0]
        check(f"count where {seg_pred}", ours, theirs)

    for clause, keys, where in GROUPS:
        lines = seg_lines(args.seg, path, f"count {clause}")
        width = len(keys.split(","))
        ours = sorted(tuple(row[:width]) + (int(row[width]),) for row in csv.reader(io.StringIO("\n".join(lines[1:]))))
        rows = con.execute(f"SELECT {keys}, count(*) FROM customers WHERE {where} GROUP BY ALL").fetchall()
        theirs = sorted(tuple(value_text(v) for v in row[:-1]) + (row[-1],) for row in rows)
        check(f"count {clause}", ours, theirs)

    # Lists explode: a row counts once per item.
    lines = seg_lines(args.seg, path, "count by interests")
    ours = sorted((row[0], int(row[1])) for row in csv.reader(io.StringIO("\n".join(lines[1:]))))
    rows = con.execute("SELECT unnest(string_split(interests, ';')) AS i, count(*) FROM customers GROUP BY i").fetchall()
    check("count by interests", ours, sorted(rows))

    # Aggregates: count, mean, median, quartiles, min, max, sum per group, to two decimals.
    lines = seg_lines(args.seg, path, "stats total_spend, income by loyalty_tier")
    ours = sorted(tuple(row) for row in csv.reader(io.StringIO("\n".join(lines[1:]))))
    theirs = []
    for column in ("total_spend", "income"):
        rows = con.execute(f"""
            SELECT loyalty_tier, count({column}), avg({column}), quantile_cont({column}, 0.5),
                   quantile_cont({column}, 0.25), quantile_cont({column}, 0.75),
                   min({column}), max({column}), sum({column})
            FROM customers GROUP BY loyalty_tier""").fetchall()
        for tier, n, mean, med, p25, p75, lo, hi, total in rows:
            def fixed(x):
                # seg's rule (Figures.fixed): the decimal of the value's first 13 significant digits,
                # rounded half away from zero, so a decimal tie rounds up from either side of it.
                if x is None:
                    return ""
                thirteen = Context(prec=13, rounding=ROUND_HALF_UP).create_decimal(repr(float(x)))
                text = str(thirteen.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
                return "0.00" if text == "-0.00" else text

            def plain(x):
                if x is None:
                    return ""
                return str(int(x)) if column == "income" else f"{x:g}" if x != int(x) else str(int(x))
            total_text = "" if total is None else (str(int(total)) if column == "income" else f"{total:.2f}")
            theirs.append((tier, column, str(n), fixed(mean), fixed(med), fixed(p25), fixed(p75),
                           plain(lo), plain(hi), total_text))
    check("stats total_spend, income by loyalty_tier", ours, sorted(theirs))

    check_duplicates(args.seg, work, path, check)

    print(f"differential test against DuckDB {duckdb.__version__}: {passed + failed} cases")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
