// SPDX-License-Identifier: MIT
// Regenerates introspection-query.graphql and introspection-result.json, what tst_introspection
// compares with, from introspection-schema.graphql with graphql-js 16:
//   cd tests/graphql/data && NODE_PATH=/path/to/node_modules node introspection-generate.js
const g = require('graphql');
const fs = require('fs');

const built = g.buildSchema(fs.readFileSync('introspection-schema.graphql', 'utf8'));
// graphql-js 16.15 has things of spec drafts later than October 2021, which we leave out: the
// @oneOf directive with __Type.isOneOf, the DIRECTIVE_DEFINITION location (also of @deprecated) and
// __Directive.isDeprecated/deprecationReason with __Schema.directives(includeDeprecated:).
const schema = new g.GraphQLSchema({ ...built.toConfig(), directives: built.getDirectives().filter((d) => d.name !== 'oneOf') });
function stripDrafts(result) {
  for (const type of result.data.__schema.types) {
    if (type.name === '__Directive') type.fields = type.fields.filter((f) => f.name !== 'isDeprecated' && f.name !== 'deprecationReason');
    if (type.name === '__Type') type.fields = type.fields.filter((f) => f.name !== 'isOneOf');
    if (type.name === '__Schema') type.fields.find((f) => f.name === 'directives').args = [];
    if (type.name === '__DirectiveLocation') type.enumValues = type.enumValues.filter((v) => v.name !== 'DIRECTIVE_DEFINITION');
  }
  for (const directive of result.data.__schema.directives)
    directive.locations = directive.locations.filter((l) => l !== 'DIRECTIVE_DEFINITION');
  return result;
}

const query = g.getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true,
                                        schemaDescription: true, inputValueDeprecation: true });
const result = g.graphqlSync({ schema, source: query });
if (result.errors)
  throw result.errors[0];
fs.writeFileSync('introspection-query.graphql', query.trim() + '\n');
fs.writeFileSync('introspection-result.json', JSON.stringify(stripDrafts(result), null, 2) + '\n');
