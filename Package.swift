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
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // zlib from Debian's zlib1g-dev: gzip output and input. Not named CZlib: ZIPFoundation's
        // own zlib module has that name, and two modules of one name cannot be built together.
        .systemLibrary(
            name: "CVanThuZlib",
            path: "Sources/CVanThuZlib",
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
            dependencies: [
                "CVanThuZlib", "CLibXML2", "CSHA256", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
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
            dependencies: ["VanThu", "CVanThuZlib", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
