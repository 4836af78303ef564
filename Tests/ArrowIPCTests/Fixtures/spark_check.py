#!/usr/bin/env python3
"""Runs ArrowIPC's bytes past a real Spark (Spark Connect, Arrow Java 19) in local mode.

Manual check, not part of `swift test` (it starts a JVM): with /work/spark/venv/bin/python,

    python spark_check.py fixtures   # capture Spark's own ArrowBatch payloads as spark_batch_*.arrows
    python spark_check.py writer     # send writer_golden.arrows to Spark as LocalRelation.data
    python spark_check.py writer DIR # the same for the files WriterTests writes into
                                     # SEG_ARROW_WRITER_OUTPUT=DIR (with SEG_ARROW_PYTHON set)

`fixtures` records exactly the bytes Spark Connect returns (one IPC stream per ArrowBatch) by
wrapping pyarrow's open_stream in the client. `writer` sends the bytes ArrowIPC's writer produced,
unchanged, as a LocalRelation, so Spark's Arrow Java reader decodes them; the collected rows must
equal check_writer.py's expectations.
"""

import os
import sys

import pyarrow as pa
import pyarrow.ipc as ipc

HERE = os.path.dirname(os.path.abspath(__file__))

QUERY = """
SELECT
  id,
  CAST(id AS INT) AS i32, CAST(id AS SMALLINT) AS i16, CAST(id AS TINYINT) AS i8,
  CAST(id AS DOUBLE) / 4 AS f64, CAST(id AS FLOAT) / 2 AS f32,
  IF(id % 3 = 0, NULL, CONCAT('név ', id, ' 🎉')) AS name,
  id % 2 = 0 AS even,
  IF(id = 4, NULL, DATE_ADD(DATE'2024-02-28', CAST(id AS INT))) AS day,
  IF(id = 5, NULL, TIMESTAMP_MICROS(1700000000000000 + id)) AS ts,
  IF(id = 5, NULL, CAST(TIMESTAMP_MICROS(1700000000000000 + id) AS TIMESTAMP_NTZ)) AS ts_ntz,
  IF(id = 1, NULL, CAST(id * 1.25 AS DECIMAL(10, 2))) AS price,
  CAST('12345678901234567890.1234567890' AS DECIMAL(38, 10)) * IF(id % 2 = 0, 1, -1) AS big,
  IF(id = 2, NULL, IF(id = 3, ARRAY(), ARRAY(CONCAT('t', id), NULL, ''))) AS tags,
  ARRAY(id, id + 1) AS ints,
  NULL AS nothing,
  IF(id = 6, NULL, CAST(CONCAT('b', id) AS BINARY)) AS blob
FROM RANGE(0, 7, 1, 2)
"""


def session():
    from pyspark.sql import SparkSession

    return (SparkSession.builder.remote("local[2]")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.execution.arrow.maxRecordsPerBatch", "3")
            .getOrCreate())


def capture_fixtures():
    spark = session()
    captured = []
    original = pa.ipc.open_stream

    def spy(source, *args, **kwargs):
        captured.append(bytes(source))
        return original(source, *args, **kwargs)

    pa.ipc.open_stream = spy
    try:
        table = spark.sql(QUERY).toArrow()
    finally:
        pa.ipc.open_stream = original
    for old in os.listdir(HERE):
        if old.startswith("spark_batch_"):
            os.remove(os.path.join(HERE, old))
    for i, payload in enumerate(captured):
        with open(os.path.join(HERE, f"spark_batch_{i}.arrows"), "wb") as f:
            f.write(payload)
        print(f"spark_batch_{i}.arrows: {len(payload)} bytes")
    print(table.schema)
    print(table.to_pydict())
    spark.stop()


def check_writer():
    sys.path.insert(0, HERE)
    import check_writer
    from pyspark.sql.connect.dataframe import DataFrame
    from pyspark.sql.connect.plan import LocalRelation

    spark = session()

    def check(path, expected, rows):
        with open(path, "rb") as f:
            data = f.read()
        table = ipc.open_stream(data).read_all()

        class RawLocalRelation(LocalRelation):
            def _serialize_table(self):
                return data  # exactly ArrowIPC's bytes, not pyarrow's re-encoding

        df = DataFrame(RawLocalRelation(table), spark)
        got = df.toArrow().to_pydict()
        for name, values in expected.items():
            assert got[name] == values, f"{path}: column {name}: Spark read {got[name][:5]}, expected {values[:5]}"
        assert df.count() == rows, f"{path}: Spark counted {df.count()} rows"
        print(f"{os.path.basename(path)}: {rows} rows, {df.schema.simpleString()}")

    if len(sys.argv) > 2:
        d = sys.argv[2]
        check(os.path.join(d, "small.arrows"), check_writer.small(), 4)
        check(os.path.join(d, "large.arrows"), check_writer.large(70_000), 70_000)
        check(os.path.join(d, "batched.arrows"), check_writer.large(200), 200)
        check(os.path.join(d, "empty.arrows"), check_writer.large(0), 0)
    else:
        check(os.path.join(HERE, "writer_golden.arrows"), check_writer.small(), 4)
    print("spark_check writer: ok")
    spark.stop()


if __name__ == "__main__":
    {"fixtures": capture_fixtures, "writer": check_writer}[sys.argv[1]]()
