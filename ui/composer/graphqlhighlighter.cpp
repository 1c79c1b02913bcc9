// SPDX-License-Identifier: MIT
#include "graphqlhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace Subscriptor::Ui {

namespace {

// Block states: inside a block string ("""…""") that continues on the next line.
constexpr int InBlockString = 1;

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

const QStringList &keywords()
{
    static const QStringList words = {
        QStringLiteral("query"), QStringLiteral("mutation"), QStringLiteral("subscription"), QStringLiteral("fragment"),
        QStringLiteral("on"), QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("null")};
    return words;
}

QTextCharFormat colored(const QColor &light, const QColor &dark, bool bold = false, bool italic = false)
{
    // Follow the system's light or dark palette.
    const bool isDark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    QTextCharFormat result;
    result.setForeground(isDark ? dark : light);
    if (bold)
        result.setFontWeight(QFont::Bold);
    result.setFontItalic(italic);
    return result;
}

} // namespace

GraphQLHighlighter::GraphQLHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document),
      m_keyword(colored(QColor(0x7b, 0x1f, 0xa2), QColor(0xce, 0x93, 0xd8), true)),
      m_typeName(colored(QColor(0x00, 0x69, 0x5c), QColor(0x80, 0xcb, 0xc4))),
      m_variable(colored(QColor(0xc6, 0x28, 0x28), QColor(0xef, 0x9a, 0x9a))),
      m_string(colored(QColor(0x2e, 0x7d, 0x32), QColor(0xa5, 0xd6, 0xa7))),
      m_number(colored(QColor(0x15, 0x65, 0xc0), QColor(0x90, 0xca, 0xf9))),
      m_directive(colored(QColor(0xef, 0x6c, 0x00), QColor(0xff, 0xcc, 0x80))),
      m_comment(colored(QColor(0x75, 0x75, 0x75), QColor(0x9e, 0x9e, 0x9e), false, true))
{
}

void GraphQLHighlighter::highlightBlock(const QString &text)
{
    qsizetype i = 0;
    const qsizetype size = text.size();
    setCurrentBlockState(0);
    if (previousBlockState() == InBlockString) {
        const qsizetype end = text.indexOf(QLatin1String("\"\"\""));
        if (end < 0) {
            setFormat(0, int(size), m_string);
            setCurrentBlockState(InBlockString);
            return;
        }
        setFormat(0, int(end + 3), m_string);
        i = end + 3;
    }
    while (i < size) {
        const QChar c = text[i];
        if (c == u'#') {
            setFormat(int(i), int(size - i), m_comment);
            return;
        }
        if (text.mid(i, 3) == QLatin1String("\"\"\"")) {
            const qsizetype end = text.indexOf(QLatin1String("\"\"\""), i + 3);
            if (end < 0) {
                setFormat(int(i), int(size - i), m_string);
                setCurrentBlockState(InBlockString);
                return;
            }
            setFormat(int(i), int(end + 3 - i), m_string);
            i = end + 3;
        } else if (c == u'"') {
            qsizetype end = i + 1;
            while (end < size && text[end] != u'"')
                end += text[end] == u'\\' ? 2 : 1;
            setFormat(int(i), int(qMin(end + 1, size) - i), m_string);
            i = end + 1;
        } else if (c == u'$' || c == u'@') {
            qsizetype end = i + 1;
            while (end < size && isNameChar(text[end]))
                ++end;
            setFormat(int(i), int(end - i), c == u'$' ? m_variable : m_directive);
            i = end;
        } else if (c.isDigit() || (c == u'-' && i + 1 < size && text[i + 1].isDigit())) {
            qsizetype end = i + 1;
            while (end < size && (text[end].isDigit() || text[end] == u'.' || text[end] == u'e' || text[end] == u'E'
                                  || text[end] == u'+' || text[end] == u'-'))
                ++end;
            setFormat(int(i), int(end - i), m_number);
            i = end;
        } else if (isNameStart(c)) {
            qsizetype end = i + 1;
            while (end < size && isNameChar(text[end]))
                ++end;
            const QString word = text.mid(i, end - i);
            if (keywords().contains(word))
                setFormat(int(i), int(end - i), m_keyword);
            else if (word.at(0).isUpper())
                setFormat(int(i), int(end - i), m_typeName);
            i = end;
        } else {
            ++i;
        }
    }
}

} // namespace Subscriptor::Ui
