import Columnar

/// The workbook reader's errors, phrased in one place.
extension LoadError {
  static func encryptedOrLegacy(file: String) -> LoadError {
    LoadError(
      kind: .notAWorkbook, file: file,
      message: "'\(file)' is a password-protected workbook or an Excel 97-2003 (.xls) file, which seg "
        + "cannot read; save it from Excel or LibreOffice as .xlsx with no password, then load that")
  }

  static func truncated(file: String) -> LoadError {
    LoadError(
      kind: .notAWorkbook, file: file,
      message: "'\(file)' is cut short: it starts as a workbook (a zip archive) but its directory at the "
        + "end is missing; copy or save it again, then load that")
  }

  static func workbook(_ problem: WorkbookProblem, file: String) -> LoadError {
    let message: String
    switch problem {
    case .zip(.notZip):
      message =
        "'\(file)' is not an Excel workbook (it is not a zip archive); give an .xlsx or .xlsm file, or CSV text"
    case .zip(.corrupt(let detail)):
      message =
        "'\(file)' is a damaged workbook: \(detail); open it in Excel or LibreOffice and save it again"
    case .zip(.encrypted):
      message = "'\(file)' has encrypted parts, which seg cannot read; save it again with no password"
    case .zip(.unsupported(let detail)):
      message = "'\(file)' cannot be read: \(detail); save it again from Excel or LibreOffice as .xlsx"
    case .notAWorkbook:
      message =
        "'\(file)' is a zip archive but not an Excel workbook: it has no workbook part listing sheets; "
        + "give an .xlsx or .xlsm file"
    }
    return LoadError(kind: .notAWorkbook, file: file, message: message)
  }

  static func unknownSheet(_ name: String, file: String, sheets: [String]) -> LoadError {
    LoadError(
      kind: .unknownSheet(name, sheets: sheets), file: file,
      message: "'\(file)' has no sheet named '\(name)'; its sheets are \(quotedList(sheets))")
  }

  static func notAWorksheet(_ name: String, file: String, sheets: [String]) -> LoadError {
    let others = sheets.isEmpty ? "it has no worksheets" : "its worksheets are \(quotedList(sheets))"
    return LoadError(
      kind: .unknownSheet(name, sheets: sheets), file: file,
      message: "sheet '\(name)' of '\(file)' is a chart, not a worksheet of cells; \(others)")
  }

  static func emptySheet(_ name: String, file: String) -> LoadError {
    LoadError(
      kind: .emptyFile, file: file,
      message: "sheet '\(name)' of '\(file)' is empty; expected a header row and rows of values")
  }

  private static func quotedList(_ names: [String]) -> String {
    names.map { "'\($0)'" }.joined(separator: ", ")
  }
}
