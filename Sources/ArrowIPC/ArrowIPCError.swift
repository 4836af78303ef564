/// The part of an encapsulated IPC message in which a problem was found.
public enum ArrowStreamSection: String, Sendable, Equatable {
  /// The 0xFFFFFFFF continuation marker and the 32-bit metadata length before each message.
  case header
  /// The FlatBuffers `Message` that describes a schema or a record batch.
  case metadata
  /// The buffers that follow the metadata of a record batch.
  case body
}

/// Everything that can go wrong while reading or writing an Arrow IPC stream.
///
/// Hostile or damaged bytes always surface as one of these values, never as a trap: every offset
/// and length read from the stream is checked before it is used. `description` is the only place
/// where the cases become text.
public enum ArrowIPCError: Error, Equatable, Sendable {
  /// The stream ended inside a section: `needed` bytes were required at `offset`, `available` remained.
  case truncated(section: ArrowStreamSection, offset: Int, needed: Int, available: Int)
  /// A value in the stream contradicts the format (a negative length, an offset outside its buffer).
  case malformed(section: ArrowStreamSection, reason: String)
  /// The stream uses a type this reader does not decode (for example `uint32` or `struct`).
  case unsupportedType(field: String, type: String)
  /// The record batch body is compressed with `codec` (`LZ4_FRAME` or `ZSTD`).
  case compressedBody(codec: String)
  /// The field is dictionary-encoded, which this reader does not decode.
  case dictionaryEncoded(field: String)
  /// The schema declares big-endian buffers; only little-endian streams are read.
  case bigEndian
  /// The metadata version is older than V4 (Arrow 0.8), whose layouts differ.
  case unsupportedMetadataVersion(Int)
  /// A message of an unexpected kind appeared, for example a record batch before any schema.
  case unexpectedMessage(String)
  /// No schema message was found in the input.
  case missingSchema
  /// A later stream's schema differs from the first stream's.
  case schemaMismatch(expected: String, found: String)
  /// The table handed to the writer is inconsistent (a column of the wrong type or length).
  case invalidTable(String)
}

extension ArrowIPCError: CustomStringConvertible {
  /// The error as one lowercase line that says what is wrong and, where it helps, what would be right.
  public var description: String {
    switch self {
    case .truncated(let section, let offset, let needed, let available):
      return "truncated Arrow stream: the \(section.rawValue) at byte \(offset) needs \(needed) bytes "
        + "but only \(available) remain"
    case .malformed(let section, let reason):
      return "malformed Arrow stream \(section.rawValue): \(reason)"
    case .unsupportedType(let field, let type):
      return "Arrow type \(type) of column '\(field)' is not supported"
    case .compressedBody(let codec):
      return
        "compressed Arrow batches are not supported (codec \(codec)); ask the sender for uncompressed batches"
    case .dictionaryEncoded(let field):
      return "dictionary-encoded Arrow column '\(field)' is not supported"
    case .bigEndian:
      return "big-endian Arrow streams are not supported"
    case .unsupportedMetadataVersion(let version):
      return "Arrow metadata version V\(version + 1) is not supported (expected V4 or V5)"
    case .unexpectedMessage(let what):
      return "unexpected Arrow message: \(what)"
    case .missingSchema:
      return "the Arrow input holds no schema message"
    case .schemaMismatch(let expected, let found):
      return "Arrow streams disagree on their schema: expected \(expected), found \(found)"
    case .invalidTable(let reason):
      return "cannot write Arrow table: \(reason)"
    }
  }
}
