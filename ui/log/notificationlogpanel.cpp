// SPDX-License-Identifier: MIT
#include "notificationlogpanel.h"

#include "jsonformatter.h"
#include "logfiltermodel.h"
#include "notificationlogmodel.h"
#include "panelteardown.h"
#include "workbench.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Subscriptor::Ui {

NotificationLogPanel::NotificationLogPanel(Workbench &workbench, QWidget *parent)
    : QWidget(parent), m_workbench(workbench), m_model(workbench.log()), m_filter(new LogFilterModel(this)),
      m_text(new QLineEdit(this)), m_kind(new QComboBox(this)), m_connection(new QComboBox(this)),
      m_modelChoice(new QComboBox(this)), m_pause(new QToolButton(this)), m_count(new QLabel(this)),
      m_view(new QTableView(this)), m_detail(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("notificationLogPanel"));
    m_filter->setSourceModel(&m_model);

    m_text->setObjectName(QStringLiteral("logFilterText"));
    m_text->setPlaceholderText(tr("Filter frames by text"));
    m_text->setClearButtonEnabled(true);
    m_kind->setObjectName(QStringLiteral("logFilterKind"));
    m_kind->addItem(tr("All frames"), int(LogFilterModel::Kind::All));
    m_kind->addItem(tr("Notifications"), int(LogFilterModel::Kind::Notifications));
    m_kind->addItem(tr("Sent"), int(LogFilterModel::Kind::Sent));
    m_kind->addItem(tr("Errors"), int(LogFilterModel::Kind::Errors));
    m_kind->addItem(tr("Protocol messages"), int(LogFilterModel::Kind::ProtocolMessages));
    m_connection->setObjectName(QStringLiteral("logFilterConnection"));
    m_modelChoice->setObjectName(QStringLiteral("logFilterModel"));
    m_pause->setObjectName(QStringLiteral("logPause"));
    m_pause->setText(tr("Pause"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Hold new frames back from the table; nothing is lost"));
    auto *clear = new QToolButton(this);
    clear->setObjectName(QStringLiteral("logClear"));
    clear->setText(tr("Clear"));
    clear->setToolTip(tr("Hide the frames so far; Export still writes them"));
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("logExport"));
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Write every frame the log holds to an NDJSON or CSV file"));

    m_view->setObjectName(QStringLiteral("logTable"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    // Fixed row heights keep a table of 100k rows cheap to lay out.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(NotificationLogModel::Number, 60);
    m_view->setColumnWidth(NotificationLogModel::Time, 100);
    m_view->setColumnWidth(NotificationLogModel::Direction, 90);
    m_view->setColumnWidth(NotificationLogModel::Connection, 170);
    m_view->setColumnWidth(NotificationLogModel::Protocol, 150);

    m_detail->setObjectName(QStringLiteral("logDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Select a frame to see it here"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_text, 2);
    filters->addWidget(m_kind);
    filters->addWidget(m_connection);
    filters->addWidget(m_modelChoice);
    filters->addWidget(m_pause);
    filters->addWidget(clear);
    filters->addWidget(exportButton);
    filters->addWidget(m_count);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    connect(m_text, &QLineEdit::textChanged, m_filter, &LogFilterModel::setText);
    connect(m_kind, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setKind(LogFilterModel::Kind(m_kind->currentData().toInt())); });
    connect(m_connection, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setConnection(m_connection->currentData().toInt()); });
    connect(m_modelChoice, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setModelLabel(m_modelChoice->currentData().toString()); });
    connect(m_pause, &QToolButton::toggled, &m_model, &NotificationLogModel::setPaused);
    connect(clear, &QToolButton::clicked, &m_model, &NotificationLogModel::clear);
    connect(exportButton, &QToolButton::clicked, this, &NotificationLogPanel::exportLog);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &NotificationLogPanel::showSelected);

    // Autoscroll follows new rows while the view is at its bottom; scrolling up stops it.
    QScrollBar *bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) { m_autoscroll = value >= bar->maximum(); });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_autoscroll)
            m_view->scrollToBottom();
    });
    // The count line follows new entries and every filter change (a filter changes what is shown).
    connect(&m_model, &NotificationLogModel::entriesAdded, this, &NotificationLogPanel::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &NotificationLogPanel::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &NotificationLogPanel::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &NotificationLogPanel::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &NotificationLogPanel::updateCount);
    connect(&workbench, &Workbench::connectionsChanged, this, &NotificationLogPanel::refreshFilterChoices);
    connect(&workbench.server(), &Server::catalogChanged, this, &NotificationLogPanel::refreshFilterChoices);
    refreshFilterChoices();
    updateCount();
}

NotificationLogPanel::~NotificationLogPanel()
{
    disconnectChildren(this);
}

void NotificationLogPanel::updateCount()
{
    m_count->setText(tr("%1 shown · %2 kept").arg(m_filter->rowCount()).arg(m_model.retainedCount()));
}

void NotificationLogPanel::refreshFilterChoices()
{
    const int connection = m_connection->currentData().toInt();
    const QString model = m_modelChoice->currentData().toString();
    QSignalBlocker blockConnection(m_connection);
    QSignalBlocker blockModel(m_modelChoice);
    m_connection->clear();
    m_connection->addItem(tr("Every connection"), 0);
    for (const WorkbenchConnection &entry : m_workbench.connections())
        m_connection->addItem(entry.name, entry.number);
    m_connection->setCurrentIndex(qMax(0, m_connection->findData(connection)));
    m_modelChoice->clear();
    m_modelChoice->addItem(tr("Every model"), QString());
    if (const Model::CatalogPtr &catalog = m_workbench.server().catalog()) {
        for (const Model::ModelPtr &entry : catalog->models())
            m_modelChoice->addItem(entry->label, entry->label);
    }
    m_modelChoice->setCurrentIndex(qMax(0, m_modelChoice->findData(model)));
}

void NotificationLogPanel::showSelected()
{
    const QModelIndex index = m_filter->mapToSource(m_view->currentIndex());
    if (!index.isValid()) {
        m_detail->clear();
        return;
    }
    m_detail->setPlainText(prettyJson(index.data(NotificationLogModel::EntryTextRole).toString()));
    if (index.data(NotificationLogModel::EntryNotificationRole).toBool()) {
        Q_EMIT notificationSelected(index.data(NotificationLogModel::EntryStreamRole).toString(),
                                    index.data(NotificationLogModel::EntryRowRole).toString());
    }
}

qsizetype NotificationLogPanel::exportTo(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return -1;
    return path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? m_model.exportCsv(file) : m_model.exportNdjson(file);
}

void NotificationLogPanel::exportLog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the Log"), QStringLiteral("notifications.ndjson"),
                                                      tr("NDJSON (*.ndjson);;CSV (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

} // namespace Subscriptor::Ui
