import VanThuText

/// A run of digits with the separators between its groups (`14/8/2015`, `2015-2020`, `84.000.000`,
/// `68,23`), read at once so that no part of it is read again as a number of its own. The one
/// number reader of the extractors: dates read its groups as day, month and year, model counts as
/// a whole number grouped by thousands (`integer(groupedBy:maximumDigits:)`).
package struct NumberToken {
    package static let slash = UInt8(ascii: "/"), dash = UInt8(ascii: "-"), dot = UInt8(ascii: "."), comma = UInt8(ascii: ",")

    package var start: Int
    package var end: Int
    /// Up to four groups: value and number of digits.
    package private(set) var values: (Int, Int, Int, Int) = (0, 0, 0, 0)
    package private(set) var digits: (Int, Int, Int, Int) = (0, 0, 0, 0)
    /// Separators before groups 1, 2 and 3.
    package private(set) var separators: (UInt8, UInt8, UInt8) = (0, 0, 0)
    package private(set) var count = 0
    /// A decimal comma, a percent sign, more than four groups: a quantity, not a calendar value.
    package var isQuantity = false
    /// Followed by `/` or `-` and letters: the number of a document (`04/2015/NĐ-CP`, `16-CT/TU`).
    package var isDocumentNumber = false
    /// Followed directly by letters (`17h`, `5km`, `2015đ`).
    package var isGlued = false

    package init(start: Int) {
        self.start = start
        self.end = start
    }

    package func value(_ k: Int) -> Int {
        switch k { case 0: values.0; case 1: values.1; case 2: values.2; default: values.3 }
    }

    package func digitCount(_ k: Int) -> Int {
        switch k { case 0: digits.0; case 1: digits.1; case 2: digits.2; default: digits.3 }
    }

    /// The separator before group `k` (1…3).
    package func separator(_ k: Int) -> UInt8 {
        switch k { case 1: separators.0; case 2: separators.1; default: separators.2 }
    }

    /// Whether all separators are the same one.
    package var isUniform: Bool {
        count <= 2 || (separators.0 == separators.1 && (count <= 3 || separators.1 == separators.2))
    }

    package mutating func append(value: Int, digits count: Int, separator: UInt8) {
        switch self.count {
        case 0: values.0 = value; digits.0 = count
        case 1: values.1 = value; digits.1 = count; separators.0 = separator
        case 2: values.2 = value; digits.2 = count; separators.1 = separator
        case 3: values.3 = value; digits.3 = count; separators.2 = separator
        default: isQuantity = true; return
        }
        self.count += 1
    }

    /// The whole number the token writes with `groupSeparator` between groups of three digits
    /// (`2.071`, `1.200.000`), or as one run of at most `maximumDigits` digits (`543`, `05`); nil
    /// for a decimal comma, another separator, or a group that is not of three digits (`2.5`).
    package func integer(groupedBy groupSeparator: UInt8, maximumDigits: Int) -> Int? {
        guard count > 0, !isQuantity else { return nil }
        if count == 1 { return digits.0 <= maximumDigits ? values.0 : nil }
        guard (1...3).contains(digits.0) else { return nil }
        var total = values.0
        for k in 1..<count {
            guard separator(k) == groupSeparator, digitCount(k) == 3 else { return nil }
            total = total * 1000 + value(k)
        }
        return total
    }

    /// Reads the token that starts with the digit at `start`.
    package static func read(_ text: FoldedBytes, at start: Int) -> NumberToken {
        var token = NumberToken(start: start)
        guard let first = text.number(at: start) else { return token }
        token.append(value: first.value, digits: first.digits, separator: 0)
        var j = first.end
        while true {
            let s = text[j]
            guard s == slash || s == dash || s == dot || s == comma, text.isDigit(j + 1),
                  let next = text.number(at: j + 1) else { break }
            if s == comma { token.isQuantity = true }
            token.append(value: next.value, digits: next.digits, separator: s)
            j = next.end
        }
        token.end = j
        let after = text[j]
        if (after == slash || after == dash) && text.isLetter(j + 1) { token.isDocumentNumber = true }
        if after == UInt8(ascii: "%") { token.isQuantity = true }
        if FoldedText.isLetter(after) { token.isGlued = true }
        return token
    }
}
