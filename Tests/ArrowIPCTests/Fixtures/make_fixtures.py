#!/usr/bin/env python3
"""Writes the Arrow IPC stream fixtures that ArrowIPCTests reads.

Run from anywhere with a python that has pyarrow (seg's machines: /work/spark/venv/bin/python):

    python Tests/ArrowIPCTests/Fixtures/make_fixtures.py

The files are small and committed; the tests hard-code the values written here, so change both
together. Everything is deterministic (no random data, no timestamps of "now").
"""

import datetime
import decimal
import os

import pyarrow as pa
import pyarrow.ipc as ipc

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, batches, schema=None, options=None):
    schema = schema or batches[0].schema
    sink = pa.BufferOutputStream()
    with ipc.new_stream(sink, schema, options=options) as writer:
        for batch in batches:
            writer.write_batch(batch)
    data = sink.getvalue().to_pybytes()
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    print(f"{name}: {len(data)} bytes")


def primitives():
    """Every scalar type the reader supports, five rows, a null in every column (row 2 or 3)."""
    d = decimal.Decimal
    columns = {
        "i8": pa.array([-128, 127, None, 0, 5], pa.int8()),
        "i16": pa.array([-32768, 32767, None, 0, 5], pa.int16()),
        "i32": pa.array([-2147483648, 2147483647, None, 0, 5], pa.int32()),
        "i64": pa.array([-9223372036854775808, 9223372036854775807, None, 0, 5], pa.int64()),
        "f32": pa.array([1.5, -2.25, None, 0.0, 3.0], pa.float32()),
        "f64": pa.array([1.5, -2.25, None, 1e300, float("inf")], pa.float64()),
        "flag": pa.array([True, False, None, True, True], pa.bool_()),
        "name": pa.array(["ascii", "héllo wörld", None, "", "日本語 🎉"], pa.string()),
        "large_name": pa.array(["a", None, "ß", "", "end"], pa.large_string()),
        "blob": pa.array([b"\x00\x01", b"", None, b"\xff", b"xyz"], pa.binary()),
        "day": pa.array([datetime.date(1970, 1, 1), datetime.date(2024, 2, 29), None,
                         datetime.date(1969, 12, 31), datetime.date(9999, 12, 31)], pa.date32()),
        "day64": pa.array([0, 86400000, None, -86400000, 1709164800000], pa.date64()),
        "ts_s": pa.array([0, 1, None, -1, 1700000000], pa.timestamp("s")),
        "ts_ms_ny": pa.array([0, 1, None, -1, 1700000000000], pa.timestamp("ms", tz="America/New_York")),
        "ts_us_utc": pa.array([0, 1, None, -1, 1700000000000000], pa.timestamp("us", tz="UTC")),
        "ts_ns": pa.array([0, 1, None, -1, 1700000000000000000], pa.timestamp("ns")),
        "price": pa.array([d("123.45"), d("-0.01"), None, d("0.00"), d("99999999.99")], pa.decimal128(10, 2)),
        "big": pa.array([d("12345678901234567890.1234567890"), d("-1"), None, d("0"),
                         d("-99999999999999999999999999.9999999999")], pa.decimal128(38, 10)),
        "nothing": pa.nulls(5),
    }
    write("primitives.arrows", [pa.RecordBatch.from_pydict(columns)])


def lists():
    """List columns with null lists, empty lists and null items."""
    columns = {
        "tags": pa.array([["a", "b"], None, [], ["ü", None, ""], ["x"]], pa.list_(pa.string())),
        "scores": pa.array([[1, 2, 3], [], None, [None], [-5]], pa.list_(pa.int64())),
        "large_tags": pa.array([["p"], ["q", "r"], None, [], [None]], pa.large_list(pa.string())),
        "nested": pa.array([[[1], [2, 3]], None, [[]], [None, [4]], []], pa.list_(pa.list_(pa.int32()))),
    }
    write("lists.arrows", [pa.RecordBatch.from_pydict(columns)])


