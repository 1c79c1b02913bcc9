// SPDX-License-Identifier: MIT
// libFuzzer target for the GraphQL engine: every input is parsed; a document that parses is
// validated against the specification's validation schema; a valid one is executed, each of its
// operations in turn, and every response and error list is serialised to JSON.
//
// An input may carry variables: the bytes after the first NUL are read as a JSON object (NUL
// cannot appear in a GraphQL document, so nothing is lost). That fuzzes the JSON parser and
// variable coercion too.
//
// The schema's resolvers return fixed values and change nothing, and its data ends after a few
// levels, so an execution is bounded by the document alone (whose depth the parser limits).
// The harness checks two properties besides "no crash, no sanitizer report":
//   - a document that parses prints to text that parses again, and prints the same;
//   - validation of the same document gives the same errors twice (no hidden state).

#include "astprinter.h"
#include "executor.h"
#include "json.h"
#include "parser.h"
#include "testschema.h"
#include "validator.h"

#include <QByteArray>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Subscriptor;
using namespace Subscriptor::GraphQL;

namespace {

// Larger inputs only make each run slower; the parser's own limits are tested elsewhere.
constexpr size_t MaxInputBytes = 16 * 1024;

[[noreturn]] void fail(const char *property, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz_graphql: %s\n%s\n", property, detail.constData());
    std::abort();
}

void checkPrintRoundTrip(const Ast::Document &document)
{
    const QByteArray printed = AstPrinter::printDocument(document);
    if (printed.isEmpty())
        return; // type-system definitions only: nothing executable to print
    const ParseResult reparsed = Parser::parse(printed);
    if (!reparsed.document)
        fail("printed document does not parse", printed + "\n-> " + reparsed.error->message.toUtf8());
    const QByteArray again = AstPrinter::printDocument(*reparsed.document);
    if (again != printed)
        fail("printing is not stable", printed + "\n-> " + again);
}

void execute(const SchemaPtr &schema, const DocumentPtr &document, const Value &variables)
{
    for (const Ast::OperationDefinition &operation : document->operations) {
        const ExecutionRequest request{schema, document, operation.name.value, variables};
        const ExecutionResult result = Executor::execute(request);
        const QByteArray json = result.toJson();
        if (json.isEmpty())
            fail("empty response", {});
        if (operation.name.isEmpty())
            break; // an anonymous operation is the document's only one (LoneAnonymousOperationRule)
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > MaxInputBytes)
        return 0;
    static const SchemaPtr schema = Tests::validationTestSchema();

    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype separator = input.indexOf('\0');
    const QByteArray source = separator < 0 ? input : input.first(separator);
    Value variables;
    if (separator >= 0)
        variables = Json::parse(QByteArrayView(input).sliced(separator + 1));

    const ParseResult parsed = Parser::parse(source);
    if (!parsed.document)
        return 0;
    checkPrintRoundTrip(*parsed.document);

    const ErrorList errors = Validator::validate(*schema, *parsed.document);
    const QByteArray errorsJson = Json::serialize(errorsToValue(errors));
    if (Json::serialize(errorsToValue(Validator::validate(*schema, *parsed.document))) != errorsJson)
        fail("validation is not deterministic", source);
    if (errors.isEmpty())
        execute(schema, parsed.document, variables);
    return 0;
}
