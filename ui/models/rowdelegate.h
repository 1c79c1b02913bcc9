// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace Subscriptor::Ui {

/**
 * Edits the Models panel's cells by column type: a check box for booleans (drawn centred, one
 * click or Space toggles it), spin boxes for numbers (NULL at the bottom of the range where
 * the column allows it), a JSON text editor larger than its cell (Ctrl+Return commits) and a
 * line edit for the rest. Read-only columns get no editor: the model does not flag them editable.
 * An open editor follows its cell's value (a write's answer, a change merged in) until the user
 * changes it; from then on it keeps what the user typed.
 */
class RowDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RowDelegate)

public:
    static constexpr int JsonEditorWidth = 380;
    static constexpr int JsonEditorHeight = 180;
    static constexpr int FloatDecimals = 6;
    /// Larger numbers than a spin box takes are edited as text.
    static constexpr double SpinBoxLimit = 1e15;

    explicit RowDelegate(QObject *parent = nullptr);
    ~RowDelegate() override;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// Where a boolean cell's check box is drawn.
    static QRect checkRect(const QStyleOptionViewItem &option);
    /// Whether the user has changed the editor's value since it was opened (it then keeps it).
    static bool isEdited(const QWidget *editor);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    bool eventFilter(QObject *object, QEvent *event) override;

private:
    QWidget *createTypedEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const;
};

} // namespace Subscriptor::Ui
