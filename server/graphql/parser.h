// SPDX-License-Identifier: MIT
#pragma once

#include "ast.h"
#include "error.h"
#include "lexer.h"

#include <memory>
#include <optional>

namespace Subscriptor::GraphQL {

/// Bounds on what the parser accepts from the network. Going past one is a syntax error with a
/// clear message, never a crash or an unbounded allocation.
struct ParserLimits
{
    static constexpr qsizetype DefaultMaxDocumentBytes = 512 * 1024;
    static constexpr int DefaultMaxTokens = 50'000;
    static constexpr int DefaultMaxDepth = 64;
    static constexpr int DefaultMaxAliases = 1'000;

    qsizetype maxDocumentBytes = DefaultMaxDocumentBytes;
    int maxTokens = DefaultMaxTokens;
    int maxDepth = DefaultMaxDepth; ///< nesting of selection sets, list and object values, list types
    int maxAliases = DefaultMaxAliases;
};

using DocumentPtr = std::shared_ptr<const Ast::Document>;

struct ParseResult
{
    DocumentPtr document; ///< null on error
    std::optional<Error> error;
};

/// A recursive-descent parser for GraphQL documents (spec §2, October 2021). Executable
/// definitions become a full syntax tree; type-system definitions are checked and recorded by name,
/// with the type names and directives inside them that validation looks at.
class Parser final
{
public:
    static ParseResult parse(QByteArray source, const ParserLimits &limits = {});

private:
    Parser(QByteArrayView source, const ParserLimits &limits);

    // Tokens
    void advance();
    bool peek(TokenKind kind) const { return m_token.kind == kind; }
    bool peekKeyword(QByteArrayView keyword) const;
    bool skip(TokenKind kind);
    void expect(TokenKind kind);
    void expectKeyword(QByteArrayView keyword);
    [[noreturn]] void unexpected() const { unexpected(m_token); }
    [[noreturn]] void unexpected(const Token &token) const;
    /// graphql-js getTokenDesc: the kind, then the text or string value (`String "x"`).
    QString describe(const Token &token) const;
    [[noreturn]] void failAt(const Ast::Location &location, const QString &message) const;
    Token lookahead() const;
    QByteArray tokenText() const;
    void enter(const Ast::Location &opening);
    void leave() { --m_depth; }

    // Executable definitions
    void parseDocument(Ast::Document &document);
    Ast::OperationDefinition parseOperation();
    Ast::FragmentDefinition parseFragment();
    Ast::Name parseName();
    Ast::Name parseFragmentName();
    std::vector<Ast::VariableDefinition> parseVariableDefinitions();
    std::vector<Ast::Selection> parseSelectionSet(Ast::Location *location = nullptr);
    Ast::Selection parseSelection();
    std::vector<Ast::Argument> parseArguments(bool isConst);
    std::vector<Ast::Directive> parseDirectives(bool isConst);
    Ast::ValueNode parseValue(bool isConst);
    Ast::TypeNode parseType();
    Ast::OperationType parseOperationType();

    // Type-system definitions: checked, and what validation looks at recorded (Ast::TypeSystemPart)
    Ast::TypeSystemDefinition parseTypeSystemDefinition();
    Ast::TypeSystemDefinition parseTypeSystemExtension();
    bool peekDescription() const { return peek(TokenKind::String) || peek(TokenKind::BlockString); }
    void skipDescription();
    static qsizetype beginNode(Ast::TypeSystemDefinition &definition);
    bool parseConstDirectives(Ast::TypeSystemDefinition &definition, qsizetype node, QByteArrayView location);
    void parseNamedType(Ast::TypeSystemDefinition &definition);
    void parseTypeReference(Ast::TypeSystemDefinition &definition);
    bool parseImplementsInterfaces(Ast::TypeSystemDefinition &definition);
    bool parseFieldsDefinition(Ast::TypeSystemDefinition &definition);
    void parseArgumentDefinitions(Ast::TypeSystemDefinition &definition);
    void parseInputValueDefinition(Ast::TypeSystemDefinition &definition, QByteArrayView location);
    bool parseInputFieldsDefinition(Ast::TypeSystemDefinition &definition, QByteArrayView location);
    bool parseUnionMembers(Ast::TypeSystemDefinition &definition);
    bool parseEnumValues(Ast::TypeSystemDefinition &definition);
    bool parseRootOperationTypes(Ast::TypeSystemDefinition &definition);
    void parseDirectiveLocations(Ast::TypeSystemDefinition &definition);

    Lexer m_lexer;
    Token m_token;
    const ParserLimits &m_limits;
    Ast::Location m_lastEnd;
    int m_depth = 0;
    int m_aliases = 0;
};

} // namespace Subscriptor::GraphQL
