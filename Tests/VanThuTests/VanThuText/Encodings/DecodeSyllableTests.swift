import Testing
@testable import VanThuText

/// The syllable rules the detector scores decodings with.
struct DecodeSyllableTests {
    func isValid(_ word: String) -> Bool {
        var buffer = WordBuffer()
        for scalar in word.unicodeScalars {
            let packed = VietnameseAlphabet.classify(scalar.value)
            buffer.append(base: UInt8(packed & 0x1F), tone: UInt8((packed >> 5) & 7), upper: packed & VietnameseAlphabet.upperBit != 0,
                          ascii: packed & VietnameseAlphabet.asciiBit != 0)
        }
        return Syllable.tables.isValid(buffer)
    }

    @Test(arguments: ["người", "khuya", "quyết", "giếng", "gì", "gìn", "nghiêng", "hòa", "hoà", "thuở", "Ủy", "Uỷ", "CỘNG",
                      "Việt", "được", "khuỷu", "ngoéo", "oái", "ăn", "ấy", "yêu", "Đảng", "ĐẢNG", "cánh", "học", "toán", "xoong"])
    func validSyllables(_ word: String) {
        #expect(isValid(word))
    }

    @Test(arguments: ["Vieọt", "ñöôïc", "café", "crème", "Müller", "tiêt", "hoàc", "họcc", "ViỆt", "vIệt", "ng", "ăa",
                      "hóà", "ươ", "tiếǹ", "Ỏdân", "khéoÕ"])
    func invalidSyllables(_ word: String) {
        #expect(!isValid(word))
    }

    @Test func headingsForTheVnTimeHFontAreValid() {
        // ASCII capitals with lower-case legacy letters: the .VnTimeH font drew them all as capitals.
        #expect(isValid("CộNG"))
        #expect(isValid("HòA"))
    }

    @Test func baseCodesAgreeWithTheLetterTables() {
        #expect(VietnameseAlphabet.baseCode(of: "đ") == VietnameseAlphabet.dStroke)
        #expect(VietnameseAlphabet.baseCode(of: "g") == Syllable.gLetter)
        #expect(UInt8(VietnameseAlphabet.classify(UInt32(("i" as Unicode.Scalar).value)) & 0x1F) == Syllable.iLetter)
        #expect(VietnameseAlphabet.vowelRows.allSatisfy { $0.unicodeScalars.count == 6 })
        for scalar in "AaZzđĐàÀ".unicodeScalars {
            #expect((VietnameseAlphabet.classify(scalar.value) & VietnameseAlphabet.asciiBit != 0) == (scalar.value < 0x80))
        }
    }

    @Test func scoresTellVietnameseFromMojibake() {
        let right = VietnameseScore(text: "Ban Thường vụ Huyện ủy đề nghị các cơ quan, đơn vị báo cáo kết quả")
        let wrong = VietnameseScore(text: "Ban Th\u{AD}êng vô HuyÖn ñy ®Ò nghÞ c¸c c¬ quan, ®¬n vÞ b¸o c¸o kÕt qu¶")
        #expect(right.confidence == 1)
        #expect(right.common >= 8)
        #expect(wrong.confidence < 0.3)
        #expect(right.points > wrong.points + 20)
    }
}

