/// Byte-level fast paths of the extractors, held to the character-level code they replace.
import Testing
@testable import VanThuExtract

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

/// `TitleExtractor.wordsAndScalars` counts eight bytes at a time; byte by byte it must agree.
struct HeadlineCountTests {
    @Test func countsAgreeWithAByteByByteCount() {
        var lines = ["Một", "a b", "Thành phố nọ: Tiếp tục nâng cao hiệu quả phong trào", "x  y   z", "1234567 89", "abcdefgh ijklmnop"]
        lines.append(String(repeating: "từ ", count: 70) + "cuối")
        lines.append(String(repeating: "ấ", count: 320))
        for offset in 0..<17 { lines.append(String(repeating: "b", count: offset) + " c  dé  f" + String(repeating: " g", count: offset)) }
        for line in lines {
            let bytes = Array(line.utf8)[...]
            var words = 1, scalars = 0, previousSpace = false
            for byte in bytes {
                if byte & 0xC0 != 0x80 { scalars += 1 }
                if byte == 0x20 { if !previousSpace { words += 1 }; previousSpace = true } else { previousSpace = false }
            }
            let counted = TitleExtractor.wordsAndScalars(bytes)
            let candidate = words >= 4 && words <= 60 && scalars <= 300
            #expect((counted.words >= 4 && counted.words <= 60 && counted.scalars <= 300) == candidate, "\(line)")
            if candidate { #expect(counted.words == words && counted.scalars == scalars, "\(line)") }
        }
    }
}
