// SPDX-License-Identifier: MIT
#include "composerpanel.h"

#include "connectionlist.h"
#include "astprinter.h"
#include "graphqleditor.h"
#include "jsonformatter.h"
#include "json.h"
#include "operationtracker.h"
#include "panelteardown.h"
#include "parser.h"
#include "seedclient.h"
#include "subscriptionform.h"
#include "workbench.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Subscriptor::Ui {

namespace {

constexpr auto HistoryKey = "composer/history";

QGroupBox *box(const QString &title, QWidget *content, QWidget *parent)
{
    auto *group = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(group);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(content);
    return group;
}

// The root field and its arguments, for the subscriptions list: `userChanges(actions: [UPDATE])`.
QString summaryOf(const QString &document)
{
    const GraphQL::ParseResult parsed = GraphQL::Parser::parse(document.toUtf8());
    if (!parsed.document || parsed.document->operations.empty() || parsed.document->operations.front().selectionSet.empty())
        return document.simplified().left(80);
    const GraphQL::Ast::Selection &field = parsed.document->operations.front().selectionSet.front();
    QStringList arguments;
    for (const GraphQL::Ast::Argument &argument : field.arguments)
        arguments.append(QString::fromUtf8(argument.name.value) + QLatin1String(": ") + QString::fromUtf8(GraphQL::AstPrinter::printValue(argument.value)));
    return QString::fromUtf8(field.name.value) + (arguments.isEmpty() ? QString() : u'(' + arguments.join(QLatin1String(", ")) + u')');
}

GraphQL::Ast::OperationType operationType(const QString &document)
{
    const GraphQL::ParseResult parsed = GraphQL::Parser::parse(document.toUtf8());
    return parsed.document && parsed.document->operations.size() == 1 ? parsed.document->operations.front().operation
                                                                       : GraphQL::Ast::OperationType::Query;
}

} // namespace

