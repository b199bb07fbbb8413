import Foundation
import VanThuText
import VanThuFormats
import VanThuExtract

/// Writes the archive, or the part of it a query finds, as a BagIt bag (RFC 8493, version 1.0)
/// for an archive system (Archivematica, a provincial digital archive):
///
/// ```
/// DIR/bagit.txt, bag-info.txt, manifest-sha256.txt, tagmanifest-sha256.txt
/// DIR/data/objects/ROOT/PATH          the original files, byte for byte, under their input root's name
/// DIR/data/metadata/records.jsonl      the archive records, one a line
/// DIR/data/metadata/documents.csv      the archival description (Thông tư 02/2019, 05/2025)
/// DIR/data/metadata/metadata.csv       the same in Dublin Core, as Archivematica imports it
/// ```
///
/// `objects/` and `metadata/` are the two folders of an Archivematica transfer, which a bag's
/// `data/` becomes. Each original is copied and hashed in one pass, and its SHA-256 must be the
/// one the store recorded when it was archived: a file changed or removed since stops the export.
/// The bag is written into a temporary folder beside `DIR` (`.DIR.tmp-PID`, removed on failure and
/// on SIGINT/SIGTERM/SIGHUP/SIGQUIT) and renamed to `DIR` only once complete, so a partial bag never
/// looks like a bag. Memory does not grow with the archive: records are streamed, files copied a
/// megabyte at a time.
public struct BagWriter {
    public struct Options: Sendable {
        /// `Source-Organization`: who hands the bag over.
        public var organization: String
        /// `External-Description`; nil: one made from the query and the archive.
        public var description: String?
        /// documents.csv gets a second heading row of English keys.
        public var keyRow = false
        /// Only the documents it finds (no limit); nil: every document with a file.
        public var query: SearchQuery?
        /// `Bagging-Date` (`YYYY-MM-DD`).
        public var baggingDate: String
        /// `Bag-Software-Agent`.
        public var software: String
        /// Input roots recorded by name (`district-3:/mnt/scans`, on a shared store) → where their
        /// files are on this machine. Roots recorded by path need none.
        public var rootPaths: [String: String]

        public init(organization: String, description: String? = nil, keyRow: Bool = false, query: SearchQuery? = nil,
                    baggingDate: String, software: String, rootPaths: [String: String] = [:]) {
            self.organization = organization; self.description = description; self.keyRow = keyRow; self.query = query
            self.baggingDate = baggingDate; self.software = software; self.rootPaths = rootPaths
        }
    }

    public struct Summary: Sendable, Equatable {
        public var documents = 0
        /// Original files copied (a document held by several files counts each).
        public var originals = 0
        /// Payload-Oxum: the bytes and files under `data/`.
        public var payloadBytes = 0
        public var payloadFiles = 0
        /// Documents the query found whose files are all gone from the inputs: left out.
        public var goneLeftOut = 0
    }

    public enum Problem: Error, CustomStringConvertible, Equatable {
        case destinationNotEmpty(String)
        case originalUnreadable(path: String, reason: String)
        case originalChanged(path: String, recorded: String, found: String)
        case unsafePath(String)
        case nothingToExport

        public var description: String {
            switch self {
            case .destinationNotEmpty(let path):
                return "\(path) exists and is not an empty folder: a bag is written into a new folder (or an empty one)"
            case .originalUnreadable(let path, let reason):
                return "the original \(path) cannot be read (\(reason)); it was archived from there: restore it, or run "
                    + "`vanthu run` so the archive knows it is gone, then export again"
            case .originalChanged(let path, let recorded, let found):
                return "the original \(path) changed since it was archived (SHA-256 recorded \(recorded.prefix(16))…, now "
                    + "\(found.prefix(16))…): run `vanthu run` to archive it again, then export"
            case .unsafePath(let path):
                return "the stored path \(path) would leave the bag's folder"
            case .nothingToExport:
                return "no document to export: the filters found none with its file still in the inputs"
            }
        }

        /// A problem with the inputs (an original gone or changed), not with the bag's folder.
        public var isInputProblem: Bool {
            switch self {
            case .originalUnreadable, .originalChanged: return true
            default: return false
            }
        }
    }

    public let store: any RecordStore
    public let destination: URL
    public let options: Options

    public init(store: any RecordStore, destination: URL, options: Options) {
        self.store = store
        self.destination = destination.standardizedFileURL
        self.options = options
    }

    static let payloadManifest = "manifest-sha256.txt"
    static let tagManifest = "tagmanifest-sha256.txt"

