// SPDX-License-Identifier: MIT
#pragma once

#include "catalog.h"

#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QUndoStack;

namespace Subscriptor::Ui {

class RowDelegate;
class RowTableModel;
class RowWriter;
class Workbench;

/**
 * The Models panel: pick a model, and edit its rows in a grid, in place and by type. Add,
 * duplicate and delete rows; one filter line per column, aligned with its header section; sort by
 * clicking a header; undo and redo. Every write goes through the server's ModelStore (so it
 * notifies subscribers and has the mutations' checks: a refused one is shown on its cell and in
 * the message line), and changes made elsewhere show up live.
 */
class ModelsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelsPanel)

public:
    /// Typing in a filter line waits this long before the database is asked.
    static constexpr int FilterDelayMs = 300;
    /// selectRow() loads pages until it finds the row, up to this many rows.
    static constexpr int MaxRowsToFind = 20'000;
    static constexpr int MinColumnWidth = 70;
    static constexpr int MaxColumnWidth = 260;

    explicit ModelsPanel(Workbench &workbench, QWidget *parent = nullptr);
    ~ModelsPanel() override;

    RowTableModel *table() const { return m_table; }
    QTableView *view() const { return m_view; }
    QUndoStack &undoStack() const;
    /// The filter line of each column, in column order.
    const QList<QLineEdit *> &filterEdits() const { return m_filters; }
    QLabel *messageLine() const { return m_message; }

    /// Shows the model with this label (`auth.user`).
    void setCurrentModel(const QString &label);
    /// Shows the model of `stream` and selects its row `rowId` (a notification's row).
    void selectRow(const QString &stream, const QString &rowId);

    void addRow();
    void duplicateSelected();
    void deleteSelected();
    /// Sets the current cell to NULL.
    void setCurrentNull();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refreshModels();
    void showModel();
    void rebuildFilters();
    void layoutFilters();
    void applyFilters();
    void onLoaded();
    void showPendingRow();
    void showMessage(const QString &text, bool isError);
    void updateActions();
    void showContextMenu(const QPoint &position);
    QList<int> selectedRows() const;

    Workbench &m_workbench;
    RowWriter *m_writer;
    RowTableModel *m_table;
    RowDelegate *m_delegate;
    QComboBox *m_modelChoice;
    QAction *m_add;
    QAction *m_duplicate;
    QAction *m_delete;
    QAction *m_undo;
    QAction *m_redo;
    QAction *m_refresh;
    QLabel *m_count;
    QWidget *m_filterRow;
    QWidget *m_filterClip;
    QList<QLineEdit *> m_filters;
    QTableView *m_view;
    QLabel *m_message;
    QTimer m_filterTimer;
    QString m_database;
    QString m_pendingRow;    ///< a row to select once it is loaded
    bool m_editPending = false; ///< and to edit (a new row's first cell)
    bool m_fitColumns = false;
};

} // namespace Subscriptor::Ui
