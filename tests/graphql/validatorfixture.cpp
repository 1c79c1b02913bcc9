// SPDX-License-Identifier: MIT
#include "validatorfixture.h"

#include "parser.h"
#include "testschema.h"
#include "validator.h"

#include <QTest>

namespace Subscriptor::Tests {

using namespace GraphQL;

void addColumns()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QStringList>("rules");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("location");
}

void valid(const char *name, const char *document)
{
    QTest::newRow(name) << QByteArray(document) << QStringList() << QString() << QString();
}

void invalid(const char *name, const char *document, std::initializer_list<const char *> rules, const char *message,
             const char *location)
{
    QStringList ruleNames;
    for (const char *rule : rules)
        ruleNames.append(QString::fromLatin1(rule));
    QTest::newRow(name) << QByteArray(document) << ruleNames << QString::fromUtf8(message) << QString::fromLatin1(location);
}

QString locationText(const Ast::Location &location)
{
    return QString::number(location.line) + u':' + QString::number(location.column);
}

void ValidatorFixture::loadSchema()
{
    m_schema = Tests::validationTestSchema();
    QVERIFY(m_schema);
}

void ValidatorFixture::checkRow()
{
    QFETCH(QByteArray, document);
    QFETCH(QStringList, rules);
    QFETCH(QString, message);
    QFETCH(QString, location);

    const ParseResult parsed = Parser::parse(document);
    QVERIFY2(parsed.document, parsed.error ? qPrintable(parsed.error->message) : "no document");
    const ErrorList errors = Validator::validate(*m_schema, *parsed.document);
    QStringList reported;
    for (const Error &error : errors) {
        reported.append(QString::fromLatin1(error.rule));
        QVERIFY2(!error.locations.isEmpty(), qPrintable(error.message));
    }
    QCOMPARE(reported, rules);
    if (errors.isEmpty())
        return;
    QCOMPARE(errors.first().message, message);
    QCOMPARE(locationText(errors.first().locations.first()), location);
}

} // namespace Subscriptor::Tests
