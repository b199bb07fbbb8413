import Foundation

/// Records serialised to a scratch file as they are made, so a run never holds all records in
/// memory; only their ids and offsets stay. The archive is then written from the spool in id order.
public final class RecordSpool {
    private let handle: FileHandle
    public let url: URL
    private var offset: UInt64 = 0
    /// id → (offset, length) in the spool file.
    private(set) var index: [String: (offset: UInt64, length: Int)] = [:]

    public init(in folder: URL) throws {
        url = folder.appendingPathComponent(".spool-\(ProcessInfo.processInfo.processIdentifier).jsonl")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        guard let handle = FileHandle(forUpdatingAtPath: url.path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        self.handle = handle
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }

    public var count: Int { index.count }

    public func contains(_ id: String) -> Bool { index[id] != nil }

    public func append(id: String, json: [UInt8]) throws {
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(json))
        index[id] = (offset, json.count)
        offset += UInt64(json.count)
    }

    public var sortedIDs: [String] { index.keys.sorted() }

    public func read(_ id: String) throws -> [UInt8] {
        guard let entry = index[id] else { return [] }
        try handle.seek(toOffset: entry.offset)
        return [UInt8](try handle.read(upToCount: entry.length) ?? Data())
    }
}
