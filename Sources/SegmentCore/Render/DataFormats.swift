/// Result tables as CSV (RFC 4180), for piping into other tools.
enum DelimitedTable {
  static func render(_ full: ResultTable) -> String {
    let table = full.withoutDecorations()
    var out = table.columns.map { quote($0.name) }.joined(separator: ",") + "\n"
    for row in table.rows {
      out += row.map { quote(Renderer.dataText($0)) }.joined(separator: ",") + "\n"
    }
    return out
  }

  static func quote(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
    return "\"" + field.replacing("\"", with: "\"\"") + "\""
  }
}

/// Result tables as JSON: an array of objects, keys in column order, numbers as numbers.
enum JSONText {
  static func render(_ full: ResultTable) -> String {
    let table = full.withoutDecorations()
    if table.rows.isEmpty { return "[]\n" }
    var out = "[\n"
    for (r, row) in table.rows.enumerated() {
      let fields = zip(table.columns, row).map { column, cell in "\(quote(column.name)): \(value(cell))" }
      out += "  {" + fields.joined(separator: ", ") + "}" + (r == table.rows.count - 1 ? "\n" : ",\n")
    }
    return out + "]\n"
  }

  static func value(_ cell: Cell) -> String {
    switch cell {
    case .value(let v):
      switch v {
      case .null: return "null"
      case .int, .double: return Figures.text(v)
      case .bool(let b): return b ? "true" : "false"
      case .list(let items): return "[" + items.map(quote).joined(separator: ", ") + "]"
      default: return quote(Figures.text(v))
      }
    case .number, .share, .count, .bytes: return Renderer.dataText(cell)
    case .text(let t): return quote(t)
    }
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

/// Result tables as GitHub-flavoured Markdown, for notebooks and reports.
enum MarkdownTable {
  static func render(_ table: ResultTable) -> String {
    var out = ""
    if let title = table.title { out += title + "\n\n" }
    out += "| " + table.columns.map { escape($0.name) }.joined(separator: " | ") + " |\n"
    out += "|" + table.columns.map { $0.alignment == .right ? "---:|" : "---|" }.joined() + "\n"
    for row in table.rows {
      out += "| " + row.map { escape(Renderer.displayText($0)) }.joined(separator: " | ") + " |\n"
    }
    if let footer = table.footer { out += "\n" + footer + "\n" }
    return out
  }

  static func escape(_ s: String) -> String {
    s.replacingNewlines().replacing("|", with: "\\|")
  }
}

extension ResultTable {
  /// The table without its decorative columns, for data formats.
  func withoutDecorations() -> ResultTable {
    let keep = columns.indices.filter { !columns[$0].isDecoration }
    guard keep.count < columns.count else { return self }
    return ResultTable(
      title: title, columns: keep.map { columns[$0] }, rows: rows.map { row in keep.map { row[$0] } },
      footer: footer)
  }
}
