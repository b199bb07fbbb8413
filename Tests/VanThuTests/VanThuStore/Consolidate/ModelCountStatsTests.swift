import Foundation
import Testing
@testable import VanThuText
@testable import VanThuExtract
@testable import VanThuStore

struct ModelCountStatsTests {
    static func record(_ id: String, _ counts: [ModelCountFact]) -> Record {
        var record = Record(id: id, source: SourceInfo(path: id, sha256: "", bytes: 0, format: "text", encoding: "utf-8"))
        record.modelCounts = counts
        return record
    }

    static func fact(_ count: Int?, _ status: ModelCountStatus, year: Int?, scope: String?, field: String? = nil,
                     partOf: Int? = nil, approximate: Bool = false) -> ModelCountFact {
        ModelCountFact(text: "", count: count, approximate: approximate, status: status, field: field, year: year,
                       scope: scope, partOf: partOf, start: 0, end: 0, rule: "test")
    }

    @Test func rowsSumByScopeYearStatusFieldAndPart() throws {
        var consolidator = Consolidator()
        consolidator.add(Self.record("a", [
            Self.fact(543, .registered, year: 2017, scope: "thành phố Bến Tre"),
            Self.fact(339, .recognized, year: 2017, scope: "thành phố Bến Tre"),
            Self.fact(36, .recognized, year: 2017, scope: "thành phố Bến Tre", partOf: 1),
            Self.fact(nil, .built, year: nil, scope: nil, approximate: true),
        ]))
        consolidator.add(Self.record("b", [
            Self.fact(100, .registered, year: 2016, scope: "thành phố Bến Tre"),
            Self.fact(20, .registered, year: 2016, scope: "thành phố Bến Tre", field: "economy", partOf: 0),
            Self.fact(7, .registered, year: 2017, scope: "huyện Chợ Đồn"),
        ]))
        let stats = consolidator.modelCounts
        #expect(stats.byStatus == ["registered": 650, "recognized": 339])
        #expect(stats.approximate == 1)
        let key = ModelCountStats.Key(scope: "thành phố Bến Tre", year: 2017, status: .registered, field: nil, part: false)
        #expect(stats.rows[key]?.count == 543)
        #expect(stats.rows[key]?.documents == ["a"])

        // The researcher's question, as the jq line of ModelCountStats asks it.
        var writer = JSONWriter()
        consolidator.writeStats(to: &writer)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any])
        let rows = try #require((json["modelCounts"] as? [String: Any])?["rows"] as? [[String: Any]])
        let registeredByBenTre = rows.filter {
            ($0["scope"] as? String)?.contains("Bến Tre") == true && $0["status"] as? String == "registered"
                && ($0["year"] as? Int ?? .max) <= 2017 && $0["part"] as? Bool == false
        }.compactMap { $0["count"] as? Int }.reduce(0, +)
        #expect(registeredByBenTre == 643)
        // Rows come sorted, known scopes first.
        #expect(rows.first?["scope"] as? String == "huyện Chợ Đồn")
    }
}

/// Issue 14: a text stating 9 000 000 000 000 000 000 models twice made the sums overflow and
/// the export trap; sums saturate now.
struct ModelCountStatsOverflowTests {
    @Test func hugeStatedCountsSaturateEverySum() {
        let huge = 9_000_000_000_000_000_000
        var consolidator = Consolidator()
        consolidator.add(ModelCountStatsTests.record("a", [
            ModelCountStatsTests.fact(huge, .registered, year: 2023, scope: "xã Hòa An"),
            ModelCountStatsTests.fact(huge, .registered, year: 2023, scope: "xã Hòa An"),
        ]))
        consolidator.add(ModelCountStatsTests.record("b", [ModelCountStatsTests.fact(Int.max, .registered, year: 2023, scope: "xã Hòa An")]))
        let stats = consolidator.modelCounts
        #expect(stats.byStatus["registered"] == Int.max)
        #expect(stats.byScope["xã Hòa An"] == Int.max)
        #expect(stats.rows.values.map(\.count) == [Int.max])
        #expect(stats.rows.values.first?.facts == 3)
        var w = JSONWriter()
        consolidator.writeStats(to: &w)
        #expect(String(decoding: w.bytes, as: UTF8.self).contains("\(Int.max)"))
    }

    @Test func hugeMentionAndFactCountsSaturate() {
        var summary = RecordSummary(ModelCountStatsTests.record("a", []))
        summary.units = [.init(key: "xa hoa an", name: "xã Hòa An", mentions: Int.max)]
        summary.factCounts = ["dates": Int.max]
        var consolidator = Consolidator()
        consolidator.add(summary)
        summary.id = "b"
        consolidator.add(summary)
        #expect(consolidator.units["xa hoa an"]?.mentions == Int.max)
        #expect(consolidator.facts["dates"] == Int.max)
    }
}
