import Foundation

/// Writes the archive files into the output folder: each to a temporary file first and renamed
/// into place, so a crash never leaves half an archive. Nothing in them depends on time or on the
/// order files were processed, so the same inputs give byte-identical files.
public struct ArchiveWriter {
    public static let schema = "vanthu.archive/1"
    public var folder: URL
    public var settings: PipelineConfig.OutputSettings

    public init(folder: URL, settings: PipelineConfig.OutputSettings) {
        self.folder = folder
        self.settings = settings
    }

    public var archiveURL: URL { folder.appendingPathComponent("archive.json") }
    public var linesURL: URL { folder.appendingPathComponent("documents.jsonl") }

    /// Writes every configured output and returns the paths written.
    public func write(spool: RecordSpool, alsoAt: [String: [String]], consolidator: Consolidator) throws -> [URL] {
        var written: [URL] = []
        let ids = spool.sortedIDs
        if settings.formats.contains(.json) {
            try atomically(archiveURL) { out in
                // {"schema":…,"documents":[ one record a line ],"units":[…],"stats":{…}}
                var head = JSONWriter()
                head.string(Self.schema)
                try out.write(Array("{\"schema\":".utf8) + head.bytes + Array(",\"documents\":[".utf8))
                for (n, id) in ids.enumerated() {
                    try out.write((n == 0 ? [0x0A] : [0x2C, 0x0A]) + recordJSON(id, spool: spool, alsoAt: alsoAt))
                }
                var tail = JSONWriter()
                tail.beginObject()
                tail.key("units")
                consolidator.writeUnits(to: &tail)
                tail.key("stats")
                consolidator.writeStats(to: &tail)
                tail.endObject()
                // The tail object's members follow the documents array.
                try out.write(Array((ids.isEmpty ? "]," : "\n],").utf8) + tail.bytes.dropFirst() + [0x0A])
            }
            written.append(archiveURL)
        }
        if settings.formats.contains(.jsonl) {
            try atomically(linesURL) { out in
                for id in ids {
                    var line = try recordJSON(id, spool: spool, alsoAt: alsoAt)
                    line.append(0x0A)
                    try out.write(line)
                }
            }
            written.append(linesURL)
        }
        if settings.gzip {
            for url in written {
                let gz = url.appendingPathExtension("gz")
                let plain = try [UInt8](Data(contentsOf: url))
                let packed = try Gzip.compress(plain)
                try atomically(gz) { try $0.write(packed) }
                written.append(gz)
            }
        }
        return written
    }

    private func recordJSON(_ id: String, spool: RecordSpool, alsoAt: [String: [String]]) throws -> [UInt8] {
        let bytes = try spool.read(id)
        guard let extra = alsoAt[id], !extra.isEmpty else { return bytes }
        var record = try JSONDecoder().decode(Record.self, from: Data(bytes))
        record.source.alsoAt = extra.sorted()
        var w = JSONWriter()
        record.write(to: &w)
        return w.bytes
    }

    /// Writes through `body` into a temporary file beside `url`, syncs it, and renames it over `url`.
    public func atomically(_ url: URL, _ body: (OutputFile) throws -> Void) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        let file = try OutputFile(temporary)
        do {
            try body(file)
            try file.finish()
        } catch {
            try? file.finish()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: reason])
        }
    }
}

/// A file being written, buffered, with fsync at the end.
public final class OutputFile {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var closed = false

    init(_ url: URL) throws {
        fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path,
                                                                 NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        buffer.reserveCapacity(1 << 20)
    }

    deinit { if !closed { close(fd) } }

    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws {
        guard !closed else { return }
        try flush()
        closed = true
        fsync(fd)
        close(fd)
    }
}
