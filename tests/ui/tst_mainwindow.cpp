// SPDX-License-Identifier: MIT
// The workbench's window as a whole, on a real demo database: its panels, the first run's
// connections, a subscription composed in the window and its notification in the window's log,
// the Schema panel's SDL and search, and what the window keeps between runs (layout, last
// database, connections) in QSettings, which the tests keep away from the user's.
#include "composerpanel.h"
#include "connectionlist.h"
#include "graphqleditor.h"
#include "mainwindow.h"
#include "notificationlogpanel.h"
#include "operationtracker.h"
#include "schemapanel.h"
#include "serverpanel.h"
#include "uitestsupport.h"

#include <QDockWidget>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QComboBox>
#include <QStatusBar>
#include <QStandardItemModel>
#include <QTableView>

using namespace Subscriptor;
using namespace Subscriptor::Ui;
using namespace Subscriptor::UiTest;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void panelsAreDocked_data();
    void panelsAreDocked();
    void firstRunHasAConnectionOfEachProtocol();
    void composedSubscriptionIsServedAndLogged();
    void schemaPanelShowsTheSdl();
    void schemaSearchFindsUserChanges();
    void restoresLayoutDatabaseAndConnections();

private:
    /// A window on `database` (the last one used when empty), shown, its server running.
    std::unique_ptr<MainWindow> openWindow(const QString &database = {});

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_database;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_settings.isValid());
    isolateSettings(m_settings.path(), QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::init()
{
    QSettings().clear(); // each test is a first run
    m_database = std::make_unique<QTemporaryDir>();
}

void TestMainWindow::cleanup()
{
    m_database.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::openWindow(const QString &database)
{
    ServerConfig config = demoConfig(m_database->path());
    // As main() does without --db.
    config.backend.database = database.isEmpty() ? MainWindow::defaultDatabase() : database;
    auto window = std::make_unique<MainWindow>(config);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !waitForServer(window->workbench()))
        qWarning("the window or its server did not come up");
    return window;
}

void TestMainWindow::panelsAreDocked_data()
{
    QTest::addColumn<QString>("panel");
    QTest::addColumn<QString>("title");
    QTest::newRow("server") << QStringLiteral("serverPanel") << QStringLiteral("Server");
    QTest::newRow("notification log") << QStringLiteral("notificationLogPanel") << QStringLiteral("Notification Log");
    QTest::newRow("schema") << QStringLiteral("schemaPanel") << QStringLiteral("Schema");
    QTest::newRow("models") << QStringLiteral("modelsPanel") << QStringLiteral("Models");
}

void TestMainWindow::panelsAreDocked()
{
    QFETCH(QString, panel);
    QFETCH(QString, title);
    const auto window = openWindow(m_database->filePath(QStringLiteral("demo.db")));
    QDockWidget *dock = window->dock(panel);
    QVERIFY(dock);
    QCOMPARE(dock->widget()->objectName(), panel);
    QVERIFY(dock->isVisible());
    QVERIFY(dock->windowTitle().contains(title));
    QVERIFY(dock->width() > 100 && dock->height() > 100);
    // The View menu shows and hides it.
    QAction *toggle = dock->toggleViewAction();
    bool listed = false;
    for (QAction *menu : window->menuBar()->actions()) {
        if (menu->menu() && menu->menu()->actions().contains(toggle))
            listed = true;
    }
    QVERIFY(listed);
    toggle->trigger();
    QVERIFY(dock->isHidden());
    toggle->trigger();
    QVERIFY(dock->isVisible());
    QVERIFY(qobject_cast<ComposerPanel *>(window->centralWidget()));
}

void TestMainWindow::firstRunHasAConnectionOfEachProtocol()
{
    const auto window = openWindow(m_database->filePath(QStringLiteral("demo.db")));
    const QList<WorkbenchConnection> &connections = window->workbench().connections();
    QCOMPARE(connections.size(), 3);
    QCOMPARE(connections[0].client->protocol(), Client::Protocol::TransportWs);
    QCOMPARE(connections[1].client->protocol(), Client::Protocol::LegacyWs);
    QCOMPARE(connections[2].client->protocol(), Client::Protocol::Seed);
    for (const WorkbenchConnection &connection : connections)
        QVERIFY(waitReady(connection.client));
    // The server panel sees them.
    auto *server = window->findChild<ServerPanel *>();
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionsModel()->rowCount(), 3, Timeout);
}

void TestMainWindow::composedSubscriptionIsServedAndLogged()
{
    const auto window = openWindow(m_database->filePath(QStringLiteral("demo.db")));
    Workbench &workbench = window->workbench();
    const WorkbenchConnection connection = workbench.connections().first();
    QVERIFY(waitReady(connection.client));
    auto *composer = qobject_cast<ComposerPanel *>(window->centralWidget());
    composer->connections()->setCurrent(connection.number);
    auto *model = composer->findChild<QComboBox *>(QStringLiteral("formModel"));
    QTRY_VERIFY_WITH_TIMEOUT(model->findText(QStringLiteral("auth.user")) >= 0, Timeout);
    model->setCurrentIndex(model->findText(QStringLiteral("auth.user")));
    composer->writeFromForm();
    QVERIFY(composer->editor()->toPlainText().contains(QLatin1String("userChanges")));
    QVERIFY(composer->send());
    QTRY_COMPARE_WITH_TIMEOUT(composer->tracker()->count(), 1, Timeout);
    auto *server = window->findChild<ServerPanel *>();
    QTRY_COMPARE_WITH_TIMEOUT(server->subscriptionsModel()->rowCount(), 1, Timeout);

    QVERIFY(renameUser(workbench.server(), 3, QStringLiteral("Windowed")));
    auto *log = window->findChild<NotificationLogPanel *>();
    const QAbstractItemModel *rows = log->view()->model();
    QTRY_COMPARE_WITH_TIMEOUT(rowsShowing(rows, NotificationLogModel::Type, QStringLiteral("next")), 1, Timeout);
    for (int row = 0; row < rows->rowCount(); ++row) {
        if (rows->index(row, NotificationLogModel::Type).data().toString() != QLatin1String("next"))
            continue;
        QCOMPARE(rows->index(row, NotificationLogModel::Row).data().toString(), QStringLiteral("3"));
        QCOMPARE(rows->index(row, NotificationLogModel::Connection).data().toString(), connection.name);
    }
    // The status bar names the server and the database.
    bool named = false;
    for (const QLabel *label : window->statusBar()->findChildren<QLabel *>())
        named = named || label->text().contains(workbench.server().url().toString());
    QVERIFY(named);
}

