import Foundation
import VanThuExtract
import VanThuStore
import VanThuText

/// The archive a server reads: the store of one output folder, opened read-only, or a shared
/// store (PostgreSQL) given open. A nightly run may write the store at the same time (SQLite's
/// WAL lets readers go on; PostgreSQL's readers never wait), and each request sees the last
/// committed state. When a run replaces a file of a folder's store (a new store, a rebuilt index,
/// an index that appears after the first run), the next request opens the files again: no
/// restart is needed.
public final class ServedArchive: @unchecked Sendable {
    /// The output folder whose SQLite store is served; nil for a shared store.
    public let folder: URL?
    /// Where the archive is, for messages.
    public let location: String
    /// Input roots recorded by name (`district-3:/mnt/scans`) → where their files are on this
    /// machine, for the original files; roots recorded by path need none.
    public let rootPaths: [String: String]
    private let shared: (any RecordStore)?
    private let lock = NSLock()
    private var opened: (store: ArchiveStore, identity: FileIdentity)?
    private var digest: ArchiveDigest?
    private var building = false
    private let digestReady = NSCondition()

    public init(folder: URL, rootPaths: [String: String] = [:]) {
        self.folder = folder.standardizedFileURL
        location = folder.standardizedFileURL.path
        self.rootPaths = rootPaths
        shared = nil
    }

    /// A store that stays open while the server runs (a PostgreSQL store, read-only).
    public init(store: any RecordStore, rootPaths: [String: String] = [:]) {
        folder = nil
        location = store.storeLocation
        self.rootPaths = rootPaths
        shared = store
    }

    /// What identifies the files a store was opened on: a file replaced by a new one has another inode.
    struct FileIdentity: Equatable {
        var store: [Int]
        var index: [Int]

        init(folder: URL) {
            func identity(_ name: String) -> [Int] {
                var info = stat()
                guard stat(folder.appendingPathComponent(name).path, &info) == 0 else { return [] }
                return [Int(info.st_dev), Int(info.st_ino)]
            }
            store = identity(ArchiveStore.fileName)
            index = identity(SearchIndex.fileName)
        }
    }

    public enum Problem: Error, CustomStringConvertible {
        case noArchive(String)
        case cannotOpen(String)

        public var description: String {
            switch self {
            case .noArchive(let folder): return "no archive in \(folder) yet (vanthu run makes it)"
            case .cannotOpen(let reason): return "the archive cannot be opened: \(reason)"
            }
        }
    }

    /// The store as it is now: the one already open, or a new one when its files were replaced.
    public func store() throws -> any RecordStore {
        if let shared { return shared }
        guard let folder else { throw Problem.noArchive(location) }
        let identity = FileIdentity(folder: folder)
        lock.lock()
        defer { lock.unlock() }
        if let opened, opened.identity == identity { return opened.store }
        guard !identity.store.isEmpty else { throw Problem.noArchive(folder.path) }
        do {
            let store = try ArchiveStore(folder: folder, readOnly: true)
            opened = (store, identity)
            return store
        } catch {
            throw Problem.cannotOpen("\(error)")
        }
    }

    /// The archive-wide tables (units, deadlines, counts, document numbers) for the store's
    /// current generation, built once per generation. Requests that need it while it is built wait.
    public func currentDigest() throws -> ArchiveDigest {
        let store = try store()
        let generation = try store.generation()
        digestReady.lock()
        defer { digestReady.unlock() }
        while true {
            if let digest, digest.generation == generation, digest.store === store { return digest }
            if !building { break }
            digestReady.wait()
        }
        building = true
        digestReady.unlock()
        let built = Result { try ArchiveDigest(store: store, generation: generation) }
        digestReady.lock()
        building = false
        digestReady.broadcast()
        let value = try built.get()
        digest = value
        return value
    }

    /// The digest if one is ready for the current generation, without building it.
    func readyDigest() -> ArchiveDigest? {
        guard let store = try? store(), let generation = try? store.generation() else { return nil }
        digestReady.lock()
        defer { digestReady.unlock() }
        if let digest, digest.generation == generation, digest.store === store { return digest }
        return nil
    }
}
