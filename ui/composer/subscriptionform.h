// SPDX-License-Identifier: MIT
#pragma once

#include "catalog.h"
#include "subscriptiondocument.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLineEdit;

namespace Subscriptor::Ui {

/// The form that writes a subscription's GraphQL: model, action, operation, row id and a check
/// box per field.
class SubscriptionForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscriptionForm)

public:
    explicit SubscriptionForm(QWidget *parent = nullptr);
    ~SubscriptionForm() override;

    void setCatalog(const Model::CatalogPtr &catalog);
    SubscriptionRequest request() const;
    /// For the seed protocol the form has an operation (subscribe or unsubscribe); the standard
    /// streams end with Stop instead.
    void setOperationVisible(bool visible);

Q_SIGNALS:
    void writeRequested();

private:
    void showFields();

    Model::CatalogPtr m_catalog;
    QComboBox *m_model;
    QComboBox *m_action;
    QComboBox *m_operation;
    QLineEdit *m_rowId;
    QWidget *m_fieldsBox;
    QGridLayout *m_fields;
    QList<QCheckBox *> m_checks;
};

} // namespace Subscriptor::Ui
