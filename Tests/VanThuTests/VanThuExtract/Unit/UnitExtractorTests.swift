import Testing
@testable import VanThuText
@testable import VanThuExtract

struct UnitExtractorTests {
    func run(_ text: String) -> Record {
        var context = ExtractionContext(text: text)
        UnitExtractor().extract(&context)
        return context.record
    }

    @Test func eachUnitOnceWithAllItsMentions() {
        let text = "UBND huyện chỉ đạo các xã. Sau đó, Ủy ban nhân dân huyện kiểm tra. UBND huyện báo cáo."
        let units = run(text).units
        #expect(units.count == 1)
        #expect(units.first?.name == "UBND huyện")
        #expect(units.first?.key == VietnameseFolding.canonicalKey("Ủy ban nhân dân huyện"))
        #expect(units.first?.mentions.count == 3)
    }

    @Test func mentionSpansAreScalarOffsetsOfTheName() {
        let text = "Đại diện Ban Dân vận Tỉnh ủy phát biểu."
        let unit = try! #require(run(text).units.first)
        let scalars = Array(text.unicodeScalars)
        let span = unit.mentions[0]
        var covered = String.UnicodeScalarView()
        covered.append(contentsOf: scalars[span[0]..<span[1]])
        #expect(String(covered) == "Ban Dân vận Tỉnh ủy")
    }

    @Test func peopleComeWithPositionAndUnit() {
        let record = run("Phó Trưởng ban Thường trực Ban Dân vận Tỉnh ủy Trần Thị Mai phát biểu.")
        #expect(record.units.map(\.name) == ["Ban Dân vận Tỉnh ủy"])
        let person = try! #require(record.people.first)
        #expect(person.name == "Trần Thị Mai")
        #expect(person.position == "Phó Trưởng ban Thường trực")
        #expect(person.unit == "Ban Dân vận Tỉnh ủy")
    }

    @Test func lexiconCanBeExtended() {
        var context = ExtractionContext(text: "Đại diện Nghiệp đoàn Nghề cá xã tham dự.")
        UnitExtractor().extract(&context)
        #expect(context.record.units.isEmpty)
        let lexicon = UnitLexicon.standard.extended(with: .init(heads: ["Nghiệp đoàn"], qualifiers: ["Nghề cá"]))
        context = ExtractionContext(text: "Đại diện Nghiệp đoàn Nghề cá xã tham dự.")
        UnitExtractor(lexicon: lexicon).extract(&context)
        #expect(context.record.units.map(\.name) == ["Nghiệp đoàn Nghề cá xã"])
    }

    @Test func capitalsAreWrittenAsNames() {
        let lexicon = UnitLexicon.standard
        #expect(lexicon.displayCase("HUYỆN ỦY TRIỆU PHONG") == "Huyện ủy Triệu Phong")
        #expect(lexicon.displayCase("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ") == "Ủy ban nhân dân tỉnh Quảng Trị")
        #expect(lexicon.displayCase("BAN THƯỜNG VỤ") == "Ban Thường vụ")
        #expect(lexicon.displayCase("PHÓ BÍ THƯ") == "Phó Bí thư")
        #expect(lexicon.displayCase("BỘ TRƯỞNG") == "Bộ trưởng")
        #expect(lexicon.displayCase("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI") == "Bộ Lao động - Thương binh và Xã hội")
    }
}
