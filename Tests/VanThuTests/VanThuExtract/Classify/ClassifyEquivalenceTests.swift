import Foundation
import Testing
@testable import VanThuText
@testable import VanThuExtract

/// The classifier reads folded bytes; these tests hold it to the rules as first written, on
/// strings (`LegacyClassifier`), line by line and on whole documents.
struct ClassifyEquivalenceTests {
    static let lines: [String] = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM", "Cộng hòa xã hội chủ nghĩa Việt",
        "Số 12-CV/HU", "Số: 12/KH-UBND", "Số:  5/2020", "Số: /KH", "Số 12 và 13", "Số liệu 2020/2021", "So 1/2",
        "Số: " + String(repeating: "1", count: 58) + "/x", "Số: " + String(repeating: "1", count: 57) + "/x",
        "Hà Nội, ngày 3 tháng 4 năm 2020", "Hà Nội,ngày 3 tháng 4 năm 2020", "A, ngày 3 tháng 4 năm", ", ngày  thang  nam ",
        "Hà Nội, ngày 3 tháng 4 năm 2020" + String(repeating: " x", count: 25), "Ngày 3, ngày 3 tháng 4 năm 2020",
        "V/v tổ chức", "V/v: tổ chức", "V/v.tổ chức", "v/v", "Kính gửi: Các chi bộ", "KÍNH GỬI", "KẾ HOẠCH", "Kế hoạch",
        "THÔNG TƯ LIÊN TỊCH", "LUẬT", "Luật ", "CÔNG VĂN 1", "Nơi nhận:", "NƠI NHẬN", "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH",
        "TM. ỦY BAN NHÂN DÂN", "TUQ. BỘ TRƯỞNG", "Q. GIÁM ĐỐC", "KT.BỘ TRƯỞNG", "Tm hiểu", "Tl", "Kt ", "TM BAN CHẤP HÀNH", "tm uy ban nhân dân tỉnh",
        "T/M " + String(repeating: "Á", count: 55), "T/M " + String(repeating: "Á", count: 56),
        "# date = 20201001", "date 2022-03 Tiêu đề", "Thứ hai, 16/01/2023 08:15", "Chủ nhật, 15/01/2023", "Thứ hai",
        "Thứ " + String(repeating: "—", count: 50) + "/", "Thứ " + String(repeating: "—", count: 56) + "/",
        "“Số” 12/3", "—", "", " ", "Thông báo số 12/TB-UBND về việc tổ chức", "Kế hoạch: V/v triển khai",
        "Thông báo: Về việc nghỉ lễ", "Kế hoạch về việc làm năm 2024", "Thông báokết quả", "Nghị định 100 có hiệu lực", "Quyết định số về việc",
        "Số hiệu: 12/TB", "Loại văn bản: Thông báo", "Trân trọng!", "Trân trọng thông báo.", "Trân trọng cảm ơn",
        "(TTXVN) - Sáng nay", "Cập nhật: 13/3/2024 | 3:05 PM", "Lò Văn Pành | 19/06/2022 09:15", "Nguồn: Báo X | Ngày: 25-9-2020", "Ngày 8/3/2024, xã tổ chức hội nghị.", "UBND HUYỆN A PHÒNG B CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 3/PB A, ngày 2 tháng 3 năm 2020 V/v họp Kính gửi: - Các xã;", "(Báo Gia Lai) – Chiều 3/4", "I. MỤC ĐÍCH, YÊU CẦU", "III. TỔ CHỨC THỰC HIỆN", "II- Mục đích yêu cầu.", "IV. Tổ chức thực hiện tốt", "vi. to chuc thuc hien", "I.", "Tổ chức thực hiện", "(Kèm theo Nghị định số 1/2020/NĐ-CP)", "(a) - b", "()- x", "  Số 1/2  ", "Số\u{0301} 1/2", "So\u{00A0}1/2",
    ]

    @Test func everyRuleReadsALineAsTheStringRuleDid() {
        for text in Self.lines {
            let document = TextDocument(text)
            let folded = document.folded.bytes
            var start = 0, end = folded.count
            while start < end && folded[start] == 0x20 { start += 1 }
            while end > start && folded[end - 1] == 0x20 { end -= 1 }
            let string = String(decoding: folded[start..<end], as: UTF8.self)
            folded.withUnsafeBufferPointer { p in
                let line = FoldedLine(bytes: UnsafeBufferPointer(rebasing: p[start..<end]))
                for (rule, legacy) in zip(ClassifyStage.rules, LegacyClassifier.rules) {
                    #expect(rule.id == legacy.id)
                    #expect(rule.test(line, .standard) == legacy.test(string), "\(rule.id) on \(text)")
                }
            }
        }
    }

    @Test func documentsAreClassifiedAsBefore() throws {
        var texts = [Self.lines.joined(separator: "\n"), Self.lines.reversed().joined(separator: "\n")]
        var folders = [TestSupport.fixtures]
        if let shared = TestSupport.shared { folders.append(shared.appendingPathComponent("seeds")) }
        for folder in folders {
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" || $0.pathExtension == "md" } ?? []
            for file in files { if let text = try? String(contentsOf: file, encoding: .utf8) { texts.append(text) } }
        }
        for text in texts {
            let document = TextDocument(text)
            let new = ClassifyStage.classify(document)
            let old = LegacyClassifier.classify(document)
            #expect(new == old, "\(text.prefix(80))")
        }
    }
}

