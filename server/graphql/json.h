// SPDX-License-Identifier: MIT
#pragma once

#include "value.h"

#include <QByteArray>
#include <QString>

namespace Subscriptor::GraphQL::Json {

/// How serialize() lays out its text.
enum class Style {
    Compact, ///< like JSON.stringify: no spaces (graphql-js, graphql-ws and most servers)
    Python,  ///< like Python's json.dumps defaults: ", " and ": ", non-ASCII as \uXXXX (the seed)
};

struct ParseError
{
    QString message;
    qsizetype offset = -1; ///< byte offset of the error, -1 when there is none
    bool isError() const { return offset >= 0; }
};

/// The deepest nesting of arrays and objects parse() accepts; deeper input is an error, never a crash.
inline constexpr int MaxParseDepth = 256;

/// Parses one JSON text (RFC 8259). Objects keep their key order; a repeated key keeps its last
/// value, like JSON.parse. Integers that fit in 64 bits become Int, other numbers Float.
Value parse(QByteArrayView text, ParseError *error = nullptr);

/// Writes a value as JSON text in UTF-8. Opaque values and non-finite floats are written as null.
QByteArray serialize(const Value &value, Style style = Style::Compact);
void serialize(const Value &value, QByteArray &out, Style style = Style::Compact);

/// A number as JavaScript prints it (`1`, `0.1`, `1e+21`, `1.5e-7`): what JSON.stringify writes.
QByteArray formatDouble(double d);

/// Appends a JSON string literal (with quotes) for text.
void appendString(QStringView text, QByteArray &out, Style style = Style::Compact);

} // namespace Subscriptor::GraphQL::Json