def empty_and_all_null():
    schema = pa.schema([("id", pa.int64()), ("name", pa.string()), ("tags", pa.list_(pa.string())),
                        ("flag", pa.bool_())])
    write("empty_batch.arrows", [pa.RecordBatch.from_pylist([], schema=schema)], schema=schema)
    write("schema_only.arrows", [], schema=schema)
    all_null = pa.RecordBatch.from_pydict({
        "id": pa.array([None] * 4, pa.int64()),
        "name": pa.array([None] * 4, pa.string()),
        "tags": pa.array([None] * 4, pa.list_(pa.string())),
        "flag": pa.array([None] * 4, pa.bool_()),
        "day": pa.array([None] * 4, pa.date32()),
        "ts": pa.array([None] * 4, pa.timestamp("us", tz="UTC")),
        "price": pa.array([None] * 4, pa.decimal128(5, 1)),
        "nothing": pa.nulls(4),
    })
    write("all_null.arrows", [all_null])


def multi_batch():
    """Batches of 0, 1, 63, 64 and 65 rows; row r (counting across batches) has id r, null when r % 7 == 3."""
    batches = []
    start = 0
    for size in [1, 63, 0, 64, 65]:
        ids = [None if r % 7 == 3 else r for r in range(start, start + size)]
        batches.append(pa.RecordBatch.from_pydict({
            "id": pa.array(ids, pa.int64()),
            "name": pa.array([None if i is None else f"n{i}" for i in ids], pa.string()),
            "even": pa.array([None if i is None else i % 2 == 0 for i in ids], pa.bool_()),
            "tags": pa.array([None if i is None else [str(i)] * (i % 3) for i in ids], pa.list_(pa.string())),
        }))
        start += size
    write("multi_batch.arrows", batches)
    # Two streams with the same schema for the list-of-payloads API (Spark Connect sends one per batch).
    write("stream_a.arrows", batches[:2])
    write("stream_b.arrows", batches[2:])


def sliced():
    """A batch sliced at row 3, so pyarrow must rebase offsets and shift bitmaps when writing."""
    batch = pa.RecordBatch.from_pydict({
        "flag": pa.array([True, None, False, True, False, None, True, True, False, True, None], pa.bool_()),
        "name": pa.array([f"s{i}" if i % 4 else None for i in range(11)], pa.string()),
        "tags": pa.array([[f"t{i}"] * (i % 3) if i % 5 else None for i in range(11)], pa.list_(pa.string())),
    })
    write("sliced.arrows", [batch.slice(3, 7)])


def big():
    """70,000 rows (more than 65,536) of int8 and bool with nulls; compresses to well under 100 KB."""
    n = 70_000
    batch = pa.RecordBatch.from_pydict({
        "small": pa.array([None if r % 1000 == 999 else (r % 256) - 128 for r in range(n)], pa.int8()),
        "flag": pa.array([r % 3 == 0 for r in range(n)], pa.bool_()),
    })
    write("big_70000.arrows", [batch])


def variants():
    """Inputs the reader must reject clearly, and older framings it must still read."""
    batch = pa.RecordBatch.from_pydict({"id": pa.array([1, 2, 3], pa.int64()),
                                        "name": pa.array(["a", None, "c"], pa.string())})
    write("legacy_framing.arrows", [batch], options=ipc.IpcWriteOptions(use_legacy_format=True))
    write("metadata_v4.arrows", [batch], options=ipc.IpcWriteOptions(metadata_version=ipc.MetadataVersion.V4))
    write("compressed_zstd.arrows", [batch], options=ipc.IpcWriteOptions(compression="zstd"))
    write("compressed_lz4.arrows", [batch], options=ipc.IpcWriteOptions(compression="lz4"))
    dictionary = pa.RecordBatch.from_pydict({"color": pa.array(["red", "blue", "red"]).dictionary_encode()})
    write("dictionary.arrows", [dictionary])
    write("uint32.arrows", [pa.RecordBatch.from_pydict({"u": pa.array([1, 2], pa.uint32())})])
    write("struct.arrows", [pa.RecordBatch.from_pydict({"s": pa.array([{"a": 1}, {"a": 2}])})])


if __name__ == "__main__":
    primitives()
    lists()
    empty_and_all_null()
    multi_batch()
    sliced()
    big()
    variants()
