// SPDX-License-Identifier: MIT
// The optional JSON models file (`--models FILE`): what it may say of each table, and that every
// problem is reported with the file, the entry and what is wrong (`FILE: models.TABLE.KEY: …`),
// all of them at once rather than the first only.
#include "modelsfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Subscriptor::Model;

namespace {

const QString Source = QStringLiteral("models.json");

} // namespace

class TestModelsFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullEntry();
    void emptyAndMinimalEntries();
    void errors_data();
    void errors();
    void everyErrorIsReported();
    void invalidJson_data();
    void invalidJson();
    void loadFromFile();
    void missingFile();
    void oversizedFile();
};

void TestModelsFile::fullEntry()
{
    const QByteArray json = R"({"models": {
        "auth_user": {"label": "accounts.person", "stream": "people", "type": "Person",
                      "description": "Someone who signs in.", "fields": ["id", "username", "email"],
                      "readOnly": ["id", "email"],
                      "descriptions": {"username": "Unique.", "email": "Where mail goes: \u00e9\ud83d\ude00"}},
        "auth_group": {}
    }})";
    QList<ModelConfig> models;
    QStringList errors;
    QVERIFY(ModelsFile::parse(json, Source, models, errors));
    QCOMPARE(errors, QStringList());
    QCOMPARE(models.size(), 2);

    const ModelConfig &user = models[0];
    QCOMPARE(user.source, Source);
    QCOMPARE(user.table, QStringLiteral("auth_user"));
    QCOMPARE(user.label, QStringLiteral("accounts.person"));
    QCOMPARE(user.stream, QStringLiteral("people"));
    QCOMPARE(user.typeName, QByteArray("Person"));
    QCOMPARE(user.description, QStringLiteral("Someone who signs in."));
    QVERIFY(user.fields.has_value());
    QCOMPARE(*user.fields, (QStringList{QStringLiteral("id"), QStringLiteral("username"), QStringLiteral("email")}));
    QCOMPARE(user.readOnly, (QStringList{QStringLiteral("id"), QStringLiteral("email")}));
    QCOMPARE(user.descriptions.size(), 2);
    QCOMPARE(user.descriptions.value(QStringLiteral("username")), QStringLiteral("Unique."));
    QCOMPARE(user.descriptions.value(QStringLiteral("email")), QStringLiteral("Where mail goes: é😀"));

    // An empty entry derives everything: no field list means every column.
    const ModelConfig &group = models[1];
    QCOMPARE(group.table, QStringLiteral("auth_group"));
    QVERIFY(group.label.isEmpty());
    QVERIFY(group.typeName.isEmpty());
    QVERIFY(!group.fields.has_value());
    QVERIFY(group.readOnly.isEmpty());
}

void TestModelsFile::emptyAndMinimalEntries()
{
    QList<ModelConfig> models;
    QStringList errors;
    QVERIFY(ModelsFile::parse(R"({"models": {}})", Source, models, errors));
    QVERIFY(models.isEmpty());
    QVERIFY(errors.isEmpty());

    // An empty field list is not the same as none: only the primary key is shown.
    QVERIFY(ModelsFile::parse(R"({"models": {"t": {"fields": []}}})", Source, models, errors));
    QCOMPARE(models.size(), 1);
    QVERIFY(models[0].fields.has_value());
    QVERIFY(models[0].fields->isEmpty());
}

