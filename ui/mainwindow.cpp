// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace Subscriptor::Ui {

namespace {

constexpr int DefaultWidth = 1200;
constexpr int DefaultHeight = 780;

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("Subscriptor"));
    setObjectName(QStringLiteral("MainWindow"));
    resize(DefaultWidth, DefaultHeight);

    auto *welcome = new QLabel(this);
    welcome->setObjectName(QStringLiteral("welcome"));
    welcome->setAlignment(Qt::AlignCenter);
    welcome->setWordWrap(true);
    welcome->setTextFormat(Qt::RichText);
    welcome->setText(tr("<h2>Subscriptor</h2>"
                        "<p>GraphQL subscriptions for the rows of SQL tables.</p>"
                        "<p>Clients subscribe to a model's creates, updates and deletes over a WebSocket "
                        "and are told of every matching change, whoever made it.</p>"));
    setCentralWidget(welcome);
    createMenus();
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Subscriptor"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Subscriptor"),
                       tr("<b>Subscriptor %1</b><p>GraphQL subscriptions for the rows of SQL tables, with a "
                          "workbench to demonstrate and test them.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

} // namespace Subscriptor::Ui
