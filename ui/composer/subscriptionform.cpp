// SPDX-License-Identifier: MIT
#include "subscriptionform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace Subscriptor::Ui {

namespace {

constexpr int FieldColumns = 3;

} // namespace

SubscriptionForm::SubscriptionForm(QWidget *parent)
    : QWidget(parent), m_model(new QComboBox(this)), m_action(new QComboBox(this)), m_operation(new QComboBox(this)),
      m_rowId(new QLineEdit(this)), m_fieldsBox(new QWidget(this)), m_fields(new QGridLayout(m_fieldsBox))
{
    setObjectName(QStringLiteral("subscriptionForm"));
    m_model->setObjectName(QStringLiteral("formModel"));
    m_action->setObjectName(QStringLiteral("formAction"));
    m_action->addItems({QStringLiteral("ALL_ACTIONS"), QStringLiteral("CREATE"), QStringLiteral("UPDATE"), QStringLiteral("DELETE")});
    m_operation->setObjectName(QStringLiteral("formOperation"));
    m_operation->addItems({QStringLiteral("SUBSCRIBE"), QStringLiteral("UNSUBSCRIBE")});
    m_rowId->setObjectName(QStringLiteral("formRowId"));
    m_rowId->setPlaceholderText(tr("any row"));
    m_fields->setContentsMargins(0, 0, 0, 0);

    auto *all = new QPushButton(tr("All"), this);
    auto *none = new QPushButton(tr("None"), this);
    auto *write = new QPushButton(tr("Write GraphQL"), this);
    write->setObjectName(QStringLiteral("formWrite"));
    auto *fieldButtons = new QHBoxLayout;
    fieldButtons->addWidget(all);
    fieldButtons->addWidget(none);
    fieldButtons->addStretch();
    fieldButtons->addWidget(write);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Model"), m_model);
    form->addRow(tr("Action"), m_action);
    form->addRow(tr("Operation"), m_operation);
    form->addRow(tr("Row id"), m_rowId);
    form->addRow(tr("Fields"), m_fieldsBox);
    form->addRow(QString(), fieldButtons);

    connect(m_model, &QComboBox::currentIndexChanged, this, &SubscriptionForm::showFields);
    connect(all, &QPushButton::clicked, this, [this] {
        for (QCheckBox *check : std::as_const(m_checks))
            check->setChecked(true);
    });
    connect(none, &QPushButton::clicked, this, [this] {
        for (QCheckBox *check : std::as_const(m_checks))
            check->setChecked(false);
    });
    connect(write, &QPushButton::clicked, this, &SubscriptionForm::writeRequested);
}

SubscriptionForm::~SubscriptionForm() = default;

void SubscriptionForm::setCatalog(const Model::CatalogPtr &catalog)
{
    m_catalog = catalog;
    const QString current = m_model->currentText();
    QSignalBlocker blocker(m_model);
    m_model->clear();
    if (catalog) {
        for (const Model::ModelPtr &model : catalog->models())
            m_model->addItem(model->label, model->table);
    }
    m_model->setCurrentIndex(qMax(0, m_model->findText(current)));
    showFields();
}

void SubscriptionForm::showFields()
{
    qDeleteAll(m_checks);
    m_checks.clear();
    const Model::ModelPtr model = m_catalog ? m_catalog->model(m_model->currentData().toString()) : nullptr;
    if (!model)
        return;
    for (const Model::ColumnDefinition &column : model->columns) {
        auto *check = new QCheckBox(column.name, m_fieldsBox);
        check->setObjectName(QLatin1String("formField_") + column.name);
        check->setChecked(true);
        const int index = int(m_checks.size());
        m_fields->addWidget(check, index / FieldColumns, index % FieldColumns);
        m_checks.append(check);
    }
}

void SubscriptionForm::setOperationVisible(bool visible)
{
    m_operation->setEnabled(visible);
    if (!visible)
        m_operation->setCurrentIndex(0);
}

SubscriptionRequest SubscriptionForm::request() const
{
    SubscriptionRequest request;
    request.model = m_catalog ? m_catalog->model(m_model->currentData().toString()) : nullptr;
    request.action = m_action->currentText();
    request.operation = m_operation->currentText();
    request.rowId = m_rowId->text().trimmed();
    bool all = true;
    for (const QCheckBox *check : m_checks) {
        if (check->isChecked())
            request.columns.append(check->text());
        else
            all = false;
    }
    if (all)
        request.columns.clear(); // every field: no `data` selection needed
    return request;
}

} // namespace Subscriptor::Ui
