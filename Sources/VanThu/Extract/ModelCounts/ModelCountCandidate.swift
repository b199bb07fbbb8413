/// A count being built: where its quantity and its "mô hình" are (folded offsets), and what the
/// rules around it found.
struct ModelCountCandidate: Sendable {
    var quantity: ModelCountQuantity
    /// "mô hình" (extended over ", điển hình"), or "tập thể" / "cá nhân" for a holder part.
    var anchor: Range<Int>
    /// After the quoted name that follows the anchor ("mô hình “Dân vận khéo”"), else the anchor's end.
    var nameEnd: Int
    var holder: String?
    /// For a count written after its noun ("Tổng số mô hình đăng ký là 215"): the end of the number,
    /// and where the verb before it starts (the clause read for the status ends there).
    var numberEnd: Int?
    var rightLimit: Int?
    /// Index (among candidates) of the total this count is a part of.
    var partOf: Int?
    /// For parts: where the clause of this part starts (after the marker or the previous part).
    var partClauseStart: Int?
    var status = ModelCountStatus.total
    var statusIsOwn = false
    /// Whether the status was read before the number ("đăng ký 54 mô hình …"), so that it may also
    /// govern the counts coordinated after it ("… và 69 mô hình tập thể").
    var statusFromLeft = false
    var field: String?
    /// Whether the count's own words span several fields ("trên các lĩnh vực"): no field is inherited.
    var fieldSeveral = false
    var year: Int?
    /// Where the year came from.
    enum YearSource: Sendable, Equatable {
        /// Nothing said it: the year is nil and may come from a restatement.
        case none
        /// The count's own sentence (a part's own clause) ties it to the year, or says it has none.
        case own
        /// The frame of earlier sentences, or the title.
        case frame
        /// The total a part breaks down.
        case inherited
    }

    var yearSource = YearSource.none
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
    var end: Int { numberEnd ?? anchor.upperBound }
}
