// SPDX-License-Identifier: MIT
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Subscriptor::Ui {

/// Colours GraphQL: keywords, type names, variables, strings (block strings too), numbers,
/// directives and comments.
class GraphQLHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphQLHighlighter)

public:
    explicit GraphQLHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_keyword;
    QTextCharFormat m_typeName;
    QTextCharFormat m_variable;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_directive;
    QTextCharFormat m_comment;
};

} // namespace Subscriptor::Ui
