/// Which archive files a run writes (`output` in pipeline.json): the exporter's settings.
public enum OutputFormat: String, Sendable, CaseIterable, Equatable {
    case json, jsonl
}

public struct OutputSettings: Sendable, Equatable {
    public var folder: String
    /// `json` writes `archive.json`; `jsonl` also writes `documents.jsonl` (one record a line).
    public var formats: [OutputFormat]
    /// Also write gzip-compressed copies (`archive.json.gz`, `documents.jsonl.gz`).
    public var gzip: Bool
    /// Keep the cleaned body in each record's `text`.
    public var includeText: Bool

    public init(folder: String = "archive", formats: [OutputFormat] = [.json], gzip: Bool = false, includeText: Bool = true) {
        self.folder = folder; self.formats = formats; self.gzip = gzip; self.includeText = includeText
    }
}
