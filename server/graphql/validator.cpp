// SPDX-License-Identifier: MIT
#include "validator.h"

#include "argumentrules.h"
#include "directiverules.h"
#include "documentrules.h"
#include "fieldrules.h"
#include "fragmentrules.h"
#include "overlappingfields.h"
#include "validationcontext.h"
#include "valuerules.h"
#include "variablerules.h"

namespace Subscriptor::GraphQL {

ErrorList Validator::validate(const Schema &schema, const Ast::Document &document)
{
    // One typed walk of the document, then each group of rules over what it found; the context
    // puts the errors back in the order graphql-js reports them.
    ValidationContext context(schema, document);
    DocumentRules(context).check();
    FieldRules(context).check();
    FragmentRules(context).check();
    VariableRules(context).check();
    DirectiveRules(context).check();
    ArgumentRules(context).check();
    ValueRules(context).check();
    OverlappingFields(context).check();
    return context.takeErrors();
}

} // namespace Subscriptor::GraphQL
