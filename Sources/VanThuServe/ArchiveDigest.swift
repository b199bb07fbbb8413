import Foundation
import VanThuExtract
import VanThuStore
import VanThuText

/// The archive-wide tables the pages need, built from the records' summaries once per store
/// generation: the unit registry, the document numbers (so a reference to an archived document
/// becomes a link), the deadlines with their action and receiving unit, and the model counts by
/// year and status.
public final class ArchiveDigest: @unchecked Sendable {
    public let generation: Int64
    /// The store it was read from (a store opened again is another digest).
    let store: any RecordStore

    public struct DocumentLine: Sendable {
        public var id: String
        public var title: String?
        public var date: String?
        public var kind: DocumentKind
        public var number: String?
        /// Unit names, the most mentioned first.
        public var units: [String]
    }

    public struct Unit: Sendable {
        public var key: String
        /// The name shown: the variant mentioned most often.
        public var name: String
        public var names: [String]
        public var documents: [String]
        public var mentions: Int
    }

    public struct Deadline: Sendable {
        public var due: String?
        public var recurrence: String?
        public var text: String
        public var action: String?
        public var to: String?
        public var documentId: String
        /// The next date it falls on, from `today` (yearly and monthly ones too); nil when undated.
        public var next: String?
    }

    public struct CountCell: Sendable, Equatable {
        /// A year, or "" when the count has none.
        public var year: String
        public var status: String
        public var count: Int
        public var facts: Int
        public var documents: Int
    }

    public let documents: [String: DocumentLine]
    public let units: [String: Unit]
    /// Units sorted by documents, then mentions, then name.
    public let unitOrder: [String]
    /// A folded unit name (as the search facets give it) to the name shown.
    public let unitNameByFolded: [String: String]
    /// A folded unit name to its key.
    public let unitKeyByFolded: [String: String]
    /// A document number, normalised by `numberKey`, to the id of the archived document that bears it.
    public let documentByNumber: [String: String]
    public let deadlines: [Deadline]
    /// Exact totals of model counts (breakdown parts and approximate ones left out), by year and status.
    public let counts: [CountCell]
    /// Model counts whose scope or holder names a unit, by unit key: (document id, fact).
    public let modelCountsByUnit: [String: [(String, ModelCountFact)]]
    /// The day the deadlines were split into upcoming and past.
    public let today: String

