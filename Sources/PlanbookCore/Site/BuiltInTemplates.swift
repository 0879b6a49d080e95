import Foundation

/// Planbook's own look, compiled into it: the page, bundle and figure-page templates, their partials and the stylesheet, from
/// `Sources/PlanbookCore/Templates/`. SwiftPM embeds each file's bytes in the code, so `planbook` builds a study that
/// has no `Templates/` folder wherever it is installed, with no file to find beside it.
///
/// A study's templates folder overrides these file by file (see `TemplateFiles`); `planbook new` and
/// `planbook templates --eject` write them out for editing.
public enum BuiltInTemplates {
    /// Every file by its path inside a templates folder, sorted by path. SwiftPM names an embedded file by its base
    /// name alone, so the folders are written here; a test checks this list against the folder, file by file.
    public static let files: [(path: String, contents: Data)] = [
        ("bundle.mustache", Data(PackageResources.bundle_mustache)),
        ("figure.mustache", Data(PackageResources.figure_mustache)),
        ("page.mustache", Data(PackageResources.page_mustache)),
        ("partials/footer.mustache", Data(PackageResources.footer_mustache)),
        ("partials/head.mustache", Data(PackageResources.head_mustache)),
        ("partials/nav.mustache", Data(PackageResources.nav_mustache)),
        ("partials/toc.mustache", Data(PackageResources.toc_mustache)),
        ("style.css", Data(PackageResources.style_css)),
    ]

    /// The built-in file at `path`, if there is one.
    public static func contents(of path: String) -> Data? {
        files.first { $0.path == path }?.contents
    }
}