void TestModelsFile::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");

    const auto one = [](const char *message) { return QStringList{QString::fromUtf8(message)}; };
    QTest::newRow("top level is a list") << QByteArray(R"([])")
        << one(R"(models.json: must be an object with a "models" object, keyed by table name)");
    QTest::newRow("no models key") << QByteArray(R"({"model": {}})")
        << one(R"(models.json: must be an object with a "models" object, keyed by table name)");
    QTest::newRow("models is a list") << QByteArray(R"({"models": ["auth_user"]})")
        << one(R"(models.json: must be an object with a "models" object, keyed by table name)");
    QTest::newRow("unknown top-level key") << QByteArray(R"({"models": {}, "modles": {"auth_user": {}}})")
        << one("models.json: modles: unknown key; expected models");
    QTest::newRow("entry is not an object") << QByteArray(R"({"models": {"auth_user": "User"}})")
        << one("models.json: models.auth_user: must be an object");
    QTest::newRow("unknown key") << QByteArray(R"({"models": {"auth_user": {"colour": "red"}}})")
        << one("models.json: models.auth_user.colour: unknown key; expected one of label, stream, type, description, "
               "fields, readOnly, descriptions");
    QTest::newRow("key in the wrong case") << QByteArray(R"({"models": {"auth_user": {"readonly": ["id"]}}})")
        << one("models.json: models.auth_user.readonly: unknown key; expected one of label, stream, type, description, "
               "fields, readOnly, descriptions");
    QTest::newRow("label is a number") << QByteArray(R"({"models": {"auth_user": {"label": 5}}})")
        << one("models.json: models.auth_user.label: must be a non-empty string");
    QTest::newRow("stream is empty") << QByteArray(R"({"models": {"auth_user": {"stream": ""}}})")
        << one("models.json: models.auth_user.stream: must be a non-empty string");
    QTest::newRow("description is null") << QByteArray(R"({"models": {"auth_user": {"description": null}}})")
        << one("models.json: models.auth_user.description: must be a non-empty string");
    QTest::newRow("type is not a string") << QByteArray(R"({"models": {"auth_user": {"type": ["User"]}}})")
        << one("models.json: models.auth_user.type: must be a non-empty string");
    QTest::newRow("type starts with a digit") << QByteArray(R"({"models": {"auth_user": {"type": "1User"}}})")
        << one(R"(models.json: models.auth_user.type: "1User" is not a GraphQL name)");
    QTest::newRow("type has a hyphen") << QByteArray(R"({"models": {"auth_user": {"type": "Auth-User"}}})")
        << one(R"(models.json: models.auth_user.type: "Auth-User" is not a GraphQL name)");
    QTest::newRow("type is reserved for introspection") << QByteArray(R"({"models": {"auth_user": {"type": "__User"}}})")
        << one(R"(models.json: models.auth_user.type: "__User" is not a GraphQL name)");
    QTest::newRow("type is not ascii") << QByteArray(R"({"models": {"auth_user": {"type": "Usér"}}})")
        << one(R"(models.json: models.auth_user.type: "Usér" is not a GraphQL name)");
    QTest::newRow("fields is a string") << QByteArray(R"({"models": {"auth_user": {"fields": "id"}}})")
        << one("models.json: models.auth_user.fields: must be a list of column names");
    QTest::newRow("fields holds a number") << QByteArray(R"({"models": {"auth_user": {"fields": ["id", 2, "email"]}}})")
        << one("models.json: models.auth_user.fields[1]: must be a column name");
    QTest::newRow("readOnly is an object") << QByteArray(R"({"models": {"auth_user": {"readOnly": {"id": true}}}})")
        << one("models.json: models.auth_user.readOnly: must be a list of column names");
    QTest::newRow("readOnly holds null") << QByteArray(R"({"models": {"auth_user": {"readOnly": [null]}}})")
        << one("models.json: models.auth_user.readOnly[0]: must be a column name");
    QTest::newRow("descriptions is a list") << QByteArray(R"({"models": {"auth_user": {"descriptions": ["x"]}}})")
        << one("models.json: models.auth_user.descriptions: must be an object of column: text");
    QTest::newRow("description of a column is a number") << QByteArray(R"({"models": {"auth_user": {"descriptions": {"email": 1}}}})")
        << one("models.json: models.auth_user.descriptions.email: must be a string");
    QTest::newRow("table name with odd characters") << QByteArray(R"({"models": {"my table.x": {"colour": 1}}})")
        << one("models.json: models.my table.x.colour: unknown key; expected one of label, stream, type, description, "
               "fields, readOnly, descriptions");
    QTest::newRow("errors in two entries") << QByteArray(R"({"models": {"a": {"label": 1}, "b": {"stream": 2}}})")
        << QStringList{QStringLiteral("models.json: models.a.label: must be a non-empty string"),
                       QStringLiteral("models.json: models.b.stream: must be a non-empty string")};
}

void TestModelsFile::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    QList<ModelConfig> models;
    QStringList errors = {QStringLiteral("an earlier error")};
    QVERIFY(!ModelsFile::parse(json, Source, models, errors));
    // Errors are appended to what the caller already has.
    QCOMPARE(errors, QStringList{QStringLiteral("an earlier error")} + expected);
}

