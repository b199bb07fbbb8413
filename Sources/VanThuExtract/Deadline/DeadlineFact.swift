import VanThuText

// The deadline extractor's fact, beside its rules and examples. Every fact carries its span (`start`,
// `end`: Unicode scalar offsets in the record's NFC `text`) and the id of the rule that produced it.

/// A date by which something must be done.
public struct DeadlineFact: JSONSchemaObject, Sendable, Equatable {
    public var text: String
    /// `YYYY-MM-DD`, `YYYY-MM`, `--MM-DD` (yearly), `---DD` (monthly), or nil for relative deadlines.
    public var due: String?
    /// `yearly`, `monthly` or nil.
    public var recurrence: Recurrence?
    /// What must be done: "báo cáo kết quả", "gửi về …".
    public var action: String?
    /// The unit the result goes to.
    public var to: String?
    /// For relative deadlines (`trong thời hạn 15 ngày kể từ ngày …`): the anchor as written.
    public var anchor: String?
    public var start: Int
    public var end: Int
    public var rule: String

    public init(text: String, due: String?, recurrence: Recurrence? = nil, action: String? = nil, to: String? = nil,
                anchor: String? = nil, start: Int, end: Int, rule: String) {
        self.text = text; self.due = due; self.recurrence = recurrence; self.action = action; self.to = to
        self.anchor = anchor; self.start = start; self.end = end; self.rule = rule
    }

    public static let fields: [JSONField<DeadlineFact>] = [
        .member("text", \.text, default: ""), .optional("due", \.due), .optional("recurrence", \.recurrence),
        .optional("action", \.action), .optional("to", \.to), .optional("anchor", \.anchor),
        .member("start", \.start, default: 0), .member("end", \.end, default: 0), .member("rule", \.rule, default: ""),
    ]

    public static let blank = DeadlineFact(text: "", due: nil, start: 0, end: 0, rule: "")
}

/// How a deadline comes back: `hằng năm` (yearly, `due` is `--MM-DD`), `hằng tháng` (monthly,
/// `due` is `---DD`).
public enum Recurrence: String, Codable, Sendable, CaseIterable, JSONCodable {
    case yearly, monthly
}
