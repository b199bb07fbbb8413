import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats
@testable import VanThuExtract

/// Runs the header, unit and reference extractors on `../shared/seeds` against
/// `../shared/gold/seeds.gold.json` when they exist (a checkout next to the shared folder); skips
/// cleanly otherwise. Floors, not exact values: the gold is for the score tool.
struct SharedSeedsTests {
    static let shared = TestSupport.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static var available: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("gold/seeds.gold.json").path)
    }

    struct Gold: Decodable {
        struct Document: Decodable {
            struct Units: Decodable { var required: [String]; var optional: [String] }
            struct Header: Decodable {
                var number: String
                var documentType: String
                var place: String
                var date: String
                var subject: String
                var issuer: [String]
                var recipients: [String]
                var copyTo: [String]
            }
            var file: String
            var references: [String]
            var units: Units
            var header: Header?
        }
        var documents: [Document]
    }

    /// The record of one seed after decoding, cleaning, classifying and the organisational extractors.
    static func record(_ file: String) throws -> Record {
        let url = shared.appendingPathComponent("seeds").appendingPathComponent(file)
        let data = try Data(contentsOf: url)
        let source = SourceFile(url: url, relativePath: file, size: data.count)
        let raw = RawDocument(file: source, bytes: [UInt8](data), sha256: "", format: .text)
        let clean = try NormalizeStage().run(try DecodeStage().run(raw))
        let classification = ClassifyStage.classify(clean.document)
        var context = ExtractionContext(document: clean.document,
                                        record: Record(id: clean.id, source: clean.source, kind: classification.kind, kindReasons: classification.reasons))
        for extractor in [HeaderExtractor(), UnitExtractor(), ReferenceExtractor()] as [any Extractor] {
            extractor.extract(&context)
        }
        return context.record
    }

    static func gold() throws -> Gold {
        try JSONDecoder().decode(Gold.self, from: Data(contentsOf: shared.appendingPathComponent("gold/seeds.gold.json")))
    }

    @Test(.enabled(if: available, "needs ../shared/seeds and ../shared/gold beside the repository")) func headerFieldsMatchTheGold() throws {
        for document in try Self.gold().documents {
            let record = try Self.record(document.file)
            guard let want = document.header else {
                #expect(record.header == nil, "\(document.file) is not a dispatch")
                continue
            }
            let header = try #require(record.header)
            let key = VietnameseFolding.canonicalKey
            #expect(header.number == want.number)
            #expect(header.documentType.map(key) == key(want.documentType))
            #expect(header.place.map(key) == key(want.place))
            #expect(header.date == want.date)
            #expect(header.subject.map(key) == key(want.subject))
            #expect(want.issuer.map(key).contains(key(header.issuer ?? "")))
            #expect(Set(header.recipients.map(key)) == Set(want.recipients.map(key)))
            #expect(Set(header.copyTo.map(key)) == Set(want.copyTo.map(key)))
        }
    }

    @Test(.enabled(if: available, "needs ../shared/seeds and ../shared/gold beside the repository")) func referencesMatchTheGold() throws {
        for document in try Self.gold().documents {
            let record = try Self.record(document.file)
            let found = Set(record.references.map { ReferenceExtractor.normalized($0.id) })
            let want = Set(document.references.map(ReferenceExtractor.normalized))
            #expect(want.isSubset(of: found), "\(document.file): missing \(want.subtracting(found))")
        }
    }

    @Test(.enabled(if: available, "needs ../shared/seeds and ../shared/gold beside the repository")) func requiredUnitsAreFound() throws {
        var wanted = 0
        var found = 0
        for document in try Self.gold().documents {
            let keys = Set(try Self.record(document.file).units.map(\.key))
            for name in document.units.required {
                wanted += 1
                if keys.contains(VietnameseFolding.canonicalKey(name)) { found += 1 }
            }
        }
        // Exact names (the score tool's strict measure); the floor is the 0.7.
        #expect(Double(found) / Double(max(wanted, 1)) >= 0.85)
    }
}
