import Evaluation

/// What to do about each rule's finding, in a sentence an officer can act
/// on: every finding says what is wrong (its message) and this says how to
/// put it right (or, where the form may well be right, what to explain).
/// docs/VALIDATION.md carries the same sentence in its rules table, and a
/// test keeps both complete.
extension Rule {
    package var fix: Message {
        switch self {
        case .strayDecimalPoint:
            Message(chinese: "删去数字末尾多余的小数点（“148.万元”改为“148万元”），或补上小数部分。",
                    english: "Remove the stray decimal point at the end of the number (148.万元 → 148万元), or write the decimals.")
        case .unitWord:
            Message(chinese: "把单位写成符号或常用字（“百分比”改为“%”）。",
                    english: "Write the unit as its symbol or usual character (百分比 → %).")
        case .fullWidthDigits:
            Message(chinese: "把全角数字改为半角数字（“１００”改为“100”）。",
                    english: "Write the digits as half-width digits (１００ → 100).")
        case .groupingSeparators:
            Message(chinese: "删去数字中的千位分隔符（“1,200”改为“1200”）。",
                    english: "Remove the digit-group separators (1,200 → 1200).")
        case .comparatorOnText:
            Message(chinese: "定性指标不加“≥”“≤”等符号：删去符号，或改写为带数字的定量指标值。",
                    english: "A qualitative target takes no ≥ or ≤: remove the sign, or write a number.")
        case .numberExpected:
            Message(chinese: "在这一格填写阿拉伯数字（如“90.00”）；没有这项数据时留空或写“—”。",
                    english: "Write a number in Arabic digits in this cell (e.g. 90.00); leave it empty or write — if there is none.")
        case .moneyWithUnit:
            Message(chinese: "金额格只填以万元计的数字（表头已写明单位）：删去“万元”；以元填写的请换算为万元。",
                    english: "A money cell holds the number in 万元 alone (the heading names the unit): remove 万元, and convert amounts written in 元.")
        case .rateAsFraction:
            Message(chinese: "把比率写成百分数（“0.8106”改为“81.06%”），或在表格软件中把单元格格式设为百分比。",
                    english: "Write the rate as a percentage (0.8106 → 81.06%), or format the cell as a percentage in WPS/Excel.")
        case .amountDecimals:
            Message(chinese: "若金额应为两位小数，在原表中改正（“132.912”改为“132.91”）；若多出的小数是真实的，无需改动，表格照原样打印。",
                    english: "If the amount should have two decimals, correct it in the original (132.912 → 132.91); if the extra decimals are real, leave it: the form prints it as written.")
        case .totalNotSumOfSources:
            Message(chinese: "核对合计行与各资金来源行，使合计等于各来源之和（改正填错的那一格）。",
                    english: "Check the total row against the source rows and correct the wrong cell, so that the total is their sum.")
        case .executionRateMismatch:
            Message(chinese: "按“全年执行数 ÷ 全年预算数”重新计算执行率并填入，或改正填错的金额。",
                    english: "Compute the rate again as 全年执行数 ÷ 全年预算数 and enter it, or correct the amount that is wrong.")
        case .executedAboveBudget:
            Message(chinese: "核对执行数和预算数；确实超预算执行的，请在实际完成情况或偏差原因中说明。",
                    english: "Check the executed and budgeted amounts; if spending did exceed the budget, explain it in the 实际完成情况 or the deviation column.")
        case .executedWithoutBudget:
            Message(chinese: "填写这笔资金的预算数；确无预算而有支出的，请说明资金来源。",
                    english: "Enter the budget of these funds; if there was spending without a budget, explain where the money came from.")
        case .noTotalRow:
            Message(chinese: "增加“年度资金总额”（或合计）行，填写各来源之和。",
                    english: "Add the 年度资金总额 (total) row with the sum of the sources.")
        case .formulaDisagrees:
            Message(chinese: "按表中所示公式重新计算这一格；或清空这一格，由程序按公式计算填入。",
                    english: "Compute this cell again by the formula shown, or leave it empty and FormPrint fills in the formula's value.")
        case .targetNotMet:
            Message(chinese: "核对实际完成值；确未完成的，在偏差原因分析及改进措施（或实际完成情况）中说明原因和改进措施。",
                    english: "Check the actual value; if the target was indeed missed, explain why and what will change in the deviation column (or 实际完成情况).")
        case .strictTargetMetOnlyByEquality:
            Message(chinese: "指标值为“＞”“＜”时，恰好相等并未达到：核对实际完成值，或把指标值改为“≥”“≤”。",
                    english: "With > or <, equality does not meet the target: check the actual value, or write ≥ or ≤ in the target.")
        case .timeTargetMissed:
            Message(chinese: "核对实际完成时间；确实延期的，说明延期原因。",
                    english: "Check the actual completion time; if the work was late, explain why.")
        case .timeTargetOutsideYear:
            Message(chinese: "把时间指标值改为评价年度内的时间（如“2024年12月底前”）；确在次年完成的，说明原因。",
                    english: "Set the time target within the evaluated year (e.g. 2024年12月底前); if the work was finished the next year, explain why.")
        case .unitsDiffer:
            Message(chinese: "实际完成值与指标值用同一计量单位（都写“次”或都写“场”）。",
                    english: "Write the actual value in the target's unit (both 次, or both 场).")
        case .missingActual:
            Message(chinese: "填写实际完成值。",
                    english: "Enter the actual value.")
        case .missingDeviationReason:
            Message(chinese: "在偏差原因分析及改进措施中写明未完成的原因和改进措施。",
                    english: "Write the reason for the shortfall and the measures taken in 偏差原因分析及改进措施.")
        case .missingTarget:
            Message(chinese: "填写年度指标值。",
                    english: "Enter the annual target.")
        case .farAboveTarget:
            Message(chinese: "核对实际完成值和指标值；指标值定得过低的，在下一年度的目标中调整。",
                    english: "Check the actual value and the target; if the target was set too low, raise it in next year's goals.")
        case .costIndicatorNotMoney:
            Message(chinese: "成本指标宜以金额计（如“≤56万元”）；以人数等计量的，可移到数量指标下。",
                    english: "A cost indicator is best measured in money (e.g. ≤56万元); one counted in people belongs under the quantity indicators.")
        case .actualNotComparable:
            Message(chinese: "把实际完成值写成与指标值可比较的形式（指标值为数字时写数字，为时间时写时间）。",
                    english: "Write the actual value so that it can be compared with the target (a number for a number, a time for a time).")
        case .amountDiffersAcrossDocuments:
            Message(chinese: "两份表中的同一笔金额写成相同的数字（核对后改正其中一份）。",
                    english: "Write the same amount the same way in both documents (check and correct one of them).")
        case .titleYearDiffers:
            Message(chinese: "核对名称中的年份，改为评价年度；确属上一年度的项目，请说明。",
                    english: "Check the year in the name and change it to the evaluated year; if the project is last year's, explain it.")
        case .departmentNameDiffers:
            Message(chinese: "把部门名称改为单位的全称，与单位名称一致。",
                    english: "Write the department's name as the unit's full name.")
        case .implementingUnitDiffers:
            Message(chinese: "实施单位为下属单位时无需修改；否则改为本单位名称。",
                    english: "Nothing to do when the implementing unit is a subordinate unit; otherwise write the unit's own name.")
        case .requiredFieldEmpty:
            Message(chinese: "填写这一项；没有的写“—”或“无”。",
                    english: "Fill in this item; write — or 无 where there is none.")
        case .indicatorWithoutCategory:
            Message(chinese: "为这个指标填写一级指标和二级指标。",
                    english: "Give this indicator its 一级 and 二级 categories.")
        case .weightsNotHundred:
            Message(chinese: "调整各项分值，使执行率和各指标的分值合计为100。",
                    english: "Adjust the 分值 so that the rate's and the indicators' add up to 100.")
        case .weightsPartlyEntered:
            Message(chinese: "为每个指标填写分值（合计100），得分、总分和等级才能计算。",
                    english: "Enter a 分值 for every indicator (adding up to 100) so that 得分, 总分 and 等级 can be computed.")
        case .categoryWithoutDefaultWeight:
            Message(chinese: "把一级指标改为标准名称（产出指标、效益指标、满意度指标、成本指标）。",
                    english: "Write the 一级指标 as one of the standard names (产出指标, 效益指标, 满意度指标, 成本指标).")
        case .reportDateNotation:
            Message(chinese: "成文日期用阿拉伯数字写全年月日，月、日不编虚位（如“2025年3月1日”）。",
                    english: "Write the date in Arabic numerals with the full year and no leading zeros (e.g. 2025年3月1日).")
        case .fieldNotPrinted:
            Message(chinese: "这项内容所选表样不打印：需要打印的，请换用含这一栏的表样；否则可删去。",
                    english: "The chosen layout does not print this value: choose a layout that has it if it must print; otherwise remove it.")
        case .implausibleYear:
            Message(chinese: "核对评价年度和填报日期，改正填错的一个。",
                    english: "Check the evaluated year and the filing date, and correct the wrong one.")
        case .scoreDiffers:
            Message(chinese: "按评分规则重新计算得分，或清空得分由程序计算。",
                    english: "Compute the 得分 again by the scoring rules, or leave it empty and FormPrint computes it.")
        case .scoreOutsideBand:
            Message(chinese: "把得分改在允许的范围内（不超过分值，定性指标在所写等次的区间内）。",
                    english: "Give a 得分 within its range (at most the 分值; for a qualitative indicator, within the band of the grade written).")
        case .totalScoreDiffers:
            Message(chinese: "把总分改为各项得分之和，或清空总分由程序计算。",
                    english: "Make the 总分 the sum of the 得分, or leave it empty and FormPrint computes it.")
        case .gradeDiffers:
            Message(chinese: "按总分改正等级（优≥90，良≥80，中≥60，差<60），或清空由程序填写。",
                    english: "Correct the 等级 for the 总分 (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below), or leave it empty and FormPrint fills it in.")
        case .scoreNeedsEvaluator:
            Message(chinese: "由评价人根据完成情况填写这一项的得分。",
                    english: "The evaluator enters this 得分 from how well the target was met.")
        case .totalNotComputed:
            Message(chinese: "补齐所缺的得分后，总分和等级即可计算。",
                    english: "Once the missing 得分 are entered, 总分 and 等级 are computed.")
        }
    }
}
