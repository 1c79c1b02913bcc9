// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Subscriptor::Ui {

/// A JSON text indented for reading, keys in their original order; text that is not JSON comes
/// back unchanged.
QString prettyJson(const QString &json);

} // namespace Subscriptor::Ui
