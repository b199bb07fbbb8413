/// The record's `title`: a news article's headline (not the site name, a chrome line or a metadata
/// prefix); a dispatch's `V/v …` subject line as written, or its type name and title.
public struct TitleExtractor: Extractor {
    public let id = "title"
    public let summary = "The headline of an article, or the subject (V/v …) or type and title of a dispatch."
    public var requires: [String] { ["header"] }

    public init() {}

    public var examples: [ExtractorExample] {
        [
            .exactly("Thông tin chung\nThông tin chung\nThứ 6, Ngày 10/08/2018, 15:00\nThành phố nọ: Tiếp tục nâng cao hiệu quả phong trào\n10/08/2018 | Tác giả\nThân bài dài.",
                     ["Thành phố nọ: Tiếp tục nâng cao hiệu quả phong trào"], kind: .news, note: "nav lines and the date line are not the title"),
            .exactly(" date 2022-03 Nhân rộng các mô hình ở thành phố\n\nThân bài.", ["Nhân rộng các mô hình ở thành phố"],
                     kind: .news, note: "a metadata prefix is not part of the title"),
            .exactly("# doc_id = x\n# url = http://example.vn/a\n# date = 20201001\nDoanh nghiệp lọt Top 1.000 thương hiệu\nNội dung.",
                     ["Doanh nghiệp lọt Top 1.000 thương hiệu"], kind: .news),
            .exactly("HUYỆN ỦY A\nSố 12-CV/HU\nV/v đẩy mạnh phong trào thi đua\n“Dân vận khéo” năm 2020\n\nKính gửi: Các chi bộ",
                     ["V/v đẩy mạnh phong trào thi đua “Dân vận khéo” năm 2020"], kind: .dispatch, note: "a wrapped V/v line is joined"),
            .exactly("ỦY BAN NHÂN DÂN\nSố: 5/KH-UBND\n\nKẾ HOẠCH\nThực hiện phong trào thi đua năm 2024\n\nI. MỤC ĐÍCH",
                     ["Kế hoạch thực hiện phong trào thi đua năm 2024"], kind: .dispatch, note: "type name and title"),
            .never("12/3/2020\n\n", kind: .news),
        ]
    }

    public func describe(_ record: Record) -> [String] { record.title.map { [$0] } ?? [] }

    public func extract(_ context: inout ExtractionContext) {
        let document = context.document
        if context.record.kind == .dispatch, let title = dispatchTitle(document, header: context.record.header) {
            context.record.title = title
            return
        }
        context.record.title = headline(document)
    }

    /// The `V/v` line, joined with its continuation lines; else the type-name line and the title under it.
    func dispatchTitle(_ document: TextDocument, header: DispatchHeader?) -> String? {
        let lines = document.lines.prefix(60).map { document.string($0).trimmingCharacters(in: .whitespaces) }
        for (index, line) in lines.enumerated() {
            let folded = VietnameseFolding.searchFold(line)
            if folded.hasPrefix("v/v") {
                var parts = [line]
                var next = index + 1
                while next < lines.count, !lines[next].isEmpty, !isHeaderBoundary(lines[next]), parts.count < 4 {
                    parts.append(lines[next]); next += 1
                }
                return parts.joined(separator: " ")
            }
        }
        for (index, line) in lines.enumerated() where line.count < 40 && line == line.uppercased() {
            let folded = VietnameseFolding.searchFold(line)
            guard ClassifyStage.typeNames.contains(folded) else { continue }
            var parts: [String] = []
            var next = index + 1
            while next < lines.count, lines[next].isEmpty { next += 1 }
            while next < lines.count, !lines[next].isEmpty, !isHeaderBoundary(lines[next]), parts.count < 4 {
                parts.append(lines[next]); next += 1
            }
            let typeName = sentenceCase(line)
            guard !parts.isEmpty else { return typeName }
            var subject = parts.joined(separator: " ")
            if let first = subject.first, first.isUppercase,
               subject.dropFirst().prefix(while: { $0 != " " }).allSatisfy({ $0.isLowercase }) {
                subject = first.lowercased() + subject.dropFirst()
            }
            return typeName + " " + subject
        }
        return nil
    }

    private func isHeaderBoundary(_ line: String) -> Bool {
        let folded = VietnameseFolding.searchFold(line)
        return folded.hasPrefix("kinh gui") || folded.hasPrefix("can cu")
            || folded.hasPrefix("i.") || folded.hasPrefix("chuong ") || folded.hasPrefix("dieu 1")
    }

    private func sentenceCase(_ text: String) -> String {
        let lower = text.lowercased()
        return (lower.first.map { String($0).uppercased() } ?? "") + lower.dropFirst()
    }

    /// The line that reads best as a headline among the first lines: 4 to 60 words, not metadata,
    /// not a date line. A headline sits next to the article's date line, does not end with a full
    /// stop, and has more than a few words; navigation labels and photo captions lose on those.
    func headline(_ document: TextDocument) -> String? {
        var candidates: [(text: String, index: Int)] = []
        var dateLines: Set<Int> = []
        var nonEmpty: [Int] = []
        var lines: [String] = []
        for range in document.lines.prefix(40) {
            var line = Substring(document.string(range)).drop(while: { $0 == " " })
            if line.hasPrefix("#") { continue }
            // A metadata prefix such as "date 2022-03" before the headline.
            if line.hasPrefix("date ") {
                line = line.dropFirst(5).drop(while: { $0.isNumber || $0 == "-" || $0 == "/" || $0 == "." }).drop(while: { $0 == " " })
            }
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let position = lines.count
            lines.append(text)
            nonEmpty.append(position)
            if isDateLine(text) { dateLines.insert(position); continue }
            let words = text.split(separator: " ").count
            if words >= 4 && words <= 60 && text.count <= 300 { candidates.append((text, position)) }
        }
        var best: (score: Int, text: String)?
        for candidate in candidates {
            let words = candidate.text.split(separator: " ").count
            var score = 0
            if dateLines.contains(candidate.index - 1) || dateLines.contains(candidate.index + 1) { score += 2 }
            if !candidate.text.hasSuffix(".") { score += 1 }
            if words >= 6 { score += 1 }
            if candidate.index == 0 { score += 1 }
            if best == nil || score > best!.score { best = (score, candidate.text) }
        }
        return best?.text
    }

    /// "Thứ 6, Ngày 10/08/2018, 15:00", "10/08/2018 | Tác giả", "Thứ sáu - 15/03/2024 06:28 2.200 0".
    private func isDateLine(_ text: String) -> Bool {
        let folded = VietnameseFolding.searchFold(text)
        if folded.hasPrefix("thu ") || folded.hasPrefix("chu nhat") || folded.hasPrefix("ngay ") { return folded.contains("/") || folded.contains("-") }
        if let first = text.first, first.isNumber {
            let letters = text.filter(\.isLetter).count
            return letters < text.count / 2
        }
        return false
    }
}
