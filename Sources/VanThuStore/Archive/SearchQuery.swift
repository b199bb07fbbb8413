import VanThuText
import VanThuExtract

/// A researcher's search: words and "quoted phrases", found without regard to diacritics
/// ("dan van kheo" finds "Dân vận khéo", đ included), with filters.
public struct SearchQuery: Sendable, Equatable {
    public var text: String
    public var unit: String?
    /// ISO date, month or year; inclusive.
    public var from: String?
    public var to: String?
    public var kind: DocumentKind?
    /// `economy`, `culture-society`, `defense-security`, `politics`.
    public var field: String?
    public var hasDeadline = false
    /// Documents with a dated deadline before this ISO date.
    public var deadlineBefore: String?
    public var limit = 20

    public init(text: String, unit: String? = nil, from: String? = nil, to: String? = nil, kind: DocumentKind? = nil,
                field: String? = nil, hasDeadline: Bool = false, deadlineBefore: String? = nil, limit: Int = 20) {
        self.text = text; self.unit = unit; self.from = from; self.to = to; self.kind = kind; self.field = field
        self.hasDeadline = hasDeadline; self.deadlineBefore = deadlineBefore; self.limit = limit
    }

    public static let fields = ["economy", "culture-society", "defense-security", "politics"]

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case nothingToSearch
        case badDate(option: String, value: String)
        case badField(String)
        case badLimit(Int)
        case longUnit(Int)

        public var description: String {
            switch self {
            case .nothingToSearch:
                return "nothing to search for: the query has no letters or digits (give words, \"a phrase\", or a filter such as --kind)"
            case .badDate(let option, let value): return "\(option) \(value): expected a real date as YYYY, YYYY-MM or YYYY-MM-DD"
            case .badField(let value): return "--field \(value): valid fields are \(fields.joined(separator: ", "))"
            case .badLimit(let value): return "--limit \(value): expected a number from 1 to 10000"
            case .longUnit(let length): return "--unit: \(length) characters; a unit's name is at most \(SearchQuery.maximumUnitCharacters)"
            }
        }
    }

    /// A query is bounded, so that any query is answered within a second: at most this many
    /// words (in all its terms and phrases) …
    public static let maximumWords = 32
    /// … read from at most this many bytes of the query text.
    public static let maximumBytes = 2048
    /// The longest `--unit` (a name, matched as a LIKE pattern SQLite bounds).
    public static let maximumUnitCharacters = 300

    /// The query's words beyond `maximumWords`, or its bytes beyond `maximumBytes`, are left out;
    /// the command says so.
    public var wasCut: Bool {
        if text.utf8.count > Self.maximumBytes { return true }
        return Self.parse(text, limit: Int.max).reduce(0) { $0 + $1.count } > Self.maximumWords
    }

    /// The terms of the query, folded: each is one word or a phrase of several. The same term
    /// given twice counts once; words past the bounds are left out.
    public var terms: [[String]] { Self.parse(Self.bounded(text), limit: Self.maximumWords) }

    /// The text's first `maximumBytes` (a character cut in two becomes U+FFFD, which is no word).
    package static func bounded(_ text: String) -> String {
        guard text.utf8.count > maximumBytes else { return text }
        return String(decoding: text.utf8.prefix(maximumBytes), as: UTF8.self)
    }

    package static func parse(_ text: String, limit: Int) -> [[String]] {
        var terms: [[String]] = []
        var seen = Set<[String]>()
        var words = 0
        var current = ""
        var inQuotes = false
        func add(_ term: [String]) {
            guard words < limit, seen.insert(term).inserted else { return }
            let term = Array(term.prefix(limit - words))
            words += term.count
            terms.append(term)
        }
        func flush(_ phrase: Bool) {
            let tokens = Self.tokens(current)
            current = ""
            guard !tokens.isEmpty else { return }
            if phrase { add(tokens) } else { for token in tokens { add([token]) } }
        }
        for character in text {
            if character == "\"" || character == "“" || character == "”" {
                flush(inQuotes)
                inQuotes.toggle()
            } else {
                current.append(character)
            }
        }
        flush(inQuotes)  // an unclosed quote: the rest is a phrase
        return terms
    }

    /// Letters and digits of `text`, folded (lower case, no diacritics, đ → d), as tokens.
    package static func tokens(_ text: String) -> [String] {
        VietnameseFolding.searchFold(text).split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).map(String.init)
    }

    /// The FTS5 MATCH expression: every term quoted, so nothing the user types is FTS syntax.
    public var matchExpression: String? {
        let parts = terms.map { "\"" + $0.joined(separator: " ") + "\"" }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    public var hasFilters: Bool {
        unit != nil || from != nil || to != nil || kind != nil || field != nil || hasDeadline || deadlineBefore != nil
    }

    public func validate() throws(Problem) {
        if matchExpression == nil && !hasFilters { throw .nothingToSearch }
        for (option, value) in [("--from", from), ("--to", to), ("--deadline-before", deadlineBefore)] {
            if let value, !Self.isISODate(value) { throw .badDate(option: option, value: value) }
        }
        if let field, !Self.fields.contains(field) { throw .badField(field) }
        if limit < 1 || limit > 10_000 { throw .badLimit(limit) }
        if let unit, unit.count > Self.maximumUnitCharacters { throw .longUnit(unit.count) }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a date that exists: month 01–12, the day within
    /// its month (29 February in leap years only).
    public static func isISODate(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy({ $0.isASCII && $0.isNumber }) }) else { return false }
        guard parts.dropFirst().allSatisfy({ $0.count == 2 }) else { return false }
        let numbers = parts.map { Int($0)! }
        if numbers.count >= 2, !(1...12).contains(numbers[1]) { return false }
        if numbers.count == 3 {
            let year = numbers[0], month = numbers[1]
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            if !(1...days).contains(numbers[2]) { return false }
        }
        return true
    }
}

/// One search result.
public struct SearchHit: Sendable, Equatable, JSONWritable {
    public var id: String
    public var path: String
    public var title: String?
    public var date: String?
    public var kind: String
    /// Text around the first match, the matched words between « and ».
    public var snippet: String
    public var gone: Bool
    /// The snippet without marks (what JSON and CSV give: marks would land inside their values).
    public var plainSnippet: String
    /// The matched texts of the snippet, in order (JSON's `matches`).
    public var matches: [String]

    public init(id: String, path: String, title: String?, date: String?, kind: String, snippet: String, gone: Bool,
                plainSnippet: String? = nil, matches: [String] = []) {
        self.id = id; self.path = path; self.title = title; self.date = date; self.kind = kind; self.snippet = snippet
        self.gone = gone; self.plainSnippet = plainSnippet ?? snippet; self.matches = matches
    }

    /// As JSON: `snippet` is plain text; `matches` lists the words in it that matched the query.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id); w.field("path", path); w.field("title", title); w.field("date", date); w.field("kind", kind)
        w.field("snippet", plainSnippet)
        w.field("matches", matches)
        if gone { w.field("gone", true) }
        w.endObject()
    }
}
