import Foundation
import VanThuText
import VanThuExtract

extension ArchiveStore {
    /// A stored document as the archive shows it: its summary and its record's JSON, with
    /// provenance (`source.path`, `alsoAt`) and `gone` taken from the store. The full record is
    /// decoded only when those need patching (extraction never sets `alsoAt`).
    package static func archiveView(of stored: StoredDocument) throws -> (summary: RecordSummary, json: [UInt8]) {
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
