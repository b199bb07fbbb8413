import Foundation
import VanThuText
import VanThuFormats
import VanThuExtract
import VanThuStore

/// Problems with `pipeline.json`; each names the key path and, where it helps, the valid options.
public enum ConfigError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case malformedJSON(path: String, reason: String)
    case unknownKey(keyPath: String, valid: [String])
    case missingKey(keyPath: String)
    case wrongType(keyPath: String, expected: String)
    case invalidValue(keyPath: String, value: String, valid: [String])
    case unsupportedVersion(Int, supported: Int)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "cannot read configuration \(path): \(reason)"
        case .malformedJSON(let path, let reason): return "\(path) is not valid JSON: \(reason)"
        case .unknownKey(let keyPath, let valid):
            return "unknown key \(keyPath); valid keys here: \(valid.joined(separator: ", "))"
        case .missingKey(let keyPath): return "missing key \(keyPath)"
        case .wrongType(let keyPath, let expected): return "\(keyPath) must be \(expected)"
        case .invalidValue(let keyPath, let value, let valid):
            return "\(keyPath): \(value) is not valid; valid values: \(valid.joined(separator: ", "))"
        case .unsupportedVersion(let version, let supported):
            return "version \(version) is not supported; this vanthu reads version \(supported)"
        }
    }
}

extension PipelineConfig {
    /// Reads and validates a configuration file. Relative input and output paths stay relative:
    /// `resolved(relativeTo:)` anchors them.
    public static func load(from url: URL) throws(ConfigError) -> PipelineConfig {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return try parse(data, name: url.lastPathComponent)
    }

    public static func parse(_ data: Data, name: String = "pipeline.json") throws(ConfigError) -> PipelineConfig {
        // Strict JSON first: Foundation's reader lets a trailing comma and a key given twice pass
        // (the second silently wins), and a configuration must not be read other than as written.
        do { _ = try JSONValue.parse([UInt8](data), strict: true) } catch {
            throw .malformedJSON(path: name, reason: error.description)
        }
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            throw .malformedJSON(path: name, reason: (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)")
        }
        return try PipelineConfig(json: ConfigNode(value: json, path: ""))
    }

    package init(json root: ConfigNode) throws(ConfigError) {
        let object = try root.object(allowed: ["$schema", "version", "inputs", "stages", "extractors", "output", "limits", "lexicon", "ocr", "store"])
        let version = try object["version"].map { (n: ConfigNode) throws(ConfigError) in try n.int() } ?? Self.currentVersion
        guard version == Self.currentVersion else { throw .unsupportedVersion(version, supported: Self.currentVersion) }

        guard let inputsNode = object["inputs"] else { throw .missingKey(keyPath: "inputs") }
        var inputs: [InputSpec] = []
        for node in try inputsNode.array() {
            if node.value is String {
                inputs.append(InputSpec(path: try node.filePath()))
                continue
            }
            let spec = try node.object(allowed: ["path", "include", "exclude", "includeHidden", "name"])
            guard let path = spec["path"] else { throw .missingKey(keyPath: node.path + ".path") }
            var name: String?
            if let nameNode = spec["name"] {
                let value = try nameNode.string()
                guard !value.isEmpty, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
                    throw .invalidValue(keyPath: nameNode.path, value: "\"\(value)\"", valid: ["a name of letters, digits, -, _ and ."])
                }
                name = value
            }
            inputs.append(InputSpec(
                path: try path.filePath(),
                include: try spec["include"]?.strings() ?? ["**"],
                exclude: try spec["exclude"]?.strings() ?? PipelineConfig.defaultExclude,
                includeHidden: try spec["includeHidden"]?.bool() ?? false,
                name: name))
        }

        var stages = StageName.allCases
        if let node = object["stages"] {
            stages = []
            for item in try node.array() {
                let name = try item.string()
                guard let stage = StageName(rawValue: name) else {
                    throw .invalidValue(keyPath: item.path, value: "\"\(name)\"", valid: StageName.allCases.map(\.rawValue))
                }
                if let previous = stages.last, stage.orderIndex <= previous.orderIndex {
                    throw .invalidValue(keyPath: item.path, value: "\"\(name)\" after \"\(previous.rawValue)\"",
                                        valid: ["stages in the order " + StageName.allCases.map(\.rawValue).joined(separator: ", ")])
                }
                stages.append(stage)
            }
            for needed in StageName.required where !stages.contains(needed) {
                throw .invalidValue(keyPath: node.path, value: "a list without \"\(needed.rawValue)\"",
                                    valid: ["a list containing " + StageName.required.map(\.rawValue).joined(separator: ", ")])
            }
        }

