/// A count being built: where its quantity and its "mô hình" are (folded offsets), and what the
/// rules around it found.
package struct ModelCountCandidate: Sendable {
    package var quantity: ModelCountQuantity
    /// "mô hình" (extended over ", điển hình"), or "tập thể" / "cá nhân" for a holder part.
    package var anchor: Range<Int>
    /// After the quoted name that follows the anchor ("mô hình “Dân vận khéo”"), else the anchor's end.
    package var nameEnd: Int
    package var holder: String?
    /// For a count written after its noun ("Tổng số mô hình đăng ký là 215"): the end of the number,
    /// and where the verb before it starts (the clause read for the status ends there).
    package var numberEnd: Int?
    package var rightLimit: Int?
    /// Index (among candidates) of the total this count is a part of.
    package var partOf: Int?
    /// For parts: where the clause of this part starts (after the marker or the previous part).
    package var partClauseStart: Int?
    package var status = "total"
    package var statusIsOwn = false
    /// Whether the status was read before the number ("đăng ký 54 mô hình …"), so that it may also
    /// govern the counts coordinated after it ("… và 69 mô hình tập thể").
    package var statusFromLeft = false
    package var field: String?
    /// Whether the count's own words span several fields ("trên các lĩnh vực"): no field is inherited.
    package var fieldSeveral = false
    package var year: Int?
    /// Where the year came from.
    package enum YearSource: Sendable, Equatable {
        /// Nothing said it: the year is nil and may come from a restatement.
        case none
        /// The count's own sentence (a part's own clause) ties it to the year, or says it has none.
        case own
        /// The frame of earlier sentences, or the title.
        case frame
        /// The total a part breaks down.
        case inherited
    }

    package var yearSource = YearSource.none
    package var scope: String?
    package var recognizedBy: String?
    package var breakdownMismatch = false

    package init(quantity: ModelCountQuantity, anchor: Range<Int>, nameEnd: Int, holder: String? = nil) {
        self.quantity = quantity
        self.anchor = anchor
        self.nameEnd = nameEnd
        self.holder = holder
    }

    package var start: Int { quantity.start }
    package var end: Int { numberEnd ?? anchor.upperBound }
}
