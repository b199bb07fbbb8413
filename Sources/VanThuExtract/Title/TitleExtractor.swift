import Foundation
import VanThuText

/// The record's `title`: a news article's headline (not the site name, a chrome line or a metadata
/// prefix); a dispatch's `V/v …` subject line as written, or its type name and title.
public struct TitleExtractor: Extractor {
    public let id = "title"
    public let summary = "The headline of an article, or the subject (V/v …) or type and title of a dispatch."
    public var requires: [String] { ["header"] }

    /// The type names a dispatch's title line may start with.
    public var lexicon: DocumentLexicon
    /// The header's line words: a title ends where the header's next block starts.
    package var header: HeaderLexicon

    public init(lexicon: DocumentLexicon = .standard) {
        self.init(lexicon: lexicon, header: .standard)
    }

    package init(lexicon: DocumentLexicon, header: HeaderLexicon) {
        self.lexicon = lexicon
        self.header = header
    }

    public func configured(with configuration: ExtractorConfiguration) -> any Extractor {
        TitleExtractor(lexicon: configuration.lexicon.documents, header: configuration.lexicon.header)
    }

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
            .exactly("BỘ XÂY DỰNG\nSố: 88/QĐ-BXD\n\nQUYẾT ĐỊNH\nĐính chính Thông tư số 4/2030/TT-BXD ngày 2 tháng 3 năm 2030\ncủa Bộ Xây dựng quy định mẫu hồ sơ mời thầu\nthực hiện dự án nhà ở xã hội theo phương thức đối tác công\ntư, dự án nhà ở công vụ; cung cấp, đăng tải thông tin về\nđấu thầu trên hệ thống mạng đấu thầu quốc gia\n\nBỘ TRƯỞNG BỘ XÂY DỰNG",
                     ["Quyết định đính chính Thông tư số 4/2030/TT-BXD ngày 2 tháng 3 năm 2030 của Bộ Xây dựng quy định mẫu hồ sơ mời thầu thực hiện dự án nhà ở xã hội theo phương thức đối tác công tư, dự án nhà ở công vụ; cung cấp, đăng tải thông tin về đấu thầu trên hệ thống mạng đấu thầu quốc gia"],
                     kind: .dispatch, note: "a gazette title wrapped over five lines, one of them starting with “thực hiện”"),
            .exactly("CHÍNH PHỦ\nSố: 7/NQ-CP\n\nNGHỊ QUYẾT\nVề việc giao chỉ tiêu cho các tỉnh\n__________\n\nCHÍNH PHỦ\nCăn cứ Luật;",
                     ["Nghị quyết về việc giao chỉ tiêu cho các tỉnh"], kind: .dispatch, note: "the rule under the title is not part of it"),
            .exactly("Đăng nhập\nQuyết định số 45/QĐ-UBND về việc công nhận xã văn hóa do Ủy ban nhân dân huyện ban hành\nSố hiệu: 45/QĐ-UBND   Loại văn bản: Quyết định\nNơi ban hành: UBND huyện   Người ký: Trần Văn Ba\nNgày ban hành: 03/02/2021   Ngày hiệu lực: Đã biết\nNội dung quyết định.",
                     ["Quyết định số 45/QĐ-UBND về việc công nhận xã văn hóa do Ủy ban nhân dân huyện ban hành"], kind: .dispatch,
                     note: "a register page: the document's title line, not a metadata row"),
            .exactly("PHÒNG NỘI VỤ\nSố: 88/PNV-TĐKT\nV/v báo cáo công tác thi đua, khen thưởng\nTân Lạc, ngày 5 tháng 1 năm 2030\nKính gửi: UBND các xã.",
                     ["V/v báo cáo công tác thi đua, khen thưởng"], kind: .dispatch, note: "the place-and-date line under the subject ends it"),
            .exactly("ỦY BAN NHÂN DÂN\nSố: 45/TB-UBND\nTHÔNG BÁO\nTổ chức hội nghị sơ kết 6 tháng đầu năm 2030\nỦy ban nhân dân huyện thông báo tổ chức hội nghị sơ kết như sau: thời gian 8 giờ ngày 20/4/2030 tại hội trường huyện.\n",
                     ["Thông báo tổ chức hội nghị sơ kết 6 tháng đầu năm 2030"], kind: .dispatch,
                     note: "the body's first paragraph, on one line with no blank line before it, is no part of the title"),
            .exactly("ỦY BAN NHÂN DÂN\nSố: 46/KH-UBND\nKẾ HOẠCH\nTổ chức các hoạt động kỷ niệm ngày thành lập huyện và chào mừng\nĐại hội đại biểu Đảng bộ huyện lần thứ XX, nhiệm kỳ 2030 - 2035\n",
                     ["Kế hoạch tổ chức các hoạt động kỷ niệm ngày thành lập huyện và chào mừng Đại hội đại biểu Đảng bộ huyện lần thứ XX, nhiệm kỳ 2030 - 2035"],
                     kind: .dispatch, note: "a title wrapped over short lines goes on"),
            .never("Số hiệu: 45/QĐ-UBND   Loại văn bản: Quyết định\nNơi ban hành: UBND huyện   Người ký: Trần Văn Ba\n", kind: .news),
            .exactly("Trang chủ » Tin tức » Hoạt động các đoàn thể\nXã Hòa Lợi ra mắt mô hình tuyến đường nở hoa\n\nThân bài dài.",
                     ["Xã Hòa Lợi ra mắt mô hình tuyến đường nở hoa"], kind: .news, note: "a breadcrumb trail is not the headline"),
            .never("12/3/2020\n\n", kind: .news),
            .exactly("BỘ NỘI VỤ\nSố: 77/VBHN-BNV\n\nTHÔNG TƯ1\nQuy định về chế độ làm việc của cán bộ thôn và chính sách đối với\nHội Cựu chiến binh Việt Nam2\nThông tư số 12/2029/TT-BNV ngày 05 tháng 3 năm 2029 của Bộ trưởng Bộ Nội vụ quy định\nvề chế độ làm việc, có hiệu lực kể từ ngày 01 tháng 5 năm 2029, được sửa đổi, bổ sung bởi:\n",
                     ["Thông tư quy định về chế độ làm việc của cán bộ thôn và chính sách đối với Hội Cựu chiến binh Việt Nam"],
                     kind: .dispatch, note: "a consolidated text: footnote marks dropped, the consolidation note is not the title"),
            .exactly("BỘ NỘI VỤ\nSố: 8/QĐ-BNV\n\nQUYẾT ĐỊNH\nĐính chính một số điều của\nThông tư số 12/2029/TT-BNV ngày 05 tháng 3 năm 2029\n\nBỘ TRƯỞNG BỘ NỘI VỤ",
                     ["Quyết định đính chính một số điều của Thông tư số 12/2029/TT-BNV ngày 05 tháng 3 năm 2029"],
                     kind: .dispatch, note: "not consolidated: a cited text on its own line is part of the title"),
            .never("CÔNG BÁO/Số 88/Ngày 06-02-2029\n100\nKý bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\nKT. BỘ TRƯỞNG\n",
                   kind: .dispatch, note: "a gazette page with only its furniture has no title"),
            .exactly("TRANG CHỦ | GIỚI THIỆU | TIN TỨC\nXã Phú An tổng kết 5 năm xây dựng nông thôn mới\nCập nhật: Thứ hai, 4/11/2024 | 9:12:40 AM\n\nSáng 2/11, xã tổ chức hội nghị.\nNgày 1/11, Ban Thường vụ Huyện ủy đã làm việc với Đảng ủy xã về kết quả thực hiện chương trình\nThân bài dài.",
                     ["Xã Phú An tổng kết 5 năm xây dựng nông thôn mới"], kind: .news,
                     note: "a byline is a date line, not a headline: the headline beside it wins over a line beside a `Ngày …` sentence"),
            .exactly("Phường Hưng Lợi ra mắt tổ hòa giải kiểu mẫu\nNguồn: Báo Hậu Giang | Ngày: 14-5-2021\n\nNgày 12-5, UBND phường Hưng Lợi ra mắt tổ hòa giải ở khu vực 3 với 15 thành viên.",
                     ["Phường Hưng Lợi ra mắt tổ hòa giải kiểu mẫu"], kind: .news, note: "a source line with its date is the byline"),
            .exactly("UBND XÃ BÌNH MINH\nTổ chức Ngày hội đại đoàn kết toàn dân tộc năm 2023\nNgười đăng: Admin | Ngày: 18/11/2023\n\nThân bài.",
                     ["Tổ chức Ngày hội đại đoàn kết toàn dân tộc năm 2023"], kind: .news, note: "the site's name in capitals above is not the headline"),
        ]
    }

    public func describe(_ record: Record) -> [String] { record.title.map { [$0] } ?? [] }

    public func extract(_ context: inout ExtractionContext) {
        let document = context.document
        if context.record.kind == .dispatch, let title = dispatchTitle(document, header: context.record.header) {
            context.record.title = title
            return
        }
        // A header flattened into a paragraph: no line starts with `V/v`, the header reader found
        // the subject inside one.
        if context.record.kind == .dispatch, let header = context.record.header, header.documentType == "Công văn",
           let subject = header.subject {
            context.record.title = "V/v " + subject
            return
        }
        context.record.title = headline(document)
    }

    /// The `V/v` line, joined with its continuation lines; else the type-name line and the title under it.
    /// Only the first sixty lines count; a line's text is made only where its folded bytes allow a
    /// match (`FoldedText` folds as `VietnameseFolding.searchFold` does for letters, `/` and spaces).
    package func dispatchTitle(_ document: TextDocument, header: DispatchHeader?) -> String? {
        let count = min(60, document.lines.count)
        let folded = Self.foldedLines(document, count: count)
        func line(_ index: Int) -> String {
            let range = document.lines[index]
            return range.count > 600 ? "" : document.string(range).trimmingCharacters(in: .whitespaces)
        }
        for index in 0..<count where document.lines[index].count <= 600 && Self.mayStartSubject(document.folded.bytes, folded[index]) {
            let text = line(index)
            let fold = VietnameseFolding.searchFold(text)
            if fold.hasPrefix("v/v") {
                var parts = [text]
                var next = index + 1
                // A line in capitals under the subject is the next block of the header (pages that
                // give each line its own paragraph leave no blank line between them).
                while next < count, case let nextLine = line(next), !nextLine.isEmpty, !isHeaderBoundary(nextLine),
                      !isCapitals(nextLine), parts.count < 4, !HeaderExtractor.isProseParagraph(nextLine) {
                    parts.append(nextLine); next += 1
                }
                return parts.joined(separator: " ")
            }
        }
        for index in 0..<count where document.lines[index].count <= 600 && mayBeTypeName(document.folded.bytes, folded[index]) {
            var text = line(index)
            while let last = text.last, last.isASCII, last.isNumber { text.removeLast() }  // a footnote mark
            guard text.count < 40 && text == text.uppercased() else { continue }
            let fold = VietnameseFolding.searchFold(text)
            guard lexicon.typeNamesByFold[fold] != nil else { continue }
            var parts: [String] = []
            var next = index + 1
            let consolidated = header?.documentType == "Văn bản hợp nhất"
            while next < count, line(next).isEmpty { next += 1 }
            // A gazette title may wrap over many lines (a decision naming the circular it corrects in
            // full), as the header reader reads it: a blank line or the header's next block ends it.
            // (A line of words in capitals under one that is not starts the next block: the issuing
            // authority's line, `BỘ TRƯỞNG BỘ TÀI CHÍNH`; a wrapped symbol `13/2020/TT-BTC` goes on.)
            while next < count, case let nextLine = line(next), !nextLine.isEmpty, !isHeaderBoundary(nextLine),
                  parts.count < HeaderExtractor.titleLines,
                  parts.last.map({ isCapitals($0) || !isCapitals(nextLine) || !(nextLine.first?.isLetter ?? false) }) ?? true,
                  // (In a consolidated text the consolidation note under the title ends it.)
                  !(consolidated && !parts.isEmpty && lexicon.startsCitation(folded: VietnameseFolding.searchFold(nextLine))),
                  // (The body's first paragraph, on one line with no blank line before it, ends it.)
                  parts.isEmpty || !HeaderExtractor.isProseParagraph(nextLine) {
                parts.append(HeaderExtractor.withoutFootnoteMark(nextLine)); next += 1
            }
            let typeName = sentenceCase(text)
            guard !parts.isEmpty else { return typeName }
            var subject = parts.joined(separator: " ")
            if let first = subject.first, first.isUppercase,
               subject.dropFirst().prefix(while: { $0 != " " }).allSatisfy({ $0.isLowercase }) {
                subject = first.lowercased() + subject.dropFirst()
            }
            return typeName + " " + subject
        }
        // A page that holds a document without its header block titles it on one line: type
        // name, number and subject (`Thông báo số 12/TB-UBND về việc …`), kept as written.
        for index in 0..<count where document.lines[index].count <= 300 {
            let range = Self.stripped(document.folded.bytes, folded[index])
            guard !range.isEmpty else { continue }
            let isTitle = document.folded.bytes.withUnsafeBufferPointer { p in
                ClassifyStage.isTypeTitle(FoldedLine(bytes: UnsafeBufferPointer(rebasing: p[range])), lexicon: lexicon)
            }
            if isTitle { return line(index) }
        }
        return nil
    }

    /// Folded ranges of the first `count` lines (at most the document's).
    package static func foldedLines(_ document: TextDocument, count: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count)
        guard count > 0 else { return ranges }
        document.folded.bytes.withUnsafeBufferPointer { p in
            FoldedLines.forEachLine(p) { _, line in
                ranges.append(line)
                return ranges.count < count
            }
        }
        return ranges
    }

    /// The folded line without the bytes that white space folds to (space, tab, and 0x80 for
    /// the other spaces; other scalars fold to 0x80 too, so this may strip more than white space).
    private static func stripped(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        bytes.withUnsafeBufferPointer { FoldedLines.Blanks.white.trim($0, range) }
    }

    /// Whether the trimmed line may fold to something that starts with `v/v`.
    private static func mayStartSubject(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let line = stripped(bytes, range)
        return line.count >= 3 && bytes[line.lowerBound] == UInt8(ascii: "v") && bytes[line.lowerBound + 1] == UInt8(ascii: "/")
            && bytes[line.lowerBound + 2] == UInt8(ascii: "v")
    }

    /// Type names folded, as bytes.

    /// Whether the trimmed line may fold to a type name: a type name folds the same both ways
    /// (letters and spaces only), so its folded bytes are the name.
    /// (A footnote mark may follow it: `THÔNG TƯ1`.)
    private func mayBeTypeName(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let line = Self.stripped(bytes, range)
        return line.count >= 2 && lexicon.isTypeName(folded: bytes[line])
    }

    private func isCapitals(_ line: String) -> Bool {
        line.contains(where: \.isLetter) && line == line.uppercased()
    }

    private func isHeaderBoundary(_ line: String) -> Bool {
        // A rule under the title (`______`) or any line without letters ends it.
        guard line.contains(where: \.isLetter) else { return true }
        // The header's table of the lines that start its next block.
        let folded = VietnameseFolding.searchFold(line)
        if header.blockStarts.matches(Array(folded.utf8)) { return true }
        // The place-and-date line (`Tân Lạc, ngày 5 tháng 1 năm 2030`), which a text dump may put
        // under the subject.
        return Self.isPlaceDateLine(folded)
    }

    /// A short folded line `place, ngay … thang … nam …`.
    package static func isPlaceDateLine(_ folded: String) -> Bool {
        guard folded.count < 80, let comma = folded.firstIndex(of: ",") else { return false }
        let rest = folded[folded.index(after: comma)...].drop(while: { $0 == " " })
        return rest.hasPrefix("ngay ") && rest.contains(" thang ") && rest.contains(" nam ")
    }

    private func sentenceCase(_ text: String) -> String {
        let lower = text.lowercased()
        return (lower.first.map { String($0).uppercased() } ?? "") + lower.dropFirst()
    }

    /// The line that reads best as a headline among the first lines: 4 to 60 words, not metadata,
    /// not a date line. A headline sits next to the article's date line, does not end with a full
    /// stop, and has more than a few words; navigation labels and photo captions lose on those.
    /// Lines are read as bytes: this runs on every document.
    package func headline(_ document: TextDocument) -> String? {
        let bytes = document.utf8
        var candidates: [(range: Range<Int>, index: Int, words: Int)] = []
        var dateLines: Set<Int> = []
        var position = 0
        let foldedRanges = Self.foldedLines(document, count: min(40, document.lines.count))
        for (lineIndex, range) in document.lines.prefix(40).enumerated() {
            // A paragraph of body text is no headline.
            if range.count > 600 { position += 1; continue }
            var start = range.lowerBound, end = range.upperBound
            while start < end && bytes[start] == 0x20 { start += 1 }
            while end > start && bytes[end - 1] == 0x20 { end -= 1 }
            guard start < end, bytes[start] != UInt8(ascii: "#") else { continue }
            // A metadata prefix such as "date 2022-03" before the headline.
            if end - start > 5 && bytes[start..<(start + 5)].elementsEqual("date ".utf8) {
                start += 5
                while start < end && (FoldedText.isDigit(bytes[start]) || bytes[start] == 0x2D || bytes[start] == 0x2F || bytes[start] == 0x2E) { start += 1 }
                while start < end && bytes[start] == 0x20 { start += 1 }
                guard start < end else { continue }
            }
            defer { position += 1 }
            let line = bytes[start..<end]
            let foldedLine = Self.stripped(document.folded.bytes, foldedRanges[lineIndex])
            if Self.isDateLine(line) || ClassifyStage.isByline(document.folded.bytes[foldedLine]) {
                dateLines.insert(position); continue
            }
            if Self.isMetadataLine(document.folded.bytes, Self.stripped(document.folded.bytes, foldedRanges[lineIndex]))
                || Self.isNavigationLine(line) || Self.isPageFurniture(document.folded.bytes, foldedRanges[lineIndex]) { continue }
            let (words, scalars) = Self.wordsAndScalars(line)
            if words >= 4 && words <= 60 && scalars <= 300 { candidates.append((start..<end, position, words)) }
        }
        var best: (score: Int, range: Range<Int>)?
        for candidate in candidates {
            var score = 0
            if dateLines.contains(candidate.index - 1) || dateLines.contains(candidate.index + 1) { score += 2 }
            if bytes[candidate.range.upperBound - 1] != UInt8(ascii: ".") { score += 1 }
            if candidate.words >= 6 { score += 1 }
            if candidate.index == 0 { score += 1 }
            // A line ending in a colon leads into what follows ("Thông tin ngày hội:", "Ông A cho
            // biết:"): never a headline.
            if bytes[candidate.range.upperBound - 1] == UInt8(ascii: ":") { score -= 3 }
            if best == nil || score > best!.score { best = (score, candidate.range) }
        }
        return best.map { document.string($0.range) }
    }

    /// Separators of a breadcrumb trail (`Trang chủ » Tin tức » Hoạt động`, `Trang chủ > Tin tức`) or a
    /// menu bar (`Trang chủ | Tin tức | Liên hệ`; one ` | ` alone is a byline's: `26/12/2013 | 10:17`).
    package static let navigationSeparators: [[UInt8]] = ["»", "›", " > ", " >> ", " | "].map { Array($0.utf8) }

    /// A byte that each separator holds and few lines do: the first of » (C2 BB) and › (E2 80 BA),
    /// which Vietnamese letters never start with (their second bytes are often BA and BB), `>`, `|`.
    private static let navigationMarks: [UInt8] = [0xC2, 0xE2, UInt8(ascii: ">"), UInt8(ascii: "|")]

    /// A breadcrumb trail, not a headline: two of its separators, or one after `Trang chủ`.
    package static func isNavigationLine(_ line: ArraySlice<UInt8>) -> Bool {
        // Most lines hold none of the separators' marks: four `memchr`s say so, where matching
        // every separator at every byte took 2% of a run.
        let distinctive = line.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return false }
            return navigationMarks.contains { memchr(base, Int32($0), p.count) != nil }
        }
        guard distinctive else { return false }
        var count = 0
        for separator in navigationSeparators {
            var k = line.startIndex
            while k + separator.count <= line.endIndex {
                if line[k] == separator[0] && line[k..<(k + separator.count)].elementsEqual(separator) {
                    count += 1
                    k += separator.count
                } else {
                    k += 1
                }
            }
        }
        if count >= 2 { return true }
        return count == 1 && (line.starts(with: Array("Trang chủ".utf8)) || line.starts(with: Array("Trang Chủ".utf8))
                                || line.starts(with: Array("TRANG CHỦ".utf8)) || line.starts(with: Array("Home".utf8)))
    }

    /// A gazette's running header (`CÔNG BÁO/Số 12/Ngày 03-04-2025`, on every page) or a
    /// signature stamp: page furniture, never a title (a gazette page with no text but its
    /// furniture has no title).
    package static func isPageFurniture(_ folded: [UInt8], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        return folded.withUnsafeBufferPointer { TemporalChromeLine.ruleID(FoldedBytes($0), lineOf: range.lowerBound) != nil }
    }

    /// A line of a metadata table, not a headline: one that starts with a register label
    /// (`Số hiệu:`, `Người ký:`), or holds two labels with their values laid out as a table
    /// (`Nơi ban hành: …   Người ký: …`: two colons and a run of spaces).
    package static func isMetadataLine(_ folded: [UInt8], _ range: Range<Int>) -> Bool {
        let line = folded[range]
        if ClassifyStage.tables.registerLabels.matches(line) { return true }
        var colons = 0
        var doubleSpace = false
        var previous: UInt8 = 0
        for byte in line {
            if byte == UInt8(ascii: ":") { colons += 1 }
            if byte == 0x20 && previous == 0x20 { doubleSpace = true }
            previous = byte
        }
        return colons >= 2 && doubleSpace
    }



    /// The words (runs of non-spaces, for a line without spaces at its ends) and scalars of a line.
    package static func wordsAndScalars(_ line: ArraySlice<UInt8>) -> (words: Int, scalars: Int) {
        line.withUnsafeBufferPointer { p in
            var words = 1
            var scalars = 0
            // 0x80 when the byte before the current one is a space.
            var previousSpace: UInt64 = 0
            var k = 0
            while k < p.count {
                let byte = p[k]
                if byte & 0xC0 != 0x80 { scalars += 1 }
                if byte == 0x20 {
                    if previousSpace == 0 { words += 1 }
                    previousSpace = 0x80
                } else {
                    previousSpace = 0
                }
                k += 1
            }
            return (words, scalars)
        }
    }

    /// "Thứ 6, Ngày 10/08/2018, 15:00", "10/08/2018 | Tác giả", "Thứ sáu - 15/03/2024 06:28 2.200 0".
    /// A line that starts with a weekday or `ngày` and has a `/` or `-`; or one that starts with a
    /// digit and is less than half letters (scalars counted only then).
    package static func isDateLine(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first else { return false }
        // The first scalars folded (base letter, ASCII as is, 0x80 for others): enough for the cue words.
        var folded: (UInt64, Int) = (0, 0)
        decodeScalars(line, limit: 8) { value, base in
            folded.0 |= UInt64(base ?? (value < 0x80 ? UInt8(value) : 0x80)) << (8 * UInt64(folded.1))
            folded.1 += 1
        }
        func starts(_ word: StaticString) -> Bool {
            guard folded.1 >= word.utf8CodeUnitCount else { return false }
            for k in 0..<word.utf8CodeUnitCount where UInt8(truncatingIfNeeded: folded.0 >> (8 * UInt64(k))) != word.utf8Start[k] {
                return false
            }
            return true
        }
        if starts("thu ") || starts("chu nhat") || starts("ngay ") {
            return line.contains(UInt8(ascii: "/")) || line.contains(UInt8(ascii: "-"))
        }
        guard FoldedText.isDigit(first) else { return false }
        var letters = 0
        var scalars = 0
        decodeScalars(line, limit: .max) { _, base in
            scalars += 1
            if base != nil { letters += 1 }
        }
        return letters < scalars / 2
    }

    /// Calls `body` with the value and base letter of each scalar of `line` (a stray continuation
    /// byte counts as one), up to `limit` scalars; stops at a sequence cut by the end.
    @inline(__always)
    private static func decodeScalars(_ line: ArraySlice<UInt8>, limit: Int, _ body: (UInt32, UInt8?) -> Void) {
        var index = line.startIndex
        var scalars = 0
        while index < line.endIndex && scalars < limit {
            let byte = line[index]
            var length = 1
            var value = UInt32(byte)
            if byte >= 0xC0 {
                length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                value = UInt32(byte & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
                if index + length > line.endIndex { break }
                for k in 1..<length { value = value << 6 | UInt32(line[index + k] & 0x3F) }
            }
            index += length
            scalars += 1
            body(value, VietnameseFolding.baseLetter(value: value))
        }
    }
}
