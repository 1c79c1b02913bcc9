// SPDX-License-Identifier: MIT
#include "referencerunner.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace Subscriptor::Bench {

namespace {

// Where the script looks for graphql-js (its createRequire base), relative to the script.
constexpr QLatin1String GraphQLPackage("../js/node_modules/graphql/package.json");
constexpr int StartTimeoutMs = 10'000;

} // namespace

ReferenceRunner::ReferenceRunner(QString node, QString script) : m_node(std::move(node)), m_script(std::move(script)) { }

ReferenceRunner::Status ReferenceRunner::check(QString *reason) const
{
    if (QStandardPaths::findExecutable(m_node).isEmpty()) {
        *reason = QLatin1String("Node.js (\"") + m_node + QLatin1String("\") is not installed");
        return Status::Unavailable;
    }
    if (!QFileInfo::exists(m_script)) {
        *reason = QLatin1String("the reference script ") + m_script + QLatin1String(" is missing");
        return Status::Unavailable;
    }
    const QString package = QFileInfo(m_script).dir().filePath(GraphQLPackage);
    if (!QFileInfo::exists(package)) {
        *reason = QLatin1String("graphql-js is not installed (") + QDir::cleanPath(package)
            + QLatin1String(" is missing): run `npm ci` in tests/js");
        return Status::Unavailable;
    }
    return Status::Ok;
}

ReferenceRunner::Status ReferenceRunner::run(const QByteArray &request, std::chrono::seconds timeout,
                                             QByteArray *answer, QString *reason) const
{
    QProcess process;
    process.setProgram(QStandardPaths::findExecutable(m_node));
    process.setArguments({m_script});
    process.start();
    if (!process.waitForStarted(StartTimeoutMs)) {
        *reason = QLatin1String("could not start ") + m_node + QLatin1String(": ") + process.errorString();
        return Status::Unavailable;
    }
    process.write(request);
    process.closeWriteChannel();
    if (!process.waitForFinished(int(std::chrono::milliseconds(timeout).count()))) {
        process.kill();
        process.waitForFinished();
        *reason = QLatin1String("graphql_reference.mjs did not finish within ") + QString::number(timeout.count())
            + QLatin1String(" s");
        return Status::Failed;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *reason = QLatin1String("graphql_reference.mjs failed (exit code ") + QString::number(process.exitCode())
            + QLatin1String("): ") + QString::fromUtf8(process.readAllStandardError());
        return Status::Failed;
    }
    *answer = process.readAllStandardOutput();
    return Status::Ok;
}

} // namespace Subscriptor::Bench
