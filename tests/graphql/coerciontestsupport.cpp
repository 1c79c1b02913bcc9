// SPDX-License-Identifier: MIT
#include "coerciontestsupport.h"

#include "parser.h"

#include <QStringList>

namespace Subscriptor::Tests {

using namespace GraphQL;

namespace {

/*
 * The same schema as this SDL, which the expected values were computed with:
 *
 *   scalar Json
 *   enum Color { RED GREEN BLUE }
 *   input Point { x: Int!  y: Int = 0  label: String }
 *   input Filter { color: Color = RED  ids: [ID!]  point: Point = {x: 1}  nested: Filter  tags: [String] = "a" }
 *   input Required { a: Int!  b: [String!]! }
 *   type Query {
 *     f(i: Int, fl: Float, s: String, b: Boolean, id: ID, c: Color, p: Point, fi: Filter, li: [Int], lni: [Int!],
 *       ll: [[Int]], j: Json): String
 *     g(ni: Int!, dflt: Int = 5, nl: [Int]!, r: Required): String
 *   }
 *
 * plus `enum Level { LOW HIGH }` whose internal values are 1 and 2.
 */
SchemaPtr buildSchema()
{
    SchemaBuilder builder;
    builder.addScalarType("Json");
    Type &color = builder.addEnumType("Color");
    for (const char *name : {"RED", "GREEN", "BLUE"})
        color.addEnumValue(name);
    Type &level = builder.addEnumType("Level");
    level.addEnumValue("LOW", Value(1), QString());
    level.addEnumValue("HIGH", Value(2), QString());

    Type &point = builder.addInputObjectType("Point");
    point.addInputField("x", "Int!");
    point.addInputField("y", "Int").setDefaultValue(0);
    point.addInputField("label", "String");
    Type &filter = builder.addInputObjectType("Filter");
    filter.addInputField("color", "Color").setDefaultValue(QStringLiteral("RED"));
    filter.addInputField("ids", "[ID!]");
    filter.addInputField("point", "Point").setDefaultValue(ObjectBuilder().append("x", 1).build());
    filter.addInputField("nested", "Filter");
    filter.addInputField("tags", "[String]").setDefaultValue(QStringLiteral("a"));
    Type &required = builder.addInputObjectType("Required");
    required.addInputField("a", "Int!");
    required.addInputField("b", "[String!]!");

    Type &query = builder.addObjectType("Query");
    Field &f = query.addField("f", "String");
    const char *const arguments[][2] = {{"i", "Int"}, {"fl", "Float"}, {"s", "String"}, {"b", "Boolean"}, {"id", "ID"},
                                        {"c", "Color"}, {"p", "Point"}, {"fi", "Filter"}, {"li", "[Int]"},
                                        {"lni", "[Int!]"}, {"ll", "[[Int]]"}, {"j", "Json"}};
    for (const auto &argument : arguments)
        f.addArgument(argument[0], argument[1]);
    Field &g = query.addField("g", "String");
    g.addArgument("ni", "Int!");
    g.addArgument("dflt", "Int").setDefaultValue(5);
    g.addArgument("nl", "[Int]!");
    g.addArgument("r", "Required");
    query.addField("level", "Level").addArgument("l", "Level");

    QStringList errors;
    SchemaPtr schema = builder.build(&errors);
    if (!schema)
        qFatal("%s", qPrintable(errors.join(u'\n')));
    return schema;
}

} // namespace

const Schema &schema()
{
    static const SchemaPtr built = buildSchema();
    return *built;
}

const Type *type(QByteArrayView reference)
{
    const Type *found = schema().typeFromString(reference);
    if (!found)
        qFatal("unknown type %s", reference.toByteArray().constData());
    return found;
}

std::shared_ptr<const Ast::Document> parseLiteral(const QByteArray &literal, const Ast::ValueNode **node)
{
    ParseResult result = Parser::parse("{ f(a: " + literal + ") }");
    if (!result.document)
        qFatal("%s", qPrintable(result.error->message));
    *node = &result.document->operations.at(0).selectionSet.at(0).arguments.at(0).value;
    return result.document;
}

} // namespace Subscriptor::Tests
