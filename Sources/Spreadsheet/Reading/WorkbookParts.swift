/// What a workbook says about itself before any cell is read: its sheets and where their parts are,
/// the date system, which cell styles are dates, and the shared strings.
struct WorkbookParts {
  /// A sheet as the workbook lists it.
  struct Sheet {
    var name: String
    /// The part's name in the archive (`xl/worksheets/sheet1.xml`).
    var part: String?
    /// Whether the part is a worksheet (not a chartsheet or dialog sheet).
    var isWorksheet: Bool
  }

  var sheets: [Sheet] = []
  /// The workbook counts days from 1904-01-01 (old Mac Excel) instead of 1899-12-30.
  var uses1904 = false
  /// By cell style index (`s="3"`), how a number in that style is meant.
  var styles: [CellFormat] = []
  var sharedStrings = SharedStrings()

  /// Reads the package relationships, the workbook, its relationships, the styles and the shared
  /// strings from `archive`.
  /// - Throws: `WorkbookProblem` for damaged parts or a zip archive with no workbook in it.
  init(_ archive: ZipArchive) throws(WorkbookProblem) {
    let workbookPart = try Self.officeDocument(archive) ?? "xl/workbook.xml"
    guard let workbook = try archive.part(workbookPart) else { throw .notAWorkbook }
    let folder = Self.folder(of: workbookPart)
    let relationships = try archive.part(Self.relationshipsPart(of: workbookPart)).map {
      Relationships($0, folder: folder)
    }
    workbook.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var xml = XMLScanner(base, count: buffer.count)
      while let tag = xml.next() {
        if tag.isEnd { continue }
        if xml.is(tag, "workbookPr") {
          let flag = xml.attributeText("date1904", of: tag)
          uses1904 = flag == "1" || flag == "true"
        } else if xml.is(tag, "sheet") {
          let name = xml.attributeText("name", of: tag) ?? "Sheet\(sheets.count + 1)"
          let target = xml.attributeText("id", of: tag).flatMap { relationships?.targets[$0] }
          sheets.append(
            Sheet(
              name: name, part: target?.part,
              isWorksheet: target?.type.hasSuffix("/worksheet") ?? false))
        }
      }
    }
    let stylesPart = relationships?.first(ofType: "/styles") ?? "xl/styles.xml"
    if let bytes = try archive.part(stylesPart) { styles = CellFormat.styles(bytes) }
    let stringsPart = relationships?.first(ofType: "/sharedStrings") ?? "xl/sharedStrings.xml"
    if let bytes = try archive.part(stringsPart) { sharedStrings = SharedStrings(bytes) }
  }

  /// The main part named by the package's own relationships (`_rels/.rels`).
  private static func officeDocument(_ archive: ZipArchive) throws(WorkbookProblem) -> String? {
    guard let bytes = try archive.part("_rels/.rels") else { return nil }
    return Relationships(bytes, folder: "").first(ofType: "/officeDocument")
  }

  /// `xl/workbook.xml` → `xl/`.
  static func folder(of part: String) -> String {
    guard let slash = part.lastIndex(of: "/") else { return "" }
    return String(part[...slash])
  }

  /// `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
  static func relationshipsPart(of part: String) -> String {
    let folder = folder(of: part)
    return folder + "_rels/" + part.dropFirst(folder.count) + ".rels"
  }
}

/// A part's relationships file: by id, the part each points to and its type.
struct Relationships {
  var targets: [String: (part: String, type: String)] = [:]
  private var order: [String] = []

  init(_ bytes: [UInt8], folder: String) {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var xml = XMLScanner(base, count: buffer.count)
      while let tag = xml.next() {
        guard !tag.isEnd, xml.is(tag, "Relationship"), xml.attributeText("TargetMode", of: tag) != "External",
          let id = xml.attributeText("Id", of: tag), let target = xml.attributeText("Target", of: tag)
        else { continue }
        targets[id] = (Self.resolve(target, in: folder), xml.attributeText("Type", of: tag) ?? "")
        order.append(id)
      }
    }
  }

  /// The first target whose type ends with `suffix` (types are long URIs that differ between the
  /// transitional and strict schemas only in their prefix).
  func first(ofType suffix: String) -> String? {
    order.lazy.compactMap { targets[$0] }.first { $0.type.hasSuffix(suffix) }?.part
  }

  /// A target relative to `folder` (or absolute from the package root) as a part name.
  static func resolve(_ target: String, in folder: String) -> String {
    var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
    for piece in target.split(separator: "/") {
      if piece == ".." {
        _ = parts.popLast()
      } else if piece != "." {
        parts.append(piece)
      }
    }
    return parts.joined(separator: "/")
  }
}

/// Why a workbook could not be read, before it is phrased as a `LoadError`.
enum WorkbookProblem: Error, Equatable {
  case zip(ZipArchive.Problem)
  /// A zip archive with no workbook part.
  case notAWorkbook
}

extension ZipArchive {
  /// `contents(of:)` with its problem wrapped for the workbook reader.
  func part(_ name: String) throws(WorkbookProblem) -> [UInt8]? {
    do {
      return try contents(of: name)
    } catch {
      throw .zip(error)
    }
  }
}
