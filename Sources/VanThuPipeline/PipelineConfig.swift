import Foundation
import VanThuText
import VanThuFormats
import VanThuExtract
import VanThuStore

/// `pipeline.json`, decoded: which inputs, which stages and extractors, which options, where the
/// output goes. Unknown keys and bad values are errors that name the key path and the valid options.
public struct PipelineConfig: Sendable, Equatable {
    public static let currentVersion = 1

    public var version: Int
    public var inputs: [InputSpec]
    public var stages: [StageName]
    public var extractors: [String: ExtractorSettings]
    public var output: OutputSettings
    public var limits: Limits
    /// Entries added to the lexicon: unit words (head nouns, qualifiers, positions, places) and
    /// the header reader's words.
    public var lexicon: Lexicon.Extension
    /// How scans and PDF pages without a text layer are read: pipeline.json's `ocr` section, and
    /// `limits.maxPages`.
    package var ocr = OCRSettings()
    /// Where the records live: the embedded SQLite store in the output folder (the default), or
    /// a PostgreSQL server shared by many workers (pipeline.json's `store`, or `--store URL`).
    public var store: StoreSettings = .sqlite

    public enum StoreSettings: Sendable, Equatable {
        case sqlite
        /// The URL without its password (that comes from PGPASSWORD or ~/.pgpass).
        case postgres(url: String)
    }

    public init(version: Int = PipelineConfig.currentVersion, inputs: [InputSpec], stages: [StageName] = StageName.allCases,
                extractors: [String: ExtractorSettings] = [:], output: OutputSettings = OutputSettings(),
                limits: Limits = Limits(), lexicon: Lexicon.Extension = Lexicon.Extension()) {
        self.version = version; self.inputs = inputs; self.stages = stages; self.extractors = extractors
        self.output = output; self.limits = limits; self.lexicon = lexicon
    }

    /// What a folder input skips unless its `exclude` says otherwise (an `exclude` in pipeline.json
    /// replaces this list; `[]` takes everything): licence and readme files, data sidecars (a
    /// gazette's `numbers.jsonl`, a CSV of metadata), editor backups and lock files. Hidden files
    /// (".*") are skipped besides by the walk's own rule (counted as `hidden` in run.json), unless
    /// `includeHidden`. A file named as an input is always taken.
    public static let defaultExclude: [String] = [
        // LICENSE, licence.txt, LICENSE-MIT, COPYING, README.md … in any case, not "licensed-shops.txt".
        "**/[Ll][Ii][Cc][Ee][Nn][CcSs][Ee]", "**/[Ll][Ii][Cc][Ee][Nn][CcSs][Ee][._-]*",
        "**/[Cc][Oo][Pp][Yy][Ii][Nn][Gg]", "**/[Cc][Oo][Pp][Yy][Ii][Nn][Gg][._-]*",
        "**/[Rr][Ee][Aa][Dd][Mm][Ee]", "**/[Rr][Ee][Aa][Dd][Mm][Ee][._-]*",
        "**/*.jsonl", "**/*.json", "**/*.csv", "**/*.tsv",
        "**/*~", "**/*.swp", "**/*.swo", "**/.#*", "**/#*#", "**/*.bak", "**/*.tmp",
    ]

    /// One input root: a folder (walked recursively) or a single file.
    public struct InputSpec: Sendable, Equatable {
        public var path: String
        /// Globs relative to the root; a file is taken when it matches one of them.
        public var include: [String]
        /// Globs relative to the root; a file that matches one of them is skipped.
        public var exclude: [String]
        /// Whether files and folders whose names start with "." are walked.
        public var includeHidden: Bool
        /// The root's name (`district-3:/mnt/scans`), for provenance: its files are known as
        /// `district-3:relative/path` and their records' `source.root` is the name, so workers
        /// on machines that mount the same files elsewhere agree on them. Nil: the absolute path.
        public var name: String?

        public init(path: String, include: [String] = ["**"], exclude: [String] = PipelineConfig.defaultExclude, includeHidden: Bool = false,
                    name: String? = nil) {
            self.path = path; self.include = include; self.exclude = exclude; self.includeHidden = includeHidden; self.name = name
        }

