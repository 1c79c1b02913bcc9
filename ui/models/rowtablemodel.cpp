// SPDX-License-Identifier: MIT
#include "rowtablemodel.h"

#include "columnfilter.h"
#include "rowvalues.h"
#include "rowwriter.h"
#include "server.h"
#include "servercore.h"

#include <QColor>
#include <QFont>
#include <QSet>

namespace Subscriptor::Ui {

namespace {

using GraphQL::Value;
using Model::ColumnType;
using Model::Row;
using Model::WriteResult;

// A refused edit's cell: light enough for black text, unmistakably not a selection.
const QColor ErrorBackground(0xff, 0xcd, 0xd2);
const QColor QuietText(0x80, 0x80, 0x80);

} // namespace

RowTableModel::RowTableModel(Server &server, RowWriter &writer, QObject *parent)
    : QAbstractTableModel(parent), m_server(server), m_writer(writer)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(RefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &RowTableModel::refresh);
    connect(&m_server, &Server::changesPublished, this, &RowTableModel::onChanges);
    connect(&m_writer, &RowWriter::written, this, &RowTableModel::showResult);
}

RowTableModel::~RowTableModel() = default;

void RowTableModel::setModel(const Model::ModelPtr &model)
{
    beginResetModel();
    m_model = model;
    m_rows.clear();
    m_total = 0;
    m_filters.clear();
    m_filterLines.clear();
    m_errors.clear();
    m_order = Model::Order{model ? model->primaryKey().name : QString(), false};
    m_request = 0;
    m_refreshWanted = false;
    endResetModel();
    if (m_model)
        request(Fetch::Reload);
}

QStringList RowTableModel::setFilters(const QStringList &lines)
{
    QStringList errors;
    QStringList applied;
    QList<Model::Filter> filters;
    for (int section = 0; section < columnCount(); ++section) {
        const QString line = lines.value(section).trimmed();
        QString error;
        const bool ok = ColumnFilter::parse(column(section), line, filters, error);
        errors.append(ok ? QString() : error);
        applied.append(ok ? line : QString());
    }
    if (applied != m_filterLines) {
        m_filterLines = applied;
        m_filters = filters;
        reload();
    }
    return errors;
}

void RowTableModel::reload()
{
    if (m_model)
        request(Fetch::Reload);
}

void RowTableModel::refresh()
{
    if (m_request != 0)
        m_refreshWanted = true;
    else
        request(Fetch::Refresh);
}

QString RowTableModel::idOf(const Row &row) const
{
    return Model::RowCodec::idString(row.value(m_model->primaryKey().name.toUtf8()));
}

QString RowTableModel::rowId(int row) const
{
    return row >= 0 && row < m_rows.size() ? idOf(m_rows[row]) : QString();
}

int RowTableModel::rowOf(const QString &rowId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (idOf(m_rows[row]) == rowId)
            return row;
    }
    return -1;
}

Value RowTableModel::value(const QModelIndex &index) const
{
    if (!index.isValid() || !m_model)
        return {};
    return m_rows.at(index.row()).value(column(index.column()).name.toUtf8());
}

const RowTableModel::CellError *RowTableModel::errorAt(const QModelIndex &index) const
{
    if (m_errors.isEmpty())
        return nullptr;
    const auto it = m_errors.constFind(errorKey(rowId(index.row()), column(index.column()).name));
    return it == m_errors.constEnd() ? nullptr : &it.value();
}

