import SwiftLexicalLookup
import SwiftParser
import SwiftSyntax

/// A plan cell's code read by SwiftParser: where each top-level statement starts (where the program marks it), the
/// names it declares at top level (the program's globals), and the names it uses that no local declaration binds.
///
/// A use inside the body of a top-level function, type or computed variable is *deferred*: it happens when that
/// declaration is used, not where it stands. Every other use happens at its top-level statement.
public struct CellSyntax: Sendable {
    /// Where a top-level statement starts in the cell (1-based), and whether it is the first thing on its line.
    struct Statement: Sendable, Equatable {
        var line: Int
        var column: Int
        var startsLine: Bool
    }

    /// A use of a name, at a line and column of the cell, in top-level statement `statement`.
    struct Use: Sendable, Equatable {
        var name: String
        var statement: Int
        var line: Int
        var column: Int
    }

    /// A name declared at top level.
    struct Declaration: Sendable {
        var name: String
        /// A stored variable (initialized when its statement runs), as opposed to a function, type or computed
        /// variable (usable anywhere once what its body reads is initialized).
        var isStored: Bool
        var statement: Int
        var line: Int
        var column: Int
        /// The names its body reads (for functions, types and computed variables).
        var deferredUses: [Use]
    }

    var statements: [Statement] = []
    var declarations: [Declaration] = []
    /// Uses that happen at their statement.
    var uses: [Use] = []

    init(code: String) {
        let file = Parser.parse(source: code)
        let converter = SourceLocationConverter(fileName: "cell", tree: file)
        for (index, item) in file.statements.enumerated() {
            let start = converter.location(for: item.positionAfterSkippingLeadingTrivia)
            let startsLine = Self.previousLine(of: item, converter) < start.line
            statements.append(Statement(line: start.line, column: start.column, startsLine: startsLine))
            let finder = UseFinder(statement: index, converter: converter)
            finder.walk(item)
            var declared = Self.declarations(of: item.item, statement: index, converter: converter)
            if Self.defersUses(item.item) {
                for index in declared.indices { declared[index].deferredUses = finder.uses }
            } else {
                uses += finder.uses
            }
            declarations += declared
        }
    }

    /// Whether the uses inside `item` wait until it is used: a function, a type, or a computed variable.
    private static func defersUses(_ item: CodeBlockItemSyntax.Item) -> Bool {
        guard let decl = item.as(DeclSyntax.self) else { return false }
        if decl.is(FunctionDeclSyntax.self) || decl.is(StructDeclSyntax.self) || decl.is(ClassDeclSyntax.self)
            || decl.is(EnumDeclSyntax.self) || decl.is(ActorDeclSyntax.self) || decl.is(ProtocolDeclSyntax.self)
            || decl.is(TypeAliasDeclSyntax.self) {
            return true
        }
        guard let variable = decl.as(VariableDeclSyntax.self) else { return false }
        return variable.bindings.allSatisfy { $0.accessorBlock != nil && $0.initializer == nil }
    }

    /// The line where the token before `item` ends (0 when `item` comes first).
    private static func previousLine(of item: CodeBlockItemSyntax, _ converter: SourceLocationConverter) -> Int {
        guard let previous = item.previousToken(viewMode: .sourceAccurate) else { return 0 }
        return converter.location(for: previous.endPositionBeforeTrailingTrivia).line
    }

    /// The names `item` declares at top level.
    private static func declarations(
        of item: CodeBlockItemSyntax.Item, statement: Int, converter: SourceLocationConverter
    ) -> [Declaration] {
        func declaration(_ token: TokenSyntax, stored: Bool) -> Declaration {
            let place = converter.location(for: token.positionAfterSkippingLeadingTrivia)
            return Declaration(name: token.text, isStored: stored, statement: statement, line: place.line,
                               column: place.column, deferredUses: [])
        }
        if let variable = item.as(VariableDeclSyntax.self) {
            let computed = variable.bindings.allSatisfy { $0.accessorBlock != nil && $0.initializer == nil }
            return variable.bindings.flatMap { names(in: $0.pattern) }.map { declaration($0, stored: !computed) }
        }
        if let guardStatement = item.as(GuardStmtSyntax.self) {
            return guardStatement.conditions.compactMap { $0.condition.as(OptionalBindingConditionSyntax.self) }
                .flatMap { names(in: $0.pattern) }.map { declaration($0, stored: true) }
        }
        guard let decl = item.as(DeclSyntax.self), let name = Self.name(of: decl) else { return [] }
        return [declaration(name, stored: false)]
    }

