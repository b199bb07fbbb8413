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
        let ext = file.fileExtension
        let gzipped = ext == "gz" || ext == "gzip"
        // A gzip file's format is its inner name's: a.html.gz is HTML.
        let innerExtension = gzipped ? URL(fileURLWithPath: file.path).deletingPathExtension().pathExtension.lowercased() : ext
        var format = try Self.format(ofExtension: innerExtension)
        let bytes = try Self.read(file.path, limit: maxFileBytes)
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
    /// while being read.
    static func read(_ path: String, limit: Int) throws(StageFailure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StageFailure(.ingest, "cannot read file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StageFailure(.ingest, "cannot read file: \(String(cString: strerror(errno)))") }
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
