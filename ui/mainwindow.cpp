// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "composerpanel.h"
#include "modelspanel.h"
#include "notificationlogpanel.h"
#include "schemapanel.h"
#include "serverpanel.h"
#include "workbench.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

namespace Subscriptor::Ui {

namespace {

constexpr int DefaultWidth = 1400;
constexpr int DefaultHeight = 900;
constexpr int FirstRunModelsWidth = 380;
constexpr int FirstRunServerWidth = 460;
constexpr auto GeometryKey = "window/geometry";
constexpr auto StateKey = "window/state";
constexpr auto DatabaseKey = "database/last";
constexpr auto ConnectionsKey = "composer/connections";

QString settingsKey(const char *key)
{
    return QString::fromLatin1(key);
}

} // namespace

QString MainWindow::defaultDatabase()
{
    const QString last = QSettings().value(settingsKey(DatabaseKey)).toString();
    if (!last.isEmpty() && QFileInfo::exists(last))
        return last;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return folder + QLatin1String("/demo.db");
}

MainWindow::MainWindow(const ServerConfig &config, QWidget *parent)
    : QMainWindow(parent), m_workbench(new Workbench(this)), m_schemaPanel(new SchemaPanel(this)),
      m_serverLabel(new QLabel(this))
{
    setWindowTitle(QStringLiteral("Subscriptor"));
    setObjectName(QStringLiteral("MainWindow"));
    resize(DefaultWidth, DefaultHeight);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    statusBar()->addPermanentWidget(m_serverLabel);

    createMenus();
    setCentralWidget(new ComposerPanel(*m_workbench, this));
    auto *serverPanel = new ServerPanel(*m_workbench, this);
    connect(serverPanel, &ServerPanel::openDatabaseRequested, this, &MainWindow::openDatabase);
    connect(serverPanel, &ServerPanel::newDemoDatabaseRequested, this, &MainWindow::newDemoDatabase);
    addPanel(serverPanel, tr("Server"), Qt::RightDockWidgetArea);
    auto *modelsPanel = new ModelsPanel(*m_workbench, this);
    addPanel(modelsPanel, tr("Models"), Qt::LeftDockWidgetArea);
    auto *logPanel = new NotificationLogPanel(*m_workbench, this);
    connect(logPanel, &NotificationLogPanel::notificationSelected, modelsPanel, &ModelsPanel::selectRow);
    addPanel(logPanel, tr("Notification Log"), Qt::BottomDockWidgetArea);
    addPanel(m_schemaPanel, tr("Schema"), Qt::RightDockWidgetArea);
    restoreLayout();

    Server &server = m_workbench->server();
    connect(&server, &Server::catalogChanged, this,
            [this](const Model::CatalogPtr &, const GraphQL::SchemaPtr &schema) { m_schemaPanel->setSchema(schema); });
    connect(&server, &Server::started, this, [this](const QUrl &url) {
        QSettings().setValue(settingsKey(DatabaseKey), QFileInfo(m_workbench->config().backend.database).absoluteFilePath());
        statusBar()->showMessage(tr("Serving %1").arg(url.toString()), 5000);
        updateStatus();
    });
    connect(&server, &Server::stopped, this, &MainWindow::updateStatus);
    connect(&server, &Server::failed, this, [this](const QString &error) {
        // A busy port is common on a desktop: take a free one rather than not start at all.
        if (!m_triedFreePort && error.contains(QLatin1String("in use"))) {
            m_triedFreePort = true;
            ServerConfig retry = m_workbench->config();
            retry.port = 0;
            m_workbench->startServer(retry);
            return;
        }
        statusBar()->showMessage(tr("The server did not start: %1").arg(error));
        updateStatus();
    });
    m_workbench->startServer(config);
    updateStatus();
}

MainWindow::~MainWindow() = default;

QDockWidget *MainWindow::addPanel(QWidget *panel, const QString &title, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(panel->objectName() + QLatin1String("Dock"));
    dock->setWidget(panel);
    addDockWidget(area, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    return dock;
}

QDockWidget *MainWindow::dock(const QString &panelName) const
{
    return findChild<QDockWidget *>(panelName + QLatin1String("Dock"));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Database…"), QKeySequence::Open, this, &MainWindow::openDatabase);
    file->addAction(tr("&New Demo Database…"), QKeySequence::New, this, &MainWindow::newDemoDatabase);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *server = menuBar()->addMenu(tr("&Server"));
    server->addAction(tr("&Start"), this, [this] { m_workbench->startServer(m_workbench->config()); });
    server->addAction(tr("S&top"), this, [this] { m_workbench->stopServer(); });
    server->addAction(tr("&Reload Models"), QKeySequence(Qt::CTRL | Qt::Key_R), this, [this] { m_workbench->server().reload(); });

    m_viewMenu = menuBar()->addMenu(tr("&View"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), QKeySequence::HelpContents, this, &MainWindow::showShortcuts);
    help->addAction(tr("&About Subscriptor"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(settingsKey(GeometryKey)).toByteArray());
    if (!restoreState(settings.value(settingsKey(StateKey)).toByteArray())) {
        // A first run: room for the Server panel's tables, the Models grid narrower than its rows.
        resizeDocks({dock(QStringLiteral("modelsPanel")), dock(QStringLiteral("serverPanel"))}, {FirstRunModelsWidth, FirstRunServerWidth},
                    Qt::Horizontal);
    }
    // The client connections of the last run; a first run gets one of each protocol.
    const QStringList saved = settings.value(settingsKey(ConnectionsKey),
                                             QStringList{QStringLiteral("1|"), QStringLiteral("2|"), QStringLiteral("0|")}).toStringList();
    for (const QString &entry : saved)
        m_workbench->addConnection(Client::Protocol(qBound(0, entry.section(u'|', 0, 0).toInt(), 2)), entry.section(u'|', 1));
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(settingsKey(GeometryKey), saveGeometry());
    settings.setValue(settingsKey(StateKey), saveState());
    QStringList connections;
    for (const WorkbenchConnection &connection : m_workbench->connections())
        connections.append(QString::number(int(connection.client->protocol())) + u'|' + connection.name);
    settings.setValue(settingsKey(ConnectionsKey), connections);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

void MainWindow::openDatabase()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open SQLite Database"),
                                                      QFileInfo(m_workbench->config().backend.database).absolutePath(),
                                                      tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (!path.isEmpty())
        m_workbench->openDatabase(path);
}

void MainWindow::newDemoDatabase()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New Demo Database"),
                                                      QFileInfo(defaultDatabase()).absolutePath() + QLatin1String("/demo-new.db"),
                                                      tr("SQLite databases (*.db)"));
    if (path.isEmpty())
        return;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    ServerConfig config = m_workbench->config();
    config.backend.database = path;
    config.backend.createDemo = true;
    m_workbench->startServer(config);
}

void MainWindow::updateStatus()
{
    const Server &server = m_workbench->server();
    m_serverLabel->setText(server.isRunning()
                               ? tr("%1 · %2").arg(server.url().toString(), QFileInfo(m_workbench->config().backend.database).fileName())
                               : tr("server stopped"));
}

void MainWindow::showShortcuts()
{
    QString rows;
    for (QAction *action : findChildren<QAction *>()) {
        if (action->shortcut().isEmpty() || action->text().isEmpty())
            continue;
        rows += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>")
                    .arg(action->text().remove(u'&').toHtmlEscaped(), action->shortcut().toString(QKeySequence::NativeText));
    }
    QMessageBox::information(this, tr("Keyboard Shortcuts"), QStringLiteral("<table cellspacing=6>%1</table>").arg(rows));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Subscriptor"),
                       tr("<b>Subscriptor %1</b><p>GraphQL subscriptions for the rows of SQL tables, with a workbench to "
                          "demonstrate and test them.</p>").arg(QCoreApplication::applicationVersion()));
}

} // namespace Subscriptor::Ui
