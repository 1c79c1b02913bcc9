// SPDX-License-Identifier: MIT
#include "json.h"

#include <QHash>

#include <charconv>
#include <cmath>
#include <cstring>

namespace Subscriptor::GraphQL::Json {

namespace {

constexpr char HexDigits[] = "0123456789abcdef";

void appendUnicodeEscape(char16_t unit, QByteArray &out)
{
    const char escape[6] = {'\\', 'u', HexDigits[(unit >> 12) & 0xf], HexDigits[(unit >> 8) & 0xf],
                            HexDigits[(unit >> 4) & 0xf], HexDigits[unit & 0xf]};
    out.append(escape, 6);
}

// The short escapes of RFC 8259 §7, or 0 where a \u escape is needed.
char shortEscape(char16_t c)
{
    switch (c) {
    case u'"': return '"';
    case u'\\': return '\\';
    case u'\b': return 'b';
    case u'\f': return 'f';
    case u'\n': return 'n';
    case u'\r': return 'r';
    case u'\t': return 't';
    default: return 0;
    }
}

void appendUtf8Key(QByteArrayView key, QByteArray &out, Style style)
{
    if (style == Style::Python) {
        appendString(QString::fromUtf8(key), out, style);
        return;
    }
    out.append('"');
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const uchar c = uchar(key[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(key.data() + runStart, i - runStart);
        if (const char e = shortEscape(c)) {
            out.append('\\');
            out.append(e);
        } else {
            appendUnicodeEscape(c, out);
        }
        runStart = i + 1;
    }
    out.append(key.data() + runStart, key.size() - runStart);
    out.append('"');
}

void appendDouble(double d, QByteArray &out)
{
    if (!std::isfinite(d)) {
        out.append("null");
        return;
    }
    out.append(formatDouble(d));
}

void serializeInto(const Value &value, QByteArray &out, Style style)
{
    const bool python = style == Style::Python;
    switch (value.kind()) {
    case Value::Kind::Null:
    case Value::Kind::Opaque:
        out.append("null");
        return;
    case Value::Kind::Bool:
        out.append(value.toBool() ? "true" : "false");
        return;
    case Value::Kind::Int: {
        char buffer[24];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, value.toInt());
        out.append(buffer, result.ptr - buffer);
        return;
    }
    case Value::Kind::Float:
        appendDouble(value.toDouble(), out);
        return;
    case Value::Kind::String:
        appendString(value.toString(), out, style);
        return;
    case Value::Kind::List: {
        out.append('[');
        bool first = true;
        for (const Value &item : value.toList()) {
            if (!first)
                out.append(python ? ", " : ",");
            first = false;
            serializeInto(item, out, style);
        }
        out.append(']');
        return;
    }
    case Value::Kind::Object: {
        out.append('{');
        bool first = true;
        for (const Member &member : value.toObject()) {
            if (!first)
                out.append(python ? ", " : ",");
            first = false;
            appendUtf8Key(member.key, out, style);
            out.append(python ? ": " : ":");
            serializeInto(member.value, out, style);
        }
        out.append('}');
        return;
    }
    }
}

class Parser final
{
public:
    explicit Parser(QByteArrayView text) : m_begin(text.data()), m_pos(text.data()), m_end(text.data() + text.size()) { }

    Value parseDocument(ParseError *error)
    {
        skipSpace();
        Value result = parseValue(0);
        skipSpace();
        if (!m_failed && m_pos != m_end)
            fail("unexpected text after the JSON value");
        if (error)
            *error = m_failed ? m_error : ParseError();
        return m_failed ? Value() : result;
    }

private:
    void fail(const char *message)
    {
        if (m_failed)
            return;
        m_failed = true;
        m_error = ParseError{QString::fromLatin1(message), qsizetype(m_pos - m_begin)};
        m_pos = m_end;
    }

    void skipSpace()
    {
        while (m_pos < m_end && (*m_pos == ' ' || *m_pos == '\n' || *m_pos == '\r' || *m_pos == '\t'))
            ++m_pos;
    }

    bool consumeLiteral(const char *word)
    {
        const size_t length = std::strlen(word);
        if (size_t(m_end - m_pos) < length || std::memcmp(m_pos, word, length) != 0)
            return false;
        m_pos += length;
        return true;
    }

    Value parseValue(int depth)
    {
        if (m_pos >= m_end) {
            fail("unexpected end of JSON text");
            return {};
        }
        switch (*m_pos) {
        case '{': return parseObject(depth + 1);
        case '[': return parseArray(depth + 1);
        case '"': return Value(parseString());
        case 't':
            if (consumeLiteral("true"))
                return true;
            break;
        case 'f':
            if (consumeLiteral("false"))
                return false;
            break;
        case 'n':
            if (consumeLiteral("null"))
                return nullptr;
            break;
        default:
            if (*m_pos == '-' || (*m_pos >= '0' && *m_pos <= '9'))
                return parseNumber();
        }
        fail("invalid JSON value");
        return {};
    }

