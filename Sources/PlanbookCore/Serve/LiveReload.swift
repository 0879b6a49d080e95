import Foundation

/// What `planbook serve` adds to the pages it serves — never to `site/`: a small script that reloads the page when a
/// rebuild finishes, and, while the last rebuild failed, a banner with its problems over the last good page.
public enum LiveReload {
    /// The path the script polls for the current build number.
    public static let versionPath = "/__planbook/version"

    /// `html` with the reload script (watching for a build number other than `version`) and, when `problems` is not
    /// empty, the error banner, inserted before `</body>`.
    public static func inject(into html: String, version: Int, problems: [Diagnostic]) -> String {
        var insert = ""
        if !problems.isEmpty {
            insert += "<div id=\"planbook-errors\" role=\"alert\" style=\"position:fixed;left:0;right:0;top:0;z-index:9999;"
                + "max-height:50vh;overflow:auto;margin:0;padding:1rem 1.25rem;background:#fff5f5;color:#82071e;"
                + "border-bottom:3px solid #cf222e;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap\">"
                + "<strong>The last rebuild failed; this is the last good page.</strong>\n"
                + problems.map { HTML.escape($0.description) }.joined(separator: "\n") + "</div>\n"
        }
        insert += """
            <script>
            (function () {
              var built = \(version);
              function poll() {
                fetch("\(versionPath)", { cache: "no-store" })
                  .then(function (r) { return r.text(); })
                  .then(function (v) { if (parseInt(v, 10) !== built) { location.reload(); } else { setTimeout(poll, 500); } })
                  .catch(function () { setTimeout(poll, 2000); });
              }
              setTimeout(poll, 500);
            })();
            </script>

            """
        guard let range = html.range(of: "</body>", options: .backwards) else { return html + insert }
        return html.replacingCharacters(in: range, with: insert + "</body>")
    }
}