/// The classification rules as first written, on strings made from the folded line.
enum LegacyClassifier {
    struct Rule: Sendable {
        var id: String
        var kind: DocumentKind
        var weight: Int
        var head: Bool
        /// Only above the first paragraph of prose.
        var lead = false
        var test: @Sendable (String) -> Bool
    }

    static let rules: [Rule] = [
        Rule(id: "dispatch.motto", kind: .dispatch, weight: 2, head: true) {
            $0.hasPrefix("cong hoa xa hoi chu nghia viet nam") || $0.hasPrefix("dang cong san viet nam")
        },
        Rule(id: "dispatch.number", kind: .dispatch, weight: 2, head: true) { line in
            guard line.hasPrefix("so") else { return false }
            let rest = line.dropFirst(2).drop(while: { $0 == ":" || $0 == " " })
            guard let first = rest.first, first.isNumber else { return false }
            return rest.contains("/") && rest.count < 60
        },
        Rule(id: "dispatch.place-date", kind: .dispatch, weight: 1, head: true) { line in
            guard let comma = line.firstIndex(of: ",") else { return false }
            let rest = line[line.index(after: comma)...].drop(while: { $0 == " " })
            return rest.hasPrefix("ngay ") && rest.contains(" thang ") && rest.contains(" nam ") && line.count < 80
        },
        Rule(id: "dispatch.subject", kind: .dispatch, weight: 2, head: true) { $0.hasPrefix("v/v ") || $0.hasPrefix("v/v:") },
        Rule(id: "dispatch.recipients", kind: .dispatch, weight: 1, head: true) { $0.hasPrefix("kinh gui") },
        Rule(id: "dispatch.type-line", kind: .dispatch, weight: 1, head: true) { DocumentLexicon.standard.typeNamesByFold[$0] != nil },
        Rule(id: "dispatch.type-title", kind: .dispatch, weight: 3, head: true, lead: true) { line in
            guard line.count < 300 else { return false }
            // Longest type name first.
            guard let name = DocumentLexicon.standard.typeNamesByFold.keys.sorted(by: { $0.count > $1.count })
                .first(where: { line.hasPrefix($0) && (line.count == $0.count || !isWordCharacter(line.dropFirst($0.count).first!)) })
            else { return false }
            var rest = line.dropFirst(name.count).drop(while: { $0 == " " })
            if rest.hasPrefix("so ") {
                rest = rest.dropFirst(3).drop(while: { $0 == " " })
                guard let first = rest.first, first.isASCII, first.isNumber else { return false }
                rest = rest.drop(while: { $0 != " " }).drop(while: { $0 == " " })
                if rest.hasPrefix("ngay ") || rest.hasPrefix("cua ") {
                    // The date and the issuer before the subject: the cue later on the line.
                    let words = rest.split(separator: " ")
                    return words.indices.dropFirst().contains { i in
                        let tail = words[i...].joined(separator: " ")
                        return (tail.hasPrefix("ve viec ") || tail.hasPrefix("v/v ")) && !tail.hasPrefix("ve viec lam ")
                    }
                }
            }
            if rest.hasPrefix(":") { rest = rest.dropFirst().drop(while: { $0 == " " }) }
            return (rest.hasPrefix("ve viec ") || rest.hasPrefix("v/v ")) && !rest.hasPrefix("ve viec lam ")
        },
        Rule(id: "dispatch.flat-header", kind: .dispatch, weight: 3, head: true) { line in
            line.count > 80 && (line.contains("cong hoa xa hoi chu nghia viet nam") || line.contains("dang cong san viet nam"))
                && (line.contains("v/v ") || line.contains("kinh gui"))
        },
        Rule(id: "dispatch.register", kind: .dispatch, weight: 2, head: true) { line in
            ["so hieu:", "so ky hieu:", "loai van ban:", "noi ban hanh:", "co quan ban hanh:", "nguoi ky:", "ngay ban hanh:"]
                .contains(where: line.hasPrefix)
        },
        Rule(id: "dispatch.closing", kind: .dispatch, weight: 3, head: false) { line in
            var text = Substring(line)
            while let last = text.last, last == "!" || last == "." || last == " " { text = text.dropLast() }
            return ["tran trong", "tran trong thong bao", "tran trong kinh moi", "tran trong de nghi"].contains(String(text))
        },
        Rule(id: "dispatch.copy-to", kind: .dispatch, weight: 2, head: false) { $0.hasPrefix("noi nhan") },
        Rule(id: "dispatch.signature", kind: .dispatch, weight: 1, head: false) { line in
            DocumentLexicon.standard.authority(atStartOf: line) != nil && line.count < 60
        },
        Rule(id: "dispatch.plan-section", kind: .dispatch, weight: 2, head: false) { line in
            guard line.count < 40 else { return false }
            let numeral = line.prefix(while: { "ivx".contains($0) })
            guard (1...4).contains(numeral.count), let mark = line.dropFirst(numeral.count).first, ".-/".contains(mark) else { return false }
            var rest = Substring(line.dropFirst(numeral.count + 1).drop(while: { $0 == " " }))
            while let last = rest.last, last == "!" || last == "." || last == " " { rest = rest.dropLast() }
            return ["muc dich, yeu cau", "muc dich yeu cau", "muc dich - yeu cau", "to chuc thuc hien"].contains(String(rest))
        },
        Rule(id: "news.metadata", kind: .news, weight: 1, head: true) { $0.hasPrefix("# date") || $0.hasPrefix("date ") },
        Rule(id: "news.dateline", kind: .news, weight: 1, head: true) { line in
            (line.hasPrefix("thu ") || line.hasPrefix("chu nhat")) && line.contains("/") && line.count < 60
        },
        Rule(id: "news.byline", kind: .news, weight: 1, head: true) { line in ClassifyStage.isByline(Array(line.utf8)) },
        Rule(id: "news.source-tag", kind: .news, weight: 1, head: true) { line in
            guard line.count > 8, line.hasPrefix("("), let close = line.firstIndex(of: ")") else { return false }
            let inside = line[line.index(after: line.startIndex)..<close]
            guard (2...31).contains(inside.count), inside.filter({ $0 == " " }).count <= 3,
                  inside.allSatisfy({ $0 == " " || $0 == "." || isWordCharacter($0) }) else { return false }
            return line[line.index(after: close)...].drop(while: { $0 == " " }).hasPrefix("-")
        },
    ]

