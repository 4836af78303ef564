/// Builders from Swift optionals, for callers that hold rows rather than buffers (and for tests).
extension ArrowColumn {
  /// A validity bitmap for `values`, or nil when no value is nil (Arrow's "no bitmap" case).
  static func validity<T>(of values: [T?]) -> ArrowBitmap? {
    values.contains { $0 == nil } ? ArrowBitmap(values.map { $0 != nil }) : nil
  }

  /// An Int64 column; nil entries are null.
  public static func int64(_ values: [Int64?]) -> ArrowColumn {
    ArrowColumn(length: values.count, validity: validity(of: values), data: .int64(values.map { $0 ?? 0 }))
  }

  /// A Float64 column; nil entries are null.
  public static func float64(_ values: [Double?]) -> ArrowColumn {
    ArrowColumn(length: values.count, validity: validity(of: values), data: .float64(values.map { $0 ?? 0 }))
  }

  /// A Bool column; nil entries are null.
  public static func bool(_ values: [Bool?]) -> ArrowColumn {
    ArrowColumn(
      length: values.count, validity: validity(of: values),
      data: .bool(ArrowBitmap(values.map { $0 ?? false })))
  }

  /// A Utf8 column; nil entries are null.
  public static func utf8(_ values: [String?]) -> ArrowColumn {
    ArrowColumn(
      length: values.count, validity: validity(of: values),
      data: .utf8(ArrowVariableBytes(strings: values)))
  }

  /// A Date32 column of days since 1970-01-01; nil entries are null.
  public static func date32(_ days: [Int32?]) -> ArrowColumn {
    ArrowColumn(length: days.count, validity: validity(of: days), data: .date32(days.map { $0 ?? 0 }))
  }

  /// A Timestamp column of `unit` counts since the Unix epoch; nil entries are null.
  public static func timestamp(
    _ values: [Int64?], unit: ArrowTimeUnit = .microsecond, timezone: String? = "UTC"
  ) -> ArrowColumn {
    ArrowColumn(
      length: values.count, validity: validity(of: values),
      data: .timestamp(values.map { $0 ?? 0 }, unit: unit, timezone: timezone))
  }

  /// A List<Utf8> column; a nil list is a null row, a nil item is a null item.
  public static func utf8Lists(_ lists: [[String?]?]) -> ArrowColumn {
    var offsets = [0]
    offsets.reserveCapacity(lists.count + 1)
    var items: [String?] = []
    for list in lists {
      items.append(contentsOf: list ?? [])
      offsets.append(items.count)
    }
    return ArrowColumn(
      length: lists.count, validity: validity(of: lists),
      data: .list(offsets: offsets, values: .utf8(items)))
  }
}
