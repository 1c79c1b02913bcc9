// SPDX-License-Identifier: MIT
#include "notificationlogmodel.h"

#include "json.h"

#include <QBrush>
#include <QIODevice>
#include <QPalette>

namespace Subscriptor::Ui {

namespace {

QString directionText(LogEntry::Direction direction)
{
    switch (direction) {
    case LogEntry::Direction::Sent: return QStringLiteral("↑ sent");
    case LogEntry::Direction::Received: return QStringLiteral("↓ received");
    case LogEntry::Direction::Event: return QStringLiteral("• event");
    }
    return {};
}

// The direction as exports name it, the same word in every format: sent, received, event.
QString directionName(LogEntry::Direction direction)
{
    switch (direction) {
    case LogEntry::Direction::Sent: return QStringLiteral("sent");
    case LogEntry::Direction::Received: return QStringLiteral("received");
    case LogEntry::Direction::Event: return QStringLiteral("event");
    }
    return {};
}

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u'"', QLatin1String("\"\""));
    return u'"' + quoted + u'"';
}

QStringList csvRow(const LogEntry &entry)
{
    return {QString::number(entry.number), entry.time.toString(Qt::ISODateWithMs), directionName(entry.direction),
            entry.connectionName, Client::protocolName(entry.protocol), entry.type, entry.stream, entry.action,
            entry.rowId, entry.seq >= 0 ? QString::number(entry.seq) : QString(),
            entry.latencyMs >= 0 ? QString::number(entry.latencyMs, 'f', 1) : QString(), QString::number(entry.size()),
            entry.text};
}

} // namespace

NotificationLogModel::NotificationLogModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_flushTimer.setInterval(FlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &NotificationLogModel::flush);
}

NotificationLogModel::~NotificationLogModel() = default;

int NotificationLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(qsizetype(m_entries.size()) - m_firstVisible);
}

int NotificationLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const LogEntry &NotificationLogModel::entry(int row) const
{
    return m_entries[size_t(m_firstVisible + row)];
}

QVariant NotificationLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const LogEntry &e = entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Number: return QString::number(e.number);
        case Time: return e.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case Direction: return directionText(e.direction);
        case Connection: return e.connectionName;
        case Protocol: return Client::protocolName(e.protocol);
        case Type: return e.type;
        case Stream: return e.stream;
        case Action: return e.action;
        case Row: return e.rowId;
        case Seq: return e.seq >= 0 ? QString::number(e.seq) : QString();
        case Latency: return e.latencyMs >= 0 ? QString::number(e.latencyMs, 'f', 1) : QString();
        case Size: return QString::number(e.size());
        default: return {};
        }
    case Qt::ToolTipRole:
        return e.text.left(2000);
    case Qt::TextAlignmentRole:
        if (index.column() == Number || index.column() == Seq || index.column() == Latency || index.column() == Size)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (e.type == QLatin1String("error") || e.type == QLatin1String("connection_error"))
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (e.direction == LogEntry::Direction::Sent)
            return QBrush(QColor(0x15, 0x65, 0xc0));
        return {};
    case EntryTextRole: return e.text;
    case EntryTypeRole: return e.type;
    case EntryConnectionRole: return e.connection;
    case EntryModelRole: return e.model;
    case EntryStreamRole: return e.stream;
    case EntryRowRole: return e.rowId;
    case EntryNotificationRole: return e.isNotification();
    case EntryDirectionRole: return int(e.direction);
    default:
        return {};
    }
}

QVariant NotificationLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const Titles[ColumnCount] = {"#", "Time", "Direction", "Connection", "Protocol", "Type",
                                                    "Stream", "Action", "Row", "Seq", "Latency ms", "Size"};
    return section >= 0 && section < ColumnCount ? tr(Titles[section]) : QVariant();
}

