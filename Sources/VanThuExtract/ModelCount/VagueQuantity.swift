/// Vague quantities before "mô hình": approximate, no exact count, with a lower bound
/// (`hàng trăm mô hình` → at least 100).
package struct VagueQuantity: Sendable {
    /// Folded words in reading order.
    package let words: [String]
    /// The first word as written (lower case), when the folded form is ambiguous (`vài`, not `vai`).
    package let exactFirst: String?
    package let lowerBound: Int

    package init(_ folded: String, _ lowerBound: Int, exactFirst: String? = nil) {
        self.words = folded.split(separator: " ").map(String.init)
        self.lowerBound = lowerBound
        self.exactFirst = exactFirst
    }

    /// Longest first, so "hàng chục nghìn" wins over "hàng nghìn"'s tail.
    package static let table: [VagueQuantity] = [
        .init("hang chuc nghin", 10_000), .init("hang chuc ngan", 10_000), .init("hang chuc van", 100_000),
        .init("hang tram nghin", 100_000), .init("hang tram ngan", 100_000),
        .init("hang chuc", 10), .init("hang tram", 100), .init("hang nghin", 1_000), .init("hang ngan", 1_000),
        .init("hang van", 10_000), .init("hang trieu", 1_000_000),
        .init("vai chuc", 20, exactFirst: "vài"), .init("vai tram", 200, exactFirst: "vài"),
        .init("vai nghin", 2_000, exactFirst: "vài"), .init("vai ngan", 2_000, exactFirst: "vài"),
        .init("may chuc", 20, exactFirst: "mấy"), .init("may tram", 200, exactFirst: "mấy"),
        .init("hon chuc", 10, exactFirst: "hơn"), .init("hon tram", 100, exactFirst: "hơn"),
        .init("chuc", 10, exactFirst: "chục"),
    ].sorted { $0.words.count > $1.words.count }
}