    /// A character of a word in the folded text: a lower-case ASCII letter or a digit.
    static func isWordCharacter(_ c: Character) -> Bool {
        ("a"..."z").contains(c) || ("0"..."9").contains(c)
    }

    static func classify(_ document: TextDocument) -> Classification {
        var scores: [DocumentKind: Int] = [:]
        var reasons: [String] = []
        var proseParagraphs = 0
        var sentenceLines = 0
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
            if index < ClassifyStage.headLines, length >= ClassifyStage.sentenceLineBytes {
                var raw = Array(folded[lineStart..<lineEnd])
                while let last = raw.last, [0x20, 0x09, 0x0D, 0x0A].contains(last) { raw.removeLast() }
                let closing = raw.last == UInt8(ascii: "\"") ? raw.dropLast().last : raw.last
                if let closing, ".!?".utf8.contains(closing), raw.filter({ $0 == 0x20 }).count >= 8 { sentenceLines += 1 }
            }
            guard index < ClassifyStage.headLines || length < 150 else { continue }
            var start = lineStart, end = lineEnd
            while start < end && folded[start] == 0x20 { start += 1 }
            while end > start && folded[end - 1] == 0x20 { end -= 1 }
            let line = String(decoding: folded[start..<end], as: UTF8.self)
            for rule in rules where !reasons.contains(rule.id) {
                if rule.head && index >= ClassifyStage.headLines { continue }
                if rule.lead && proseParagraphs > 0 { continue }
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
        if scores[.dispatch, default: 0] >= ClassifyStage.dispatchThreshold { return Classification(kind: .dispatch, reasons: reasons) }
        if proseParagraphs >= 2 || (proseParagraphs >= 1 && scores[.news, default: 0] >= 1) { return Classification(kind: .news, reasons: reasons) }
        if sentenceLines >= ClassifyStage.shortProseParagraphs && scores[.news, default: 0] >= 1 {
            reasons.append("news.short-prose")
            return Classification(kind: .news, reasons: reasons)
        }
        return Classification(kind: .unknown, reasons: reasons)
    }
}
