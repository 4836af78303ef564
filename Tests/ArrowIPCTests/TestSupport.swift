import ArrowIPC
import Foundation
import Testing

/// Loads and reads the committed fixtures written by `Fixtures/make_fixtures.py`.
enum Fixture {
  static func bytes(_ name: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/\(name).arrows")
    return [UInt8](try Data(contentsOf: url))
  }

  static func table(_ name: String) throws -> ArrowTable {
    try ArrowStreamReader.readTable(from: bytes(name))
  }

  /// The fixtures small enough to truncate at every byte and to fuzz.
  static let small = [
    "spark_batch_0",
    "primitives", "lists", "empty_batch", "schema_only", "all_null", "sliced", "legacy_framing",
    "metadata_v4", "stream_a",
  ]
}

/// Typed views of columns with nulls as nil, so expectations read like the Python that wrote them.
extension ArrowColumn {
  func optionals<T>(_ values: [T]) -> [T?] {
    values.indices.map { isNull($0) ? nil : values[$0] }
  }

  var int64s: [Int64?]? {
    switch data {
    case .int8(let v): return optionals(v.map(Int64.init))
    case .int16(let v): return optionals(v.map(Int64.init))
    case .int32(let v): return optionals(v.map(Int64.init))
    case .int64(let v): return optionals(v)
    case .date32(let v): return optionals(v.map(Int64.init))
    case .date64(let v), .timestamp(let v, _, _): return optionals(v)
    default: return nil
    }
  }

  var doubles: [Double?]? {
    switch data {
    case .float32(let v): return optionals(v.map(Double.init))
    case .float64(let v): return optionals(v)
    default: return nil
    }
  }

  var bools: [Bool?]? {
    guard case .bool(let bits) = data else { return nil }
    return (0..<length).map { isNull($0) ? nil : bits[$0] }
  }

  var strings: [String?]? {
    switch data {
    case .utf8(let v), .binary(let v): return (0..<length).map { isNull($0) ? nil : v.string(at: $0) }
    default: return nil
    }
  }

  var byteArrays: [[UInt8]?]? {
    guard case .binary(let v) = data else { return nil }
    return (0..<length).map { isNull($0) ? nil : Array(v.bytes(at: $0)) }
  }

  var decimalStrings: [String?]? {
    guard case .decimal128(let d) = data else { return nil }
    return (0..<length).map { isNull($0) ? nil : d.string(at: $0) }
  }

  /// List rows as arrays of the item column's rows, read through `item`.
  func lists<T>(_ item: (ArrowColumn) -> [T?]?) -> [[T?]?]? {
    guard case .list(let offsets, let values) = data, let items = item(values) else { return nil }
    return (0..<length).map { isNull($0) ? nil : Array(items[offsets[$0]..<offsets[$0 + 1]]) }
  }
}

/// A small deterministic generator (SplitMix64) so fuzz failures reproduce from the seed.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
