import Foundation
import VanThuText

/// Exports the archive files from the store into the output folder, streaming records in id order:
/// each file is written to a temporary file first and renamed into place, so a crash never leaves
/// half an archive. Nothing in them depends on time or on processing order, so the same inputs
/// give byte-identical files.
public struct ArchiveWriter {
    public static let schema = "vanthu.archive/1"
    public var folder: URL
    public var settings: OutputSettings
    /// Failure injection for tests: each file fails as on a full disk past this many bytes.
    package var capacity: Int?

    public init(folder: URL, settings: OutputSettings) {
        self.folder = folder
        self.settings = settings
    }

    public var archiveURL: URL { folder.appendingPathComponent("archive.json") }
    public var linesURL: URL { folder.appendingPathComponent("documents.jsonl") }

    /// The archive's files as the configuration asks for them.
    public var expectedOutputs: [URL] {
        var urls: [URL] = []
        if settings.formats.contains(.json) { urls.append(archiveURL) }
        if settings.formats.contains(.jsonl) { urls.append(linesURL) }
        if settings.gzip { urls += urls.map { $0.appendingPathExtension("gz") } }
        return urls
    }

    /// What of the settings the archive files depend on besides the store: part of the export
    /// state, so that asking for other formats rewrites them.
    public var fingerprint: String {
        Self.schema + " " + settings.formats.map(\.rawValue).sorted().joined(separator: "+") + (settings.gzip ? " gzip" : "")
    }

    /// Size and modification time of each archive file as it is now ("-" for a missing one): part
    /// of the export state, so that a file replaced or restored from elsewhere is written again.
    public var filesSignature: String {
        expectedOutputs.map { url -> String in
            var info = stat()
            guard stat(url.path, &info) == 0 else { return "\(url.lastPathComponent):-" }
            return "\(url.lastPathComponent):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }.joined(separator: " ")
    }

    /// Every file a run writes in the output folder (whatever the settings), for the cleaning of
    /// temporary files.
    package static let outputNames = ["archive.json", "documents.jsonl", "archive.json.gz", "documents.jsonl.gz", "run.json"]

    /// Removes the temporary files (`.archive.json.tmp-PID` …) that a run killed while writing
    /// left behind. Call it only while holding the output folder's lock. Returns how many went.
    public func removeStaleTemporaryFiles() -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return 0 }
        let prefixes = Self.outputNames.map { ".\($0).tmp-" }
        var removed = 0
        for name in names where prefixes.contains(where: { name.hasPrefix($0) }) {
            if (try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))) != nil { removed += 1 }
        }
        return removed
    }

    /// Writes every configured output and returns the paths written and the number of documents.
    public func write(from store: any RecordStore) throws -> (urls: [URL], documents: Int) {
        var written: [URL] = []
        var count = 0
        let json = settings.formats.contains(.json) ? try OutputFile.temporary(for: archiveURL) : nil
        let lines = settings.formats.contains(.jsonl) ? try OutputFile.temporary(for: linesURL) : nil
        json?.capacity = capacity
        lines?.capacity = capacity
        var consolidator = Consolidator()
        do {
            var head = JSONWriter()
            head.string(Self.schema)
            try json?.write(Array("{\"schema\":".utf8) + head.bytes + Array(",\"documents\":[".utf8))
            try store.forEachArchiveRecord { textless, pieces in
                consolidator.add(textless)
                // Separators and record apart, the record in the pieces the store reads it in: a
                // record can be tens of MB, not to be copied to join them, nor held whole.
                try json?.write(count == 0 ? [0x0A] : [0x2C, 0x0A])
                try pieces { bytes in
                    try json?.write(bytes)
                    try lines?.write(bytes)
                }
                try lines?.write([0x0A])
                count += 1
            }
            var tail = JSONWriter()
            tail.beginObject()
            tail.key("units")
            consolidator.writeUnits(to: &tail)
            tail.key("stats")
            consolidator.writeStats(to: &tail)
            tail.endObject()
            // The tail object's members follow the documents array.
            try json?.write(Array((count == 0 ? "]," : "\n],").utf8) + tail.bytes.dropFirst() + [0x0A])
            if let json { try json.commit(); written.append(archiveURL) }
            if let lines { try lines.commit(); written.append(linesURL) }
        } catch {
            json?.discard()
            lines?.discard()
            throw error
        }
        if settings.gzip {
            for url in written {
                let gz = url.appendingPathExtension("gz")
                try atomically(gz) { try Self.compress(url, into: $0) }
                written.append(gz)
            }
        }
        return (written, count)
    }

    /// gzip-compresses the file at `url` into `output`, a megabyte at a time (archives can be larger
    /// than the memory a run may use).
    package static func compress(_ url: URL, into output: OutputFile) throws {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: url.path,
                                                                NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        defer { close(fd) }
        let deflater = try Gzip.Deflater()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: url.path,
                                                               NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
            if n == 0 { break }
            try buffer.withUnsafeBytes { try deflater.compress(UnsafeRawBufferPointer(rebasing: $0[0..<n]), into: output.write) }
        }
        try deflater.finish(into: output.write)
    }

    /// Writes through `body` into a temporary file beside `url`, syncs it, and renames it over `url`.
    public func atomically(_ url: URL, _ body: (OutputFile) throws -> Void) throws {
        let file = try OutputFile.temporary(for: url)
        file.capacity = capacity
        do {
            try body(file)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}

/// Temporary files being written, so that a signal that ends the process (SIGINT, SIGTERM …)
/// removes them instead of leaving them in the output folder.
public enum TemporaryFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []

    nonisolated(unsafe) private static var stopping = false

    /// Creates and opens `url` for writing and registers it, under the lock that `removeAll`
    /// takes: a file is either created before a signal's clean-up (and removed by it) or refused
    /// after it, never left behind by a signal that came between its creation and its registration.
    package static func create(_ url: URL) -> Int32 {
        lock.withLock {
            guard !stopping else { errno = EINTR; return -1 }
            let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            if fd >= 0 { paths.insert(url.path) }
            return fd
        }
    }
    package static func unregister(_ url: URL) { lock.withLock { _ = paths.remove(url.path) } }

    /// Temporary folders being filled (a BagIt bag before it is renamed into place), removed
    /// with everything in them on a signal.
    nonisolated(unsafe) private static var folders: Set<String> = []

    /// Creates the folder `url` (which must not exist) and registers it, under the same lock as
    /// `create`: refused once a signal's clean-up has begun.
    static func createFolder(_ url: URL) -> Bool {
        lock.withLock {
            guard !stopping else { errno = EINTR; return false }
            guard mkdir(url.path, 0o755) == 0 else { return false }
            folders.insert(url.path)
            return true
        }
    }
    static func unregisterFolder(_ url: URL) { lock.withLock { _ = folders.remove(url.path) } }

    /// The temporary files and folders being written now.
    public static var current: Set<String> { lock.withLock { paths.union(folders) } }

    /// Removes every temporary file and folder being written (on a signal that ends the process).
    public static func removeAll() {
        lock.withLock {
            stopping = true
            for path in paths { unlink(path) }
            // Renamed first, so that a writer still running cannot add to a folder being emptied
            // (its paths lead nowhere once the folder has moved).
            for path in folders {
                let doomed = path + "-removing"
                try? FileManager.default.removeItem(atPath: rename(path, doomed) == 0 ? doomed : path)
            }
        }
    }
}

