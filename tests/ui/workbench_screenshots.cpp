// SPDX-License-Identifier: MIT
// workbench_screenshots: the pictures in docs/, taken from the real workbench. It opens the main
// window on a new demo database (settings kept in a temporary folder), lets its three client
// connections come up, subscribes two of them to auth.user through the Composer's form (the
// graphql-transport-ws one and the original protocol's one), renames a few users through the
// ModelStore as the Models panel does, selects a notification, and then writes the whole window
// and each panel as PNG files. tools/screenshots.sh runs it under Xvfb, so the pictures are what
// the X11 platform draws. Not a test: it asserts nothing, but says and exits 1 when a step fails.
//
//   workbench_screenshots DIR    writes DIR/workbench.png and DIR/panel-<name>.png
#include "composerpanel.h"
#include "connectionlist.h"
#include "mainwindow.h"
#include "modelspanel.h"
#include "notificationlogpanel.h"
#include "serverpanel.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QTableView>
#include <QTextStream>

using namespace Subscriptor;
using namespace Subscriptor::Ui;
using namespace Subscriptor::UiTest;

namespace {

[[noreturn]] void die(const QString &message)
{
    QTextStream(stderr) << "workbench_screenshots: " << message << Qt::endl;
    std::exit(1);
}

void settle(int milliseconds)
{
    QTest::qWait(milliseconds);
}

void save(QWidget *widget, const QDir &directory, const QString &name)
{
    const QString path = directory.filePath(name + QLatin1String(".png"));
    if (!widget || !widget->grab().save(path))
        die(QStringLiteral("cannot write %1").arg(path));
    QTextStream(stdout) << path << Qt::endl;
}

void subscribeFromForm(ComposerPanel &composer, const WorkbenchConnection &connection)
{
    if (!waitReady(connection.client))
        die(QStringLiteral("connection %1 did not come up").arg(connection.name));
    composer.connections()->setCurrent(connection.number);
    auto *model = composer.findChild<QComboBox *>(QStringLiteral("formModel"));
    if (!model || !QTest::qWaitFor([model] { return model->findText(QStringLiteral("auth.user")) >= 0; }, Timeout))
        die(QStringLiteral("the Composer's form has no auth.user"));
    model->setCurrentIndex(model->findText(QStringLiteral("auth.user")));
    composer.writeFromForm();
    if (!composer.send())
        die(QStringLiteral("the Composer could not send on %1").arg(connection.name));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc != 2)
        die(QStringLiteral("usage: workbench_screenshots DIR"));
    const QDir output(QString::fromLocal8Bit(argv[1]));
    if (!output.exists() && !QDir().mkpath(output.path()))
        die(QStringLiteral("cannot create %1").arg(output.path()));

    QTemporaryDir settings;
    QTemporaryDir database;
    isolateSettings(settings.path(), QStringLiteral("workbench_screenshots"));
    MainWindow window(demoConfig(database.path()));
    window.resize(1600, 1000);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !waitForServer(window.workbench()))
        die(QStringLiteral("the window or its server did not come up"));

    Workbench &workbench = window.workbench();
    auto *composer = qobject_cast<ComposerPanel *>(window.centralWidget());
    const QList<WorkbenchConnection> connections = workbench.connections();
    if (!composer || connections.size() < 3)
        die(QStringLiteral("the window has no Composer or not its three connections"));
    subscribeFromForm(*composer, connections[2]); // the original protocol
    subscribeFromForm(*composer, connections[0]); // graphql-transport-ws, left selected
    if (!QTest::qWaitFor([&workbench] { return serverSubscriptionCount(workbench.server()) >= 2; }, Timeout))
        die(QStringLiteral("the subscriptions did not reach the server"));

    auto *models = window.findChild<ModelsPanel *>();
    if (models)
        models->setCurrentModel(QStringLiteral("auth.user"));
    const QStringList names{QStringLiteral("Meg"), QStringLiteral("Ada"), QStringLiteral("Grace")};
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (!renameUser(workbench.server(), i == 0 ? 5 : i + 1, names[i]))
            die(QStringLiteral("cannot rename a user"));
    }
    auto *log = window.findChild<NotificationLogPanel *>();
    const QAbstractItemModel *rows = log ? log->view()->model() : nullptr;
    if (!rows || !QTest::qWaitFor([rows] { return rowsShowing(rows, NotificationLogModel::Type, QStringLiteral("next")) >= 3; }, Timeout))
        die(QStringLiteral("the notifications did not reach the log"));
    for (int row = rows->rowCount() - 1; row >= 0; --row) {
        if (rows->index(row, NotificationLogModel::Type).data().toString() == QLatin1String("next")) {
            log->view()->selectRow(row);
            break;
        }
    }
    settle(1500); // counters, the detail pane and the Models panel's selection catch up

    save(&window, output, QStringLiteral("workbench"));
    save(composer, output, QStringLiteral("panel-composer"));
    for (const QString &panel : {QStringLiteral("serverPanel"), QStringLiteral("modelsPanel"),
                                 QStringLiteral("notificationLogPanel"), QStringLiteral("schemaPanel")}) {
        QDockWidget *dock = window.dock(panel);
        if (!dock)
            die(QStringLiteral("no %1 in the window").arg(panel));
        dock->raise();
        settle(200);
        save(dock->widget(), output, QStringLiteral("panel-") + panel.chopped(int(qstrlen("Panel"))).toLower());
    }
    return 0;
}
