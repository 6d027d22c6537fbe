import Evaluation
import Testing

/// The words a finding uses for a field come from its label in the registry.
@Suite("Field words from the registry")
struct FieldWordsTests {
    let registry = FieldRegistry([
        FieldDeclaration(level: .funds, key: "carryover", label: "历年结余结转②", kind: .money),
        FieldDeclaration(level: .funds, key: "subtotal", label: "小计④=①+②+③", kind: .money),
        FieldDeclaration(level: .funds, key: "spendingRate", label: "支出实现率⑥=⑤/④", kind: .percent),
        FieldDeclaration(level: .funds, key: "executed", label: "全年执行数", kind: .money),
        FieldDeclaration(level: .funds, key: "numbered", label: "①", kind: .money),
    ])

    @Test("the label without the numbering and formula the form prints after it")
    func labelsLoseTheirNumbering() {
        #expect(registry.words(for: "carryover", at: .funds) == "历年结余结转")
        #expect(registry.words(for: "subtotal", at: .funds) == "小计")
        #expect(registry.words(for: "spendingRate", at: .funds) == "支出实现率")
        #expect(registry.words(for: "executed", at: .funds) == "全年执行数")
    }

    @Test("a label that is only a number stays whole, and an undeclared field is named by its key")
    func edgeCases() {
        #expect(registry.words(for: "numbered", at: .funds) == "①")
        #expect(registry.words(for: "missing", at: .funds) == "missing")
        #expect(registry.words(for: "executed", at: .project) == "executed")
    }

    @Test("a layout that relabels a field changes its words")
    func relabelled() {
        let relabelled = registry.merging(FieldRegistry([FieldDeclaration(level: .funds, key: "executed", label: "预算执行数", kind: .money)]))
        #expect(relabelled.words(for: "executed", at: .funds) == "预算执行数")
    }
}