void RowTableModel::request(Fetch kind)
{
    if (!m_model)
        return;
    const quint64 id = m_nextRequest++;
    m_request = id; // an answer to an older read no longer counts
    Model::ListQuery query;
    query.filters = m_filters;
    query.orderBy = {m_order};
    query.offset = kind == Fetch::More ? int(m_rows.size()) : 0;
    // A refresh reads again every row the view holds, so that it can merge them in place.
    const int wanted = kind == Fetch::Refresh ? qMax(int(m_rows.size()), PageSize) : PageSize;
    m_server.call(this, [label = m_model->label, query, wanted](ServerCore &core) {
        Page page;
        const Model::ModelPtr model = RowWriter::coreModel(core, label);
        if (!model) {
            page.error = QStringLiteral("The server has no model %1.").arg(label);
            return page;
        }
        Model::ModelStore &store = core.backend().store();
        page.total = store.count(*model, query.filters, &page.error);
        Model::ListQuery part = query;
        while (page.rows.size() < wanted && page.error.isEmpty()) {
            part.offset = query.offset + int(page.rows.size());
            part.limit = qMin(Model::ListQuery::MaxLimit, wanted - int(page.rows.size()));
            const QList<Row> rows = store.list(*model, part, &page.error);
            page.rows.append(rows);
            if (rows.size() < part.limit)
                break;
        }
        return page;
    }, [this, id, kind](Page page) { received(id, kind, std::move(page)); });
}

void RowTableModel::received(quint64 id, Fetch kind, Page page)
{
    if (id != m_request)
        return;
    m_request = 0;
    if (!page.error.isEmpty()) {
        Q_EMIT message(tr("Cannot read %1: %2").arg(m_model->label, page.error), true);
        if (kind == Fetch::Reload) {
            beginResetModel();
            m_rows.clear();
            m_total = 0;
            endResetModel();
        }
    } else if (kind == Fetch::Reload) {
        beginResetModel();
        m_rows = std::move(page.rows);
        m_total = page.total;
        endResetModel();
    } else if (kind == Fetch::More) {
        // Rows inserted before this page since the last read shift it: skip what is already here.
        QList<Row> fresh;
        for (const Row &row : std::as_const(page.rows)) {
            if (rowOf(idOf(row)) < 0)
                fresh.append(row);
        }
        m_total = page.total;
        if (!fresh.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size() - 1));
            m_rows.append(fresh);
            endInsertRows();
        }
    } else {
        m_total = page.total;
        merge(page.rows);
    }
    // The next read starts before loaded() is told, so that isLoading() says more is coming.
    if (m_refreshWanted) {
        m_refreshWanted = false;
        request(Fetch::Refresh);
    }
    Q_EMIT loaded();
}

