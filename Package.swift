// swift-tools-version: 6.0
import PackageDescription

// The library is six targets whose dependencies run one way (each may use only the targets
// listed above it), so the compiler enforces the layering:
//
//   VanThuText ← VanThuFormats ← VanThuExtract ← VanThuStore ← VanThuPostgres ← VanThuPipeline ← vanthu, vanthu-fuzz
//
// Declarations shared between targets have `package` access: visible in this package (its
// targets, the command-line tool and the tests), not to other packages.
let package = Package(
    name: "VanThu",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "VanThu", targets: ["VanThuText", "VanThuFormats", "VanThuExtract", "VanThuStore", "VanThuPipeline"]),
        .executable(name: "vanthu", targets: ["vanthu"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // SHA-256 for the checksum of every input file (BoringSSL on Linux, with the SHA instructions).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The PostgreSQL store backend (issue 19).
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        // zlib from Debian's zlib1g-dev: gzip in and out. Not named CZlib: ZIPFoundation's own zlib
        // module (its inflate reads the deflated entries of .docx files) has that name, and two
        // modules of one name cannot be built together.
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
        // poppler-glib from Debian's libpoppler-glib-dev (with cairo): PDF text layers, metadata,
        // signatures, and pages rendered for OCR.
        .systemLibrary(
            name: "CPoppler",
            path: "Sources/CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        // Tesseract's C API and leptonica from Debian's libtesseract-dev and libleptonica-dev: OCR
        // of scanned pages and their clean-up. The `vie` model is tesseract-ocr-vie.
        .systemLibrary(
            name: "CTesseract",
            path: "Sources/CTesseract",
            pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev", "libleptonica-dev", "tesseract-ocr-vie", "tesseract-ocr-script-viet"])]
        ),
        // Text and bytes, knowing nothing of documents: UTF-8 validation and byte words, Vietnamese
        // folding and letters, the legacy Vietnamese encodings and their detector, Unicode cleaning,
        // the text views extractors scan (TextDocument, FoldedText), JSON writer and reader, gzip,
        // SHA-256, globs, calendar days. Depends on no other VanThu target.
        .target(name: "VanThuText", dependencies: ["CVanThuZlib", .product(name: "Crypto", package: "swift-crypto")]),
        // From a file to decoded text and the format's hints: the source file, the pipeline-stage
        // contract (Stage, StageFailure, StageName), ingest (reading, hashing), the format seam
        // (FormatReader, FormatRegistry, SourceFormat) with one reader per format (text, HTML, .docx,
        // gzip), the PDF and OCR engines (poppler-glib, tesseract), and the decode stage that runs them.
        // Depends on VanThuText only, ZIPFoundation's streaming inflate for the .docx zip, and the C libraries.
        .target(
            name: "VanThuFormats",
            dependencies: ["VanThuText", "CLibXML2", "CPoppler", "CTesseract", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // From decoded text to a record: normalising (chrome filtering), classifying, the record and
        // its fact types, the matching kernel (lexicons, phrase tables, temporal scanner) and one
        // folder per extractor (its rules, examples and helpers). Depends on VanThuText and VanThuFormats.
        .target(name: "VanThuExtract", dependencies: ["VanThuText", "VanThuFormats"]),
        // Where records live: the GRDB store (schema, migrations, runs, sources), the search index,
        // consolidation and the exports (archive.json, JSONL, CSV), the output lock and run report.
        // Depends on VanThuText, VanThuFormats, VanThuExtract and GRDB.
        .target(
            name: "VanThuStore",
            dependencies: ["VanThuText", "VanThuFormats", "VanThuExtract", .product(name: "GRDB", package: "GRDB.swift"),
                           // SQLite's incremental blob I/O (`RecordBlob`), which GRDB does not wrap.
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // The PostgreSQL store (issue 19): the same store protocol as the SQLite one, for many ingest
        // workers and many researchers on one server. Depends on VanThuStore (its protocol, records
        // and exports) and postgres-nio; VanThuStore knows nothing of it.
        .target(
            name: "VanThuPostgres",
            dependencies: ["VanThuText", "VanThuFormats", "VanThuExtract", "VanThuStore", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        // A run: configuration (pipeline.json), the input walk, the incremental plan, the scheduler
        // of the stages and writers, timings, and the benchmarks. Depends on every target above.
        .target(name: "VanThuPipeline", dependencies: ["VanThuText", "VanThuFormats", "VanThuExtract", "VanThuStore", "VanThuPostgres"]),
        // `vanthu serve` (issue 18): the researchers' web pages and JSON API over an archive, read-only.
        // Depends on the store (and what its records are made of) and Hummingbird; not on the pipeline.
        .target(
            name: "VanThuServe",
            dependencies: ["VanThuText", "VanThuExtract", "VanThuStore", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HTTPTypes", package: "swift-http-types")]
        ),
        // The command-line tool: commands only (argument parsing, printing); the work is in the library.
        .executableTarget(
            name: "vanthu",
            dependencies: [
                "VanThuText", "VanThuFormats", "VanThuExtract", "VanThuStore", "VanThuPostgres", "VanThuPipeline", "VanThuServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzzing target of the decode → normalise → extract path: a seeded mutation harness
        // (CI), or libFuzzer's entry point when built with -sanitize=fuzzer -DFUZZING (Fuzz/README.md).
        .executableTarget(name: "vanthu-fuzz", dependencies: ["VanThuPipeline"]),
        // Tests, in folders mirroring the sources' old layout; each file imports the targets it tests.
        .testTarget(
            name: "VanThuTests",
            dependencies: [
                "VanThuText", "VanThuFormats", "VanThuExtract", "VanThuStore", "VanThuPostgres", "VanThuPipeline",
                "CVanThuZlib", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            // The PDFs and scans made from the project's own fixture texts (their README says how).
            exclude: ["VanThuFormats/OCR/PDFFixtures"]
        ),
        .testTarget(
            name: "VanThuServeTests",
            dependencies: ["VanThuServe", "VanThuText", "VanThuExtract", "VanThuStore", "VanThuPostgres", "VanThuPipeline"],
            // Invented documents: the archive the tests and the browser test serve.
            exclude: ["FixtureArchive"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
