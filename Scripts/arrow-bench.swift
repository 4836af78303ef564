// Times ArrowIPC on 1M rows × 10 columns. Not part of the package; build it with the module's sources:
//   swiftc -O -parse-as-library Sources/ArrowIPC/*.swift Sources/ArrowIPC/*/*.swift Scripts/arrow-bench.swift \
//     -o /tmp/arrow-bench && /tmp/arrow-bench
import Foundation

@main
enum ArrowBench {
  static func main() throws {
    let rows = 1_000_000
    let r = 0..<rows
    let fields: [(String, ArrowType, ArrowColumn)] = [
      ("id", .int64, .int64(r.map { Int64($0) })),
      ("spend", .int64, .int64(r.map { $0 % 10 == 0 ? nil : Int64($0 * 3) })),
      ("score", .float64, .float64(r.map { Double($0) / 7 })),
      ("ratio", .float64, .float64(r.map { $0 % 9 == 0 ? nil : Double($0) })),
      ("bucket", .int32, ArrowColumn(length: rows, validity: nil, data: .int32(r.map { Int32($0 % 100) }))),
      ("active", .bool, .bool(r.map { $0 % 3 == 0 })),
      ("joined", .date32, .date32(r.map { Int32($0 % 20_000) })),
      ("seen", .timestamp(unit: .microsecond, timezone: "UTC"), .timestamp(r.map { Int64($0) * 1_000 })),
      ("name", .utf8, .utf8(r.map { $0 % 11 == 0 ? nil : "customer\($0 % 5000)" })),
      ("tags", .list(ArrowField(name: "element", type: .utf8)), .utf8Lists(r.map { ["t\($0 % 7)", "vip"] })),
    ]
    let table = ArrowTable(
      schema: ArrowSchema(fields: fields.map { ArrowField(name: $0.0, type: $0.1) }),
      columns: fields.map(\.2), rowCount: rows)

    var bytes: [UInt8] = []
    var bestWrite = Double.infinity
    for _ in 0..<3 {
      let start = Date()
      bytes = try ArrowStreamWriter().write(table)
      bestWrite = min(bestWrite, Date().timeIntervalSince(start))
    }
    var bestRead = Double.infinity
    var decoded: ArrowTable?
    for _ in 0..<5 {
      let start = Date()
      decoded = try ArrowStreamReader.readTable(from: bytes)
      bestRead = min(bestRead, Date().timeIntervalSince(start))
    }
    precondition(decoded == table, "round trip differs")
    print("stream: \(bytes.count / 1_000_000) MB, \(rows) rows × \(fields.count) columns")
    print(String(format: "write: %.0f ms (best of 3)", bestWrite * 1000))
    print(String(format: "read:  %.0f ms (best of 5)", bestRead * 1000))
    if let path = CommandLine.arguments.dropFirst().first {
      try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
  }
}
