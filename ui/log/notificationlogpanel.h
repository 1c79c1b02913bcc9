// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class QToolButton;

namespace Subscriptor::Ui {

class LogFilterModel;
class NotificationLogModel;
class Workbench;

/**
 * The live notification log: a virtualised table of every frame the workbench's connections send
 * and receive, filters (text, kind, connection, model), pause, a clear that keeps the export,
 * export to NDJSON and CSV, autoscroll that stops when the user scrolls up, and a detail pane with
 * the frame as pretty JSON.
 */
class NotificationLogPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationLogPanel)

public:
    explicit NotificationLogPanel(Workbench &workbench, QWidget *parent = nullptr);
    ~NotificationLogPanel() override;

    QTableView *view() const { return m_view; }
    LogFilterModel *filter() const { return m_filter; }
    bool autoscroll() const { return m_autoscroll; }
    /// Writes the log to `path`, NDJSON or CSV by its suffix; returns how many entries, -1 on error.
    qsizetype exportTo(const QString &path) const;

Q_SIGNALS:
    /// A notification was selected: its model's stream and row.
    void notificationSelected(const QString &stream, const QString &rowId);

private:
    void refreshFilterChoices();
    void updateCount();
    void showSelected();
    void exportLog();

    Workbench &m_workbench;
    NotificationLogModel &m_model;
    LogFilterModel *m_filter;
    QLineEdit *m_text;
    QComboBox *m_kind;
    QComboBox *m_connection;
    QComboBox *m_modelChoice;
    QToolButton *m_pause;
    QLabel *m_count;
    QTableView *m_view;
    QPlainTextEdit *m_detail;
    bool m_autoscroll = true;
};

} // namespace Subscriptor::Ui
