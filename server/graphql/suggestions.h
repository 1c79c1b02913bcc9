// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Subscriptor::GraphQL {

/// The options close to a mistyped name, nearest first (graphql-js suggestionList: a
/// Damerau-Levenshtein distance where a change of case counts as one edit).
QList<QByteArray> suggestionList(QByteArrayView input, const QList<QByteArray> &options);

/// ` Did you mean "a", "b", or "c"?` for at most five suggestions; empty when there are none.
QString didYouMean(const QList<QByteArray> &suggestions, const QString &subMessage = {});

} // namespace Subscriptor::GraphQL