void RowTableModel::merge(const QList<Row> &rows)
{
    QHash<QString, qsizetype> position;
    for (qsizetype i = 0; i < rows.size(); ++i)
        position.insert(idOf(rows[i]), i);
    // Rows that are gone (deleted, filtered out, pushed past the end), from the back.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (position.contains(idOf(m_rows[row])))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    qsizetype last = -1;
    bool sameOrder = true;
    for (const Row &row : std::as_const(m_rows)) {
        const qsizetype at = position.value(idOf(row));
        sameOrder = sameOrder && at > last;
        last = at;
    }
    if (sameOrder) {
        // What is here is in order: what differs at a position is new (see the loop's invariant:
        // rows [0, i) match, and every row still here comes later in `rows`).
        for (int i = 0; i < rows.size(); ++i) {
            if (i < m_rows.size() && idOf(m_rows[i]) == idOf(rows[i])) {
                if (m_rows[i] != rows[i]) {
                    m_rows[i] = rows[i];
                    Q_EMIT dataChanged(index(i, 0), index(i, columnCount() - 1));
                }
                continue;
            }
            beginInsertRows({}, i, i);
            m_rows.insert(i, rows[i]);
            endInsertRows();
        }
        return;
    }
    // A change moved rows (a sorted column changed): new rows go to the end first, then one layout
    // change puts all in order, the selection following its rows.
    QSet<QString> here;
    for (const Row &row : std::as_const(m_rows))
        here.insert(idOf(row));
    for (const Row &row : rows) {
        if (here.contains(idOf(row)))
            continue;
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        m_rows.append(row);
        endInsertRows();
    }
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    for (const QModelIndex &index : from)
        to.append(this->index(int(position.value(idOf(m_rows[index.row()]))), index.column()));
    m_rows = rows;
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged();
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void RowTableModel::onChanges(const Model::ChangeEvents &events)
{
    if (!m_model || m_refreshTimer.isActive())
        return;
    for (const Model::ChangeEvent &event : events) {
        if (event.model && event.model->label == m_model->label) {
            m_refreshTimer.start();
            return;
        }
    }
}

void RowTableModel::writeCell(const QModelIndex &index, const Value &value)
{
    const Model::ColumnDefinition &target = column(index.column());
    const QString id = rowId(index.row());
    const Value stored = this->value(index);
    if (value == stored) {
        discardError(index);
        return;
    }
    const QByteArray key = m_model->primaryKey().name.toUtf8();
    const Value keyValue = m_rows.at(index.row()).value(key);
    const Row before = GraphQL::ObjectBuilder(2).append(key, keyValue).append(target.name.toUtf8(), stored).build();
    const Row after = GraphQL::ObjectBuilder(2).append(key, keyValue).append(target.name.toUtf8(), value).build();
    m_writer.edit(m_model, before, after, tr("Edit %1 of %2 %3").arg(target.name, QString::fromUtf8(m_model->typeName), id));
}

void RowTableModel::showResult(const Model::ModelPtr &model, const Row &values, bool deleted, const WriteResult &result,
                               quint64 serial)
{
    const bool shown = m_model && model->label == m_model->label;
    const QString id = Model::RowCodec::idString(values.value(model->primaryKey().name.toUtf8()));
    const int row = shown ? rowOf(id) : -1;
    int section = -1;
    if (result.ok) {
        if (row < 0)
            return; // a create, or a row not in view: the refresh that the change causes shows it
        for (const GraphQL::Member &member : values.toObject()) {
            const auto error = m_errors.constFind(errorKey(id, QString::fromUtf8(member.key)));
            if (error != m_errors.constEnd() && error->since < serial)
                m_errors.erase(error);
        }
        if (deleted) {
            beginRemoveRows({}, row, row); // at once; the refresh confirms it
            m_rows.removeAt(row);
            endRemoveRows();
        } else {
            m_rows[row] = result.row;
            Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
        }
        return;
    }
    QStringList lines;
    for (const Model::FieldError &error : result.errors) {
        const Model::ColumnDefinition *target = model->column(error.column);
        lines.append((target ? error.column + QLatin1String(": ") : QString()) + error.messages.join(u' '));
        if (row < 0 || !target || !values.find(error.column.toUtf8()) || (section = sectionOf(error.column)) < 0)
            continue;
        m_errors.insert(errorKey(id, error.column), CellError{values.value(error.column.toUtf8()), error.messages, serial});
        Q_EMIT dataChanged(index(row, section), index(row, section));
    }
    const QString what = id.isEmpty() ? QString::fromUtf8(model->typeName) : QString::fromUtf8(model->typeName) + u' ' + id;
    Q_EMIT message(tr("Not saved (%1): %2").arg(what, lines.join(QLatin1String("; "))), true);
}

void RowTableModel::markError(const QModelIndex &index, const Value &attempted, const QString &text)
{
    const QString id = rowId(index.row());
    m_errors.insert(errorKey(id, column(index.column()).name), CellError{attempted, {text}, m_writer.lastSerial(), true});
    Q_EMIT dataChanged(index, index);
    Q_EMIT message(tr("Not saved (%1 %2): %3: %4")
                       .arg(QString::fromUtf8(m_model->typeName), id, column(index.column()).name, text), true);
}

void RowTableModel::discardError(const QModelIndex &index)
{
    if (index.isValid() && m_errors.remove(errorKey(rowId(index.row()), column(index.column()).name)))
        Q_EMIT dataChanged(index, index);
}

int RowTableModel::sectionOf(const QString &columnName) const
{
    for (int section = 0; section < columnCount(); ++section) {
        if (column(section).name == columnName)
            return section;
    }
    return -1;
}

int RowTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RowTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_model ? 0 : int(m_model->columns.size());
}

