// SPDX-License-Identifier: MIT
// The composer, driven as a user drives it, against the real embedded server: the form writes a
// subscription for each protocol, Send (Ctrl+Enter) runs it, it shows in the running list and in
// the Server panel's subscriptions table, a row edit through the server's ModelStore reaches the
// log, and Stop ends it on the server. Also: the editor's live validation, results, the history.
#include "composerpanel.h"
#include "connectionlist.h"
#include "graphqleditor.h"
#include "operationtracker.h"
#include "seedclient.h"
#include "serverpanel.h"
#include "uitestsupport.h"

#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>

using namespace Subscriptor;
using namespace Subscriptor::Ui;
using namespace Subscriptor::UiTest;

Q_DECLARE_METATYPE(Subscriptor::Client::Protocol)

namespace {

// The Server panel's subscriptions table.
constexpr int SubscriptionProtocolColumn = 1;
constexpr int SubscriptionModelColumn = 3;

} // namespace

class TestComposerPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void formSubscriptionRunsUntilStopped_data();
    void formSubscriptionRunsUntilStopped();
    void editorUnderlinesInvalidFields_data();
    void editorUnderlinesInvalidFields();
    void queryResultIsShown();
    void historyRestoresADocument();
    void sendNeedsAReadyConnection();

private:
    int addReadyConnection(Client::Protocol protocol);
    void writeWithForm(int connection, const QString &modelLabel, const QString &action);
    void sendWithShortcut();
    int serverSubscriptions(const QString &protocol, const QString &modelLabel) const;
    template<typename T>
    T *child(const char *name) const
    {
        return m_composer->findChild<T *>(QString::fromLatin1(name));
    }

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_database;
    std::unique_ptr<Workbench> m_workbench;
    std::unique_ptr<ComposerPanel> m_composer;
    std::unique_ptr<ServerPanel> m_serverPanel;
};

void TestComposerPanel::initTestCase()
{
    QVERIFY(m_settings.isValid());
    isolateSettings(m_settings.path(), QStringLiteral("tst_composerpanel"));
}

void TestComposerPanel::init()
{
    QSettings().clear();
    m_database = std::make_unique<QTemporaryDir>();
    m_workbench = std::make_unique<Workbench>();
    m_composer = std::make_unique<ComposerPanel>(*m_workbench);
    m_serverPanel = std::make_unique<ServerPanel>(*m_workbench);
    m_composer->resize(1200, 700);
    m_composer->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_composer.get()));
    QVERIFY(startServer(*m_workbench, demoConfig(m_database->path())));
}

void TestComposerPanel::cleanup()
{
    m_serverPanel.reset();
    m_composer.reset();
    m_workbench.reset();
    m_database.reset();
}

int TestComposerPanel::addReadyConnection(Client::Protocol protocol)
{
    const WorkbenchConnection connection = m_workbench->addConnection(protocol);
    if (!waitReady(connection.client))
        qWarning("connection %d did not become ready", connection.number);
    return connection.number;
}

// Picks the connection in the list, fills the form and presses "Write GraphQL".
void TestComposerPanel::writeWithForm(int connection, const QString &modelLabel, const QString &action)
{
    m_composer->connections()->setCurrent(connection);
    auto *model = child<QComboBox>("formModel");
    auto *actionBox = child<QComboBox>("formAction");
    QVERIFY(model && actionBox);
    QTRY_VERIFY_WITH_TIMEOUT(model->findText(modelLabel) >= 0, Timeout);
    model->setCurrentIndex(model->findText(modelLabel));
    actionBox->setCurrentIndex(actionBox->findText(action));
    QTest::mouseClick(child<QPushButton>("formWrite"), Qt::LeftButton);
}

void TestComposerPanel::sendWithShortcut()
{
    m_composer->editor()->setFocus();
    QTest::keyClick(m_composer->editor(), Qt::Key_Return, Qt::ControlModifier);
}

