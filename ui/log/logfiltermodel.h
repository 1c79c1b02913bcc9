// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

namespace Subscriptor::Ui {

/// The notification log's filters: text (anywhere in the frame), kind, connection and model.
class LogFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFilterModel)

public:
    enum class Kind : quint8 { All, Notifications, Sent, Errors, ProtocolMessages };

    explicit LogFilterModel(QObject *parent = nullptr);

    void setText(const QString &text);
    void setKind(Kind kind);
    void setConnection(int connection); ///< 0: any
    void setModelLabel(const QString &label); ///< empty: any

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    Kind m_kind = Kind::All;
    int m_connection = 0;
    QString m_model;
};

} // namespace Subscriptor::Ui
