import Foundation

/// What `vanthu stats` shows: documents by kind and year, the most mentioned units, model counts
/// by year and scope, and the deadlines still ahead.
public struct ArchiveStatistics: Sendable {
    public var documents = 0
    public var byKindAndYear: [String: [String: Int]] = [:]
    public var units: [(name: String, documents: Int, mentions: Int)] = []
    /// Sum of exact model counts (totals, not breakdown parts) by year and scope.
    public var modelCounts: [String: [String: Int]] = [:]
    public var upcomingDeadlines: [(due: String, text: String, id: String, title: String?)] = []

    public init(store: any RecordStore, today: String, unitLimit: Int = 15, deadlineLimit: Int = 20) throws {
        var consolidator = Consolidator()
        var deadlines: [(String, String, String, String?)] = []
        let monthDay = String(today.dropFirst(5))
        let year = Int(today.prefix(4)) ?? 0
        try store.forEachRecord { record, _ in
            consolidator.add(record)
            let yearKey = record.date.map { String($0.prefix(4)) } ?? "undated"
            byKindAndYear[record.kind.rawValue, default: [:]][yearKey, default: 0] += 1
            for count in record.modelCounts where count.partOf == nil && !count.approximate {
                guard let value = count.count else { continue }
                modelCounts[count.year.map(String.init) ?? "unknown", default: [:]][count.scope ?? "unknown", default: 0].saturatingAdd(value)
            }
            for deadline in record.deadlines {
                guard let due = deadline.due else { continue }
                var next: String?
                if due.hasPrefix("---") { continue }
                if due.hasPrefix("--") {
                    // Yearly: the next occurrence from today.
                    let md = String(due.dropFirst(2))
                    next = "\(md >= monthDay ? year : year + 1)-\(md)"
                } else if due >= today {
                    next = due
                }
                if let next { deadlines.append((next, deadline.text, record.id, record.title)) }
            }
        }
        documents = consolidator.documents
        units = consolidator.units.map { (key, entry) in (entry.names.sorted().first ?? key, entry.documents.count, entry.mentions) }
            .sorted { ($0.documents, $0.mentions, $1.name) > ($1.documents, $1.mentions, $0.name) }
        units = Array(units.prefix(unitLimit))
        // One line per document and due date: a deadline restated in a document (its summary, its
        // table, its closing paragraph) is one deadline.
        var seen = Set<String>()
        upcomingDeadlines = Array(deadlines.sorted { ($0.0, $0.2) < ($1.0, $1.2) }
            .filter { seen.insert($0.0 + "\u{1F}" + $0.2).inserted }.prefix(deadlineLimit))
    }
}
