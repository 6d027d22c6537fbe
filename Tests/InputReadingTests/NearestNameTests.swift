import InputReading
import Testing

@Suite("editDistance and nearest")
struct NearestNameTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var a: String
        var b: String
        var distance: Int
        var testDescription: String { "\"\(a)\" → \"\(b)\" = \(distance)" }
    }

    @Test("Levenshtein distances", arguments: [
        Case(a: "", b: "", distance: 0),
        Case(a: "", b: "abc", distance: 3),
        Case(a: "abc", b: "", distance: 3),
        Case(a: "target", b: "target", distance: 0),
        Case(a: "tagret", b: "target", distance: 2),
        Case(a: "implementingUnt", b: "implementingUnit", distance: 1),
        Case(a: "kitten", b: "sitting", distance: 3),
        Case(a: "flaw", b: "lawn", distance: 2),
        Case(a: "项目名称", b: "项目名", distance: 1),
        Case(a: "一级指标", b: "二级指标", distance: 1),
    ])
    func distances(_ c: Case) {
        #expect(editDistance(c.a, c.b) == c.distance)
        #expect(editDistance(c.b, c.a) == c.distance)
    }

    @Test("editDistance is case-sensitive; nearest is not")
    func caseHandling() {
        #expect(editDistance("Name", "name") == 1)
        #expect(nearest(to: "NAME", in: ["name", "year"]) == "name")
    }

    @Test("nearest picks the closest plausible candidate")
    func nearestCandidate() {
        let fields = ["name", "implementingUnit", "competentDepartment", "funds", "goal", "indicators"]
        #expect(nearest(to: "implementingUnt", in: fields) == "implementingUnit")
        #expect(nearest(to: "indicator", in: fields) == "indicators")
        #expect(nearest(to: "nmae", in: fields) == "name")
        #expect(nearest(to: "fund", in: fields) == "funds")
    }

    @Test("nearest gives nothing when no candidate is close")
    func nearestNothing() {
        #expect(nearest(to: "x", in: []) == nil)
        #expect(nearest(to: "zzzzzzzz", in: ["name", "year"]) == nil)
        // Short words allow two edits, no more.
        #expect(nearest(to: "abc", in: ["xyz"]) == nil)
        #expect(nearest(to: "abc", in: ["axy"]) == "axy")
    }

    @Test("longer words tolerate more edits (a third of their length)")
    func nearestThreshold() {
        // 15 characters → up to 5 edits.
        #expect(nearest(to: "competentDepart", in: ["competentDepartment"]) == "competentDepartment")  // 4 edits
        #expect(nearest(to: "compDepartmentXY", in: ["competentDepartment"]) == nil)
    }
}
