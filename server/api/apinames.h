// SPDX-License-Identifier: MIT
#pragma once

#include "modeldefinition.h"

#include <QByteArray>

/// The names of a model's generated types and fields, in one place (DESIGN.md, Names that clients
/// depend on): User → UserInput, allUsers, userCreate, …
namespace Subscriptor::Api::ApiNames {

inline QByteArray type(const Model::ModelDefinition &m) { return m.typeName; }
inline QByteArray listType(const Model::ModelDefinition &m) { return m.typeName + "ListType"; }
inline QByteArray input(const Model::ModelDefinition &m) { return m.typeName + "Input"; }
inline QByteArray filter(const Model::ModelDefinition &m) { return m.typeName + "Filter"; }
inline QByteArray orderBy(const Model::ModelDefinition &m) { return m.typeName + "OrderBy"; }
inline QByteArray mutationResult(const Model::ModelDefinition &m) { return m.typeName + "MutationResult"; }
inline QByteArray fieldsEnum(const Model::ModelDefinition &m) { return m.typeName + "Fields"; }
inline QByteArray seedSubscription(const Model::ModelDefinition &m) { return m.typeName + "Subscription"; }
inline QByteArray changeEvent(const Model::ModelDefinition &m) { return m.typeName + "ChangeEvent"; }

inline QByteArray single(const Model::ModelDefinition &m) { return m.fieldBase; }
QByteArray all(const Model::ModelDefinition &m); ///< allUsers
inline QByteArray create(const Model::ModelDefinition &m) { return m.fieldBase + "Create"; }
inline QByteArray update(const Model::ModelDefinition &m) { return m.fieldBase + "Update"; }
inline QByteArray remove(const Model::ModelDefinition &m) { return m.fieldBase + "Delete"; }
inline QByteArray subscription(const Model::ModelDefinition &m) { return m.fieldBase + "Subscription"; }
inline QByteArray changes(const Model::ModelDefinition &m) { return m.fieldBase + "Changes"; }
/// The mutation argument: newUser.
inline QByteArray newArgument(const Model::ModelDefinition &m) { return "new" + m.typeName; }

inline constexpr char ActionEnum[] = "ActionSubscriptionEnum";
inline constexpr char OperationEnum[] = "OperationSubscriptionEnum";
inline constexpr char ErrorType[] = "ErrorType";

} // namespace Subscriptor::Api::ApiNames
