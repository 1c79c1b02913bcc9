// SPDX-License-Identifier: MIT
#pragma once

#include "ast.h"

#include <QByteArray>
#include <QString>

namespace Subscriptor::GraphQL {

enum class TokenKind : quint8 {
    StartOfFile, EndOfFile,
    Bang, Dollar, Amp, ParenL, ParenR, Spread, Colon, Equals, At, BracketL, BracketR, BraceL, Pipe, BraceR,
    Name, Int, Float, String, BlockString,
};

/// A lexical token (spec §2.1.5). `start`/`end` are byte offsets into the UTF-8 source.
struct Token
{
    TokenKind kind = TokenKind::StartOfFile;
    qsizetype start = 0;
    qsizetype end = 0;
    Ast::Location location;
    QString value; ///< the decoded value of String and BlockString tokens
};

/// Thrown by the lexer and the parser; Parser::parse() turns it into an Error.
struct SyntaxError
{
    QString message;
    Ast::Location location;
};

/**
 * Splits a UTF-8 GraphQL source into tokens, skipping what the spec calls ignored tokens
 * (white space, line terminators, commas, comments and a byte-order mark).
 */
class Lexer final
{
public:
    explicit Lexer(QByteArrayView source) : m_source(source) { }

    /// The next token; throws SyntaxError on a lexical error.
    Token next();
    int tokenCount() const { return m_tokenCount; }
    QByteArrayView text(const Token &token) const { return m_source.sliced(token.start, token.end - token.start); }

    static const char *kindDescription(TokenKind kind);
    /// Whether `text` is a GraphQL Name (spec §2.1.9): /[_A-Za-z][_0-9A-Za-z]*/.
    static bool isName(QByteArrayView text);
    /// graphql-js's description of a token in "Unexpected …" messages.
    QString describe(const Token &token) const;

private:
    [[noreturn]] void fail(qsizetype offset, const QString &message) const;
    Ast::Location locationAt(qsizetype offset) const;
    void skipIgnored();
    Token makeToken(TokenKind kind, qsizetype start, qsizetype end) const;
    Token readName(qsizetype start);
    Token readNumber(qsizetype start);
    Token readString(qsizetype start);
    Token readBlockString(qsizetype start);
    qsizetype readDigits(qsizetype pos);
    char32_t readEscapedUnicode(qsizetype &pos);
    char32_t decodeUtf8(qsizetype pos, int *length) const;
    QString describeCharacterAt(qsizetype offset) const;

    QByteArrayView m_source;
    qsizetype m_pos = 0;
    qsizetype m_lineStart = 0;
    int m_line = 1;
    int m_tokenCount = 0;
    // locationAt()'s cache: the column at m_columnOffset on the line starting at m_columnLineStart.
    mutable qsizetype m_columnLineStart = -1;
    mutable qsizetype m_columnOffset = 0;
    mutable int m_column = 1;
};

/// The block string value algorithm of spec §2.9.4 (common indentation removed, blank
/// leading and trailing lines dropped).
QString blockStringValue(const QString &raw);

} // namespace Subscriptor::GraphQL
