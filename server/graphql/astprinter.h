// SPDX-License-Identifier: MIT
#pragma once

#include "ast.h"

#include <QByteArray>
#include <QString>

namespace Subscriptor::GraphQL {

/// Prints syntax-tree nodes back to GraphQL text, in the layout graphql-js's `print` uses, so our
/// messages, default values and schema text read like the reference implementation's.
class AstPrinter final
{
public:
    static QByteArray printValue(const Ast::ValueNode &value);
    static QByteArray printType(const Ast::TypeNode &type) { return type.toString(); }
    /// A string literal with graphql-js's escapes (control characters, `"`, `\`, U+007F–U+009F).
    static QByteArray printString(QStringView text);
    /// A block string literal ("""…""") laid out as graphql-js's printBlockString does.
    static QByteArray printBlockString(QStringView text);
    /// Whether a string survives a round trip as a block string (graphql-js isPrintableAsBlockString).
    static bool isPrintableAsBlockString(QStringView text);

    /// The executable definitions of a document, byte for byte as graphql-js 16 `print` lays them
    /// out: two-space indentation, a field's arguments on their own lines when they would pass 80
    /// columns. Type-system definitions (which the parser records only by name) are left out.
    static QByteArray printDocument(const Ast::Document &document);
    static QByteArray printOperation(const Ast::OperationDefinition &operation);
    static QByteArray printFragment(const Ast::FragmentDefinition &fragment);

private:
    static void appendValue(const Ast::ValueNode &value, QByteArray &out);
    static QByteArray printSelectionSet(const std::vector<Ast::Selection> &selections);
    static QByteArray printSelection(const Ast::Selection &selection);
    static QByteArray printField(const Ast::Selection &field);
    static QByteArray printVariableDefinition(const Ast::VariableDefinition &variable);
    static QByteArray printArgument(const Ast::Argument &argument);
    static QByteArray printDirectives(const std::vector<Ast::Directive> &directives);
};

} // namespace Subscriptor::GraphQL
