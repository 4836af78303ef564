import Columnar
import Foundation
import Testing

@testable import SegmentCore

/// `export NAME to "file.csv"` with a table or a segment.
@Suite("Export")
struct ExportTests {
  func out(_ p: Performance) -> String { p.emissions.filter { $0.stream == .out }.map(\.text).joined() }
  func err(_ p: Performance) -> String { p.emissions.filter { $0.stream == .err }.map(\.text).joined() }

  /// A fresh directory; the caller removes it.
  func temporaryDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seg-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func aSegmentWritesItsRowsInTableOrder() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let session = Session()
    #expect(!session.perform("load sample customers rows 500 seed 1; segment young = age < 30").failed)
    let table = try #require(session.workspace.table(named: "customers"))
    let young = try #require(session.workspace.segment(named: "young"))
    let members = try session.workspace.members(of: young)
    let size = members.popcount()
    #expect(size > 0 && size < table.rowCount)
    let path = dir.appendingPathComponent("y.csv").path
    let p = session.perform("export young to \"\(path)\"")
    #expect(!p.failed, "\(err(p))")
    let written = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(
      out(p)
        == "wrote \(Figures.rows(size)) of segment young (customers) to \(path) "
        + "(\(Figures.grouped(written.count)) bytes)\n")
    // The header is the table's columns; the rows are exactly the members, in table order.
    let text = String(decoding: written, as: UTF8.self)
    #expect(text.prefix { $0 != "\n" } == table.columns.map(\.name).joined(separator: ","))
    #expect(Array(written) == (try CSVWriter.encode(table, rows: members.setIndices())))
    // Read back, it has as many rows as the segment, and all of them match its condition.
    #expect(!session.perform("load \"\(path)\" as back").failed)
    #expect(session.workspace.table(named: "back")?.rowCount == size)
    _ = session.perform("set format csv")
    #expect(out(session.perform("count back where age >= 30")) == "count,share\n0,0.0000\n")
    // No temporary file is left beside it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["y.csv"])
  }

  @Test func aTableIsWrittenWholeWithTheSameMessage() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let session = Session()
    _ = session.perform("load sample customers rows 500 seed 1; segment young = age < 30")
    let path = dir.appendingPathComponent("c.csv").path
    let p = session.perform("export customers to \"\(path)\"")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path)).count
    #expect(out(p) == "wrote 500 rows of customers to \(path) (\(Figures.grouped(bytes)) bytes)\n")
  }

  @Test func aSegmentExportRefusesToOverwriteUnlessReplace() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let session = Session()
    _ = session.perform("load sample customers rows 200 seed 2; segment young = age < 30")
    let path = dir.appendingPathComponent("y.csv").path
    try "old\n".write(toFile: path, atomically: true, encoding: .utf8)
    let refused = session.perform("export young to \"\(path)\"")
    #expect(refused.failed)
    #expect(err(refused).hasPrefix("error: \(path) already exists\n"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
    let replaced = session.perform("export young to \"\(path)\" replace")
    #expect(!replaced.failed, "\(err(replaced))")
    #expect(out(replaced).hasPrefix("wrote "))
    #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("customer_id,"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["y.csv"])
  }

  @Test func anUnknownNameSuggestsTablesAndSegments() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let session = Session()
    _ = session.perform("load sample customers rows 100 seed 1; segment young = age < 30")
    let path = dir.appendingPathComponent("x.csv").path
    let segment = session.perform("export yuong to \"\(path)\"")
    #expect(segment.failed)
    #expect(err(segment).contains("no table or segment named 'yuong'"))
    #expect(err(segment).contains("did you mean 'young'?"))
    let table = session.perform("export custmers to \"\(path)\"")
    #expect(err(table).contains("no table or segment named 'custmers'"))
    #expect(err(table).contains("did you mean 'customers'?"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }
}
