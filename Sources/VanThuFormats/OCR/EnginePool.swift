import Foundation

/// Tesseract engines shared by every document the process reads. Starting an engine (loading its
/// model) takes about 0.3 s, so an engine is kept for the next page and the next document instead
/// of started per document; and the engines in existence never number more than `capacity` (the
/// cores, by default), however many documents are read at once: the pipeline runs one document a
/// core, and OCR workers started per document would otherwise multiply with them.
///
/// A document's first worker waits for an engine; its further workers take one only when one is
/// free or may be started, else they leave the pages to the workers that have one. A worker holds
/// one engine at a time and never waits while holding one, so the pool cannot deadlock.
package final class EnginePool: @unchecked Sendable {
    /// The process's pool: one engine a core at most.
    package static let shared = EnginePool(capacity: max(1, ProcessInfo.processInfo.activeProcessorCount))

    package let capacity: Int
    private let condition = NSCondition()
    private var idle: [TesseractEngine] = []
    /// Engines lent out, being started, or idle.
    private var existing = 0
    /// The most engines that existed at once, and how many were started (for tests and the bench).
    private(set) package var peak = 0
    private(set) package var started = 0

    package init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Ends the idle engines (engines lent out come back to the pool as usual). The shared pool is
    /// drained at exit, before tesseract's own static destructors run: an engine still alive then
    /// makes tesseract print "WARNING! LEAK!" on standard error.
    package func drain() {
        condition.lock()
        let ended = idle
        idle.removeAll()
        existing -= ended.count
        condition.unlock()
        _ = ended  // deinit ends them, outside the lock
    }

    private static let drainAtExit: Void = { atexit { EnginePool.shared.drain() } }()

    /// An engine for `languages`: an idle one, else a new one while fewer than `min(capacity,
    /// limit)` exist (an idle engine of another model is ended to make room). When none can be had,
    /// waits for one to be returned if `wait`, else returns nil. Throws when tesseract cannot start.
    package func borrow(languages: String, limit: Int = .max, wait: Bool) throws(ScanFailure) -> TesseractEngine? {
        let ceiling = max(1, min(capacity, limit))
        condition.lock()
        while true {
            if let index = idle.lastIndex(where: { $0.languages == languages }) {
                defer { condition.unlock() }
                return idle.remove(at: index)
            }
            if existing == ceiling, !idle.isEmpty {
                idle.removeFirst()  // an idle engine of another model: ended, its place taken
                existing -= 1
            }
            if existing < ceiling { break }
            guard wait else { condition.unlock(); return nil }
            condition.wait()
        }
        existing += 1
        peak = max(peak, existing)
        started += 1
        condition.unlock()
        do {
            let engine = try TesseractEngine(languages: languages)
            // Registered after tesseract's first engine set up its statics: run before their destructors.
            if self === Self.shared { _ = Self.drainAtExit }
            return engine
        } catch {
            condition.lock()
            existing -= 1
            condition.broadcast()
            condition.unlock()
            throw error
        }
    }

    /// Gives an engine back for the next page.
    package func giveBack(_ engine: TesseractEngine) {
        condition.lock()
        idle.append(engine)
        condition.broadcast()
        condition.unlock()
    }

    /// Engines in existence now (lent out or idle).
    package var count: Int {
        condition.lock(); defer { condition.unlock() }
        return existing
    }
}
