import VanThuText

/// One step of the per-document pipeline. Each stage has one signature: it takes what the stage
/// before it made and returns what the next one needs, or fails with the reason the document is
/// quarantined.
public protocol Stage: Sendable {
    associatedtype Input: Sendable
    associatedtype Output: Sendable
    var name: StageName { get }
    func run(_ input: Input) throws(StageFailure) -> Output
}

/// Why a stage could not process a document. The document goes to quarantine with this reason;
/// the batch goes on.
public struct StageFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var stage: StageName
    public var reason: String

    public init(_ stage: StageName, _ reason: String) {
        self.stage = stage
        self.reason = reason
    }

    public var description: String { "\(stage.rawValue): \(reason)" }
}

/// The stages of the pipeline, in their only order.
public enum StageName: String, Sendable, CaseIterable, Codable, JSONWritable {
    case ingest, decode, normalize, classify, extract, consolidate, write

    /// Stages a pipeline cannot run without.
    public static let required: [StageName] = [.ingest, .decode, .normalize, .write]

    public func write(to writer: inout JSONWriter) { writer.string(rawValue) }
}
