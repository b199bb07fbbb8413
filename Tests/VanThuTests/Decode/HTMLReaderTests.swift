import Testing
@testable import VanThu

/// A page title loses its site suffix where Foundation's backward search and character count put
/// the cut; titles of plain scalars take a path over bytes that must agree with it, and others
/// (marks that join a space, joiners, CR LF, flags, prepended marks) still go through Foundation.
struct PageTitleTests {
    static func byFoundation(_ title: String) -> String {
        for separator in HTMLDocumentReader.titleSeparators {
            if let range = title.range(of: separator, options: .backwards), title.distance(from: title.startIndex, to: range.lowerBound) > 10 {
                return String(title[..<range.lowerBound])
            }
        }
        return title
    }

    static let pieces = [
        "Tiêu đề", "bài viết", "a", "Cổng thông tin", " | ", " - ", " – ", " :: ", " ", "-", "|", ":", "x", "ộ", "ĐẢNG", "2024",
        "e\u{301}", " \u{301}", "\r\n", "\r", "\n", "\u{200D}", "👨‍👩‍👧", "🇻🇳", "\u{A0}", "\u{0600}", "क्", "“Dân vận khéo”", "™", "©\u{FE0F}",
    ]

    @Test func cutsWhereFoundationCuts() {
        var generator = SplitMix64(state: 11)
        for _ in 0..<20_000 {
            let title = (0..<Int.random(in: 1...12, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            #expect(HTMLDocumentReader.withoutSiteSuffix(title) == Self.byFoundation(title), "\(Array(title.unicodeScalars))")
        }
        #expect(HTMLDocumentReader.withoutSiteSuffix("Tiêu đề bài viết - Cổng thông tin - Tỉnh") == "Tiêu đề bài viết - Cổng thông tin")
        #expect(HTMLDocumentReader.withoutSiteSuffix("Ngắn - Cổng thông tin") == "Ngắn - Cổng thông tin")
    }
}

