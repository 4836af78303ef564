import Columnar

extension SheetCells {
  /// The cells as RFC 4180 text, one line per sheet row from the first row with a value to the last:
  /// rows in between with no values are lines of empty fields (nulls), as Excel's own CSV export
  /// writes them; columns run from A to the rightmost column with a value.
  /// - Returns: the text and the number of columns.
  /// - Complexity: O(rows × columns + text).
  func csv() -> (bytes: [UInt8], columns: Int) {
    guard count > 0 else { return ([], 0) }
    let (firstRow, lastRow, width) = span
    var out: [UInt8] = []
    out.reserveCapacity(text.count + (lastRow - firstRow + 1) * (width + 2) + count * 2)
    var k = 0
    for row in firstRow...lastRow {
      var separators = 0
      var wrote = false
      while k < count, Int(rows[k]) == row {
        let column = Int(columns[k])
        while separators < column - 1 {
          out.append(44)
          separators += 1
        }
        CSVWriter.appendField(bytes: text[value(k)], to: &out, delimiter: 44)
        wrote = true
        k += 1
      }
      while separators < width - 1 {
        out.append(44)
        separators += 1
      }
      // With one column an empty row would be a blank line, which the CSV reader skips.
      if width == 1 && !wrote { out.append(contentsOf: [34, 34]) }
      out.append(10)
    }
    return (out, width)
  }
}
