// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace Subscriptor::Ui {

class ConnectionList;
class GraphQLEditor;
class OperationTracker;
class SubscriptionForm;
class Workbench;

/**
 * The composer: the workbench's client connections, a form that writes a subscription's
 * GraphQL, the GraphQL editor (highlighting, completion, live validation) with its variables, Send
 * (Ctrl+Enter) on the chosen connection, the running subscriptions each with Stop, the results,
 * and a history of what was sent.
 */
class ComposerPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposerPanel)

public:
    static constexpr int HistorySize = 50;

    explicit ComposerPanel(Workbench &workbench, QWidget *parent = nullptr);
    ~ComposerPanel() override;

    GraphQLEditor *editor() const { return m_editor; }
    QPlainTextEdit *variables() const { return m_variables; }
    ConnectionList *connections() const { return m_connections; }
    SubscriptionForm *form() const { return m_form; }
    OperationTracker *tracker() const { return m_tracker; }
    QPlainTextEdit *results() const { return m_results; }
    /// Writes the form's subscription into the editor, for the selected connection's protocol.
    void writeFromForm();
    /// Sends the editor's operation on the selected connection; false with the reason shown.
    bool send();

private:
    void showResult(const QString &title, const QString &json);
    void addToHistory(const QString &document, const QString &variables);
    void loadHistory();

    Workbench &m_workbench;
    ConnectionList *m_connections;
    SubscriptionForm *m_form;
    GraphQLEditor *m_editor;
    QPlainTextEdit *m_variables;
    QLabel *m_diagnostics;
    QPushButton *m_send;
    QComboBox *m_history;
    OperationTracker *m_tracker;
    QTableView *m_operations;
    QPlainTextEdit *m_results;
};

} // namespace Subscriptor::Ui
