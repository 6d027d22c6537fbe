/// Every check FormPrint makes, with its stable code and severity. Codes
/// never change meaning once released; docs/VALIDATION.md lists each with an
/// example (a test keeps that page complete).
///
/// Families: FP1xx how values are written, FP2xx the funds block, FP3xx
/// indicators, FP4xx agreement between the documents of one unit, FP5xx
/// structure and weights, FP6xx scores.
public enum Rule: String, Sendable, Hashable, CaseIterable, Comparable {
    case strayDecimalPoint = "FP101"
    case unitWord = "FP102"
    case fullWidthDigits = "FP103"
    case groupingSeparators = "FP104"
    case comparatorOnText = "FP105"
    case numberExpected = "FP106"
    case moneyWithUnit = "FP107"
    case rateAsFraction = "FP108"
    case amountDecimals = "FP109"

    case totalNotSumOfSources = "FP201"
    case executionRateMismatch = "FP202"
    case executedAboveBudget = "FP203"
    case executedWithoutBudget = "FP204"
    case noTotalRow = "FP205"
    case formulaDisagrees = "FP206"

    case targetNotMet = "FP301"
    case strictTargetMetOnlyByEquality = "FP302"
    case timeTargetMissed = "FP303"
    case timeTargetOutsideYear = "FP304"
    case unitsDiffer = "FP305"
    case missingActual = "FP306"
    case missingDeviationReason = "FP307"
    case missingTarget = "FP308"
    case farAboveTarget = "FP309"
    case costIndicatorNotMoney = "FP310"
    case actualNotComparable = "FP311"

    case amountDiffersAcrossDocuments = "FP401"
    case titleYearDiffers = "FP402"
    case departmentNameDiffers = "FP403"
    case implementingUnitDiffers = "FP404"

    case requiredFieldEmpty = "FP501"
    case indicatorWithoutCategory = "FP502"
    case weightsNotHundred = "FP503"
    case weightsPartlyEntered = "FP504"
    case categoryWithoutDefaultWeight = "FP505"
    case reportDateNotation = "FP506"
    case fieldNotPrinted = "FP507"
    case implausibleYear = "FP508"

    case scoreDiffers = "FP601"
    case scoreOutsideBand = "FP602"
    case totalScoreDiffers = "FP603"
    case gradeDiffers = "FP604"
    case scoreNeedsEvaluator = "FP605"
    case totalNotComputed = "FP606"

    public var code: String { rawValue }

    public var severity: Severity {
        switch self {
        case .totalNotSumOfSources, .executionRateMismatch, .requiredFieldEmpty, .indicatorWithoutCategory,
             .weightsNotHundred, .scoreOutsideBand:
            .error
        case .comparatorOnText, .amountDecimals, .farAboveTarget, .costIndicatorNotMoney, .implementingUnitDiffers, .fieldNotPrinted,
             .scoreNeedsEvaluator, .totalNotComputed:
            .note
        default:
            .warning
        }
    }

    /// What the rule checks, in a few words (for `--format json` and the docs).
    public var title: String {
        switch self {
        case .strayDecimalPoint: "a number ends in a stray decimal point"
        case .unitWord: "a unit written as a word"
        case .fullWidthDigits: "full-width digits"
        case .groupingSeparators: "digit-group separators"
        case .comparatorOnText: "a comparator before text that is not a number"
        case .numberExpected: "a number was expected"
        case .moneyWithUnit: "a unit (万元, 元) inside a money cell"
        case .rateAsFraction: "a rate written as a bare fraction where the form prints a percentage"
        case .amountDecimals: "an amount with more than two decimals (printed as written, not rounded)"
        case .totalNotSumOfSources: "the total row is not the sum of its sources"
        case .executionRateMismatch: "执行率 is not 全年执行数 ÷ 全年预算数"
        case .executedAboveBudget: "全年执行数 above 全年预算数"
        case .executedWithoutBudget: "execution without a budget"
        case .noTotalRow: "no total row in the funds block"
        case .formulaDisagrees: "an entered value differs from the layout's formula"
        case .targetNotMet: "a target not met"
        case .strictTargetMetOnlyByEquality: "a strict target met only by equality"
        case .timeTargetMissed: "a time target missed"
        case .timeTargetOutsideYear: "a time target outside the evaluated year"
        case .unitsDiffer: "target and actual in different units"
        case .missingActual: "no actual value"
        case .missingDeviationReason: "偏差原因分析及改进措施 required but empty"
        case .missingTarget: "no target value"
        case .farAboveTarget: "actual far above target"
        case .costIndicatorNotMoney: "a cost indicator not measured in money"
        case .actualNotComparable: "an actual value that cannot be compared with its target"
        case .amountDiffersAcrossDocuments: "the same amount written differently in two documents"
        case .titleYearDiffers: "a title names another year"
        case .departmentNameDiffers: "部门名称 is not the unit's name"
        case .implementingUnitDiffers: "实施单位 is not the unit"
        case .requiredFieldEmpty: "a required field is empty"
        case .indicatorWithoutCategory: "an indicator without its 一级/二级 category"
        case .weightsNotHundred: "分值 do not add up to 100"
        case .weightsPartlyEntered: "indicators without a 分值"
        case .categoryWithoutDefaultWeight: "a 一级指标 not in the profile's indicator tree"
        case .reportDateNotation: "the report's 成文日期 not written as GB/T 9704 asks"
        case .fieldNotPrinted: "a value the unit gave that the chosen layout does not print"
        case .implausibleYear: "an evaluated year far from the filing date"
        case .scoreDiffers: "an entered 得分 differs from the computed one"
        case .scoreOutsideBand: "an entered 得分 outside its allowed range"
        case .totalScoreDiffers: "an entered 总分 differs from the sum of 得分"
        case .gradeDiffers: "an entered 等级 differs from the 总分's grade"
        case .scoreNeedsEvaluator: "a 得分 only the evaluator can give"
        case .totalNotComputed: "总分 and 等级 not computed"
        }
    }

    public static func < (lhs: Rule, rhs: Rule) -> Bool { lhs.rawValue < rhs.rawValue }
}
