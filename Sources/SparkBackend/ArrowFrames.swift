import ArrowIPC
import Columnar
import SegmentPlan

/// Arrow tables to seg's frames and back: what crosses the wire to and from Spark, in seg's types.
enum ArrowFrames {
  /// The seg type of a column Spark sends, or nil for types seg leaves out (binary, maps, structs).
  static func columnType(_ type: ArrowType) -> ColumnType? {
    switch type {
    case .int8, .int16, .int32, .int64: return .int
    case .float32, .float64, .decimal128: return .double
    case .bool: return .bool
    case .utf8, .largeUtf8: return .string
    case .date32, .date64: return .date
    case .timestamp: return .timestamp
    case .list(let item), .largeList(let item):
      switch item.type {
      case .utf8, .largeUtf8: return .list
      default: return nil
      }
    case .null, .binary, .largeBinary: return nil
    }
  }

  /// A result as a frame of the given names and seg types, column by column in order.
  /// - Throws: `EngineError.server` when Spark sent fewer columns or a type that cannot be read as
  ///   the one asked for.
  static func frame(_ table: ArrowTable, shape: [(String, ColumnType)]) throws(EngineError) -> Frame {
    guard table.columns.count >= shape.count else {
      throw EngineError(
        .server("Spark sent \(table.columns.count) columns where \(shape.count) were expected"))
    }
    var columns: [Column] = []
    columns.reserveCapacity(shape.count)
    for (i, (name, type)) in shape.enumerated() {
      columns.append(try column(table.columns[i], named: name, as: type, field: table.schema.fields[i]))
    }
    return Frame(columns: columns)
  }

  /// One Arrow column as a seg column of `type`.
  static func column(_ arrow: ArrowColumn, named name: String, as type: ColumnType, field: ArrowField)
    throws(EngineError) -> Column
  {
    let n = arrow.length
    func each<T>(_ read: (Int) -> T?) -> [T?] {
      var out: [T?] = []
      out.reserveCapacity(n)
      for row in 0..<n { out.append(arrow.isNull(row) ? nil : read(row)) }
      return out
    }
    let mismatch = EngineError(
      .server("cannot read Spark's column \(field.name) (\(field.type)) as \(type.displayName)"))
    switch (type, arrow.data) {
    case (_, .null):
      return Column.of(name, type: type, [Value](repeating: .null, count: n))
    case (.int, .int64(let v)): return Column.int(name, each { v[$0] })
    case (.int, .int32(let v)): return Column.int(name, each { Int64(v[$0]) })
    case (.int, .int16(let v)): return Column.int(name, each { Int64(v[$0]) })
    case (.int, .int8(let v)): return Column.int(name, each { Int64(v[$0]) })
    case (.int, .decimal128(let d)):
      guard d.scale == 0 else { throw mismatch }
      var values: [Int64?] = []
      for row in 0..<n {
        if arrow.isNull(row) {
          values.append(nil)
        } else {
          guard let x = d.unscaledInt64(at: row) else { throw mismatch }
          values.append(x)
        }
      }
      return Column.int(name, values)
    case (.double, .float64(let v)): return Column.double(name, each { v[$0] })
    case (.double, .float32(let v)): return Column.double(name, each { Double(v[$0]) })
    case (.double, .decimal128(let d)): return Column.double(name, each { d.double(at: $0) })
    case (.double, .int64(let v)): return Column.double(name, each { Double(v[$0]) })
    case (.double, .int32(let v)): return Column.double(name, each { Double(v[$0]) })
    case (.bool, .bool(let bits)): return Column.bool(name, each { bits[$0] })
    case (.string, .utf8(let v)): return Column.string(name, each { v.string(at: $0) })
    case (.date, .date32(let v)): return Column.date(name, days: each { v[$0] })
    case (.date, .date64(let v)):
      return Column.date(name, days: each { Int32(clamping: floorDivide(v[$0], 86_400_000)) })
    case (.date, .timestamp(let v, let unit, _)):
      return Column.date(
        name, days: each { Int32(clamping: floorDivide(floorDivide(v[$0], unit.perSecond), 86_400)) })
    case (.timestamp, .timestamp(let v, let unit, _)):
      return Column.timestamp(name, seconds: each { floorDivide(v[$0], unit.perSecond) })
    case (.timestamp, .date32(let v)): return Column.timestamp(name, seconds: each { Int64(v[$0]) * 86_400 })
    case (.list, .list(let offsets, let items)), (.string, .list(let offsets, let items)):
      guard case .utf8(let texts) = items.data else { throw mismatch }
      let lists: [[String]?] = each { row in
        var list: [String] = []
        for j in offsets[row]..<offsets[row + 1] where !items.isNull(j) { list.append(texts.string(at: j)) }
        return list
      }
      if type == .list { return Column.list(name, lists) }
      return Column.string(name, lists.map { $0?.joined(separator: ";") })
    default:
      throw mismatch
    }
  }

  /// `floor(a / b)` for a positive `b`.
  static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && a < 0) ? q - 1 : q
  }

  /// Some rows of a frame as an Arrow table Spark can store, with each row's number in the frame in a
  /// first column `rowOrder`.
  static func table(_ frame: Frame, rows: Range<Int>, rowOrder: String) -> ArrowTable {
    var fields = [ArrowField(name: rowOrder, type: .int64, nullable: false)]
    var columns = [ArrowColumn.int64(rows.map { Int64($0) })]
    for column in frame.columns {
      let values = rows.map { column.value(at: $0) }
      switch column.type {
      case .int:
        fields.append(ArrowField(name: column.name, type: .int64))
        columns.append(.int64(values.map { if case .int(let x) = $0 { x } else { nil } }))
      case .double:
        fields.append(ArrowField(name: column.name, type: .float64))
        columns.append(.float64(values.map { if case .double(let x) = $0 { x } else { nil } }))
      case .bool:
        fields.append(ArrowField(name: column.name, type: .bool))
        columns.append(.bool(values.map { if case .bool(let x) = $0 { x } else { nil } }))
      case .date:
        fields.append(ArrowField(name: column.name, type: .date32))
        columns.append(.date32(values.map { if case .date(let x) = $0 { x } else { nil } }))
      case .timestamp:
        fields.append(ArrowField(name: column.name, type: .timestamp(unit: .microsecond, timezone: "UTC")))
        columns.append(
          .timestamp(
            values.map { if case .timestamp(let s) = $0 { s * 1_000_000 } else { nil } }, unit: .microsecond,
            timezone: "UTC"))
      case .string:
        fields.append(ArrowField(name: column.name, type: .utf8))
        columns.append(.utf8(values.map { if case .string(let x) = $0 { x } else { nil } }))
      case .list:
        fields.append(
          ArrowField(name: column.name, type: .list(ArrowField(name: "element", type: .utf8))))
        columns.append(.utf8Lists(values.map { if case .list(let x) = $0 { x } else { nil } }))
      }
    }
    return ArrowTable(schema: ArrowSchema(fields: fields), columns: columns, rowCount: rows.count)
  }
}
