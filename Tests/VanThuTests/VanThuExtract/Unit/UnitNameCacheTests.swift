import Foundation
import Testing
@testable import VanThuText
@testable import VanThuExtract

/// `UnitExtractor.collect` sends a name written as before straight to its unit; keying every mention's
/// name (the loop it replaced, kept here) must give the same units, names, keys and mentions.
struct UnitNameCacheTests {
    static func reference(_ document: TextDocument) -> [UnitFact] {
        let found = UnitScanner(lexicon: .standard).scan(document)
        var units: [UnitFact] = []
        var keyByName: [String: String] = [:]
        for mention in found.mentions {
            let name = UnitExtractor.name(document.utf8, mention.bytes, capitalizeFirst: mention.capitalizeFirst)
            guard !name.isEmpty else { continue }
            let key = keyByName[name] ?? VietnameseFolding.canonicalKey(name)
            keyByName[name] = key
            let span = [mention.scalars.lowerBound, mention.scalars.upperBound]
            if let index = units.firstIndex(where: { $0.key == key }) {
                if !units[index].mentions.contains(span) { units[index].mentions.append(span) }
            } else {
                units.append(UnitFact(name: name, key: key, mentions: [span]))
            }
        }
        return units
    }

    static func check(_ text: String) {
        let context = ExtractionContext(text: text)
        let found = UnitScanner(lexicon: .standard).scan(context.document)
        let units = UnitExtractor.collect(found.mentions, in: context.document)
        let expected = reference(context.document)
        #expect(units.map(\.name) == expected.map(\.name), "\(text)")
        #expect(units.map(\.key) == expected.map(\.key), "\(text)")
        #expect(units.map(\.mentions) == expected.map(\.mentions), "\(text)")
    }

    @Test func sameUnitsAsKeyingEveryName() throws {
        let names = ["Ban Dân vận Tỉnh ủy", "ban Dân vận Tỉnh ủy", "Ban  Dân\nvận Tỉnh ủy", "UBND huyện Triệu Phong",
                     "Ủy ban nhân dân huyện Triệu Phong", "Uỷ ban nhân dân huyện Triệu Phong", "Hội Nông dân xã Long Đức",
                     "Trưởng ban Dân vận Thành ủy", "Phó Bí thư Thường trực Thành ủy Lương Quốc Tuấn", "Đảng ủy Khối",
                     "Mặt trận Tổ quốc Việt Nam tỉnh", "MTTQ tỉnh", "Chi bộ khóm 2 phường 7", "trường Tiểu học Kim Đồng"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 1...30, using: &generator)).map { _ in
                names.randomElement(using: &generator)! + [", ", ". ", " và ", "\n", " (", "; "].randomElement(using: &generator)!
            }.joined()
            Self.check(text)
        }
        Self.check(String(repeating: names.joined(separator: ", ") + ".\n", count: 5))
        if SharedSeedsTests.available {
            let seeds = SharedSeedsTests.shared.appendingPathComponent("seeds")
            for file in try FileManager.default.contentsOfDirectory(atPath: seeds.path) where file.hasSuffix(".txt") {
                Self.check(try String(contentsOf: seeds.appendingPathComponent(file), encoding: .utf8))
            }
        }
    }
}
