import VanThuText

// The date extractor's facts (dates and periods), beside its rules and examples. Every fact carries its span (`start`,
// `end`: Unicode scalar offsets in the record's NFC `text`) and the id of the rule that produced it.

public enum DatePrecision: String, Codable, Sendable, JSONCodable {
    case day, month, quarter, year
}

/// A calendar date mentioned in the text.
public struct DateFact: JSONSchemaObject, Sendable, Equatable {
    public var text: String
    /// ISO `YYYY-MM-DD`, `YYYY-MM`, `YYYY-Qn` or `YYYY`; nil when the year is unknown.
    public var value: String?
    public var precision: DatePrecision
    public var start: Int
    public var end: Int
    public var rule: String

    public init(text: String, value: String?, precision: DatePrecision, start: Int, end: Int, rule: String) {
        self.text = text; self.value = value; self.precision = precision
        self.start = start; self.end = end; self.rule = rule
    }

    public static let fields: [JSONField<DateFact>] = [
        .member("text", \.text, default: ""), .optional("value", \.value),
        .member("precision", \.precision, default: .day),
        .member("start", \.start, default: 0), .member("end", \.end, default: 0), .member("rule", \.rule, default: ""),
    ]

    public static let blank = DateFact(text: "", value: nil, precision: .day, start: 0, end: 0, rule: "")
}

/// A span of years or dates: `giai đoạn 2015-2020`, `nhiệm kỳ 2020-2025`.
public struct PeriodFact: JSONSchemaObject, Sendable, Equatable {
    public var text: String
    public var from: String
    public var to: String
    public var start: Int
    public var end: Int
    public var rule: String

    public init(text: String, from: String, to: String, start: Int, end: Int, rule: String) {
        self.text = text; self.from = from; self.to = to; self.start = start; self.end = end; self.rule = rule
    }

    public static let fields: [JSONField<PeriodFact>] = [
        .member("text", \.text, default: ""), .member("from", \.from, default: ""), .member("to", \.to, default: ""),
        .member("start", \.start, default: 0), .member("end", \.end, default: 0), .member("rule", \.rule, default: ""),
    ]

    public static let blank = PeriodFact(text: "", from: "", to: "", start: 0, end: 0, rule: "")
}
