/// Vietnamese number words (một … mười lăm … hai trăm linh năm … một nghìn), read as written,
/// with diacritics: `năm` (five) is not `Nam`, `sáu` (six) is not `sau` (after).
package struct VietnameseNumberWord: Sendable {
    package enum Role: Sendable {
        /// A digit that may stand alone: hai, ba, bốn … chín.
        case digit(Int)
        /// A digit only inside a compound: mốt (21), lăm (15), tư (24).
        case compoundDigit(Int)
        /// mười: ten, alone or as the tens of 11…19.
        case ten
        /// mươi: multiplies the digit before it by ten (hai mươi).
        case tens
        /// trăm, nghìn, ngàn, vạn, triệu: multiplies what comes before.
        case multiplier(Int)
        /// linh, lẻ: the empty tens place (một trăm linh năm).
        case zeroTens
    }

    package let word: String
    package let role: Role

    package static let table: [VietnameseNumberWord] = [
        .init(word: "một", role: .compoundDigit(1)),  // alone it is the article "a"
        .init(word: "mốt", role: .compoundDigit(1)),
        .init(word: "hai", role: .digit(2)),
        .init(word: "ba", role: .digit(3)),
        .init(word: "bốn", role: .digit(4)),
        .init(word: "tư", role: .compoundDigit(4)),
        .init(word: "năm", role: .digit(5)),
        .init(word: "lăm", role: .compoundDigit(5)),
        .init(word: "nhăm", role: .compoundDigit(5)),
        .init(word: "sáu", role: .digit(6)),
        .init(word: "bảy", role: .digit(7)),
        .init(word: "bẩy", role: .digit(7)),
        .init(word: "tám", role: .digit(8)),
        .init(word: "chín", role: .digit(9)),
        .init(word: "mười", role: .ten),
        .init(word: "mươi", role: .tens),
        .init(word: "linh", role: .zeroTens),
        .init(word: "lẻ", role: .zeroTens),
        .init(word: "trăm", role: .multiplier(100)),
        .init(word: "nghìn", role: .multiplier(1000)),
        .init(word: "ngàn", role: .multiplier(1000)),
        .init(word: "vạn", role: .multiplier(10_000)),
        .init(word: "triệu", role: .multiplier(1_000_000)),
    ]

    package static let byWord: [String: Role] = Dictionary(uniqueKeysWithValues: table.map { ($0.word, $0.role) })

    /// The value of a sequence of number words (lower-case, in reading order), or nil when they
    /// do not form a number (`một` alone, `hai ba`, `mươi` without a digit).
    package static func value(of words: [String]) -> Int? {
        let roles = words.compactMap { byWord[$0] }
        guard roles.count == words.count, !roles.isEmpty else { return nil }
        if roles.count == 1, case .compoundDigit = roles[0] { return nil }
        var total = 0      // completed thousands groups
        var group = 0      // the current group below a thousand
        var pending: Int?  // a digit waiting for its multiplier
        var sawTen = false
        for role in roles {
            switch role {
            case .digit(let d), .compoundDigit(let d):
                guard pending == nil else { return nil }
                pending = d
            case .ten:
                guard pending == nil, !sawTen else { return nil }
                group += 10
                sawTen = true
            case .tens:
                guard let d = pending, d >= 2 || d == 1 else { return nil }
                group += d * 10
                pending = nil
                sawTen = true
            case .zeroTens:
                guard pending == nil, group % 100 == 0, group > 0 else { return nil }
            case .multiplier(let m):
                if m == 100 {
                    guard let d = pending else { return nil }
                    group += d * 100
                    pending = nil
                    sawTen = false
                } else {
                    let value = group + (pending ?? 0)
                    guard value > 0 else { return nil }
                    total += value * m
                    group = 0
                    pending = nil
                    sawTen = false
                }
            }
        }
        return total + group + (pending ?? 0)
    }
}
