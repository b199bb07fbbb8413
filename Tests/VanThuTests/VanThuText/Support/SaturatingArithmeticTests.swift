import Testing
@testable import VanThuText

struct SaturatingArithmeticTests {
    @Test(arguments: [(1, 2, 3), (Int.max, 1, Int.max), (Int.max - 5, 10, Int.max), (Int.min, -1, Int.min), (-4, 9, 5),
                      (9_000_000_000_000_000_000, 9_000_000_000_000_000_000, Int.max)])
    func sumsClampInsteadOfTrapping(a: Int, b: Int, expected: Int) {
        #expect(a.saturatingAdding(b) == expected)
        var c = a
        c.saturatingAdd(b)
        #expect(c == expected)
    }

    @Test func sequenceSum() {
        #expect([1, 2, 3].saturatingSum() == 6)
        #expect(Array(repeating: Int.max / 3, count: 10).saturatingSum() == Int.max)
        #expect([Int].init().saturatingSum() == 0)
    }
}
