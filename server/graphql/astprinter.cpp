// SPDX-License-Identifier: MIT
#include "astprinter.h"

#include <QList>

namespace Subscriptor::GraphQL {

namespace {

constexpr char HexDigits[] = "0123456789ABCDEF";
// graphql-js breaks a field's argument list when the field would be longer than this (printer.js).
constexpr qsizetype MaxLineLength = 80;
constexpr QByteArrayView Indentation = "  ";

bool isWhiteSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

// The length JavaScript would give the text: UTF-16 code units, which is what graphql-js measures
// lines in. A 4-byte UTF-8 sequence is a surrogate pair, two units.
qsizetype utf16Length(QByteArrayView utf8)
{
    qsizetype length = 0;
    for (const char c : utf8) {
        const auto byte = quint8(c);
        if ((byte & 0xc0) != 0x80)
            ++length;
        if (byte >= 0xf0)
            ++length;
    }
    return length;
}

QByteArray join(const QList<QByteArray> &parts, QByteArrayView separator)
{
    QByteArray out;
    for (const QByteArray &part : parts) {
        if (part.isEmpty())
            continue; // graphql-js join() skips empty parts, separator included
        if (!out.isEmpty())
            out += separator;
        out += part;
    }
    return out;
}

// Every line of `text` one level deeper. Block strings inside get the indentation too, as in
// graphql-js; their value survives because a block string's common indentation is removed.
QByteArray indented(const QByteArray &text)
{
    QByteArray out = Indentation.toByteArray() + text;
    out.replace("\n", QByteArray("\n" + Indentation.toByteArray()));
    return out;
}

QByteArray block(const QList<QByteArray> &items)
{
    return items.isEmpty() ? QByteArray() : "{\n" + indented(join(items, "\n")) + "\n}";
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
    qsizetype plainStart = 0; // a run of characters copied as they are, converted to UTF-8 at once
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        const bool plain = u >= 0x20 && u != u'"' && u != u'\\' && !(u >= 0x7f && u <= 0x9f);
        if (plain)
            continue;
        // Converting a run rather than each QChar keeps surrogate pairs (emoji) whole.
        out += text.sliced(plainStart, i - plainStart).toUtf8();
        plainStart = i + 1;
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
        }
    }
    out += text.sliced(plainStart).toUtf8();
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

QByteArray AstPrinter::printDocument(const Ast::Document &document)
{
    QList<QByteArray> definitions;
    for (const Ast::Definition &definition : document.definitions) {
        switch (definition.kind) {
        case Ast::Definition::Kind::Operation:
            definitions.append(printOperation(document.operations[definition.index]));
            break;
        case Ast::Definition::Kind::Fragment:
            definitions.append(printFragment(document.fragments[definition.index]));
            break;
        case Ast::Definition::Kind::TypeSystem:
            break;
        }
    }
    return join(definitions, "\n\n");
}

QByteArray AstPrinter::printOperation(const Ast::OperationDefinition &operation)
{
    QList<QByteArray> variables;
    bool multiline = false;
    for (const Ast::VariableDefinition &variable : operation.variables) {
        variables.append(printVariableDefinition(variable));
        multiline = multiline || variables.last().contains('\n');
    }
    // A definition that spans lines (a block string default) puts each on its own line, unindented.
    QByteArray variableList;
    if (multiline)
        variableList = "(\n" + join(variables, "\n") + "\n)";
    else if (!variables.isEmpty())
        variableList = '(' + join(variables, ", ") + ')';
    const QByteArray keyword = Ast::operationTypeName(operation.operation);
    const QByteArray prefix = join({keyword, operation.name.value + variableList, printDirectives(operation.directives)}, " ");
    // An anonymous query with no variables and no directives uses the shorthand `{ … }` (spec §2.3).
    if (operation.operation == Ast::OperationType::Query && prefix == keyword)
        return printSelectionSet(operation.selectionSet);
    return prefix + ' ' + printSelectionSet(operation.selectionSet);
}

QByteArray AstPrinter::printFragment(const Ast::FragmentDefinition &fragment)
{
    const QByteArray directives = printDirectives(fragment.directives);
    return "fragment " + fragment.name.value + " on " + fragment.typeCondition.value + ' '
        + (directives.isEmpty() ? QByteArray() : directives + ' ') + printSelectionSet(fragment.selectionSet);
}

QByteArray AstPrinter::printVariableDefinition(const Ast::VariableDefinition &variable)
{
    QByteArray out = '$' + variable.variable.value + ": " + variable.type.toString();
    if (variable.hasDefaultValue)
        out += " = " + printValue(variable.defaultValue);
    if (!variable.directives.empty())
        out += ' ' + printDirectives(variable.directives);
    return out;
}

QByteArray AstPrinter::printSelectionSet(const std::vector<Ast::Selection> &selections)
{
    QList<QByteArray> items;
    items.reserve(qsizetype(selections.size()));
    for (const Ast::Selection &selection : selections)
        items.append(printSelection(selection));
    return block(items);
}

QByteArray AstPrinter::printSelection(const Ast::Selection &selection)
{
    switch (selection.kind) {
    case Ast::Selection::Kind::Field:
        return printField(selection);
    case Ast::Selection::Kind::FragmentSpread: {
        const QByteArray directives = printDirectives(selection.directives);
        return "..." + selection.name.value + (directives.isEmpty() ? QByteArray() : ' ' + directives);
    }
    case Ast::Selection::Kind::InlineFragment:
        return join({"...", selection.typeCondition.isEmpty() ? QByteArray() : "on " + selection.typeCondition.value,
                     printDirectives(selection.directives), printSelectionSet(selection.selectionSet)},
                    " ");
    }
    return {};
}

QByteArray AstPrinter::printField(const Ast::Selection &field)
{
    QByteArray out = field.alias.isEmpty() ? field.name.value : field.alias.value + ": " + field.name.value;
    if (!field.arguments.empty()) {
        QList<QByteArray> arguments;
        qsizetype length = utf16Length(out) + 2; // the parentheses
        for (const Ast::Argument &argument : field.arguments) {
            arguments.append(printArgument(argument));
            length += utf16Length(arguments.last()) + (arguments.size() > 1 ? 2 : 0);
        }
        // The measure is the unindented text, new lines of block strings included, as graphql-js's.
        if (length > MaxLineLength)
            out += "(\n" + indented(join(arguments, "\n")) + "\n)";
        else
            out += '(' + join(arguments, ", ") + ')';
    }
    if (!field.directives.empty())
        out += ' ' + printDirectives(field.directives);
    if (field.hasSelectionSet())
        out += ' ' + printSelectionSet(field.selectionSet);
    return out;
}

QByteArray AstPrinter::printArgument(const Ast::Argument &argument)
{
    return argument.name.value + ": " + printValue(argument.value);
}

QByteArray AstPrinter::printDirectives(const std::vector<Ast::Directive> &directives)
{
    QList<QByteArray> printed;
    for (const Ast::Directive &directive : directives) {
        QList<QByteArray> arguments;
        for (const Ast::Argument &argument : directive.arguments)
            arguments.append(printArgument(argument));
        printed.append('@' + directive.name.value + (arguments.isEmpty() ? QByteArray() : '(' + join(arguments, ", ") + ')'));
    }
    return join(printed, " ");
}

} // namespace Subscriptor::GraphQL
