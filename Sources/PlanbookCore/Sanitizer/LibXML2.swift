@preconcurrency import CLibXML2

/// HTML and XML parsing by libxml2, turned into `MarkupNode` values at once.
///
/// This is the only file that touches libxml2. Each function makes its own parser context, builds the tree, copies
/// it into Swift values (`parseXMLShape` only reads what it needs of it) and frees everything before returning, so
/// parses may run on several threads at once. No
/// network access, no external DTD, no entity expansion; whitespace is kept exactly (libxml2 would otherwise drop
/// some of it as "ignorable"), so a document that needs no change serializes back to the same bytes.
public enum LibXML2 {
    /// Why an XML document could not be read.
    public struct XMLError: Error, Sendable, Equatable {
        public var message: String
        public var line: Int
    }

    /// A well-formed XML document: what comes before its root element (doctype, comments, processing instructions)
    /// and the root element.
    public struct XMLDocument: Sendable, Equatable {
        public var prolog: [MarkupNode]
        public var root: MarkupElement
        /// Whether the doctype declares anything of its own (entities, say) — an internal subset.
        public var hasInternalSubset: Bool
    }

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// What libxml2's HTML parser dropped while repairing markup: a misplaced `<html>`, `<head>` or `<body>` tag,
    /// or a character reference to a control character.
    public struct Repair: Sendable, Equatable {
        public var message: String
        public var line: Int
    }

    /// Parses `html` as the content of an HTML `<body>`, the way libxml2's HTML parser repairs it, and returns the
    /// nodes it became, in order (anything the markup pushed out of the body follows the body's own children).
    /// Line 1 is the first line of `html`.
    public static func parseHTMLBody(_ html: String) -> [MarkupNode] { parseHTML(html).nodes }

    /// `parseHTMLBody`, with what the parser dropped on the way.
    public static func parseHTML(_ html: String) -> (nodes: [MarkupNode], repairs: [Repair]) {
        _ = initialized
        final class Repairs { var list: [Repair] = [] }
        let repairs = Repairs()
        // libxml2 keeps its error handler per thread: this parse's repairs reach only this call.
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(repairs).toOpaque()) { context, error in
            guard let context, let error else { return }
            // 800: a misplaced <html>, <head> or <body> tag, dropped; 9: a reference to an invalid character, dropped.
            guard error.pointee.code == 800 || error.pointee.code == 9 else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "markup dropped by the parser"
            let text = message.split(separator: ":").last.map { $0.trimmingCharacters(in: " \n") } ?? message
            Unmanaged<Repairs>.fromOpaque(context).takeUnretainedValue().list.append(
                Repair(message: text, line: Int(error.pointee.line)))
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return (parseHTMLNodes(html), repairs.list)
    }