    Value parseNumber()
    {
        const char *start = m_pos;
        bool isInteger = true;
        if (*m_pos == '-')
            ++m_pos;
        if (m_pos < m_end && *m_pos == '0') {
            ++m_pos;
        } else if (m_pos < m_end && *m_pos >= '1' && *m_pos <= '9') {
            while (m_pos < m_end && *m_pos >= '0' && *m_pos <= '9')
                ++m_pos;
        } else {
            fail("invalid number");
            return {};
        }
        if (m_pos < m_end && *m_pos == '.') {
            isInteger = false;
            ++m_pos;
            if (m_pos >= m_end || *m_pos < '0' || *m_pos > '9') {
                fail("invalid number");
                return {};
            }
            while (m_pos < m_end && *m_pos >= '0' && *m_pos <= '9')
                ++m_pos;
        }
        if (m_pos < m_end && (*m_pos == 'e' || *m_pos == 'E')) {
            isInteger = false;
            ++m_pos;
            if (m_pos < m_end && (*m_pos == '+' || *m_pos == '-'))
                ++m_pos;
            if (m_pos >= m_end || *m_pos < '0' || *m_pos > '9') {
                fail("invalid number");
                return {};
            }
            while (m_pos < m_end && *m_pos >= '0' && *m_pos <= '9')
                ++m_pos;
        }
        if (isInteger) {
            qint64 integer = 0;
            const auto result = std::from_chars(start, m_pos, integer);
            if (result.ec == std::errc() && result.ptr == m_pos)
                return integer;
        }
        double d = 0;
        const auto result = std::from_chars(start, m_pos, d);
        if (result.ec == std::errc::result_out_of_range)
            return std::copysign(HUGE_VAL, *start == '-' ? -1.0 : 1.0);
        return d;
    }

    int hexValue(char c) const
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    QString parseString()
    {
        ++m_pos; // opening quote
        const char *runStart = m_pos;
        // Fast path: no escapes.
        while (m_pos < m_end && *m_pos != '"' && *m_pos != '\\' && uchar(*m_pos) >= 0x20)
            ++m_pos;
        if (m_pos < m_end && *m_pos == '"') {
            QString s = QString::fromUtf8(runStart, m_pos - runStart);
            ++m_pos;
            return s;
        }
        QByteArray utf8(runStart, m_pos - runStart);
        QString result;
        while (m_pos < m_end) {
            const char c = *m_pos;
            if (c == '"') {
                ++m_pos;
                result += QString::fromUtf8(utf8);
                return result;
            }
            if (uchar(c) < 0x20) {
                fail("control character in string");
                return {};
            }
            if (c != '\\') {
                utf8.append(c);
                ++m_pos;
                continue;
            }
            ++m_pos;
            if (m_pos >= m_end)
                break;
            const char e = *m_pos++;
            switch (e) {
            case '"': utf8.append('"'); break;
            case '\\': utf8.append('\\'); break;
            case '/': utf8.append('/'); break;
            case 'b': utf8.append('\b'); break;
            case 'f': utf8.append('\f'); break;
            case 'n': utf8.append('\n'); break;
            case 'r': utf8.append('\r'); break;
            case 't': utf8.append('\t'); break;
            case 'u': {
                if (m_end - m_pos < 4) {
                    fail("invalid \\u escape");
                    return {};
                }
                int unit = 0;
                for (int i = 0; i < 4; ++i) {
                    const int h = hexValue(m_pos[i]);
                    if (h < 0) {
                        fail("invalid \\u escape");
                        return {};
                    }
                    unit = unit * 16 + h;
                }
                m_pos += 4;
                // Escaped code units go through QString so surrogate pairs join up.
                result += QString::fromUtf8(utf8);
                utf8.clear();
                result += QChar(char16_t(unit));
                break;
            }
            default:
                fail("invalid escape in string");
                return {};
            }
        }
        fail("unterminated string");
        return {};
    }

    Value parseArray(int depth)
    {
        if (depth > MaxParseDepth) {
            fail("JSON nested too deeply");
            return {};
        }
        ++m_pos;
        Value::List items;
        skipSpace();
        if (m_pos < m_end && *m_pos == ']') {
            ++m_pos;
            return items;
        }
        while (!m_failed) {
            skipSpace();
            items.append(parseValue(depth));
            skipSpace();
            if (m_pos < m_end && *m_pos == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_end && *m_pos == ']') {
                ++m_pos;
                return items;
            }
            fail("expected ',' or ']'");
        }
        return {};
    }

