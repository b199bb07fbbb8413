/// A count being built: where its quantity and its "mô hình" are (folded offsets), and what the
/// rules around it found.
struct ModelCountCandidate: Sendable {
    var quantity: ModelCountQuantity
    /// "mô hình" (extended over ", điển hình"), or "tập thể" / "cá nhân" for a holder part.
    var anchor: Range<Int>
    /// After the quoted name that follows the anchor ("mô hình “Dân vận khéo”"), else the anchor's end.
    var nameEnd: Int
    var holder: String?
    /// Index (among candidates) of the total this count is a part of.
    var partOf: Int?
    /// For parts: where the clause of this part starts (after the marker or the previous part).
    var partClauseStart: Int?
    var status = "total"
    var statusIsOwn = false
    var field: String?
    var year: Int?
    var scope: String?
    var recognizedBy: String?
    var breakdownMismatch = false

    init(quantity: ModelCountQuantity, anchor: Range<Int>, nameEnd: Int, holder: String? = nil) {
        self.quantity = quantity
        self.anchor = anchor
        self.nameEnd = nameEnd
        self.holder = holder
    }

    var start: Int { quantity.start }
    var end: Int { anchor.upperBound }
}
