// SPDX-License-Identifier: MIT
// The Server panel against the real embedded server: its connections and subscriptions tables and
// counters follow what the workbench's clients do, a subscription shows its GraphQL, closing a
// connection with a code chosen in the dialog reaches the client with that code, and Stop/Start
// take the server down and up again (the clients come back).
#include "serverpanel.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>

#include <set>

using namespace Subscriptor;
using namespace Subscriptor::Ui;
using namespace Subscriptor::UiTest;

namespace {

// The tables' columns.
enum ConnectionColumn { ConnectionId, ConnectionProtocol, ConnectionPeer, ConnectionSubscriptions, ConnectionFramesSent };
enum SubscriptionColumn { SubscriptionConnection, SubscriptionProtocol, SubscriptionOperation, SubscriptionModel,
                          SubscriptionActions, SubscriptionRow, SubscriptionFields, SubscriptionDelivered };

} // namespace

class TestServerPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheServer();
    void tablesFollowConnectionsAndSubscriptions();
    void closeConnectionWithAChosenCode_data();
    void closeConnectionWithAChosenCode();
    void stopAndStartAgain();

private:
    Client::ClientConnection *addReadyConnection(Client::Protocol protocol);
    template<typename T>
    T *child(const char *name) const
    {
        return m_panel->findChild<T *>(QString::fromLatin1(name));
    }
    QString counters() const { return child<QLabel>("serverCounters")->text(); }

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_database;
    std::unique_ptr<Workbench> m_workbench;
    std::unique_ptr<ServerPanel> m_panel;
};

void TestServerPanel::initTestCase()
{
    QVERIFY(m_settings.isValid());
    isolateSettings(m_settings.path(), QStringLiteral("tst_serverpanel"));
}

void TestServerPanel::init()
{
    m_database = std::make_unique<QTemporaryDir>();
    m_workbench = std::make_unique<Workbench>();
    m_panel = std::make_unique<ServerPanel>(*m_workbench);
    m_panel->resize(700, 800);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QVERIFY(startServer(*m_workbench, demoConfig(m_database->path())));
}

void TestServerPanel::cleanup()
{
    m_panel.reset();
    m_workbench.reset();
    m_database.reset();
}

Client::ClientConnection *TestServerPanel::addReadyConnection(Client::Protocol protocol)
{
    Client::ClientConnection *client = m_workbench->addConnection(protocol).client;
    if (!waitReady(client))
        qWarning("the %s connection did not become ready", qPrintable(Client::protocolName(protocol)));
    return client;
}

void TestServerPanel::showsTheServer()
{
    QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>("serverUrl")->text(), m_workbench->server().url().toString(), Timeout);
    QVERIFY(m_workbench->server().url().port() > 0);
    const QFileInfo database(m_workbench->config().backend.database);
    QCOMPARE(child<QLabel>("serverDatabase")->text(), database.fileName());
    QCOMPARE(child<QLabel>("serverDatabase")->toolTip(), database.absoluteFilePath());
    QCOMPARE(child<QLineEdit>("serverPath")->text(), QStringLiteral("/graphql"));
    QCOMPARE(child<QPushButton>("serverStart")->text(), QStringLiteral("Restart"));
    QVERIFY(child<QPushButton>("serverStop")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(counters().startsWith(QStringLiteral("0 connections · 0 subscriptions")), Timeout);
}