    private static func parseHTMLNodes(_ html: String) -> [MarkupNode] {
        guard let context = htmlNewParserCtxt() else { return [] }
        defer { htmlFreeParserCtxt(context) }
        // Keep whitespace that libxml2 judges ignorable: hand it to the same callback as other text.
        context.pointee.sax.pointee.ignorableWhitespace = context.pointee.sax.pointee.characters
        var text = "<html><body>" + html + "</body></html>"
        let options = Int32(
            HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NOIMPLIED.rawValue)
        let document = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                htmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }
        var nodes: [MarkupNode] = []
        for node in siblings(xmlDocGetRootElement(document)?.pointee.children) {
            if node.pointee.type == XML_ELEMENT_NODE, name(of: node) == "body" {
                nodes += children(of: node, html: true)
            } else {
                nodes += convert(node, html: true).map { [$0] } ?? []
            }
        }
        return nodes
    }

    /// Parses `xml` as a whole XML document (an SVG file), strictly: any well-formedness error is an error.
    public static func parseXML(_ xml: String) -> Result<XMLDocument, XMLError> {
        withXML(xml) { document, root in
            let prolog = siblings(document.pointee.children).prefix { $0 != root }.compactMap { convert($0, html: false) }
            guard case .element(let element)? = convert(root, html: false) else {
                return .failure(XMLError(message: "no root element", line: 1))
            }
            let hasInternalSubset = document.pointee.intSubset?.pointee.children != nil
            return .success(XMLDocument(prolog: prolog, root: element, hasInternalSubset: hasInternalSubset))
        }
    }

    /// `body` given libxml2's tree of `xml` parsed strictly (any well-formedness error is the result) and its root
    /// element; the tree is freed when it returns.
    private static func withXML<T>(
        _ xml: String, _ body: (xmlDocPtr, xmlNodePtr) -> Result<T, XMLError>
    ) -> Result<T, XMLError> {
        _ = initialized
        guard let context = xmlNewParserCtxt() else { return .failure(XMLError(message: "out of memory", line: 1)) }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue)
        var xml = xml
        let document = xml.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), nil, "UTF-8", options)
            }
        }
        defer { if let document { xmlFreeDoc(document) } }
        guard let document, context.pointee.wellFormed != 0, let root = xmlDocGetRootElement(document) else {
            let error = context.pointee.lastError
            let message = error.message.map { String(cString: $0) }?.trimmingTrailingNewlines ?? "not well-formed XML"
            return .failure(XMLError(message: message, line: Int(error.line)))
        }
        return body(document, root)
    }

    /// What a document is made of, without copying it: what comes before its root element, the root's name, whether
    /// the doctype declares anything of its own, and the first node under the root that is neither an element nor
    /// text (its kind as `MarkupNode.other` names it, or "a comment"), with its line.
    public struct XMLShape: Sendable, Equatable {
        public var prolog: [MarkupNode]
        public var rootName: String
        public var hasInternalSubset: Bool
        public var firstNonElement: (kind: String, line: Int)?

        public static func == (a: Self, b: Self) -> Bool {
            a.prolog == b.prolog && a.rootName == b.rootName && a.hasInternalSubset == b.hasInternalSubset
                && a.firstNonElement?.kind == b.firstNonElement?.kind && a.firstNonElement?.line == b.firstNonElement?.line
        }
    }

    /// Parses `xml` as `parseXML` does, and reads its shape from libxml2's own tree (a large drawing's tree copied
    /// into Swift values costs three times the parse).
    public static func parseXMLShape(_ xml: String) -> Result<XMLShape, XMLError> {
        withXML(xml) { document, root in
            let prolog = siblings(document.pointee.children).prefix { $0 != root }.compactMap { convert($0, html: false) }
            return .success(XMLShape(
                prolog: prolog, rootName: name(of: root),
                hasInternalSubset: document.pointee.intSubset?.pointee.children != nil,
                firstNonElement: firstNonElement(under: root)))
        }
    }

    /// The first node under `node`, in document order, that is neither an element nor text.
    private static func firstNonElement(under node: xmlNodePtr) -> (kind: String, line: Int)? {
        for child in siblings(node.pointee.children) {
            switch child.pointee.type {
            case XML_ELEMENT_NODE: if let found = firstNonElement(under: child) { return found }
            case XML_TEXT_NODE: continue
            case XML_COMMENT_NODE: return ("a comment", Int(xmlGetLineNo(child)))
            default:
                if case .other(let kind, let line)? = convert(child, html: false) { return (kind, line) }
            }
        }
        return nil
    }

    // MARK: - Copying the tree

    private static func siblings(_ first: xmlNodePtr?) -> UnfoldSequence<xmlNodePtr, xmlNodePtr?> {
        sequence(state: first) { current in
            defer { current = current?.pointee.next }
            return current
        }
    }

    private static func children(of node: xmlNodePtr, html: Bool) -> [MarkupNode] {
        siblings(node.pointee.children).compactMap { convert($0, html: html) }
    }

    private static func convert(_ node: xmlNodePtr, html: Bool) -> MarkupNode? {
        let line = Int(xmlGetLineNo(node))
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            var attributes: [MarkupAttribute] = []
            var attribute = node.pointee.properties
            while let current = attribute {
                let name = current.pointee.name.map { String(cString: $0) } ?? ""
                let prefix = current.pointee.ns?.pointee.prefix.map { String(cString: $0) }
                let namespace = current.pointee.ns?.pointee.href.map { String(cString: $0) }
                let value: String? =
                    current.pointee.children == nil
                    ? nil
                    : siblings(
                        UnsafeMutableRawPointer(current.pointee.children).assumingMemoryBound(to: xmlNode.self)
                    ).map { $0.pointee.content.map { String(cString: $0) } ?? "" }.joined()
                attributes.append(
                    MarkupAttribute(
                        name: prefix.map { "\($0):\(name)" } ?? name, namespace: namespace,
                        value: html ? (value ?? nil) : (value ?? "")))
                attribute = current.pointee.next
            }
            return .element(
                MarkupElement(
                    name: name(of: node),
                    namespace: html ? nil : node.pointee.ns?.pointee.href.map { String(cString: $0) },
                    attributes: attributes, children: children(of: node, html: html), line: line))
        case XML_TEXT_NODE:
            return .text(node.pointee.content.map { String(cString: $0) } ?? "")
        case XML_COMMENT_NODE:
            return .comment(node.pointee.content.map { String(cString: $0) } ?? "", line: line)
        case XML_CDATA_SECTION_NODE: return .other(kind: "a CDATA section", line: line)
        case XML_PI_NODE: return .other(kind: "a processing instruction", line: line)
        case XML_ENTITY_REF_NODE: return .other(kind: "an entity reference", line: line)
        case XML_DTD_NODE: return .other(kind: "a doctype", line: line)
        default: return .other(kind: "markup of type \(node.pointee.type.rawValue)", line: line)
        }
    }

    private static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
