// SPDX-License-Identifier: MIT
#include "rowdelegate.h"

#include "rowtablemodel.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QRegularExpressionValidator>
#include <QSpinBox>

#include <cmath>
#include <limits>

namespace Subscriptor::Ui {

namespace {

using Model::ColumnType;

constexpr int IntMin = std::numeric_limits<int>::min();
constexpr int IntMax = std::numeric_limits<int>::max();

const Model::ColumnDefinition *columnOf(const QModelIndex &index)
{
    const auto *table = qobject_cast<const RowTableModel *>(index.model());
    return table && table->model() ? &table->column(index.column()) : nullptr;
}

QStyle *styleOf(const QWidget *widget)
{
    return widget ? widget->style() : QApplication::style();
}

// Set on an editor once the user has changed its value.
constexpr char EditedProperty[] = "subscriptorEdited";

void markEdited(QWidget *editor)
{
    editor->setProperty(EditedProperty, true);
}

// Marks the editor edited on any change of its value; setEditorData() blocks its signals, so
// these are the user's (or a test's, acting as one).
void watchEdits(QWidget *editor)
{
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        QObject::connect(spin, &QSpinBox::valueChanged, spin, [spin] { markEdited(spin); });
    else if (auto *doubleSpin = qobject_cast<QDoubleSpinBox *>(editor))
        QObject::connect(doubleSpin, &QDoubleSpinBox::valueChanged, doubleSpin, [doubleSpin] { markEdited(doubleSpin); });
    else if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
        QObject::connect(text, &QPlainTextEdit::textChanged, text, [text] { markEdited(text); });
    else if (auto *line = qobject_cast<QLineEdit *>(editor))
        QObject::connect(line, &QLineEdit::textChanged, line, [line] { markEdited(line); });
}

QLineEdit *lineEdit(QWidget *parent, const QString &name)
{
    auto *editor = new QLineEdit(parent);
    editor->setObjectName(name);
    editor->setFrame(false);
    return editor;
}

} // namespace

RowDelegate::RowDelegate(QObject *parent) : QStyledItemDelegate(parent) { }

RowDelegate::~RowDelegate() = default;

bool RowDelegate::isEdited(const QWidget *editor)
{
    return editor && editor->property(EditedProperty).toBool();
}

QWidget *RowDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QWidget *editor = createTypedEditor(parent, option, index);
    if (editor)
        watchEdits(editor);
    return editor;
}

QWidget *RowDelegate::createTypedEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Model::ColumnDefinition *column = columnOf(index);
    if (!column)
        return QStyledItemDelegate::createEditor(parent, option, index);
    const QVariant value = index.data(Qt::EditRole);
    // NULL is the spin box's lowest value, shown as NULL, where the column takes NULL.
    const QString nullText = column->notNull ? QString() : QStringLiteral("NULL");
    switch (column->type) {
    case ColumnType::Boolean:
        return nullptr; // the check box toggles in place
    case ColumnType::Integer: {
        const qlonglong number = value.toLongLong();
        if (value.typeId() == QMetaType::QString || number <= IntMin || number > IntMax) {
            QLineEdit *editor = lineEdit(parent, QStringLiteral("integerEditor"));
            editor->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("-?\\d{0,19}")), editor));
            return editor;
        }
        auto *editor = new QSpinBox(parent);
        editor->setObjectName(QStringLiteral("integerEditor"));
        editor->setFrame(false);
        editor->setRange(IntMin, IntMax);
        editor->setSpecialValueText(nullText);
        editor->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return editor;
    }
    case ColumnType::Float: {
        if (value.typeId() == QMetaType::QString || std::fabs(value.toDouble()) >= SpinBoxLimit)
            return lineEdit(parent, QStringLiteral("floatEditor"));
        auto *editor = new QDoubleSpinBox(parent);
        editor->setObjectName(QStringLiteral("floatEditor"));
        editor->setFrame(false);
        editor->setDecimals(FloatDecimals);
        editor->setRange(-SpinBoxLimit, SpinBoxLimit);
        editor->setSpecialValueText(nullText);
        editor->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return editor;
    }
    case ColumnType::Json: {
        auto *editor = new QPlainTextEdit(parent);
        editor->setObjectName(QStringLiteral("jsonEditor"));
        editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        editor->setTabChangesFocus(true);
        editor->setToolTip(tr("JSON; Ctrl+Return saves, Esc cancels"));
        return editor;
    }
    case ColumnType::DateTime: {
        QLineEdit *editor = lineEdit(parent, QStringLiteral("textEditor"));
        editor->setPlaceholderText(QStringLiteral("2024-05-01T12:30:00Z"));
        return editor;
    }
    case ColumnType::Text:
    case ColumnType::Blob:
        return lineEdit(parent, QStringLiteral("textEditor"));
    }
    return nullptr;
}

void RowDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    // The view calls this again on every change of the row (the answer to a write of another
    // cell, a change merged in): what the user is typing must not be replaced under their hands.
    if (isEdited(editor))
        return;
    const QSignalBlocker quiet(editor);
    const QVariant value = index.data(Qt::EditRole);
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        spin->setValue(value.isNull() ? spin->minimum() : int(value.toLongLong()));
    else if (auto *doubleSpin = qobject_cast<QDoubleSpinBox *>(editor))
        doubleSpin->setValue(value.isNull() ? doubleSpin->minimum() : value.toDouble());
    else if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
        text->setPlainText(value.toString());
    else if (auto *line = qobject_cast<QLineEdit *>(editor))
        line->setText(value.toString());
    else
        QStyledItemDelegate::setEditorData(editor, index);
}

void RowDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    QVariant value;
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        const bool isNull = !spin->specialValueText().isEmpty() && spin->value() == spin->minimum();
        value = isNull ? QVariant() : QVariant(qlonglong(spin->value()));
    } else if (auto *doubleSpin = qobject_cast<QDoubleSpinBox *>(editor)) {
        const bool isNull = !doubleSpin->specialValueText().isEmpty() && doubleSpin->value() == doubleSpin->minimum();
        value = isNull ? QVariant() : QVariant(doubleSpin->value());
    } else if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
        value = text->toPlainText();
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        value = line->text();
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    model->setData(index, value, Qt::EditRole);
}

void RowDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!qobject_cast<QPlainTextEdit *>(editor) || !editor->parentWidget()) {
        QStyledItemDelegate::updateEditorGeometry(editor, option, index);
        return;
    }
    // JSON needs room: a box below-right of the cell's corner, kept inside the view.
    QRect box(option.rect.topLeft(), QSize(qMax(option.rect.width(), JsonEditorWidth), qMax(option.rect.height(), JsonEditorHeight)));
    const QRect area = editor->parentWidget()->rect();
    box.moveRight(qMin(box.right(), area.right()));
    box.moveBottom(qMin(box.bottom(), area.bottom()));
    box.moveLeft(qMax(box.left(), area.left()));
    box.moveTop(qMax(box.top(), area.top()));
    editor->setGeometry(box);
}

QRect RowDelegate::checkRect(const QStyleOptionViewItem &option)
{
    QStyleOptionViewItem probe = option;
    probe.features |= QStyleOptionViewItem::HasCheckIndicator;
    const QSize size = styleOf(option.widget)->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &probe, option.widget).size();
    return QStyle::alignedRect(option.direction, Qt::AlignCenter, size, option.rect);
}

void RowDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant check = index.data(Qt::CheckStateRole);
    if (!check.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell (background, selection) without its check, then the check in the middle: a
    // column of left-aligned boxes next to nothing looks lost.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.features &= ~QStyleOptionViewItem::HasCheckIndicator;
    cell.text.clear();
    QStyle *style = styleOf(option.widget);
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, option.widget);
    QStyleOptionViewItem box = cell;
    box.rect = checkRect(option);
    box.state &= ~QStyle::State_HasFocus;
    switch (check.value<Qt::CheckState>()) {
    case Qt::Checked: box.state |= QStyle::State_On; break;
    case Qt::Unchecked: box.state |= QStyle::State_Off; break;
    case Qt::PartiallyChecked: box.state |= QStyle::State_NoChange; break;
    }
    if (!(index.flags() & Qt::ItemIsUserCheckable))
        box.state &= ~QStyle::State_Enabled;
    style->drawPrimitive(QStyle::PE_IndicatorItemViewItemCheck, &box, painter, option.widget);
}

bool RowDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                              const QModelIndex &index)
{
    const QVariant check = index.data(Qt::CheckStateRole);
    const Qt::ItemFlags flags = index.flags();
    if (!check.isValid() || !(flags & Qt::ItemIsUserCheckable) || !(flags & Qt::ItemIsEnabled))
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseButtonRelease: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || !checkRect(option).contains(mouse->position().toPoint()))
            return false;
        if (event->type() != QEvent::MouseButtonRelease)
            return true; // the press belongs to the check box, not to the selection
        break;
    }
    case QEvent::KeyPress: {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key != Qt::Key_Space && key != Qt::Key_Select)
            return false;
        break;
    }
    default:
        return false;
    }
    const bool checked = check.value<Qt::CheckState>() == Qt::Checked;
    return model->setData(index, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
}

bool RowDelegate::eventFilter(QObject *object, QEvent *event)
{
    // A JSON editor takes Return as a line break; Ctrl+Return saves, as in most code editors.
    if (event->type() == QEvent::KeyPress && qobject_cast<QPlainTextEdit *>(object)) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            auto *editor = static_cast<QWidget *>(object);
            Q_EMIT commitData(editor);
            Q_EMIT closeEditor(editor, QAbstractItemDelegate::NoHint);
            return true;
        }
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

} // namespace Subscriptor::Ui
