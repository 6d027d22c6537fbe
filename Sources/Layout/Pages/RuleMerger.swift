/// Joins a grid's rules into the fewest strokes: cells share their edges,
/// and drawn cell by cell a row boundary is a dozen short segments, some
/// twice over (a doubled hairline prints darker). Collinear segments of
/// the same width that touch or overlap become one.
enum RuleMerger {
    static func merged(_ segments: [LineSegment]) -> [LineSegment] {
        struct Key: Hashable { var horizontal: Bool; var position: Int; var width: Int }
        var runs: [Key: [(Double, Double)]] = [:]
        var order: [Key] = []
        var others: [LineSegment] = []
        for segment in segments {
            let horizontal = abs(segment.from.y.points - segment.to.y.points) < 1e-6
            let vertical = abs(segment.from.x.points - segment.to.x.points) < 1e-6
            guard horizontal || vertical else { others.append(segment); continue }
            // Positions to a thousandth of a point: the same boundary reached
            // by adding row heights in two orders differs in the last bits.
            let position = horizontal ? segment.from.y.points : segment.from.x.points
            let key = Key(horizontal: horizontal, position: Int((position * 1000).rounded()), width: Int((segment.width.points * 1000).rounded()))
            let (a, b) = horizontal ? (segment.from.x.points, segment.to.x.points) : (segment.from.y.points, segment.to.y.points)
            if runs[key] == nil { order.append(key) }
            runs[key, default: []].append((min(a, b), max(a, b)))
        }
        var result: [LineSegment] = []
        for key in order {
            let position = Double(key.position) / 1000, width = Length(points: Double(key.width) / 1000)
            var current: (Double, Double)?
            func emit(_ run: (Double, Double)) {
                result.append(key.horizontal
                    ? LineSegment(from: Point(x: .pt(run.0), y: .pt(position)), to: Point(x: .pt(run.1), y: .pt(position)), width: width)
                    : LineSegment(from: Point(x: .pt(position), y: .pt(run.0)), to: Point(x: .pt(position), y: .pt(run.1)), width: width))
            }
            for interval in runs[key]!.sorted(by: { $0.0 < $1.0 }) {
                if let open = current, interval.0 <= open.1 + 0.001 {
                    current = (open.0, max(open.1, interval.1))
                } else {
                    if let open = current { emit(open) }
                    current = interval
                }
            }
            if let open = current { emit(open) }
        }
        return result + others
    }
}