    /// The name a function, type or type alias declaration declares.
    static func name(of decl: DeclSyntax) -> TokenSyntax? {
        if let function = decl.as(FunctionDeclSyntax.self) { return function.name }
        if let type = decl.as(StructDeclSyntax.self) { return type.name }
        if let type = decl.as(ClassDeclSyntax.self) { return type.name }
        if let type = decl.as(EnumDeclSyntax.self) { return type.name }
        if let type = decl.as(ActorDeclSyntax.self) { return type.name }
        if let type = decl.as(ProtocolDeclSyntax.self) { return type.name }
        return decl.as(TypeAliasDeclSyntax.self)?.name
    }

    /// The identifiers a pattern binds (`let (a, b) = …` binds both).
    private static func names(in pattern: PatternSyntax) -> [TokenSyntax] {
        if let identifier = pattern.as(IdentifierPatternSyntax.self) { return [identifier.identifier] }
        if let tuple = pattern.as(TuplePatternSyntax.self) { return tuple.elements.flatMap { names(in: $0.pattern) } }
        if let binding = pattern.as(ValueBindingPatternSyntax.self) { return names(in: binding.pattern) }
        return []
    }
}

/// Finds the names a top-level statement uses that no declaration inside the cell's scopes binds (SwiftLexicalLookup
/// answers for every scope but the file's, whose globals the caller knows).
private final class UseFinder: SyntaxVisitor {
    let statement: Int
    let converter: SourceLocationConverter
    var uses: [CellSyntax.Use] = []

    init(statement: Int, converter: SourceLocationConverter) {
        self.statement = statement
        self.converter = converter
        super.init(viewMode: .sourceAccurate)
    }

    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        // `a.name`, `.case` and `\.key` name members, not variables.
        if let member = node.parent?.as(MemberAccessExprSyntax.self), member.declName.id == node.id { return .visitChildren }
        if node.parent?.is(KeyPathPropertyComponentSyntax.self) == true { return .visitChildren }
        record(node.baseName, at: node)
        return .visitChildren
    }

    override func visit(_ node: IdentifierTypeSyntax) -> SyntaxVisitorContinueKind {
        record(node.name, at: node)
        return .visitChildren
    }

    /// Whether the type `scope` declares a member called `name`.
    private static func declaresMember(_ name: String, _ scope: Syntax) -> Bool {
        guard let group = scope.asProtocol(DeclGroupSyntax.self) else { return true }
        return group.memberBlock.members.contains { member in
            let decl = member.decl
            if let variable = decl.as(VariableDeclSyntax.self) {
                return variable.bindings.contains { $0.pattern.as(IdentifierPatternSyntax.self)?.identifier.text == name }
            }
            if let cases = decl.as(EnumCaseDeclSyntax.self) { return cases.elements.contains { $0.name.text == name } }
            return CellSyntax.name(of: decl)?.text == name
        }
    }

    private func record(_ token: TokenSyntax, at node: some SyntaxProtocol) {
        guard case .identifier = token.tokenKind, let identifier = Identifier(token) else { return }
        let results = node.lookup(identifier)
        if results.contains(where: { $0.names.contains { $0.identifier == identifier } }) { return }
        // Inside a type, a name may be one of its members; inside an extension, its members are unknown here.
        for result in results {
            guard case .lookForMembers(let scope) = result else { continue }
            if scope.is(ExtensionDeclSyntax.self) || Self.declaresMember(identifier.name, scope) { return }
        }
        let place = converter.location(for: token.positionAfterSkippingLeadingTrivia)
        uses.append(CellSyntax.Use(name: token.text, statement: statement, line: place.line, column: place.column))
    }
}
