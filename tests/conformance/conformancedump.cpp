// SPDX-License-Identifier: MIT
// conformance_dump: what our GraphQL implementation makes of the validation test schema and of the
// conformance corpus, written out for compare.mjs to hold against graphql-js (the reference
// implementation). It only reports; every judgement is made by the node script.
//
//   conformance_dump sdl                   the test schema's SDL (SdlPrinter), no trailing new line
//   conformance_dump introspect <file>     the result (JSON) of the introspection query in <file>
//   conformance_dump corpus <dir|file>...  one JSON line per document (<dir>/*.graphql in name order):
//                                          {"file", "syntaxError", "message", "rules", "printed"}

#include "astprinter.h"
#include "executor.h"
#include "json.h"
#include "parser.h"
#include "sdlprinter.h"
#include "testschema.h"
#include "validator.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>
#include <utility>

using namespace Subscriptor;
using namespace Subscriptor::GraphQL;

namespace {

constexpr int UsageExit = 2;
constexpr int IoExit = 3;

void write(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

bool readFile(const QString &path, QByteArray &out)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "conformance_dump: cannot read %s: %s\n", qPrintable(path), qPrintable(file.errorString()));
        return false;
    }
    out = file.readAll();
    return true;
}

int dumpIntrospection(const SchemaPtr &schema, const QString &queryFile)
{
    QByteArray query;
    if (!readFile(queryFile, query))
        return IoExit;
    ParseResult parsed = Parser::parse(query);
    if (!parsed.document) {
        write(ExecutionResult::fromErrors({*parsed.error}).toJson());
        return 0;
    }
    // The reference query must be valid against any schema; a validation error here is a finding.
    const ErrorList errors = Validator::validate(*schema, *parsed.document);
    if (!errors.isEmpty()) {
        write(ExecutionResult::fromErrors(errors).toJson());
        return 0;
    }
    ExecutionRequest request;
    request.schema = schema;
    request.document = parsed.document;
    write(Executor::execute(request).toJson());
    return 0;
}

Value corpusEntry(const SchemaPtr &schema, const QString &fileName, const QByteArray &source)
{
    ObjectBuilder entry;
    entry.append("file", fileName);
    const ParseResult parsed = Parser::parse(source);
    entry.append("syntaxError", !parsed.document);
    if (!parsed.document) {
        entry.append("message", parsed.error->message);
        entry.append("rules", Value::List());
        entry.append("printed", Value());
        return entry.build();
    }
    entry.append("message", Value());

    QList<QByteArray> rules;
    for (const Error &error : Validator::validate(*schema, *parsed.document)) {
        if (!rules.contains(error.rule))
            rules.append(error.rule);
    }
    std::sort(rules.begin(), rules.end());
    Value::List ruleList;
    for (const QByteArray &rule : rules)
        ruleList.append(Value::fromUtf8(rule));
    entry.append("rules", ruleList);

    // printDocument covers executable definitions; a document with type-system definitions (which
    // the parser keeps only by name) cannot be printed and is not compared.
    const bool executable = parsed.document->typeSystemDefinitions.empty();
    entry.append("printed", executable ? Value::fromUtf8(AstPrinter::printDocument(*parsed.document)) : Value());
    return entry.build();
}

int dumpCorpus(const SchemaPtr &schema, const QStringList &paths)
{
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            const QDir dir(path);
            for (const QString &name : dir.entryList({QStringLiteral("*.graphql")}, QDir::Files, QDir::Name))
                files.append(dir.filePath(name));
        } else {
            files.append(path);
        }
    }
    for (const QString &path : std::as_const(files)) {
        QByteArray source;
        if (!readFile(path, source))
            return IoExit;
        write(Json::serialize(corpusEntry(schema, QFileInfo(path).fileName(), source)) + '\n');
        // One line at a time: if a document crashes us, the lines before it are not lost.
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    const QByteArray command = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    const SchemaPtr schema = Tests::validationTestSchema();
    if (command == "sdl" && argc == 2) {
        write(SdlPrinter::print(*schema));
        return 0;
    }
    if (command == "introspect" && argc == 3)
        return dumpIntrospection(schema, QString::fromLocal8Bit(argv[2]));
    if (command == "corpus" && argc >= 3) {
        QStringList paths;
        for (int i = 2; i < argc; ++i)
            paths.append(QString::fromLocal8Bit(argv[i]));
        return dumpCorpus(schema, paths);
    }
    std::fprintf(stderr, "usage: conformance_dump sdl | introspect <query-file> | corpus <directory|file>...\n");
    return UsageExit;
}
