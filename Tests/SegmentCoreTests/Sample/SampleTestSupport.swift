import Columnar
import Testing

/// Typed views of a sample table's columns, for assertions.
struct SampleView {
  let table: Table

  init(_ table: Table) { self.table = table }

  func column(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Column {
    try #require(table.column(named: name), "no column \(name)", sourceLocation: sourceLocation)
  }

  func ints(_ name: String) throws -> [Int64?] {
    try column(name).values.map { value -> Int64? in
      if case .int(let v) = value { return v }
      return nil
    }
  }

  func doubles(_ name: String) throws -> [Double?] {
    try column(name).values.map { value -> Double? in
      if case .double(let v) = value { return v }
      return nil
    }
  }

  func dates(_ name: String) throws -> [Int32?] {
    try column(name).values.map { value -> Int32? in
      if case .date(let v) = value { return v }
      return nil
    }
  }

  func strings(_ name: String) throws -> [String?] {
    try column(name).values.map { value -> String? in
      if case .string(let v) = value { return v }
      return nil
    }
  }

  func bools(_ name: String) throws -> [Bool?] {
    try column(name).values.map { value -> Bool? in
      if case .bool(let v) = value { return v }
      return nil
    }
  }

  func lists(_ name: String) throws -> [[String]?] {
    try column(name).values.map { value -> [String]? in
      if case .list(let v) = value { return v }
      return nil
    }
  }
}

/// Cents of a 2-decimal amount, exactly.
func cents(_ amount: Double) -> Int64 { Int64((amount * 100).rounded()) }

/// Whether `amount` has at most two decimals (its nearest 2-decimal value is itself).
func hasTwoDecimals(_ amount: Double) -> Bool { Double(cents(amount)) / 100 == amount }

/// The share of `values` that satisfy `predicate`.
func share<T>(_ values: [T], where predicate: (T) -> Bool) -> Double {
  values.isEmpty ? 0 : Double(values.count(where: predicate)) / Double(values.count)
}

/// The mean of the non-null values.
func mean(_ values: [Double]) -> Double {
  values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
}

/// Pearson's correlation coefficient.
func correlation(_ x: [Double], _ y: [Double]) -> Double {
  let mx = mean(x)
  let my = mean(y)
  var sxy = 0.0
  var sxx = 0.0
  var syy = 0.0
  for (a, b) in zip(x, y) {
    sxy += (a - mx) * (b - my)
    sxx += (a - mx) * (a - mx)
    syy += (b - my) * (b - my)
  }
  return sxy / (sxx * syy).squareRoot()
}
