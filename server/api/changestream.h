// SPDX-License-Identifier: MIT
#pragma once

#include "catalog.h"
#include "changeevent.h"
#include "value.h"

namespace Subscriptor::Api {

/**
 * The standard change streams `<model>Changes(actions, id)` seen from the server's side: which
 * model a root field streams, which changes its arguments select, and the event as the root value
 * the field maps through its selection set (spec §6.2.3.2 MapSourceToResponseEvent).
 */
class ChangeStream final
{
public:
    /// The model whose stream `fieldName` is, or null (the field is not a change stream).
    static Model::ModelPtr modelFor(const Model::Catalog &catalog, QByteArrayView fieldName);

    struct Filter
    {
        quint8 actions = 0b111; ///< bits of Model::ChangeAction
        QString rowId;          ///< empty: any row
    };
    /// The changes that the field's coerced arguments (`actions`, `id`) ask for.
    static Filter filter(const GraphQL::Value &arguments);

    /// `{action, stream, model, seq, id, changedAt, data, previous}`: what `<model>Changes` resolves to.
    static GraphQL::Value eventValue(const Model::ChangeEvent &event);
};

} // namespace Subscriptor::Api
