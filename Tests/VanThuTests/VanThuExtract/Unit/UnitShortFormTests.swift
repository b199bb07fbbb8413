import Testing
@testable import VanThuExtract

/// An anaphoric short form goes to the full name used elsewhere in the document
/// (`UnitExtractor.resolveShortForms`), and a list's locality to each item before it.
struct UnitShortFormTests {
    func units(_ text: String) -> [UnitFact] {
        var context = ExtractionContext(text: text)
        UnitExtractor().extract(&context)
        return context.record.units
    }

    func scalarText(_ text: String, _ span: [Int]) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: Array(text.unicodeScalars)[span[0]..<span[1]])
        return String(out)
    }

    @Test func aBareLocalityGoesToItsNamedForm() {
        let text = "Hội Cựu chiến binh phường 9 ra quân. Sau buổi lễ, Hội Cựu chiến binh phường trao quà."
        let found = units(text)
        #expect(found.map(\.name) == ["Hội Cựu chiến binh phường 9"])
        // The short mention stays where it was written, now as a mention of the full name.
        #expect(found[0].mentions.map { scalarText(text, $0) } == ["Hội Cựu chiến binh phường 9", "Hội Cựu chiến binh phường"])
    }

    @Test func eachShortMentionGoesToTheNearestFullNameBeforeIt() {
        let text = "Công an xã Tân Hòa bắt giữ hai đối tượng; Công an xã lập biên bản. "
            + "Tại Công an xã Phú Mỹ, Công an xã cũng vào cuộc."
        let found = units(text)
        #expect(Set(found.map(\.name)) == ["Công an xã Tân Hòa", "Công an xã Phú Mỹ"])
        for unit in found {
            #expect(unit.mentions.count == 2, "\(unit.name)")
            #expect(unit.mentions == unit.mentions.sorted { $0[0] < $1[0] })
        }
        let first = try! #require(found.first { $0.name == "Công an xã Tân Hòa" })
        #expect(first.mentions[1][0] < (text.unicodeScalars.count / 2))
    }

    @Test func aGenericNameGoesToItsFormWithALocality() {
        let found = units("Ủy ban nhân dân huyện Krông Pa đã duyệt. Ủy ban nhân dân giao phòng chuyên môn thực hiện.")
        #expect(found.map(\.name) == ["Ủy ban nhân dân huyện Krông Pa"])
        #expect(found.first?.mentions.count == 2)
    }

    @Test func aSpecificNameStaysItsOwn() {
        // Capitalised words make a name of its own, even when a longer one with a locality exists.
        let found = units("Hội Khuyến học xã Tân An phát thưởng. Hội Khuyến học vận động quỹ.")
        #expect(Set(found.map(\.name)) == ["Hội Khuyến học xã Tân An", "Hội Khuyến học"])
    }

    @Test func levelsAndListsOfLocalitiesAreNoShortForms() {
        let found = units("Ủy ban nhân dân cấp huyện tổng hợp. Ủy ban nhân dân cấp huyện, cấp xã thực hiện.")
        #expect(Set(found.map(\.name)) == ["Ủy ban nhân dân cấp huyện", "Ủy ban nhân dân cấp huyện, cấp xã"])
    }

    @Test func unrelatedNamesAreKept() {
        let found = units("Hội Nông dân Việt Nam phát động. Hội Nông dân xã Ea Kly hưởng ứng.")
        #expect(Set(found.map(\.name)) == ["Hội Nông dân Việt Nam", "Hội Nông dân xã Ea Kly"])
    }

    @Test func aListSharesItsLastLocality() {
        let text = "Hội Cựu chiến binh, Hội Phụ nữ và Hội Nông dân thị trấn Phong Điền ra quân."
        let found = units(text)
        #expect(found.map(\.name) == ["Hội Cựu chiến binh thị trấn Phong Điền", "Hội Phụ nữ thị trấn Phong Điền",
                                      "Hội Nông dân thị trấn Phong Điền"])
        // Each mention still spans what is written for that item.
        #expect(found.map { scalarText(text, $0.mentions[0]) } == ["Hội Cựu chiến binh", "Hội Phụ nữ",
                                                                   "Hội Nông dân thị trấn Phong Điền"])
    }

    @Test func aListIsBrokenByOtherWords() {
        let found = units("Hội Phụ nữ đã họp, sau đó Hội Nông dân xã Hòa An ra quân.")
        #expect(Set(found.map(\.name)) == ["Hội Phụ nữ", "Hội Nông dân xã Hòa An"])
    }

    @Test func listJoiners() {
        let text = Array("A, B và C,và D".utf8)
        #expect(UnitParser.joinsList(text, 1..<3))      // ", "
        #expect(UnitParser.joinsList(text, 4..<9))      // " và "
        #expect(UnitParser.joinsList(text, 10..<15))    // ",và "
        #expect(!UnitParser.joinsList(text, 1..<5))
    }
}
