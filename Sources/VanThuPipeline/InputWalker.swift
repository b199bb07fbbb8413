import Foundation
import VanThuText
import VanThuFormats
#if canImport(Glibc)
import Glibc
#endif

/// Walks the configured inputs and lists the files to process, sorted by relative path so that a
/// run does not depend on directory order. A root that does not exist is reported, not fatal.
///
/// Every entry the walk meets is accounted for: a file to read; a file refused before it is opened
/// (`SourceFile.refusal`: a symbolic link that leads outside the input roots, a broken link, a
/// FIFO, socket or device), which ingest quarantines; or an entry skipped by a documented rule,
/// counted in `Listing.skipped` (`SkipRule`).
public struct InputWalker: Sendable {
    public var inputs: [PipelineConfig.InputSpec]
    /// Folders never walked (the output folder, when it lies inside an input).
    public var skipFolders: [URL]

    public init(inputs: [PipelineConfig.InputSpec], skipFolders: [URL] = []) {
        self.inputs = inputs
        self.skipFolders = skipFolders.map { $0.standardizedFileURL.resolvingSymlinksInPath() }
    }

    /// The documented rules by which the walk leaves an entry out without quarantining it.
    public enum SkipRule: String, Sendable, CaseIterable {
        /// A file or folder whose name starts with "." (unless the input sets `includeHidden`);
        /// a hidden folder counts once, its content is not walked.
        case hidden
        /// A file that no `include` glob matches or an `exclude` glob matches.
        case excluded
        /// The output folder (and everything in it) when it lies inside an input.
        case outputFolder
        /// A symbolic link to a folder inside the input roots: not followed (links can loop; the
        /// folder is walked where it is).
        case linkToFolder
    }

    public struct Listing: Sendable {
        /// The files, each with the input root it was found under.
        public var files: [(file: SourceFile, root: String)] = []
        /// Inputs that could not be walked: (path, reason).
        public var problems: [(path: String, reason: String)] = []
        /// Entries left out by a documented rule, by rule.
        public var skipped: [SkipRule: Int] = [:]
    }

