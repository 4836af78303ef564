// swift-tools-version: 6.1
import PackageDescription

// Arrows point one way only (DESIGN §2, §9): seg → SegmentShell → SegmentCore → SegmentPlan → Columnar,
// SegmentCore → MemoryBackend → SegmentPlan, SegmentCore → Spreadsheet → Columnar, and SegmentShell →
// CEditLine. SegmentPlan is the seam every engine plugs into; only SegmentShell and CEditLine know about
// terminals.
let package = Package(
  name: "seg",
  products: [
    .executable(name: "seg", targets: ["seg"]),
    .library(name: "SegmentCore", targets: ["SegmentCore"]),
    .library(name: "Columnar", targets: ["Columnar"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // The PostgreSQL client of the postgresql:// engine; only the executable links it.
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    // TLS settings for PostgreSQL connections (postgres-nio takes an NIOSSLContext); already in the graph.
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    // Spark Connect (the sc:// engine) is gRPC over HTTP/2 with protobuf messages; only the executable
    // links it, and its protocol code is generated once and committed (Scripts/spark-proto).
    .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
    .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
    .package(url: "https://github.com/grpc/grpc-swift-protobuf", from: "2.4.1"),
    .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    // Excel workbooks are zip archives of deflated XML; zlib (Debian's zlib1g-dev) inflates and
    // deflates them, and Spreadsheet reads the zip and XML structure itself.
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    .target(name: "Columnar"),
    .target(name: "Spreadsheet", dependencies: ["Columnar", "CZlib"]),
    .target(name: "ArrowIPC"),
    .target(name: "SegmentPlan", dependencies: ["Columnar"]),
    .target(name: "MemoryBackend", dependencies: ["SegmentPlan", "Columnar"]),
    .target(name: "SQLBackend", dependencies: ["SegmentPlan", "Columnar"]),
    .target(
      name: "PostgresBackend",
      dependencies: [
        "SQLBackend", "SegmentPlan", "Columnar",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    // Generated from Spark's .proto files by Scripts/spark-proto; never edited by hand.
    .target(
      name: "SparkConnectProto",
      dependencies: [
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
      ]),
    .target(
      name: "SparkBackend",
      dependencies: [
        "SparkConnectProto", "ArrowIPC", "SegmentPlan", "Columnar", "SQLBackend",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
      ]),
    .target(
      name: "SegmentCore", dependencies: ["SegmentPlan", "MemoryBackend", "SQLBackend", "Spreadsheet", "Columnar"]),
    .target(name: "SegmentShell", dependencies: ["SegmentCore", "CEditLine"]),
    .executableTarget(
      name: "seg",
      dependencies: [
        "SegmentShell",
        "SegmentCore",
        "PostgresBackend",
        "SparkBackend",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "ColumnarTests", dependencies: ["Columnar"]),
    .testTarget(
      name: "SpreadsheetTests", dependencies: ["Spreadsheet", "Columnar"],
      // Read by path (#filePath), so they need no resource bundle.
      exclude: ["Fixtures"]),
    .testTarget(name: "ArrowIPCTests", dependencies: ["ArrowIPC"], resources: [.copy("Fixtures")]),
    .testTarget(name: "MemoryBackendTests", dependencies: ["MemoryBackend", "SegmentPlan", "Columnar"]),
    .testTarget(name: "SQLBackendTests", dependencies: ["SQLBackend", "SegmentPlan", "Columnar"]),
    .testTarget(
      name: "PostgresBackendTests",
      dependencies: [
        "PostgresBackend", "SQLBackend", "SegmentPlan", "Columnar",
        .product(name: "NIOCore", package: "swift-nio"),
      ]),
    .testTarget(
      name: "SparkBackendTests", dependencies: ["SparkBackend", "SQLBackend", "SegmentPlan", "Columnar"],
      // Read by path (#filePath), so they need no resource bundle.
      exclude: ["Fixtures"]),
    .testTarget(name: "SegmentCoreTests", dependencies: ["SegmentCore", "Columnar"]),
    .testTarget(name: "SegmentShellTests", dependencies: ["SegmentShell", "SegmentCore"]),
    .testTarget(name: "SegEndToEndTests", dependencies: ["seg"]),
  ]
)

// Fuzz targets (Tests/Fuzz, run by Scripts/fuzz): libFuzzer entry points, which exist only in the build
// Scripts/fuzz makes with `-sanitize=fuzzer,address` in its own scratch path, so the everyday build and
// its link times are unchanged.
if Context.environment["SEG_FUZZ"] != nil {
  package.targets += [
    .target(name: "FuzzSupport", path: "Tests/Fuzz/FuzzSupport"),
    .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", "Columnar"], path: "Tests/Fuzz/FuzzCSV"),
    .executableTarget(
      name: "FuzzCommands", dependencies: ["FuzzSupport", "SegmentCore"], path: "Tests/Fuzz/FuzzCommands"),
    .executableTarget(
      name: "FuzzScripts", dependencies: ["FuzzSupport", "SegmentCore"], path: "Tests/Fuzz/FuzzScripts"),
  ]
}
