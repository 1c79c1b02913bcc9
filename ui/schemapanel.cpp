// SPDX-License-Identifier: MIT
#include "schemapanel.h"

#include "sdlprinter.h"

#include <QApplication>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextDocument>
#include <QVBoxLayout>

namespace Subscriptor::Ui {

SchemaPanel::SchemaPanel(QWidget *parent)
    : QWidget(parent), m_search(new QLineEdit(this)), m_matches(new QLabel(this)), m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("schemaPanel"));
    m_search->setObjectName(QStringLiteral("schemaSearch"));
    m_search->setPlaceholderText(tr("Search the schema (Enter: next, Shift+Enter: previous)"));
    m_search->setClearButtonEnabled(true);
    m_text->setObjectName(QStringLiteral("schemaText"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setPlaceholderText(tr("The schema appears here once the server runs."));

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_matches);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(searchRow);
    layout->addWidget(m_text, 1);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        const int count = text.isEmpty() ? 0 : int(m_text->toPlainText().count(text, Qt::CaseInsensitive));
        m_matches->setText(text.isEmpty() ? QString() : tr("%n match(es)", nullptr, count));
        m_text->moveCursor(QTextCursor::Start);
        findNext();
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        findNext(QApplication::keyboardModifiers() & Qt::ShiftModifier);
    });
}

SchemaPanel::~SchemaPanel() = default;

void SchemaPanel::setSchema(const GraphQL::SchemaPtr &schema)
{
    m_text->setPlainText(schema ? QString::fromUtf8(GraphQL::SdlPrinter::print(*schema)) : QString());
}

QString SchemaPanel::text() const
{
    return m_text->toPlainText();
}

bool SchemaPanel::findNext(bool backwards)
{
    const QString text = m_search->text();
    if (text.isEmpty())
        return false;
    const QTextDocument::FindFlags flags = backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (m_text->find(text, flags))
        return true;
    // Wrap around once.
    m_text->moveCursor(backwards ? QTextCursor::End : QTextCursor::Start);
    return m_text->find(text, flags);
}

} // namespace Subscriptor::Ui
