import Testing
@testable import VanThuText
@testable import VanThuExtract

/// Every row of `TemporalChromeLine.rules` drops the lines it lists and keeps the others, and the
/// scanner finds no date on a dropped line.
struct TemporalChromeLineTests {
    static let rows = TemporalChromeLine.rules

    func ruleID(_ line: String) -> String? {
        let document = TextDocument(line)
        return document.folded.bytes.withUnsafeBufferPointer { TemporalChromeLine.ruleID(FoldedBytes($0), lineOf: 0) }
    }

    @Test(arguments: rows.map(\.id))
    func rowExamples(_ id: String) {
        let rule = Self.rows.first { $0.id == id }!
        #expect(!rule.drops.isEmpty && !rule.keeps.isEmpty)
        for line in rule.drops { #expect(ruleID(line) == id, "\(line)") }
        for line in rule.keeps { #expect(ruleID(line) == nil, "\(line)") }
    }

    @Test func droppedLinesHoldNoMentions() {
        for rule in Self.rows {
            for line in rule.drops {
                #expect(TemporalScanner().scan(TextDocument(line).folded).isEmpty, "\(line)")
            }
        }
    }
}