ComposerPanel::ComposerPanel(Workbench &workbench, QWidget *parent)
    : QWidget(parent), m_workbench(workbench), m_connections(new ConnectionList(workbench, this)),
      m_form(new SubscriptionForm(this)), m_editor(new GraphQLEditor(this)), m_variables(new QPlainTextEdit(this)),
      m_diagnostics(new QLabel(this)), m_send(new QPushButton(tr("Send"), this)), m_history(new QComboBox(this)),
      m_tracker(new OperationTracker(workbench, this)), m_operations(new QTableView(this)), m_results(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("composerPanel"));
    m_variables->setObjectName(QStringLiteral("composerVariables"));
    m_variables->setPlaceholderText(tr("Variables, as a JSON object"));
    m_variables->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_variables->setMaximumHeight(90);
    m_diagnostics->setObjectName(QStringLiteral("composerDiagnostics"));
    m_diagnostics->setWordWrap(true);
    m_send->setObjectName(QStringLiteral("composerSend"));
    m_send->setToolTip(tr("Send on the selected connection (Ctrl+Enter)"));
    m_history->setObjectName(QStringLiteral("composerHistory"));
    m_history->setPlaceholderText(tr("History"));
    m_operations->setObjectName(QStringLiteral("composerOperations"));
    m_operations->setModel(m_tracker->model());
    m_operations->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_operations->setSelectionMode(QAbstractItemView::SingleSelection);
    m_operations->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_operations->verticalHeader()->hide();
    m_operations->horizontalHeader()->setSectionResizeMode(OperationTracker::SummaryColumn, QHeaderView::Stretch);
    m_results->setObjectName(QStringLiteral("composerResults"));
    m_results->setReadOnly(true);
    m_results->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_results->setPlaceholderText(tr("Results appear here"));

    auto *stop = new QPushButton(tr("Stop"), this);
    stop->setObjectName(QStringLiteral("composerStop"));
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_history, 1);
    sendRow->addWidget(m_send);
    auto *editorBox = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorBox);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_editor, 1);
    editorLayout->addWidget(m_variables);
    editorLayout->addWidget(m_diagnostics);
    editorLayout->addLayout(sendRow);
    auto *operationsBox = new QWidget(this);
    auto *operationsLayout = new QVBoxLayout(operationsBox);
    operationsLayout->setContentsMargins(0, 0, 0, 0);
    operationsLayout->addWidget(m_operations, 1);
    operationsLayout->addWidget(stop, 0, Qt::AlignRight);

    auto *left = new QSplitter(Qt::Vertical, this);
    left->addWidget(box(tr("Connections"), m_connections, this));
    left->addWidget(box(tr("Subscription form"), m_form, this));
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(box(tr("Running subscriptions"), operationsBox, this));
    right->addWidget(box(tr("Results"), m_results, this));
    auto *columns = new QSplitter(Qt::Horizontal, this);
    columns->addWidget(left);
    columns->addWidget(box(tr("GraphQL"), editorBox, this));
    columns->addWidget(right);
    columns->setStretchFactor(1, 2);
    columns->setSizes({280, 520, 320});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(columns);

    connect(m_form, &SubscriptionForm::writeRequested, this, &ComposerPanel::writeFromForm);
    connect(m_send, &QPushButton::clicked, this, &ComposerPanel::send);
    connect(m_editor, &GraphQLEditor::sendRequested, this, &ComposerPanel::send);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(shortcut, &QShortcut::activated, this, &ComposerPanel::send);
    connect(stop, &QPushButton::clicked, this, [this] { m_tracker->stop(m_operations->currentIndex().row()); });
    connect(m_editor, &GraphQLEditor::diagnosticsChanged, this, [this](const GraphQL::ErrorList &errors) {
        QStringList lines;
        for (const GraphQL::Error &error : errors) {
            const QString where = error.locations.isEmpty() ? QString()
                : QStringLiteral("%1:%2 ").arg(error.locations.first().line).arg(error.locations.first().column);
            lines.append(where + error.message);
        }
        m_diagnostics->setText(lines.join(u'\n'));
        m_diagnostics->setStyleSheet(lines.isEmpty() ? QString() : QStringLiteral("color: #c62828"));
    });
    connect(m_history, &QComboBox::activated, this, [this](int index) {
        m_editor->setPlainText(m_history->itemData(index).toString());
        m_variables->setPlainText(m_history->itemData(index, Qt::UserRole + 1).toString());
    });
    connect(m_operations->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) {
        const GraphQL::Value last = m_tracker->lastResult(index.row());
        if (!last.isNull())
            showResult(tr("last result"), QString::fromUtf8(GraphQL::Json::serialize(last)));
    });
    connect(m_connections, &ConnectionList::currentChanged, this, [this](int number) {
        const Client::ClientConnection *client = m_workbench.connection(number);
        m_form->setOperationVisible(client && client->protocol() == Client::Protocol::Seed);
    });
    connect(&workbench.server(), &Server::catalogChanged, this,
            [this](const Model::CatalogPtr &catalog, const GraphQL::SchemaPtr &schema) {
                m_form->setCatalog(catalog);
                m_editor->setSchema(schema);
            });
    loadHistory();
}

ComposerPanel::~ComposerPanel()
{
    disconnectChildren(this);
}

void ComposerPanel::writeFromForm()
{
    const Client::ClientConnection *client = m_workbench.connection(m_connections->current());
    const Client::Protocol protocol = client ? client->protocol() : Client::Protocol::TransportWs;
    const auto *seed = qobject_cast<const Client::SeedClient *>(client);
    m_editor->setPlainText(SubscriptionDocument::build(m_form->request(), protocol, seed ? seed->channelId() : QString()));
    m_variables->clear();
}

