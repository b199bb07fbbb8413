import Foundation
import VanThuText
import VanThuExtract

extension ArchiveStore {
    /// Streams every document in id order as the archive shows it (`archiveView`): its summary
    /// (cheap to decode: for consolidation, statistics and CSV) and the full record's JSON.
    /// With `query`, only the documents its words and filters find (no limit).
    public func forEachRecord(matching query: SearchQuery? = nil, _ body: (_ summary: RecordSummary, _ json: [UInt8]) throws -> Void) throws {
        try forEachDocument(matching: query) { stored in
            let (summary, json) = try Self.archiveView(of: stored)
            try body(summary, json)
        }
    }

    /// A stored document as the archive shows it: its summary and its record's JSON, with
    /// provenance (`source.path`, `alsoAt`) and `gone` taken from the store. The full record is
    /// decoded only when those need patching (extraction never sets `alsoAt`).
    static func archiveView(of stored: StoredDocument) throws -> (summary: RecordSummary, json: [UInt8]) {
        var summary = try RecordSummary(jsonBytes: stored.summary)
        // The stored JSON without its store-only members (the chrome lines dropped).
        let archived = Record.archivedJSON(ofStored: stored.json, length: summary.archiveLength)
        summary.archiveLength = nil
        let primary = stored.paths.first ?? summary.path
        let alsoAt = Array(stored.paths.dropFirst())
        guard stored.gone || primary != summary.path || !alsoAt.isEmpty else { return (summary, archived) }
        var record = try Record(jsonBytes: stored.json)
        // The primary path's own root (sorted by path, then root, as `paths`).
        if stored.roots.count == stored.paths.count, let root = stored.roots.first, !root.isEmpty { record.source.root = root }
        record.source.path = primary
        record.source.alsoAt = alsoAt
        record.gone = stored.gone ? true : nil
        var w = JSONWriter()
        record.write(to: &w)
        summary.path = primary
        return (summary, w.bytes)
    }
}
