// SPDX-License-Identifier: MIT
#include "modelsfile.h"

#include "json.h"
#include "lexer.h"

#include <QFile>

namespace Subscriptor::Model {

namespace {

using GraphQL::Member;
using GraphQL::Value;

constexpr qint64 MaxModelsFileBytes = 4 * 1024 * 1024;

// Names starting with __ belong to introspection (spec §2.1.9).
bool isGraphQLName(const QByteArray &name)
{
    return !name.startsWith("__") && GraphQL::Lexer::isName(name);
}

class EntryReader final
{
public:
    EntryReader(const QString &sourceName, const QString &table, QStringList &errors)
        : m_prefix(sourceName + QLatin1String(": models.") + table), m_errors(errors)
    {
    }

    void error(const QString &key, const QString &what)
    {
        m_errors.append(m_prefix + (key.isEmpty() ? QString() : u'.' + key) + QLatin1String(": ") + what);
    }

    QString string(const Value &entry, const char *key)
    {
        const Value *value = entry.find(key);
        if (!value)
            return {};
        if (!value->isString() || value->toString().isEmpty()) {
            error(QLatin1String(key), QStringLiteral("must be a non-empty string"));
            return {};
        }
        return value->toString();
    }

    std::optional<QStringList> stringList(const Value &entry, const char *key)
    {
        const Value *value = entry.find(key);
        if (!value)
            return std::nullopt;
        if (!value->isList()) {
            error(QLatin1String(key), QStringLiteral("must be a list of column names"));
            return QStringList();
        }
        QStringList result;
        const Value::List &items = value->toList();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items[i].isString())
                error(QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i), QStringLiteral("must be a column name"));
            else
                result.append(items[i].toString());
        }
        return result;
    }

private:
    QString m_prefix;
    QStringList &m_errors;
};

} // namespace

bool ModelsFile::load(const QString &path, QList<ModelConfig> &models, QStringList &errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors.append(path + QLatin1String(": cannot be read: ") + file.errorString());
        return false;
    }
    if (file.size() > MaxModelsFileBytes) {
        errors.append(path + QStringLiteral(": is larger than %1 bytes").arg(MaxModelsFileBytes));
        return false;
    }
    return parse(file.readAll(), path, models, errors);
}

bool ModelsFile::parse(QByteArrayView json, const QString &sourceName, QList<ModelConfig> &models, QStringList &errors)
{
    const qsizetype errorsBefore = errors.size();
    GraphQL::Json::ParseError parseError;
    const Value document = GraphQL::Json::parse(json, &parseError);
    if (parseError.isError()) {
        errors.append(QStringLiteral("%1: not valid JSON at byte %2: %3").arg(sourceName).arg(parseError.offset).arg(parseError.message));
        return false;
    }
    const Value *entries = document.find("models");
    if (!document.isObject() || !entries || !entries->isObject()) {
        errors.append(sourceName + QLatin1String(": must be an object with a \"models\" object, keyed by table name"));
        return false;
    }
    for (const Member &member : document.toObject()) {
        if (member.key != "models")
            errors.append(sourceName + QLatin1String(": ") + QString::fromUtf8(member.key) + QLatin1String(": unknown key; expected models"));
    }
    static const QStringList knownKeys = {QStringLiteral("label"), QStringLiteral("stream"), QStringLiteral("type"),
                                          QStringLiteral("description"), QStringLiteral("fields"),
                                          QStringLiteral("readOnly"), QStringLiteral("descriptions")};
    for (const Member &member : entries->toObject()) {
        ModelConfig config;
        config.source = sourceName;
        config.table = QString::fromUtf8(member.key);
        EntryReader reader(sourceName, config.table, errors);
        const Value &entry = member.value;
        if (!entry.isObject()) {
            reader.error({}, QStringLiteral("must be an object"));
            continue;
        }
        for (const Member &key : entry.toObject()) {
            if (!knownKeys.contains(QString::fromUtf8(key.key)))
                reader.error(QString::fromUtf8(key.key), QLatin1String("unknown key; expected one of ") + knownKeys.join(QLatin1String(", ")));
        }
        config.label = reader.string(entry, "label");
        config.stream = reader.string(entry, "stream");
        config.typeName = reader.string(entry, "type").toUtf8();
        if (!config.typeName.isEmpty() && !isGraphQLName(config.typeName))
            reader.error(QStringLiteral("type"), QStringLiteral("\"%1\" is not a GraphQL name").arg(QString::fromUtf8(config.typeName)));
        config.description = reader.string(entry, "description");
        config.fields = reader.stringList(entry, "fields");
        config.readOnly = reader.stringList(entry, "readOnly").value_or(QStringList());
        if (const Value *descriptions = entry.find("descriptions")) {
            if (!descriptions->isObject())
                reader.error(QStringLiteral("descriptions"), QStringLiteral("must be an object of column: text"));
            for (const Member &description : descriptions->toObject()) {
                if (!description.value.isString())
                    reader.error(QLatin1String("descriptions.") + QString::fromUtf8(description.key), QStringLiteral("must be a string"));
                else
                    config.descriptions.insert(QString::fromUtf8(description.key), description.value.toString());
            }
        }
        models.append(std::move(config));
    }
    return errors.size() == errorsBefore;
}

} // namespace Subscriptor::Model
