// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

namespace Subscriptor::Ui {

/// The workbench's main window. Its panels (models, composer, notification log, server) dock
/// around the central area.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    void createMenus();
    void showAbout();
};

} // namespace Subscriptor::Ui
