import Foundation
import PlanRecord

/// Every computed number of one build of a study, with its pages: what `planbook diff` compares, what
/// `build --compare-to` marks against, and what the scenario matrix reads. A built site carries it as `ledger.json`
/// (listed in the manifest), and so does each scenario's copy, so that a site folder can be compared without
/// building anything.
///
/// The file is JSON with sorted keys and one entry a line, in page order, so the same build gives the same bytes
/// and two builds' files compare line by line.
public struct Ledger: Sendable, Equatable {
    /// The ledger's file name in a built site.
    public static let fileName = "ledger.json"
    /// The file's format; a file of another format is refused with a message naming both.
    public static let format = "planbook-ledger-1"

    /// One page of the build.
    public struct Page: Sendable, Equatable, Codable {
        public var slug: String
        public var title: String
        /// Its file in the site (`large-ep.html`).
        public var file: String

        public init(slug: String, title: String, file: String) {
            self.slug = slug
            self.title = title
            self.file = file
        }
    }

    /// A parameter the whole build was given (`--param`, or a scenario's), as text.
    public struct Parameter: Sendable, Equatable, Codable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The pages, in navigation order.
    public var pages: [Page]
    /// The scenario this build is, nil for the study under its own parameters.
    public var scenario: String?
    /// The parameters given to every report (`--param`, then the scenario's), in the order applied.
    public var parameters: [Parameter]
    /// Every number, page by page, in page order.
    public var entries: [LedgerEntry]

    public init(pages: [Page] = [], scenario: String? = nil, parameters: [Parameter] = [], entries: [LedgerEntry] = [])
    {
        self.pages = pages
        self.scenario = scenario
        self.parameters = parameters
        self.entries = entries
    }

    /// The title of page `slug`, or the slug.
    public func title(of slug: String) -> String { pages.first { $0.slug == slug }?.title ?? slug }

    // MARK: - The file

    /// The ledger as `ledger.json`.
    public var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        func line(_ value: some Encodable) -> String {
            String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
        }
        var text = "{\n\"format\": \(JSONWriter.quoted(Self.format)),\n"
        text += "\"scenario\": \(scenario.map(JSONWriter.quoted) ?? "null"),\n"
        text += "\"parameters\": [" + parameters.map(line).joined(separator: ", ") + "],\n"
        text += "\"pages\": [\n" + pages.map(line).joined(separator: ",\n") + "\n],\n"
        text += "\"entries\": [\n" + entries.map(line).joined(separator: ",\n") + "\n]\n}\n"
        return Data(text.utf8)
    }

    private struct File: Decodable {
        var format: String
        var scenario: String?
        var parameters: [Parameter]?
        var pages: [Page]
        var entries: [LedgerEntry]
    }

    /// Reads a `ledger.json`; `path` names it in errors.
    public init(json data: Data, path: String) throws(BuildFailure) {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let format: String
        do {
            struct Header: Decodable { var format: String }
            format = try decoder.decode(Header.self, from: data).format
        } catch {
            throw BuildFailure([Diagnostic(file: path, "not a Planbook ledger (no `format` in it): \(error)")])
        }
        guard format == Self.format else {
            throw BuildFailure([
                Diagnostic(
                    file: path,
                    "the ledger's format is `\(format)`, and this planbook reads `\(Self.format)`; rebuild that site "
                        + "with this planbook, or compare git revisions instead")
            ])
        }
        do {
            let file = try decoder.decode(File.self, from: data)
            self.init(
                pages: file.pages, scenario: file.scenario, parameters: file.parameters ?? [], entries: file.entries)
        } catch {
            throw BuildFailure([Diagnostic(file: path, "the ledger cannot be read: \(error)")])
        }
    }

    /// The ledger of the built site in `folder` (its `ledger.json`), which the user names `displayPath`.
    public init(site folder: URL, displayPath: String) throws(BuildFailure) {
        let file = folder.appendingPathComponent(Self.fileName)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw BuildFailure([
                Diagnostic(
                    file: displayPath,
                    "this folder holds no \(Self.fileName); build it with `planbook build`, which writes one into "
                        + "every site")
            ])
        }
        try self.init(json: data, path: "\(displayPath)/\(Self.fileName)")
    }
}
