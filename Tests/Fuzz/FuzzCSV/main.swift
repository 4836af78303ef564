import FuzzSupport
#if canImport(Glibc)
  import Glibc
#endif
import Columnar

/// libFuzzer entry (`Scripts/fuzz csv SECONDS`): any bytes through the CSV reader must give a table
/// or a `LoadError`, never a crash, a hang or a sanitizer report. The first byte picks the options a
/// user can give (delimiter, header, encoding, skip bad rows) and a small chunk size, so that chunk
/// boundaries, re-parses and type redos are reached on small inputs; the rest is the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let flags = data[0]
  var options = LoadOptions()
  switch flags & 7 {
  case 1: options.delimiter = UInt8(ascii: ",")
  case 2: options.delimiter = UInt8(ascii: ";")
  case 3: options.delimiter = 9
  case 4: options.delimiter = UInt8(ascii: "|")
  default: break
  }
  if flags & 8 != 0 { options.header = flags & 16 != 0 }
  if flags & 32 != 0 { options.encoding = .latin1 }
  if flags & 64 != 0 { options.skipBadRows = true }
  if flags & 128 != 0 { options.chunkBytes = 64 }
  let bytes = UnsafeRawBufferPointer(start: data + 1, count: size - 1)
  guard let report = try? CSVReader.load(bytes: bytes, source: "fuzz.csv", tableName: "t", options: options)
  else { return 0 }
  // Every column of the table must be whole: as many values as rows, each readable.
  for column in report.table.columns {
    precondition(column.count == report.table.rowCount, "column \(column.name) has the wrong length")
    for row in 0..<column.count { _ = column.value(at: row) }
  }
  return 0
}

// libFuzzer calls the entry point above, also by its C name when it links its own main.
exit(runFuzzer(fuzzCSV))
