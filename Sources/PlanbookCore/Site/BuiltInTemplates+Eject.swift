import Foundation

extension BuiltInTemplates {
    /// What ejecting did with one file.
    public enum EjectOutcome: String, Sendable, Equatable {
        /// The built-in file was written.
        case written
        /// The study's file already equals the built-in one.
        case unchanged
        /// The study has its own version, left as it is (pass `force` to replace it; a symbolic link is never
        /// replaced).
        case kept
    }

    /// Writes the built-in files `paths` (every file when empty) into `folder`, creating it and `partials/` as
    /// needed, for editing. A file the study already has is kept unless `force`; a symbolic link is never written
    /// through. Unknown paths are an error that lists the built-in ones.
    public static func eject(
        into folder: URL, displayPath: String, paths: [String] = [], force: Bool = false
    ) throws(BuildFailure) -> [(path: String, outcome: EjectOutcome)] {
        let unknown = paths.filter { contents(of: $0) == nil }
        if !unknown.isEmpty {
            throw BuildFailure(
                unknown.map { path in
                    Diagnostic(
                        file: path,
                        "not a built-in template; the built-in ones are "
                            + files.map { "`\($0.path)`" }.joined(separator: ", "))
                })
        }
        let chosen = paths.isEmpty ? files : files.filter { paths.contains($0.path) }
        var outcomes: [(String, EjectOutcome)] = []
        let manager = FileManager.default
        for file in chosen {
            let url = folder.appendingPathComponent(file.path)
            let attributes = try? manager.attributesOfItem(atPath: url.path)
            let type = attributes?[.type] as? FileAttributeType
            if let type {
                if manager.contents(atPath: url.path) == file.contents, type == .typeRegular {
                    outcomes.append((file.path, .unchanged))
                    continue
                }
                if !force || type != .typeRegular {
                    outcomes.append((file.path, .kept))
                    continue
                }
            }
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url, options: type == nil ? .withoutOverwriting : .atomic)
            } catch {
                throw BuildFailure([
                    Diagnostic(
                        file: "\(displayPath)/\(file.path)",
                        "could not write the template: \(error.localizedDescription)")
                ])
            }
            outcomes.append((file.path, .written))
        }
        return outcomes
    }
}
