// SPDX-License-Identifier: MIT
#include "apinames.h"

#include "naming.h"

namespace Subscriptor::Api::ApiNames {

QByteArray all(const Model::ModelDefinition &m)
{
    // allUsers: the plural of the type name, as graphene-django-extras names list fields.
    return "all" + Model::Naming::plural(QString::fromUtf8(m.typeName)).toUtf8();
}

} // namespace Subscriptor::Api::ApiNames