        var extractors: [String: ExtractorSettings] = [:]
        if let node = object["extractors"] {
            let ids = ExtractorRegistry.ids
            let table = try node.object(allowed: ids)
            for (id, settingsNode) in table {
                if let enabled = settingsNode.value as? Bool, !(settingsNode.value is NSNumber && CFGetTypeIDIsNumber(settingsNode.value)) {
                    extractors[id] = ExtractorSettings(enabled: enabled)
                    continue
                }
                // `enabled` and the options the extractor declares, each of its declared type.
                let declared = ExtractorRegistry.extractor(id: id)?.options ?? []
                let settings = try settingsNode.object(allowed: ["enabled"] + declared.map(\.name))
                var options: [String: ExtractorOption.Value] = [:]
                for option in declared {
                    guard let node = settings[option.name] else { continue }
                    options[option.name] = try node.optionValue(for: option)
                }
                extractors[id] = ExtractorSettings(enabled: try settings["enabled"]?.bool() ?? true, options: options)
            }
            for extractor in ExtractorRegistry.all where extractors[extractor.id]?.enabled ?? true {
                for needed in extractor.requires where extractors[needed]?.enabled == false {
                    throw .invalidValue(keyPath: node.path + "." + needed + ".enabled", value: "false",
                                        valid: ["true (\"\(extractor.id)\" needs \"\(needed)\")"])
                }
            }
        }

        var output = OutputSettings()
        if let node = object["output"] {
            let o = try node.object(allowed: ["folder", "formats", "gzip", "includeText"])
            if let folder = o["folder"] { output.folder = try folder.filePath() }
            if let formats = o["formats"] {
                output.formats = []
                for item in try formats.array() {
                    let name = try item.string()
                    guard let format = OutputFormat(rawValue: name) else {
                        throw .invalidValue(keyPath: item.path, value: "\"\(name)\"", valid: OutputFormat.allCases.map(\.rawValue))
                    }
                    output.formats.append(format)
                }
            }
            if let gzip = o["gzip"] { output.gzip = try gzip.bool() }
            if let text = o["includeText"] { output.includeText = try text.bool() }
        }

        var store = StoreSettings.sqlite
        if let node = object["store"] {
            let o = try node.object(allowed: ["kind", "url"])
            guard let kindNode = o["kind"] else { throw .missingKey(keyPath: node.path + ".kind") }
            switch try kindNode.string() {
            case "sqlite":
                if o["url"] != nil { throw .invalidValue(keyPath: node.path + ".url", value: "a URL", valid: ["no url with \"kind\": \"sqlite\""]) }
            case "postgres":
                guard let urlNode = o["url"] else { throw .missingKey(keyPath: node.path + ".url") }
                let url = try urlNode.string()
                guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                    throw .invalidValue(keyPath: urlNode.path, value: "\"\(url)\"", valid: ["postgres://USER@HOST[:PORT]/DATABASE"])
                }
                if let components = URLComponents(string: url), components.password != nil {
                    throw .invalidValue(keyPath: urlNode.path, value: "a URL with a password",
                                        valid: ["a URL without its password (PGPASSWORD or ~/.pgpass give it)"])
                }
                store = .postgres(url: url)
            case let other:
                throw .invalidValue(keyPath: kindNode.path, value: "\"\(other)\"", valid: ["sqlite", "postgres"])
            }
        }

        var limits = Limits()
        var ocr = OCRSettings()
        if let node = object["ocr"] {
            let o = try node.object(allowed: ["languages", "dpi", "deskew", "median", "normalize", "upscaleBelowDpi", "pageSeconds", "workers"])
            if let languages = o["languages"] {
                ocr.languages = try languages.string()
                guard !ocr.languages.isEmpty else { throw .invalidValue(keyPath: languages.path, value: "\"\"", valid: ["a tesseract model: vie, Vietnamese, vie+eng"]) }
            }
            for (key, range) in [("dpi", 72...1200), ("upscaleBelowDpi", 0...1200), ("pageSeconds", 1...3600), ("workers", 1...64)] {
                guard let item = o[key] else { continue }
                let value = try item.int()
                guard range.contains(value) else { throw .invalidValue(keyPath: item.path, value: String(value), valid: ["\(range.lowerBound)–\(range.upperBound)"]) }
                switch key {
                case "dpi": ocr.dpi = value
                case "upscaleBelowDpi": ocr.upscaleBelowDpi = value
                case "pageSeconds": ocr.pageSeconds = Double(value)
                default: ocr.workers = value
                }
            }
            if let deskew = o["deskew"] { ocr.deskew = try deskew.bool() }
            if let median = o["median"] { ocr.median = try median.bool() }
            if let normalize = o["normalize"] { ocr.normalize = try normalize.bool() }
        }
        if let node = object["limits"] {
            let l = try node.object(allowed: ["maxFileBytes", "maxPages"])
            if let pages = l["maxPages"] {
                let value = try pages.int()
                guard value > 0 else { throw .invalidValue(keyPath: pages.path, value: String(value), valid: ["a positive number of pages"]) }
                ocr.maxPages = value
            }
            if let max = l["maxFileBytes"] {
                let value = try max.int()
                // Offsets into a document's text are kept in 32 bits (its line table, checkpoints and
                // restatement zones), and a text takes several times its size in memory: 1 GiB at most.
                guard value > 0, value <= PipelineConfig.Limits.largestFileBytes else {
                    throw .invalidValue(keyPath: max.path, value: String(value), valid: ["a positive number of bytes up to 1073741824 (1 GiB)"])
                }
                limits.maxFileBytes = value
            }
        }
        var lexicon = UnitLexicon.Extension()
        var headerWords: [String: [String]] = [:]
        if let node = object["lexicon"] {
            let l = try node.object(allowed: ["heads", "standaloneHeads", "qualifiers", "positions", "places", "header"])
            if let header = l["header"] {
                let tables = try header.object(allowed: HeaderLexicon.extendable.keys.sorted())
                for (name, words) in tables {
                    let list = try words.strings()
                    if let empty = list.firstIndex(where: { FoldedWordTable.fold($0).isEmpty }) {
                        throw .invalidValue(keyPath: "\(words.path)[\(empty)]", value: "\"\(list[empty])\"", valid: ["a word or phrase"])
                    }
                    headerWords[name] = list
                }
            }
            lexicon.heads = try l["heads"]?.strings() ?? []
            lexicon.standaloneHeads = try l["standaloneHeads"]?.strings() ?? []
            lexicon.qualifiers = try l["qualifiers"]?.strings() ?? []
            lexicon.positions = try l["positions"]?.strings() ?? []
            lexicon.places = try l["places"]?.strings() ?? []
            for (key, values) in [("heads", lexicon.heads), ("standaloneHeads", lexicon.standaloneHeads), ("qualifiers", lexicon.qualifiers),
                                  ("positions", lexicon.positions), ("places", lexicon.places)] {
                if let empty = values.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    throw .invalidValue(keyPath: "\(node.path).\(key)[\(empty)]", value: "\"\"", valid: ["a word or phrase"])
                }
            }
        }
        self.init(version: version, inputs: inputs, stages: stages, extractors: extractors, output: output, limits: limits,
                  lexicon: Lexicon.Extension(units: lexicon, header: headerWords))
        self.ocr = ocr
        self.store = store
    }
}

