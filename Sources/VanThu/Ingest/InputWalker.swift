import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Walks the configured inputs and lists the files to process, sorted by relative path so that a
/// run does not depend on directory order. A root that does not exist is reported, not fatal.
public struct InputWalker: Sendable {
    public var inputs: [PipelineConfig.InputSpec]
    /// Folders never walked (the output folder, when it lies inside an input).
    public var skipFolders: [URL]

    public init(inputs: [PipelineConfig.InputSpec], skipFolders: [URL] = []) {
        self.inputs = inputs
        self.skipFolders = skipFolders.map { $0.standardizedFileURL.resolvingSymlinksInPath() }
    }

    public struct Listing: Sendable {
        /// The files, each with the input root it was found under.
        public var files: [(file: SourceFile, root: String)] = []
        /// Inputs that could not be walked: (path, reason).
        public var problems: [(path: String, reason: String)] = []
    }

    public func list() -> Listing {
        var listing = Listing()
        let fm = FileManager.default
        var seen = Set<String>()
        for spec in inputs {
            let root = URL(fileURLWithPath: spec.path).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
                listing.problems.append((spec.path, "no such file or folder"))
                continue
            }
            let include = spec.include.map(Glob.init)
            let exclude = spec.exclude.map(Glob.init)
            if !isDirectory.boolValue {
                let file = makeSourceFile(root, relative: root.lastPathComponent)
                if seen.insert(root.path).inserted { listing.files.append((file, root.path)) }
                continue
            }
            var found: [SourceFile] = []
            walk(root, relative: "", spec: spec, include: include, exclude: exclude, into: &found, problems: &listing.problems)
            for file in found.sorted(by: { $0.relativePath < $1.relativePath }) where seen.insert(file.path).inserted {
                listing.files.append((file, root.path))
            }
        }
        return listing
    }

    private func makeSourceFile(_ url: URL, relative: String) -> SourceFile {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return SourceFile(url: url, relativePath: relative, size: 0) }
        return SourceFile(url: url, relativePath: relative, size: Int(info.st_size), modified: Self.modified(info))
    }

    static func modified(_ info: stat) -> Date {
        Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    /// Walks a folder with opendir/readdir and stat (FileManager costs several times more per
    /// file, which a nightly re-run over 100 000 files feels).
    private func walk(_ folder: URL, relative: String, spec: PipelineConfig.InputSpec, include: [Glob], exclude: [Glob],
                      into found: inout [SourceFile], problems: inout [(path: String, reason: String)]) {
        let folderPath = folder.path
        guard let directory = opendir(folderPath) else {
            problems.append((folderPath, "cannot list folder: \(String(cString: strerror(errno)))"))
            return
        }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        closedir(directory)
        for (name, type) in entries.sorted(by: { $0.name < $1.name }) {
            if !spec.includeHidden && name.hasPrefix(".") { continue }
            let path = folderPath.hasSuffix("/") ? folderPath + name : folderPath + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            let isLink = type == UInt8(DT_LNK)
            guard stat(path, &info) == 0 else {
                problems.append((path, isLink ? "broken link" : "cannot read: \(String(cString: strerror(errno)))"))
                continue
            }
            let mode = info.st_mode & S_IFMT
            if mode == S_IFDIR {
                // Do not follow links to folders: they can loop, and what they point at is an input of its own.
                if isLink { continue }
                let url = URL(fileURLWithPath: path, isDirectory: true)
                if !skipFolders.isEmpty && skipFolders.contains(url.standardizedFileURL.resolvingSymlinksInPath()) { continue }
                walk(url, relative: relativePath, spec: spec, include: include, exclude: exclude, into: &found, problems: &problems)
                continue
            }
            guard mode == S_IFREG else { continue }
            guard include.contains(where: { $0.matches(relativePath) }), !exclude.contains(where: { $0.matches(relativePath) }) else { continue }
            found.append(SourceFile(path: path, relativePath: relativePath,
                                    size: Int(info.st_size), modified: Self.modified(info)))
        }
    }
}
