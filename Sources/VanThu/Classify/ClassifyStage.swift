/// Decides whether a document is an official dispatch, a news article or unknown, by explainable
/// rules: each rule that fires adds its weight and its id to the reasons kept in the record.
public struct ClassifyStage: Stage {
    public var name: StageName { .classify }

    public init() {}

    public struct Rule: Sendable {
        public var id: String
        public var kind: DocumentKind
        public var weight: Int
        /// Lines (search-folded, trimmed) that may carry the signal: the header block or anywhere.
        public var scope: Scope
        public var test: @Sendable (String) -> Bool

        public enum Scope: Sendable { case head, anywhere }
    }

    /// A line in the first `headLines` lines belongs to the header block.
    public static let headLines = 40
    public static let dispatchThreshold = 3

    static let typeNames: Set<String> = [
        "cong van", "ke hoach", "thong bao", "quyet dinh", "huong dan", "chi thi", "nghi quyet", "nghi dinh",
        "thong tu", "bao cao", "to trinh", "quy che", "quy dinh", "chuong trinh", "de an", "phuong an", "luat",
        "phap lenh", "thong tri", "ket luan", "cong dien", "giay moi", "bien ban", "thong tu lien tich", "quy chuan",
    ]

    public static let rules: [Rule] = [
        Rule(id: "dispatch.motto", kind: .dispatch, weight: 2, scope: .head) {
            $0.hasPrefix("cong hoa xa hoi chu nghia viet nam") || $0.hasPrefix("dang cong san viet nam")
        },
        Rule(id: "dispatch.number", kind: .dispatch, weight: 2, scope: .head) { line in
            guard line.hasPrefix("so") else { return false }
            let rest = line.dropFirst(2).drop(while: { $0 == ":" || $0 == " " })
            guard let first = rest.first, first.isNumber else { return false }
            return rest.contains("/") && rest.count < 60
        },
        Rule(id: "dispatch.place-date", kind: .dispatch, weight: 1, scope: .head) { line in
            guard let comma = line.firstIndex(of: ",") else { return false }
            let rest = line[line.index(after: comma)...].drop(while: { $0 == " " })
            return rest.hasPrefix("ngay ") && rest.contains(" thang ") && rest.contains(" nam ") && line.count < 80
        },
        Rule(id: "dispatch.subject", kind: .dispatch, weight: 2, scope: .head) { $0.hasPrefix("v/v ") || $0.hasPrefix("v/v:") },
        Rule(id: "dispatch.recipients", kind: .dispatch, weight: 1, scope: .head) { $0.hasPrefix("kinh gui") },
        Rule(id: "dispatch.type-line", kind: .dispatch, weight: 1, scope: .head) { typeNames.contains($0) },
        Rule(id: "dispatch.copy-to", kind: .dispatch, weight: 2, scope: .anywhere) { $0.hasPrefix("noi nhan") },
        Rule(id: "dispatch.signature", kind: .dispatch, weight: 1, scope: .anywhere) { line in
            ["t/m ", "k/t ", "t/l ", "tm. ", "kt. ", "tl. ", "tuq. ", "tm ban ", "tm uy ban "].contains(where: line.hasPrefix)
                && line.count < 60
        },
        Rule(id: "news.metadata", kind: .news, weight: 1, scope: .head) { $0.hasPrefix("# date") || $0.hasPrefix("date ") },
        Rule(id: "news.dateline", kind: .news, weight: 1, scope: .head) { line in
            (line.hasPrefix("thu ") || line.hasPrefix("chu nhat")) && line.contains("/") && line.count < 60
        },
    ]

    public func run(_ clean: CleanDocument) throws(StageFailure) -> ClassifiedDocument {
        let (kind, reasons) = Self.classify(clean.document)
        return ClassifiedDocument(clean: clean, kind: kind, reasons: reasons)
    }

    public static func classify(_ document: TextDocument) -> (DocumentKind, [String]) {
        var scores: [DocumentKind: Int] = [:]
        var reasons: [String] = []
        var proseParagraphs = 0
        let folded = document.folded.bytes
        var lineStart = 0
        var index = -1
        while lineStart <= folded.count {
            var lineEnd = lineStart
            while lineEnd < folded.count && folded[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            index += 1
            let length = lineEnd - lineStart
            if length == 0 { continue }
            if length >= 150 { proseParagraphs += 1 }
            guard index < headLines || length < 150 else { continue }
            var start = lineStart, end = lineEnd
            while start < end && folded[start] == 0x20 { start += 1 }
            while end > start && folded[end - 1] == 0x20 { end -= 1 }
            let line = String(decoding: folded[start..<end], as: UTF8.self)
            for rule in rules where !reasons.contains(rule.id) {
                if rule.scope == .head && index >= headLines { continue }
                if rule.test(line) {
                    scores[rule.kind, default: 0] += rule.weight
                    reasons.append(rule.id)
                }
            }
        }
        if proseParagraphs >= 2 {
            scores[.news, default: 0] += 1
            reasons.append("news.prose")
        }
        if scores[.dispatch, default: 0] >= dispatchThreshold { return (.dispatch, reasons) }
        // An article: several paragraphs of prose, or a dateline or metadata with prose under it.
        if proseParagraphs >= 2 || (proseParagraphs >= 1 && scores[.news, default: 0] >= 1) { return (.news, reasons) }
        return (.unknown, reasons)
    }
}

public struct ClassifiedDocument: Sendable {
    public var clean: CleanDocument
    public var kind: DocumentKind
    public var reasons: [String]

    public init(clean: CleanDocument, kind: DocumentKind, reasons: [String]) {
        self.clean = clean; self.kind = kind; self.reasons = reasons
    }
}
