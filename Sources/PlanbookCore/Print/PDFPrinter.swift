import Foundation

/// Prints an HTML file to PDF through headless Chromium (`planbook pdf`): scripts off, the page's print stylesheet
/// (every fold open, nothing clipped), A4 with the page's margins, the document's title in the header and
/// "page / pages" in the footer.
///
/// Chromium is `$PLANBOOK_CHROMIUM`, or `chromium`, `chromium-browser` or `google-chrome` on PATH.
public enum PDFPrinter {
    /// What to install when no Chromium is found.
    public static let missing =
        "planbook pdf prints through headless Chromium, which is not installed: install "
        + "Debian's `chromium` (sudo apt-get install chromium, or make pdf, which installs it), or set "
        + "PLANBOOK_CHROMIUM to a Chromium"

    /// The Chromium on this machine, if any.
    public static func chromium(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let named = environment["PLANBOOK_CHROMIUM"] {
            return FileManager.default.isExecutableFile(atPath: named) ? named : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// The PDF of the HTML file `page`, printed by `browser`, with scratch files in `scratch`.
    public static func pdf(of page: URL, browser: String, scratch: URL) throws -> Data {
        let pipe = try DevToolsPipe(browser: browser, scratch: scratch)
        let target = try pipe.call("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else {
            throw DevToolsPipe.Failure(message: "no page to print in")
        }
        let attached = try pipe.call("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else {
            throw DevToolsPipe.Failure(message: "no page session")
        }
        try pipe.call("Page.enable", session: session)
        try pipe.call("Emulation.setScriptExecutionDisabled", ["value": true], session: session)
        try pipe.call("Page.navigate", ["url": page.absoluteString], session: session)
        try pipe.wait(for: "Page.loadEventFired", session: session)
        let label =
            "font-family: 'DejaVu Sans', sans-serif; font-size: 8pt; color: #555; width: 100%; "
            + "margin: 0 16mm;"
        let printed = try pipe.call(
            "Page.printToPDF",
            [
                "displayHeaderFooter": true, "printBackground": true, "preferCSSPageSize": true,
                "headerTemplate": "<div style=\"\(label) text-align: left;\"><span class=\"title\"></span></div>",
                "footerTemplate": "<div style=\"\(label) text-align: right;\"><span class=\"pageNumber\"></span> / "
                    + "<span class=\"totalPages\"></span></div>",
            ], session: session, timeout: .seconds(600))
        guard let base64 = printed["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw DevToolsPipe.Failure(message: "Chromium returned no PDF")
        }
        _ = try? pipe.call("Browser.close")
        return data
    }
}
