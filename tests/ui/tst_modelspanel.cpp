// SPDX-License-Identifier: MIT
// The Models panel against the real embedded server on a temporary demo database: the grid shows
// a model's rows; edits (typed in editors, toggled check boxes) reach the database through the
// ModelStore and notify (changesPublished); a refused edit is shown on its cell and writes
// nothing; add, duplicate and delete rows, and undo and redo each of them as writes of their own;
// changes made elsewhere (a mutation over HTTP, another program's ModelStore) appear without a
// refresh; filters, sorting, paging, and selectRow() from the notification log.
#include "database.h"
#include "modelspanel.h"
#include "rowtablemodel.h"
#include "uitestsupport.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTableView>
#include <QUndoStack>

using namespace Subscriptor;
using namespace Subscriptor::Ui;
using namespace Subscriptor::UiTest;

namespace {

const QString Users = QStringLiteral("auth.user");

} // namespace

class TestModelsPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheDemoRows();
    void editWritesAndNotifies();
    void editInTheEditor();
    void checkBoxToggles();
    void uniqueViolationStaysOnItsCell();
    void addRowUndoRedo();
    void duplicateRowUndoRedo();
    void deleteRowUndoRedo();
    void mutationOverHttpAppears();
    void otherStoreAppears();
    void columnFilter_data();
    void columnFilter();
    void badFilterIsShown();
    void sorting();
    void selectRow();
    void typedEditors();
    void pagesOfLargeTables();

private:
    RowTableModel *table() const { return m_panel->table(); }
    QTableView *view() const { return m_panel->view(); }
    QAction *action(const char *name) const { return m_panel->findChild<QAction *>(QString::fromLatin1(name)); }
    /// Shows a model as a user does, with the combo box, and waits for its rows.
    void pick(const QString &label);
    QModelIndex cell(const QString &id, const char *column) const
    {
        return table()->index(table()->rowOf(id), table()->sectionOf(QString::fromLatin1(column)));
    }
    QString shown(const QString &id, const char *column) const { return cell(id, column).data().toString(); }
    /// The editor open on `index`, when it is an `Editor` named `name`. Not findChild(): an editor
    /// just closed lingers among the view's children until its deferred delete.
    template<typename Editor>
    Editor *editorAt(const QModelIndex &index, const char *name) const
    {
        auto *editor = qobject_cast<Editor *>(view()->indexWidget(index));
        return editor && editor->objectName() == QLatin1String(name) ? editor : nullptr;
    }
    QStringList ids() const
    {
        QStringList result;
        for (int row = 0; row < table()->rowCount(); ++row)
            result.append(table()->rowId(row));
        return result;
    }
    /// What the database holds, read on this thread's own connection.
    QVariant stored(const QString &sql) const
    {
        QSqlQuery query(m_database->connection());
        return query.exec(sql) && query.next() ? query.value(0) : QVariant(QStringLiteral("<no row>"));
    }
    bool exec(const QString &sql) const
    {
        QSqlQuery query(m_database->connection());
        return query.exec(sql);
    }
    /// Whether a published change of `label`'s row `id` with this action arrived.
    bool published(Model::ChangeAction action, const QString &id, const QString &label = Users) const
    {
        for (const QList<QVariant> &arguments : *m_changes) {
            for (const Model::ChangeEvent &event : arguments.first().value<Model::ChangeEvents>()) {
                if (event.model->label == label && event.action == action && event.rowId == id)
                    return true;
            }
        }
        return false;
    }

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<Workbench> m_workbench;
    std::unique_ptr<ModelsPanel> m_panel;
    std::unique_ptr<Model::Database> m_database;
    std::unique_ptr<QSignalSpy> m_changes;
};

void TestModelsPanel::initTestCase()
{
    QVERIFY(m_settings.isValid());
    isolateSettings(m_settings.path(), QStringLiteral("tst_modelspanel"));
}

void TestModelsPanel::init()
{
    m_directory = std::make_unique<QTemporaryDir>();
    m_workbench = std::make_unique<Workbench>();
    // The panel comes first: it fills in once the server's catalog arrives.
    m_panel = std::make_unique<ModelsPanel>(*m_workbench);
    m_panel->resize(1000, 600);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    const ServerConfig config = demoConfig(m_directory->path());
    QVERIFY(startServer(*m_workbench, config));
    m_database = std::make_unique<Model::Database>(config.backend.database);
    QVERIFY(m_database->open());
    m_changes = std::make_unique<QSignalSpy>(&m_workbench->server(), &Server::changesPublished);
    pick(Users);
}

