// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <chrono>

namespace Subscriptor::Bench {

/**
 * Runs graphql_reference.mjs under Node.js: writes the request to its standard input and returns
 * what it prints. The script needs graphql-js installed in tests/js (`npm ci` there).
 */
class ReferenceRunner final
{
public:
    enum class Status { Ok, Unavailable, Failed };

    ReferenceRunner(QString node, QString script);

    /// Ok when node and graphql-js are both there; otherwise why not, in `reason`.
    Status check(QString *reason) const;
    /// The script's answer, or Failed with its error output in `reason`.
    Status run(const QByteArray &request, std::chrono::seconds timeout, QByteArray *answer, QString *reason) const;

private:
    QString m_node;
    QString m_script;
};

} // namespace Subscriptor::Bench
