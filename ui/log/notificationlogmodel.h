// SPDX-License-Identifier: MIT
#pragma once

#include "logentry.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <deque>

class QIODevice;

namespace Subscriptor::Ui {

/**
 * Every frame the workbench's connections send and receive, for a virtualised table. Entries are
 * taken in batches a few times a second, so a stream of 100k frames a second costs the view a
 * handful of updates; past the retention cap the oldest go. Clear hides what came before it but
 * keeps it for export; pause holds new entries back from the view without losing them.
 */
class NotificationLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationLogModel)

public:
    enum Column { Number, Time, Direction, Connection, Protocol, Type, Stream, Action, Row, Seq, Latency, Size, ColumnCount };
    enum Role { EntryTextRole = Qt::UserRole + 1, EntryTypeRole, EntryConnectionRole, EntryModelRole, EntryStreamRole,
                EntryRowRole, EntryNotificationRole, EntryDirectionRole };

    static constexpr int DefaultRetention = 100'000;
    static constexpr int FlushIntervalMs = 100;

    explicit NotificationLogModel(QObject *parent = nullptr);
    ~NotificationLogModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Takes an entry; it reaches the view with the next batch.
    void append(LogEntry entry);
    const LogEntry &entry(int row) const;
    /// Every entry the log still holds, cleared ones included, oldest first.
    qsizetype retainedCount() const { return qsizetype(m_entries.size() + m_pending.size()); }

    void setRetention(int entries);
    int retention() const { return m_retention; }
    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    /// Hides the entries so far from the view; exports still have them.
    void clear();
    /// Writes every retained entry as one JSON object per line; returns the count written.
    qsizetype exportNdjson(QIODevice &device) const;
    /// Writes every retained entry as CSV with a header row; returns the count written.
    qsizetype exportCsv(QIODevice &device) const;

public Q_SLOTS:
    /// Moves the pending entries into the view now.
    void flush();

Q_SIGNALS:
    void entriesAdded(int count);

private:
    template<typename Visit>
    void forEachRetained(Visit visit) const;
    void dropOldest();

    std::deque<LogEntry> m_entries; // the view's rows start at m_firstVisible
    std::vector<LogEntry> m_pending;
    qsizetype m_firstVisible = 0;
    int m_retention = DefaultRetention;
    bool m_paused = false;
    QTimer m_flushTimer;
};

} // namespace Subscriptor::Ui
