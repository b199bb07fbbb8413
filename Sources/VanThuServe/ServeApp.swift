import Foundation
import VanThuExtract
import VanThuStore
import VanThuText

/// The server's handlers: a request in, a response out, no sockets. Every page has its JSON
/// twin under /api. Nothing here writes to the archive.
public struct ServeApp: Sendable {
    public let archive: ServedArchive
    /// The largest original file served (as the pipeline's own input cap).
    public var maximumOriginalBytes = 64 << 20
    let cache: ResponseCache?

    /// `cache`: keep the answers to repeated GET requests while the archive is unchanged.
    public init(archive: ServedArchive, cache: Bool = false) {
        self.archive = archive
        self.cache = cache ? ResponseCache() : nil
    }

    /// Headers on every response: no sniffing, no framing, no script, nothing loaded from elsewhere.
    static let securityHeaders: [(String, String)] = [
        ("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
        ("Cache-Control", "no-store"),
    ]

    public func respond(to request: ServeRequest) -> ServeResponse {
        guard let cache, request.method == "GET" || request.method == "HEAD", let stamp = ResponseCache.stamp(archive) else {
            return answer(request)
        }
        let key = request.path + "?" + request.query
        if var cached = cache.get(key, stamp: stamp) {
            if request.method == "HEAD" { cached.body = [] }
            return cached
        }
        var full = request
        full.method = "GET"
        var response = answer(full)
        cache.put(key, stamp: stamp, response)
        if request.method == "HEAD" { response.body = [] }
        return response
    }

    func answer(_ request: ServeRequest) -> ServeResponse {
        var response: ServeResponse
        let isAPI = request.path.hasPrefix("/api/") || request.path == "/api"
        do {
            guard request.method == "GET" || request.method == "HEAD" else {
                throw RequestProblem(405, "only GET and HEAD: this server only reads the archive")
            }
            response = try route(request)
        } catch let problem as RequestProblem {
            response = isAPI ? .json(API.error(problem), status: problem.status) : .html(HTML.errorPage(problem), status: problem.status)
            if problem.status == 405 { response.headers.append(("Allow", "GET, HEAD")) }
        } catch {
            let problem = RequestProblem(503, "\(error)")
            response = isAPI ? .json(API.error(problem), status: 503) : .html(HTML.errorPage(problem), status: 503)
        }
        response.headers += Self.securityHeaders
        if request.method == "HEAD" { response.body = [] }
        return response
    }

    /// The path's segments, percent-decoded; a segment that is not valid UTF-8, or that is `.`/`..`,
    /// is refused.
    static func segments(_ path: String) throws(RequestProblem) -> [String] {
        guard path.hasPrefix("/"), path.utf8.count <= 2048 else { throw .badRequest("the path is not a valid address") }
        var out: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: true) {
            guard !raw.contains("+"), let segment = QueryParameters.decode(raw), segment != ".", segment != ".." else {
                throw .badRequest("the path is not a valid address")
            }
            out.append(segment)
        }
        return out
    }

    func route(_ request: ServeRequest) throws -> ServeResponse {
        let parts = try Self.segments(request.path)
        let query = { (names: Set<String>) throws(RequestProblem) in try QueryParameters(request.query, allowed: names) }
        switch parts.count {
        case 0:
            let parameters = try SearchParameters(query(SearchParameters.names))
            if parameters.isEmpty {
                _ = try? archive.currentDigest()
                return .html(SearchPage.render(parameters, outcome: nil, documents: try archive.store().documentCount))
            }
            return .html(SearchPage.render(parameters, outcome: try SearchOutcome.run(parameters, archive: archive), documents: nil))
        default: break
        }
        switch (parts[0], parts.count) {
        case ("style.css", 1):
            _ = try query([])
            return ServeResponse(contentType: "text/css; charset=utf-8", body: Array(Style.css.utf8))
        case ("openapi.json", 1):
            _ = try query([])
            return .json(Array(OpenAPI.document.utf8))
        case ("documents", 2):
            _ = try query([])
            let (record, digest) = try document(parts[1])
            let sources = try archive.store().archivedSources(documentId: record.id)
            return .html(DocumentPage.render(record, digest: digest, sources: sources))
        case ("documents", 3) where parts[2] == "original":
            _ = try query([])
            let (record, _) = try document(parts[1])
            return try original(record)
        case ("units", 1):
            let parameters = try query(["q"])
            try Self.checkLength(parameters["q"])  // as sent, before trimming: as the OpenAPI document counts
            let filter = parameters.trimmed("q")
            return .html(ArchivePages.units(try archive.currentDigest(), filter: filter))
        case ("units", 2):
            _ = try query([])
            let digest = try archive.currentDigest()
            guard let unit = digest.units[parts[1]] else { throw RequestProblem.notFound("no unit with the key \"\(SearchParameters.shown(parts[1]))\"") }
            return .html(ArchivePages.unit(unit, digest: digest))
        case ("deadlines", 1):
            _ = try query([])
            return .html(ArchivePages.deadlines(try archive.currentDigest()))
        case ("counts", 1):
            _ = try query([])
            return .html(ArchivePages.counts(try archive.currentDigest()))
        case ("counts.csv", 1):
            _ = try query([])
            return ServeResponse(contentType: "text/csv; charset=utf-8", body: ArchivePages.countsCSV(try archive.currentDigest()),
                                 headers: [("Content-Disposition", "attachment; filename=\"model-counts-by-year.csv\"")])
        case ("api", 1):
            _ = try query([])
            return .html(apiPage())
        case ("api", _):
            return try api(Array(parts.dropFirst()), query: query)
        default:
            throw RequestProblem.notFound("no page at this address")
        }
    }

