// SPDX-License-Identifier: MIT
#pragma once

#include "error.h"
#include "schema.h"

#include <QPlainTextEdit>
#include <QTimer>

class QCompleter;
class QStringListModel;

namespace Subscriptor::Ui {

/**
 * A GraphQL editor: highlighting, completion of the schema's names (types, fields, arguments,
 * enum values), live validation against the schema (errors underlined, listed by diagnostics()),
 * and Ctrl+Enter to send.
 */
class GraphQLEditor final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphQLEditor)

public:
    static constexpr int ValidationDelayMs = 300;

    explicit GraphQLEditor(QWidget *parent = nullptr);
    ~GraphQLEditor() override;

    void setSchema(const GraphQL::SchemaPtr &schema);
    /// Validates now, instead of after the typing pause.
    void validateNow();
    const GraphQL::ErrorList &diagnostics() const { return m_diagnostics; }
    QCompleter *completer() const { return m_completer; }

Q_SIGNALS:
    void sendRequested();
    void diagnosticsChanged(const Subscriptor::GraphQL::ErrorList &errors);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void insertCompletion(const QString &completion);
    QString wordUnderCursor() const;
    void showCompletions(bool force);

    GraphQL::SchemaPtr m_schema;
    QCompleter *m_completer;
    QStringListModel *m_words;
    QTimer m_validationTimer;
    GraphQL::ErrorList m_diagnostics;
};

} // namespace Subscriptor::Ui
