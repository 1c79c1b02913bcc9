// SPDX-License-Identifier: MIT
#include "suggestions.h"

#include <algorithm>
#include <vector>

namespace Subscriptor::GraphQL {

namespace {

constexpr int MaxSuggestions = 5;

// -1 when the distance is over the threshold.
int lexicalDistance(const QByteArray &inputLower, QByteArrayView input, QByteArrayView option, int threshold)
{
    if (input == option)
        return 0;
    const QByteArray optionLower = option.toByteArray().toLower();
    if (inputLower == optionLower)
        return 1;
    QByteArrayView a = optionLower;
    QByteArrayView b = inputLower;
    if (a.size() < b.size())
        std::swap(a, b);
    const qsizetype aLength = a.size();
    const qsizetype bLength = b.size();
    if (aLength - bLength > threshold)
        return -1;
    std::vector<int> rows[3];
    for (auto &row : rows)
        row.assign(bLength + 1, 0);
    for (qsizetype j = 0; j <= bLength; ++j)
        rows[0][j] = int(j);
    for (qsizetype i = 1; i <= aLength; ++i) {
        std::vector<int> &up = rows[(i - 1) % 3];
        std::vector<int> &current = rows[i % 3];
        int smallest = current[0] = int(i);
        for (qsizetype j = 1; j <= bLength; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int cell = std::min({up[j] + 1, current[j - 1] + 1, up[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cell = std::min(cell, rows[(i - 2) % 3][j - 2] + 1);
            smallest = std::min(smallest, cell);
            current[j] = cell;
        }
        if (smallest > threshold)
            return -1;
    }
    const int distance = rows[aLength % 3][bLength];
    return distance <= threshold ? distance : -1;
}

// graphql-js naturalCompare: digit runs compare as numbers.
bool naturalLess(const QByteArray &a, const QByteArray &b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (isdigit(uchar(a[i])) && isdigit(uchar(b[j]))) {
            qsizetype iEnd = i;
            while (iEnd < a.size() && isdigit(uchar(a[iEnd])))
                ++iEnd;
            qsizetype jEnd = j;
            while (jEnd < b.size() && isdigit(uchar(b[jEnd])))
                ++jEnd;
            const qint64 x = a.mid(i, iEnd - i).toLongLong();
            const qint64 y = b.mid(j, jEnd - j).toLongLong();
            if (x != y)
                return x < y;
            i = iEnd;
            j = jEnd;
            continue;
        }
        if (a[i] != b[j])
            return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

} // namespace

QList<QByteArray> suggestionList(QByteArrayView input, const QList<QByteArray> &options)
{
    const QByteArray inputLower = input.toByteArray().toLower();
    const int threshold = int(input.size() * 0.4) + 1;
    QList<std::pair<int, QByteArray>> scored;
    for (const QByteArray &option : options) {
        const int distance = lexicalDistance(inputLower, input, option, threshold);
        if (distance >= 0 && std::none_of(scored.cbegin(), scored.cend(), [&](const auto &s) { return s.second == option; }))
            scored.append({distance, option});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto &x, const auto &y) {
        return x.first != y.first ? x.first < y.first : naturalLess(x.second, y.second);
    });
    QList<QByteArray> result;
    result.reserve(scored.size());
    for (const auto &s : scored)
        result.append(s.second);
    return result;
}

QString didYouMean(const QList<QByteArray> &suggestions, const QString &subMessage)
{
    if (suggestions.isEmpty())
        return {};
    QString message = QStringLiteral(" Did you mean ");
    if (!subMessage.isEmpty())
        message += subMessage + u' ';
    QStringList quoted;
    for (const QByteArray &s : suggestions.mid(0, MaxSuggestions))
        quoted.append(u'"' + QString::fromUtf8(s) + u'"');
    if (quoted.size() == 1)
        return message + quoted[0] + u'?';
    if (quoted.size() == 2)
        return message + quoted[0] + QLatin1String(" or ") + quoted[1] + u'?';
    const QString last = quoted.takeLast();
    return message + quoted.join(QLatin1String(", ")) + QLatin1String(", or ") + last + u'?';
}

} // namespace Subscriptor::GraphQL
