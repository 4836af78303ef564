#if canImport(Glibc)
  import Glibc
#endif

/// File names for tab completion inside the quotes of `load "`, `run "`, `save "`, `export ... to "`
/// and `create table ... from "`: the folder's entries that start with what was typed (case matters, as
/// it does to the file system), the files the command reads or writes first, then folders, then the
/// rest. A folder ends in `/` so completion can go on into it; a file ends with the closing quote.
enum PathCompletion {
  /// At most this many names are offered, so a huge folder cannot stall the prompt.
  static let limit = 500

  /// The extensions each command is most likely after, in order of preference.
  static func preferredExtensions(for command: CommandWord) -> [String] {
    switch command {
    case .load: return ["csv", "tsv", "txt", "xlsx", "xlsm"]
    case .run: return ["seg", "md"]
    case .save: return ["seg", "md", "html"]
    case .export: return ["csv", "tsv", "xlsx", "html", "json", "md"]
    case .create: return ["csv", "parquet"]
    default: return []
    }
  }

  /// Full replacements for `typed` (the text after the opening quote).
  static func candidates(for typed: String, command: CommandWord) -> [String] {
    let slash = typed.lastIndex(of: "/")
    let folderText = slash.map { String(typed[...$0]) } ?? ""
    let namePrefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
    var folder = folderText.isEmpty ? "." : folderText
    if folder.hasPrefix("~/"), let home = getenv("HOME") { folder = String(cString: home) + folder.dropFirst() }
    guard let directory = opendir(folder) else { return [] }
    defer { closedir(directory) }
    let preferred = preferredExtensions(for: command)
    var ranked: [(rank: Int, text: String)] = []
    while let entry = readdir(directory), ranked.count < limit {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      guard name != ".", name != "..", name.hasPrefix(namePrefix) else { continue }
      // Hidden files only when asked for, as shells do.
      if name.hasPrefix(".") && !namePrefix.hasPrefix(".") { continue }
      var info = stat()
      let isFolder = stat(folder + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
      if isFolder {
        ranked.append((1, folderText + name + "/"))
      } else {
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        ranked.append((name.contains(".") && preferred.contains(ext) ? 0 : 2, folderText + name + "\""))
      }
    }
    return ranked.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.text < $1.text }.map(\.text)
  }
}
