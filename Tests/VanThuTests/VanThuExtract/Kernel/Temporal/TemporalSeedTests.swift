import Foundation
import Testing
@testable import VanThuExtract

/// The temporal fields of the five seed documents against their hand annotation, when
/// `../shared` (seeds and gold) sits next to the repository; skipped otherwise.
struct TemporalSeedTests {
    static let shared = TestSupport.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let gold = shared.appendingPathComponent("gold/seeds.gold.json")
    static let available = FileManager.default.fileExists(atPath: gold.path)

    struct Gold: Decodable {
        struct Document: Decodable {
            var file: String
            var kind: String?
            var date: String?
            var dates: [String]
            var years: [String]?
            var periods: [[String]]?
            var deadlines: [Deadline]
        }
        struct Deadline: Decodable {
            var due: String
            var recurrence: String?
            var to: String?
        }
        var documents: [Document]
    }

    @Test(.enabled(if: available, "../shared/gold is not here"))
    func seedsMatchTheirAnnotation() throws {
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: Self.gold))
        for document in gold.documents {
            let url = Self.shared.appendingPathComponent("seeds").appendingPathComponent(document.file)
            let text = try String(contentsOf: url, encoding: .utf8)
            var context = ExtractionContext(text: text, kind: DocumentKind(rawValue: document.kind ?? "") ?? .unknown)
            DateExtractor().extract(&context)
            DeadlineExtractor().extract(&context)
            let record = context.record
            let dates = Set(record.dates.filter { $0.precision == .day || $0.precision == .month }.compactMap(\.value))
            let years = Set(record.dates.filter { $0.precision == .year }.compactMap(\.value))
            let periods = Set(record.periods.map { "\($0.from.prefix(4))-\($0.to.prefix(4))" })
            #expect(dates == Set(document.dates), "\(document.file) dates")
            #expect(years == Set(document.years ?? []), "\(document.file) years")
            #expect(periods == Set((document.periods ?? []).map { $0.joined(separator: "-") }), "\(document.file) periods")
            #expect(record.date == document.date, "\(document.file) date")
            let deadlines = Set(record.deadlines.map { "\($0.due ?? "") \($0.recurrence?.rawValue ?? "") \($0.to ?? "")" })
            let want = Set(document.deadlines.map { "\($0.due) \($0.recurrence ?? "") \($0.to ?? "")" })
            #expect(deadlines == want, "\(document.file) deadlines")
        }
    }
}
