import Foundation

/// Exports the archive files from the store into the output folder, streaming records in id order:
/// each file is written to a temporary file first and renamed into place, so a crash never leaves
/// half an archive. Nothing in them depends on time or on processing order, so the same inputs
/// give byte-identical files.
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

    /// The archive's files as the configuration asks for them.
    public var expectedOutputs: [URL] {
        var urls: [URL] = []
        if settings.formats.contains(.json) { urls.append(archiveURL) }
        if settings.formats.contains(.jsonl) { urls.append(linesURL) }
        if settings.gzip { urls += urls.map { $0.appendingPathExtension("gz") } }
        return urls
    }

    /// Writes every configured output and returns the paths written and the number of documents.
    public func write(from store: ArchiveStore) throws -> (urls: [URL], documents: Int) {
        var written: [URL] = []
        var count = 0
        let json = settings.formats.contains(.json) ? try OutputFile.temporary(for: archiveURL) : nil
        let lines = settings.formats.contains(.jsonl) ? try OutputFile.temporary(for: linesURL) : nil
        var consolidator = Consolidator()
        do {
            var head = JSONWriter()
            head.string(Self.schema)
            try json?.write(Array("{\"schema\":".utf8) + head.bytes + Array(",\"documents\":[".utf8))
            try store.forEachRecord { textless, bytes in
                consolidator.add(textless)
                // Separators and record apart: a record can be tens of MB, not to be copied to join them.
                try json?.write(count == 0 ? [0x0A] : [0x2C, 0x0A])
                try json?.write(bytes)
                try lines?.write(bytes)
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
    static func compress(_ url: URL, into output: OutputFile) throws {
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
        do {
            try body(file)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}

/// A file being written, buffered, to a temporary name; `commit` syncs it and renames it over
/// its destination.
public final class OutputFile {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var closed = false
    let temporary: URL
    let destination: URL

    static func temporary(for url: URL) throws -> OutputFile {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        return try OutputFile(temporary, destination: url)
    }

    init(_ url: URL, destination: URL) throws {
        temporary = url
        self.destination = destination
        fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path,
                                                                 NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        buffer.reserveCapacity(1 << 20)
    }

    deinit { if !closed { close(fd) } }

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
            let n = bytes[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path,
                                                                NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
            offset += n
        }
    }

    func commit() throws {
        try flush()
        closed = true
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

    func discard() {
        if !closed { closed = true; close(fd) }
        try? FileManager.default.removeItem(at: temporary)
    }
}
