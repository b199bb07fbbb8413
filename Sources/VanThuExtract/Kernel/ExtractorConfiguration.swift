/// The one lexicon every rule reads: what documents look like (type names and codes, signing
/// authorities, issuer codes) and what unit names are made of (heads, qualifiers, positions,
/// localities). A run's configuration may extend it (`lexicon` in pipeline.json); the classifier,
/// the header reader and every extractor then read the same extended tables.
public struct Lexicon: Sendable {
    public var documents: DocumentLexicon
    public var units: UnitLexicon
    /// The header reader's line words (noise, block starts, signer skips …), which the title reads too.
    package var header: HeaderLexicon

    public init(documents: DocumentLexicon = .standard, units: UnitLexicon = .standard) {
        self.documents = documents
        self.units = units
        self.header = .standard
    }

    public static let standard = Lexicon()

    /// What pipeline.json's `lexicon` adds: unit words (`heads`, `qualifiers` …) and, under
    /// `header`, words for the header reader's tables by table name (`"header": {"noise": […]}`).
    public struct Extension: Sendable, Equatable {
        public var units: UnitLexicon.Extension
        /// Words as written, by the name of the header table they join (`HeaderLexicon.extendable`).
        public var header: [String: [String]]

        public init(units: UnitLexicon.Extension = UnitLexicon.Extension(), header: [String: [String]] = [:]) {
            self.units = units
            self.header = header
        }

        public var isEmpty: Bool { self == Extension() }
    }

    /// This lexicon with pipeline.json's additions.
    public func extended(with extra: Extension) -> Lexicon {
        var copy = self
        if extra.units != UnitLexicon.Extension() { copy.units = units.extended(with: extra.units) }
        copy.header = header.extended(with: extra.header)
        return copy
    }
}

/// An option an extractor reads from its object in pipeline.json (`"extractors": {"units":
/// {"resolveShortForms": false}}`), declared by the extractor with its type, its default and what
/// it does. The configuration loader checks every value against the declaration, so a misspelt
/// option or a value of the wrong type is an error that names the key path and the valid options.
public struct ExtractorOption: Sendable, Equatable {
    public enum Value: Sendable, Equatable, Hashable, CustomStringConvertible {
        case bool(Bool)
        case int(Int)
        case string(String)

        public var description: String {
            switch self {
            case .bool(let value): return String(value)
            case .int(let value): return String(value)
            case .string(let value): return "\"\(value)\""
            }
        }
    }

    public enum Kind: Sendable, Equatable {
        case bool
        case int(ClosedRange<Int>)
        case choice([String])
    }

    public let name: String
    public let kind: Kind
    public let defaultValue: Value
    public let summary: String

    public static func bool(_ name: String, default value: Bool, _ summary: String) -> ExtractorOption {
        ExtractorOption(name: name, kind: .bool, defaultValue: .bool(value), summary: summary)
    }

    public static func int(_ name: String, in range: ClosedRange<Int>, default value: Int, _ summary: String) -> ExtractorOption {
        ExtractorOption(name: name, kind: .int(range), defaultValue: .int(value), summary: summary)
    }

    public static func choice(_ name: String, _ values: [String], default value: String, _ summary: String) -> ExtractorOption {
        ExtractorOption(name: name, kind: .choice(values), defaultValue: .string(value), summary: summary)
    }

    /// Whether `value` is of this option's type and within its range or choices.
    public func accepts(_ value: Value) -> Bool {
        switch (kind, value) {
        case (.bool, .bool): return true
        case (.int(let range), .int(let number)): return range.contains(number)
        case (.choice(let values), .string(let text)): return values.contains(text)
        default: return false
        }
    }

    /// What a valid value is, as an error message says it.
    public var validValues: [String] {
        switch kind {
        case .bool: return ["true", "false"]
        case .int(let range): return ["a whole number from \(range.lowerBound) to \(range.upperBound)"]
        case .choice(let values): return values.map { "\"\($0)\"" }
        }
    }
}

/// What a run's configuration gives one extractor, the same way for every extractor: the run's
/// lexicon and the extractor's own option values (checked against its `options`).
public struct ExtractorConfiguration: Sendable {
    public var lexicon: Lexicon
    /// The values set in pipeline.json, by option name; an option not set has its default.
    public var values: [String: ExtractorOption.Value]

    public init(lexicon: Lexicon = .standard, values: [String: ExtractorOption.Value] = [:]) {
        self.lexicon = lexicon
        self.values = values
    }

    public static let standard = ExtractorConfiguration()

    public func value(_ option: ExtractorOption) -> ExtractorOption.Value {
        values[option.name].flatMap { option.accepts($0) ? $0 : nil } ?? option.defaultValue
    }

    public func bool(_ option: ExtractorOption) -> Bool {
        if case .bool(let value) = value(option) { return value }
        preconditionFailure("option \(option.name) is not a boolean")
    }

    public func int(_ option: ExtractorOption) -> Int {
        if case .int(let value) = value(option) { return value }
        preconditionFailure("option \(option.name) is not a number")
    }

    public func string(_ option: ExtractorOption) -> String {
        if case .string(let value) = value(option) { return value }
        preconditionFailure("option \(option.name) is not a choice")
    }
}
