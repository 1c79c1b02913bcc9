// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

namespace Subscriptor::GraphQL {

class Schema;
class Type;
struct Directive;
struct InputValue;

/**
 * Prints a schema as SDL (spec §3), byte for byte as graphql-js 16 `printSchema` prints it: the
 * built-in scalars, directives and introspection types are left out, descriptions become block
 * strings where they survive the round trip, and argument lists break across lines only when an
 * argument has a description. The conformance test checks that `printSchema(buildSchema(ours))`
 * gives back exactly our text, so clients that diff SDL see no noise between us and graphql-js.
 */
class SdlPrinter final
{
public:
    /// The schema's SDL, without a trailing new line (as printSchema returns it).
    static QByteArray print(const Schema &schema);
    /// One named type's definition (graphql-js printType).
    static QByteArray printType(const Type &type);
    static QByteArray printDirective(const Directive &directive);

private:
    static QByteArray printSchemaDefinition(const Schema &schema);
    static QByteArray printFields(const Type &type);
    static QByteArray printArguments(const std::vector<InputValue> &arguments, QByteArrayView indentation);
    static QByteArray printInputValue(const InputValue &value);
    static QByteArray printDeprecated(bool deprecated, const QString &reason);
    static QByteArray printDescription(const QString &description, QByteArrayView indentation = {},
                                       bool firstInBlock = true);
    static QByteArray printBlock(const QList<QByteArray> &items);
};

} // namespace Subscriptor::GraphQL
