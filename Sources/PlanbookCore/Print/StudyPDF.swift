import Crypto
import Foundation

/// `planbook pdf`: the whole study as one PDF — the one-file bundle (every page, drawings and downloads embedded)
/// printed by headless Chromium under the print stylesheet, with page numbers and the study's title in the header.
///
/// The PDF is written atomically; an existing file at the path is replaced only when Planbook wrote it (its hash is
/// recorded in the cache) or with `force`.
public enum StudyPDF {
    /// Builds the study with `options` and prints it to `output` (a path as the user gave it); returns the build's
    /// summary.
    public static func write(options: BuildOptions, to output: String, force: Bool) throws(BuildFailure)
        -> SiteBuild.Summary
    {
        guard let browser = PDFPrinter.chromium() else {
            throw BuildFailure([Diagnostic(file: output, PDFPrinter.missing)])
        }
        let target = options.url(output)
        let record = options.url(options.cache).appendingPathComponent("print")
            .appendingPathComponent(Self.hash(Data(target.standardizedFileURL.path.utf8)) + ".sha256")
        if let existing = FileManager.default.contents(atPath: target.path), !force,
            (try? String(contentsOf: record, encoding: .utf8)) != Self.hash(existing)
        {
            throw BuildFailure([
                Diagnostic(
                    file: output, "this file exists and Planbook did not write it; choose another name or pass --force")
            ])
        }
        let scratch = options.url(options.cache).appendingPathComponent("print")
        var bundled = options
        bundled.bundle = scratch.appendingPathComponent("study.html").path
        bundled.force = true
        let summary = try SiteBuild(options: bundled).run()
        do {
            let pdf = try PDFPrinter.pdf(
                of: scratch.appendingPathComponent("study.html"), browser: browser, scratch: scratch)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try pdf.write(to: target, options: .atomic)
            try Data(Self.hash(pdf).utf8).write(to: record, options: .atomic)
        } catch {
            throw BuildFailure([Diagnostic(file: output, "could not print the study: \(error)")])
        }
        return summary
    }

    private static func hash(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
