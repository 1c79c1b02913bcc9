// SPDX-License-Identifier: MIT
#include "parser.h"

namespace Subscriptor::GraphQL {

namespace {

bool isDirectiveLocation(QByteArrayView name)
{
    static constexpr const char *Locations[] = {
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD",
        "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION",
        "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT",
        "INPUT_FIELD_DEFINITION"};
    for (const char *location : Locations) {
        if (name == location)
            return true;
    }
    return false;
}

bool isTypeSystemKeyword(QByteArrayView name)
{
    return name == "schema" || name == "scalar" || name == "type" || name == "interface" || name == "union"
        || name == "enum" || name == "input" || name == "directive";
}

Ast::TypeSystemPart &addPart(Ast::TypeSystemDefinition &definition, Ast::TypeSystemPart::Kind kind)
{
    Ast::TypeSystemPart &part = definition.parts.emplace_back();
    part.kind = kind;
    return part;
}

/// The directive location of a type-system definition or extension, by its keyword (spec §3.13).
QByteArrayView definitionLocation(QByteArrayView keyword)
{
    if (keyword == "schema")
        return "SCHEMA";
    if (keyword == "scalar")
        return "SCALAR";
    if (keyword == "type")
        return "OBJECT";
    if (keyword == "interface")
        return "INTERFACE";
    if (keyword == "union")
        return "UNION";
    if (keyword == "enum")
        return "ENUM";
    return "INPUT_OBJECT";
}

} // namespace

ParseResult Parser::parse(QByteArray source, const ParserLimits &limits)
{
    if (source.size() > limits.maxDocumentBytes) {
        return {nullptr, Error(QStringLiteral("Syntax Error: The document is larger than %1 bytes.")
                                   .arg(limits.maxDocumentBytes))};
    }
    auto document = std::make_shared<Ast::Document>();
    document->source = std::move(source);
    try {
        Parser parser(document->source, limits);
        parser.parseDocument(*document);
    } catch (const SyntaxError &error) {
        return {nullptr, Error(error.message, {error.location})};
    }
    return {std::move(document), std::nullopt};
}

Parser::Parser(QByteArrayView source, const ParserLimits &limits) : m_lexer(source), m_limits(limits)
{
    advance();
}

void Parser::advance()
{
    m_lastEnd = m_token.location;
    m_token = m_lexer.next();
    // Like graphql-js's maxTokens, the end of the document is not counted.
    if (m_lexer.tokenCount() > m_limits.maxTokens && !peek(TokenKind::EndOfFile)) {
        failAt(m_token.location,
               QStringLiteral("Syntax Error: The document has more than %1 tokens.").arg(m_limits.maxTokens));
    }
}

Token Parser::lookahead() const
{
    Lexer copy = m_lexer;
    return copy.next();
}

QByteArray Parser::tokenText() const
{
    return m_lexer.text(m_token).toByteArray();
}

bool Parser::peekKeyword(QByteArrayView keyword) const
{
    return m_token.kind == TokenKind::Name && m_lexer.text(m_token) == keyword;
}

bool Parser::skip(TokenKind kind)
{
    if (m_token.kind != kind)
        return false;
    advance();
    return true;
}

QString Parser::describe(const Token &token) const
{
    QString description = m_lexer.describe(token);
    if (token.kind == TokenKind::String || token.kind == TokenKind::BlockString)
        description += QLatin1String(" \"") + token.value + u'"';
    return description;
}

void Parser::expect(TokenKind kind)
{
    if (m_token.kind != kind) {
        failAt(m_token.location, QLatin1String("Syntax Error: Expected ") + QLatin1String(Lexer::kindDescription(kind))
                                     + QLatin1String(", found ") + describe(m_token) + u'.');
    }
    advance();
}

void Parser::expectKeyword(QByteArrayView keyword)
{
    if (!peekKeyword(keyword)) {
        failAt(m_token.location, QLatin1String("Syntax Error: Expected \"") + QString::fromUtf8(keyword)
                                     + QLatin1String("\", found ") + describe(m_token) + u'.');
    }
    advance();
}

void Parser::unexpected(const Token &token) const
{
    failAt(token.location, QLatin1String("Syntax Error: Unexpected ") + describe(token) + u'.');
}

void Parser::failAt(const Ast::Location &location, const QString &message) const
{
    throw SyntaxError{message, location};
}

void Parser::enter(const Ast::Location &opening)
{
    if (++m_depth > m_limits.maxDepth) {
        failAt(opening, QStringLiteral("Syntax Error: The document is nested more than %1 levels deep.")
                                     .arg(m_limits.maxDepth));
    }
}

void Parser::parseDocument(Ast::Document &document)
{
    do {
        if (peek(TokenKind::BraceL)) {
            document.definitions.push_back({Ast::Definition::Kind::Operation, qsizetype(document.operations.size())});
            document.operations.push_back(parseOperation());
            continue;
        }
        const bool hasDescription = peekDescription();
        const Token keyword = hasDescription ? lookahead() : m_token;
        if (hasDescription && keyword.kind == TokenKind::BraceL) {
            failAt(m_token.location, QStringLiteral(
                "Syntax Error: Unexpected description, descriptions are not supported on shorthand queries."));
        }
        if (keyword.kind != TokenKind::Name)
            unexpected(keyword);
        const QByteArrayView word = m_lexer.text(keyword);
        if (isTypeSystemKeyword(word)) {
            document.definitions.push_back(
                {Ast::Definition::Kind::TypeSystem, qsizetype(document.typeSystemDefinitions.size())});
            document.typeSystemDefinitions.push_back(parseTypeSystemDefinition());
            continue;
        }
        if (hasDescription) {
            // Descriptions on operations and fragments came after the October 2021 spec (graphql-js
            // 16.15 accepts them); we keep that grammar, with graphql-js 16.0's message for them.
            const bool executable = word == "query" || word == "mutation" || word == "subscription" || word == "fragment";
            failAt(m_token.location, executable
                       ? QStringLiteral("Syntax Error: Unexpected description, descriptions are supported only on type "
                                        "definitions.")
                       : QStringLiteral("Syntax Error: Unexpected description, only GraphQL definitions support "
                                        "descriptions."));
        }
        if (word == "query" || word == "mutation" || word == "subscription") {
            document.definitions.push_back({Ast::Definition::Kind::Operation, qsizetype(document.operations.size())});
            document.operations.push_back(parseOperation());
        } else if (word == "fragment") {
            document.definitions.push_back({Ast::Definition::Kind::Fragment, qsizetype(document.fragments.size())});
            document.fragments.push_back(parseFragment());
        } else if (word == "extend") {
            document.definitions.push_back(
                {Ast::Definition::Kind::TypeSystem, qsizetype(document.typeSystemDefinitions.size())});
            document.typeSystemDefinitions.push_back(parseTypeSystemExtension());
        } else {
            unexpected(keyword);
        }
    } while (!peek(TokenKind::EndOfFile));
}

Ast::Name Parser::parseName()
{
    if (!peek(TokenKind::Name))
        expect(TokenKind::Name);
    Ast::Name name{tokenText(), m_token.location};
    advance();
    return name;
}

Ast::Name Parser::parseFragmentName()
{
    if (peekKeyword("on"))
        unexpected();
    return parseName();
}

Ast::OperationType Parser::parseOperationType()
{
    const Token token = m_token;
    const QByteArray word = tokenText();
    expect(TokenKind::Name);
    if (word == "query")
        return Ast::OperationType::Query;
    if (word == "mutation")
        return Ast::OperationType::Mutation;
    if (word == "subscription")
        return Ast::OperationType::Subscription;
    unexpected(token);
}

Ast::OperationDefinition Parser::parseOperation()
{
    Ast::OperationDefinition operation;
    operation.location = m_token.location;
    if (peek(TokenKind::BraceL)) {
        operation.selectionSet = parseSelectionSet();
        return operation;
    }
    operation.operation = parseOperationType();
    if (peek(TokenKind::Name))
        operation.name = parseName();
    operation.variables = parseVariableDefinitions();
    operation.directives = parseDirectives(false);
    operation.selectionSet = parseSelectionSet();
    return operation;
}

std::vector<Ast::VariableDefinition> Parser::parseVariableDefinitions()
{
    std::vector<Ast::VariableDefinition> variables;
    if (!skip(TokenKind::ParenL))
        return variables;
    do {
        Ast::VariableDefinition variable;
        variable.location = m_token.location;
        expect(TokenKind::Dollar);
        variable.variable = parseName();
        expect(TokenKind::Colon);
        variable.type = parseType();
        if (skip(TokenKind::Equals)) {
            variable.hasDefaultValue = true;
            variable.defaultValue = parseValue(true);
        }
        variable.directives = parseDirectives(true);
        variables.push_back(std::move(variable));
    } while (!skip(TokenKind::ParenR));
    return variables;
}

std::vector<Ast::Selection> Parser::parseSelectionSet(Ast::Location *location)
{
    const Ast::Location opening = m_token.location;
    if (location)
        *location = opening;
    expect(TokenKind::BraceL);
    enter(opening);
    std::vector<Ast::Selection> selections;
    do {
        selections.push_back(parseSelection());
    } while (!skip(TokenKind::BraceR));
    leave();
    return selections;
}

Ast::Selection Parser::parseSelection()
{
    Ast::Selection selection;
    selection.location = m_token.location;
    if (skip(TokenKind::Spread)) {
        const bool hasTypeCondition = peekKeyword("on");
        if (!hasTypeCondition && peek(TokenKind::Name)) {
            selection.kind = Ast::Selection::Kind::FragmentSpread;
            selection.name = parseFragmentName();
            selection.directives = parseDirectives(false);
            return selection;
        }
        selection.kind = Ast::Selection::Kind::InlineFragment;
        if (hasTypeCondition) {
            advance();
            selection.typeCondition = parseName();
        }
        selection.directives = parseDirectives(false);
        selection.selectionSet = parseSelectionSet(&selection.selectionSetLocation);
        return selection;
    }
    selection.kind = Ast::Selection::Kind::Field;
    Ast::Name nameOrAlias = parseName();
    if (skip(TokenKind::Colon)) {
        if (++m_aliases > m_limits.maxAliases) {
            failAt(nameOrAlias.location,
                   QStringLiteral("Syntax Error: The document has more than %1 aliases.").arg(m_limits.maxAliases));
        }
        selection.alias = std::move(nameOrAlias);
        selection.name = parseName();
    } else {
        selection.name = std::move(nameOrAlias);
    }
    selection.arguments = parseArguments(false);
    selection.directives = parseDirectives(false);
    if (peek(TokenKind::BraceL))
        selection.selectionSet = parseSelectionSet(&selection.selectionSetLocation);
    return selection;
}

std::vector<Ast::Argument> Parser::parseArguments(bool isConst)
{
    std::vector<Ast::Argument> arguments;
    if (!skip(TokenKind::ParenL))
        return arguments;
    do {
        Ast::Argument argument;
        argument.name = parseName();
        expect(TokenKind::Colon);
        argument.value = parseValue(isConst);
        arguments.push_back(std::move(argument));
    } while (!skip(TokenKind::ParenR));
    return arguments;
}

std::vector<Ast::Directive> Parser::parseDirectives(bool isConst)
{
    std::vector<Ast::Directive> directives;
    while (peek(TokenKind::At)) {
        Ast::Directive directive;
        directive.location = m_token.location;
        advance();
        directive.name = parseName();
        directive.arguments = parseArguments(isConst);
        directives.push_back(std::move(directive));
    }
    return directives;
}

Ast::ValueNode Parser::parseValue(bool isConst)
{
    Ast::ValueNode value;
    value.location = m_token.location;
    switch (m_token.kind) {
    case TokenKind::BracketL:
        value.kind = Ast::ValueNode::Kind::List;
        advance();
        enter(value.location);
        while (!skip(TokenKind::BracketR))
            value.list.push_back(parseValue(isConst));
        leave();
        return value;
    case TokenKind::BraceL:
        value.kind = Ast::ValueNode::Kind::Object;
        advance();
        enter(value.location);
        while (!skip(TokenKind::BraceR)) {
            Ast::ObjectField field;
            field.name = parseName();
            expect(TokenKind::Colon);
            field.value = parseValue(isConst);
            value.fields.push_back(std::move(field));
        }
        leave();
        return value;
    case TokenKind::Int:
        value.kind = Ast::ValueNode::Kind::Int;
        value.text = tokenText();
        advance();
        return value;
    case TokenKind::Float:
        value.kind = Ast::ValueNode::Kind::Float;
        value.text = tokenText();
        advance();
        return value;
    case TokenKind::String:
    case TokenKind::BlockString:
        value.kind = Ast::ValueNode::Kind::String;
        value.block = m_token.kind == TokenKind::BlockString;
        value.string = m_token.value;
        advance();
        return value;
    case TokenKind::Name: {
        const QByteArray word = tokenText();
        if (word == "true" || word == "false") {
            value.kind = Ast::ValueNode::Kind::Boolean;
            value.boolean = word == "true";
        } else if (word == "null") {
            value.kind = Ast::ValueNode::Kind::Null;
        } else {
            value.kind = Ast::ValueNode::Kind::Enum;
            value.text = word;
        }
        advance();
        return value;
    }
    case TokenKind::Dollar:
        if (isConst) {
            const Token dollar = m_token;
            advance();
            if (peek(TokenKind::Name)) {
                failAt(dollar.location, QLatin1String("Syntax Error: Unexpected variable \"$")
                                            + QString::fromUtf8(tokenText()) + QLatin1String("\" in constant value."));
            }
            unexpected(dollar);
        }
        advance();
        value.kind = Ast::ValueNode::Kind::Variable;
        value.text = parseName().value;
        return value;
    default:
        unexpected();
    }
}

Ast::TypeNode Parser::parseType()
{
    Ast::TypeNode type;
    type.location = m_token.location;
    if (skip(TokenKind::BracketL)) {
        enter(type.location);
        type.kind = Ast::TypeNode::Kind::List;
        type.ofType = std::make_unique<Ast::TypeNode>(parseType());
        expect(TokenKind::BracketR);
        leave();
    } else {
        type.kind = Ast::TypeNode::Kind::Named;
        type.name = parseName();
    }
    if (skip(TokenKind::Bang)) {
        Ast::TypeNode nonNull;
        nonNull.kind = Ast::TypeNode::Kind::NonNull;
        nonNull.location = type.location;
        nonNull.ofType = std::make_unique<Ast::TypeNode>(std::move(type));
        return nonNull;
    }
    return type;
}

Ast::FragmentDefinition Parser::parseFragment()
{
    Ast::FragmentDefinition fragment;
    fragment.location = m_token.location;
    expectKeyword("fragment");
    fragment.name = parseFragmentName();
    expectKeyword("on");
    fragment.typeCondition = parseName();
    fragment.directives = parseDirectives(false);
    fragment.selectionSet = parseSelectionSet();
    return fragment;
}

// ---- Type-system definitions: the grammar of spec §3, checked so that a document which
// graphql-js parses we parse too; the validator then reports them as not executable. The type
// names and directives inside are recorded as Ast::TypeSystemPart, in document order.

void Parser::skipDescription()
{
    if (peekDescription())
        advance();
}

qsizetype Parser::beginNode(Ast::TypeSystemDefinition &definition)
{
    addPart(definition, Ast::TypeSystemPart::Kind::Node);
    return qsizetype(definition.parts.size()) - 1;
}

bool Parser::parseConstDirectives(Ast::TypeSystemDefinition &definition, qsizetype node, QByteArrayView location)
{
    std::vector<Ast::Directive> directives = parseDirectives(true);
    if (directives.empty())
        return false;
    Ast::TypeSystemPart &part = addPart(definition, Ast::TypeSystemPart::Kind::Directives);
    part.node = node;
    part.directiveLocation = location.toByteArray();
    part.directives = std::move(directives);
    return true;
}

void Parser::parseNamedType(Ast::TypeSystemDefinition &definition)
{
    Ast::Name name = parseName();
    addPart(definition, Ast::TypeSystemPart::Kind::NamedType).name = std::move(name);
}

void Parser::parseTypeReference(Ast::TypeSystemDefinition &definition)
{
    const Ast::TypeNode type = parseType();
    addPart(definition, Ast::TypeSystemPart::Kind::NamedType).name = type.namedType();
}

Ast::TypeSystemDefinition Parser::parseTypeSystemDefinition()
{
    Ast::TypeSystemDefinition definition;
    definition.location = m_token.location;
    skipDescription();
    definition.keyword = tokenText();
    advance();
    const qsizetype node = beginNode(definition); // the definition itself is always the first part
    const QByteArray &keyword = definition.keyword;
    if (keyword == "schema") {
        parseConstDirectives(definition, node, "SCHEMA");
        if (!parseRootOperationTypes(definition))
            expect(TokenKind::BraceL);
        return definition;
    }
    if (keyword == "directive") {
        expect(TokenKind::At);
        definition.name = parseName();
        parseArgumentDefinitions(definition);
        if (peekKeyword("repeatable")) {
            definition.repeatable = true;
            advance();
        }
        expectKeyword("on");
        parseDirectiveLocations(definition);
        return definition;
    }
    definition.name = parseName();
    const QByteArrayView location = definitionLocation(keyword);
    if (keyword == "scalar") {
        parseConstDirectives(definition, node, location);
    } else if (keyword == "type" || keyword == "interface") {
        parseImplementsInterfaces(definition);
        parseConstDirectives(definition, node, location);
        parseFieldsDefinition(definition);
    } else if (keyword == "union") {
        parseConstDirectives(definition, node, location);
        parseUnionMembers(definition);
    } else if (keyword == "enum") {
        parseConstDirectives(definition, node, location);
        parseEnumValues(definition);
    } else if (keyword == "input") {
        parseConstDirectives(definition, node, location);
        parseInputFieldsDefinition(definition, "INPUT_FIELD_DEFINITION");
    }
    return definition;
}

Ast::TypeSystemDefinition Parser::parseTypeSystemExtension()
{
    Ast::TypeSystemDefinition definition;
    definition.location = m_token.location;
    expectKeyword("extend");
    if (m_token.kind != TokenKind::Name)
        unexpected();
    definition.keyword = "extend " + tokenText();
    const QByteArray keyword = tokenText();
    if (!isTypeSystemKeyword(keyword) || keyword == "directive")
        unexpected();
    advance();
    const qsizetype node = beginNode(definition); // the extension itself is always the first part
    const QByteArrayView location = definitionLocation(keyword);
    bool hasContent = false;
    if (keyword == "schema") {
        hasContent = parseConstDirectives(definition, node, location);
        hasContent = parseRootOperationTypes(definition) || hasContent;
    } else {
        definition.name = parseName();
        if (keyword == "scalar") {
            hasContent = parseConstDirectives(definition, node, location);
        } else if (keyword == "type" || keyword == "interface") {
            hasContent = parseImplementsInterfaces(definition);
            hasContent = parseConstDirectives(definition, node, location) || hasContent;
            hasContent = parseFieldsDefinition(definition) || hasContent;
        } else if (keyword == "union") {
            hasContent = parseConstDirectives(definition, node, location);
            hasContent = parseUnionMembers(definition) || hasContent;
        } else if (keyword == "enum") {
            hasContent = parseConstDirectives(definition, node, location);
            hasContent = parseEnumValues(definition) || hasContent;
        } else if (keyword == "input") {
            hasContent = parseConstDirectives(definition, node, location);
            // graphql-js's KnownDirectivesRule names INPUT_FIELD_DEFINITION only inside an input
            // object type *definition*: the fields of an extension are ARGUMENT_DEFINITION to it.
            hasContent = parseInputFieldsDefinition(definition, "ARGUMENT_DEFINITION") || hasContent;
        }
    }
    if (!hasContent)
        unexpected();
    return definition;
}

bool Parser::parseRootOperationTypes(Ast::TypeSystemDefinition &definition)
{
    if (!skip(TokenKind::BraceL))
        return false;
    do {
        parseOperationType();
        expect(TokenKind::Colon);
        parseNamedType(definition);
    } while (!skip(TokenKind::BraceR));
    return true;
}

bool Parser::parseImplementsInterfaces(Ast::TypeSystemDefinition &definition)
{
    if (!peekKeyword("implements"))
        return false;
    advance();
    skip(TokenKind::Amp);
    do {
        parseNamedType(definition);
    } while (skip(TokenKind::Amp));
    return true;
}

bool Parser::parseFieldsDefinition(Ast::TypeSystemDefinition &definition)
{
    if (!skip(TokenKind::BraceL))
        return false;
    do {
        const qsizetype node = beginNode(definition);
        skipDescription();
        parseName();
        parseArgumentDefinitions(definition);
        expect(TokenKind::Colon);
        parseTypeReference(definition);
        parseConstDirectives(definition, node, "FIELD_DEFINITION");
    } while (!skip(TokenKind::BraceR));
    return true;
}

void Parser::parseArgumentDefinitions(Ast::TypeSystemDefinition &definition)
{
    if (!skip(TokenKind::ParenL))
        return;
    do {
        parseInputValueDefinition(definition, "ARGUMENT_DEFINITION");
    } while (!skip(TokenKind::ParenR));
}

void Parser::parseInputValueDefinition(Ast::TypeSystemDefinition &definition, QByteArrayView location)
{
    const qsizetype node = beginNode(definition);
    skipDescription();
    parseName();
    expect(TokenKind::Colon);
    parseTypeReference(definition);
    if (skip(TokenKind::Equals)) {
        Ast::ValueNode value = parseValue(true);
        addPart(definition, Ast::TypeSystemPart::Kind::DefaultValue).value = std::move(value);
    }
    parseConstDirectives(definition, node, location);
}

bool Parser::parseInputFieldsDefinition(Ast::TypeSystemDefinition &definition, QByteArrayView location)
{
    if (!skip(TokenKind::BraceL))
        return false;
    do {
        parseInputValueDefinition(definition, location);
    } while (!skip(TokenKind::BraceR));
    return true;
}

bool Parser::parseUnionMembers(Ast::TypeSystemDefinition &definition)
{
    if (!skip(TokenKind::Equals))
        return false;
    skip(TokenKind::Pipe);
    do {
        parseNamedType(definition);
    } while (skip(TokenKind::Pipe));
    return true;
}

bool Parser::parseEnumValues(Ast::TypeSystemDefinition &definition)
{
    if (!skip(TokenKind::BraceL))
        return false;
    do {
        const qsizetype node = beginNode(definition);
        skipDescription();
        // graphql-js checks the token's value whatever its kind (a second string too).
        const QString word = peek(TokenKind::Name) ? QString::fromUtf8(tokenText()) : m_token.value;
        if (word == u"true" || word == u"false" || word == u"null") {
            failAt(m_token.location, QLatin1String("Syntax Error: ") + describe(m_token)
                                         + QLatin1String(" is reserved and cannot be used for an enum value."));
        }
        parseName();
        parseConstDirectives(definition, node, "ENUM_VALUE");
    } while (!skip(TokenKind::BraceR));
    return true;
}

void Parser::parseDirectiveLocations(Ast::TypeSystemDefinition &definition)
{
    skip(TokenKind::Pipe);
    do {
        if (!peek(TokenKind::Name))
            expect(TokenKind::Name);
        if (!isDirectiveLocation(m_lexer.text(m_token)))
            unexpected();
        definition.directiveLocations.append(tokenText());
        advance();
    } while (skip(TokenKind::Pipe));
}

} // namespace Subscriptor::GraphQL
