import Foundation

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
            for file in found.sorted(by: { $0.relativePath < $1.relativePath }) where seen.insert(file.url.path).inserted {
                listing.files.append((file, root.path))
            }
        }
        return listing
    }

    private func makeSourceFile(_ url: URL, relative: String) -> SourceFile {
        let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey])
        return SourceFile(url: url, relativePath: relative, size: values?.fileSize ?? 0, modified: values?.contentModificationDate)
    }

    private func walk(_ folder: URL, relative: String, spec: PipelineConfig.InputSpec, include: [Glob], exclude: [Glob],
                      into found: inout [SourceFile], problems: inout [(path: String, reason: String)]) {
        let fm = FileManager.default
        let names: [String]
        do { names = try fm.contentsOfDirectory(atPath: folder.path) } catch {
            problems.append((folder.path, "cannot list folder: \((error as NSError).localizedDescription)"))
            return
        }
        for name in names.sorted() {
            if !spec.includeHidden && name.hasPrefix(".") { continue }
            let url = folder.appendingPathComponent(name)
            let path = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                problems.append((url.path, "broken link"))
                continue
            }
            if isDirectory.boolValue {
                let resolved = url.resolvingSymlinksInPath()
                if skipFolders.contains(resolved) { continue }
                // Do not follow links to folders: they can loop, and what they point at is an input of its own.
                if (try? url.resourceValues(forKeys: [.isSymbolicLinkKey]))?.isSymbolicLink == true { continue }
                walk(url, relative: path, spec: spec, include: include, exclude: exclude, into: &found, problems: &problems)
                continue
            }
            guard include.contains(where: { $0.matches(path) }), !exclude.contains(where: { $0.matches(path) }) else { continue }
            found.append(makeSourceFile(url, relative: path))
        }
    }
}
