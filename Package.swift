// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "VanThu",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "VanThu", targets: ["VanThu"]),
        .executable(name: "vanthu", targets: ["vanthu"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // SHA-256 for the checksum of every input file (BoringSSL on Linux, with the SHA instructions).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // zlib from Debian's zlib1g-dev: gzip output now, gzip input and .docx later.
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // libxml2's HTML parser from Debian's libxml2-dev.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "VanThu",
            dependencies: [
                "CZlib", "CLibXML2",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "vanthu",
            dependencies: [
                "VanThu",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzzing target of the decode → normalise → extract path: a seeded mutation harness
        // (CI), or libFuzzer's entry point when built with -sanitize=fuzzer -DFUZZING (Fuzz/README.md).
        .executableTarget(name: "vanthu-fuzz", dependencies: ["VanThu"]),
        .testTarget(
            name: "VanThuTests",
            dependencies: ["VanThu", "CZlib", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