    Value parseObject(int depth)
    {
        if (depth > MaxParseDepth) {
            fail("JSON nested too deeply");
            return {};
        }
        ++m_pos;
        Value::Object members;
        skipSpace();
        if (m_pos < m_end && *m_pos == '}') {
            ++m_pos;
            return members;
        }
        while (!m_failed) {
            skipSpace();
            if (m_pos >= m_end || *m_pos != '"') {
                fail("expected a string key");
                break;
            }
            QByteArray key = parseString().toUtf8();
            skipSpace();
            if (m_pos >= m_end || *m_pos != ':') {
                fail("expected ':'");
                break;
            }
            ++m_pos;
            skipSpace();
            Value value = parseValue(depth);
            members.append(Member{std::move(key), std::move(value)});
            skipSpace();
            if (m_pos < m_end && *m_pos == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_end && *m_pos == '}') {
                ++m_pos;
                return dropRepeatedKeys(std::move(members));
            }
            fail("expected ',' or '}'");
        }
        return {};
    }

    // JSON.parse keeps the last value of a repeated key, at the place of the first.
    static Value::Object dropRepeatedKeys(Value::Object members)
    {
        if (members.size() < 2)
            return members;
        QHash<QByteArray, qsizetype> firstIndex;
        firstIndex.reserve(members.size());
        Value::Object unique;
        for (Member &member : members) {
            const auto it = firstIndex.constFind(member.key);
            if (it != firstIndex.constEnd()) {
                unique[*it].value = std::move(member.value);
                continue;
            }
            firstIndex.insert(member.key, unique.size());
            unique.append(std::move(member));
        }
        return unique;
    }

    const char *m_begin;
    const char *m_pos;
    const char *m_end;
    bool m_failed = false;
    ParseError m_error;
};

} // namespace

QByteArray formatDouble(double d)
{
    if (std::isnan(d))
        return QByteArrayLiteral("NaN");
    if (std::isinf(d))
        return d > 0 ? QByteArrayLiteral("Infinity") : QByteArrayLiteral("-Infinity");
    if (d == 0)
        return QByteArrayLiteral("0");
    // ECMAScript Number::toString: the shortest round-trip digits, laid out by the exponent.
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::scientific);
    const QByteArrayView scientific(buffer, result.ptr - buffer);
    const qsizetype e = scientific.indexOf('e');
    const bool negative = scientific.startsWith('-');
    QByteArray digits;
    for (char c : scientific.first(e)) {
        if (c >= '0' && c <= '9')
            digits.append(c);
    }
    const int k = int(digits.size());
    const int n = scientific.sliced(e + 1).toInt() + 1;
    QByteArray out = negative ? QByteArrayLiteral("-") : QByteArray();
    if (k <= n && n <= 21) {
        out += digits + QByteArray(n - k, '0');
    } else if (0 < n && n <= 21) {
        out += digits.first(n) + '.' + digits.sliced(n);
    } else if (-6 < n && n <= 0) {
        out += "0." + QByteArray(-n, '0') + digits;
    } else {
        const int exponent = n - 1;
        out += digits.first(1);
        if (k > 1)
            out += '.' + digits.sliced(1);
        out += 'e' + QByteArray(exponent >= 0 ? "+" : "-") + QByteArray::number(std::abs(exponent));
    }
    return out;
}

void appendString(QStringView text, QByteArray &out, Style style)
{
    const bool asciiOnly = style == Style::Python;
    out.reserve(out.size() + text.size() + 2);
    out.append('"');
    const char16_t *data = text.utf16();
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = data[i];
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\') {
                out.append(char(c));
            } else if (const char e = shortEscape(c)) {
                out.append('\\');
                out.append(e);
            } else {
                appendUnicodeEscape(c, out);
            }
            continue;
        }
        if (asciiOnly) {
            appendUnicodeEscape(c, out);
            continue;
        }
        if (QChar::isHighSurrogate(c) && i + 1 < size && QChar::isLowSurrogate(data[i + 1])) {
            const char32_t ucs4 = QChar::surrogateToUcs4(c, data[i + 1]);
            ++i;
            const char bytes[4] = {char(0xf0 | (ucs4 >> 18)), char(0x80 | ((ucs4 >> 12) & 0x3f)),
                                   char(0x80 | ((ucs4 >> 6) & 0x3f)), char(0x80 | (ucs4 & 0x3f))};
            out.append(bytes, 4);
        } else if (QChar::isSurrogate(c)) {
            // A lone surrogate has no UTF-8 form; escape it as JSON.stringify does.
            appendUnicodeEscape(c, out);
        } else if (c < 0x800) {
            const char bytes[2] = {char(0xc0 | (c >> 6)), char(0x80 | (c & 0x3f))};
            out.append(bytes, 2);
        } else {
            const char bytes[3] = {char(0xe0 | (c >> 12)), char(0x80 | ((c >> 6) & 0x3f)), char(0x80 | (c & 0x3f))};
            out.append(bytes, 3);
        }
    }
    out.append('"');
}

Value parse(QByteArrayView text, ParseError *error)
{
    return Parser(text).parseDocument(error);
}

QByteArray serialize(const Value &value, Style style)
{
    QByteArray out;
    serializeInto(value, out, style);
    return out;
}

void serialize(const Value &value, QByteArray &out, Style style)
{
    serializeInto(value, out, style);
}

} // namespace Subscriptor::GraphQL::Json
