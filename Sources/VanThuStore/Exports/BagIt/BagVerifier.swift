import Foundation

/// Checks a BagIt bag as bagit-python's `--validate` does: the declaration (`bagit.txt`), every
/// payload file against the SHA-256 manifest (changed, missing), every file under `data/` listed
/// (extra), `Payload-Oxum`, and the tag manifest's files. Files are hashed a megabyte at a time.
/// Only SHA-256 manifests are checked; a bag with none is reported as not checkable.
public enum BagVerifier {
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// Not a bag at all (no folder, no bagit.txt): nothing else was checked.
        case notABag(String)
        /// bagit.txt, bag-info.txt or a manifest is not as RFC 8493 writes it.
        case malformed(file: String, reason: String)
        case missing(String)
        case extra(String)
        case changed(path: String, manifest: String, found: String)
        case unreadable(path: String, reason: String)
        case oxum(recorded: String, found: String)

        public var description: String {
            switch self {
            case .notABag(let reason): return "not a bag: \(reason)"
            case .malformed(let file, let reason): return "\(file): \(reason)"
            case .missing(let path): return "missing: \(path) is in the manifest but not in the bag"
            case .extra(let path): return "extra: \(path) is in the bag but not in the manifest"
            case .changed(let path, let manifest, let found):
                return "changed: \(path) (manifest SHA-256 \(manifest), file \(found))"
            case .unreadable(let path, let reason): return "unreadable: \(path) (\(reason))"
            case .oxum(let recorded, let found):
                return "Payload-Oxum: bag-info.txt says \(recorded) (bytes.files), the payload holds \(found)"
            }
        }
    }

    public struct Report: Sendable {
        public var problems: [Problem] = []
        /// Payload files and bytes found under `data/`.
        public var payloadFiles = 0
        public var payloadBytes = 0
        /// Manifests of algorithms this verifier does not compute (listed, not checked).
        public var unchecked: [String] = []
        public var isValid: Bool { problems.isEmpty }
    }

    public static func verify(_ bag: URL) -> Report {
        var report = Report()
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: bag.path, isDirectory: &isFolder), isFolder.boolValue else {
            report.problems.append(.notABag("\(bag.path) is not a folder"))
            return report
        }
        // The declaration.
        guard let declaration = try? Data(contentsOf: bag.appendingPathComponent("bagit.txt")) else {
            report.problems.append(.notABag("\(bag.path) has no bagit.txt"))
            return report
        }
        let tags = parseTags(declaration)
        if declaration.starts(with: [0xEF, 0xBB, 0xBF]) {
            report.problems.append(.malformed(file: "bagit.txt", reason: "begins with a byte-order mark"))
        }
        if let version = tags.first(where: { $0.0 == "BagIt-Version" })?.1 {
            if !["0.97", "1.0"].contains(version) {
                report.problems.append(.malformed(file: "bagit.txt", reason: "BagIt-Version \(version): 0.97 and 1.0 are checked"))
            }
        } else {
            report.problems.append(.malformed(file: "bagit.txt", reason: "no BagIt-Version"))
        }
        if let encoding = tags.first(where: { $0.0 == "Tag-File-Character-Encoding" })?.1 {
            if encoding.uppercased() != "UTF-8" {
                report.problems.append(.malformed(file: "bagit.txt", reason: "Tag-File-Character-Encoding \(encoding): only UTF-8 is read"))
            }
        } else {
            report.problems.append(.malformed(file: "bagit.txt", reason: "no Tag-File-Character-Encoding"))
        }
        let data = bag.appendingPathComponent("data")
        guard fm.fileExists(atPath: data.path, isDirectory: &isFolder), isFolder.boolValue else {
            report.problems.append(.notABag("\(bag.path) has no data folder"))
            return report
        }
        // The manifests present.
        let names = ((try? fm.contentsOfDirectory(atPath: bag.path)) ?? []).sorted()
        let payloadManifests = names.filter { $0.hasPrefix("manifest-") && $0.hasSuffix(".txt") }
        let tagManifests = names.filter { $0.hasPrefix("tagmanifest-") && $0.hasSuffix(".txt") }
        for name in payloadManifests + tagManifests where !name.hasSuffix("-sha256.txt") { report.unchecked.append(name) }
        guard payloadManifests.contains("manifest-sha256.txt") else {
            report.problems.append(.notABag(payloadManifests.isEmpty
                ? "\(bag.path) has no payload manifest (manifest-ALGORITHM.txt)"
                : "\(bag.path) has no SHA-256 manifest, and vanthu verify-bag checks SHA-256 only (found \(payloadManifests.joined(separator: ", ")))"))
            return report
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        // The payload: every manifest entry hashed, every file under data/ listed.
        let listed = readManifest(bag, "manifest-sha256.txt", payload: true, into: &report)
        for (path, expected) in listed.sorted(by: { $0.key < $1.key }) {
            check(bag, path, expected, buffer: &buffer, into: &report)
        }
        var found = 0, bytes = 0
        walk(data, prefix: "data") { path, size, regular in
            guard regular else {
                report.problems.append(.malformed(file: path, reason: "not a regular file (a link or a special file) in the payload"))
                return
            }
            found += 1
            bytes += size
            if listed[path] == nil { report.problems.append(.extra(path)) }
        }
        report.payloadFiles = found
        report.payloadBytes = bytes
        // Payload-Oxum, when bag-info.txt gives it.
        if let info = try? Data(contentsOf: bag.appendingPathComponent("bag-info.txt")),
           let oxum = parseTags(info).first(where: { $0.0 == "Payload-Oxum" })?.1 {
            let parts = oxum.split(separator: ".")
            if parts.count != 2 || Int(parts[0]) == nil || Int(parts[1]) == nil {
                report.problems.append(.malformed(file: "bag-info.txt", reason: "Payload-Oxum \(oxum) is not BYTES.FILES"))
            } else if Int(parts[0]) != bytes || Int(parts[1]) != found {
                report.problems.append(.oxum(recorded: oxum, found: "\(bytes).\(found)"))
            }
        }
        // The tag manifest: the files it lists, as they are.
        if tagManifests.contains("tagmanifest-sha256.txt") {
            let tagged = readManifest(bag, "tagmanifest-sha256.txt", payload: false, into: &report)
            for (path, expected) in tagged.sorted(by: { $0.key < $1.key }) {
                check(bag, path, expected, buffer: &buffer, into: &report)
            }
        }
        return report
    }

    /// `Name: value` lines, with folded continuation lines joined (RFC 8493 §2.2.2).
    static func parseTags(_ data: Data) -> [(String, String)] {
        var tags: [(String, String)] = []
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if let first = line.first, first == " " || first == "\t", !tags.isEmpty {
                tags[tags.count - 1].1 += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            tags.append((String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                         String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
        }
        return tags
    }

    /// The manifest's entries by decoded path. Bad lines, unsafe paths, paths listed twice and,
    /// for the payload manifest, paths outside `data/` are reported.
    static func readManifest(_ bag: URL, _ name: String, payload: Bool, into report: inout Report) -> [String: String] {
        guard let data = try? Data(contentsOf: bag.appendingPathComponent(name)) else {
            report.problems.append(.unreadable(path: name, reason: "cannot be read"))
            return [:]
        }
        var entries: [String: String] = [:]
        let text = String(decoding: data, as: UTF8.self)
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            guard let gap = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
                report.problems.append(.malformed(file: name, reason: "line \(number + 1) has no path"))
                continue
            }
            let checksum = line[..<gap].lowercased()
            let path = BagPath.decode(String(line[gap...].drop(while: { $0 == " " || $0 == "\t" })))
            guard checksum.count == 64, checksum.allSatisfy({ $0.isHexDigit }) else {
                report.problems.append(.malformed(file: name, reason: "line \(number + 1): \(checksum) is no SHA-256"))
                continue
            }
            guard BagPath.isSafe(path), !payload || path.hasPrefix("data/") else {
                report.problems.append(.malformed(file: name, reason: "line \(number + 1): \(path) is outside the bag's "
                                                 + (payload ? "payload (data/)" : "folder")))
                continue
            }
            if entries.updateValue(checksum, forKey: path) != nil {
                report.problems.append(.malformed(file: name, reason: "\(path) is listed twice"))
            }
        }
        return entries
    }

    static func check(_ bag: URL, _ path: String, _ expected: String, buffer: inout [UInt8], into report: inout Report) {
        let url = bag.appendingPathComponent(path)
        var info = stat()
        guard lstat(url.path, &info) == 0 else {
            report.problems.append(.missing(path))
            return
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            report.problems.append(.unreadable(path: path, reason: "not a regular file"))
            return
        }
        do {
            let found = try BagFile.checksum(url.path, buffer: &buffer).sha256
            if found != expected { report.problems.append(.changed(path: path, manifest: expected, found: found)) }
        } catch {
            report.problems.append(.unreadable(path: path, reason: (error as? CocoaError)?.userInfo[NSLocalizedDescriptionKey] as? String
                                               ?? "\(error)"))
        }
    }

    /// Every entry under `folder` (links not followed), with its bag path, size and whether it is a regular file.
    static func walk(_ folder: URL, prefix: String, _ body: (String, Int, Bool) -> Void) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() {
            let url = folder.appendingPathComponent(name)
            let path = prefix + "/" + name
            var info = stat()
            guard lstat(url.path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(url, prefix: path, body)
            case S_IFREG: body(path, Int(info.st_size), true)
            default: body(path, 0, false)
            }
        }
    }
}