    func api(_ parts: [String], query: (Set<String>) throws(RequestProblem) -> QueryParameters) throws -> ServeResponse {
        switch (parts[0], parts.count) {
        case ("search", 1):
            let parameters = try SearchParameters(query(SearchParameters.names))
            return .json(API.search(try SearchOutcome.run(parameters, archive: archive)))
        case ("documents", 2):
            _ = try query([])
            let (record, digest) = try document(parts[1])
            return .json(API.document(record, digest: digest, hasOriginal: !(try archive.store().archivedSources(documentId: record.id)).isEmpty))
        case ("units", 1):
            let parameters = try query(["q"])
            try Self.checkLength(parameters["q"])  // as sent, before trimming: as the OpenAPI document counts
            let filter = parameters.trimmed("q")
            return .json(API.units(try archive.currentDigest(), filter: filter))
        case ("units", 2):
            _ = try query([])
            let digest = try archive.currentDigest()
            guard let unit = digest.units[parts[1]] else { throw RequestProblem.notFound("no unit with the key \"\(SearchParameters.shown(parts[1]))\"") }
            return .json(API.unit(unit, digest: digest))
        case ("deadlines", 1):
            _ = try query([])
            return .json(API.deadlines(try archive.currentDigest()))
        case ("counts", 1):
            _ = try query([])
            return .json(API.counts(try archive.currentDigest()))
        default:
            throw RequestProblem.notFound("no API at this address; see /openapi.json")
        }
    }

    static func checkLength(_ filter: String?) throws(RequestProblem) {
        if let filter, filter.unicodeScalars.count > SearchQuery.maximumUnitCharacters {
            throw .badRequest("q: \(filter.unicodeScalars.count) characters; a unit's name is at most \(SearchQuery.maximumUnitCharacters)")
        }
    }

    /// The record with this id (or the one id this prefix starts), and the digest for its links.
    func document(_ id: String) throws -> (Record, ArchiveDigest?) {
        guard (4...64).contains(id.count), id.lowercased().allSatisfy({ ArchiveStore.idCharacters.contains($0) }) else {
            throw RequestProblem.badRequest("\"\(SearchParameters.shown(id))\" is not a document id (16 hexadecimal digits, or at least their first 4)")
        }
        switch try archive.store().lookup(id: id) {
        case .found(let record): return (record, try? archive.currentDigest())
        case .notFound: throw RequestProblem.notFound("no document with the id \(id)")
        case .ambiguous(let ids): throw RequestProblem.notFound("\(id) starts several ids (\(ids.joined(separator: ", "))); give more of it")
        }
    }

    /// The original file of a document: only a file the store recorded, found under the root the
    /// store recorded for it, still inside that root once every link is resolved, and still the
    /// same bytes (its SHA-256 is the archived one). The request names the document, never a path.
    func original(_ record: Record) throws -> ServeResponse {
        let sources = try archive.store().archivedSources(documentId: record.id)
        var problem = RequestProblem.notFound("the original file of this document is not among its input roots")
        for var source in sources {
            // A root recorded by name is found where this server was told it is mounted.
            if let path = archive.rootPaths[source.root] { source.root = path }
            switch OriginalFile.read(source, maximumBytes: maximumOriginalBytes) {
            case .success(let bytes):
                let name = (source.path as NSString).lastPathComponent
                let ascii = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
                return ServeResponse(contentType: "application/octet-stream", body: bytes, headers: [
                    ("Content-Disposition", "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(URLText.component(name))"),
                ])
            case .failure(let refused): problem = refused
            }
        }
        throw problem
    }

    func apiPage() -> String {
        HTML.page(title: "API", active: "api", body: """
            <h1>API (JSON)</h1>
            <p>Mỗi trang có một địa chỉ JSON tương ứng, mô tả trong <a href="/openapi.json">/openapi.json</a> (OpenAPI 3).</p>
            <ul>
            <li><code>/api/search?q=…&amp;kind=…&amp;year=…&amp;unit=…&amp;field=…&amp;deadline=1&amp;page=…&amp;size=…</code></li>
            <li><code>/api/documents/{id}</code></li>
            <li><code>/api/units</code>, <code>/api/units/{key}</code></li>
            <li><code>/api/deadlines</code></li>
            <li><code>/api/counts</code> (CSV: <a href="/counts.csv">/counts.csv</a>)</li>
            </ul>
            """)
    }
}

/// Reading an original file safely.
enum OriginalFile {
    static func read(_ source: ArchivedSource, maximumBytes: Int) -> Result<[UInt8], RequestProblem> {
        let gone = RequestProblem(410, "the original file is no longer where it was archived from, or has changed since")
        guard !source.root.isEmpty, !source.path.isEmpty, !source.path.hasPrefix("/"),
              !source.path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else {
            return .failure(RequestProblem(403, "the archived path leaves its input root"))
        }
        guard let root = realpath(source.root) else { return .failure(gone) }
        let candidate = URL(fileURLWithPath: source.root).appendingPathComponent(source.path).path
        guard let resolved = realpath(candidate) else { return .failure(gone) }
        // Every link resolved, the file must still be inside the root.
        guard resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            return .failure(RequestProblem(403, "the original file resolves outside its input root"))
        }
        var info = stat()
        guard stat(resolved, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .failure(gone) }
        guard Int(info.st_size) <= maximumBytes else { return .failure(RequestProblem(413, "the original file is larger than \(maximumBytes) bytes")) }
        guard let data = FileManager.default.contents(atPath: resolved) else { return .failure(gone) }
        let bytes = [UInt8](data)
        if let expected = source.sha256 {
            var hash = SHA256()
            hash.update(bytes)
            guard hash.finalizeHex() == expected else { return .failure(gone) }
        }
        return .success(bytes)
    }

    static func realpath(_ path: String) -> String? {
        guard let resolved = Foundation.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
