import VanThuText

// The model-count extractor's fact, beside its rules and examples. Every fact carries its span (`start`,
// `end`: Unicode scalar offsets in the record's NFC `text`) and the id of the rule that produced it.

/// What happened to the models a `ModelCountFact` counts.
public enum ModelCountStatus: String, Codable, Sendable, CaseIterable, JSONCodable {
    case registered, recognized, replicated, new, built, existing, effective, commended, target
    /// A change against an earlier figure ("tăng 15 mô hình so với năm 2016").
    case delta
    /// Nothing says more than that they exist.
    case total
}

/// A count of "mô hình" (models).
public struct ModelCountFact: JSONSchemaObject, Sendable, Equatable {
    public var text: String
    /// The exact count, or nil for vague quantities (`hàng trăm mô hình`).
    public var count: Int?
    public var approximate: Bool
    /// For vague or qualified quantities: the lower bound (`hàng trăm` → 100, `trên 50` → 50).
    public var lowerBound: Int?
    /// For `gần 50`, `không quá 50`: the upper bound.
    public var upperBound: Int?
    public var status: ModelCountStatus
    /// `economy`, `culture-society`, `defense-security`, `politics` or nil.
    public var field: String?
    public var year: Int?
    public var scope: String?
    /// The unit that recognised the models (`được Ban Dân vận Tỉnh ủy công nhận`).
    public var recognizedBy: String?
    /// `individual`, `collective` or nil.
    public var holder: String?
    /// Index (in this record's `modelCounts`) of the total this count is a part of.
    public var partOf: Int?
    /// Set on a total whose breakdown parts do not add up to it.
    public var breakdownMismatch: Bool
    public var start: Int
    public var end: Int
    public var rule: String

    public init(text: String, count: Int?, approximate: Bool = false, lowerBound: Int? = nil, upperBound: Int? = nil,
                status: ModelCountStatus = .total, field: String? = nil, year: Int? = nil, scope: String? = nil,
                recognizedBy: String? = nil, holder: String? = nil, partOf: Int? = nil,
                breakdownMismatch: Bool = false, start: Int, end: Int, rule: String) {
        self.text = text; self.count = count; self.approximate = approximate
        self.lowerBound = lowerBound; self.upperBound = upperBound; self.status = status
        self.field = field; self.year = year; self.scope = scope; self.recognizedBy = recognizedBy
        self.holder = holder; self.partOf = partOf; self.breakdownMismatch = breakdownMismatch
        self.start = start; self.end = end; self.rule = rule
    }

    public static let fields: [JSONField<ModelCountFact>] = [
        .member("text", \.text, default: ""), .optional("count", \.count),
        .member("approximate", \.approximate, default: false),
        .optional("lowerBound", \.lowerBound), .optional("upperBound", \.upperBound),
        .member("status", \.status, default: .total), .optional("field", \.field), .optional("year", \.year),
        .optional("scope", \.scope), .optional("recognizedBy", \.recognizedBy), .optional("holder", \.holder),
        .optional("partOf", \.partOf), .member("breakdownMismatch", \.breakdownMismatch, default: false),
        .member("start", \.start, default: 0), .member("end", \.end, default: 0), .member("rule", \.rule, default: ""),
    ]

    public static let blank = ModelCountFact(text: "", count: nil, start: 0, end: 0, rule: "")
}
