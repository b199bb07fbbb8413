import Testing
@testable import VanThuExtract

/// `UnitRegistry` keeps one unit per key and each mention span once, by hashing (issue 14 item 7:
/// the linear search it replaced made repetitive text quadratic).
struct UnitRegistryTests {
    @Test func oneUnitPerKeyInFirstSeenOrder() {
        var registry = UnitRegistry()
        #expect(registry.add(name: "Hội Nông dân xã Phú Lạc", key: "a", span: 0..<23) == 0)
        #expect(registry.add(name: "Chi bộ ấp Tân Mỹ", key: "b", span: 30..<46) == 1)
        #expect(registry.add(name: "HỘI NÔNG DÂN XÃ PHÚ LẠC", key: "a", span: 50..<73) == 0)
        #expect(registry.units.map(\.name) == ["Hội Nông dân xã Phú Lạc", "Chi bộ ấp Tân Mỹ"])
        #expect(registry.units[0].mentions == [[0, 23], [50, 73]])
        #expect(registry.index(ofKey: "b") == 1)
        #expect(registry.index(ofKey: "c") == nil)
    }

    @Test func aSpanIsRecordedOncePerUnit() {
        var registry = UnitRegistry()
        registry.add(name: "Đảng ủy xã", key: "x", span: 5..<15)
        registry.add(name: "Đảng ủy xã", key: "x", span: 5..<15)
        registry.addMention(5..<15, to: 0)
        registry.addMention(5..<16, to: 0)
        registry.add(name: "Ban Kinh tế", key: "y", span: 5..<15)   // the same span for another unit counts
        #expect(registry.units[0].mentions == [[5, 15], [5, 16]])
        #expect(registry.units[1].mentions == [[5, 15]])
    }

    @Test func manyRepeatedMentionsKeepEveryDistinctSpanOnce() {
        var registry = UnitRegistry()
        for round in 0..<3 {
            for k in 0..<20_000 { registry.add(name: "Tổ tự quản", key: "t", span: (10 * k)..<(10 * k + 9)) }
            #expect(registry.units.count == 1, "round \(round)")
            #expect(registry.units[0].mentions.count == 20_000, "round \(round)")
        }
        #expect(registry.units[0].mentions.first == [0, 9])
        #expect(registry.units[0].mentions.last == [199_990, 199_999])
    }
}
