// SPDX-License-Identifier: MIT
#include "graphqleditor.h"

#include "graphqlhighlighter.h"
#include "parser.h"
#include "validator.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QScrollBar>
#include <QSet>
#include <QStringListModel>
#include <QTextBlock>

namespace Subscriptor::Ui {

namespace {

constexpr int MinimumPrefix = 2;

QStringList schemaWords(const GraphQL::Schema &schema)
{
    QSet<QString> words = {QStringLiteral("query"), QStringLiteral("mutation"), QStringLiteral("subscription"),
                           QStringLiteral("fragment"), QStringLiteral("__typename")};
    for (const GraphQL::Type *type : schema.types()) {
        if (type->name().startsWith("__"))
            continue;
        words.insert(QString::fromUtf8(type->name()));
        for (const GraphQL::Field &field : type->fields()) {
            words.insert(QString::fromUtf8(field.name));
            for (const GraphQL::InputValue &argument : field.arguments)
                words.insert(QString::fromUtf8(argument.name));
        }
        for (const GraphQL::InputValue &field : type->inputFields())
            words.insert(QString::fromUtf8(field.name));
        for (const GraphQL::EnumValue &value : type->enumValues())
            words.insert(QString::fromUtf8(value.name));
    }
    QStringList sorted(words.cbegin(), words.cend());
    sorted.sort(Qt::CaseInsensitive);
    return sorted;
}

} // namespace

GraphQLEditor::GraphQLEditor(QWidget *parent)
    : QPlainTextEdit(parent), m_completer(new QCompleter(this)), m_words(new QStringListModel(this))
{
    setObjectName(QStringLiteral("graphqlEditor"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    setPlaceholderText(tr("subscription { userChanges { action data { id username } } }"));
    new GraphQLHighlighter(document());

    m_completer->setModel(m_words);
    m_completer->setWidget(this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &GraphQLEditor::insertCompletion);

    m_validationTimer.setSingleShot(true);
    m_validationTimer.setInterval(ValidationDelayMs);
    connect(&m_validationTimer, &QTimer::timeout, this, &GraphQLEditor::validateNow);
    connect(this, &QPlainTextEdit::textChanged, this, [this] { m_validationTimer.start(); });
}

GraphQLEditor::~GraphQLEditor() = default;

void GraphQLEditor::setSchema(const GraphQL::SchemaPtr &schema)
{
    m_schema = schema;
    m_words->setStringList(schema ? schemaWords(*schema) : QStringList());
    validateNow();
}

void GraphQLEditor::validateNow()
{
    m_validationTimer.stop();
    m_diagnostics.clear();
    const QString text = toPlainText();
    if (!text.trimmed().isEmpty()) {
        const GraphQL::ParseResult parsed = GraphQL::Parser::parse(text.toUtf8());
        if (parsed.error)
            m_diagnostics.append(*parsed.error);
        else if (m_schema)
            m_diagnostics = GraphQL::Validator::validate(*m_schema, *parsed.document);
    }
    // Underline where each error is, from its location to the end of the word.
    QList<QTextEdit::ExtraSelection> selections;
    for (const GraphQL::Error &error : std::as_const(m_diagnostics)) {
        for (const GraphQL::Ast::Location &location : error.locations) {
            const QTextBlock block = document()->findBlockByNumber(location.line - 1);
            if (!block.isValid())
                continue;
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(block);
            selection.cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, location.column - 1);
            selection.cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
            if (!selection.cursor.hasSelection())
                selection.cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor);
            selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            selection.format.setUnderlineColor(Qt::red);
            selection.format.setToolTip(error.message);
            selections.append(selection);
        }
    }
    setExtraSelections(selections);
    Q_EMIT diagnosticsChanged(m_diagnostics);
}

QString GraphQLEditor::wordUnderCursor() const
{
    QTextCursor cursor = textCursor();
    cursor.movePosition(QTextCursor::StartOfWord, QTextCursor::KeepAnchor);
    return cursor.selectedText();
}

void GraphQLEditor::insertCompletion(const QString &completion)
{
    QTextCursor cursor = textCursor();
    cursor.movePosition(QTextCursor::StartOfWord, QTextCursor::KeepAnchor);
    cursor.insertText(completion);
    setTextCursor(cursor);
}

void GraphQLEditor::showCompletions(bool force)
{
    const QString prefix = wordUnderCursor();
    if (!force && prefix.size() < MinimumPrefix) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(prefix);
    if (m_completer->completionCount() == 0 || (m_completer->completionCount() == 1 && m_completer->currentCompletion() == prefix)) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) + m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(rect);
}

void GraphQLEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore(); // the completer takes them
            return;
        default:
            break;
        }
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && (event->modifiers() & Qt::ControlModifier)) {
        Q_EMIT sendRequested();
        return;
    }
    if (event->key() == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier)) {
        showCompletions(true);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    const QString typed = event->text();
    if (!typed.isEmpty() && (typed.at(0).isLetterOrNumber() || typed.at(0) == u'_'))
        showCompletions(false);
    else if (m_completer->popup()->isVisible())
        m_completer->popup()->hide();
}

} // namespace Subscriptor::Ui