/// A file being written, buffered, to a temporary name; `commit` syncs it and renames it over
/// its destination. Until then the destination is untouched: a failure (a full disk) or a
/// signal leaves no partial file.
public final class OutputFile {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var closed = false
    private var written = 0
    package let temporary: URL
    package let destination: URL
    /// Failure injection for tests: writing more than this many bytes fails as a full disk does.
    package var capacity: Int?

    public static func temporary(for url: URL) throws -> OutputFile {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        return try OutputFile(temporary, destination: url)
    }

    package init(_ url: URL, destination: URL) throws {
        temporary = url
        self.destination = destination
        fd = TemporaryFiles.create(url)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            TemporaryFiles.unregister(url)
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: reason])
        }
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if !closed {
            close(fd)
            unlink(temporary.path)
            TemporaryFiles.unregister(temporary)
        }
    }

    public func write(_ bytes: [UInt8]) throws {
        // A large record goes straight to the file, not through (and growing) the buffer.
        if bytes.count >= 1 << 20 {
            try flush()
            try writeAll(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        try writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { chunk -> Int in
                if let capacity, written + chunk.count > capacity {
                    errno = ENOSPC
                    return -1
                }
                return Foundation.write(fd, chunk.baseAddress, chunk.count)
            }
            if n > 0 { written += n }
            if n < 0 {
                if errno == EINTR { continue }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path,
                                                                NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
            offset += n
        }
    }

    /// Writes what is buffered, syncs, and renames the temporary file over the destination.
    public func commit() throws {
        try flush()
        closed = true
        defer { TemporaryFiles.unregister(temporary) }
        guard fsync(fd) == 0 || errno == EINVAL else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path, NSLocalizedDescriptionKey: reason])
        }
        close(fd)
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path, NSLocalizedDescriptionKey: reason])
        }
    }

    /// Removes the temporary files of the same destination left by processes that no longer
    /// exist (an export killed with -9): `.NAME.tmp-PID` where no process PID runs.
    @discardableResult
    public static func removeAbandonedTemporaries(for destination: URL) -> Int {
        let folder = destination.deletingLastPathComponent()
        let prefix = ".\(destination.lastPathComponent).tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return 0 }
        var removed = 0
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            if unlink(folder.appendingPathComponent(name).path) == 0 { removed += 1 }
        }
        return removed
    }

    /// Closes and removes the temporary file; the destination stays as it was.
    public func discard() {
        if !closed { closed = true; close(fd) }
        unlink(temporary.path)
        TemporaryFiles.unregister(temporary)
    }
}
