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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
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
        // SHA-256 with the processor's SHA instructions, for the checksum of every input file.
        // DWARF 4 like the Swift code: valgrind 3.19 (callgrind, for repeatable profiles) cannot read
        // clang's default DWARF 5.
        .target(name: "CSHA256", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        .target(
            name: "VanThu",
            dependencies: ["CZlib", "CLibXML2", "CSHA256", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // `vanthu serve`: the researchers' web pages and JSON API over an archive (issue 18).
        .target(
            name: "VanThuServe",
            dependencies: ["VanThu", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HTTPTypes", package: "swift-http-types")]
        ),
        .executableTarget(
            name: "vanthu",
            dependencies: [
                "VanThu",
                "VanThuServe",
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
        .testTarget(
            name: "VanThuServeTests",
            dependencies: ["VanThuServe", "VanThu"],
            // Invented documents: the archive the tests and the browser test serve.
            exclude: ["FixtureArchive"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
