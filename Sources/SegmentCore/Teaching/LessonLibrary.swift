import Columnar

#if canImport(Glibc)
  import Glibc
#endif

/// A lesson file found in the library, numbered as `lesson` lists it.
public struct LessonEntry: Sendable, Equatable {
  /// The name progress is kept under and `lesson NAME` takes: the file name without a leading number
  /// and `.lesson` (`01-first-segments.lesson` is `first-segments`).
  public var name: String
  /// The file.
  public var path: String
}

/// Where lessons come from and where the learner's progress is kept; the front end passes the paths,
/// so the core never reads the environment.
public struct LessonLibrary: Sendable, Equatable {
  /// Folders holding `.lesson` files; lessons are numbered in file-name order across them.
  public var directories: [String]
  /// The progress file; nil keeps progress for this run only.
  public var progressFile: String?

  /// Creates a library.
  public init(directories: [String] = [], progressFile: String? = nil) {
    self.directories = directories
    self.progressFile = progressFile
  }

  /// The lessons, ordered by file name within each folder.
  public func entries() -> [LessonEntry] {
    var found: [LessonEntry] = []
    for directory in directories {
      found += Self.files(in: directory).map { file in
        LessonEntry(name: Self.lessonName(file), path: LessonPath.joined(directory, file))
      }
    }
    return found
  }

  /// `01-first-segments.lesson` → `first-segments`.
  static func lessonName(_ file: String) -> String {
    var base = file.hasSuffix(".lesson") ? String(file.dropLast(7)) : file
    if base.first?.isNumber == true {
      base = String(base.drop(while: \.isNumber))
      if base.first == "-" || base.first == "_" { base.removeFirst() }
    }
    return base.lowercased()
  }

  static func files(in directory: String) -> [String] {
    guard let dir = opendir(directory) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasSuffix(".lesson") && !name.hasPrefix(".") { names.append(name) }
    }
    // Byte order, never the directory's: the numbers must not change between machines.
    return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}

/// Joins paths without Foundation.
enum LessonPath {
  static func joined(_ directory: String, _ file: String) -> String {
    directory.hasSuffix("/") ? directory + file : directory + "/" + file
  }
}

/// How far the learner got in each lesson, as kept in the progress file:
///
/// ```
/// first-segments done
/// personas-from-segments step 3
/// ```
public struct LessonProgress: Sendable, Equatable {
  /// Where a learner stands in one lesson.
  public enum Standing: Sendable, Equatable {
    /// The step to resume at, from 1.
    case step(Int)
    /// Every step passed.
    case done
  }

  /// Standing by lesson name; never iterated for output (the file is written sorted).
  public var standings: [String: Standing] = [:]

  /// Creates empty progress.
  public init() {}

  /// Reads progress text; lines it cannot read are skipped, so a damaged file loses only those lessons.
  public init(text: String) {
    for line in text.split(separator: "\n") {
      let words = line.split(separator: " ")
      guard words.count >= 2, !line.hasPrefix("#") else { continue }
      let name = String(words[0])
      if words[1] == "done" {
        standings[name] = .done
      } else if words[1] == "step", words.count == 3, let n = Int(words[2]), n >= 1 {
        standings[name] = .step(n)
      }
    }
  }

  /// The progress as file text, lessons in name order.
  public var text: String {
    var lines = ["# seg lesson progress: each lesson, then the step to resume at or done"]
    for name in standings.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      switch standings[name]! {
      case .done: lines.append("\(name) done")
      case .step(let n): lines.append("\(name) step \(n)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Reads the progress file; empty progress when there is none.
  static func load(_ path: String?) -> LessonProgress {
    guard let path, let text = try? ScriptFile.read(path) else { return LessonProgress() }
    return LessonProgress(text: text)
  }

  /// Writes the progress file atomically, creating its folder.
  func save(to path: String?) throws(SessionError) {
    guard let path else { return }
    if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
      Journal.makeDirectory(String(path[..<slash]))
    }
    try AtomicFile.write(text, to: path, replace: true)
  }
}
