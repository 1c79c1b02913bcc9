// SPDX-License-Identifier: MIT
#include "astprinter.h"

#include <QList>

namespace Subscriptor::GraphQL {

namespace {

constexpr char HexDigits[] = "0123456789ABCDEF";

bool isWhiteSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

} // namespace

QByteArray AstPrinter::printValue(const Ast::ValueNode &value)
{
    QByteArray out;
    appendValue(value, out);
    return out;
}

void AstPrinter::appendValue(const Ast::ValueNode &value, QByteArray &out)
{
    using Kind = Ast::ValueNode::Kind;
    switch (value.kind) {
    case Kind::Variable:
        out += '$' + value.text;
        return;
    case Kind::Int:
    case Kind::Float:
    case Kind::Enum:
        out += value.text;
        return;
    case Kind::String:
        out += value.block ? printBlockString(value.string) : printString(value.string);
        return;
    case Kind::Boolean:
        out += value.boolean ? "true" : "false";
        return;
    case Kind::Null:
        out += "null";
        return;
    case Kind::List: {
        out += '[';
        bool first = true;
        for (const Ast::ValueNode &item : value.list) {
            if (!first)
                out += ", ";
            first = false;
            appendValue(item, out);
        }
        out += ']';
        return;
    }
    case Kind::Object: {
        out += '{';
        bool first = true;
        for (const Ast::ObjectField &field : value.fields) {
            if (!first)
                out += ", ";
            first = false;
            out += field.name.value + ": ";
            appendValue(field.value, out);
        }
        out += '}';
        return;
    }
    }
}

QByteArray AstPrinter::printString(QStringView text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    out += '"';
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'"') {
            out += "\\\"";
        } else if (u == u'\\') {
            out += "\\\\";
        } else if (u == u'\b') {
            out += "\\b";
        } else if (u == u'\t') {
            out += "\\t";
        } else if (u == u'\n') {
            out += "\\n";
        } else if (u == u'\f') {
            out += "\\f";
        } else if (u == u'\r') {
            out += "\\r";
        } else if (u < 0x20 || (u >= 0x7f && u <= 0x9f)) {
            const char escape[6] = {'\\', 'u', HexDigits[(u >> 12) & 0xf], HexDigits[(u >> 8) & 0xf],
                                    HexDigits[(u >> 4) & 0xf], HexDigits[u & 0xf]};
            out.append(escape, 6);
        } else {
            out += QStringView(&c, 1).toUtf8();
        }
    }
    out += '"';
    return out;
}

QByteArray AstPrinter::printBlockString(QStringView text)
{
    QString escaped = text.toString();
    escaped.replace(QLatin1String("\"\"\""), QLatin1String("\\\"\"\""));

    QList<QStringView> lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < escaped.size(); ++i) {
        if (escaped[i] == u'\n' || escaped[i] == u'\r') {
            lines.append(QStringView(escaped).sliced(start, i - start));
            if (escaped[i] == u'\r' && i + 1 < escaped.size() && escaped[i + 1] == u'\n')
                ++i;
            start = i + 1;
        }
    }
    lines.append(QStringView(escaped).sliced(start));

    const bool isSingleLine = lines.size() == 1;
    bool forceLeadingNewLine = lines.size() > 1;
    for (qsizetype i = 1; i < lines.size() && forceLeadingNewLine; ++i)
        forceLeadingNewLine = lines[i].isEmpty() || isWhiteSpace(lines[i][0]);
    const bool hasTrailingTripleQuotes = escaped.endsWith(QLatin1String("\\\"\"\""));
    const bool hasTrailingQuote = text.endsWith(u'"') && !hasTrailingTripleQuotes;
    const bool hasTrailingSlash = text.endsWith(u'\\');
    const bool forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;
    const bool printAsMultipleLines = !isSingleLine || text.size() > 70 || forceTrailingNewline
        || forceLeadingNewLine || hasTrailingTripleQuotes;
    const bool skipLeadingNewLine = isSingleLine && !text.isEmpty() && isWhiteSpace(text[0]);

    QByteArray out = "\"\"\"";
    if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        out += '\n';
    out += escaped.toUtf8();
    if (printAsMultipleLines || forceTrailingNewline)
        out += '\n';
    out += "\"\"\"";
    return out;
}

bool AstPrinter::isPrintableAsBlockString(QStringView text)
{
    if (text.isEmpty())
        return true;
    bool isEmptyLine = true;
    bool hasIndent = false;
    bool hasCommonIndent = true;
    bool seenNonEmptyLine = false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if ((u <= 0x08) || u == 0x0b || u == 0x0c || u == 0x0e || u == 0x0f || u == u'\r')
            return false;
        if (u == u'\n') {
            if (isEmptyLine && !seenNonEmptyLine)
                return false; // a leading new line would be dropped
            seenNonEmptyLine = true;
            isEmptyLine = true;
            hasIndent = false;
        } else if (u == u'\t' || u == u' ') {
            hasIndent = hasIndent || isEmptyLine;
        } else {
            hasCommonIndent = hasCommonIndent && hasIndent;
            isEmptyLine = false;
        }
    }
    if (isEmptyLine)
        return false; // trailing empty lines would be dropped
    if (hasCommonIndent && seenNonEmptyLine)
        return false; // common indentation would be removed
    return true;
}

} // namespace Subscriptor::GraphQL
