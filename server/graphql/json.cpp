// SPDX-License-Identifier: MIT
#include "json.h"

#include <QHash>

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

namespace Subscriptor::GraphQL::Json {

namespace {

constexpr char HexDigits[] = "0123456789abcdef";
// The most bytes one UTF-16 code unit takes in a JSON string: a \uXXXX escape.
constexpr qsizetype MaxBytesPerUnit = 6;
// writeString makes room once per this many code units.
constexpr qsizetype StringChunkUnits = 4096;
// The room a Writer makes first; it doubles after that.
constexpr qsizetype MinimumRoom = 256;
// std::to_chars of a qint64: 19 digits and a sign.
constexpr qsizetype MaxIntegerChars = 24;
// The longest number writeFiniteDouble writes ("-0.0000012345678901234567", 25) and more.
constexpr int MaxNumberChars = 32;
// ECMAScript Number::toString: fixed notation for exponents in (-7, 21].
constexpr int MaxFixedDigits = 21;
constexpr int MinFixedExponent = -6;
constexpr int MaxExponentChars = 8; // a double's decimal exponent has at most 3 digits

/**
 * Appends to a QByteArray through a raw pointer. The serializer writes a byte or a few at a time,
 * and through QByteArray::append each write would be an out-of-line call with a detach check: a
 * third of a response's cost. The array grows ahead, doubling, and is cut to what was written when
 * the Writer goes.
 */
class Writer final
{
public:
    explicit Writer(QByteArray &out) : m_out(out), m_size(out.size()) { }
    ~Writer() { m_out.resize(m_size); }
    Q_DISABLE_COPY_MOVE(Writer)

    /// Where to write up to `n` bytes; commit() says where the writing ended.
    char *reserve(qsizetype n)
    {
        if (m_room - m_size < n)
            grow(n);
        return m_data + m_size;
    }
    void commit(const char *end) { m_size = end - m_data; }
    void put(char c)
    {
        *reserve(1) = c;
        ++m_size;
    }
    void put(QByteArrayView bytes)
    {
        if (bytes.isEmpty())
            return;
        std::memcpy(reserve(bytes.size()), bytes.data(), size_t(bytes.size()));
        m_size += bytes.size();
    }

private:
    void grow(qsizetype n)
    {
        m_out.resize(qMax(m_size + n, qMax(2 * m_room, MinimumRoom)));
        m_data = m_out.data();
        m_room = m_out.size();
    }

    QByteArray &m_out;
    char *m_data = nullptr;
    qsizetype m_size; ///< bytes written
    qsizetype m_room = 0; ///< bytes at m_data; 0 until the first reserve()
};

// ECMAScript Number::toString of a finite number (what JSON.stringify writes): the shortest digits
// that read back as `d`, laid out by the exponent. Writes at most MaxNumberChars at `p` and returns
// the end. On the stack: responses are full of floats, and allocating here was a third of the
// serializer's time.
char *writeFiniteDouble(double d, char *p)
{
    if (d == 0) {
        *p++ = '0'; // -0 too, as in JavaScript
        return p;
    }
    char scientific[MaxNumberChars]; // -d.ddde-ddd
    const char *end = std::to_chars(scientific, scientific + sizeof scientific, d, std::chars_format::scientific).ptr;
    const char *s = scientific;
    if (*s == '-') {
        *p++ = '-';
        ++s;
    }
    char digits[MaxNumberChars];
    int k = 0;
    for (; *s != 'e'; ++s) {
        if (*s != '.')
            digits[k++] = *s;
    }
    ++s; // 'e'
    const bool negativeExponent = *s == '-';
    if (*s == '-' || *s == '+')
        ++s;
    int exponent = 0;
    std::from_chars(s, end, exponent);
    if (negativeExponent)
        exponent = -exponent;
    const int n = exponent + 1; // the decimal point's place relative to the digits
    auto copy = [&p](const char *from, int count) {
        std::memcpy(p, from, size_t(count));
        p += count;
    };
    auto zeros = [&p](int count) {
        std::memset(p, '0', size_t(count));
        p += count;
    };
    if (k <= n && n <= MaxFixedDigits) {
        copy(digits, k);
        zeros(n - k);
    } else if (0 < n && n <= MaxFixedDigits) {
        copy(digits, n);
        *p++ = '.';
        copy(digits + n, k - n);
    } else if (MinFixedExponent < n && n <= 0) {
        *p++ = '0';
        *p++ = '.';
        zeros(-n);
        copy(digits, k);
    } else {
        *p++ = digits[0];
        if (k > 1) {
            *p++ = '.';
            copy(digits + 1, k - 1);
        }
        *p++ = 'e';
        *p++ = n - 1 >= 0 ? '+' : '-';
        char exponentDigits[MaxExponentChars];
        const char *exponentEnd = std::to_chars(exponentDigits, exponentDigits + MaxExponentChars, std::abs(n - 1)).ptr;
        copy(exponentDigits, int(exponentEnd - exponentDigits));
    }
    return p;
}

char *writeUnicodeEscape(char16_t unit, char *p)
{
    *p++ = '\\';
    *p++ = 'u';
    *p++ = HexDigits[(unit >> 12) & 0xf];
    *p++ = HexDigits[(unit >> 8) & 0xf];
    *p++ = HexDigits[(unit >> 4) & 0xf];
    *p++ = HexDigits[unit & 0xf];
    return p;
}

// Whether a byte of a UTF-8 key must be escaped in JSON (RFC 8259 §7): one table load, not three
// comparisons.
constexpr auto EscapedBytes = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 0x20; ++c)
        table[size_t(c)] = true;
    table[size_t('"')] = true;
    table[size_t('\\')] = true;
    return table;
}();