    public func list() -> Listing {
        var listing = Listing()
        let fm = FileManager.default
        var seen = Set<String>()
        // The roots as the file system resolves them: a link may lead anywhere inside them.
        let resolvedRoots = inputs.compactMap { Self.realPath(Array(URL(fileURLWithPath: $0.path).standardizedFileURL.path.utf8)) }
        let skip = skipFolders.compactMap { Self.realPath(Array($0.path.utf8)) }
        for spec in inputs {
            let root = URL(fileURLWithPath: spec.path).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
                listing.problems.append((spec.path, "no such file or folder"))
                continue
            }
            let include = spec.include.map(Glob.init)
            let exclude = spec.exclude.map(Glob.init)
            let rootPath = PathEscape.escape(root.path)
            if !isDirectory.boolValue {
                // A file named as an input is read even through a link (it was named), but only
                // when it is a regular file.
                var file = makeSourceFile(root, relative: root.lastPathComponent)
                if file.refusal == nil, let target = Self.realPath(Array(root.path.utf8)) { file.openPath = target }
                if seen.insert(file.path).inserted { listing.files.append((file, rootPath)) }
                continue
            }
            var found: [SourceFile] = []
            let context = WalkContext(spec: spec, include: include, exclude: exclude, roots: resolvedRoots, skipFolders: skip)
            walk(Array(root.path.utf8), escaped: rootPath, relative: "", context: context, into: &found, listing: &listing)
            for file in found.sorted(by: { $0.relativePath < $1.relativePath }) where seen.insert(file.path).inserted {
                listing.files.append((file, rootPath))
            }
        }
        return listing
    }

    private func makeSourceFile(_ url: URL, relative: String) -> SourceFile {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return SourceFile(url: url, relativePath: relative, size: 0) }
        var file = SourceFile(url: url, relativePath: relative, size: Int(info.st_size), modified: Self.modified(info))
        if info.st_mode & S_IFMT != S_IFREG { file.refusal = SourceFile.notRegular(info.st_mode) }
        return file
    }

    package static func modified(_ info: stat) -> Date {
        Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    /// `realpath(3)` of a path's bytes, or nil when it cannot be resolved (a broken link).
    package static func realPath(_ path: [UInt8]) -> [UInt8]? {
        var cPath = path.map { CChar(bitPattern: $0) }
        cPath.append(0)
        guard let resolved = realpath(cPath, nil) else { return nil }
        defer { free(resolved) }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self), count: strlen(resolved)))
    }

    /// Whether `path` is `root` or inside it (both resolved).
    package static func isInside(_ path: [UInt8], _ root: [UInt8]) -> Bool {
        if path == root { return true }
        if root == [UInt8(ascii: "/")] { return path.first == UInt8(ascii: "/") }
        return path.count > root.count && path.starts(with: root) && path[root.count] == UInt8(ascii: "/")
    }

    private struct WalkContext {
        var spec: PipelineConfig.InputSpec
        var include: [Glob]
        var exclude: [Glob]
        var roots: [[UInt8]]
        var skipFolders: [[UInt8]]
    }

    /// Walks a folder with opendir/readdir and lstat (FileManager costs several times more per
    /// file, which a nightly re-run over 100 000 files feels). Names are kept as bytes to open
    /// them, and escaped (`PathEscape`) for the paths the archive shows.
    private func walk(_ folder: [UInt8], escaped folderEscaped: String, relative: String, context: WalkContext,
                      into found: inout [SourceFile], listing: inout Listing) {
        var cFolder = folder.map { CChar(bitPattern: $0) }
        cFolder.append(0)
        guard let directory = opendir(cFolder) else {
            listing.problems.append((folderEscaped, "cannot list folder: \(String(cString: strerror(errno)))"))
            return
        }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name: [UInt8] = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { Array(UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)))) }
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        closedir(directory)
        let separator: [UInt8] = folder.last == UInt8(ascii: "/") ? [] : [UInt8(ascii: "/")]
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let escapedName = PathEscape.escape(name)
            if !context.spec.includeHidden && name.first == UInt8(ascii: ".") {
                listing.skipped[.hidden, default: 0] += 1
                continue
            }
            let path = folder + separator + name
            let escapedPath = folderEscaped + (separator.isEmpty ? "" : "/") + escapedName
            let relativePath = relative.isEmpty ? escapedName : relative + "/" + escapedName
            var cPath = path.map { CChar(bitPattern: $0) }
            cPath.append(0)
            var info = stat()
            guard lstat(cPath, &info) == 0 else {
                listing.problems.append((escapedPath, "cannot read: \(String(cString: strerror(errno)))"))
                continue
            }
            var file = SourceFile(path: escapedPath, relativePath: relativePath, size: Int(info.st_size), modified: Self.modified(info))
            var mode = info.st_mode & S_IFMT
            let parts = Glob.segments(of: relativePath)
            let excluded = !context.include.contains(where: { $0.matches(segments: parts) })
                || context.exclude.contains(where: { $0.matches(segments: parts) })
            if mode == S_IFLNK {
                // A link is followed only to a place inside the input roots, and is opened there.
                let target = Self.realPath(path)
                var refusal: String?
                if target == nil || stat(cPath, &info) != 0 {
                    refusal = "broken symbolic link"
                } else if let target, !context.roots.contains(where: { Self.isInside(target, $0) }) {
                    refusal = "symbolic link to \(PathEscape.escape(target)), outside the input roots: links are followed only within them"
                }
                if let refusal {
                    if excluded {
                        listing.skipped[.excluded, default: 0] += 1
                    } else {
                        file.refusal = refusal
                        found.append(file)
                    }
                    continue
                }
                guard let target else { continue }
                mode = info.st_mode & S_IFMT
                if mode == S_IFDIR {
                    listing.skipped[.linkToFolder, default: 0] += 1
                    continue
                }
                file.openPath = target
                file.size = Int(info.st_size)
                file.modified = Self.modified(info)
            }
            if mode == S_IFDIR {
                if !context.skipFolders.isEmpty, let resolved = Self.realPath(path), context.skipFolders.contains(resolved) {
                    listing.skipped[.outputFolder, default: 0] += 1
                    continue
                }
                walk(path, escaped: escapedPath, relative: relativePath, context: context, into: &found, listing: &listing)
                continue
            }
            guard !excluded else {
                listing.skipped[.excluded, default: 0] += 1
                continue
            }
            if mode != S_IFREG { file.refusal = SourceFile.notRegular(info.st_mode) }
            found.append(file)
        }
    }
}
