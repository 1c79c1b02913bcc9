// SPDX-License-Identifier: MIT
#include "modelspanel.h"

#include "columnfilter.h"
#include "panelteardown.h"
#include "rowdelegate.h"
#include "rowtablemodel.h"
#include "rowvalues.h"
#include "rowwriter.h"
#include "workbench.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Subscriptor::Ui {

namespace {

const QString ErrorStyle = QStringLiteral("color: #b00020;");
const QString BadFilterStyle = QStringLiteral("QLineEdit { background: #ffcdd2; color: black; }");

QAction *action(QWidget *owner, const QString &name, const QString &text, const QString &tip)
{
    auto *result = new QAction(text, owner);
    result->setObjectName(name);
    result->setToolTip(tip);
    return result;
}

} // namespace

ModelsPanel::ModelsPanel(Workbench &workbench, QWidget *parent)
    : QWidget(parent), m_workbench(workbench), m_writer(new RowWriter(workbench.server(), this)),
      m_table(new RowTableModel(workbench.server(), *m_writer, this)), m_delegate(new RowDelegate(this)),
      m_modelChoice(new QComboBox(this)), m_count(new QLabel(this)), m_filterRow(new QWidget(this)),
      m_filterClip(new QWidget(m_filterRow)), m_view(new QTableView(this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("modelsPanel"));
    m_modelChoice->setObjectName(QStringLiteral("modelsModelChoice"));
    m_modelChoice->setToolTip(tr("The model (table) whose rows the grid shows"));
    m_modelChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_add = action(this, QStringLiteral("modelsAdd"), tr("Add"), tr("Add a row (Ctrl+Ins); required text gets a placeholder to edit"));
    m_duplicate = action(this, QStringLiteral("modelsDuplicate"), tr("Duplicate"), tr("Copy the selected rows as new rows (Ctrl+D)"));
    m_delete = action(this, QStringLiteral("modelsDelete"), tr("Delete"), tr("Delete the selected rows (Del)"));
    m_undo = action(this, QStringLiteral("modelsUndo"), tr("Undo"), tr("Undo"));
    m_redo = action(this, QStringLiteral("modelsRedo"), tr("Redo"), tr("Redo"));
    m_refresh = action(this, QStringLiteral("modelsRefresh"), tr("Refresh"), tr("Read the rows again (F5)"));
    m_add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Insert));
    m_duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_delete->setShortcut(QKeySequence::Delete);
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo->setShortcut(QKeySequence::Redo);
    m_refresh->setShortcut(QKeySequence::Refresh);
    // Shortcuts of this panel only: other panels have their own Undo and Delete.
    for (QAction *each : {m_add, m_duplicate, m_undo, m_redo, m_refresh}) {
        each->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(each);
    }
    m_delete->setShortcutContext(Qt::WidgetShortcut); // not while a cell or filter is edited
    m_view->addAction(m_delete);

    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(QStringLiteral("modelsToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addWidget(new QLabel(tr("Model "), toolbar));
    toolbar->addWidget(m_modelChoice);
    toolbar->addSeparator();
    toolbar->addActions({m_add, m_duplicate, m_delete});
    toolbar->addSeparator();
    toolbar->addActions({m_undo, m_redo});
    toolbar->addSeparator();
    toolbar->addAction(m_refresh);
    m_count->setObjectName(QStringLiteral("modelsCount"));
    auto *top = new QHBoxLayout;
    top->addWidget(toolbar, 1);
    top->addWidget(m_count);

    m_view->setObjectName(QStringLiteral("modelsGrid"));
    m_view->setModel(m_table);
    m_view->setItemDelegate(m_delegate);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->setSortingEnabled(true);
    m_view->viewport()->installEventFilter(this);

    m_filterRow->setObjectName(QStringLiteral("modelsFilterRow"));
    m_filterRow->setFixedHeight(QLineEdit().sizeHint().height());
    m_message->setObjectName(QStringLiteral("modelsMessage"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_filterRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);

    QUndoStack &stack = m_writer->undoStack();
    connect(m_modelChoice, &QComboBox::currentIndexChanged, this, &ModelsPanel::showModel);
    connect(m_add, &QAction::triggered, this, &ModelsPanel::addRow);
    connect(m_duplicate, &QAction::triggered, this, &ModelsPanel::duplicateSelected);
    connect(m_delete, &QAction::triggered, this, &ModelsPanel::deleteSelected);
    connect(m_undo, &QAction::triggered, &stack, &QUndoStack::undo);
    connect(m_redo, &QAction::triggered, &stack, &QUndoStack::redo);
    connect(m_refresh, &QAction::triggered, m_table, &RowTableModel::reload);
    connect(&stack, &QUndoStack::indexChanged, this, &ModelsPanel::updateActions);
    connect(&stack, &QUndoStack::cleanChanged, this, &ModelsPanel::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ModelsPanel::updateActions);
    connect(m_view, &QTableView::customContextMenuRequested, this, &ModelsPanel::showContextMenu);
    connect(m_table, &RowTableModel::loaded, this, &ModelsPanel::onLoaded);
    connect(m_table, &RowTableModel::message, this, &ModelsPanel::showMessage);
    connect(m_table, &QAbstractItemModel::modelReset, this, &ModelsPanel::updateActions);
    connect(m_writer, &RowWriter::created, this, [this](const Model::ModelPtr &model, const QStringList &ids) {
        showMessage(tr("Created %1 %2").arg(QString::fromUtf8(model->typeName), ids.join(QLatin1String(", "))), false);
        if (m_table->model() && model->label == m_table->model()->label && !ids.isEmpty()) {
            m_pendingRow = ids.last();
            m_table->refresh(); // the change will be merged anyway; do not wait for it
        }
    });
    connect(m_writer, &RowWriter::removed, this, [this](const Model::ModelPtr &model, const QStringList &ids) {
        showMessage(tr("Deleted %1 %2").arg(QString::fromUtf8(model->typeName), ids.join(QLatin1String(", "))), false);
    });

    // The filter row follows the header: section sizes, order, scrolling, the row numbers' width.
    QHeaderView *header = m_view->horizontalHeader();
    connect(header, &QHeaderView::sectionResized, this, &ModelsPanel::layoutFilters);
    connect(header, &QHeaderView::sectionMoved, this, &ModelsPanel::layoutFilters);
    connect(header, &QHeaderView::geometriesChanged, this, &ModelsPanel::layoutFilters);
    connect(m_view->verticalHeader(), &QHeaderView::geometriesChanged, this, &ModelsPanel::layoutFilters);
    connect(m_view->horizontalScrollBar(), &QScrollBar::valueChanged, this, &ModelsPanel::layoutFilters);
    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(FilterDelayMs);
    connect(&m_filterTimer, &QTimer::timeout, this, &ModelsPanel::applyFilters);

    Server &server = workbench.server();
    connect(&server, &Server::catalogChanged, this, &ModelsPanel::refreshModels);
    refreshModels();
    updateActions();
}

ModelsPanel::~ModelsPanel()
{
    m_view->viewport()->removeEventFilter(this);
    disconnectChildren(this);
}

QUndoStack &ModelsPanel::undoStack() const
{
    return m_writer->undoStack();
}

void ModelsPanel::refreshModels()
{
    // Another database: its rows are not the ones the undo steps know.
    if (m_workbench.config().backend.database != m_database) {
        m_database = m_workbench.config().backend.database;
        m_writer->undoStack().clear();
    }
    const QString current = m_modelChoice->currentData().toString();
    {
        const QSignalBlocker block(m_modelChoice);
        m_modelChoice->clear();
        if (const Model::CatalogPtr &catalog = m_workbench.server().catalog()) {
            for (const Model::ModelPtr &model : catalog->models())
                m_modelChoice->addItem(QStringLiteral("%1 (%2)").arg(model->label, model->stream), model->label);
        }
        m_modelChoice->setCurrentIndex(qMax(0, m_modelChoice->findData(current)));
    }
    showModel();
}

void ModelsPanel::setCurrentModel(const QString &label)
{
    const int index = m_modelChoice->findData(label);
    if (index >= 0)
        m_modelChoice->setCurrentIndex(index);
}

void ModelsPanel::showModel()
{
    const Model::CatalogPtr &catalog = m_workbench.server().catalog();
    const Model::ModelPtr model = catalog ? catalog->modelByLabel(m_modelChoice->currentData().toString()) : nullptr;
    if (model == m_table->model())
        return;
    m_table->setModel(model);
    m_fitColumns = true;
    rebuildFilters();
    if (model) {
        // Rows come ordered by key: say so, and let a click on a header change it.
        const QSignalBlocker block(m_view->horizontalHeader());
        m_view->horizontalHeader()->setSortIndicator(m_table->sectionOf(model->primaryKey().name), Qt::AscendingOrder);
    }
    updateActions();
}

void ModelsPanel::rebuildFilters()
{
    qDeleteAll(m_filters);
    m_filters.clear();
    if (!m_table->model())
        return;
    for (int section = 0; section < m_table->columnCount(); ++section) {
        const Model::ColumnDefinition &column = m_table->column(section);
        auto *edit = new QLineEdit(m_filterClip);
        edit->setObjectName(QLatin1String("modelsFilter_") + column.name);
        edit->setPlaceholderText(tr("Filter"));
        edit->setClearButtonEnabled(true);
        edit->setToolTip(ColumnFilter::help(column));
        connect(edit, &QLineEdit::textChanged, this, [this] { m_filterTimer.start(); });
        connect(edit, &QLineEdit::returnPressed, this, &ModelsPanel::applyFilters);
        edit->show();
        m_filters.append(edit);
    }
    layoutFilters();
}

void ModelsPanel::layoutFilters()
{
    // The row starts where the grid's first section starts: after the frame and the row numbers.
    QHeaderView *header = m_view->horizontalHeader();
    const int left = m_view->frameWidth() + (m_view->verticalHeader()->isVisible() ? m_view->verticalHeader()->width() : 0);
    m_filterClip->setGeometry(left, 0, m_view->viewport()->width(), m_filterRow->height());
    for (int section = 0; section < m_filters.size(); ++section) {
        QLineEdit *edit = m_filters[section];
        edit->setVisible(!header->isSectionHidden(section));
        edit->setGeometry(header->sectionViewportPosition(section), 0, header->sectionSize(section), m_filterRow->height());
    }
}

void ModelsPanel::applyFilters()
{
    m_filterTimer.stop();
    QStringList lines;
    for (const QLineEdit *edit : std::as_const(m_filters))
        lines.append(edit->text());
    const QStringList errors = m_table->setFilters(lines);
    for (int section = 0; section < m_filters.size(); ++section) {
        const QString error = errors.value(section);
        m_filters[section]->setStyleSheet(error.isEmpty() ? QString() : BadFilterStyle);
        const QString help = ColumnFilter::help(m_table->column(section));
        m_filters[section]->setToolTip(error.isEmpty() ? help : QStringLiteral("<b>%1</b><br>%2").arg(error.toHtmlEscaped(), help));
        if (!error.isEmpty())
            showMessage(tr("Filter on %1 left out: %2").arg(m_table->column(section).name, error), true);
    }
}

void ModelsPanel::onLoaded()
{
    if (m_fitColumns && m_table->rowCount() > 0) {
        m_fitColumns = false;
        m_view->resizeColumnsToContents();
        for (int section = 0; section < m_table->columnCount(); ++section)
            m_view->setColumnWidth(section, qBound(MinColumnWidth, m_view->columnWidth(section), MaxColumnWidth));
    }
    const qint64 total = m_table->totalCount();
    m_count->setText(m_table->rowCount() < total ? tr("%1 of %2 rows loaded").arg(m_table->rowCount()).arg(total)
                                                 : total == 1 ? tr("1 row") : tr("%1 rows").arg(total));
    showPendingRow();
    updateActions();
}

void ModelsPanel::selectRow(const QString &stream, const QString &rowId)
{
    const Model::CatalogPtr &catalog = m_workbench.server().catalog();
    const Model::ModelPtr model = catalog ? catalog->modelByStream(stream) : nullptr;
    if (!model || rowId.isEmpty())
        return;
    m_pendingRow = rowId;
    m_editPending = false;
    if (!m_table->model() || m_table->model()->label != model->label)
        setCurrentModel(model->label); // shown once its rows are loaded
    else
        showPendingRow();
}

void ModelsPanel::showPendingRow()
{
    if (m_pendingRow.isEmpty() || !m_table->model())
        return;
    const int row = m_table->rowOf(m_pendingRow);
    if (row < 0) {
        if (m_table->isLoading())
            return; // onLoaded() comes back
        if (m_table->canFetchMore({}) && m_table->rowCount() < MaxRowsToFind) {
            m_table->fetchMore({});
            return;
        }
        showMessage(tr("%1 %2 is not among the rows shown (see the filters).")
                        .arg(QString::fromUtf8(m_table->model()->typeName), m_pendingRow), false);
        m_pendingRow.clear();
        return;
    }
    m_pendingRow.clear();
    int section = 0;
    if (m_editPending) {
        // A new row: straight into its first cell that can be typed into.
        while (section < m_table->columnCount() && !(m_table->flags(m_table->index(row, section)) & Qt::ItemIsEditable))
            ++section;
        section = section < m_table->columnCount() ? section : 0;
    }
    const QModelIndex index = m_table->index(row, section);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    if (m_editPending && (m_table->flags(index) & Qt::ItemIsEditable)) {
        m_view->setFocus();
        m_view->edit(index);
    }
    m_editPending = false;
}

QList<int> ModelsPanel::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedIndexes()) {
        if (!rows.contains(index.row()))
            rows.append(index.row());
    }
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_view->currentIndex().row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void ModelsPanel::addRow()
{
    if (const Model::ModelPtr &model = m_table->model()) {
        m_editPending = true;
        m_writer->create(model, {RowValues::newRow(*model)}, tr("Add %1").arg(QString::fromUtf8(model->typeName)));
    }
}

void ModelsPanel::duplicateSelected()
{
    const Model::ModelPtr &model = m_table->model();
    const QList<int> rows = selectedRows();
    if (!model || rows.isEmpty())
        return;
    QList<Model::Row> copies;
    for (int row : rows)
        copies.append(RowValues::copyOf(*model, m_table->row(row)));
    const QString text = rows.size() == 1 ? tr("Duplicate %1 %2").arg(QString::fromUtf8(model->typeName), m_table->rowId(rows.first()))
                                          : tr("Duplicate %1 %2 rows").arg(rows.size()).arg(QString::fromUtf8(model->typeName));
    m_editPending = false;
    m_writer->create(model, copies, text);
}

void ModelsPanel::deleteSelected()
{
    const Model::ModelPtr &model = m_table->model();
    QList<GraphQL::Value> ids;
    for (int row : selectedRows())
        ids.append(m_table->row(row).value(model->primaryKey().name.toUtf8()));
    if (model && !ids.isEmpty())
        m_writer->remove(model, ids);
}

void ModelsPanel::setCurrentNull()
{
    const QModelIndex index = m_view->currentIndex();
    if (index.isValid() && (m_table->flags(index) & (Qt::ItemIsEditable | Qt::ItemIsUserCheckable)))
        m_table->writeCell(index, GraphQL::Value());
}

void ModelsPanel::showMessage(const QString &text, bool isError)
{
    m_message->setStyleSheet(isError ? ErrorStyle : QString());
    m_message->setText(text);
    m_message->setToolTip(text);
}

void ModelsPanel::updateActions()
{
    const bool hasModel = m_table->model() != nullptr;
    const bool hasRows = hasModel && !selectedRows().isEmpty();
    m_add->setEnabled(hasModel);
    m_duplicate->setEnabled(hasRows);
    m_delete->setEnabled(hasRows);
    m_refresh->setEnabled(hasModel);
    const QUndoStack &stack = m_writer->undoStack();
    m_undo->setEnabled(stack.canUndo());
    m_redo->setEnabled(stack.canRedo());
    m_undo->setToolTip(stack.canUndo() ? tr("Undo: %1 (%2)").arg(stack.undoText(), m_undo->shortcut().toString(QKeySequence::NativeText)) : tr("Nothing to undo"));
    m_redo->setToolTip(stack.canRedo() ? tr("Redo: %1 (%2)").arg(stack.redoText(), m_redo->shortcut().toString(QKeySequence::NativeText)) : tr("Nothing to redo"));
}

void ModelsPanel::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    QMenu menu(this);
    menu.addActions({m_add, m_duplicate, m_delete});
    if (index.isValid()) {
        const Model::ColumnDefinition &column = m_table->column(index.column());
        menu.addSeparator();
        QAction *setNull = menu.addAction(tr("Set %1 to NULL").arg(column.name), this, &ModelsPanel::setCurrentNull);
        setNull->setEnabled(!column.notNull && (m_table->flags(index) & (Qt::ItemIsEditable | Qt::ItemIsUserCheckable))
                            && !m_table->value(index).isNull());
        if (!index.data(RowTableModel::ErrorRole).toString().isEmpty())
            menu.addAction(tr("Discard the refused value"), this, [this, index] { m_table->discardError(index); });
    }
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

bool ModelsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        layoutFilters();
    return QWidget::eventFilter(watched, event);
}

} // namespace Subscriptor::Ui