void TestMainWindow::schemaPanelShowsTheSdl()
{
    const auto window = openWindow(m_database->filePath(QStringLiteral("demo.db")));
    auto *schema = window->findChild<SchemaPanel *>();
    QVERIFY(schema);
    QTRY_VERIFY_WITH_TIMEOUT(!schema->text().isEmpty(), Timeout);
    const QString sdl = schema->text();
    for (const char *expected : {"type Subscription {", "type User {", "userChanges(", "userSubscription(", "type Mutation {",
                                 "userUpdate(newUser: UserInput!)", "enum ActionSubscriptionEnum {"})
        QVERIFY2(sdl.contains(QLatin1String(expected)), expected);
}

void TestMainWindow::schemaSearchFindsUserChanges()
{
    const auto window = openWindow(m_database->filePath(QStringLiteral("demo.db")));
    auto *schema = window->findChild<SchemaPanel *>();
    QTRY_VERIFY_WITH_TIMEOUT(!schema->text().isEmpty(), Timeout);
    auto *search = schema->findChild<QLineEdit *>(QStringLiteral("schemaSearch"));
    auto *text = schema->findChild<QPlainTextEdit *>(QStringLiteral("schemaText"));
    QTest::keyClicks(search, QStringLiteral("userChanges"));

    const int expected = int(schema->text().count(QLatin1String("userChanges"), Qt::CaseInsensitive));
    QVERIFY(expected >= 1);
    bool counted = false;
    for (const QLabel *label : schema->findChildren<QLabel *>())
        counted = counted || label->text() == (expected == 1 ? QStringLiteral("1 match(es)") : QStringLiteral("%1 match(es)").arg(expected));
    QVERIFY(counted);
    QCOMPARE(text->textCursor().selectedText(), QStringLiteral("userChanges"));
    const int first = text->textCursor().selectionStart();
    QCOMPARE(first, int(schema->text().indexOf(QLatin1String("userChanges"))));

    // Enter: the next one (wrapping around when there is only one).
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(text->textCursor().selectedText(), QStringLiteral("userChanges"));
    if (expected > 1)
        QVERIFY(text->textCursor().selectionStart() > first);
    QVERIFY(schema->findNext(true));
    QCOMPARE(text->textCursor().selectionStart(), first);

    search->clear();
    QTest::keyClicks(search, QStringLiteral("noSuchThingInTheSchema"));
    QVERIFY(!schema->findNext());
}

void TestMainWindow::restoresLayoutDatabaseAndConnections()
{
    const QString database = m_database->filePath(QStringLiteral("kept.db"));
    QStringList connections;
    {
        const auto window = openWindow(database);
        Workbench &workbench = window->workbench();
        workbench.addConnection(Client::Protocol::LegacyWs, QStringLiteral("my legacy client"));
        workbench.removeConnection(workbench.connections().first().number);
        for (const WorkbenchConnection &connection : workbench.connections())
            connections.append(Client::protocolName(connection.client->protocol()) + u'|' + connection.name);
        window->dock(QStringLiteral("schemaPanel"))->hide();
        window->addDockWidget(Qt::TopDockWidgetArea, window->dock(QStringLiteral("notificationLogPanel")));
        // As a user's resize comes after the window has laid out its docks again: with the Schema
        // panel hidden the right column, and so the window, may be lower than before.
        window->layout()->activate();
        window->resize(1234, 777);
        QTRY_COMPARE_WITH_TIMEOUT(window->size(), QSize(1234, 777), Timeout);
        QVERIFY(window->close());
    }
    QCOMPARE(connections.size(), 3);

    // Started without --db: the last database.
    QCOMPARE(MainWindow::defaultDatabase(), QFileInfo(database).absoluteFilePath());
    const auto window = openWindow();
    QCOMPARE(QFileInfo(window->workbench().config().backend.database).absoluteFilePath(), QFileInfo(database).absoluteFilePath());
    QStringList restored;
    for (const WorkbenchConnection &connection : window->workbench().connections())
        restored.append(Client::protocolName(connection.client->protocol()) + u'|' + connection.name);
    QCOMPARE(restored, connections);
    for (const WorkbenchConnection &connection : window->workbench().connections())
        QVERIFY(waitReady(connection.client));
    QVERIFY(window->dock(QStringLiteral("schemaPanel"))->isHidden());
    QCOMPARE(window->dockWidgetArea(window->dock(QStringLiteral("notificationLogPanel"))), Qt::TopDockWidgetArea);
    QCOMPARE(window->size(), QSize(1234, 777));
    // And it stays so once the panels show what the server reports (a long status line must not
    // widen the window).
    auto *counters = window->findChild<QLabel *>(QStringLiteral("serverCounters"));
    QTRY_VERIFY_WITH_TIMEOUT(counters->text().startsWith(QStringLiteral("3 connections · ")), Timeout);
    window->layout()->activate();
    QCOMPARE(window->size(), QSize(1234, 777));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
