// SPDX-License-Identifier: MIT
#pragma once

#include "serverconfig.h"

#include <QMainWindow>

class QDockWidget;
class QLabel;

namespace Subscriptor::Ui {

class SchemaPanel;
class Workbench;

/**
 * The workbench's window: the panels dock around it (server, models, composer, notification log,
 * schema), the menus hold the commands and list the shortcuts, and the layout, the last database
 * and the client connections are kept between runs (QSettings).
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// Opens on `config`'s database and starts the embedded server.
    explicit MainWindow(const ServerConfig &config, QWidget *parent = nullptr);
    ~MainWindow() override;

    Workbench &workbench() { return *m_workbench; }
    /// The dock of a panel, by its object name (serverPanel, modelsPanel, …), or nullptr.
    QDockWidget *dock(const QString &panelName) const;

    /// The database the workbench opens without --db: the last one used, else the demo
    /// database in the user's data folder.
    static QString defaultDatabase();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QDockWidget *addPanel(QWidget *panel, const QString &title, Qt::DockWidgetArea area);
    void createMenus();
    void restoreLayout();
    void saveLayout();
    void openDatabase();
    void newDemoDatabase();
    void showShortcuts();
    void showAbout();
    void updateStatus();

    Workbench *m_workbench;
    SchemaPanel *m_schemaPanel;
    QMenu *m_viewMenu = nullptr;
    QLabel *m_serverLabel;
    bool m_triedFreePort = false;
};

} // namespace Subscriptor::Ui
