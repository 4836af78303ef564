// swift-tools-version: 6.1
import PackageDescription

// Arrows point one way only (DESIGN §2): seg → SegmentShell → SegmentCore → Columnar,
// and SegmentShell → CEditLine. Only SegmentShell and CEditLine know about terminals.
let package = Package(
  name: "seg",
  products: [
    .executable(name: "seg", targets: ["seg"]),
    .library(name: "SegmentCore", targets: ["SegmentCore"]),
    .library(name: "Columnar", targets: ["Columnar"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(name: "Columnar"),
    .target(name: "SegmentCore", dependencies: ["Columnar"]),
    .target(name: "SegmentShell", dependencies: ["SegmentCore", "CEditLine"]),
    .executableTarget(
      name: "seg",
      dependencies: [
        "SegmentShell",
        "SegmentCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "ColumnarTests", dependencies: ["Columnar"]),
    .testTarget(name: "SegmentCoreTests", dependencies: ["SegmentCore", "Columnar"]),
    .testTarget(name: "SegmentShellTests", dependencies: ["SegmentShell", "SegmentCore"]),
    .testTarget(name: "SegEndToEndTests", dependencies: ["seg"]),
  ]
)
