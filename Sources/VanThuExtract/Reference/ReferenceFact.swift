import VanThuText

// The reference extractor's fact, beside its rules and examples. Every fact carries its span (`start`,
// `end`: Unicode scalar offsets in the record's NFC `text`) and the id of the rule that produced it.

/// Another document cited by number and symbol.
public struct ReferenceFact: JSONSchemaObject, Sendable, Equatable {
    public var text: String
    /// Number and symbol without spaces: `06-KH/BCĐ`, `04/2015/NĐ-CP`.
    public var id: String
    /// `Kế hoạch`, `Nghị định` … when written or known from the type code.
    public var type: String?
    public var date: String?
    public var issuer: String?
    public var start: Int
    public var end: Int
    public var rule: String

    public init(text: String, id: String, type: String?, date: String?, issuer: String?, start: Int, end: Int, rule: String) {
        self.text = text; self.id = id; self.type = type; self.date = date; self.issuer = issuer
        self.start = start; self.end = end; self.rule = rule
    }

    public static let fields: [JSONField<ReferenceFact>] = [
        .member("text", \.text, default: ""), .member("id", \.id, default: ""), .optional("type", \.type),
        .optional("date", \.date), .optional("issuer", \.issuer),
        .member("start", \.start, default: 0), .member("end", \.end, default: 0), .member("rule", \.rule, default: ""),
    ]

    public static let blank = ReferenceFact(text: "", id: "", type: nil, date: nil, issuer: nil, start: 0, end: 0, rule: "")
}
