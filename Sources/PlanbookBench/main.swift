import PlanbookCore
import Foundation
let dot = try String(contentsOfFile: "/tmp/big.dot", encoding: .utf8)
let small = "digraph G { subgraph cluster_a { label=\"A\"; a1 -> a2; } subgraph cluster_b { label=\"B\"; b1 -> b2; } subgraph cluster_c { c1; } a1 -> b1; b2 -> c1; }"
let mode = CommandLine.arguments.dropFirst().first ?? "a"
func r(_ s: String) throws -> String { ClusterOrder.canonical(try Graphviz.svg(fromDOT: s)) }
let one = try r(dot)
var outs = [one]
for _ in 0..<4 { if mode == "b" { _ = try r(small) }; outs.append(try r(dot)) }
try outs[1].write(toFile: "/tmp/second.svg", atomically: true, encoding: .utf8); print(outs[1] == outs[2], outs[2] == outs[3]); print(mode, outs.map { $0 == one ? "same" : "diff" }, one.count, one.hashValue == 0)
try one.write(toFile: "/tmp/first-\(mode).svg", atomically: true, encoding: .utf8)
