// SPDX-License-Identifier: MIT
#pragma once

#include "changeevent.h"
#include "modelstore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

namespace Subscriptor {
class Server;
}

namespace Subscriptor::Ui {

class RowWriter;

/**
 * The rows of one model, read and written through the server's ModelStore (Server::call: the job
 * runs in the server thread, the answer comes back here), so that every edit notifies the
 * subscribers. Filters and the sort order go to the database; rows come a page at a time
 * (fetchMore); changes made by anyone are merged in, batched, without resetting the view. Edits go
 * to the RowWriter; one that the store refuses leaves the database as it was and marks its cell
 * with the store's message (tooltip, red background) until it is edited again or discarded.
 */
class RowTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RowTableModel)

public:
    static constexpr int PageSize = 200;
    /// Changes are merged at most this often: 10k changes/s must not mean 10k reads.
    static constexpr int RefreshDelayMs = 250;
    enum Role { ErrorRole = Qt::UserRole + 1 };

    RowTableModel(Server &server, RowWriter &writer, QObject *parent = nullptr);
    ~RowTableModel() override;

    /// Shows another model (null: none); filters and errors start over.
    void setModel(const Model::ModelPtr &model);
    const Model::ModelPtr &model() const { return m_model; }
    const Model::ColumnDefinition &column(int section) const { return m_model->columns.at(section); }
    /// The section of a column by name, -1 if there is none.
    int sectionOf(const QString &columnName) const;
    /// One filter line per column (ColumnFilter syntax); returns the message per column that does
    /// not parse (those lines are left out). Reloads when the filters changed.
    QStringList setFilters(const QStringList &lines);
    /// Reads the rows again from the first page.
    void reload();
    /// Reads the rows shown again and merges them in (after the read in flight, if any).
    void refresh();

    qint64 totalCount() const { return m_total; }
    bool isLoading() const { return m_request != 0; }
    QString rowId(int row) const;
    int rowOf(const QString &rowId) const;
    const Model::Row &row(int row) const { return m_rows.at(row); }
    /// The stored value of a cell (not a rejected edit).
    GraphQL::Value value(const QModelIndex &index) const;

    /// Sets a cell through the store as setData() does, with a value as the API types it.
    void writeCell(const QModelIndex &index, const GraphQL::Value &value);
    /// Forgets a refused edit, showing the stored value again.
    void discardError(const QModelIndex &index);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    /// Rows arrived (a load, a page, merged changes).
    void loaded();
    /// For the message line.
    void message(const QString &text, bool isError);

private:
    struct CellError
    {
        GraphQL::Value attempted;
        QStringList messages;
        /// The last write asked for when the cell was marked: only the success of a later one
        /// clears the mark (an earlier one's answer can come after it, and says nothing of it).
        quint64 since = 0;
        /// `attempted` is the editor's text as typed (it did not parse as the column's type), not a value.
        bool asTyped = false;
    };
    struct Page
    {
        QList<Model::Row> rows;
        qint64 total = -1;
        QString error;
    };
    enum class Fetch : quint8 { Reload, More, Refresh };

    void request(Fetch kind);
    void received(quint64 id, Fetch kind, Page page);
    void merge(const QList<Model::Row> &rows);
    void onChanges(const Model::ChangeEvents &events);
    void showResult(const Model::ModelPtr &model, const Model::Row &values, bool deleted, const Model::WriteResult &result,
                    quint64 serial);
    /// Marks a cell with a value the user gave and why it was not saved.
    void markError(const QModelIndex &index, const GraphQL::Value &attempted, const QString &message);
    QString idOf(const Model::Row &row) const;
    QString errorKey(const QString &rowId, const QString &column) const { return rowId + u'\x1f' + column; }
    const CellError *errorAt(const QModelIndex &index) const;

    Server &m_server;
    RowWriter &m_writer;
    Model::ModelPtr m_model;
    QList<Model::Row> m_rows;
    qint64 m_total = 0;
    QList<Model::Filter> m_filters;
    QStringList m_filterLines;
    Model::Order m_order;
    QHash<QString, CellError> m_errors;
    QTimer m_refreshTimer;
    quint64 m_nextRequest = 1;
    quint64 m_request = 0; ///< the read in flight whose answer counts; 0: none
    bool m_refreshWanted = false;
};

} // namespace Subscriptor::Ui