void TestModelsPanel::cleanup()
{
    m_changes.reset();
    if (m_database)
        m_database->closeConnection();
    m_database.reset();
    m_panel.reset();
    m_workbench.reset();
    m_directory.reset();
}

void TestModelsPanel::pick(const QString &label)
{
    auto *choice = m_panel->findChild<QComboBox *>(QStringLiteral("modelsModelChoice"));
    QTRY_VERIFY_WITH_TIMEOUT(choice->findData(label) >= 0, Timeout);
    choice->setCurrentIndex(choice->findData(label));
    QTRY_VERIFY_WITH_TIMEOUT(table()->model() && table()->model()->label == label && !table()->isLoading()
                                 && table()->rowCount() > 0, Timeout);
}

void TestModelsPanel::showsTheDemoRows()
{
    QCOMPARE(table()->rowCount(), 6);
    QCOMPARE(table()->columnCount(), 6);
    QCOMPARE(table()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("username"));
    QCOMPARE(ids(), (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                                 QStringLiteral("5"), QStringLiteral("6")}));
    QCOMPARE(shown(QStringLiteral("5"), "username"), QStringLiteral("meaghan90"));
    QCOMPARE(shown(QStringLiteral("5"), "email"), QStringLiteral("meaghan@gmail.com"));
    // Booleans are check boxes, the key is not edited in place, text is.
    QCOMPARE(cell(QStringLiteral("1"), "is_superuser").data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QCOMPARE(cell(QStringLiteral("5"), "is_superuser").data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QVERIFY(table()->flags(cell(QStringLiteral("5"), "is_superuser")) & Qt::ItemIsUserCheckable);
    QVERIFY(!(table()->flags(cell(QStringLiteral("5"), "id")) & Qt::ItemIsEditable));
    QVERIFY(table()->flags(cell(QStringLiteral("5"), "username")) & Qt::ItemIsEditable);
    QCOMPARE(m_panel->filterEdits().size(), 6);
    QCOMPARE(m_panel->findChild<QLabel *>(QStringLiteral("modelsCount"))->text(), QStringLiteral("6 rows"));
    // The filter line of a column sits over its header section.
    QHeaderView *header = view()->horizontalHeader();
    for (int section = 0; section < 6; ++section) {
        QLineEdit *edit = m_panel->filterEdits()[section];
        QCOMPARE(edit->mapTo(m_panel.get(), QPoint(0, 0)).x(), header->mapTo(m_panel.get(), QPoint(header->sectionViewportPosition(section), 0)).x());
        QCOMPARE(edit->width(), header->sectionSize(section));
    }
}

void TestModelsPanel::editWritesAndNotifies()
{
    QVERIFY(table()->setData(cell(QStringLiteral("5"), "first_name"), QStringLiteral("Meg")));
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT first_name FROM auth_user WHERE id = 5")).toString(), QStringLiteral("Meg"), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(published(Model::ChangeAction::Update, QStringLiteral("5")), Timeout);
    QCOMPARE(shown(QStringLiteral("5"), "first_name"), QStringLiteral("Meg"));
    QCOMPARE(m_panel->undoStack().count(), 1);

    // Undo and redo are writes of their own: each one notifies.
    m_changes->clear();
    action("modelsUndo")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT first_name FROM auth_user WHERE id = 5")).toString(), QStringLiteral("Meaghan"), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(published(Model::ChangeAction::Update, QStringLiteral("5")), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(shown(QStringLiteral("5"), "first_name"), QStringLiteral("Meaghan"), Timeout);
    m_changes->clear();
    action("modelsRedo")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT first_name FROM auth_user WHERE id = 5")).toString(), QStringLiteral("Meg"), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(published(Model::ChangeAction::Update, QStringLiteral("5")), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(shown(QStringLiteral("5"), "first_name"), QStringLiteral("Meg"), Timeout);
}

void TestModelsPanel::editInTheEditor()
{
    const QModelIndex index = cell(QStringLiteral("2"), "last_name");
    view()->setCurrentIndex(index);
    view()->edit(index);
    auto *editor = editorAt<QLineEdit>(index, "textEditor");
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("Hopper"));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Brewster Hopper"));
    // A change of the row made elsewhere comes in while the user types: the editor keeps their text.
    QVERIFY(renameUser(m_workbench->server(), 2, QStringLiteral("Grace B.")));
    QTRY_COMPARE_WITH_TIMEOUT(shown(QStringLiteral("2"), "first_name"), QStringLiteral("Grace B."), Timeout);
    QCOMPARE(editor->text(), QStringLiteral("Brewster Hopper"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT last_name FROM auth_user WHERE id = 2")).toString(),
                              QStringLiteral("Brewster Hopper"), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(shown(QStringLiteral("2"), "last_name"), QStringLiteral("Brewster Hopper"), Timeout);
}

void TestModelsPanel::checkBoxToggles()
{
    const QModelIndex index = cell(QStringLiteral("5"), "is_superuser");
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, view()->visualRect(index).center());
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT is_superuser FROM auth_user WHERE id = 5")).toInt(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("5"), "is_superuser").data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked, Timeout);
    action("modelsUndo")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT is_superuser FROM auth_user WHERE id = 5")).toInt(), 0, Timeout);
}

void TestModelsPanel::uniqueViolationStaysOnItsCell()
{
    const QModelIndex index = cell(QStringLiteral("5"), "username");
    QVERIFY(table()->setData(index, QStringLiteral("admin")));
    QTRY_VERIFY_WITH_TIMEOUT(index.data(RowTableModel::ErrorRole).toString().contains(QLatin1String("already exists")), Timeout);
    QVERIFY(index.data(Qt::ToolTipRole).toString().contains(QLatin1String("User with this username already exists.")));
    QCOMPARE(index.data(Qt::BackgroundRole).value<QColor>().red(), 0xff);
    QCOMPARE(index.data().toString(), QStringLiteral("admin")); // what was typed, to be corrected
    const QString message = m_panel->messageLine()->text();
    QVERIFY2(message.contains(QLatin1String("username")) && message.contains(QLatin1String("already exists")), qPrintable(message));
    QCOMPARE(m_panel->undoStack().count(), 0);

    // Nothing was written: a later write's change arrives, and none for user 5 came before it.
    QVERIFY(renameUser(m_workbench->server(), 2, QStringLiteral("Fence")));
    QTRY_VERIFY_WITH_TIMEOUT(published(Model::ChangeAction::Update, QStringLiteral("2")), Timeout);
    QVERIFY(!published(Model::ChangeAction::Update, QStringLiteral("5")));
    QCOMPARE(stored(QStringLiteral("SELECT username FROM auth_user WHERE id = 5")).toString(), QStringLiteral("meaghan90"));
    // The refused value stays on its cell through the refresh that the fence caused.
    QTRY_COMPARE_WITH_TIMEOUT(shown(QStringLiteral("2"), "first_name"), QStringLiteral("Fence"), Timeout);
    QCOMPARE(index.data().toString(), QStringLiteral("admin"));

    // A value that fits clears the error.
    QVERIFY(table()->setData(index, QStringLiteral("meaghan91")));
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT username FROM auth_user WHERE id = 5")).toString(), QStringLiteral("meaghan91"), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(index.data(RowTableModel::ErrorRole).toString().isEmpty(), Timeout);
    QVERIFY(!index.data(Qt::BackgroundRole).isValid());
}

void TestModelsPanel::addRowUndoRedo()
{
    action("modelsAdd")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(table()->rowCount(), 7, Timeout);
    QCOMPARE(stored(QStringLiteral("SELECT username FROM auth_user WHERE id = 7")).toString(), QStringLiteral("new_username"));
    QTRY_VERIFY_WITH_TIMEOUT(published(Model::ChangeAction::Create, QStringLiteral("7")), Timeout);
    // The new row is selected and its first editable cell open: type the real name.
    QTRY_VERIFY_WITH_TIMEOUT(editorAt<QLineEdit>(cell(QStringLiteral("7"), "username"), "textEditor"), Timeout);
    QCOMPARE(view()->currentIndex(), cell(QStringLiteral("7"), "username"));
    auto *editor = editorAt<QLineEdit>(cell(QStringLiteral("7"), "username"), "textEditor");
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("newbie"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT username FROM auth_user WHERE id = 7")).toString(), QStringLiteral("newbie"), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->undoStack().count(), 2, Timeout);

    // A second new row does not clash with a placeholder left as it is.
    action("modelsAdd")->trigger();
    action("modelsAdd")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(table()->rowCount(), 9, Timeout);
    QCOMPARE(stored(QStringLiteral("SELECT username FROM auth_user WHERE id = 9")).toString(), QStringLiteral("new_username_2"));

    m_panel->undoStack().setIndex(1); // undo both adds and the rename
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT count(*) FROM auth_user")).toInt(), 7, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT username FROM auth_user WHERE id = 7")).toString(), QStringLiteral("new_username"), Timeout);
    m_changes->clear();
    action("modelsUndo")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT count(*) FROM auth_user")).toInt(), 6, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(published(Model::ChangeAction::Delete, QStringLiteral("7")), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(table()->rowCount(), 6, Timeout);
    // Redo creates it again with the same key, so that the steps after it still find it.
    action("modelsRedo")->trigger();
    action("modelsRedo")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT username FROM auth_user WHERE id = 7")).toString(), QStringLiteral("newbie"), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(published(Model::ChangeAction::Create, QStringLiteral("7")), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(shown(QStringLiteral("7"), "username"), QStringLiteral("newbie"), Timeout);
}

