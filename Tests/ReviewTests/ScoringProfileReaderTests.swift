import Evaluation
import Foundation
import InputReading
import Review
import Testing

/// Scoring profiles are data: the built-in ones read, and mistakes in a
/// profile are reported with their place.
@Suite("Scoring profiles")
struct ScoringProfileReaderTests {
    @Test("the national profile is 财预〔2020〕10号")
    func national() throws {
        let national = try profile("national")
        #expect(national.id == "national")
        // The layouts name their profile (`scoring: national`); the built-in
        // profile lists none.
        #expect(national.layouts.isEmpty)
        #expect(national.executionRate == ExecutionRateRule(weight: 10, method: .proportional))
        #expect(national.indicators.weights.map(\.weight) == [50, 30, 10])
        #expect(national.indicators.weights[0].categories == ["产出指标", "成本指标"])
        #expect(national.indicators.reverse == .ratio)
        #expect(national.indicators.farAboveRatio == Decimal(string: "1.3"))
        #expect(national.indicators.deviationRequired)
        #expect(national.qualitative.bands.map(\.from) == [Decimal(string: "0.8"), Decimal(string: "0.6"), 0])
        #expect(national.grades.map(\.grade) == ["优", "良", "中", "差"])
        #expect(national.decimals == 2)
        #expect(national.emptyCell == "—")
        #expect(national.scoreColumns)
    }

    @Test("the 吉林 profile scores the same way, for a form without score or 偏差原因 columns")
    func jilin() throws {
        let jilin = try profile("jilin")
        let national = try profile("national")
        #expect(jilin.layouts.isEmpty)
        #expect(jilin.indicators.weights == national.indicators.weights)
        #expect(jilin.executionRate == national.executionRate)
        #expect(!jilin.indicators.deviationRequired)
        #expect(!jilin.scoreColumns)
    }

    static let minimal = """
        formprint-scoring: 1
        id: test
        executionRate: {weight: 10}
        indicators:
          weights:
            - {categories: [产出指标], weight: 90}
        qualitative: {bands: []}
        grades:
          - {grade: 合格, from: 60}
          - {grade: 不合格, from: 0}
        """

    @Test("a minimal profile reads, with the defaults")
    func minimalProfile() throws {
        let profile = try ScoringProfileReader.read(text: Self.minimal, file: "test.yaml")
        #expect(profile.indicators.reverse == .ratio)
        #expect(profile.indicators.farAboveRatio == nil)
        #expect(profile.total == 100)
        #expect(profile.scoreColumns)
    }

    func error(_ text: String) -> InputFileError? {
        do {
            _ = try ScoringProfileReader.read(text: text, file: "test.yaml")
            Issue.record("expected an error")
            return nil
        } catch let error as InputFileError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test("weights that do not make the total are an error at the weights")
    func weightsNotTotal() throws {
        let found = try #require(error(Self.minimal.replacingOccurrences(of: "weight: 90", with: "weight: 80")))
        #expect(found.description(in: .english).contains("add up to 90, not the total 100"))
        #expect(found.location.line == 6, "the first line of the weights list")
    }

    @Test("an unknown field is an error with a suggestion")
    func unknownField() throws {
        let found = try #require(error(Self.minimal.replacingOccurrences(of: "executionRate: {weight: 10}", with: "executionRate: {weight: 10, methd: bands}")))
        #expect(found.description(in: .english).contains("did you mean 'method'?"))
        #expect(found.location.line == 3)
    }

    @Test("an unknown 反向 formula is an error naming the two")
    func unknownReverse() throws {
        let text = Self.minimal.replacingOccurrences(of: "  weights:", with: "  reverse: inverse\n  weights:")
        #expect(try #require(error(text)).description(in: .english).contains("Use 'ratio'"))
    }

    @Test("grades must go down to 0")
    func gradesToZero() throws {
        let text = Self.minimal.replacingOccurrences(of: "{grade: 不合格, from: 0}", with: "{grade: 不合格, from: 10}")
        #expect(try #require(error(text)).description(in: .english).contains("grades must go from the highest minimum down to 0"))
    }
}
