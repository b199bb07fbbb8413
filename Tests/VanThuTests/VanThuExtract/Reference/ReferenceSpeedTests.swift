import Foundation
import Testing
@testable import VanThuText
@testable import VanThuExtract

/// References compare ids through `normalized`, which upper-cases only when a scalar changes and
/// reads ASCII ids byte by byte; scalar by scalar it must give the same.
struct ReferenceNormalizedTests {
    @Test(arguments: ["06-KH/BCĐ", "06-kh/bcđ", "0", "00", "007/QĐ-UBND", "0 6-KH", " 06 - KH / TU ", "41/2024/QH15",
                      "0\u{0301}5", "05\u{0301}", "0١", "straße", "ǅ-1", "ǆ/ĳ", "12/2021/TT-BLĐTBXH", "", " ", "01", "1\r\n2",
                      "０1", "00x", "0Đ", "đ0", "Ủy", "uỷ"])
    func sameAsScalarByScalar(_ id: String) {
        #expect(ReferenceExtractor.normalized(id) == ReferenceExtractor.normalizedByScalars(id))
    }

    /// Upper-casing a scalar changes it exactly when Unicode says it changes when upper-cased,
    /// so skipping `uppercased()` for ids without such scalars changes nothing.
    @Test func changesWhenUppercasedMeansUppercasingChanges() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x1FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            if scalar.properties.changesWhenUppercased != (text.uppercased() != text) { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20).map { String($0, radix: 16) })")
    }

    @Test func randomIds() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["0", "1", "9", "-", "/", " ", "KH", "kh", "Đ", "đ", "QĐ", "UBND", "ß", "\u{0301}", "ǅ", "TTg", "CTr"]
        for _ in 0..<3000 {
            let id = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(ReferenceExtractor.normalized(id) == ReferenceExtractor.normalizedByScalars(id), "\(id)")
        }
    }

    /// The type words in the kernel's matcher, longest first, find what the search of every fold found:
    /// the longest fold that matches at a word start and ends at a word end.
    @Test func typeFoldsFindTheLongestMatch() {
        let lexicon = DocumentLexicon.standard
        let texts = ["nghi quyet lien tich so 1", "nghi quyet so 2", "thong tu lien tich 3", "thong tu 4", "quyet dinhx",
                     "ke hoach", "ban ghi nho", "du an", "de an so", "chi thi", "thong bao ket luan"]
        for text in texts {
            let folded = Array(text.utf8)
            for w in folded.indices where w == 0 || folded[w - 1] == 0x20 {
                var best: String?
                var bestLength = 0
                for (fold, name) in lexicon.typeNamesByFold where fold.utf8.count > bestLength {
                    let bytes = Array(fold.utf8)
                    let end = w + bytes.count
                    if end <= folded.count && Array(folded[w..<end]) == bytes
                        && (end == folded.count || !FoldedText.isWordByte(folded[end])) {
                        best = name; bestLength = bytes.count
                    }
                }
                let found = lexicon.typeName(in: folded, at: w)
                #expect(found?.name == best, "\(text) at \(w)")
                #expect(found.map(\.length) ?? 0 == bestLength, "\(text) at \(w)")
            }
        }
    }
}