        /// What the store records as the root of this input's files: its name, else its path.
        public var provenanceRoot: String { name ?? path }

        /// `NAME:PATH` with NAME of letters, digits, `-`, `_` and `.` (not a path that exists as
        /// given): the name and the path; nil for a plain path.
        public static func splitName(_ argument: String) -> (name: String, path: String)? {
            guard let colon = argument.firstIndex(of: ":"), colon != argument.startIndex else { return nil }
            let name = String(argument[..<colon]), path = String(argument[argument.index(after: colon)...])
            guard !path.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }),
                  !FileManager.default.fileExists(atPath: argument) else { return nil }
            return (name, path)
        }
    }

    public struct ExtractorSettings: Sendable, Equatable {
        public var enabled: Bool
        /// Values of the extractor's own options (its `options`), checked when loaded.
        public var options: [String: ExtractorOption.Value]
        public init(enabled: Bool = true, options: [String: ExtractorOption.Value] = [:]) {
            self.enabled = enabled; self.options = options
        }
    }

    public struct Limits: Sendable, Equatable {
        /// Files larger than this are quarantined without being read.
        public var maxFileBytes: Int
        public init(maxFileBytes: Int = 64 << 20) { self.maxFileBytes = maxFileBytes }
        /// The largest `maxFileBytes` a configuration may set (offsets into a text are 32-bit).
        public static let largestFileBytes = 1 << 30
    }

    /// Whether an extractor runs: listed ones follow their switch, unlisted ones are on.
    public func isEnabled(extractor id: String) -> Bool {
        extractors[id]?.enabled ?? true
    }

    /// What a record depends on besides its file: the rules' version, the extractors that ran and
    /// whether text is kept. A stored record made under another tag is processed again.
    public var extractorVersionTag: String {
        "rules-\(ExtractorRegistry.rulesVersion);" + enabledExtractors.map(\.id).joined(separator: ",")
            + ";classify=\(stages.contains(.classify));text=\(output.includeText)" + (lexicon.isEmpty ? ""
                : ";lexicon=" + SHA256.hex(Array(lexiconLists.map { $0.joined(separator: "\u{1F}") }.joined(separator: "\u{1E}").utf8)).prefix(12))
            + optionsTag
    }

    /// The lexicon's additions as lists, for the version tag: the unit words' lists, then (when
    /// there are any) each header table's words after its name.
    private var lexiconLists: [[String]] {
        let units = lexicon.units
        return [units.heads, units.standaloneHeads, units.qualifiers, units.positions, units.places]
            + lexicon.header.keys.sorted().map { [$0] + (lexicon.header[$0] ?? []) }
    }

    /// The extractor options set in pipeline.json (`;options=units.resolveShortForms=false`), or
    /// nothing when none is: a record made under other options is processed again.
    private var optionsTag: String {
        let set = extractors.keys.sorted().flatMap { id in
            (extractors[id]?.options ?? [:]).sorted { $0.key < $1.key }.map { "\(id).\($0.key)=\($0.value)" }
        }
        return set.isEmpty ? "" : ";options=" + set.joined(separator: ",")
    }

    /// The run's lexicon: the standard one with pipeline.json's additions. The classifier, the
    /// header reader and every extractor read this one.
    public var runLexicon: Lexicon {
        lexicon.isEmpty ? .standard : Lexicon.standard.extended(with: lexicon)
    }

    /// The extractors that run, in registry order, each configured the same way: the run's
    /// lexicon and its own options.
    public var enabledExtractors: [any Extractor] { enabledExtractors(lexicon: runLexicon) }

    /// The same with a lexicon made already (`runLexicon`: an extended one takes time to build).
    public func enabledExtractors(lexicon: Lexicon) -> [any Extractor] {
        guard stages.contains(.extract) else { return [] }
        return ExtractorRegistry.all.filter { isEnabled(extractor: $0.id) }.map { extractor in
            extractor.configured(with: ExtractorConfiguration(lexicon: lexicon, values: extractors[extractor.id]?.options ?? [:]))
        }
    }
}