void TestModelsFile::everyErrorIsReported()
{
    // One pass reports every problem of every entry, so that a user fixes the file once.
    const QByteArray json = R"({"models": {
        "auth_user": {"label": "", "type": "1x", "fields": [1, "id", true], "colour": "red",
                      "descriptions": {"id": 5, "email": "ok", "name": []}},
        "auth_group": 7
    }})";
    QList<ModelConfig> models;
    QStringList errors;
    QVERIFY(!ModelsFile::parse(json, Source, models, errors));
    const QStringList expected = {
        QStringLiteral("models.json: models.auth_user.colour: unknown key; expected one of label, stream, type, description, "
                       "fields, readOnly, descriptions"),
        QStringLiteral("models.json: models.auth_user.label: must be a non-empty string"),
        QStringLiteral("models.json: models.auth_user.type: \"1x\" is not a GraphQL name"),
        QStringLiteral("models.json: models.auth_user.fields[0]: must be a column name"),
        QStringLiteral("models.json: models.auth_user.fields[2]: must be a column name"),
        QStringLiteral("models.json: models.auth_user.descriptions.id: must be a string"),
        QStringLiteral("models.json: models.auth_user.descriptions.name: must be a string"),
        QStringLiteral("models.json: models.auth_group: must be an object"),
    };
    QCOMPARE(errors, expected);
}

void TestModelsFile::invalidJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("offset");

    // The offset is the byte where the text stops being JSON.
    QTest::newRow("empty file") << QByteArray("") << 0;
    QTest::newRow("trailing comma") << QByteArray(R"({"models": {"a": {},}})") << 20;
    QTest::newRow("single quotes") << QByteArray(R"({'models': {}})") << 1;
    QTest::newRow("comment") << QByteArray("{\"models\": {} // none\n}") << 14;
    QTest::newRow("missing colon") << QByteArray(R"({"models" {}})") << 10;
    QTest::newRow("unterminated string") << QByteArray(R"({"models": {"a)") << 14; // ends after byte 13
    QTest::newRow("text after the value") << QByteArray(R"({"models": {}} x)") << 15;
    QTest::newRow("offset counts bytes, not characters") << QByteArray("{\"m\u00e9\u00e9\": 1,}") << 12;
}

void TestModelsFile::invalidJson()
{
    QFETCH(QByteArray, json);
    QFETCH(int, offset);
    QList<ModelConfig> models;
    QStringList errors;
    QVERIFY(!ModelsFile::parse(json, Source, models, errors));
    QCOMPARE(errors.size(), 1);
    const QString prefix = QStringLiteral("models.json: not valid JSON at byte %1: ").arg(offset);
    QVERIFY2(errors[0].startsWith(prefix), qPrintable(errors[0]));
    QVERIFY2(errors[0].size() > prefix.size(), "says what is wrong");
    QVERIFY(models.isEmpty());
}

void TestModelsFile::loadFromFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("models.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"models": {"auth_user": {"type": "Person", "colour": "red"}}})");
    file.close();

    QList<ModelConfig> models;
    QStringList errors;
    QVERIFY(!ModelsFile::load(path, models, errors));
    // Messages name the file as it was given.
    QCOMPARE(errors, QStringList{path + QLatin1String(": models.auth_user.colour: unknown key; expected one of label, stream, "
                                                      "type, description, fields, readOnly, descriptions")});
    QCOMPARE(models.size(), 1);
    QCOMPARE(models[0].source, path);
}

void TestModelsFile::missingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("absent.json"));
    QList<ModelConfig> models;
    QStringList errors;
    QVERIFY(!ModelsFile::load(path, models, errors));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors[0].startsWith(path + QLatin1String(": cannot be read: ")), qPrintable(errors[0]));
}

void TestModelsFile::oversizedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // Valid JSON, but past the limit: refused before it is read.
    file.write(R"({"models": {"padding": {"description": ")");
    file.write(QByteArray(5 * 1024 * 1024, 'x'));
    file.write("\"}}}");
    file.close();
    QList<ModelConfig> models;
    QStringList errors;
    QVERIFY(!ModelsFile::load(path, models, errors));
    QCOMPARE(errors, QStringList{path + QLatin1String(": is larger than 4194304 bytes")});
}

QTEST_GUILESS_MAIN(TestModelsFile)
#include "tst_modelsfile.moc"