/// Foundation's JSON numbers and booleans are both NSNumber on Linux; tell them apart.
private func CFGetTypeIDIsNumber(_ value: Any) -> Bool {
    guard let number = value as? NSNumber else { return false }
    return String(cString: number.objCType) != "c"
}

/// A JSON value with its key path, for error messages.
package struct ConfigNode {
    package let value: Any
    package let path: String

    private func child(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    package func object(allowed: [String]) throws(ConfigError) -> [String: ConfigNode] {
        guard let dictionary = value as? [String: Any] else { throw .wrongType(keyPath: path.isEmpty ? "(top level)" : path, expected: "an object") }
        var out: [String: ConfigNode] = [:]
        for key in dictionary.keys.sorted() {
            guard allowed.contains(key) else { throw .unknownKey(keyPath: child(key), valid: allowed) }
            out[key] = ConfigNode(value: dictionary[key]!, path: child(key))
        }
        return out
    }

    package func array() throws(ConfigError) -> [ConfigNode] {
        guard let items = value as? [Any] else { throw .wrongType(keyPath: path, expected: "an array") }
        return items.enumerated().map { ConfigNode(value: $0.element, path: "\(path)[\($0.offset)]") }
    }

    package func string() throws(ConfigError) -> String {
        guard let string = value as? String else { throw .wrongType(keyPath: path, expected: "a string") }
        return string
    }

    /// A file-system path: a non-empty string without NUL ("" would stand for the configuration's
    /// own folder, which nobody means).
    package func filePath() throws(ConfigError) -> String {
        let value = try string()
        guard !value.isEmpty else { throw .invalidValue(keyPath: path, value: "\"\"", valid: ["a file or folder path (\".\" for the configuration's folder)"]) }
        guard !value.utf8.contains(0) else { throw .invalidValue(keyPath: path, value: "a path with a NUL character", valid: ["a file or folder path"]) }
        return value
    }

    package func strings() throws(ConfigError) -> [String] {
        var out: [String] = []
        for item in try array() { out.append(try item.string()) }
        return out
    }

    package func bool() throws(ConfigError) -> Bool {
        guard let number = value as? NSNumber, !CFGetTypeIDIsNumber(number) else {
            throw .wrongType(keyPath: path, expected: "true or false")
        }
        return number.boolValue
    }

    /// A value of an extractor's option, of the type it declares and within its range or choices.
    func optionValue(for option: ExtractorOption) throws(ConfigError) -> ExtractorOption.Value {
        let value: ExtractorOption.Value
        switch option.kind {
        case .bool: value = .bool(try bool())
        case .int: value = .int(try int())
        case .choice: value = .string(try string())
        }
        guard option.accepts(value) else { throw .invalidValue(keyPath: path, value: value.description, valid: option.validValues) }
        return value
    }

    package func int() throws(ConfigError) -> Int {
        guard let number = value as? NSNumber, CFGetTypeIDIsNumber(number),
              number.doubleValue == number.doubleValue.rounded(), abs(number.doubleValue) < 1e15 else {
            throw .wrongType(keyPath: path, expected: "a whole number")
        }
        return number.intValue
    }
}

extension StageName {
    package var orderIndex: Int { StageName.allCases.firstIndex(of: self)! }
}
