import Foundation
import Testing
@testable import VanThuText
@testable import VanThuExtract
@testable import VanThuStore
@testable import VanThuPipeline

/// OCR slips (issue 17, item 3): tesseract's usual confusions on Vietnamese type (a tone mark for
/// another, `ơ` for `ô`, `Ư` for `U` in `UBND`) are kept in the archived text as read, and the
/// rules and the search still find the facts through them, because both read the folded text
/// (tones and marks stripped, `đ` → `d`). The sentences are the project's own.
struct OCRSlipTests {
    /// A plan as typed.
    static let typed = """
    ỦY BAN NHÂN DÂN
    HUYỆN TÂN LẠC
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập - Tự do - Hạnh phúc
    Số: 73/KH-UBND
    Tân Lạc, ngày 14 tháng 3 năm 2025

    KẾ HOẠCH
    Nhân rộng mô hình dân vận khéo trên địa bàn huyện năm 2025

    Năm 2024, toàn huyện có 18 mô hình dân vận khéo được công nhận, trong đó 11 mô hình thuộc lĩnh vực kinh tế.

    1. UBND xã Phú Cường chủ trì, phối hợp với Hội Nông dân xã xây dựng mô hình mới.

    2. Các xã, thị trấn báo cáo kết quả về Ban Dân vận Huyện ủy trước ngày 30/6/2025.

    3. Phòng Nội vụ tổng hợp, báo cáo UBND huyện chậm nhất ngày 15/11 hằng năm.

    Nơi nhận:
    - Thường trực Huyện ủy;
    - Lưu: VT.

    TM. ỦY BAN NHÂN DÂN
    CHỦ TỊCH

    Đinh Văn Khải

    """

    /// The same plan as OCR reads a scan of it: `Ư` for `U`, `ơ` for `ô`, tone marks confused
    /// (`Dần`, `khẻo`, `ngảy`, `chầm`), a breve for a circumflex (`hăng`), an acute for a horn (`trưóc`).
    static let slips: [(typed: String, read: String)] = [
        ("Số: 73/KH-UBND", "Số: 73/KH-ƯBND"),
        ("dân vận khéo được công nhận", "dần vận khẻo được cơng nhận"),
        ("1. UBND xã", "1. ƯBND xã"),
        ("Hội Nông dân", "Hội Nơng dân"),
        ("Ban Dân vận Huyện ủy trước ngày", "Ban Dần vận Huyện ủy trưóc ngảy"),
        ("báo cáo UBND huyện chậm nhất ngày 15/11 hằng năm", "báo cáo ƯBND huyện chầm nhất ngày 15/11 hăng năm"),
    ]

    static var read: String {
        slips.reduce(typed) { text, slip in
            precondition(text.contains(slip.typed), slip.typed)
            return text.replacingOccurrences(of: slip.typed, with: slip.read)
        }
    }

    /// The facts a researcher relies on, with names compared folded (the name is quoted as read).
    static func facts(_ record: Record) -> [String] {
        let fold = VietnameseFolding.searchFold
        var facts = ["kind \(record.kind.rawValue)", "date \(record.date ?? "-")",
                     "number \(fold(record.header?.number ?? "-"))", "issuer \(fold(record.header?.issuer ?? "-"))",
                     "title \(fold(record.title ?? "-"))"]
        facts += record.dates.compactMap(\.value).map { "dates \($0)" }
        facts += record.deadlines.map { "deadline \($0.due ?? "-") \($0.recurrence?.rawValue ?? "-") \(fold($0.to ?? "-"))" }
        facts += record.modelCounts.map { "count \($0.count ?? -1) \($0.status.rawValue) \($0.field ?? "-") \($0.year ?? 0)" }
        facts += record.units.map { "unit \(fold($0.key))" }.sorted()
        return facts
    }

    @Test func theRulesFindTheSameFactsThroughTheSlips() throws {
        let typed = try #require(TestSupport.record(for: Self.typed))
        let read = try #require(TestSupport.record(for: Self.read))
        let expected = Self.facts(typed)
        // The typed plan's facts are the ones the slips hide.
        #expect(expected.contains("deadline 2025-06-30 - ban dan van huyen uy"))
        #expect(expected.contains { $0.hasPrefix("deadline --11-15 yearly") })
        #expect(expected.contains { $0.hasPrefix("count 18 recognized") })
        #expect(expected.contains("unit uy ban nhan dan xa phu cuong"))
        let got = Self.facts(read)
        for fact in expected where !got.contains(fact) { Issue.record("lost through the slips: \(fact)") }
        for fact in got where !expected.contains(fact) { Issue.record("made by the slips: \(fact)") }
    }

