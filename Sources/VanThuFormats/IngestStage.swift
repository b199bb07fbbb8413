#if canImport(Glibc)
import Glibc
#endif
import Foundation
import VanThuText

/// Reads a file's bytes (within the size limit) and computes its SHA-256. The name decides which
/// files are read (`FormatRegistry.format(ofName:)`: an unknown extension is refused unread); what
/// the bytes are is decided when they are decoded. Empty, oversized and unreadable files fail here.
public struct IngestStage: Stage {
    public var name: StageName { .ingest }
    public var maxFileBytes: Int
    /// The formats read: their extensions say which files are.
    public var formats = FormatRegistry.standard

    public init(maxFileBytes: Int) { self.maxFileBytes = maxFileBytes }

    public func run(_ file: SourceFile) throws(StageFailure) -> RawDocument {
        if let refusal = file.refusal { throw StageFailure(.ingest, refusal) }
        // The format first: an unsupported file is not read.
        _ = try format(of: file)
        let bytes = try Self.read(file.fileSystemPath, limit: maxFileBytes)
        return try document(bytes, of: file)
    }

    /// The format a file's name gives: `a.html.gz` is HTML inside gzip.
    func format(of file: SourceFile) throws(StageFailure) -> SourceFormat {
        do { return try formats.format(ofName: file.path) } catch { throw StageFailure(.ingest, error.reason) }
    }

    /// A file's bytes as read, with their checksum and the format the file's name gives.
    public func document(_ bytes: [UInt8], of file: SourceFile) throws(StageFailure) -> RawDocument {
        let named = try format(of: file)
        guard !bytes.isEmpty else { throw StageFailure(.ingest, "empty file") }
        var updated = file
        updated.size = bytes.count
        return RawDocument(file: updated, bytes: bytes, sha256: SHA256.hex(bytes), format: named, fileSize: bytes.count)
    }

    /// Reads a whole file with POSIX calls: one open, one fstat, reads straight into the buffer.
    /// Refuses a file over `limit` bytes before reading it, and stops when it grows past the limit
    /// while being read. Only a regular file is read: the open does not block (a FIFO swapped in
    /// since the walk would otherwise wait for a writer forever), does not follow a link in the
    /// last component (the walk resolved links already; one made since is refused), and the type
    /// is checked again on the open descriptor.
    package static func read(_ path: String, limit: Int) throws(StageFailure) -> [UInt8] {
        try read(Array(path.utf8), limit: limit)
    }

    package static func read(_ path: [UInt8], limit: Int) throws(StageFailure) -> [UInt8] {
        var cPath = path.map { CChar(bitPattern: $0) }
        cPath.append(0)
        let fd = open(cPath, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY)
        guard fd >= 0 else {
            if errno == ELOOP { throw StageFailure(.ingest, "cannot read file: it became a symbolic link after the walk") }
            throw StageFailure(.ingest, "cannot read file: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StageFailure(.ingest, "cannot read file: \(String(cString: strerror(errno)))") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw StageFailure(.ingest, SourceFile.notRegular(info.st_mode)) }
        let size = Int(info.st_size)
        guard size <= limit else {
            throw StageFailure(.ingest, "file too large: \(size) bytes, limit \(limit) (limits.maxFileBytes)")
        }
        // One byte more than the size, to notice a file that grew since fstat.
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { return }
                count += n
            }
        }
        if failure != 0 { throw StageFailure(.ingest, "cannot read file: \(String(cString: strerror(failure)))") }
        if bytes.count <= size { return bytes }
        // The file grew while being read: read the rest in chunks, up to the limit.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StageFailure(.ingest, "cannot read file: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit { throw StageFailure(.ingest, "file too large: over \(limit) bytes (limits.maxFileBytes)") }
        }
        return bytes
    }
}
