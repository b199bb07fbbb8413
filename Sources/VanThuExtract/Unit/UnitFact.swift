import VanThuText

// The unit extractor's facts (units and people), beside its rules and examples. Every fact
// carries its span (`start`, `end`: Unicode scalar offsets in the record's NFC `text`) and the id
// of the rule that produced it.

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
