import Testing
import VanThuText
@testable import VanThuExtract

/// The deadline's receiving-unit reader reads the unit lexicon: what a receiving unit starts with
/// and is made of is said once, there (`UnitLexicon.Recipients`), not kept as a second list.
struct UnitPhraseReaderTests {
    @Test func openingsAreTheLexiconsHeadsAndTheOfficesThatReceiveReports() {
        let lexicon = UnitLexicon.standard
        let openings = Set(lexicon.recipients.openings)
        for (head, traits) in UnitLexicon.headPhrases {
            let opens = traits.isDisjoint(with: [.nestedOnly, .notRecipient])
            #expect(openings.contains(head) == opens, "\(head)")
        }
        #expect(openings.contains("chủ tịch") && openings.contains("thủ tướng"))
        #expect(!openings.contains("bí thư"), "a position that receives no reports")
        // Every locality noun goes on a name.
        for locality in ["xã", "phường", "thị trấn", "khóm", "tổ dân phố"] {
            #expect(lexicon.recipients.nameWords.contains(locality), "\(locality)")
        }
    }

    @Test func aConfiguredHeadOpensAReceivingUnit() {
        let extended = UnitLexicon.standard.extended(with: .init(heads: ["Hợp tác đoàn"], standaloneHeads: ["Nghiệp đoàn"]))
        #expect(extended.recipients.openings.contains("Hợp tác đoàn"))
        #expect(extended.recipients.openings.contains("Nghiệp đoàn"))
        #expect(!UnitLexicon.standard.recipients.openings.contains("Nghiệp đoàn"))
        #expect(UnitPhraseReader.Vocabulary.folded(["Ủy ban  MTTQ", "Nghiệp đoàn", "NGHIỆP ĐOÀN"]) == ["uy ban mttq", "nghiep doan"])
    }

    /// Reads the receiving unit after `về` in `text` with `vocabulary`.
    func unit(_ text: String, _ vocabulary: UnitPhraseReader.Vocabulary = .standard) -> String? {
        let document = TextDocument(text)
        return document.folded.bytes.withUnsafeBufferPointer { buffer -> String? in
            let bytes = FoldedBytes(buffer)
            let reader = UnitPhraseReader(document: document, text: bytes, vocabulary: vocabulary)
            guard let marker = document.folded.occurrences(of: "ve").first,
                  let range = reader.read(at: bytes.skipSpaces(from: marker + 2)) else { return nil }
            return document.string(folded: range)
        }
    }

    @Test func readsNamesOfTheLexicon() {
        #expect(unit("gửi về Trạm Y tế xã Hòa Bình trước ngày 3/4") == "Trạm Y tế xã Hòa Bình")
        #expect(unit("gửi về Ủy ban nhân dân thị trấn Long Điền trước ngày 3/4") == "Ủy ban nhân dân thị trấn Long Điền")
        #expect(unit("gửi về Đội thiếu niên Đồng Tâm trước ngày 3/4") == nil)
        #expect(unit("gửi về Nghiệp đoàn Nghề cá trước ngày 3/4") == nil)
        let extended = UnitPhraseReader.Vocabulary(UnitLexicon.standard.extended(with: .init(heads: ["Nghiệp đoàn"])))
        #expect(unit("gửi về Nghiệp đoàn Nghề cá trước ngày 3/4", extended) == "Nghiệp đoàn Nghề cá")
    }
}