    @Test func theArchiveKeepsTheTextAsRead() throws {
        let read = try #require(TestSupport.record(for: Self.read))
        for slip in Self.slips { #expect(read.text.contains(slip.read), "\(slip.read)") }
        // The unit is named as read; its key is the abbreviation's.
        let unit = try #require(read.units.first { $0.name.contains("Phú Cường") })
        #expect(unit.name == "ƯBND xã Phú Cường")
        #expect(unit.key == VietnameseFolding.canonicalKey("Ủy ban nhân dân xã Phú Cường"))
    }

    /// Each slip that needed a rule, on its own, at the layer that handles it.
    @Test func aPositionLineReadWithAVowelMarkSlippedIsStillThePosition() throws {
        func signer(_ position: String) throws -> Signer? {
            let text = Self.typed.replacingOccurrences(of: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", with: "T/M BAN THƯỜNG VỤ\n\(position)")
            return try #require(TestSupport.record(for: text)).header?.signer
        }
        let typed = try signer("PHÓ BÍ THƯ"), read = try signer("PHÓ BÍ THU")
        #expect(typed?.name == "Đinh Văn Khải" && typed?.position == "Phó Bí thư")
        // The name is the signer's, not the position line's; the position is kept as read.
        #expect(read?.name == "Đinh Văn Khải")
        #expect(read.map { VietnameseFolding.ignoringVowelShape($0.position ?? "") } == "phó bí thu")
        // Another tone is another word: not a position.
        #expect(try signer("PHÓ BỈ THƯ")?.name != "Đinh Văn Khải")
    }

    @Test func theFoldAndLexiconLayerReadsThroughEachSlip() throws {
        // A vowel read with another shape mark is the same word; another tone is not.
        #expect(VietnameseFolding.ignoringVowelShape("cơng nhận") == VietnameseFolding.ignoringVowelShape("công nhận"))
        #expect(VietnameseFolding.ignoringVowelShape("trưóc") == VietnameseFolding.ignoringVowelShape("trước"))
        #expect(VietnameseFolding.ignoringVowelShape("công nhân") != VietnameseFolding.ignoringVowelShape("công nhận"))
        #expect(VietnameseFolding.ignoringVowelShape("Hăng năm") == "hang nam")
        // A horned capital in an abbreviation or a code is the scan's.
        #expect(VietnameseFolding.canonicalKey("ƯBND huyện Tân Lạc") == VietnameseFolding.canonicalKey("Ủy ban nhân dân huyện Tân Lạc"))
        #expect(VietnameseFolding.canonicalKey("ƯBMTTQ xã Phú Cường") == VietnameseFolding.canonicalKey("UBMTTQ xã Phú Cường"))
        #expect(NumberSymbol.parse(Array("73/KH-ƯBND ngày".utf8), at: 0)?.id == "73/KH-UBND")
        #expect(NumberSymbol.parse(Array("12/QĐ-ƯBND".utf8), at: 0)?.segments == ["QĐ", "UBND"])
        // An Đ whose bar was read as a D of its own.
        #expect(NumberSymbol.parse(Array("Kế hoạch 21-KH/BCDĐ ngày".utf8), at: 13)?.id == "21-KH/BCĐ")
        #expect(NumberSymbol.parse(Array("21-KH/BCDĐX".utf8), at: 0)?.id != "21-KH/BCĐX")
        let plan = try #require(TestSupport.record(for: "Thực hiện Kế hoạch số 21-KH/BCDĐ ngày 3/2/2025 của Ban Chỉ đạo huyện.\n"))
        #expect(plan.references.map(\.id) == ["21-KH/BCĐ"])
        // A Vietnamese word after a code is still not part of it, and a horned capital written so
        // stays out of the code as before.
        #expect(NumberSymbol.parse(Array("5/Ước tính".utf8), at: 0) == nil)
        #expect(NumberSymbol.parse(Array("59-NQ/TƯ ngày".utf8), at: 0)?.id == "59-NQ")
    }

    @Test func theSearchFindsTheTypedWordsInTheTextAsRead() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in"), output = folder.appendingPathComponent("out")
        TestSupport.write(Self.read, to: input.appendingPathComponent("scan.txt"))
        TestSupport.write("Một thông báo khác về lịch họp của Hội Cựu chiến binh.\n", to: input.appendingPathComponent("other.txt"))
        var config = PipelineConfig(inputs: [.init(path: input.path)])
        config.output.folder = output.path
        _ = try Pipeline(config: config, baseDirectory: output).run()
        let store = try ArchiveStore(folder: output, readOnly: true)
        for query in ["\"Ban Dân vận\"", "dân vận khéo công nhận", "UBND xã Phú Cường", "\"Hội Nông dân\"", "hằng năm"] {
            #expect(try store.search(SearchQuery(text: query)).map(\.path) == ["scan.txt"], "\(query)")
        }
    }
}
