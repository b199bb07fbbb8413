import VanThuText

/// Facts an extractor found. Every fact carries its span (`start`, `end`: Unicode scalar offsets in
/// the record's NFC `text`) and the id of the rule that produced it.

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

/// An organisational unit, with every place it is mentioned.
public struct UnitFact: JSONSchemaObject, Sendable, Equatable {
    /// The name as written (first mention).
    public var name: String
    /// Canonical key: NFC, lower case, one tone placement, đ folded, abbreviations expanded.
    public var key: String
    /// `[start, end]` scalar offsets of each mention.
    public var mentions: [[Int]]

    public init(name: String, key: String, mentions: [[Int]]) {
        self.name = name; self.key = key; self.mentions = mentions
    }

    public static let fields: [JSONField<UnitFact>] = [
        .member("name", \.name, default: ""), .member("key", \.key, default: ""), .member("mentions", \.mentions, default: []),
    ]

    public static let blank = UnitFact(name: "", key: "", mentions: [])
}

/// A person named together with a position and (often) a unit.
public struct PersonFact: JSONSchemaObject, Sendable, Equatable {
    public var name: String
    public var position: String?
    public var unit: String?
    public var start: Int
    public var end: Int
    public var rule: String

    public init(name: String, position: String?, unit: String?, start: Int, end: Int, rule: String) {
        self.name = name; self.position = position; self.unit = unit
        self.start = start; self.end = end; self.rule = rule
    }

    public static let fields: [JSONField<PersonFact>] = [
        .member("name", \.name, default: ""), .optional("position", \.position), .optional("unit", \.unit),
        .member("start", \.start, default: 0), .member("end", \.end, default: 0), .member("rule", \.rule, default: ""),
    ]

    public static let blank = PersonFact(name: "", position: nil, unit: nil, start: 0, end: 0, rule: "")
}
