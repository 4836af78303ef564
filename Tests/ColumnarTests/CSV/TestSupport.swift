@testable import Columnar

/// Loads CSV text given as a string.
func load(_ text: String, _ configure: (inout LoadOptions) -> Void = { _ in }) throws(LoadError) -> LoadReport
{
  var options = LoadOptions()
  configure(&options)
  return try CSVReader.load(bytes: Array(text.utf8), source: "test.csv", tableName: "t", options: options)
}

/// Loads raw bytes.
func load(bytes: [UInt8], _ configure: (inout LoadOptions) -> Void = { _ in }) throws(LoadError) -> LoadReport
{
  var options = LoadOptions()
  configure(&options)
  return try CSVReader.load(bytes: bytes, source: "test.csv", tableName: "t", options: options)
}

extension LoadReport {
  /// The column called `name`, which the test expects to exist.
  func column(_ name: String) -> Column { table.column(named: name)! }
  /// Column types in order.
  var types: [ColumnType] { table.columns.map(\.type) }
}