void TestModelsPanel::duplicateRowUndoRedo()
{
    view()->selectionModel()->setCurrentIndex(cell(QStringLiteral("5"), "email"),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    action("modelsDuplicate")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(table()->rowCount(), 7, Timeout);
    // The copy's UNIQUE username gets a suffix; the rest is copied.
    QCOMPARE(stored(QStringLiteral("SELECT username || ' ' || first_name || ' ' || email FROM auth_user WHERE id = 7")).toString(),
             QStringLiteral("meaghan90_2 Meaghan meaghan@gmail.com"));
    QTRY_VERIFY_WITH_TIMEOUT(published(Model::ChangeAction::Create, QStringLiteral("7")), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(view()->currentIndex().row(), table()->rowOf(QStringLiteral("7")), Timeout);
    QCOMPARE(m_panel->undoStack().undoText(), QStringLiteral("Duplicate User 5"));

    action("modelsUndo")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT count(*) FROM auth_user")).toInt(), 6, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(table()->rowCount(), 6, Timeout);
    action("modelsRedo")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT username FROM auth_user WHERE id = 7")).toString(), QStringLiteral("meaghan90_2"), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(table()->rowCount(), 7, Timeout);
}

void TestModelsPanel::deleteRowUndoRedo()
{
    view()->selectionModel()->setCurrentIndex(cell(QStringLiteral("3"), "username"),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view()->selectionModel()->select(cell(QStringLiteral("4"), "username"), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    action("modelsDelete")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT count(*) FROM auth_user")).toInt(), 4, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(published(Model::ChangeAction::Delete, QStringLiteral("3")) && published(Model::ChangeAction::Delete, QStringLiteral("4")), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(table()->rowCount(), 4, Timeout);
    QCOMPARE(m_panel->undoStack().count(), 1); // one step for both

    m_changes->clear();
    action("modelsUndo")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT username || ' ' || last_name || ' ' || email FROM auth_user WHERE id = 3")).toString(),
                              QStringLiteral("linus Torvalds linus@example.com"), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT count(*) FROM auth_user")).toInt(), 6, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(published(Model::ChangeAction::Create, QStringLiteral("3")), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(table()->rowCount(), 6, Timeout);
    action("modelsRedo")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT count(*) FROM auth_user")).toInt(), 4, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(table()->rowCount(), 4, Timeout);
}

void TestModelsPanel::mutationOverHttpAppears()
{
    QUrl url = m_workbench->server().url();
    url.setScheme(QStringLiteral("http"));
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = manager.post(request, QByteArrayLiteral(
        R"({"query": "mutation { userUpdate(newUser: {id: 5, lastName: \"Mutated\"}) { ok } }"})"));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), Timeout);
    QVERIFY2(reply->readAll().contains("\"ok\":true"), "the mutation failed");
    reply->deleteLater();
    QTRY_COMPARE_WITH_TIMEOUT(shown(QStringLiteral("5"), "last_name"), QStringLiteral("Mutated"), Timeout);
}

void TestModelsPanel::otherStoreAppears()
{
    // Another program: its own connection and ModelStore on the same file.
    Model::ModelStore store(*m_database);
    const Model::ModelPtr users = m_workbench->server().catalog()->modelByLabel(Users);
    QVERIFY(store.update(*users, GraphQL::ObjectBuilder().append("id", 5).append("email", QStringLiteral("m@elsewhere.org")).build()).ok);
    QVERIFY(store.create(*users, GraphQL::ObjectBuilder().append("username", QStringLiteral("outsider")).build()).ok);
    QVERIFY(store.remove(*users, GraphQL::Value(qint64(6))).ok);
    QTRY_COMPARE_WITH_TIMEOUT(shown(QStringLiteral("5"), "email"), QStringLiteral("m@elsewhere.org"), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(shown(QStringLiteral("7"), "username"), QStringLiteral("outsider"), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(table()->rowOf(QStringLiteral("6")), -1, Timeout);
}

void TestModelsPanel::columnFilter_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("expected");
    auto row = [](const char *name, const char *column, const char *filter, const QString &expected) {
        QTest::newRow(name) << QString::fromLatin1(column) << QString::fromLatin1(filter)
                            << (expected.isEmpty() ? QStringList() : expected.split(u' '));
    };
    row("text contains", "username", "an", QStringLiteral("5"));
    row("text contains, any case", "first_name", "ADA", QStringLiteral("1"));
    row("text exactly", "username", "=john", QStringLiteral("6"));
    row("text exactly empty", "email", "=", QStringLiteral("6"));
    row("number equal", "id", "4", QStringLiteral("4"));
    row("number greater", "id", ">4", QStringLiteral("5 6"));
    row("number at most", "id", "<=2", QStringLiteral("1 2"));
    row("number range", "id", "2~4", QStringLiteral("2 3 4"));
    row("number open range", "id", "5~", QStringLiteral("5 6"));
    row("number list", "id", "1, 3,5", QStringLiteral("1 3 5"));
    row("boolean true", "is_superuser", "1", QStringLiteral("1"));
    row("boolean false", "is_superuser", "false", QStringLiteral("2 3 4 5 6"));
    row("not null", "email", "!NULL", QStringLiteral("1 2 3 4 5 6"));
    row("null", "email", "NULL", QString());
    row("nothing matches", "username", "zzz", QString());
}

void TestModelsPanel::columnFilter()
{
    QFETCH(QString, column);
    QFETCH(QString, filter);
    QFETCH(QStringList, expected);
    QLineEdit *edit = m_panel->filterEdits()[table()->sectionOf(column)];
    QCOMPARE(edit->objectName(), QLatin1String("modelsFilter_") + column);
    QVERIFY(edit->toolTip().contains(QLatin1String("a~b")) || column != QLatin1String("id"));
    edit->setText(filter);
    QTRY_COMPARE_WITH_TIMEOUT(ids(), expected, Timeout);
    QVERIFY(edit->styleSheet().isEmpty());
    edit->clear();
    QTRY_COMPARE_WITH_TIMEOUT(table()->rowCount(), 6, Timeout);
}

void TestModelsPanel::badFilterIsShown()
{
    QLineEdit *id = m_panel->filterEdits()[table()->sectionOf(QStringLiteral("id"))];
    m_panel->filterEdits()[table()->sectionOf(QStringLiteral("username"))]->setText(QStringLiteral("a"));
    id->setText(QStringLiteral(">abc"));
    QTRY_VERIFY_WITH_TIMEOUT(!id->styleSheet().isEmpty(), Timeout);
    QVERIFY(id->toolTip().contains(QLatin1String("Enter a whole number")));
    QVERIFY(m_panel->messageLine()->text().contains(QLatin1String("Filter on id left out")));
    // The line that parses still filters: usernames with an a.
    QTRY_COMPARE_WITH_TIMEOUT(ids(), (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("4"), QStringLiteral("5")}), Timeout);
}

void TestModelsPanel::sorting()
{
    QHeaderView *header = view()->horizontalHeader();
    const int username = table()->sectionOf(QStringLiteral("username"));
    const QPoint onUsername(header->sectionViewportPosition(username) + header->sectionSize(username) / 2, header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, onUsername);
    const QStringList ascending{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("6"), QStringLiteral("3"),
                                QStringLiteral("4"), QStringLiteral("5")}; // admin grace john linus margaret meaghan90
    QTRY_COMPARE_WITH_TIMEOUT(ids(), ascending, Timeout);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, onUsername);
    QStringList descending = ascending;
    std::reverse(descending.begin(), descending.end());
    QTRY_COMPARE_WITH_TIMEOUT(ids(), descending, Timeout);
    QCOMPARE(header->sortIndicatorSection(), username);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);

    // A change to the sorted column moves its row, and the selection goes with it.
    view()->selectionModel()->setCurrentIndex(cell(QStringLiteral("1"), "username"), QItemSelectionModel::ClearAndSelect);
    QVERIFY(updateRow(m_workbench->server(), Users, GraphQL::ObjectBuilder().append("id", 1).append("username", QStringLiteral("zed")).build()));
    QTRY_COMPARE_WITH_TIMEOUT(ids().first(), QStringLiteral("1"), Timeout);
    QCOMPARE(view()->currentIndex(), cell(QStringLiteral("1"), "username"));
}

void TestModelsPanel::selectRow()
{
    pick(QStringLiteral("auth.group"));
    m_panel->selectRow(QStringLiteral("users"), QStringLiteral("5"));
    QTRY_VERIFY_WITH_TIMEOUT(table()->model()->label == Users && view()->currentIndex().isValid(), Timeout);
    QCOMPARE(table()->rowId(view()->currentIndex().row()), QStringLiteral("5"));
    QVERIFY(view()->selectionModel()->isRowSelected(view()->currentIndex().row(), {}));
    // Within the model shown, at once.
    m_panel->selectRow(QStringLiteral("users"), QStringLiteral("2"));
    QCOMPARE(table()->rowId(view()->currentIndex().row()), QStringLiteral("2"));
}

void TestModelsPanel::typedEditors()
{
    QVERIFY(exec(QStringLiteral("CREATE TABLE gadget (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, stock INTEGER, "
                                "weight REAL, specs JSON, active BOOLEAN NOT NULL DEFAULT 1)")));
    QVERIFY(exec(QStringLiteral(R"(INSERT INTO gadget (name, stock, weight, specs) VALUES ('lamp', 3, 1.5, '{"watts": 40}'))")));
    QSignalSpy reloaded(&m_workbench->server(), &Server::reloaded);
    m_workbench->server().reload();
    QTRY_VERIFY_WITH_TIMEOUT(m_workbench->server().catalog()->model(u"gadget"), Timeout);
    pick(m_workbench->server().catalog()->model(u"gadget")->label);
    const QString lamp = QStringLiteral("1");
    QCOMPARE(shown(lamp, "specs"), QStringLiteral(R"({"watts":40})"));
    QCOMPARE(shown(lamp, "weight"), QStringLiteral("1.5"));

    auto open = [this](const QModelIndex &index) {
        view()->setCurrentIndex(index);
        view()->edit(index);
    };
    open(cell(lamp, "stock"));
    auto *spin = editorAt<QSpinBox>(cell(lamp, "stock"), "integerEditor");
    QVERIFY(spin);
    QCOMPARE(spin->value(), 3);
    spin->setValue(7);
    QTest::keyClick(spin, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT stock FROM gadget WHERE id = 1")).toInt(), 7, Timeout);

    // The lowest value of a nullable column's spin box is NULL.
    open(cell(lamp, "stock"));
    spin = editorAt<QSpinBox>(cell(lamp, "stock"), "integerEditor");
    QVERIFY(spin);
    spin->setValue(spin->minimum());
    QCOMPARE(spin->text(), QStringLiteral("NULL"));
    QTest::keyClick(spin, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(stored(QStringLiteral("SELECT stock IS NULL FROM gadget WHERE id = 1")).toBool(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(shown(lamp, "stock"), QStringLiteral("NULL"), Timeout);

    open(cell(lamp, "weight"));
    auto *number = editorAt<QDoubleSpinBox>(cell(lamp, "weight"), "floatEditor");
    QVERIFY(number);
    number->setValue(2.25);
    QTest::keyClick(number, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT weight FROM gadget WHERE id = 1")).toDouble(), 2.25, Timeout);

    open(cell(lamp, "specs"));
    auto *json = editorAt<QPlainTextEdit>(cell(lamp, "specs"), "jsonEditor");
    QVERIFY(json);
    QVERIFY(json->toPlainText().contains(QLatin1String("\"watts\": 40")));
    QVERIFY(json->width() >= 300); // larger than its cell
    json->setPlainText(QStringLiteral("{\"watts\": 60,\n \"dimmable\": true}"));
    QTest::keyClick(json, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT specs FROM gadget WHERE id = 1")).toString(),
                              QStringLiteral(R"({"watts":60,"dimmable":true})"), Timeout);

    // Text that is no JSON is refused on its cell, before the database.
    open(cell(lamp, "specs"));
    json = editorAt<QPlainTextEdit>(cell(lamp, "specs"), "jsonEditor");
    QVERIFY(json);
    json->setPlainText(QStringLiteral("{oops"));
    QTest::keyClick(json, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(cell(lamp, "specs").data(RowTableModel::ErrorRole).toString().contains(QLatin1String("valid JSON")), Timeout);
    QCOMPARE(stored(QStringLiteral("SELECT specs FROM gadget WHERE id = 1")).toString(), QStringLiteral(R"({"watts":60,"dimmable":true})"));

    // Refused while an accepted value of the same cell is still being written: the accepted one's
    // answer, which comes after the refusal, leaves the refusal on its cell.
    QVERIFY(table()->setData(cell(lamp, "specs"), QStringLiteral(R"({"watts": 75})")));
    QVERIFY(!table()->setData(cell(lamp, "specs"), QStringLiteral("{still no JSON")));
    QTRY_COMPARE_WITH_TIMEOUT(table()->value(cell(lamp, "specs")).value("watts").toInt(), qint64(75), Timeout);
    QVERIFY(cell(lamp, "specs").data(RowTableModel::ErrorRole).toString().contains(QLatin1String("valid JSON")));
    QCOMPARE(cell(lamp, "specs").data(Qt::EditRole).toString(), QStringLiteral("{still no JSON"));

    // Booleans have no editor, the check box toggles; the key has none either.
    QVERIFY(table()->flags(cell(lamp, "active")) & Qt::ItemIsUserCheckable);
    QVERIFY(!(table()->flags(cell(lamp, "active")) & Qt::ItemIsEditable));
    QVERIFY(!(table()->flags(cell(lamp, "id")) & Qt::ItemIsEditable));
}

void TestModelsPanel::pagesOfLargeTables()
{
    QVERIFY(exec(QStringLiteral("BEGIN")));
    for (int i = 0; i < 450; ++i)
        QVERIFY(exec(QStringLiteral("INSERT INTO auth_user (username) VALUES ('bulk%1')").arg(i)));
    QVERIFY(exec(QStringLiteral("COMMIT")));
    QTRY_COMPARE_WITH_TIMEOUT(table()->totalCount(), qint64(456), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(table()->rowCount(), RowTableModel::PageSize, Timeout);
    QVERIFY(table()->canFetchMore({}));
    // The view asks for the next page when it is scrolled to the bottom.
    QVERIFY(QTest::qWaitFor([this] {
        view()->scrollToBottom();
        return table()->rowCount() >= 2 * RowTableModel::PageSize;
    }, Timeout));
    QCOMPARE(table()->rowCount(), 2 * RowTableModel::PageSize);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->findChild<QLabel *>(QStringLiteral("modelsCount"))->text(), QStringLiteral("400 of 456 rows loaded"), Timeout);
    // The last row, beyond what is loaded, is found for selectRow().
    m_panel->selectRow(QStringLiteral("users"), QStringLiteral("456"));
    QTRY_COMPARE_WITH_TIMEOUT(table()->rowId(view()->currentIndex().row()), QStringLiteral("456"), Timeout);
}

QTEST_MAIN(TestModelsPanel)
#include "tst_modelspanel.moc"
