import Testing
@testable import VanThu

/// `ReferenceExtractor.clean` reads bytes where it can; it must split as the character split does.
struct ReferenceCleanTests {
    @Test(arguments: [
        "Kế hoạch số 06-KH/BCĐ", "  Chỉ thị\n16-CT/TU  ", "Luật  Bảo hiểm xã hội số 41/2024/QH15\n\n", "", " ", "\n",
        "a\r\nb", "a \u{0301}b", "“Dân vận khéo” – 2020…", "số 5/KH\u{00A0}ngày", "Mẫu × ÷ Ỹ ỹ", "x\u{200D} y", "ꙮ 1/2",
        "a\u{2028}b c", "Quyết định số 12/QĐ-UBND\nngày 14/8/2015 của Ủy ban nhân dân tỉnh",
    ])
    func cleanSplitsAsCharactersDo(_ text: String) {
        #expect(ReferenceExtractor.clean(text) == text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " "))
    }
}