bool needsEscape(uchar c)
{
    return EscapedBytes[c];
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

void writeString(QStringView text, Writer &out, Style style)
{
    const bool asciiOnly = style == Style::Python;
    const char16_t *data = text.utf16();
    const qsizetype size = text.size();
    // Room is made for a chunk's worst case, so the loop below only stores bytes.
    qsizetype i = 0;
    bool first = true;
    do {
        const qsizetype chunkEnd = qMin(size, i + StringChunkUnits);
        // + 1 unit: a surrogate pair may straddle the chunk's end; + 2: the quotes.
        char *p = out.reserve((chunkEnd - i + 1) * MaxBytesPerUnit + 2);
        if (first)
            *p++ = '"';
        first = false;
        for (; i < chunkEnd; ++i) {
            const char16_t c = data[i];
            if (c < 0x80) {
                // Python's ensure_ascii escapes DEL too; JSON.stringify does not.
                if (c >= 0x20 && c != u'"' && c != u'\\' && !(asciiOnly && c == 0x7f)) {
                    *p++ = char(c);
                } else if (const char e = shortEscape(c)) {
                    *p++ = '\\';
                    *p++ = e;
                } else {
                    p = writeUnicodeEscape(c, p);
                }
                continue;
            }
            if (asciiOnly) {
                p = writeUnicodeEscape(c, p);
                continue;
            }
            if (QChar::isHighSurrogate(c) && i + 1 < size && QChar::isLowSurrogate(data[i + 1])) {
                const char32_t ucs4 = QChar::surrogateToUcs4(c, data[i + 1]);
                ++i;
                *p++ = char(0xf0 | (ucs4 >> 18));
                *p++ = char(0x80 | ((ucs4 >> 12) & 0x3f));
                *p++ = char(0x80 | ((ucs4 >> 6) & 0x3f));
                *p++ = char(0x80 | (ucs4 & 0x3f));
            } else if (QChar::isSurrogate(c)) {
                // A lone surrogate has no UTF-8 form; escape it as JSON.stringify does.
                p = writeUnicodeEscape(c, p);
            } else if (c < 0x800) {
                *p++ = char(0xc0 | (c >> 6));
                *p++ = char(0x80 | (c & 0x3f));
            } else {
                *p++ = char(0xe0 | (c >> 12));
                *p++ = char(0x80 | ((c >> 6) & 0x3f));
                *p++ = char(0x80 | (c & 0x3f));
            }
        }
        if (i >= size)
            *p++ = '"';
        out.commit(p);
    } while (i < size);
}

void writeUtf8Key(QByteArrayView key, Writer &out, Style style)
{
    if (style == Style::Python) {
        writeString(QString::fromUtf8(key), out, style);
        return;
    }
    // Already UTF-8: only quotes, backslashes and control characters change. Keys are names
    // ([_A-Za-z0-9]) nearly always, so a clean key is one copy.
    char *p = out.reserve(key.size() * MaxBytesPerUnit + 2);
    *p++ = '"';
    qsizetype clean = 0;
    while (clean < key.size() && !needsEscape(uchar(key[clean])))
        ++clean;
    if (clean > 0) {
        std::memcpy(p, key.data(), size_t(clean));
        p += clean;
    }
    for (const char byte : key.sliced(clean)) {
        const uchar c = uchar(byte);
        if (c >= 0x20 && c != '"' && c != '\\') {
            *p++ = char(c);
        } else if (const char e = shortEscape(c)) {
            *p++ = '\\';
            *p++ = e;
        } else {
            p = writeUnicodeEscape(c, p);
        }
    }
    *p++ = '"';
    out.commit(p);
}

void writeDouble(double d, Writer &out)
{
    if (!std::isfinite(d)) {
        out.put("null");
        return;
    }
    char *p = out.reserve(MaxNumberChars);
    out.commit(writeFiniteDouble(d, p));
}

void serializeInto(const Value &value, Writer &out, Style style)
{
    const bool python = style == Style::Python;
    switch (value.kind()) {
    case Value::Kind::Null:
    case Value::Kind::Opaque:
        out.put("null");
        return;
    case Value::Kind::Bool:
        out.put(value.toBool() ? "true" : "false");
        return;
    case Value::Kind::Int: {
        char *p = out.reserve(MaxIntegerChars);
        out.commit(std::to_chars(p, p + MaxIntegerChars, value.toInt()).ptr);
        return;
    }
    case Value::Kind::Float:
        writeDouble(value.toDouble(), out);
        return;
    case Value::Kind::String:
        writeString(value.toString(), out, style);
        return;
    case Value::Kind::List: {
        out.put('[');
        bool first = true;
        for (const Value &item : value.toList()) {
            if (!first)
                out.put(python ? ", " : ",");
            first = false;
            serializeInto(item, out, style);
        }
        out.put(']');
        return;
    }
    case Value::Kind::Object: {
        out.put('{');
        bool first = true;
        for (const Member &member : value.toObject()) {
            if (!first)
                out.put(python ? ", " : ",");
            first = false;
            writeUtf8Key(member.key, out, style);
            out.put(python ? ": " : ":");
            serializeInto(member.value, out, style);
        }
        out.put('}');
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
        if (result.ec == std::errc::result_out_of_range) {
            // Too large is ±Infinity and too small is ±0, as in JSON.parse.
            const double sign = *start == '-' ? -1.0 : 1.0;
            return decimalMagnitude(start, m_pos) < 0 ? sign * 0.0 : sign * HUGE_VAL;
        }
        return d;
    }

    // The power of ten of a valid JSON number's first significant digit (1e-400: -400, 12e3: 4).
    static qint64 decimalMagnitude(const char *p, const char *end)
    {
        constexpr qint64 Clamp = 1'000'000'000;
        if (*p == '-')
            ++p;
        qint64 magnitude = -1;
        if (*p == '0') {
            ++p;
            if (p < end && *p == '.') {
                for (++p; p < end && *p == '0'; ++p)
                    --magnitude; // 0.001: -3
            }
        } else {
            for (; p < end && *p >= '0' && *p <= '9'; ++p)
                ++magnitude; // 123: 2
        }
        while (p < end && *p != 'e' && *p != 'E')
            ++p;
        if (p == end)
            return magnitude;
        ++p;
        const bool negative = *p == '-';
        if (*p == '-' || *p == '+')
            ++p;
        qint64 exponent = 0;
        for (; p < end; ++p)
            exponent = qMin(exponent * 10 + (*p - '0'), Clamp);
        return magnitude + (negative ? -exponent : exponent);
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
    char buffer[MaxNumberChars];
    return QByteArray(buffer, writeFiniteDouble(d, buffer) - buffer);
}

void appendString(QStringView text, QByteArray &out, Style style)
{
    Writer writer(out);
    writeString(text, writer, style);
}

Value parse(QByteArrayView text, ParseError *error)
{
    return Parser(text).parseDocument(error);
}

QByteArray serialize(const Value &value, Style style)
{
    QByteArray out;
    serialize(value, out, style);
    return out;
}

void serialize(const Value &value, QByteArray &out, Style style)
{
    Writer writer(out);
    serializeInto(value, writer, style);
}

} // namespace Subscriptor::GraphQL::Json
