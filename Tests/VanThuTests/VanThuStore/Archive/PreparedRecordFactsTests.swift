import Testing
import Foundation
@testable import VanThuText
@testable import VanThuStore

/// `PreparedRecord.distinctSorted` against what it replaced: a `Set` of facts, sorted as Strings.
struct PreparedRecordFactsTests {
    static func reference(_ facts: [PreparedRecord.Fact]) -> [PreparedRecord.Fact] {
        var set: Set<PreparedRecord.Fact> = []
        for fact in facts { set.insert(fact) }
        return set.sorted()
    }

    static func expectSame(_ facts: [PreparedRecord.Fact]) {
        let fast = PreparedRecord.distinctSorted(facts)
        let slow = reference(facts)
        // Byte for byte, not only equal as Strings.
        #expect(fast.map { Array($0.type.utf8) } == slow.map { Array($0.type.utf8) })
        #expect(fast.map { Array($0.value.utf8) } == slow.map { Array($0.value.utf8) }, "\(facts)")
    }

    @Test func sameAsSetOnRandomFacts() {
        var generator = SplitMix64(state: 0xFAC7)
        let types = ["unit", "unitKey", "field", "deadline", "unitK"]
        for _ in 0..<5_000 {
            var facts: [PreparedRecord.Fact] = []
            for _ in 0..<Int.random(in: 0...14, using: &generator) {
                let value = Bool.random(using: &generator)
                    ? FoldingSamples.random(&generator, maxPieces: 3)
                    : (facts.randomElement(using: &generator)?.value ?? "")
                facts.append(PreparedRecord.Fact(type: types.randomElement(using: &generator)!, value: value))
            }
            Self.expectSame(facts)
        }
    }

    @Test func sameAsSetOnUnitsOfText() {
        let names = ["Ủy ban nhân dân huyện", "ủy ban nhân dân huyện", "Uỷ ban nhân dân huyện", "UBND", "", "Hoà Bình",
                     "Hòa Bình", "Hòa Bình".decomposedStringWithCanonicalMapping, "đoàn", "doan", "Zeta", "ábc", "abc", "ab",
                     "Ω", "Ω", "中文", "😀", "a\u{301}", "á"]
        // Not "\u{2ADC}" beside "\u{2ADD}": String's order of those two is not the same from one
        // Set to another, so the reference itself differs between runs (the slow path is the
        // reference's code, and `isSurelyNFC` keeps such text on it).
        var facts: [PreparedRecord.Fact] = []
        for name in names {
            facts.append(PreparedRecord.Fact(type: "unit", value: VietnameseFolding.searchFold(name)))
            facts.append(PreparedRecord.Fact(type: "unitKey", value: VietnameseFolding.canonicalKey(name)))
            Self.expectSame(facts)
            Self.expectSame([PreparedRecord.Fact(type: "unitKey", value: name), PreparedRecord.Fact(type: "unitKey", value: "a")])
        }
        Self.expectSame(facts + facts.reversed())
    }

    @Test func onlyNFCForSureTakesTheByteOrder() {
        #expect(PreparedRecord.isSurelyNFC("ủy ban nhân dân đắk lắk"))
        #expect(!PreparedRecord.isSurelyNFC("a\u{301}"))
        #expect(!PreparedRecord.isSurelyNFC("\u{2ADC}"))
        #expect(!PreparedRecord.isSurelyNFC("中"))
    }
}
