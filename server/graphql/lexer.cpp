// SPDX-License-Identifier: MIT
#include "lexer.h"

#include <QList>

namespace Subscriptor::GraphQL {

namespace {

bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isNameContinue(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QString codePointText(char32_t code)
{
    if (code >= 0x20 && code <= 0x7e) {
        if (code == U'"')
            return QStringLiteral("'\"'");
        return u'"' + QString(QChar(char16_t(code))) + u'"';
    }
    return QLatin1String("U+") + QString::number(uint(code), 16).toUpper().rightJustified(4, u'0');
}

bool isBlankLine(QStringView line)
{
    for (QChar c : line) {
        if (c != u' ' && c != u'\t')
            return false;
    }
    return true;
}

qsizetype leadingWhitespace(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size() && (line[i] == u' ' || line[i] == u'\t'))
        ++i;
    return i;
}

} // namespace

bool Lexer::isName(QByteArrayView text)
{
    if (text.isEmpty() || !isNameStart(text[0]))
        return false;
    for (char c : text.sliced(1)) {
        if (!isNameContinue(c))
            return false;
    }
    return true;
}

const char *Lexer::kindDescription(TokenKind kind)
{
    switch (kind) {
    case TokenKind::StartOfFile: return "<SOF>";
    case TokenKind::EndOfFile: return "<EOF>";
    case TokenKind::Bang: return "\"!\"";
    case TokenKind::Dollar: return "\"$\"";
    case TokenKind::Amp: return "\"&\"";
    case TokenKind::ParenL: return "\"(\"";
    case TokenKind::ParenR: return "\")\"";
    case TokenKind::Spread: return "\"...\"";
    case TokenKind::Colon: return "\":\"";
    case TokenKind::Equals: return "\"=\"";
    case TokenKind::At: return "\"@\"";
    case TokenKind::BracketL: return "\"[\"";
    case TokenKind::BracketR: return "\"]\"";
    case TokenKind::BraceL: return "\"{\"";
    case TokenKind::Pipe: return "\"|\"";
    case TokenKind::BraceR: return "\"}\"";
    case TokenKind::Name: return "Name";
    case TokenKind::Int: return "Int";
    case TokenKind::Float: return "Float";
    case TokenKind::String: return "String";
    case TokenKind::BlockString: return "BlockString";
    }
    return "?";
}

QString Lexer::describe(const Token &token) const
{
    const QString kind = QString::fromLatin1(kindDescription(token.kind));
    switch (token.kind) {
    case TokenKind::Name:
    case TokenKind::Int:
    case TokenKind::Float:
        return kind + QLatin1String(" \"") + QString::fromUtf8(text(token)) + u'"';
    default:
        return kind;
    }
}

void Lexer::fail(qsizetype offset, const QString &message) const
{
    throw SyntaxError{QLatin1String("Syntax Error: ") + message, locationAt(offset)};
}

Ast::Location Lexer::locationAt(qsizetype offset) const
{
    // Columns count UTF-16 code units as graphql-js does: UTF-8 continuation bytes are skipped and
    // a character outside the BMP (a 4-byte sequence) counts twice. Counting resumes from the last
    // offset asked for on the same line, so a long one-line document is not scanned once per token.
    if (m_columnLineStart != m_lineStart || m_columnOffset > offset) {
        m_columnLineStart = m_lineStart;
        m_columnOffset = m_lineStart;
        m_column = 1;
    }
    for (qsizetype i = m_columnOffset; i < offset && i < m_source.size(); ++i) {
        const uchar c = uchar(m_source[i]);
        if ((c & 0xc0) != 0x80)
            m_column += c >= 0xf0 ? 2 : 1;
    }
    m_columnOffset = qMax(m_columnOffset, qMin(offset, m_source.size()));
    return Ast::Location{m_line, m_column};
}

Token Lexer::makeToken(TokenKind kind, qsizetype start, qsizetype end) const
{
    Token token;
    token.kind = kind;
    token.start = start;
    token.end = end;
    token.location = locationAt(start);
    return token;
}

char32_t Lexer::decodeUtf8(qsizetype pos, int *length) const
{
    const uchar lead = uchar(m_source[pos]);
    int count = 1;
    char32_t code = lead;
    if (lead >= 0xf0) {
        count = 4;
        code = lead & 0x07;
    } else if (lead >= 0xe0) {
        count = 3;
        code = lead & 0x0f;
    } else if (lead >= 0xc0) {
        count = 2;
        code = lead & 0x1f;
    } else if (lead >= 0x80) {
        *length = 1;
        return 0xfffd;
    }
    for (int i = 1; i < count; ++i) {
        if (pos + i >= m_source.size() || (uchar(m_source[pos + i]) & 0xc0) != 0x80) {
            *length = i;
            return 0xfffd;
        }
        code = (code << 6) | (uchar(m_source[pos + i]) & 0x3f);
    }
    *length = count;
    return code;
}

QString Lexer::describeCharacterAt(qsizetype offset) const
{
    if (offset >= m_source.size())
        return QStringLiteral("<EOF>");
    int length = 0;
    return codePointText(decodeUtf8(offset, &length));
}

void Lexer::skipIgnored()
{
    const qsizetype size = m_source.size();
    while (m_pos < size) {
        const char c = m_source[m_pos];
        if (c == ' ' || c == '\t' || c == ',') {
            ++m_pos;
        } else if (c == '\n') {
            ++m_pos;
            ++m_line;
            m_lineStart = m_pos;
        } else if (c == '\r') {
            ++m_pos;
            if (m_pos < size && m_source[m_pos] == '\n')
                ++m_pos;
            ++m_line;
            m_lineStart = m_pos;
        } else if (c == '#') {
            while (m_pos < size && m_source[m_pos] != '\n' && m_source[m_pos] != '\r')
                ++m_pos;
        } else if (uchar(c) == 0xef && m_pos + 2 < size && uchar(m_source[m_pos + 1]) == 0xbb
                   && uchar(m_source[m_pos + 2]) == 0xbf) {
            m_pos += 3; // byte-order mark
        } else {
            return;
        }
    }
}

Token Lexer::next()
{
    skipIgnored();
    ++m_tokenCount;
    const qsizetype start = m_pos;
    if (m_pos >= m_source.size())
        return makeToken(TokenKind::EndOfFile, start, start);

    const char c = m_source[m_pos];
    auto punctuator = [&](TokenKind kind) {
        ++m_pos;
        return makeToken(kind, start, m_pos);
    };
    switch (c) {
    case '!': return punctuator(TokenKind::Bang);
    case '$': return punctuator(TokenKind::Dollar);
    case '&': return punctuator(TokenKind::Amp);
    case '(': return punctuator(TokenKind::ParenL);
    case ')': return punctuator(TokenKind::ParenR);
    case ':': return punctuator(TokenKind::Colon);
    case '=': return punctuator(TokenKind::Equals);
    case '@': return punctuator(TokenKind::At);
    case '[': return punctuator(TokenKind::BracketL);
    case ']': return punctuator(TokenKind::BracketR);
    case '{': return punctuator(TokenKind::BraceL);
    case '|': return punctuator(TokenKind::Pipe);
    case '}': return punctuator(TokenKind::BraceR);
    case '.':
        if (m_source.sliced(m_pos).startsWith("...")) {
            m_pos += 3;
            return makeToken(TokenKind::Spread, start, m_pos);
        }
        break;
    case '"':
        if (m_source.sliced(m_pos).startsWith("\"\"\""))
            return readBlockString(start);
        return readString(start);
    case '\'':
        fail(start, QStringLiteral("Unexpected single quote character ('), did you mean to use a double quote (\")?"));
    default:
        break;
    }
    if (isDigit(c) || c == '-')
        return readNumber(start);
    if (isNameStart(c))
        return readName(start);

    int length = 0;
    const char32_t code = decodeUtf8(start, &length);
    // Every Unicode scalar value is a SourceCharacter (spec §2.1.1, October 2021); only a
    // surrogate (in UTF-8 it is malformed) is not.
    const bool scalarValue = code < 0xd800 || code > 0xdfff;
    fail(start, (scalarValue ? QLatin1String("Unexpected character: ") : QLatin1String("Invalid character: "))
                    + codePointText(code) + u'.');
}

Token Lexer::readName(qsizetype start)
{
    ++m_pos;
    while (m_pos < m_source.size() && isNameContinue(m_source[m_pos]))
        ++m_pos;
    return makeToken(TokenKind::Name, start, m_pos);
}

qsizetype Lexer::readDigits(qsizetype pos)
{
    if (pos >= m_source.size() || !isDigit(m_source[pos]))
        fail(pos, QLatin1String("Invalid number, expected digit but got: ") + describeCharacterAt(pos) + u'.');
    while (pos < m_source.size() && isDigit(m_source[pos]))
        ++pos;
    return pos;
}

Token Lexer::readNumber(qsizetype start)
{
    qsizetype pos = start;
    bool isFloat = false;
    if (m_source[pos] == '-')
        ++pos;
    if (pos < m_source.size() && m_source[pos] == '0') {
        ++pos;
        if (pos < m_source.size() && isDigit(m_source[pos]))
            fail(pos, QLatin1String("Invalid number, unexpected digit after 0: ") + describeCharacterAt(pos) + u'.');
    } else {
        pos = readDigits(pos);
    }
    if (pos < m_source.size() && m_source[pos] == '.') {
        isFloat = true;
        pos = readDigits(pos + 1);
    }
    if (pos < m_source.size() && (m_source[pos] == 'e' || m_source[pos] == 'E')) {
        isFloat = true;
        ++pos;
        if (pos < m_source.size() && (m_source[pos] == '+' || m_source[pos] == '-'))
            ++pos;
        pos = readDigits(pos);
    }
    // Spec §2.9.1: a number must not be followed by a `.` or a NameStart.
    if (pos < m_source.size() && (m_source[pos] == '.' || isNameStart(m_source[pos])))
        fail(pos, QLatin1String("Invalid number, expected digit but got: ") + describeCharacterAt(pos) + u'.');
    m_pos = pos;
    return makeToken(isFloat ? TokenKind::Float : TokenKind::Int, start, pos);
}

char32_t Lexer::readEscapedUnicode(qsizetype &pos)
{
    // `pos` is at the `u` of `\u`; on return it is past the escape.
    const qsizetype escapeStart = pos - 1;
    auto invalid = [&](qsizetype end) {
        end = qMin(end, m_source.size());
        while (end < m_source.size() && (uchar(m_source[end]) & 0xc0) == 0x80)
            ++end; // quote whole characters
        fail(escapeStart, QLatin1String("Invalid Unicode escape sequence: \"")
                              + QString::fromUtf8(m_source.sliced(escapeStart, end - escapeStart))
                              + QLatin1String("\"."));
    };
    ++pos;
    if (pos < m_source.size() && m_source[pos] == '{') {
        // Variable-width escape, \u{1F600} (spec §2.9.4, October 2021). Like graphql-js, at most
        // 12 characters (\u{00000000}); the error quotes the escape up to the offending character.
        constexpr qsizetype MaxEscapeLength = 12;
        quint64 code = 0;
        for (qsizetype p = pos + 1; p < escapeStart + MaxEscapeLength; ++p) {
            if (p >= m_source.size())
                invalid(p + 1);
            if (m_source[p] == '}') {
                if (p == pos + 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
                    invalid(p + 1);
                pos = p + 1;
                return char32_t(code);
            }
            const int h = hexValue(m_source[p]);
            code = code * 16 + quint64(qMax(h, 0));
            if (h < 0 || code > 0x7fffffff) // graphql-js reads the digits into a signed 32-bit int
                invalid(p + 1);
        }
        invalid(escapeStart + MaxEscapeLength);
    }
    auto readFixed = [&](qsizetype at) -> int {
        if (at + 4 > m_source.size())
            return -1;
        int unit = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(m_source[at + i]);
            if (h < 0)
                return -1;
            unit = unit * 16 + h;
        }
        return unit;
    };
    const int unit = readFixed(pos);
    if (unit < 0)
        invalid(pos + 4);
    if (unit >= 0xd800 && unit <= 0xdbff) {
        // A leading surrogate must be followed by an escaped trailing one.
        if (m_source.sliced(pos + 4).startsWith("\\u")) {
            const int trail = readFixed(pos + 6);
            if (trail >= 0xdc00 && trail <= 0xdfff) {
                pos += 10;
                return QChar::surrogateToUcs4(char16_t(unit), char16_t(trail));
            }
        }
        invalid(pos + 4);
    }
    if (unit >= 0xdc00 && unit <= 0xdfff)
        invalid(pos + 4);
    pos += 4;
    return char32_t(unit);
}

Token Lexer::readString(qsizetype start)
{
    qsizetype pos = start + 1;
    qsizetype chunkStart = pos;
    QByteArray utf8;
    const qsizetype size = m_source.size();
    while (pos < size) {
        const char c = m_source[pos];
        if (c == '"') {
            utf8.append(m_source.sliced(chunkStart, pos - chunkStart));
            Token token = makeToken(TokenKind::String, start, pos + 1);
            token.value = QString::fromUtf8(utf8);
            m_pos = pos + 1;
            return token;
        }
        if (c == '\n' || c == '\r')
            break;
        if (c == '\\') {
            utf8.append(m_source.sliced(chunkStart, pos - chunkStart));
            if (pos + 1 >= size)
                break;
            const char e = m_source[pos + 1];
            pos += 1;
            switch (e) {
            case '"': utf8.append('"'); ++pos; break;
            case '\\': utf8.append('\\'); ++pos; break;
            case '/': utf8.append('/'); ++pos; break;
            case 'b': utf8.append('\b'); ++pos; break;
            case 'f': utf8.append('\f'); ++pos; break;
            case 'n': utf8.append('\n'); ++pos; break;
            case 'r': utf8.append('\r'); ++pos; break;
            case 't': utf8.append('\t'); ++pos; break;
            case 'u': {
                const char32_t code = readEscapedUnicode(pos);
                utf8.append(QString::fromUcs4(&code, 1).toUtf8());
                break;
            }
            default:
                fail(pos - 1, QLatin1String("Invalid character escape sequence: \"\\")
                                  + QString::fromUtf8(m_source.sliced(pos, 1)) + QLatin1String("\"."));
            }
            chunkStart = pos;
            continue;
        }
        ++pos;
    }
    fail(pos, QStringLiteral("Unterminated string."));
}

Token Lexer::readBlockString(qsizetype start)
{
    qsizetype pos = start + 3;
    qsizetype chunkStart = pos;
    QByteArray raw;
    const qsizetype size = m_source.size();
    const int startLine = m_line;
    const qsizetype startLineStart = m_lineStart;
    while (pos < size) {
        const char c = m_source[pos];
        if (c == '"' && m_source.sliced(pos).startsWith("\"\"\"")) {
            raw.append(m_source.sliced(chunkStart, pos - chunkStart));
            // The token's location is where it starts, before the lines it spans.
            const int endLine = m_line;
            const qsizetype endLineStart = m_lineStart;
            m_line = startLine;
            m_lineStart = startLineStart;
            Token token = makeToken(TokenKind::BlockString, start, pos + 3);
            m_line = endLine;
            m_lineStart = endLineStart;
            token.value = blockStringValue(QString::fromUtf8(raw));
            m_pos = pos + 3;
            return token;
        }
        if (c == '\\' && m_source.sliced(pos).startsWith("\\\"\"\"")) {
            raw.append(m_source.sliced(chunkStart, pos - chunkStart));
            raw.append("\"\"\"");
            pos += 4;
            chunkStart = pos;
            continue;
        }
        if (c == '\n' || c == '\r') {
            pos += (c == '\r' && pos + 1 < size && m_source[pos + 1] == '\n') ? 2 : 1;
            ++m_line;
            m_lineStart = pos;
            continue;
        }
        ++pos;
    }
    fail(pos, QStringLiteral("Unterminated string."));
}

QString blockStringValue(const QString &raw)
{
    QList<QStringView> lines;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw[i];
        if (c == u'\n' || c == u'\r') {
            lines.append(QStringView(raw).sliced(lineStart, i - lineStart));
            if (c == u'\r' && i + 1 < raw.size() && raw[i + 1] == u'\n')
                ++i;
            lineStart = i + 1;
        }
    }
    lines.append(QStringView(raw).sliced(lineStart));

    qsizetype commonIndent = -1;
    qsizetype firstNonBlank = -1;
    qsizetype lastNonBlank = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (isBlankLine(lines[i]))
            continue;
        if (firstNonBlank < 0)
            firstNonBlank = i;
        lastNonBlank = i;
        const qsizetype indent = leadingWhitespace(lines[i]);
        if (i != 0 && (commonIndent < 0 || indent < commonIndent))
            commonIndent = indent;
    }
    if (firstNonBlank < 0)
        return QString();
    QString result;
    result.reserve(raw.size());
    for (qsizetype i = firstNonBlank; i <= lastNonBlank; ++i) {
        if (i != firstNonBlank)
            result += u'\n';
        QStringView line = lines[i];
        if (i != 0 && commonIndent > 0)
            line = line.sliced(qMin(commonIndent, line.size()));
        result += line;
    }
    return result;
}

} // namespace Subscriptor::GraphQL
