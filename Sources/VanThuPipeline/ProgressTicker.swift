import Dispatch
import Foundation
import VanThuFormats

/// The progress line's source: the scheduler's counts after each batch, with the pages read so far
/// (`PageCounter`), told again every second while pages are being read. One document of scans can
/// take minutes; without the tick the line would stand still through it.
final class ProgressTicker: @unchecked Sendable {
    private let started: DispatchTime
    private let pagesAtStart: (pages: Int, ocr: Int)
    private let sink: @Sendable (RunProgress) -> Void
    private let lock = NSLock()
    private var latest: RunProgress?
    private let timer: DispatchSourceTimer

    /// Every second, a tick: the last counts with the pages read since `started`, when pages moved.
    static let interval: DispatchTimeInterval = .seconds(1)

    /// `initial`: the counts before the first document (the inputs found, those unchanged).
    init(started: DispatchTime, initial: RunProgress, report sink: @escaping @Sendable (RunProgress) -> Void) {
        self.started = started
        self.sink = sink
        latest = initial
        pagesAtStart = PageCounter.shared.current
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "vanthu.progress"))
        timer.schedule(deadline: .now() + Self.interval, repeating: Self.interval)
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
    }

    /// The scheduler's counts, told with the pages read so far.
    func report(_ progress: RunProgress) {
        var progress = progress
        progress.countPages(since: pagesAtStart)
        lock.withLock { latest = progress }
        sink(progress)
    }

    private func tick() {
        let due: RunProgress? = lock.withLock {
            guard var progress = latest else { return nil }
            let pagesBefore = progress.pages
            progress.countPages(since: pagesAtStart)
            guard progress.pages != pagesBefore else { return nil }
            progress.elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            latest = progress
            return progress
        }
        if let due { sink(due) }
    }

    func stop() { timer.cancel() }
}
