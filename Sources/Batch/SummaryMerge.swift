import Evaluation
import FormPrint
import Foundation

extension BatchSummary {
    /// The summaries of the shards of one batch (or of several batches) as
    /// one: units in the batch's sorted order, the longest run's time, and
    /// the problems a merge can see — a shard of K/N missing, two units
    /// writing the same file.
    package static func merged(_ summaries: [BatchSummary]) -> (summary: BatchSummary, problems: [String]) {
        var problems: [String] = []
        var byInput: [String: UnitSummary] = [:]
        for summary in summaries {
            for unit in summary.units {
                // A shard that was run again replaces its earlier result.
                byInput[unit.input] = unit
            }
        }
        let units = byInput.values.sorted { ($0.position, $0.input) < ($1.position, $1.input) }

        let shards = summaries.compactMap { $0.shard.flatMap { try? Shard(parsing: $0) } }
        var missingShards: [String] = []
        for count in Set(shards.map(\.count)).sorted() {
            let present = Set(shards.filter { $0.count == count }.map(\.index))
            let missing = (1...count).filter { !present.contains($0) }
            missingShards += missing.map { "\($0)/\(count)" }
            if !missing.isEmpty {
                let list = missing.map { "\($0)/\(count)" }
                problems.append(Message.error(at: nil, chinese: "缺少分片\(list.joined(separator: "、"))的汇总：这些单位未生成（或尚未生成）",
                                              english: "no summary of shard \(list.joined(separator: ", ")): those units were not rendered (or not yet)").text)
            }
        }
        var writers: [String: String] = [:]
        for unit in units {
            for file in unit.documents.flatMap(\.files) + (unit.combined.map { [$0] } ?? []) {
                let key = FileNaming.collisionKey(file)
                if let other = writers[key], other != unit.input {
                    problems.append(Message.error(at: nil, chinese: "\(file)同时由\(other)和\(unit.input)写出；请用相同的输入运行各分片",
                                                  english: "\(file) is written by both \(other) and \(unit.input); run the shards with the same inputs").text)
                }
                writers[key] = unit.input
            }
        }
        var merged = BatchSummary(formprint: summaries.first?.formprint ?? UnitRenderer.version, shard: nil,
                                  interrupted: summaries.contains { $0.interrupted },
                                  seconds: summaries.map(\.seconds).max() ?? 0, units: units)
        merged.missingShards = missingShards
        return (merged, problems)
    }
}
