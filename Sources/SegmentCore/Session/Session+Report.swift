import Columnar

extension Session {
  /// The session's cells as an HTML report (`save report`, `seg run --report`), titled after `path`'s
  /// file name. The header lists the files and *today* but not the time it was made, so the same
  /// session gives the same page.
  public func report(titledAfter path: String) -> String {
    report(title: Self.reportTitle(path), header: sessionHeader())
  }

  func report(header: SessionHeader, path: String) -> String {
    report(title: Self.reportTitle(path), header: header)
  }

  func report(title: String, header: SessionHeader) -> String {
    let entries = records.map { HTMLReport.Entry(number: $0.number, command: $0.text, result: $0.result) }
    // The first header line says when it was saved: a report leaves the clock out.
    return HTMLReport.page(title: title, facts: Array(header.lines.dropFirst()), entries: entries)
  }

  /// "analytics" for "Sessions/analytics.seg" or "out/analytics.html".
  static func reportTitle(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }
}

extension Session {
  /// Writes the report of the cells run so far to `path` (`seg run --report`), replacing the file,
  /// titled after `source` (the script's name); returns the line to show.
  public func writeReport(to path: String, titledAfter source: String) throws(SessionError) -> String {
    let text = report(title: Self.reportTitle(source), header: sessionHeader())
    try AtomicFile.write(text, to: path, replace: true)
    let cells = records.count == 1 ? "1 cell" : "\(Figures.grouped(records.count)) cells"
    return "wrote a report of \(cells) to \(path) (\(Figures.grouped(text.utf8.count)) bytes)"
  }
}
