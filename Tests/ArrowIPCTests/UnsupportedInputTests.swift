import ArrowIPC
import Testing

@Suite("inputs the reader refuses with a clear error")
struct UnsupportedInputTests {
  @Test(arguments: [("compressed_zstd", "ZSTD"), ("compressed_lz4", "LZ4_FRAME")])
  func compressedBodies(name: String, codec: String) throws {
    let error = #expect(throws: ArrowIPCError.self) { try Fixture.table(name) }
    #expect(error == .compressedBody(codec: codec))
    #expect(
      error?.description
        == "compressed Arrow batches are not supported (codec \(codec)); ask the sender for uncompressed batches"
    )
  }

  @Test func dictionaryEncoding() throws {
    let error = #expect(throws: ArrowIPCError.self) { try Fixture.table("dictionary") }
    #expect(error == .dictionaryEncoded(field: "color"))
  }

  @Test(arguments: [("uint32", "u", "uint32"), ("struct", "s", "struct")])
  func unsupportedTypes(name: String, field: String, type: String) throws {
    let error = #expect(throws: ArrowIPCError.self) { try Fixture.table(name) }
    #expect(error == .unsupportedType(field: field, type: type))
    #expect(error?.description == "Arrow type \(type) of column '\(field)' is not supported")
  }
}
