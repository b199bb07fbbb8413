#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Reads a file's bytes (within the size limit), computes its SHA-256 and recognises its format
/// from the name. Empty, oversized and unreadable files fail here.
public struct IngestStage: Stage {
    public var name: StageName { .ingest }
    public var maxFileBytes: Int

    public init(maxFileBytes: Int) { self.maxFileBytes = maxFileBytes }

    /// Formats recognised by file extension; everything else is quarantined as unsupported.
    public static let formatsByExtension: [String: String] = [
        "txt": "text", "text": "text", "": "text",
        "html": "html", "htm": "html", "xhtml": "html", "shtml": "html", "aspx": "html", "asp": "html", "php": "html", "jsp": "html",
        "docx": "docx",
    ]

    static func format(ofExtension ext: String) throws(StageFailure) -> String {
        guard let format = formatsByExtension[ext] else {
            let known = formatsByExtension.keys.filter { !$0.isEmpty }.sorted().map { "." + $0 }.joined(separator: ", ")
            throw StageFailure(.ingest, "unsupported format \".\(ext)\" (supported: \(known), .gz of those, and files without extension)")
        }
        return format
    }

    public func run(_ file: SourceFile) throws(StageFailure) -> RawDocument {
        if let refusal = file.refusal { throw StageFailure(.ingest, refusal) }
        // The format first: an unsupported file is not read.
        _ = try Self.format(of: file)
        let bytes = try Self.read(file.fileSystemPath, limit: maxFileBytes)
        return try document(bytes, of: file)
    }

    /// The format of a file by its name: `a.html.gz` is HTML inside gzip.
    static func format(of file: SourceFile) throws(StageFailure) -> (format: String, gzipped: Bool) {
        let ext = file.fileExtension
        let gzipped = ext == "gz" || ext == "gzip"
        let innerExtension = gzipped ? URL(fileURLWithPath: file.path).deletingPathExtension().pathExtension.lowercased() : ext
        return (try Self.format(ofExtension: innerExtension), gzipped)
    }

    /// A file's bytes as read, unwrapped from gzip and .docx within `maxFileBytes`.
    public func document(_ bytes: [UInt8], of file: SourceFile) throws(StageFailure) -> RawDocument {
        var (format, gzipped) = try Self.format(of: file)
        guard !bytes.isEmpty else { throw StageFailure(.ingest, "empty file") }
        var updated = file
        updated.size = bytes.count
        let sha = SHA256.hex(bytes)
        var content = bytes
        if gzipped {
            do { content = try Gzip.decompress(bytes, limit: maxFileBytes) } catch {
                throw StageFailure(.ingest, "bad gzip: \(error.description)")
            }
            guard !content.isEmpty else { throw StageFailure(.ingest, "empty file inside gzip") }
        }
        if format == "docx" {
            content = Array(try DocxReader().text(from: content, limit: maxFileBytes).utf8)
        }
        if gzipped { format += "+gzip" }
        return RawDocument(file: updated, bytes: content, sha256: sha, format: format, fileSize: bytes.count)
    }

    /// Reads a whole file with POSIX calls: one open, one fstat, reads straight into the buffer.
    /// Refuses a file over `limit` bytes before reading it, and stops when it grows past the limit
    /// while being read. Only a regular file is read: the open does not block (a FIFO swapped in
    /// since the walk would otherwise wait for a writer forever), does not follow a link in the
    /// last component (the walk resolved links already; one made since is refused), and the type
    /// is checked again on the open descriptor.
    static func read(_ path: String, limit: Int) throws(StageFailure) -> [UInt8] {
        try read(Array(path.utf8), limit: limit)
    }

    static func read(_ path: [UInt8], limit: Int) throws(StageFailure) -> [UInt8] {
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
        guard info.st_mode & S_IFMT == S_IFREG else { throw StageFailure(.ingest, InputWalker.notRegular(info.st_mode)) }
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