void TestServerPanel::tablesFollowConnectionsAndSubscriptions()
{
    Client::ClientConnection *seed = addReadyConnection(Client::Protocol::Seed);
    Client::ClientConnection *transport = addReadyConnection(Client::Protocol::TransportWs);
    Client::ClientConnection *legacy = addReadyConnection(Client::Protocol::LegacyWs);
    QVERIFY(seed && transport && legacy);
    const QStandardItemModel *connections = m_panel->connectionsModel();
    QTRY_COMPARE_WITH_TIMEOUT(connections->rowCount(), 3, Timeout);
    std::set<QString> protocols;
    for (int row = 0; row < connections->rowCount(); ++row) {
        protocols.insert(connections->index(row, ConnectionProtocol).data().toString());
        QVERIFY(connections->index(row, ConnectionPeer).data().toString().startsWith(QLatin1String("127.0.0.1:")));
    }
    QCOMPARE(protocols, (std::set<QString>{QStringLiteral("seed"), QStringLiteral("graphql-transport-ws"), QStringLiteral("graphql-ws")}));

    const QString operationId = subscribe(m_workbench->server(), transport, QStringLiteral("auth.user"));
    QVERIFY(!operationId.isEmpty());
    QVERIFY(!subscribe(m_workbench->server(), seed, QStringLiteral("auth.group")).isEmpty());
    // Both subscribe to every action. The seed protocol keeps a subscription per action (create,
    // update, delete: reference/seed-protocol.md §2.3), each a row; the standard stream one row.
    const QStandardItemModel *subscriptions = m_panel->subscriptionsModel();
    QTRY_COMPARE_WITH_TIMEOUT(subscriptions->rowCount(), 4, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(counters().startsWith(QStringLiteral("3 connections · 4 subscriptions")), Timeout);
    int userRow = -1;
    std::set<QString> seedActions;
    for (int row = 0; row < subscriptions->rowCount(); ++row) {
        const QString model = subscriptions->index(row, SubscriptionModel).data().toString();
        if (model == QLatin1String("auth.user")) {
            QCOMPARE(userRow, -1);
            userRow = row;
            continue;
        }
        QCOMPARE(model, QStringLiteral("auth.group"));
        QCOMPARE(subscriptions->index(row, SubscriptionProtocol).data().toString(), QStringLiteral("seed"));
        seedActions.insert(subscriptions->index(row, SubscriptionActions).data().toString());
    }
    QVERIFY(userRow >= 0);
    QCOMPARE(seedActions, (std::set<QString>{QStringLiteral("create"), QStringLiteral("update"), QStringLiteral("delete")}));
    QCOMPARE(subscriptions->index(userRow, SubscriptionProtocol).data().toString(), QStringLiteral("graphql-transport-ws"));
    QCOMPARE(subscriptions->index(userRow, SubscriptionOperation).data().toString(), operationId);
    QCOMPARE(subscriptions->index(userRow, SubscriptionRow).data().toString(), QString());

    // A change is delivered and counted.
    QVERIFY(renameUser(m_workbench->server(), 5, QStringLiteral("Counted")));
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        for (int row = 0; row < subscriptions->rowCount(); ++row) {
            if (subscriptions->index(row, SubscriptionModel).data().toString() == QLatin1String("auth.user"))
                return subscriptions->index(row, SubscriptionDelivered).data().toString() == QLatin1String("1");
        }
        return false;
    }(), Timeout);

    // Selected, a subscription shows its GraphQL.
    auto *view = child<QTableView>("subscriptionsTable");
    for (int row = 0; row < subscriptions->rowCount(); ++row) {
        if (subscriptions->index(row, SubscriptionModel).data().toString() == QLatin1String("auth.user"))
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(subscriptions->index(row, 1)).center());
    }
    QTRY_VERIFY_WITH_TIMEOUT(child<QPlainTextEdit>("subscriptionGraphQL")->toPlainText().contains(QLatin1String("userChanges")),
                             Timeout);

    // A closed client leaves both tables.
    legacy->close();
    QTRY_COMPARE_WITH_TIMEOUT(connections->rowCount(), 2, Timeout);
    transport->close();
    QTRY_COMPARE_WITH_TIMEOUT(subscriptions->rowCount(), 3, Timeout);
    for (int row = 0; row < subscriptions->rowCount(); ++row)
        QCOMPARE(subscriptions->index(row, SubscriptionProtocol).data().toString(), QStringLiteral("seed"));
}

void TestServerPanel::closeConnectionWithAChosenCode_data()
{
    QTest::addColumn<int>("code");
    QTest::newRow("1001 going away") << 1001;
    QTest::newRow("1008 policy violation") << 1008;
    QTest::newRow("4000 application") << 4000;
    QTest::newRow("4999 application, highest") << 4999;
}

void TestServerPanel::closeConnectionWithAChosenCode()
{
    QFETCH(int, code);
    Client::ClientConnection *client = addReadyConnection(Client::Protocol::TransportWs);
    QVERIFY(client);
    QSignalSpy closed(client, &Client::ClientConnection::closedByServer);
    const QStandardItemModel *connections = m_panel->connectionsModel();
    QTRY_COMPARE_WITH_TIMEOUT(connections->rowCount(), 1, Timeout);
    auto *view = child<QTableView>("connectionsTable");
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(connections->index(0, 0)).center());
    QCOMPARE(view->currentIndex().row(), 0);

    // The dialog asks for the code: the user types it and presses OK.
    bool answered = false;
    QTimer answer;
    answer.setInterval(10);
    connect(&answer, &QTimer::timeout, this, [&answer, &answered, code] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        answer.stop();
        dialog->setIntValue(code);
        dialog->accept();
        answered = true;
    });
    answer.start();
    QTest::mouseClick(child<QPushButton>("closeConnection"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(answered, Timeout);

    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, Timeout);
    QCOMPARE(closed.first().at(0).toInt(), code);
    QCOMPARE(closed.first().at(1).toString(), QStringLiteral("Closed from the workbench"));
    // The client comes back by itself (backoff), as a new connection.
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::ClientConnection::State::Ready, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(connections->rowCount(), 1, Timeout);
}

void TestServerPanel::stopAndStartAgain()
{
    Client::ClientConnection *client = addReadyConnection(Client::Protocol::Seed);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->connectionsModel()->rowCount(), 1, Timeout);
    QTest::mouseClick(child<QPushButton>("serverStop"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_workbench->server().isRunning(), Timeout);
    QCOMPARE(child<QLineEdit>("serverUrl")->text(), QStringLiteral("stopped"));
    QCOMPARE(child<QPushButton>("serverStart")->text(), QStringLiteral("Start"));
    QVERIFY(!child<QPushButton>("serverStop")->isEnabled());
    QCOMPARE(m_panel->connectionsModel()->rowCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(client->state() != Client::ClientConnection::State::Ready, Timeout);

    QTest::mouseClick(child<QPushButton>("serverStart"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_workbench->server().isRunning(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>("serverUrl")->text(), m_workbench->server().url().toString(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::ClientConnection::State::Ready, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->connectionsModel()->rowCount(), 1, Timeout);
}

QTEST_MAIN(TestServerPanel)
#include "tst_serverpanel.moc"