int TestComposerPanel::serverSubscriptions(const QString &protocol, const QString &modelLabel) const
{
    const QStandardItemModel *table = m_serverPanel->subscriptionsModel();
    int count = 0;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->index(row, SubscriptionProtocolColumn).data().toString() == protocol
            && table->index(row, SubscriptionModelColumn).data().toString() == modelLabel)
            ++count;
    }
    return count;
}

void TestComposerPanel::formSubscriptionRunsUntilStopped_data()
{
    QTest::addColumn<Client::Protocol>("protocol");
    QTest::addColumn<QString>("expectedField"); // what the form writes
    QTest::addColumn<QString>("frameType");     // what the log calls the notification
    // The server's subscriptions of an ALL_ACTIONS subscription: the seed protocol keeps one per
    // action (create, update, delete: reference/seed-protocol.md §2.3), the standard streams one.
    QTest::addColumn<int>("allActionsSubscriptions");
    QTest::newRow("seed") << Client::Protocol::Seed << QStringLiteral("userSubscription(channelId: ")
                          << QStringLiteral("notification") << 3;
    QTest::newRow("graphql-transport-ws") << Client::Protocol::TransportWs << QStringLiteral("userChanges(actions: [UPDATE])")
                                          << QStringLiteral("next") << 1;
    QTest::newRow("graphql-ws") << Client::Protocol::LegacyWs << QStringLiteral("userChanges(actions: [UPDATE])")
                                << QStringLiteral("data") << 1;
}

