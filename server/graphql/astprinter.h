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

private:
    static void appendValue(const Ast::ValueNode &value, QByteArray &out);
};

} // namespace Subscriptor::GraphQL