    init(store: any RecordStore, generation: Int64, today: String = ArchiveDigest.isoToday()) throws {
        self.store = store
        self.generation = generation
        self.today = today
        var consolidator = Consolidator()
        var documents: [String: DocumentLine] = [:]
        var byNumber: [String: String] = [:]
        var withDeadlines: [String] = []
        var cells: [String: (count: Int, facts: Int, documents: Set<String>)] = [:]
        var summaries: [RecordSummary] = []
        try store.forEachRecord { summary, _ in
            consolidator.add(summary)
            let units = summary.units.sorted { ($0.mentions, $1.name) > ($1.mentions, $0.name) }.map(\.name)
            documents[summary.id] = DocumentLine(id: summary.id, title: summary.title, date: summary.date, kind: summary.kind,
                                                 number: summary.number, units: units)
            if let number = summary.number, !number.isEmpty {
                let key = Self.numberKey(number)
                if let existing = byNumber[key], existing < summary.id { } else { byNumber[key] = summary.id }
            }
            if !summary.deadlines.isEmpty { withDeadlines.append(summary.id) }
            for fact in summary.modelCounts where fact.partOf == nil && !fact.approximate {
                guard let count = fact.count else { continue }
                let key = (fact.year.map(String.init) ?? "") + "\u{1F}" + fact.status.rawValue
                var cell = cells[key] ?? (0, 0, [])
                cell.count.saturatingAdd(count)
                cell.facts += 1
                cell.documents.insert(summary.id)
                cells[key] = cell
            }
            if !summary.modelCounts.isEmpty { summaries.append(summary) }
        }
        var units: [String: Unit] = [:]
        var nameByFolded: [String: String] = [:]
        var keyByFolded: [String: String] = [:]
        for (key, entry) in consolidator.units {
            let names = entry.names.sorted()
            let name = names.first ?? key
            units[key] = Unit(key: key, name: name, names: names, documents: entry.documents.sorted(), mentions: entry.mentions)
            for variant in names {
                let folded = VietnameseFolding.searchFold(variant)
                if nameByFolded[folded] == nil || variant < nameByFolded[folded]! { nameByFolded[folded] = variant }
                if keyByFolded[folded] == nil || key < keyByFolded[folded]! { keyByFolded[folded] = key }
            }
        }
        var countsByUnit: [String: [(String, ModelCountFact)]] = [:]
        for summary in summaries {
            for fact in summary.modelCounts {
                var keys = Set<String>()
                for name in [fact.scope, fact.holder].compactMap({ $0 }) {
                    if let key = keyByFolded[VietnameseFolding.searchFold(name)] { keys.insert(key) }
                }
                for key in keys { countsByUnit[key, default: []].append((summary.id, fact)) }
            }
        }
        // The action and the receiving unit are in the full records only.
        var deadlines: [Deadline] = []
        for id in withDeadlines {
            guard let record = try store.record(id: id) else { continue }
            var seen = Set<String>()
            for fact in record.deadlines {
                // One line per document, due date and text: a deadline restated is one deadline.
                guard seen.insert((fact.due ?? "") + "\u{1F}" + fact.text).inserted else { continue }
                deadlines.append(Deadline(due: fact.due, recurrence: fact.recurrence?.rawValue, text: fact.text, action: fact.action, to: fact.to,
                                          documentId: id, next: Self.nextOccurrence(fact.due, today: today)))
            }
        }
        deadlines.sort { ($0.next ?? "9999", $0.documentId, $0.text) < ($1.next ?? "9999", $1.documentId, $1.text) }
        self.documents = documents
        self.units = units
        unitOrder = units.values.sorted { ($0.documents.count, $0.mentions, $1.name) > ($1.documents.count, $1.mentions, $0.name) }.map(\.key)
        unitNameByFolded = nameByFolded
        unitKeyByFolded = keyByFolded
        documentByNumber = byNumber
        self.deadlines = deadlines
        counts = cells.map { key, cell in
            let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false)
            return CountCell(year: String(parts[0]), status: String(parts[1]), count: cell.count, facts: cell.facts, documents: cell.documents.count)
        }.sorted { ($0.year, $0.status) < ($1.year, $1.status) }
        modelCountsByUnit = countsByUnit
    }

    /// A document number as references and headers are compared: folded (no diacritics, lower
    /// case), without spaces, and without the leading zeros of its numbers ("07-HD/BDVTU" and
    /// "7 - HĐ/BDVTU" are one number).
    public static func numberKey(_ number: String) -> String {
        let folded = VietnameseFolding.searchFold(number).filter { !$0.isWhitespace }
        var out = ""
        var previous: Character?
        var chars = Array(folded)
        var index = 0
        while index < chars.count {
            let c = chars[index]
            let startsNumber = c == "0" && !(previous?.isNumber ?? false)
            if startsNumber, index + 1 < chars.count, chars[index + 1].isNumber {
                index += 1
                continue  // a leading zero (the next character is a digit too)
            }
            out.append(c)
            previous = c
            index += 1
        }
        chars.removeAll()
        return out
    }

    /// The next day a deadline falls on from `today`: its date, or for a yearly (`--MM-DD`) or
    /// monthly (`---DD`) one the next occurrence.
    static func nextOccurrence(_ due: String?, today: String) -> String? {
        guard let due, today.count == 10 else { return nil }
        let year = Int(today.prefix(4)) ?? 0
        if due.hasPrefix("---") {
            let day = String(due.dropFirst(3))
            let month = Int(today.dropFirst(5).prefix(2)) ?? 1
            let thisMonth = String(format: "%04d-%02d-%@", year, month, day)
            if thisMonth >= today { return thisMonth }
            return month == 12 ? String(format: "%04d-01-%@", year + 1, day) : String(format: "%04d-%02d-%@", year, month + 1, day)
        }
        if due.hasPrefix("--") {
            let monthDay = String(due.dropFirst(2))
            return "\(monthDay >= String(today.dropFirst(5)) ? year : year + 1)-\(monthDay)"
        }
        return due
    }

    static func isoToday() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    /// The document an archived reference points to, if the archive holds it (not the citing document itself).
    public func document(cited reference: ReferenceFact, from citing: String) -> String? {
        guard let id = documentByNumber[Self.numberKey(reference.id)], id != citing else { return nil }
        return id
    }
}
