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
/// definitions become a full syntax tree; type-system definitions are checked and recorded by name.
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
    [[noreturn]] void unexpected() const;
    [[noreturn]] void failAt(const Ast::Location &location, const QString &message) const;
    Token lookahead() const;
    QByteArray tokenText() const;
    void enter();
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

    // Type-system definitions (checked, not kept)
    Ast::TypeSystemDefinition parseTypeSystemDefinition();
    Ast::TypeSystemDefinition parseTypeSystemExtension();
    bool peekDescription() const { return peek(TokenKind::String) || peek(TokenKind::BlockString); }
    void skipDescription();
    bool parseImplementsInterfaces();
    bool parseFieldsDefinition();
    void parseArgumentDefinitions();
    void parseInputValueDefinition();
    bool parseInputFieldsDefinition();
    bool parseUnionMembers();
    bool parseEnumValues();
    bool parseRootOperationTypes();
    void parseDirectiveLocations();

    Lexer m_lexer;
    Token m_token;
    const ParserLimits &m_limits;
    Ast::Location m_lastEnd;
    int m_depth = 0;
    int m_aliases = 0;
};

} // namespace Subscriptor::GraphQL
