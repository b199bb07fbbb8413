/// The words that say what happened to the counted models: `đăng ký` → registered, `công nhận` →
/// recognized … One row per phrase; when several rows fire around one count, the status earliest
/// in `priority` wins ("đăng ký xây dựng 89 mô hình" is registered, not built).
package struct ModelCountStatusRule: Sendable {
    package enum Placement: Sendable {
        /// Anywhere in the count's clause, before or after the number.
        case clause
        /// Only right after "mô hình" (and its quoted name): "20 mô hình mới".
        case afterAnchor
        /// Only right before the number, with `tổng số` / `tổng cộng` between: "toàn xã có 40 mô
        /// hình", "có tổng số 212 mô hình". Never for a breakdown's part ("trong đó có 20 …").
        case beforeNumber
    }

    /// How strongly the row decides, when several fire around one count.
    package enum Weight: Sendable {
        /// By its status's place in `priority`.
        case normal
        /// Before every status but delta and target: "nâng tổng số mô hình được xây dựng lên 50".
        case strong
        /// Only when nothing else fires: the existential "có".
        case weak
    }

    package let folded: String
    /// The phrase as written (lower case), when its folded form is ambiguous.
    package let exact: String?
    package let status: ModelCountStatus
    package let placement: Placement
    /// A phrase that must also occur in the sentence ("tăng 15 mô hình so với năm 2016").
    package let requires: FoldedPhraseTable<Bool>?
    /// Words that must not follow the phrase ("tăng lên 50 mô hình" is a new total, not a delta).
    package let notFollowedBy: FoldedPhraseTable<Bool>
    /// Whether the phrase may be capitalised mid-sentence ("tặng Bằng khen"); other phrases are
    /// then part of a unit's name ("Hội đồng Thi đua – Khen thưởng").
    package let capitalised: Bool
    package let weight: Weight

    package init(_ folded: String, _ status: ModelCountStatus, exact: String? = nil, placement: Placement = .clause,
         requires: String? = nil, notFollowedBy: [String] = [], capitalised: Bool = false, weight: Weight = .normal) {
        self.weight = weight
        self.folded = folded
        self.exact = exact
        self.status = status
        self.placement = placement
        self.requires = requires.map { FoldedPhraseTable(modelCount: [($0, true)]) }
        self.notFollowedBy = FoldedPhraseTable(modelCount: notFollowedBy.map { ($0, true) })
        self.capitalised = capitalised
    }

    /// Words that deny the status after them ("chưa được công nhận", "không còn hoạt động", "kém
    /// hiệu quả"), as written; up to two words ("được", "còn") may stand between.
    package static let negators: Set<String> = ["không", "chưa", "kém", "thiếu", "chẳng", "ít"]

    /// A negator followed by one of these is no negation ("không ngừng nhân rộng").
    package static let notNegating: Set<String> = ["ngừng", "chỉ"]

    /// Statuses from the most to the least telling.
    package static let priority: [ModelCountStatus] = [
        .delta, .target, .registered, .recognized, .commended, .replicated, .new, .built, .existing, .effective,
    ]

    package static func rank(_ status: ModelCountStatus) -> Int { priority.firstIndex(of: status) ?? priority.count }

    /// This row's rank among the rows that fire around one count (lower wins).
    package var rank: Int {
        switch weight {
        case .normal: return Self.rank(status) * 10
        case .strong: return Self.rank(.registered) * 10 - 5
        case .weak: return Self.weakRank
        }
    }

    /// The rank of a weak row (the existential `có`).
    package static let weakRank = 10_000

    /// Words (as written, lower case) after which a `beforeNumber` row is the end of another
    /// word: `củng cố 203 mô hình` (consolidate), whose `cố` reads like `có` once vowel shapes go.
    package static let notAfter: [String: Set<String>] = ["co": ["củng"]]

    /// Words that may stand between `có` and the number: "có tổng số 212 mô hình".
    package static let beforeNumberFillers: Set<String> = ["tổng", "số", "cộng"]

    package static let table: [ModelCountStatusRule] = [
        // delta: a change against an earlier figure
        .init("tang", .delta, exact: "tăng", requires: "so voi", notFollowedBy: ["len"]),
        .init("tang them", .delta, exact: "tăng thêm", requires: "so voi"),
        .init("giam", .delta, exact: "giảm", requires: "so voi", notFollowedBy: ["xuong"]),
        .init("tang", .delta, exact: "tăng", placement: .beforeNumber),
        .init("giam", .delta, exact: "giảm", placement: .beforeNumber),
        // target: what is planned (`ít nhất 1 mô hình` is a quota too: `CountQualifier.quota`)
        .init("chi tieu", .target, exact: "chỉ tiêu"),
        .init("phan dau", .target, exact: "phấn đấu"),
        .init("muc tieu", .target, exact: "mục tiêu"),
        .init("du kien", .target, exact: "dự kiến"),
        // registered
        .init("dang ky", .registered),
        .init("dang ki", .registered),
        // recognized
        .init("cong nhan", .recognized, exact: "công nhận"),
        .init("cap giay chung nhan", .recognized, exact: "cấp giấy chứng nhận"),
        .init("chung nhan", .recognized, exact: "chứng nhận"),
        // commended
        .init("khen thuong", .commended),
        .init("bieu duong", .commended, exact: "biểu dương"),
        .init("tuyen duong", .commended, exact: "tuyên dương"),
        .init("ton vinh", .commended, exact: "tôn vinh"),
        .init("vinh danh", .commended),
        .init("bang khen", .commended, exact: "bằng khen", capitalised: true),
        .init("giay khen", .commended, exact: "giấy khen", capitalised: true),
        // replicated
        .init("nhan rong", .replicated),
        // new
        .init("xay moi", .new, exact: "xây mới"),
        .init("xay dung moi", .new, exact: "xây dựng mới"),
        .init("moi xay dung", .new, exact: "mới xây dựng"),
        .init("thanh lap moi", .new, exact: "thành lập mới"),
        .init("phat trien moi", .new, exact: "phát triển mới"),
        .init("moi", .new, exact: "mới", placement: .afterAnchor),
        // built
        .init("xay dung", .built),
        .init("thuc hien", .built, exact: "thực hiện"),
        .init("trien khai", .built, exact: "triển khai"),
        // not "thành lập" alone (nor "hình thành", "ra mắt"): establishing is no status cue, the
        // count is a total ("thành lập mới" is new).
        // existing: a stock at a moment
        .init("nang tong so", .existing, exact: "nâng tổng số", weight: .strong),
        .init("tang len", .existing, exact: "tăng lên"),
        .init("nang len", .existing, exact: "nâng lên"),
        .init("giam xuong", .existing, exact: "giảm xuống"),
        .init("co", .existing, exact: "có", placement: .beforeNumber, weight: .weak),
        .init("duy tri", .existing),
        .init("hien co", .existing, exact: "hiện có"),
        .init("dang hoat dong", .existing, exact: "đang hoạt động"),
        .init("con hoat dong", .existing, exact: "còn hoạt động"),
        // effective
        .init("hieu qua", .effective, exact: "hiệu quả"),
    ]

    /// The rows by phrase: where several fit, the longest is read ("tăng thêm" over "tăng").
    package static let phrases = FoldedPhraseTable<ModelCountStatusRule>(modelCount: table.map { ($0.folded, $0) })
}