void NotificationLogModel::append(LogEntry entry)
{
    m_pending.push_back(std::move(entry));
    // Past the cap, the oldest pending entries go too, so a paused log stays bounded.
    if (qsizetype(m_pending.size()) > m_retention)
        m_pending.erase(m_pending.begin(), m_pending.begin() + qsizetype(m_pending.size()) - m_retention);
    if (!m_flushTimer.isActive() && !m_paused)
        m_flushTimer.start();
}

void NotificationLogModel::flush()
{
    if (m_pending.empty() || m_paused) {
        m_flushTimer.stop();
        return;
    }
    const int count = int(m_pending.size());
    const int first = rowCount();
    beginInsertRows(QModelIndex(), first, first + count - 1);
    for (LogEntry &entry : m_pending)
        m_entries.push_back(std::move(entry));
    m_pending.clear();
    endInsertRows();
    dropOldest();
    Q_EMIT entriesAdded(count);
}

void NotificationLogModel::dropOldest()
{
    const qsizetype excess = qsizetype(m_entries.size()) - m_retention;
    if (excess <= 0)
        return;
    // Entries hidden by clear() go first, without touching the view.
    const qsizetype hidden = qMin(excess, m_firstVisible);
    m_entries.erase(m_entries.begin(), m_entries.begin() + hidden);
    m_firstVisible -= hidden;
    const qsizetype visible = excess - hidden;
    if (visible <= 0)
        return;
    beginRemoveRows(QModelIndex(), 0, int(visible) - 1);
    m_entries.erase(m_entries.begin(), m_entries.begin() + visible);
    endRemoveRows();
}

void NotificationLogModel::setRetention(int entries)
{
    m_retention = qMax(1, entries);
    dropOldest();
}

void NotificationLogModel::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused)
        flush();
}

void NotificationLogModel::clear()
{
    flush();
    if (rowCount() == 0)
        return;
    beginResetModel();
    m_firstVisible = qsizetype(m_entries.size());
    endResetModel();
}

template<typename Visit>
void NotificationLogModel::forEachRetained(Visit visit) const
{
    for (const LogEntry &entry : m_entries)
        visit(entry);
    for (const LogEntry &entry : m_pending)
        visit(entry);
}

qsizetype NotificationLogModel::exportNdjson(QIODevice &device) const
{
    qsizetype count = 0;
    forEachRetained([&](const LogEntry &entry) {
        GraphQL::ObjectBuilder line(13);
        line.append("number", qint64(entry.number));
        line.append("time", entry.time.toString(Qt::ISODateWithMs));
        line.append("direction", directionName(entry.direction));
        line.append("connection", entry.connectionName);
        line.append("protocol", Client::protocolName(entry.protocol));
        line.append("type", entry.type);
        line.append("stream", entry.stream.isEmpty() ? GraphQL::Value() : GraphQL::Value(entry.stream));
        line.append("action", entry.action.isEmpty() ? GraphQL::Value() : GraphQL::Value(entry.action));
        line.append("row", entry.rowId.isEmpty() ? GraphQL::Value() : GraphQL::Value(entry.rowId));
        line.append("seq", entry.seq >= 0 ? GraphQL::Value(entry.seq) : GraphQL::Value());
        line.append("latencyMs", entry.latencyMs >= 0 ? GraphQL::Value(entry.latencyMs) : GraphQL::Value());
        line.append("size", entry.size());
        line.append("frame", entry.text);
        device.write(GraphQL::Json::serialize(line.build()) + '\n');
        ++count;
    });
    return count;
}

qsizetype NotificationLogModel::exportCsv(QIODevice &device) const
{
    device.write("number,time,direction,connection,protocol,type,stream,action,row,seq,latency_ms,size,frame\r\n");
    qsizetype count = 0;
    forEachRetained([&](const LogEntry &entry) {
        QStringList fields;
        for (const QString &field : csvRow(entry))
            fields.append(csvField(field));
        device.write(fields.join(u',').toUtf8() + "\r\n");
        ++count;
    });
    return count;
}

} // namespace Subscriptor::Ui
