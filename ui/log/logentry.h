// SPDX-License-Identifier: MIT
#pragma once

#include "clientconnection.h"

#include <QDateTime>
#include <QString>

namespace Subscriptor::Ui {

/// One frame a workbench connection sent or received, with what the log shows of it.
struct LogEntry
{
    enum class Direction : quint8 { Sent, Received, Event };

    quint64 number = 0;     ///< 1, 2, 3… in arrival order
    QDateTime time;         ///< when it was sent or received (UTC)
    Direction direction = Direction::Received;
    int connection = 0;     ///< the workbench connection's number
    QString connectionName;
    Client::Protocol protocol = Client::Protocol::Seed;
    QString type;           ///< notification, ack, next, data, error, complete, connection_ack, …
    QString stream;         ///< users
    QString model;          ///< auth.user
    QString action;         ///< create, update, delete
    QString rowId;
    qint64 seq = -1;        ///< the change's sequence number, when the frame carries it
    double latencyMs = -1;  ///< from the change's commit to this frame's receipt, when known
    QString text;           ///< the frame as it went over the wire

    int size() const { return int(text.toUtf8().size()); }
    bool isNotification() const { return !action.isEmpty(); }
};

/// Reads what the log shows (type, stream, action, row, seq) out of a frame of each protocol.
class LogEntryParser final
{
public:
    /// Fills the entry's fields from its `text`. `streamOfField` names the stream of a change
    /// stream field (userChanges → users), for graphql-transport-ws and graphql-ws results.
    static void parse(LogEntry &entry, const std::function<QString(const QString &fieldName)> &streamOfField);
};

} // namespace Subscriptor::Ui
