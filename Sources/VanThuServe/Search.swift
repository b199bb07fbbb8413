import VanThuExtract
import VanThuStore
import VanThuText

/// A search as the page and `/api/search` take it from the query string.
struct SearchParameters: Equatable {
    static let names: Set<String> = ["q", "kind", "year", "from", "to", "unit", "field", "deadline", "page", "size"]
    static let maximumSize = 100
    /// How deep paging goes (`page * size`): a search is for the best hits, not for walking the archive.
    static let maximumDepth = 1000

    var q: String?
    var kind: DocumentKind?
    var year: String?
    var from: String?
    var to: String?
    var unit: String?
    var field: String?
    var deadline = false
    var page = 1
    var size = 20

    init(q: String? = nil, kind: DocumentKind? = nil, year: String? = nil, unit: String? = nil, field: String? = nil, deadline: Bool = false) {
        self.q = q; self.kind = kind; self.year = year; self.unit = unit; self.field = field; self.deadline = deadline
    }

    init(_ query: QueryParameters) throws(RequestProblem) {
        // Characters as JSON Schema counts them (code points), as sent (before trimming); past its
        // first 2 KB the store cuts a search and the page says so.
        if let sent = query["q"], sent.unicodeScalars.count > Self.maximumQueryCharacters {
            throw .badRequest("q: \(sent.unicodeScalars.count) characters; a search is at most \(Self.maximumQueryCharacters)")
        }
        q = query.trimmed("q")
        if let value = try query.nonEmpty("kind") {
            guard let kind = DocumentKind(rawValue: value) else {
                throw .badRequest("kind: \"\(Self.shown(value))\" is not a kind; kinds are \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self.kind = kind
        }
        if let value = try query.nonEmpty("year") {
            guard value.count == 4, value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .badRequest("year: \"\(Self.shown(value))\" is not a year (four digits)")
            }
            year = value
        }
        for name in ["from", "to"] {
            guard let value = try query.nonEmpty(name) else { continue }
            guard SearchQuery.isISODate(value) else {
                throw .badRequest("\(name): \"\(Self.shown(value))\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            if name == "from" { from = value } else { to = value }
        }
        if let sent = query["unit"], sent.unicodeScalars.count > SearchQuery.maximumUnitCharacters {
            throw .badRequest("unit: \(sent.unicodeScalars.count) characters; a unit's name is at most \(SearchQuery.maximumUnitCharacters)")
        }
        if let value = query.trimmed("unit") {
            unit = value
        }
        if let value = try query.nonEmpty("field") {
            guard SearchQuery.fields.contains(value) else {
                throw .badRequest("field: \"\(Self.shown(value))\" is not a field; fields are \(SearchQuery.fields.joined(separator: ", "))")
            }
            field = value
        }
        if let value = try query.nonEmpty("deadline") {
            switch value {
            case "1", "true": deadline = true
            case "0", "false": deadline = false
            default: throw .badRequest("deadline: \"\(Self.shown(value))\" is not 1, true, 0 or false")
            }
        }
        page = try Self.number(query, "page", default: 1, range: 1...Self.maximumDepth)
        size = try Self.number(query, "size", default: 20, range: 1...Self.maximumSize)
    }

    static let maximumQueryCharacters = 2048

    /// Past `maximumDepth` a page is empty (with the total and a note): a search is for the best
    /// hits, not for walking the archive.
    var isTooDeep: Bool { page * size > Self.maximumDepth }

    static func number(_ query: QueryParameters, _ name: String, default value: Int, range: ClosedRange<Int>) throws(RequestProblem) -> Int {
        guard let text = try query.nonEmpty(name) else { return value }
        guard text.count <= 6, let number = Int(text), range.contains(number) else {
            throw .badRequest("\(name): \"\(shown(text))\" is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    static func shown(_ value: String) -> String { value.count > 40 ? String(value.prefix(40)) + "…" : value }

    /// Nothing asked: the page shows the empty form.
    var isEmpty: Bool { q == nil && kind == nil && year == nil && from == nil && to == nil && unit == nil && field == nil && !deadline }

    /// The store's query for the first `page * size` hits.
    var storeQuery: SearchQuery {
        SearchQuery(text: q ?? "", unit: unit, from: from ?? year, to: to ?? year, kind: kind, field: field,
                    hasDeadline: deadline, limit: page * size)
    }

    /// The query string that reproduces this search (the shareable address), with changes.
    func parameters(page: Int? = nil, kind: DocumentKind?? = nil, year: String?? = nil, unit: String?? = nil,
                    field: String?? = nil, deadline: Bool? = nil) -> [(String, String?)] {
        let page = page ?? self.page
        return [
            ("q", q), ("kind", (kind ?? self.kind)?.rawValue), ("year", year ?? self.year), ("from", from), ("to", to),
            ("unit", unit ?? self.unit), ("field", field ?? self.field), ("deadline", (deadline ?? self.deadline) ? "1" : nil),
            ("page", page > 1 ? String(page) : nil), ("size", size != 20 ? String(size) : nil),
        ]
    }
}

/// What a search found: one page of hits, the total and the facets.
struct SearchOutcome {
    struct Hit {
        var hit: SearchHit
        var units: [String]
    }

    var parameters: SearchParameters
    var hits: [Hit]
    var facets: SearchFacets
    /// Folded unit name → the name shown.
    var unitNames: [String: String]
    var cut: Bool
    /// Why there are no hits although the request was sound: nothing to search for (only
    /// punctuation), or a page past the depth searches go to.
    var note: String?

    var total: Int { facets.total }
    var first: Int { hits.isEmpty ? 0 : (parameters.page - 1) * parameters.size + 1 }
    var last: Int { hits.isEmpty ? 0 : first + hits.count - 1 }
    var pages: Int { min((total + parameters.size - 1) / parameters.size, SearchParameters.maximumDepth / parameters.size) }

    static func run(_ parameters: SearchParameters, archive: ServedArchive) throws -> SearchOutcome {
        let store = try archive.store()
        var query = parameters.storeQuery
        guard query.matchExpression != nil || query.hasFilters else {
            return SearchOutcome(parameters: parameters, hits: [], facets: SearchFacets(), unitNames: [:], cut: false,
                                 note: "Không có gì để tìm: hãy gõ từ (chữ hoặc số) hoặc chọn bộ lọc (nothing to search for).")
        }
        let tooDeep = parameters.isTooDeep
        if tooDeep { query.limit = 1 }
        do {
            let facets = try store.searchFacets(query, unitLimit: 12)
            let all = tooDeep ? [] : try store.search(query)
            let digest = archive.readyDigest()
            let hits = all.dropFirst((parameters.page - 1) * parameters.size).map { hit in
                Hit(hit: hit, units: Array((digest?.documents[hit.id]?.units ?? []).prefix(3)))
            }
            var names: [String: String] = [:]
            for unit in facets.units { names[unit.value] = digest?.unitNameByFolded[unit.value] ?? unit.value }
            return SearchOutcome(parameters: parameters, hits: hits, facets: facets, unitNames: names, cut: query.wasCut,
                                 note: tooDeep ? "Kết quả chỉ xem được đến \(SearchParameters.maximumDepth) văn bản đầu; hãy thu hẹp tìm kiếm (results go \(SearchParameters.maximumDepth) deep)." : nil)
        } catch let problem as SearchQuery.Problem {
            throw RequestProblem.badRequest(problem.description.replacingOccurrences(of: "--", with: ""))
        } catch let problem as ArchiveStore.StoreProblem {
            throw RequestProblem(503, problem.description)
        }
    }
}

/// A snippet with its matches marked: the plain text, and the matched texts in order (as the
/// store gives them), each wrapped in `<mark>` and everything escaped. (The « » marks of the
/// store's own snippet are not used: a document may hold those characters.)
func markedSnippet(_ plain: String, matches: [String]) -> String {
    var out = ""
    var rest = plain[...]
    for match in matches where !match.isEmpty {
        guard let range = rest.range(of: match) else { continue }
        out += HTML.escape(String(rest[..<range.lowerBound]))
        out += "<mark>" + HTML.escape(String(rest[range])) + "</mark>"
        rest = rest[range.upperBound...]
    }
    return out + HTML.escape(String(rest))
}
