import Foundation
import VanThuText

/// A file of a bag being written: its bytes go to disk and through SHA-256 in one pass, so the
/// manifest line costs no second read. Small writes are gathered up to 1 MB; `close` returns the
/// checksum and size.
final class BagFile {
    private let fd: Int32
    private var hasher = SHA256()
    private var buffer: [UInt8] = []
    private(set) var bytes = 0
    let url: URL

    /// Creates `url`, which must not exist (a bag is written into a new folder).
    init(creating url: URL) throws {
        self.url = url
        fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BagFile.error(url.path, errno) }
    }

    deinit { if fd >= 0 && !closed { Foundation.close(fd) } }
    private var closed = false

    func write(_ data: [UInt8]) throws {
        try data.withUnsafeBufferPointer { try write($0) }
    }

    func write(_ chunk: UnsafeBufferPointer<UInt8>) throws {
        hasher.update(chunk)
        bytes += chunk.count
        // A large chunk (a piece of an original being copied) goes straight to the file; small
        // ones (CSV rows, manifest lines) are gathered.
        if chunk.count >= 1 << 16 {
            try flush()
            try Self.writeAll(fd, chunk, path: url.path)
            return
        }
        buffer.append(contentsOf: chunk)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        try buffer.withUnsafeBufferPointer { try Self.writeAll(fd, $0, path: url.path) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and closes the file: its SHA-256 (lower-case hex) and size.
    func close() throws -> (sha256: String, bytes: Int) {
        try flush()
        closed = true
        guard Foundation.close(fd) == 0 else { throw BagFile.error(url.path, errno) }
        return (hasher.finalizeHex(), bytes)
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw error(path, errno)
            }
            offset += n
        }
    }

    static func error(_ path: String, _ code: Int32) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(code))])
    }

    /// Opens a regular file for reading (never a FIFO or a device: the open does not block, and
    /// the type is checked on the open file). nil with the reason when it cannot be read.
    static func openRegular(_ path: [UInt8]) -> (fd: Int32?, problem: String?) {
        let fd = path.withUnsafeBufferPointer { buffer -> Int32 in
            var cPath = Array(buffer)
            cPath.append(0)
            return cPath.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self),
                                                        O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) }
        }
        guard fd >= 0 else { return (nil, String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            Foundation.close(fd)
            return (nil, "not a regular file")
        }
        return (fd, nil)
    }

    /// Reads `fd` to its end through `buffer`, giving each chunk to `body`.
    static func readAll(_ fd: Int32, buffer: inout [UInt8], path: String,
                        _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path,
                                                               NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
            if n == 0 { return }
            try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<n])) }
        }
    }

    /// SHA-256 and size of the file at `path`, read through `buffer`.
    static func checksum(_ path: String, buffer: inout [UInt8]) throws -> (sha256: String, bytes: Int) {
        let (opened, problem) = openRegular(Array(path.utf8))
        guard let fd = opened else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: problem ?? "cannot open"])
        }
        defer { Foundation.close(fd) }
        var hasher = SHA256()
        var bytes = 0
        try readAll(fd, buffer: &buffer, path: path) { chunk in
            hasher.update(chunk)
            bytes += chunk.count
        }
        return (hasher.finalizeHex(), bytes)
    }
}

/// How a manifest names a file: the path relative to the bag with `/` separators, CR and LF
/// percent-encoded (`%0D`, `%0A`). `%` itself is kept as it is, as bagit-python (which
/// Archivematica uses) writes and reads it: RFC 8493 §2.1.3 would write `%25`, which bagit-python
/// does not decode, so a name such as `50%.txt` would fail its validation. Only a name holding the
/// text `%0A` or `%0D` itself reads differently in the two conventions.
enum BagPath {
    static func encode(_ path: String) -> String {
        guard path.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) else { return path }
        var out = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func decode(_ path: String) -> String {
        guard path.contains("%") else { return path }
        return path.replacingOccurrences(of: "%0D", with: "\r", options: .caseInsensitive)
            .replacingOccurrences(of: "%0A", with: "\n", options: .caseInsensitive)
    }

    /// Whether a manifest's path stays inside the bag: relative, no `..` or `.` step, no empty step.
    static func isSafe(_ path: String) -> Bool {
        guard !path.hasPrefix("/"), !path.isEmpty else { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == ".." || $0 == "." }
    }

    /// One manifest line: the checksum, two spaces, the encoded path, LF.
    static func manifestLine(_ sha256: String, _ path: String) -> [UInt8] {
        Array("\(sha256)  \(encode(path))\n".utf8)
    }
}