QVariant RowTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_model)
        return {};
    const Model::ColumnDefinition &target = column(index.column());
    const CellError *error = errorAt(index);
    const Value value = error ? error->attempted : this->value(index);
    const bool boolean = target.type == ColumnType::Boolean && (value.isBool() || value.isNull());
    switch (role) {
    case Qt::DisplayRole:
        if (boolean)
            return {}; // the check box says it
        return value.isNull() ? QStringLiteral("NULL") : RowValues::displayText(value);
    case Qt::EditRole:
        // Text refused before the database opens again as it was typed, to be corrected.
        if (error && error->asTyped)
            return error->attempted.toString();
        return RowValues::editValue(value, target.type);
    case Qt::CheckStateRole:
        if (!boolean)
            return {};
        return value.isNull() ? Qt::PartiallyChecked : value.toBool() ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
        if (error)
            return tr("Not saved: %1\nThe database still holds: %2")
                .arg(error->messages.join(u'\n'), RowValues::displayText(this->value(index)));
        if (value.isObject() || value.isList() || (value.isString() && value.toString().size() > 60))
            return RowValues::editValue(value, target.type);
        return {};
    case Qt::BackgroundRole:
        return error ? QVariant(ErrorBackground) : QVariant();
    case Qt::ForegroundRole:
        if (error)
            return QColor(Qt::black); // readable on the light red in any theme
        return value.isNull() || target.readOnly || target.primaryKey ? QVariant(QuietText) : QVariant();
    case Qt::FontRole:
        if (value.isNull()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (target.type == ColumnType::Integer || target.type == ColumnType::Float)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case ErrorRole:
        return error ? error->messages.join(u'\n') : QString();
    default:
        return {};
    }
}

QVariant RowTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical || !m_model || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const Model::ColumnDefinition &target = column(section);
    if (role == Qt::DisplayRole)
        return target.name;
    if (role == Qt::ToolTipRole) {
        QStringList facts{QLatin1String(Model::columnTypeName(target.type))};
        if (target.primaryKey)
            facts.append(tr("primary key"));
        if (target.notNull)
            facts.append(tr("NOT NULL"));
        if (target.unique)
            facts.append(tr("UNIQUE"));
        if (target.readOnly)
            facts.append(tr("read-only"));
        const QString head = target.name + QLatin1String(" (") + facts.join(QLatin1String(", ")) + u')';
        return target.description.isEmpty() ? head : head + u'\n' + target.description;
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags RowTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !m_model)
        return Qt::NoItemFlags;
    const Model::ColumnDefinition &target = column(index.column());
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    // The key says which row a write is for: it is not edited in place.
    if (target.readOnly || target.primaryKey)
        return flags;
    if (target.type == ColumnType::Boolean)
        return flags | Qt::ItemIsUserCheckable;
    return flags | Qt::ItemIsEditable;
}

bool RowTableModel::setData(const QModelIndex &index, const QVariant &input, int role)
{
    if (!index.isValid() || !m_model)
        return false;
    const Model::ColumnDefinition &target = column(index.column());
    if (target.readOnly || target.primaryKey)
        return false;
    Value value;
    if (role == Qt::CheckStateRole && target.type == ColumnType::Boolean) {
        value = input.value<Qt::CheckState>() == Qt::Checked;
    } else if (role == Qt::EditRole) {
        QString error;
        if (!RowValues::fromEditor(input, target, value, error)) {
            markError(index, Value(input.toString()), error);
            return false;
        }
    } else {
        return false;
    }
    writeCell(index, value);
    return true;
}

bool RowTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_model && m_request == 0 && m_rows.size() < m_total;
}

void RowTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        request(Fetch::More);
}

void RowTableModel::sort(int section, Qt::SortOrder order)
{
    if (!m_model || section < 0 || section >= columnCount())
        return;
    const Model::Order wanted{column(section).name, order == Qt::DescendingOrder};
    if (wanted.column == m_order.column && wanted.descending == m_order.descending)
        return;
    m_order = wanted;
    reload();
}

} // namespace Subscriptor::Ui
