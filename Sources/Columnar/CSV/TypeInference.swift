/// Type inference: every field of a column is looked at (not a sample), and the column gets the
/// narrowest type that all its values fit.
///
/// Order of preference: Int, Double, Bool, Date, Timestamp, List, String. Rules:
/// - Empty fields and the strong placeholders (`NA`, `N/A`, `NULL`, `null`, `NaN`, `#N/A`) are null
///   in every column.
/// - The weak placeholders (`?`, `-`, `unknown`, `#DIV/0!`, `n/a`, a blank field...) are null only
///   when that lets the column be numeric, Bool or a date; in a text column they stay values.
///   Either way, what was read as null is counted in `LoadReport.nullPlaceholders`.
/// - Numbers may carry `,` thousands groups only when no value of four or more integer digits lacks
///   them, and a currency sign (`$`, `£`, `€`) only when every value has the same one.
/// - Bool is `true`/`false` or `yes`/`no`, in any case (so bank.csv's yes/no columns are Bool);
///   0/1 columns stay Int.
/// - Dates: `YYYY-MM-DD`, and `A/B/YYYY`, `A-B-YYYY`, `A.B.YYYY` where day-first or month-first is
///   decided per column: day-first if some first field exceeds 12, month-first if some second
///   field does, and when the data never says, month-first for `/` and day-first for `-` and `.`.
///   A date with a time (` ` or `T`, `HH:MM[:SS]`) makes the column a Timestamp.
/// - List: text whose values use `;` between short items (at least a fifth of the values, every
///   item 1-32 bytes with at most two spaces), only when the delimiter is not `;`.
struct ColumnStats {
  static let int: UInt8 = 1
  static let double: UInt8 = 2
  static let bool: UInt8 = 4
  static let date: UInt8 = 8
  static let timestamp: UInt8 = 16
  static let all: UInt8 = 31

  var mask = ColumnStats.all
  var values = 0
  var weak = [Int](repeating: 0, count: FieldScanner.weakNulls.count)
  var strong = [Int](repeating: 0, count: FieldScanner.strongNulls.count)
  var grouped = false
  var longUngrouped = false
  var currency: UInt8 = 0
  var mixedCurrency = false
  var withCurrency = 0
  var withoutCurrency = 0
  var dateShapes: UInt8 = 0
  var firstOver12 = false
  var secondOver12 = false
  var withSemicolon = 0
  var listOK = true

  /// Records what a number's text says about the column: thousands separators, long digit runs and
  /// currency signs (a column may drop them only when every value uses them the same way).
  @inline(__always)
  mutating func noteNumber(_ ns: NumberScan) {
    grouped = grouped || ns.grouped
    longUngrouped = longUngrouped || ns.longUngrouped
    if ns.currency == 0 {
      withoutCurrency += 1
    } else {
      withCurrency += 1
      if currency != 0 && currency != ns.currency { mixedCurrency = true }
      currency = ns.currency
    }
  }

  /// Looks at one field that is not null; `[a, b)` is untrimmed. Returns whether the field matched
  /// a type still in `mask`, in which case list detection skipped it.
  @inline(__always) @discardableResult
  mutating func observe(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int, listsAllowed: Bool) -> Bool {
    values += 1
    if mask != 0 {
      let (ta, tb) = FieldScanner.trim(p, a, b)
      var fieldMask: UInt8 = 0
      let c = p[ta]
      if mask & (Self.int | Self.double) != 0
        && (c &- 48 < 10 || c == 45 || c == 43 || c == 46 || c == 36 || c >= 0x80)
      {
        let ns = FieldScanner.number(p, ta, tb, wantDouble: false)
        if ns.isNumber {
          fieldMask = ns.isInt ? Self.int | Self.double : Self.double
          noteNumber(ns)
        }
      }
      if fieldMask == 0 && mask & (Self.date | Self.timestamp) != 0 && c &- 48 < 10 {
        let ds = FieldScanner.dateTime(p, ta, tb)
        if ds.ok {
          fieldMask = ds.hasTime ? Self.timestamp : Self.date | Self.timestamp
          dateShapes |= ds.shape.rawValue
          if ds.shape != .iso {
            if ds.first > 12 { firstOver12 = true }
            if ds.second > 12 { secondOver12 = true }
          }
        }
      }
      if fieldMask == 0 && mask & Self.bool != 0 && FieldScanner.bool(p, ta, tb) != nil {
        fieldMask = Self.bool
      }
      mask &= fieldMask
      if fieldMask != 0 { return true }
    }
    if listsAllowed && listOK { observeList(p, a, b) }
    return false
  }

