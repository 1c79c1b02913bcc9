// SPDX-License-Identifier: MIT
#include "columnfilter.h"

#include "json.h"

#include <QCoreApplication>
#include <QLocale>

namespace Subscriptor::Ui {

namespace {

using Model::ColumnType;
using Model::Filter;
using GraphQL::Value;

// Longest operators first: `>=` must not be read as `>` followed by `=x`.
const std::pair<QLatin1StringView, Filter::Op> Comparisons[] = {
    {QLatin1StringView(">="), Filter::Op::Gte}, {QLatin1StringView("<="), Filter::Op::Lte},
    {QLatin1StringView(">"), Filter::Op::Gt},   {QLatin1StringView("<"), Filter::Op::Lt},
    {QLatin1StringView("="), Filter::Op::Exact},
};

QString tr(const char *text)
{
    return QCoreApplication::translate("Subscriptor::Ui::ColumnFilter", text);
}

bool isNumeric(const Model::ColumnDefinition &column)
{
    return column.type == ColumnType::Integer || column.type == ColumnType::Float;
}

/// One operand as the column's type wants it; false with a message when it does not fit.
bool operand(const Model::ColumnDefinition &column, const QString &text, Value &value, QString &error)
{
    const QString trimmed = text.trimmed();
    bool ok = false;
    switch (column.type) {
    case ColumnType::Integer:
        value = qint64(trimmed.toLongLong(&ok));
        if (!ok)
            error = tr("Enter a whole number, such as 5.");
        return ok;
    case ColumnType::Float:
        value = QLocale::c().toDouble(trimmed, &ok);
        if (!ok)
            error = tr("Enter a number, such as 2.5.");
        return ok;
    case ColumnType::Boolean: {
        const QString word = trimmed.toLower();
        if (word == QLatin1String("1") || word == QLatin1String("true") || word == QLatin1String("yes")) {
            value = true;
            return true;
        }
        if (word == QLatin1String("0") || word == QLatin1String("false") || word == QLatin1String("no")) {
            value = false;
            return true;
        }
        error = tr("Enter true or false (1 or 0).");
        return false;
    }
    case ColumnType::Json: {
        GraphQL::Json::ParseError parseError;
        value = GraphQL::Json::parse(trimmed.toUtf8(), &parseError);
        if (parseError.isError())
            value = trimmed; // bare words mean the JSON string
        return true;
    }
    case ColumnType::Blob:
        error = tr("Binary columns filter by NULL or !NULL only.");
        return false;
    case ColumnType::Text:
    case ColumnType::DateTime:
        value = trimmed;
        return true;
    }
    return false;
}

bool add(const Model::ColumnDefinition &column, Filter::Op op, const QString &text, QList<Filter> &filters, QString &error)
{
    Value value;
    if (!operand(column, text, value, error))
        return false;
    filters.append(Filter{column.name, op, std::move(value)});
    return true;
}

} // namespace

bool ColumnFilter::parse(const Model::ColumnDefinition &column, const QString &text, QList<Filter> &filters, QString &error)
{
    const QString line = text.trimmed();
    if (line.isEmpty())
        return true;
    if (line.compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0
        || line.compare(QLatin1String("!NULL"), Qt::CaseInsensitive) == 0) {
        filters.append(Filter{column.name, Filter::Op::IsNull, Value(!line.startsWith(u'!'))});
        return true;
    }
    for (const auto &[prefix, op] : Comparisons) {
        if (line.startsWith(prefix))
            return add(column, op, line.mid(prefix.size()), filters, error);
    }
    // Ranges and lists only where `~` and `,` cannot be part of what one looks for.
    const bool ordered = isNumeric(column) || column.type == ColumnType::DateTime;
    if (ordered && line.contains(u'~')) {
        const qsizetype tilde = line.indexOf(u'~');
        const QString from = line.left(tilde).trimmed();
        const QString to = line.mid(tilde + 1).trimmed();
        QList<Filter> range;
        if ((!from.isEmpty() && !add(column, Filter::Op::Gte, from, range, error))
            || (!to.isEmpty() && !add(column, Filter::Op::Lte, to, range, error)))
            return false;
        filters.append(range);
        return true;
    }
    if (isNumeric(column) && line.contains(u',')) {
        Value::List items;
        for (const QString &part : line.split(u',', Qt::SkipEmptyParts)) {
            Value item;
            if (!operand(column, part, item, error))
                return false;
            items.append(std::move(item));
        }
        filters.append(Filter{column.name, Filter::Op::In, Value(std::move(items))});
        return true;
    }
    switch (column.type) {
    case ColumnType::Text:
    case ColumnType::Json:
    case ColumnType::DateTime:
        filters.append(Filter{column.name, Filter::Op::IContains, Value(line)});
        return true;
    default:
        return add(column, Filter::Op::Exact, line, filters, error);
    }
}

QString ColumnFilter::help(const Model::ColumnDefinition &column)
{
    QString rows;
    auto row = [&rows](const QString &syntax, const QString &meaning) {
        rows += QStringLiteral("<tr><td><code>%1</code></td><td>%2</td></tr>").arg(syntax.toHtmlEscaped(), meaning);
    };
    const bool numeric = isNumeric(column);
    if (numeric || column.type == ColumnType::Boolean)
        row(QStringLiteral("x"), tr("equal to x"));
    else if (column.type != ColumnType::Blob)
        row(QStringLiteral("x"), tr("contains x (any case)"));
    if (column.type != ColumnType::Blob) {
        row(QStringLiteral("=x"), tr("exactly x"));
        row(QStringLiteral(">x  >=x  <x  <=x"), tr("greater / less than x"));
    }
    if (numeric || column.type == ColumnType::DateTime)
        row(QStringLiteral("a~b"), tr("from a to b, both included (<code>a~</code>, <code>~b</code>: open ended)"));
    if (numeric)
        row(QStringLiteral("a,b,c"), tr("any of these values"));
    row(QStringLiteral("NULL  !NULL"), tr("empty (NULL) / not empty"));
    return tr("<b>Filter %1</b> (%2); the database filters, every row is searched:<table cellspacing=4>%3</table>")
        .arg(column.name.toHtmlEscaped(), QLatin1String(Model::columnTypeName(column.type)), rows);
}

} // namespace Subscriptor::Ui
