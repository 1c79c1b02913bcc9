// SPDX-License-Identifier: MIT
#pragma once

#include "schema.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Subscriptor::Ui {

/// The server's GraphQL schema as SDL, with a search field that finds and highlights text.
class SchemaPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaPanel)

public:
    explicit SchemaPanel(QWidget *parent = nullptr);
    ~SchemaPanel() override;

    void setSchema(const GraphQL::SchemaPtr &schema);
    QString text() const;
    /// Selects the next match of the search text; false when there is none.
    bool findNext(bool backwards = false);

private:
    QLineEdit *m_search;
    QLabel *m_matches;
    QPlainTextEdit *m_text;
};

} // namespace Subscriptor::Ui