  mutating func observeList(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int) {
    var itemStart = a
    var items = 0
    var spaces = 0
    var i = a
    while i <= b {
      if i < b && p[i] == 32 { spaces += 1 }
      if i == b || p[i] == 59 {
        let (ta, tb) = FieldScanner.trim(p, itemStart, i)
        if tb == ta || tb - ta > 32 || spaces > 2 {
          listOK = false
          return
        }
        items += 1
        spaces = 0
        itemStart = i + 1
      }
      i += 1
    }
    if items > 1 { withSemicolon += 1 }
  }

  /// Combines the statistics of two parts of the same column.
  mutating func merge(_ o: ColumnStats) {
    mask &= o.mask
    values += o.values
    for k in weak.indices { weak[k] += o.weak[k] }
    for k in strong.indices { strong[k] += o.strong[k] }
    grouped = grouped || o.grouped
    longUngrouped = longUngrouped || o.longUngrouped
    if currency != 0 && o.currency != 0 && currency != o.currency { mixedCurrency = true }
    if currency == 0 { currency = o.currency }
    mixedCurrency = mixedCurrency || o.mixedCurrency
    withCurrency += o.withCurrency
    withoutCurrency += o.withoutCurrency
    dateShapes |= o.dateShapes
    firstOver12 = firstOver12 || o.firstOver12
    secondOver12 = secondOver12 || o.secondOver12
    withSemicolon += o.withSemicolon
    listOK = listOK && o.listOK
  }

  var weakTotal: Int { weak.reduce(0, +) }
}

/// The decided type of a column, and how to read its text.
struct ColumnSpec: Equatable, Sendable {
  enum Kind: UInt8, Sendable {
    case allNull, int, double, bool, date, timestamp, string, list
  }
  var kind: Kind
  var order: DateOrder = .monthFirst

  /// Whether weak placeholders are nulls (they are values in text columns).
  var weakIsNull: Bool { kind != .string && kind != .list }

  /// Decides the type from a column's statistics.
  static func decide(_ s: ColumnStats, listsAllowed: Bool) -> ColumnSpec {
    if s.values == 0 { return ColumnSpec(kind: s.weakTotal > 0 ? .string : .allNull) }
    let numbersOK =
      !(s.grouped && s.longUngrouped) && !s.mixedCurrency && !(s.withCurrency > 0 && s.withoutCurrency > 0)
    if s.mask & ColumnStats.int != 0 && numbersOK { return ColumnSpec(kind: .int) }
    if s.mask & ColumnStats.double != 0 && numbersOK { return ColumnSpec(kind: .double) }
    if s.mask & ColumnStats.bool != 0 { return ColumnSpec(kind: .bool) }
    if s.mask & (ColumnStats.date | ColumnStats.timestamp) != 0 && !(s.firstOver12 && s.secondOver12) {
      let order: DateOrder =
        s.firstOver12
        ? .dayFirst
        : s.secondOver12
          ? .monthFirst : s.dateShapes & DateShape.slash.rawValue != 0 ? .monthFirst : .dayFirst
      let kind: Kind = s.mask & ColumnStats.date != 0 ? .date : .timestamp
      let hasNonISO = s.dateShapes & ~DateShape.iso.rawValue != 0
      return ColumnSpec(kind: kind, order: hasNonISO ? order : .monthFirst)
    }
    if listsAllowed && s.listOK && s.withSemicolon > 0 && s.withSemicolon * 5 >= s.values {
      return ColumnSpec(kind: .list)
    }
    return ColumnSpec(kind: .string)
  }

  /// Whether a part converted under `self` can be used as-is or cheaply widened for `global`.
  func fits(_ global: ColumnSpec) -> Bool {
    self == global || kind == .allNull || (kind == .int && global.kind == .double)
      || (kind == .date && global.kind == .timestamp && order == global.order)
  }
}