    /// The temporary folder the bag is written into before it is renamed to `destination`.
    var temporary: URL {
        destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Writes the bag; on any failure nothing is left but what was at `destination` before.
    @discardableResult
    public func write() throws -> Summary {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        var replaceEmptyFolder = false
        if fm.fileExists(atPath: destination.path, isDirectory: &isFolder) {
            guard isFolder.boolValue, (try? fm.contentsOfDirectory(atPath: destination.path))?.isEmpty == true else {
                throw Problem.destinationNotEmpty(destination.path)
            }
            replaceEmptyFolder = true
        }
        let parent = destination.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        Self.removeAbandonedTemporaries(for: destination)
        let folder = temporary
        if fm.fileExists(atPath: folder.path) { try fm.removeItem(at: folder) }
        guard TemporaryFiles.createFolder(folder) else { throw BagFile.error(folder.path, errno) }
        do {
            let summary = try fill(folder)
            try Self.syncFileSystem(of: folder)
            if replaceEmptyFolder { try fm.removeItem(at: destination) }
            guard rename(folder.path, destination.path) == 0 else { throw BagFile.error(destination.path, errno) }
            TemporaryFiles.unregisterFolder(folder)
            Self.syncFolder(parent)
            return summary
        } catch {
            try? fm.removeItem(at: folder)
            TemporaryFiles.unregisterFolder(folder)
            throw error
        }
    }

    /// Writes the whole bag into `folder`: the payload and its manifest first, the tag files last.
    func fill(_ folder: URL) throws -> Summary {
        var summary = Summary()
        summary.goneLeftOut = try store.goneDocumentCount(matching: options.query)
        let data = folder.appendingPathComponent("data")
        let metadata = data.appendingPathComponent("metadata")
        try FileManager.default.createDirectory(at: metadata, withIntermediateDirectories: true)
        let manifest = try BagFile(creating: folder.appendingPathComponent(Self.payloadManifest))
        let records = try BagFile(creating: metadata.appendingPathComponent("records.jsonl"))
        let documents = try BagFile(creating: metadata.appendingPathComponent("documents.csv"))
        let dublinCore = try BagFile(creating: metadata.appendingPathComponent("metadata.csv"))
        try documents.write(DocumentsCSV.header(keyRow: options.keyRow))
        try dublinCore.write(DublinCoreCSV.header)
        var names = RootNames()
        var madeFolders = Set<String>()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        let decoder = JSONDecoder()
        try store.forEachDocumentWithFiles(matching: options.query) { _, json, files in
            var bagPaths: [String] = []
            for file in files {
                let relative = try names.bagPath(for: file)
                let url = data.appendingPathComponent(relative)
                let parent = url.deletingLastPathComponent().path
                if madeFolders.insert(parent).inserted {
                    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
                }
                let copied = try Self.copy(file, from: Self.filePath(file, rootPaths: options.rootPaths), to: url, buffer: &buffer)
                try manifest.write(BagPath.manifestLine(copied.sha256, "data/" + relative))
                summary.payloadBytes += copied.bytes
                summary.payloadFiles += 1
                summary.originals += 1
                bagPaths.append(relative)
            }
            let record = try decoder.decode(Record.self, from: Data(json))
            let description = ArchivalDescription(record, files: bagPaths)
            try documents.write(DocumentsCSV.row(description))
            try dublinCore.write(DublinCoreCSV.row(description))
            try records.write(json)
            try records.write([0x0A])
            summary.documents += 1
        }
        guard summary.documents > 0 else { throw Problem.nothingToExport }
        for (file, name) in [(records, "records.jsonl"), (documents, "documents.csv"), (dublinCore, "metadata.csv")] {
            let (sha, bytes) = try file.close()
            try manifest.write(BagPath.manifestLine(sha, "data/metadata/" + name))
            summary.payloadBytes += bytes
            summary.payloadFiles += 1
        }
        let manifestSum = try manifest.close()
        // The tag files, bagit.txt among them, only once the payload is complete.
        var tags: [(String, String)] = [(manifestSum.sha256, Self.payloadManifest)]
        for (name, text) in [("bagit.txt", Self.declaration), ("bag-info.txt", bagInfo(summary))] {
            let file = try BagFile(creating: folder.appendingPathComponent(name))
            try file.write(Array(text.utf8))
            tags.insert((try file.close().sha256, name), at: tags.count - 1)
        }
        let tagFile = try BagFile(creating: folder.appendingPathComponent(Self.tagManifest))
        for (sha, name) in tags { try tagFile.write(BagPath.manifestLine(sha, name)) }
        _ = try tagFile.close()
        return summary
    }

    static let declaration = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

    func bagInfo(_ summary: Summary) -> String {
        let description = options.description ?? defaultDescription(summary)
        let lines = [
            ("Source-Organization", options.organization),
            ("Bagging-Date", options.baggingDate),
            ("Payload-Oxum", "\(summary.payloadBytes).\(summary.payloadFiles)"),
            ("Bag-Size", Self.humanSize(summary.payloadBytes)),
            ("External-Description", description),
            ("Bag-Software-Agent", options.software),
        ]
        // A value is one line: line breaks in what was given become spaces.
        return lines.map { "\($0.0): \($0.1.split(whereSeparator: \.isNewline).joined(separator: " "))\n" }.joined()
    }

    func defaultDescription(_ summary: Summary) -> String {
        var text = "\(summary.documents) documents archived by VanThu (\(summary.originals) original files), with their records "
            + "(metadata/records.jsonl), archival description (metadata/documents.csv) and Dublin Core (metadata/metadata.csv)"
        if let query = options.query {
            var filters: [String] = []
            if !query.text.isEmpty { filters.append("words \"\(query.text)\"") }
            if let kind = query.kind { filters.append("kind \(kind.rawValue)") }
            if let from = query.from { filters.append("from \(from)") }
            if let to = query.to { filters.append("to \(to)") }
            if let unit = query.unit { filters.append("unit \(unit)") }
            if let field = query.field { filters.append("field \(field)") }
            if !filters.isEmpty { text += "; selected by " + filters.joined(separator: ", ") }
        }
        return text
    }

    /// `51.2 MB`, `812 KB`, `96 bytes` (decimal units, as bagit-python writes Bag-Size).
    static func humanSize(_ bytes: Int) -> String {
        let units = ["KB", "MB", "GB", "TB"]
        guard bytes >= 1000 else { return "\(bytes) bytes" }
        var value = Double(bytes)
        var unit = -1
        while value >= 1000 && unit < units.count - 1 { value /= 1000; unit += 1 }
        return String(format: value < 10 ? "%.2f" : "%.1f", value) + " " + units[unit]
    }

    /// Where an original is on this machine: its location, or for a root recorded by name, the
    /// path given for that name and the file's path inside it. A name with no path given is
    /// left as it is (and cannot be opened: the message names it).
    static func filePath(_ file: ArchiveStore.ArchivedFile, rootPaths: [String: String]) -> [UInt8] {
        guard let root = rootPaths[file.root], file.location != file.root else { return PathEscape.unescape(file.location) }
        return Array((root.hasSuffix("/") ? root : root + "/").utf8) + PathEscape.unescape(file.path)
    }

    /// Copies one original into the bag and hashes it in the same pass; its checksum must be the
    /// one recorded when it was archived.
    static func copy(_ file: ArchiveStore.ArchivedFile, from path: [UInt8], to url: URL, buffer: inout [UInt8]) throws -> (sha256: String, bytes: Int) {
        let shown = file.location
        let (opened, problem) = BagFile.openRegular(path)
        guard let fd = opened else { throw Problem.originalUnreadable(path: shown, reason: problem ?? "cannot open") }
        defer { close(fd) }
        let out = try BagFile(creating: url)
        do {
            try BagFile.readAll(fd, buffer: &buffer, path: shown) { try out.write($0) }
        } catch let error as CocoaError where error.code == .fileReadUnknown {
            throw Problem.originalUnreadable(path: shown, reason: (error.userInfo[NSLocalizedDescriptionKey] as? String) ?? "\(error)")
        }
        let copied = try out.close()
        guard copied.sha256 == file.sha256.lowercased() else {
            throw Problem.originalChanged(path: shown, recorded: file.sha256, found: copied.sha256)
        }
        return copied
    }

    /// Names the folder of each input root inside `objects/`: its last component (`corpora`),
    /// `corpora-2` for another root of the same name. A file named as an input goes under its
    /// folder's name.
    struct RootNames {
        private var byFolder: [String: String] = [:]
        private var used = Set<String>()

        mutating func bagPath(for file: ArchiveStore.ArchivedFile) throws -> String {
            // A file named as an input is its own root.
            let isFileRoot = file.location == file.root
            let folder = isFileRoot ? String(file.root[..<(file.root.lastIndex(of: "/") ?? file.root.startIndex)]) : file.root
            let name: String
            if let known = byFolder[folder] {
                name = known
            } else {
                let base = folder.split(separator: "/").last.map(String.init) ?? "root"
                var candidate = base
                var suffix = 2
                while used.contains(candidate) { candidate = "\(base)-\(suffix)"; suffix += 1 }
                used.insert(candidate)
                byFolder[folder] = candidate
                name = candidate
            }
            let relative = "objects/\(name)/\(file.path)"
            guard BagPath.isSafe(relative), !file.path.isEmpty else { throw Problem.unsafePath(file.path) }
            return relative
        }
    }

    /// Makes the whole bag durable before the rename makes it visible: one `syncfs` of its file
    /// system (measured on 3 054 files: an fsync per file took 27 s, most of the export), else
    /// `sync`. syncfs is Linux's and glibc declares it only under _GNU_SOURCE, so it is looked up.
    static func syncFileSystem(of folder: URL) throws {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw BagFile.error(folder.path, errno) }
        defer { close(fd) }
        if let syncfs {
            guard syncfs(fd) == 0 else { throw BagFile.error(folder.path, errno) }
        } else {
            sync()
        }
    }

    typealias SyncFS = @convention(c) (Int32) -> Int32
    nonisolated(unsafe) static let syncfs: SyncFS? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs")
        .map { unsafeBitCast($0, to: SyncFS.self) }

    static func syncFolder(_ folder: URL) {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// Removes the temporary folders of the same bag left by exports that no longer run
    /// (killed with -9): `.NAME.tmp-PID` where no process PID exists.
    @discardableResult
    static func removeAbandonedTemporaries(for destination: URL) -> Int {
        let parent = destination.deletingLastPathComponent()
        let prefix = ".\(destination.lastPathComponent).tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return 0 }
        var removed = 0
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            if (try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))) != nil { removed += 1 }
        }
        return removed
    }
}