bool ComposerPanel::send()
{
    const int number = m_connections->current();
    Client::ClientConnection *client = m_workbench.connection(number);
    if (!client || client->state() != Client::ClientConnection::State::Ready) {
        m_diagnostics->setText(tr("Choose a connection that is ready (connect it first)."));
        return false;
    }
    const QString document = m_editor->toPlainText();
    GraphQL::Value variables;
    if (!m_variables->toPlainText().trimmed().isEmpty()) {
        GraphQL::Json::ParseError error;
        variables = GraphQL::Json::parse(m_variables->toPlainText().toUtf8(), &error);
        if (error.isError() || !variables.isObject()) {
            m_diagnostics->setText(tr("The variables are not a JSON object: %1").arg(error.message));
            return false;
        }
    }
    const QString id = client->send(document, variables);
    if (id.isEmpty())
        return false;
    addToHistory(document, m_variables->toPlainText());
    const bool isSubscription = operationType(document) == GraphQL::Ast::OperationType::Subscription;
    const std::optional<SubscriptionRequest> seedRequest = client->protocol() == Client::Protocol::Seed && m_workbench.server().catalog()
        ? SubscriptionDocument::parseSeed(document, *m_workbench.server().catalog())
        : std::nullopt;
    if (isSubscription && !seedRequest)
        m_tracker->started(number, id, summaryOf(document));
    // Show the reply of a one-result operation (queries, mutations, the original's subscribe).
    if (!isSubscription || seedRequest) {
        auto *context = new QObject(this);
        connect(client, &Client::ClientConnection::result, context,
                [this, context, id, number, seedRequest](const QString &operationId, const GraphQL::Value &payload) {
                    if (operationId != id)
                        return;
                    showResult(tr("operation %1").arg(id), QString::fromUtf8(GraphQL::Json::serialize(payload)));
                    const GraphQL::Value answer = payload.value("data").toObject().value(0).value;
                    if (seedRequest && answer.value("ok").toBool()) {
                        if (seedRequest->operation == QLatin1String("SUBSCRIBE"))
                            m_tracker->seedSubscribed(number, *seedRequest);
                        else
                            m_tracker->seedUnsubscribed(number, *seedRequest);
                    }
                    context->deleteLater();
                });
        connect(client, &Client::ClientConnection::operationError, context,
                [this, context, id](const QString &operationId, const GraphQL::Value &errors) {
                    if (operationId != id)
                        return;
                    showResult(tr("operation %1 failed").arg(id), QString::fromUtf8(GraphQL::Json::serialize(errors)));
                    context->deleteLater();
                });
    }
    return true;
}

void ComposerPanel::showResult(const QString &title, const QString &json)
{
    m_results->setPlainText(QStringLiteral("# %1\n%2").arg(title, prettyJson(json)));
}

void ComposerPanel::addToHistory(const QString &document, const QString &variables)
{
    const int existing = m_history->findData(document);
    if (existing >= 0)
        m_history->removeItem(existing);
    m_history->insertItem(0, document.simplified().left(100), document);
    m_history->setItemData(0, variables, Qt::UserRole + 1);
    while (m_history->count() > HistorySize)
        m_history->removeItem(m_history->count() - 1);
    m_history->setCurrentIndex(-1);
    QStringList saved;
    for (int i = 0; i < m_history->count(); ++i)
        saved.append(m_history->itemData(i).toString() + QChar(0x1f) + m_history->itemData(i, Qt::UserRole + 1).toString());
    QSettings().setValue(QString::fromLatin1(HistoryKey), saved);
}

void ComposerPanel::loadHistory()
{
    const QStringList saved = QSettings().value(QString::fromLatin1(HistoryKey)).toStringList();
    for (const QString &entry : saved) {
        const QString document = entry.section(QChar(0x1f), 0, 0);
        m_history->addItem(document.simplified().left(100), document);
        m_history->setItemData(m_history->count() - 1, entry.section(QChar(0x1f), 1), Qt::UserRole + 1);
    }
    m_history->setCurrentIndex(-1);
}

} // namespace Subscriptor::Ui
