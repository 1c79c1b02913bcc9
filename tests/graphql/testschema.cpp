// SPDX-License-Identifier: MIT
#include "testschema.h"

#include <QStringList>

namespace Subscriptor::Tests {

using namespace GraphQL;

namespace {

void addPets(SchemaBuilder &builder)
{
    builder.addInterfaceType("Being").addField("name", "String").addArgument("surname", "Boolean");
    builder.addInterfaceType("Mammal")
        .addField("mother", "Mammal");
    builder.type("Mammal")->addField("father", "Mammal");
    builder.addInterfaceType("Sentient", QStringLiteral("Something that thinks.")).addField("name", "String!");
    builder.addInterfaceType("Pet").addField("name", "String!");
    builder.addInterfaceType("Canine").addInterface("Mammal").addField("name", "String").addArgument("surname", "Boolean");
    builder.type("Canine")->addField("mother", "Canine");
    builder.type("Canine")->addField("father", "Canine");

    builder.addEnumType("DogCommand", QStringLiteral("What a dog understands."))
        .addEnumValue("SIT", QStringLiteral("Sit down."));
    builder.type("DogCommand")->addEnumValue("HEEL");
    builder.type("DogCommand")->addEnumValue("DOWN").deprecate(QStringLiteral("Use SIT."));
    builder.addEnumType("CatCommand").addEnumValue("JUMP");

    Type &dog = builder.addObjectType("Dog", QStringLiteral("A good boy."));
    dog.addInterface("Pet").addInterface("Mammal").addInterface("Canine");
    dog.addField("name", "String!").addArgument("surname", "Boolean");
    dog.addField("nickname", "String");
    dog.addField("barkVolume", "Int");
    dog.addField("barks", "Boolean");
    dog.addField("doesKnowCommand", "Boolean!").addArgument("dogCommand", "DogCommand!");
    dog.addField("isHouseTrained", "Boolean!").addArgument("atOtherHomes", "Boolean").setDefaultValue(true);
    dog.addField("isAtLocation", "Boolean").addArgument("x", "Int");
    dog.addField("owner", "Human");
    dog.addField("mother", "Dog");
    dog.addField("father", "Dog");

    Type &cat = builder.addObjectType("Cat");
    cat.addInterface("Pet").addInterface("Being");
    cat.addField("name", "String!").addArgument("surname", "Boolean");
    cat.addField("nickname", "String");
    cat.addField("meows", "Boolean");
    cat.addField("meowsVolume", "Int");
    cat.addField("meowVolume", "Int");
    cat.addField("doesKnowCommand", "Boolean!").addArgument("catCommand", "CatCommand!");
    cat.addField("furColor", "FurColor");

    builder.addEnumType("FurColor").addEnumValue("BROWN");
    for (const char *color : {"BLACK", "TAN", "SPOTTED", "NO_FUR", "UNKNOWN"})
        builder.type("FurColor")->addEnumValue(color);

    Type &human = builder.addObjectType("Human");
    human.addInterface("Sentient").addInterface("Being");
    human.addField("name", "String!").addArgument("surname", "Boolean");
    human.addField("pets", "[Pet!]");
    human.addField("relatives", "[Human]");
    human.addField("iq", "Int");

    Type &alien = builder.addObjectType("Alien");
    alien.addInterface("Sentient").addInterface("Being");
    alien.addField("name", "String!").addArgument("surname", "Boolean");
    alien.addField("homePlanet", "String");
    alien.addField("numEyes", "Int");

    builder.addUnionType("CatOrDog").addMember("Cat").addMember("Dog");
    builder.addUnionType("DogOrHuman").addMember("Dog").addMember("Human");
    builder.addUnionType("HumanOrAlien").addMember("Human").addMember("Alien");
}

void addArguments(SchemaBuilder &builder)
{
    Type &arguments = builder.addObjectType("Arguments");
    Field &multiple = arguments.addField("multipleRequirements", "Int!");
    multiple.addArgument("x", "Int!");
    multiple.addArgument("y", "Int!");
    arguments.addField("booleanArgField", "Boolean").addArgument("booleanArg", "Boolean");
    arguments.addField("floatArgField", "Float").addArgument("floatArg", "Float");
    arguments.addField("intArgField", "Int").addArgument("intArg", "Int");
    arguments.addField("nonNullBooleanArgField", "Boolean!").addArgument("nonNullBooleanArg", "Boolean!");
    arguments.addField("booleanListArgField", "[Boolean]").addArgument("booleanListArg", "[Boolean]!");
    arguments.addField("optionalNonNullBooleanArgField", "Boolean!")
        .addArgument("optionalBooleanArg", "Boolean!").setDefaultValue(false);

    Type &complexInput = builder.addInputObjectType("ComplexInput");
    complexInput.addInputField("requiredField", "Boolean!");
    complexInput.addInputField("nonNullField", "Boolean!").setDefaultValue(false);
    complexInput.addInputField("intField", "Int");
    complexInput.addInputField("stringField", "String");
    complexInput.addInputField("booleanField", "Boolean");
    complexInput.addInputField("stringListField", "[String]");

    Type &args = builder.addObjectType("ComplicatedArgs");
    args.addField("intArgField", "String").addArgument("intArg", "Int");
    args.addField("nonNullIntArgField", "String").addArgument("nonNullIntArg", "Int!");
    args.addField("stringArgField", "String").addArgument("stringArg", "String");
    args.addField("booleanArgField", "String").addArgument("booleanArg", "Boolean");
    args.addField("enumArgField", "String").addArgument("enumArg", "FurColor");
    args.addField("floatArgField", "String").addArgument("floatArg", "Float");
    args.addField("idArgField", "String").addArgument("idArg", "ID");
    args.addField("stringListArgField", "String").addArgument("stringListArg", "[String]");
    args.addField("stringListNonNullArgField", "String").addArgument("stringListNonNullArg", "[String!]");
    args.addField("complexArgField", "String").addArgument("complexArg", "ComplexInput");
    Field &multipleReqs = args.addField("multipleReqs", "String");
    multipleReqs.addArgument("req1", "Int!");
    multipleReqs.addArgument("req2", "Int!");
    args.addField("nonNullFieldWithDefault", "String").addArgument("arg", "Int!").setDefaultValue(0);
    Field &multipleOpts = args.addField("multipleOpts", "String");
    multipleOpts.addArgument("opt1", "Int").setDefaultValue(0);
    multipleOpts.addArgument("opt2", "Int").setDefaultValue(0);
    Field &multipleOptAndReq = args.addField("multipleOptAndReq", "String");
    multipleOptAndReq.addArgument("req1", "Int!");
    multipleOptAndReq.addArgument("req2", "Int!");
    multipleOptAndReq.addArgument("opt1", "Int").setDefaultValue(0);
    multipleOptAndReq.addArgument("opt2", "Int").setDefaultValue(0);

    builder.addInputObjectType("FindDogInput").addInputField("name", "String");
    builder.type("FindDogInput")->addInputField("owner", "String");
}

void addRoots(SchemaBuilder &builder)
{
    builder.addScalarType("Invalid", QStringLiteral("A scalar that rejects every input.")).setCoercion(
        [](const Value &in, Value &out, QString &) { out = in; return true; },
        [](const Value &in, Value &, QString &error) {
            error = QLatin1String("Invalid scalar is always invalid: ") + QString::number(int(in.kind()));
            return false;
        },
        [](const Ast::ValueNode &, const Value &, Value &, QString &error) {
            error = QStringLiteral("Invalid scalar is always invalid.");
            return false;
        });
    builder.addScalarType("Any").setSpecifiedByUrl(QStringLiteral("https://example.com/any"));

    Type &query = builder.addObjectType("Query", QStringLiteral("The root of every query."));
    query.addField("dog", "Dog").setResolver([](ResolveInfo &) {
        return ObjectBuilder().append("name", QStringLiteral("Rex")).append("barkVolume", 3).build();
    });
    query.addField("findDog", "Dog").addArgument("searchBy", "FindDogInput");
    query.addField("cat", "Cat");
    query.addField("human", "Human").addArgument("id", "ID");
    query.addField("alien", "Alien");
    query.addField("pet", "Pet");
    query.addField("catOrDog", "CatOrDog");
    query.addField("dogOrHuman", "DogOrHuman");
    query.addField("humanOrAlien", "HumanOrAlien");
    query.addField("being", "Being");
    query.addField("sentient", "Sentient");
    query.addField("mammal", "Mammal");
    query.addField("canine", "Canine");
    query.addField("arguments", "Arguments");
    query.addField("complicatedArgs", "ComplicatedArgs");
    query.addField("invalidArg", "String").addArgument("arg", "Invalid");
    query.addField("anyArg", "String").addArgument("arg", "Any");
    query.addField("oldField", "String").deprecate(QStringLiteral("Use `dog`."));

    builder.addObjectType("Message").addField("body", "String");
    builder.type("Message")->addField("sender", "String");
    Type &subscription = builder.addObjectType("Subscription");
    subscription.addField("newMessage", "Message");
    subscription.addField("disallowedSecondRootField", "Boolean");
    subscription.addField("importantEmails", "[String]");

    builder.addObjectType("Mutation").addField("addDog", "Dog").addArgument("name", "String!");
}

void addDirectives(SchemaBuilder &builder)
{
    using L = DirectiveLocation;
    builder.addDirective("onQuery", {L::Query});
    builder.addDirective("onMutation", {L::Mutation});
    builder.addDirective("onSubscription", {L::Subscription});
    builder.addDirective("onField", {L::Field});
    builder.addDirective("onFragmentDefinition", {L::FragmentDefinition});
    builder.addDirective("onFragmentSpread", {L::FragmentSpread});
    builder.addDirective("onInlineFragment", {L::InlineFragment});
    builder.addDirective("onVariableDefinition", {L::VariableDefinition});
    builder.addDirective("repeatable", {L::Field, L::FragmentSpread}).repeatable = true;
    builder.addDirective("withArgs", {L::Field}, QStringLiteral("A directive with arguments."))
        .addArgument("limit", "Int!");
    builder.addDirective("onSchemaElement", {L::Object, L::FieldDefinition, L::Schema});
}

} // namespace

SchemaPtr validationTestSchema()
{
    SchemaBuilder builder;
    builder.setDescription(QStringLiteral("The schema of the specification's validation examples."));
    addPets(builder);
    addArguments(builder);
    addRoots(builder);
    addDirectives(builder);
    QStringList errors;
    SchemaPtr schema = builder.build(&errors);
    if (!schema)
        qFatal("validationTestSchema: %s", qPrintable(errors.join(u'\n')));
    return schema;
}

} // namespace Subscriptor::Tests
