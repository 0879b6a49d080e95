import Foundation

/// Reads the study: the templates, every `*.md` report of the reports folder (its front matter, and its Markdown
/// parsed once), in navigation order, and every shared `*.swift` file.
struct LoadStep: BuildStep {
    func run(_ study: inout Study) {
        let options = study.options
        do {
            study.template = try PageTemplate(
                directory: options.url(options.templates), displayPath: options.templates,
                required: options.templatesRequired)
        } catch {
            study.problems += error.diagnostics
        }
        study.pages = reports(&study).map { StudyPage(outline: PageOutline($0, allowScripts: options.allowScripts)) }
            .sorted { Self.navigationOrder($0.report, $1.report) }
        study.shared = sharedCode(&study)
    }

    var stopsOnError: Bool { false }

    /// Every `*.md` file of the reports folder, sorted by name.
    private func reports(_ study: inout Study) -> [Report] {
        let options = study.options
        let folder = options.url(options.reports)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            study.problems.append(Diagnostic(file: options.reports, "no reports folder here; create it or pass --reports DIR"))
            return []
        }
        let markdown = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
        if markdown.isEmpty {
            study.problems.append(Diagnostic(file: options.reports, "no .md reports in this folder; add one, e.g. index.md"))
        }
        return markdown.compactMap { name -> Report? in
            let path = "\(options.reports)/\(name)"
            if let refusal = Self.outsideRefusal(folder.appendingPathComponent(name), path: path, options: options) {
                study.problems.append(refusal)
                return nil
            }
            if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                study.problems.append(Diagnostic(
                    file: path, "the file name holds a control character (a line break, say); rename it"))
                return nil
            }
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                study.problems.append(Diagnostic(file: path, "could not read the file"))
                return nil
            }
            do {
                let report = try Report.parse(bytes: [UInt8](data), path: path, slug: String(name.dropLast(3)))
                study.problems += report.problems
                return report
            } catch let failure as BuildFailure {
                study.problems += failure.diagnostics
                return nil
            } catch {
                return nil
            }
        }
    }

    /// Every `*.swift` file of the reports folder, sorted by name: code shared by all plan programs.
    private func sharedCode(_ study: inout Study) -> [SharedPlanCode] {
        let options = study.options
        let folder = options.url(options.reports)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in
            let path = "\(options.reports)/\(name)"
            if let refusal = Self.outsideRefusal(folder.appendingPathComponent(name), path: path, options: options) {
                study.problems.append(refusal)
                return nil
            }
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                let text = String(data: data, encoding: .utf8)
            else {
                study.problems.append(Diagnostic(file: path, "could not read the file as UTF-8 text"))
                return nil
            }
            return SharedPlanCode(path: path, source: text)
        }
    }

    /// An error when `file` is a symbolic link to a file outside the study (its folder, or the reports folder):
    /// `Reports/notes.md → /etc/passwd` would publish that file. `--allow-outside-links` allows it.
    static func outsideRefusal(_ file: URL, path: String, options: BuildOptions) -> Diagnostic? {
        guard !options.allowOutsideLinks,
            (try? FileManager.default.destinationOfSymbolicLink(atPath: file.path)) != nil
        else { return nil }
        let real = file.resolvingSymlinksInPath().path
        let study = [options.workingDirectory, options.url(options.reports)]
            .map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        guard !study.contains(where: { real.hasPrefix($0 + "/") }) else { return nil }
        return Diagnostic(
            file: path, "this is a link to \(real), outside the study, so Planbook does not publish it; copy the file "
                + "into the study, or pass --allow-outside-links")
    }

    /// `index` first, then by front-matter `order` (pages without one last), then by file name.
    static func navigationOrder(_ a: Report, _ b: Report) -> Bool {
        func key(_ report: Report) -> (Int, Int, String) {
            (report.slug == "index" ? 0 : 1, report.frontMatter.order ?? Int.max, report.slug)
        }
        return key(a) < key(b)
    }
}