void TestComposerPanel::formSubscriptionRunsUntilStopped()
{
    QFETCH(Client::Protocol, protocol);
    QFETCH(QString, expectedField);
    QFETCH(QString, frameType);
    QFETCH(int, allActionsSubscriptions);
    const QString protocolName = Client::protocolName(protocol);
    const int number = addReadyConnection(protocol);
    Client::ClientConnection *client = m_workbench->connection(number);
    QVERIFY(client);

    // Compose with the form, send with Ctrl+Enter.
    writeWithForm(number, QStringLiteral("auth.user"), QStringLiteral("UPDATE"));
    const QString document = m_composer->editor()->toPlainText();
    QVERIFY2(document.contains(expectedField), qPrintable(document));
    if (protocol == Client::Protocol::Seed) {
        const QString channel = qobject_cast<Client::SeedClient *>(client)->channelId();
        QVERIFY(!channel.isEmpty());
        QVERIFY2(document.contains(QLatin1String("channelId: \"") + channel + u'"'), qPrintable(document));
        QVERIFY(document.contains(QLatin1String("operation: SUBSCRIBE")));
    }
    m_composer->editor()->validateNow();
    QVERIFY(m_composer->editor()->diagnostics().isEmpty());
    sendWithShortcut();

    // It runs: in the composer's list and in the server's table.
    OperationTracker *tracker = m_composer->tracker();
    QTRY_COMPARE_WITH_TIMEOUT(tracker->count(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(serverSubscriptions(protocolName, QStringLiteral("auth.user")), 1, Timeout);

    // A row edit through the ModelStore reaches the log with the right fields.
    QVERIFY(renameUser(m_workbench->server(), 5, QStringLiteral("Composed")));
    QTRY_COMPARE_WITH_TIMEOUT(notificationsOf(m_workbench->log(), number).size(), 1, Timeout);
    const LogEntry &entry = *notificationsOf(m_workbench->log(), number).first();
    QCOMPARE(entry.type, frameType);
    QCOMPARE(entry.stream, QStringLiteral("users"));
    QCOMPARE(entry.model, QStringLiteral("auth.user"));
    QCOMPARE(entry.action, QStringLiteral("update"));
    QCOMPARE(entry.rowId, QStringLiteral("5"));
    QCOMPARE(entry.protocol, protocol);
    QCOMPARE(entry.connectionName, m_workbench->connections().constLast().name);
    QVERIFY2(entry.text.contains(QLatin1String("Composed")), qPrintable(entry.text));
    if (protocol != Client::Protocol::Seed)
        QVERIFY(entry.seq > 0);
    QTRY_COMPARE_WITH_TIMEOUT(tracker->model()->index(0, OperationTracker::ResultsColumn).data().toInt(), 1, Timeout);

    // Stop: gone from the list and from the server.
    auto *operations = child<QTableView>("composerOperations");
    operations->setCurrentIndex(operations->model()->index(0, 0));
    QTest::mouseClick(child<QPushButton>("composerStop"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tracker->count(), 0, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(serverSubscriptions(protocolName, QStringLiteral("auth.user")), 0, Timeout);

    // No more notifications for it. The fence: a group subscription on the same connection, and a
    // group change committed after the user change. Changes reach a connection in commit order, so
    // once the group's notification is in, the user's would have been too.
    writeWithForm(number, QStringLiteral("auth.group"), QStringLiteral("ALL_ACTIONS"));
    sendWithShortcut();
    QTRY_COMPARE_WITH_TIMEOUT(serverSubscriptions(protocolName, QStringLiteral("auth.group")), allActionsSubscriptions, Timeout);
    QVERIFY(renameUser(m_workbench->server(), 5, QStringLiteral("After stop")));
    QVERIFY(renameGroup(m_workbench->server(), 1, QStringLiteral("Fence")));
    QTRY_COMPARE_WITH_TIMEOUT(notificationsOf(m_workbench->log(), number).size(), 2, Timeout);
    const QList<const LogEntry *> after = notificationsOf(m_workbench->log(), number);
    QCOMPARE(after.constLast()->stream, QStringLiteral("groups"));
    for (const LogEntry *notification : after)
        QVERIFY2(!notification->text.contains(QLatin1String("After stop")), qPrintable(notification->text));
}

void TestComposerPanel::editorUnderlinesInvalidFields_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("underlined"); // empty: a valid document
    QTest::addColumn<QString>("listed");     // in the diagnostics line

    QTest::newRow("unknown field") << QStringLiteral("subscription {\n  userChanges {\n    action\n    nickname\n  }\n}\n")
                                   << QStringLiteral("nickname") << QStringLiteral("4:5 ");
    QTest::newRow("unknown argument") << QStringLiteral("subscription {\n  userChanges(colour: RED) {\n    action\n  }\n}\n")
                                      << QStringLiteral("colour") << QStringLiteral("2:15 ");
    QTest::newRow("unknown nested field")
        << QStringLiteral("subscription {\n  userChanges {\n    data {\n      id\n      shoeSize\n    }\n  }\n}\n")
        << QStringLiteral("shoeSize") << QStringLiteral("5:7 ");
    QTest::newRow("valid") << QStringLiteral("subscription {\n  userChanges(actions: [UPDATE]) {\n    action\n    seq\n  }\n}\n")
                           << QString() << QString();
}

void TestComposerPanel::editorUnderlinesInvalidFields()
{
    QFETCH(QString, document);
    QFETCH(QString, underlined);
    QFETCH(QString, listed);
    GraphQLEditor *editor = m_composer->editor();
    QTRY_VERIFY_WITH_TIMEOUT(editor->completer()->model()->rowCount() > 0, Timeout); // the schema is in
    QSignalSpy validated(editor, &GraphQLEditor::diagnosticsChanged);
    editor->setPlainText(document);
    // Live: validated after the typing pause, without being asked.
    QTRY_VERIFY_WITH_TIMEOUT(!validated.isEmpty(), Timeout);

    auto *diagnostics = child<QLabel>("composerDiagnostics");
    QStringList wavy;
    for (const QTextEdit::ExtraSelection &selection : editor->extraSelections()) {
        if (selection.format.underlineStyle() == QTextCharFormat::WaveUnderline)
            wavy.append(selection.cursor.selectedText());
    }
    if (underlined.isEmpty()) {
        QVERIFY(editor->diagnostics().isEmpty());
        QVERIFY(wavy.isEmpty());
        QVERIFY(diagnostics->text().isEmpty());
        return;
    }
    QCOMPARE(editor->diagnostics().size(), 1);
    QCOMPARE(wavy, QStringList{underlined});
    QVERIFY2(diagnostics->text().startsWith(listed), qPrintable(diagnostics->text()));
    QVERIFY2(diagnostics->text().contains(underlined), qPrintable(diagnostics->text()));
}

void TestComposerPanel::queryResultIsShown()
{
    const int number = addReadyConnection(Client::Protocol::TransportWs);
    m_composer->connections()->setCurrent(number);
    m_composer->editor()->setPlainText(QStringLiteral("query { user(id: 5) { username email } }"));
    QTest::mouseClick(child<QPushButton>("composerSend"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_composer->results()->toPlainText().contains(QLatin1String("meaghan90")), Timeout);
    // Pretty JSON: one member a line.
    QVERIFY2(m_composer->results()->toPlainText().contains(QLatin1String("\n")), qPrintable(m_composer->results()->toPlainText()));
    QCOMPARE(m_composer->tracker()->count(), 0); // a query is not a running subscription
}

void TestComposerPanel::historyRestoresADocument()
{
    const int number = addReadyConnection(Client::Protocol::LegacyWs);
    m_composer->connections()->setCurrent(number);
    const QString first = QStringLiteral("query { user(id: 5) { username } }");
    const QString second = QStringLiteral("query Second($id: ID!) { user(id: $id) { email } }");
    m_composer->editor()->setPlainText(first);
    QVERIFY(m_composer->send());
    m_composer->editor()->setPlainText(second);
    m_composer->variables()->setPlainText(QStringLiteral("{\"id\": \"5\"}"));
    QVERIFY(m_composer->send());
    QTRY_VERIFY_WITH_TIMEOUT(m_composer->results()->toPlainText().contains(QLatin1String("@")), Timeout);

    auto *history = child<QComboBox>("composerHistory");
    QCOMPARE(history->count(), 2);
    QCOMPARE(history->itemData(0).toString(), second); // newest first
    m_composer->editor()->setPlainText(QStringLiteral("something else"));
    m_composer->variables()->clear();

    // Choose the older one from the drop-down, as a user does.
    history->showPopup();
    QAbstractItemView *popup = history->view();
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), Timeout);
    const QRect item = popup->visualRect(popup->model()->index(1, 0));
    QTest::mouseClick(popup->viewport(), Qt::LeftButton, {}, item.center());
    QTRY_COMPARE_WITH_TIMEOUT(m_composer->editor()->toPlainText(), first, Timeout);
    QVERIFY(m_composer->variables()->toPlainText().isEmpty());

    history->showPopup();
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), Timeout);
    QTest::mouseClick(popup->viewport(), Qt::LeftButton, {}, popup->visualRect(popup->model()->index(0, 0)).center());
    QTRY_COMPARE_WITH_TIMEOUT(m_composer->editor()->toPlainText(), second, Timeout);
    QCOMPARE(m_composer->variables()->toPlainText(), QStringLiteral("{\"id\": \"5\"}"));

    // Kept between runs.
    ComposerPanel again(*m_workbench);
    auto *restored = again.findChild<QComboBox *>(QStringLiteral("composerHistory"));
    QCOMPARE(restored->count(), 2);
    QCOMPARE(restored->itemData(0).toString(), second);
    QCOMPARE(restored->itemData(1).toString(), first);
}

void TestComposerPanel::sendNeedsAReadyConnection()
{
    const int number = addReadyConnection(Client::Protocol::TransportWs);
    Client::ClientConnection *client = m_workbench->connection(number);
    client->close();
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::ClientConnection::State::Disconnected, Timeout);
    m_composer->connections()->setCurrent(number);
    m_composer->editor()->setPlainText(QStringLiteral("query { user(id: 5) { username } }"));
    QVERIFY(!m_composer->send());
    QVERIFY(child<QLabel>("composerDiagnostics")->text().contains(QLatin1String("ready")));
    QCOMPARE(child<QComboBox>("composerHistory")->count(), 0);
}

QTEST_MAIN(TestComposerPanel)
#include "tst_composerpanel.moc"
