#!/usr/bin/env python3
"""Checks that pyarrow reads ArrowIPC's writer output with the expected values.

Usage: check_writer.py DIR, where DIR holds small.arrows, large.arrows, batched.arrows and
empty.arrows written by WriterTests.pyarrowReadsTheOutput (the test runs this script when the
environment variable SEG_ARROW_PYTHON names a python with pyarrow, e.g. /work/spark/venv/bin/python).
Without DIR it checks the committed golden file writer_golden.arrows next to this script.
The expected values mirror WriterFixture in WriterTests.swift; change both together.
Prints "check_writer: ok" and exits 0 on success.
"""

import datetime
import os
import sys

import pyarrow as pa
import pyarrow.ipc as ipc

UTC = datetime.timezone.utc
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=UTC)

SCHEMA = pa.schema([
    ("id", pa.int64()),
    ("score", pa.float64()),
    ("name", pa.string()),
    ("active", pa.bool_()),
    ("joined", pa.date32()),
    ("seen", pa.timestamp("us", tz="UTC")),
    ("tags", pa.list_(pa.field("element", pa.string()))),
])


def small():
    return {
        "id": [1, None, -9223372036854775808, 42],
        "score": [0.5, -1e300, None, float("inf")],
        "name": ["ascii", "héllo wörld 日本語 🎉", "", None],
        "active": [True, None, False, True],
        "joined": [datetime.date(1970, 1, 1), datetime.date(2024, 2, 29), None, datetime.date(1969, 12, 31)],
        "seen": [EPOCH + datetime.timedelta(microseconds=1_700_000_000_123_456), None, EPOCH,
                 EPOCH - datetime.timedelta(microseconds=1)],
        "tags": [["a", "b"], None, [], ["ü", None, ""]],
    }


def large(rows):
    r = range(rows)
    return {
        "id": [None if i % 10 == 0 else i for i in r],
        "score": [None if i % 11 == 0 else i / 4 for i in r],
        "name": [None if i % 12 == 0 else f"row {i}" for i in r],
        "active": [None if i % 13 == 0 else i % 2 == 0 for i in r],
        "joined": [None if i % 14 == 0 else datetime.date(1970, 1, 1) + datetime.timedelta(days=i % 30000) for i in r],
        "seen": [None if i % 15 == 0 else EPOCH + datetime.timedelta(seconds=i) for i in r],
        "tags": [None if i % 16 == 0 else ([None] if i % 5 == 0 else [f"t{i % 7}"] * (i % 4)) for i in r],
    }


def check(path, expected, batch_sizes=None):
    with open(path, "rb") as f:
        reader = ipc.open_stream(f.read())
        batches = list(reader)
    assert reader.schema.equals(SCHEMA), f"{path}: schema {reader.schema}"
    if batch_sizes is not None:
        sizes = [b.num_rows for b in batches]
        assert sizes == batch_sizes, f"{path}: batch sizes {sizes}"
    table = pa.Table.from_batches(batches, schema=SCHEMA)
    table.validate(full=True)
    got = table.to_pydict()
    for name, values in expected.items():
        assert got[name] == values, f"{path}: column {name} differs: {got[name][:8]} vs {values[:8]}"


def main():
    if len(sys.argv) > 1:
        d = sys.argv[1]
        check(os.path.join(d, "small.arrows"), small(), [4])
        check(os.path.join(d, "large.arrows"), large(70_000), [65_536, 4_464])
        check(os.path.join(d, "batched.arrows"), large(200), [64, 64, 64, 8])
        check(os.path.join(d, "empty.arrows"), large(0), [0])
    else:
        check(os.path.join(os.path.dirname(os.path.abspath(__file__)), "writer_golden.arrows"), small(), [4])
    print("check_writer: ok")


if __name__ == "__main__":
    main()
