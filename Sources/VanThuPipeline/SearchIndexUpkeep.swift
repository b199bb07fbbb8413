import Foundation
import VanThuText
import VanThuFormats
import VanThuExtract
import VanThuStore

/// Index reconciliation, once the writers are done: the search index is derived data, brought in
/// line with the store after every run that changed it (or after one that did not finish). When
/// writing or reconciling it failed (a damaged file), it is replaced by an empty one and filled
/// again from the records, and the report says why.
enum SearchIndexUpkeep {
    /// Reconciles the index of `session`'s store; `writeFailure` is the index writer's first error
    /// in this run, if any. May replace `session.store` by one opened with a new, empty index.
    static func reconcile(_ session: inout RunSession, writeFailure: (any Error)?, report: inout RunReport,
                          timings: inout StageTimings) throws {
        // Only the SQLite store keeps its index apart; PostgreSQL indexes in the records' transaction.
        guard let store = session.store as? ArchiveStore else { return }
        var clock = timings.start()
        do {
            if let writeFailure { throw writeFailure }
            // Entries of replaced documents go; whatever an earlier run left unindexed is indexed.
            if try report.processed > 0 || store.searchIndexMayBeStale(before: session.runID) {
                report.indexRepaired = try store.reconcileSearchIndex().added
                timings.lap(.index, &clock)
            }
        } catch {
            report.searchIndexRebuilt = SearchIndex.reason(error)
            let rebuilt = try ArchiveStore(folder: session.output, rebuildIndex: true)
            session.store = rebuilt
            report.indexRepaired = try rebuilt.reconcileSearchIndex().added
            timings.lap(.index, &clock)
        }
    }
}
