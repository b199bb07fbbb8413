import VanThuText

/// Facts an extractor found. Every fact carries its span (`start`, `end`: Unicode scalar offsets in
/// the record's NFC `text`) and the id of the rule that produced it.

public enum DatePrecision: String, Codable, Sendable, JSONWritable {
    case day, month, quarter, year
    public func write(to writer: inout JSONWriter) { writer.string(rawValue) }
}

/// A calendar date mentioned in the text.
public struct DateFact: Codable, Sendable, Equatable, JSONWritable {
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

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("text", text); w.field("value", value); w.field("precision", precision)
        w.field("start", start); w.field("end", end); w.field("rule", rule)
        w.endObject()
    }
}

/// A span of years or dates: `giai đoạn 2015-2020`, `nhiệm kỳ 2020-2025`.
public struct PeriodFact: Codable, Sendable, Equatable, JSONWritable {
    public var text: String
    public var from: String
    public var to: String
    public var start: Int
    public var end: Int
    public var rule: String

    public init(text: String, from: String, to: String, start: Int, end: Int, rule: String) {
        self.text = text; self.from = from; self.to = to; self.start = start; self.end = end; self.rule = rule
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("text", text); w.field("from", from); w.field("to", to)
        w.field("start", start); w.field("end", end); w.field("rule", rule)
        w.endObject()
    }
}

/// A date by which something must be done.
public struct DeadlineFact: Codable, Sendable, Equatable, JSONWritable {
    public var text: String
    /// `YYYY-MM-DD`, `YYYY-MM`, `--MM-DD` (yearly), `---DD` (monthly), or nil for relative deadlines.
    public var due: String?
    /// `yearly`, `monthly` or nil.
    public var recurrence: String?
    /// What must be done: "báo cáo kết quả", "gửi về …".
    public var action: String?
    /// The unit the result goes to.
    public var to: String?
    /// For relative deadlines (`trong thời hạn 15 ngày kể từ ngày …`): the anchor as written.
    public var anchor: String?
    public var start: Int
    public var end: Int
    public var rule: String

    public init(text: String, due: String?, recurrence: String? = nil, action: String? = nil, to: String? = nil,
                anchor: String? = nil, start: Int, end: Int, rule: String) {
        self.text = text; self.due = due; self.recurrence = recurrence; self.action = action; self.to = to
        self.anchor = anchor; self.start = start; self.end = end; self.rule = rule
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("text", text); w.field("due", due); w.field("recurrence", recurrence)
        w.field("action", action); w.field("to", to); w.field("anchor", anchor)
        w.field("start", start); w.field("end", end); w.field("rule", rule)
        w.endObject()
    }
}

/// A count of "mô hình" (models).
public struct ModelCountFact: Codable, Sendable, Equatable, JSONWritable {
    public var text: String
    /// The exact count, or nil for vague quantities (`hàng trăm mô hình`).
    public var count: Int?
    public var approximate: Bool
    /// For vague or qualified quantities: the lower bound (`hàng trăm` → 100, `trên 50` → 50).
    public var lowerBound: Int?
    /// For `gần 50`, `không quá 50`: the upper bound.
    public var upperBound: Int?
    /// `registered`, `recognized`, `replicated`, `new`, `built`, `existing`, `effective`,
    /// `commended`, `target`, `delta`, `total`.
    public var status: String
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
                status: String = "total", field: String? = nil, year: Int? = nil, scope: String? = nil,
                recognizedBy: String? = nil, holder: String? = nil, partOf: Int? = nil,
                breakdownMismatch: Bool = false, start: Int, end: Int, rule: String) {
        self.text = text; self.count = count; self.approximate = approximate
        self.lowerBound = lowerBound; self.upperBound = upperBound; self.status = status
        self.field = field; self.year = year; self.scope = scope; self.recognizedBy = recognizedBy
        self.holder = holder; self.partOf = partOf; self.breakdownMismatch = breakdownMismatch
        self.start = start; self.end = end; self.rule = rule
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("text", text); w.field("count", count); w.field("approximate", approximate)
        w.field("lowerBound", lowerBound); w.field("upperBound", upperBound)
        w.field("status", status); w.field("field", field); w.field("year", year); w.field("scope", scope)
        w.field("recognizedBy", recognizedBy); w.field("holder", holder); w.field("partOf", partOf)
        w.field("breakdownMismatch", breakdownMismatch)
        w.field("start", start); w.field("end", end); w.field("rule", rule)
        w.endObject()
    }
}

/// Another document cited by number and symbol.
public struct ReferenceFact: Codable, Sendable, Equatable, JSONWritable {
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

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("text", text); w.field("id", id); w.field("type", type); w.field("date", date)
        w.field("issuer", issuer); w.field("start", start); w.field("end", end); w.field("rule", rule)
        w.endObject()
    }
}

/// An organisational unit, with every place it is mentioned.
public struct UnitFact: Codable, Sendable, Equatable, JSONWritable {
    /// The name as written (first mention).
    public var name: String
    /// Canonical key: NFC, lower case, one tone placement, đ folded, abbreviations expanded.
    public var key: String
    /// `[start, end]` scalar offsets of each mention.
    public var mentions: [[Int]]

    public init(name: String, key: String, mentions: [[Int]]) {
        self.name = name; self.key = key; self.mentions = mentions
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("name", name); w.field("key", key); w.field("mentions", mentions)
        w.endObject()
    }
}

/// A person named together with a position and (often) a unit.
public struct PersonFact: Codable, Sendable, Equatable, JSONWritable {
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

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("name", name); w.field("position", position); w.field("unit", unit)
        w.field("start", start); w.field("end", end); w.field("rule", rule)
        w.endObject()
    }
}
