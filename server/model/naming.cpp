// SPDX-License-Identifier: MIT
#include "naming.h"

#include <QStringList>

namespace Subscriptor::Model::Naming {

namespace {

bool isNameCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_';
}

// Splits on `_` and on anything a name cannot hold; keeps the words' own case.
QStringList words(QStringView name)
{
    QStringList result;
    QString current;
    for (QChar c : name) {
        if (isNameCharacter(c) && c != u'_') {
            current += c;
        } else if (!current.isEmpty()) {
            result.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        result.append(current);
    return result;
}

QByteArray safeStart(QByteArray name)
{
    if (name.isEmpty())
        return QByteArrayLiteral("_");
    if (name[0] >= '0' && name[0] <= '9')
        name.prepend('_');
    return name;
}

} // namespace

QByteArray camelCase(QStringView name)
{
    const QStringList parts = words(name);
    QString result;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i == 0)
            result += parts[i].at(0).toLower() + parts[i].mid(1);
        else
            result += parts[i].at(0).toUpper() + parts[i].mid(1);
    }
    return safeStart(result.toLatin1());
}

QByteArray pascalCase(QStringView name)
{
    QString result;
    for (const QString &part : words(name))
        result += part.at(0).toUpper() + part.mid(1);
    return safeStart(result.toLatin1());
}

QByteArray upperSnakeCase(QStringView name)
{
    return safeStart(words(name).join(u'_').toUpper().toLatin1());
}

QString label(const QString &table)
{
    const qsizetype underscore = table.indexOf(u'_');
    if (underscore <= 0 || underscore == table.size() - 1)
        return table;
    return table.left(underscore) + u'.' + table.mid(underscore + 1);
}

QString modelPart(const QString &table)
{
    const qsizetype underscore = table.indexOf(u'_');
    if (underscore <= 0 || underscore == table.size() - 1)
        return table;
    return table.mid(underscore + 1);
}

QString plural(const QString &word)
{
    const QString lower = word.toLower();
    if (lower.isEmpty() || (lower.endsWith(u's') && !lower.endsWith(QLatin1String("ss"))))
        return word; // already plural
    if (lower.endsWith(u'y') && lower.size() > 1 && !QStringLiteral("aeiou").contains(lower.at(lower.size() - 2)))
        return word.chopped(1) + QLatin1String("ies");
    if (lower.endsWith(u's') || lower.endsWith(u'x') || lower.endsWith(u'z') || lower.endsWith(QLatin1String("ch"))
        || lower.endsWith(QLatin1String("sh")))
        return word + QLatin1String("es");
    return word + u's';
}

QString singular(const QString &word)
{
    const QString lower = word.toLower();
    if (lower.endsWith(QLatin1String("ies")) && lower.size() > 3)
        return word.chopped(3) + u'y';
    for (const char *ending : {"sses", "xes", "zes", "ches", "shes"}) {
        if (lower.endsWith(QLatin1String(ending)))
            return word.chopped(2);
    }
    // Django names tables after singular class names, and `status`, `campus`, `analysis` are
    // singular: only a plain -s is taken off.
    if (lower.endsWith(u's') && !lower.endsWith(QLatin1String("ss")) && !lower.endsWith(QLatin1String("us"))
        && !lower.endsWith(QLatin1String("is")) && lower.size() > 1)
        return word.chopped(1);
    return word;
}

} // namespace Subscriptor::Model::Naming
