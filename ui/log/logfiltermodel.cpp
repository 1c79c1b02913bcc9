// SPDX-License-Identifier: MIT
#include "logfiltermodel.h"

#include "notificationlogmodel.h"

namespace Subscriptor::Ui {

LogFilterModel::LogFilterModel(QObject *parent) : QSortFilterProxyModel(parent) { }

void LogFilterModel::setText(const QString &text)
{
    m_text = text;
    invalidateFilter();
}

void LogFilterModel::setKind(Kind kind)
{
    m_kind = kind;
    invalidateFilter();
}

void LogFilterModel::setConnection(int connection)
{
    m_connection = connection;
    invalidateFilter();
}

void LogFilterModel::setModelLabel(const QString &label)
{
    m_model = label;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_connection != 0 && index.data(NotificationLogModel::EntryConnectionRole).toInt() != m_connection)
        return false;
    if (!m_model.isEmpty() && index.data(NotificationLogModel::EntryModelRole).toString() != m_model)
        return false;
    const QString type = index.data(NotificationLogModel::EntryTypeRole).toString();
    const bool notification = index.data(NotificationLogModel::EntryNotificationRole).toBool();
    switch (m_kind) {
    case Kind::All:
        break;
    case Kind::Notifications:
        if (!notification)
            return false;
        break;
    case Kind::Sent:
        if (index.data(NotificationLogModel::EntryDirectionRole).toInt() != int(LogEntry::Direction::Sent))
            return false;
        break;
    case Kind::Errors:
        if (!type.contains(QLatin1String("error")))
            return false;
        break;
    case Kind::ProtocolMessages:
        if (notification)
            return false;
        break;
    }
    return m_text.isEmpty() || index.data(NotificationLogModel::EntryTextRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace Subscriptor::Ui
