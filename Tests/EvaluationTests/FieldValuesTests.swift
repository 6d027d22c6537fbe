@testable import Evaluation
import Testing

/// Each model type stores its typed keys once (issue 25); they must stay
/// the keys of its typed properties, in order, or the reader would drop a
/// field into `extra` and the binder would lose it.
@Suite("Typed keys are the typed fields' keys")
struct FieldValuesTests {
    @Test func storedKeysMatchTheFields() {
        func check<Value: FieldValues>(_ type: Value.Type) {
            #expect(Value.typedKeys == Value.typedFields.map(\.key), "\(Value.self)")
            #expect(Set(Value.typedKeys).count == Value.typedKeys.count, "\(Value.self) repeats a key")
        }
        check(Project.self)
        check(FundsRow.self)
        check(Indicator.self)
        check(DepartmentEvaluation.self)
        check(MainTask.self)
        check(Signatures.self)
    }

    @Test func setValueWritesTheTypedPropertyOrExtra() {
        var indicator = Indicator(name: "", target: "", actual: "")
        indicator.setValue("≥95%", "target")
        indicator.setValue("备注", "note")
        #expect(indicator.target == "≥95%" && indicator.value("target") == "≥95%")
        #expect(indicator.extra["note"] == "备注" && indicator.value("note") == "备注")
        indicator.setValue("", "note")
        #expect(indicator.extra["note"] == nil)
    }
}

/// `WrittenValueParser.parse` remembers what it read (issue 25): a value
/// read again must be the same as a fresh read, also after the memory was
/// emptied for being full.
@Suite("Values read again are read the same")
struct RememberedValuesTests {
    @Test func aRememberedValueIsAFreshRead() {
        let texts = ["≥148万元", "56人", "95%以上", "2024年12月底前", "—", "", " 12.50 ", "１２３", "-12.5", "完成", "=2025年", "≤3天（含）"]
        for text in texts {
            #expect(WrittenValueParser.parse(text) == WrittenValueParser.read(text), "\(text)")
            #expect(WrittenValueParser.parse(text) == WrittenValueParser.read(text), "\(text), remembered")
        }
        // Canonically equivalent texts are equal Strings, but a value keeps
        // the text as written.
        for (first, second) in [("\u{E9}个", "e\u{301}个"), ("\u{8C48}", "\u{F900}"), ("≥1\u{212B}", "≥1\u{C5}")] {
            #expect(Array(WrittenValueParser.parse(first).text.unicodeScalars) == Array(first.unicodeScalars))
            #expect(Array(WrittenValueParser.parse(second).text.unicodeScalars) == Array(second.unicodeScalars))
        }
        for number in 0...WrittenValueParser.maximumRemembered { _ = WrittenValueParser.parse("\(number)个") }
        for text in texts { #expect(WrittenValueParser.parse(text) == WrittenValueParser.read(text), "\(text), after emptying") }
    }
}
